package dev.kustodian.core.cluster;

import java.nio.file.Path;

/**
 * Which cluster to read: exactly one of a kubeconfig context (LIVE), snapshot files (SNAPSHOT) or the embedded
 * demo cluster (DEMO). For LIVE, {@code kubeconfig} null means KUBECONFIG or ~/.kube/config, and {@code context}
 * null means the current context.
 */
public record SourceSpec(Kind kind, Path kubeconfig, String context, Path snapshotPath) {

    public enum Kind { LIVE, SNAPSHOT, DEMO }

    public static SourceSpec live(Path kubeconfig, String context) {
        return new SourceSpec(Kind.LIVE, kubeconfig, context, null);
    }

    public static SourceSpec snapshot(Path path) {
        return new SourceSpec(Kind.SNAPSHOT, null, null, path);
    }

    public static SourceSpec demo() {
        return new SourceSpec(Kind.DEMO, null, null, null);
    }

    public String describe() {
        return switch (kind) {
            case LIVE -> "context " + (context == null ? "(current)" : context)
                    + (kubeconfig == null ? "" : " of " + kubeconfig);
            case SNAPSHOT -> "snapshot " + snapshotPath;
            case DEMO -> "the demo cluster";
        };
    }
}
