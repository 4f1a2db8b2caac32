package dev.kustodian.core.cluster;

import dev.kustodian.core.model.SecretsMode;

import java.nio.file.Path;

/**
 * Which cluster to read: exactly one of a kubeconfig context (LIVE), snapshot files (SNAPSHOT) or the embedded
 * demo cluster (DEMO). For LIVE, {@code kubeconfig} null means KUBECONFIG or ~/.kube/config, and {@code context}
 * null means the current context. {@code secrets}: how much of each Secret the load reads (every source; FULL unless
 * {@code --secrets metadata}). {@code deadlines} bound how long a load waits on the API server and on an exec
 * credential plugin (per load: two specs in one process may differ).
 */
public record SourceSpec(Kind kind, Path kubeconfig, String context, Path snapshotPath, SecretsMode secrets,
                         Deadlines deadlines) {

    public SourceSpec {
        secrets = secrets == null ? SecretsMode.FULL : secrets;
        deadlines = deadlines == null ? Deadlines.DEFAULTS : deadlines;
    }

    public SourceSpec(Kind kind, Path kubeconfig, String context, Path snapshotPath, SecretsMode secrets) {
        this(kind, kubeconfig, context, snapshotPath, secrets, Deadlines.DEFAULTS);
    }

    /** The same source, read in {@code mode}. */
    public SourceSpec withSecrets(SecretsMode mode) {
        return new SourceSpec(kind, kubeconfig, context, snapshotPath, mode, deadlines);
    }

    /** The same source with other deadlines. */
    public SourceSpec withDeadlines(Deadlines d) {
        return new SourceSpec(kind, kubeconfig, context, snapshotPath, secrets, d);
    }

    /** IN_CLUSTER: the cluster this process runs in, through the pod's service account (no kubeconfig). */
    public enum Kind { LIVE, SNAPSHOT, DEMO, IN_CLUSTER }

    public static SourceSpec live(Path kubeconfig, String context) {
        return new SourceSpec(Kind.LIVE, kubeconfig, context, null, null);
    }

    public static SourceSpec snapshot(Path path) {
        return new SourceSpec(Kind.SNAPSHOT, null, null, path, null);
    }

    /** The cluster of the pod this process runs in ({@code scan --in-cluster}). */
    public static SourceSpec inCluster() {
        return new SourceSpec(Kind.IN_CLUSTER, null, null, null, null);
    }

    public static SourceSpec demo() {
        return new SourceSpec(Kind.DEMO, null, null, null, null);
    }

    public String describe() {
        return switch (kind) {
            case LIVE -> "context " + (context == null ? "(current)" : context)
                    + (kubeconfig == null ? "" : " of " + kubeconfig);
            case SNAPSHOT -> "snapshot " + snapshotPath;
            case DEMO -> "the demo cluster";
            case IN_CLUSTER -> "the cluster this pod runs in";
        };
    }
}
