package dev.kustodian.core.cluster;

import dev.kustodian.core.model.SourceInfo;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.Progress;
import dev.kustodian.core.util.UserFacingException;
import io.fabric8.kubernetes.client.Config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The in-cluster configuration of a pod, as client-go's {@code rest.InClusterConfig} builds it: the API server at
 * {@code https://$KUBERNETES_SERVICE_HOST:$KUBERNETES_SERVICE_PORT}, the service account's token (re-read from its
 * file on every request: the kubelet rotates projected tokens), the cluster CA from {@code ca.crt}, and the pod's
 * namespace. No kubeconfig is read.
 */
public final class InCluster {

    /** Where the kubelet mounts the service account's token, CA and namespace. */
    public static final Path SERVICE_ACCOUNT_DIR = Path.of("/var/run/secrets/kubernetes.io/serviceaccount");
    /** The context name of an in-cluster load (there is no kubeconfig context). */
    public static final String CONTEXT = "in-cluster";

    private InCluster() {
    }

    /**
     * What the pod provides: its environment variables and the service account directory (tests point both at a
     * simulated pod).
     */
    public record Environment(Map<String, String> env, Path serviceAccountDir) {
        public Environment {
            env = Map.copyOf(env);
        }

        /** This process's environment and the standard service account mount. */
        public static Environment current() {
            return new Environment(System.getenv(), SERVICE_ACCOUNT_DIR);
        }

        Path token() {
            return serviceAccountDir.resolve("token");
        }

        Path ca() {
            return serviceAccountDir.resolve("ca.crt");
        }

        Path namespaceFile() {
            return serviceAccountDir.resolve("namespace");
        }
    }

    /**
     * The client configuration of the pod; bad input (exit 2) naming what is missing when this process does not run
     * in a pod (no service host/port) or the pod has no service account token or CA.
     */
    static Config config(Environment e) {
        String host = e.env().getOrDefault("KUBERNETES_SERVICE_HOST", "").trim();
        String port = e.env().getOrDefault("KUBERNETES_SERVICE_PORT", "").trim();
        if (host.isEmpty() || port.isEmpty()) {
            throw UserFacingException.badInput("--in-cluster works only inside a Kubernetes pod: "
                    + (host.isEmpty() ? "KUBERNETES_SERVICE_HOST" : "KUBERNETES_SERVICE_PORT") + " is not set. "
                    + "From a workstation or CI job scan with --context NAME (and -o policyreport | kubectl apply "
                    + "-f -), or install the scanner with kustodian generate scanner.");
        }
        if (!port.chars().allMatch(Character::isDigit) || port.length() > 5 || Integer.parseInt(port) < 1
                || Integer.parseInt(port) > 65535) {
            throw UserFacingException.badInput("KUBERNETES_SERVICE_PORT is '" + port + "', not a port number (1-65535):"
                    + " the pod's environment is not what the kubelet sets.");
        }
        if (!Files.isRegularFile(e.token()) || !Files.isReadable(e.token())) {
            throw UserFacingException.badInput("--in-cluster needs the pod's service account token at " + e.token()
                    + ", which is missing or unreadable: set automountServiceAccountToken: true on the pod (the "
                    + "generated CronJob does) and run it with its own service account.");
        }
        if (!Files.isRegularFile(e.ca()) || !Files.isReadable(e.ca())) {
            throw UserFacingException.badInput("--in-cluster needs the cluster CA at " + e.ca() + ", which is missing "
                    + "or unreadable: the service account mount of the pod is incomplete.");
        }
        String token = readToken(e.token());
        if (token.isEmpty()) {
            throw UserFacingException.badInput("The service account token at " + e.token() + " is empty: the "
                    + "kubelet has not written it yet or the mount is broken; retry when the pod is running.");
        }
        Config config = Config.empty();
        config.setAutoConfigure(false);
        // an IPv6 service address is written in brackets in a URL
        config.setMasterUrl("https://" + (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host)
                + ":" + port);
        config.setCaCertFile(e.ca().toString());
        Path tokenFile = e.token();
        config.setOauthTokenProvider(() -> readToken(tokenFile));
        String ns = namespace(e);
        if (!ns.isEmpty()) {
            config.setNamespace(ns);
        }
        return config;
    }

    /** The pod's namespace (the {@code namespace} file), or "" when it is not there. */
    public static String namespace(Environment e) {
        try {
            return Files.isRegularFile(e.namespaceFile())
                    ? Files.readString(e.namespaceFile(), StandardCharsets.UTF_8).trim() : "";
        } catch (IOException ex) {
            return "";
        }
    }

    private static String readToken(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException ex) {
            // the token is gone between two requests: the server answers 401, which the loader reports
            return "";
        }
    }

    /** Loads the cluster the pod runs in with the service account's rights. */
    public static ClusterSession open(Environment e, dev.kustodian.core.model.SecretsMode secrets, Progress progress,
                                      Cancellation cancel) {
        return open(e, secrets, Deadlines.DEFAULTS, progress, cancel);
    }

    /** With the request deadline of {@code --request-timeout} ({@code deadlines}). */
    public static ClusterSession open(Environment e, dev.kustodian.core.model.SecretsMode secrets, Deadlines deadlines,
                                      Progress progress, Cancellation cancel) {
        return open(e, secrets, deadlines, LiveLoader.Options.DEFAULTS, progress, cancel);
    }

    public static ClusterSession open(Environment e, dev.kustodian.core.model.SecretsMode secrets,
                                      LiveLoader.Options options, Progress progress, Cancellation cancel) {
        return open(e, secrets, Deadlines.DEFAULTS, options, progress, cancel);
    }

    private static ClusterSession open(Environment e, dev.kustodian.core.model.SecretsMode secrets, Deadlines deadlines,
                                       LiveLoader.Options options, Progress progress, Cancellation cancel) {
        cancel.check();
        progress.update(-1, "Reading the pod's service account");
        Config config = config(e);
        return SecretsMetadata.apply(LiveLoader.open(SourceSpec.inCluster().withSecrets(secrets)
                .withDeadlines(deadlines), config, CONTEXT,
                null, SourceInfo.Kind.LIVE, options, progress, cancel), secrets);
    }
}
