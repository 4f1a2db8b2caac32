package dev.kustodian.core.model;

import java.util.List;

/**
 * The parts of a pod spec (or a pod template) that matter for secrets: service account, token automount,
 * image pull secrets, volumes and, per container, env and mounts. Env literal values are not kept; only their
 * names and whether one looked like a credential ({@link #leaks}).
 *
 * @param command  container command + args, kept only for kube-system control-plane pods (empty otherwise);
 *                 values that look like credentials are redacted
 */
public record PodSpecInfo(
        String serviceAccountName,
        Boolean automountServiceAccountToken,
        List<String> imagePullSecrets,
        List<Volume> volumes,
        List<Container> containers,
        List<LeakHint> leaks,
        boolean hostNetwork,
        String nodeName) {

    public PodSpecInfo {
        serviceAccountName = serviceAccountName == null || serviceAccountName.isEmpty() ? "default" : serviceAccountName;
        imagePullSecrets = imagePullSecrets == null ? List.of() : List.copyOf(imagePullSecrets);
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
        containers = containers == null ? List.of() : List.copyOf(containers);
        leaks = leaks == null ? List.of() : List.copyOf(leaks);
    }

    /**
     * A volume. {@code kind} is one of secret, projected, csi, configMap, hostPath, emptyDir, other.
     * For secret volumes {@code secretName} and {@code items} (keys) are set, {@code optional} when marked.
     * For projected volumes {@code projectedSecrets} lists the secret sources and {@code projectsServiceAccountToken}.
     * For CSI volumes {@code csiDriver} and {@code secretProviderClass}.
     */
    public record Volume(
            String name,
            String kind,
            String secretName,
            List<String> items,
            boolean optional,
            List<ProjectedSecret> projectedSecrets,
            boolean projectsServiceAccountToken,
            String csiDriver,
            String secretProviderClass,
            String hostPath,
            String configMapName) {
        public Volume {
            items = items == null ? List.of() : List.copyOf(items);
            projectedSecrets = projectedSecrets == null ? List.of() : List.copyOf(projectedSecrets);
        }
    }

    public record ProjectedSecret(String secretName, List<String> items, boolean optional) {
        public ProjectedSecret {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /** {@code init} marks init containers, {@code ephemeral} ephemeral ones. */
    public record Container(
            String name,
            String image,
            boolean init,
            List<EnvVar> env,
            List<EnvFrom> envFrom,
            List<VolumeMount> mounts,
            List<String> command,
            boolean privileged) {
        public Container {
            env = env == null ? List.of() : List.copyOf(env);
            envFrom = envFrom == null ? List.of() : List.copyOf(envFrom);
            mounts = mounts == null ? List.of() : List.copyOf(mounts);
            command = command == null ? List.of() : List.copyOf(command);
        }
    }

    /**
     * An env var: a literal ({@code literal} true, value not kept), or a reference ({@code source} secretKeyRef,
     * configMapKeyRef, fieldRef, resourceFieldRef) with {@code refName}/{@code refKey}.
     */
    public record EnvVar(String name, boolean literal, String source, String refName, String refKey, boolean optional) {
    }

    /** {@code source} is secretRef or configMapRef. */
    public record EnvFrom(String source, String refName, String prefix, boolean optional) {
    }

    public record VolumeMount(String volume, String mountPath, boolean readOnly) {
    }
}
