package dev.kustodian.core.output;

/**
 * One generated file: a Kubernetes object (YAML), or a side file such as an IAM policy (JSON), a Vault policy
 * (HCL), a shell script of commands or a README. Only {@link Format#YAML} manifests with {@code kind} set are
 * Kubernetes objects that can be applied and listed in {@code kustomization.yaml}.
 *
 * @param fileName  relative file name, e.g. {@code externalsecret-db.yaml}
 * @param kind      Kubernetes kind, or null for side files
 * @param namespace namespace of the object ("" when cluster-scoped or not an object)
 * @param name      object name, or "" for side files
 * @param content   the file content; never contains a secret value
 */
public record Manifest(String fileName, Format format, String kind, String namespace, String name, String content) {

    public enum Format { YAML, JSON, HCL, SHELL, TEXT }

    public Manifest {
        namespace = namespace == null ? "" : namespace;
        name = name == null ? "" : name;
    }

    public static Manifest object(String fileName, String kind, String namespace, String name, String yaml) {
        return new Manifest(fileName, Format.YAML, kind, namespace, name, yaml);
    }

    public static Manifest sideFile(String fileName, Format format, String content) {
        return new Manifest(fileName, format, null, "", "", content);
    }

    public boolean isKubernetesObject() {
        return format == Format.YAML && kind != null;
    }
}
