package dev.kustodian.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Feeds the context picker: the kubeconfig's contexts and the current one. The real implementation wraps
 * {@code core.cluster.KubeconfigContexts} (written by the cluster helper; wired at merge). Until then
 * {@link #kubeconfigOnly()} knows only whether a kubeconfig file exists and lists no contexts (the UI never
 * parses a kubeconfig by hand).
 */
public interface ContextSource {

    /** Context names, in kubeconfig order. */
    List<String> contexts();

    /** The kubeconfig's current-context, when there is one. */
    Optional<String> current();

    /** True when a kubeconfig exists (KUBECONFIG or ~/.kube/config): the app starts on it instead of the demo. */
    boolean kubeconfigExists();

    static ContextSource of(List<String> contexts, String current, boolean kubeconfigExists) {
        return new ContextSource() {
            @Override
            public List<String> contexts() {
                return List.copyOf(contexts);
            }

            @Override
            public Optional<String> current() {
                return Optional.ofNullable(current);
            }

            @Override
            public boolean kubeconfigExists() {
                return kubeconfigExists;
            }
        };
    }

    /** No context list (until KubeconfigContexts is wired); kubeconfig existence from KUBECONFIG / ~/.kube/config. */
    static ContextSource kubeconfigOnly() {
        String env = System.getenv("KUBECONFIG");
        boolean exists;
        if (env != null && !env.isBlank()) {
            exists = java.util.Arrays.stream(env.split(java.io.File.pathSeparator))
                    .anyMatch(p -> !p.isBlank() && Files.isRegularFile(Path.of(p)));
        } else {
            exists = Files.isRegularFile(Path.of(System.getProperty("user.home"), ".kube", "config"));
        }
        return of(List.of(), null, exists);
    }
}
