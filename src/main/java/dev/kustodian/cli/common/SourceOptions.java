package dev.kustodian.cli.common;

import dev.kustodian.core.cluster.Deadlines;
import dev.kustodian.core.cluster.SourceSpec;
import dev.kustodian.core.util.Durations;
import dev.kustodian.core.util.UserFacingException;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * The one way a command names its cluster: the kubeconfig (default), {@code --snapshot PATH} or {@code --demo}.
 * Mixed into every command that reads a cluster.
 */
public final class SourceOptions {
    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "Kubeconfig file (default: $KUBECONFIG, several files merged like kubectl, else ~/.kube/config).")
    Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", description = "Kubeconfig context (default: the current context).")
    String context;

    @Option(names = "--snapshot", paramLabel = "PATH",
            description = "Read a snapshot instead of a cluster: a YAML/JSON file or folder (kubectl get -o yaml|json output, or a kustodian snapshot file).")
    Path snapshot;

    @Option(names = "--demo", description = "Use the embedded demo cluster.")
    boolean demo;

    @Option(names = "--secrets", paramLabel = "MODE",
            description = "full (default): secrets are read whole and their values dropped after deriving key names, "
                    + "sizes, TLS dates, fingerprints and registry hosts; metadata: only their metadata is read (no "
                    + "value reaches Kustodian) and the checks that need values are reported as not evaluated.")
    String secrets;

    /** The --secrets mode (FULL when not given); bad input naming the accepted values. */
    public dev.kustodian.core.model.SecretsMode secretsMode() {
        if (secrets == null) {
            return dev.kustodian.core.model.SecretsMode.FULL;
        }
        try {
            return dev.kustodian.core.model.SecretsMode.parse(secrets);
        } catch (IllegalArgumentException e) {
            throw UserFacingException.badInput("--secrets: " + e.getMessage());
        }
    }

    /** Whether the user named a source (else commands that can do without a cluster use none). */
    public boolean given() {
        return snapshot != null || demo || kubeconfig != null || context != null;
    }

    /** The --kubeconfig file, or null ($KUBECONFIG / ~/.kube/config). */
    public Path kubeconfig() {
        return kubeconfig;
    }

    /** Bad input when a fleet scan (which names its contexts itself) also got --context, --snapshot or --demo. */
    public void checkFleet(String flag) {
        if (context != null || snapshot != null || demo) {
            throw UserFacingException.badInput(flag + " scans kubeconfig contexts: it cannot be combined with "
                    + (context != null ? "--context (list it in --contexts)" : snapshot != null ? "--snapshot" : "--demo")
                    + ".");
        }
    }

    @Option(names = "--request-timeout", paramLabel = "DURATION",
            description = "Give up on an API server request after this long: seconds or 500ms, 30s, 2m (default 30s; connecting: 10s).")
    String requestTimeout;

    @Option(names = "--exec-timeout", paramLabel = "DURATION",
            description = "Stop a kubeconfig exec credential plugin after this long: seconds or 30s, 2m (default 60s).")
    String execTimeout;

    /** --request-timeout and --exec-timeout (bad input for a malformed duration): carried by each source spec. */
    public Deadlines deadlines() {
        return new Deadlines(requestTimeout == null ? null : Durations.parse("--request-timeout", requestTimeout),
                execTimeout == null ? null : Durations.parse("--exec-timeout", execTimeout));
    }

    public SourceSpec toSpec() {
        Deadlines deadlines = deadlines();
        int n = (snapshot != null ? 1 : 0) + (demo ? 1 : 0) + ((kubeconfig != null || context != null) ? 1 : 0);
        if (n > 1) {
            throw UserFacingException.badInput(
                    "Choose one source: --kubeconfig/--context, --snapshot PATH or --demo, not several.");
        }
        if (snapshot != null) {
            return SourceSpec.snapshot(snapshot).withSecrets(secretsMode()).withDeadlines(deadlines);
        }
        if (demo) {
            return SourceSpec.demo().withSecrets(secretsMode()).withDeadlines(deadlines);
        }
        return SourceSpec.live(kubeconfig, context).withSecrets(secretsMode()).withDeadlines(deadlines);
    }
}
