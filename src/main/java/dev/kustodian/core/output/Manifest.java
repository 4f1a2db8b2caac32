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
 * @param content   the file content; never contains a secret value, except in a {@code privateFile}
 * @param privateFile true for a file holding key material (e.g. an EncryptionConfiguration): written 0600 by
 *                  {@link FolderWriter}, shown only as {@code maskedContent} in previews, never logged
 * @param maskedContent what previews show of a private file (key material masked); null for normal files
 */
public record Manifest(String fileName, Format format, String kind, String namespace, String name, String content,
                       boolean privateFile, String maskedContent) {

    public enum Format { YAML, JSON, HCL, SHELL, TEXT }

    public Manifest {
        namespace = namespace == null ? "" : namespace;
        name = name == null ? "" : name;
        if (privateFile && maskedContent == null) {
            throw new IllegalArgumentException("A private file needs its masked content for previews: " + fileName);
        }
    }

    /** A normal (non-private) file. */
    public Manifest(String fileName, Format format, String kind, String namespace, String name, String content) {
        this(fileName, format, kind, namespace, name, content, false, null);
    }

    /**
     * A side file holding key material: saved 0600 (atomically) by {@link FolderWriter}; previews show
     * {@code maskedContent} only.
     */
    public static Manifest privateFile(String fileName, Format format, String content, String maskedContent) {
        return new Manifest(fileName, format, null, "", "", content, true, maskedContent);
    }

    /** What a preview may show: the content, or the masked content of a private file. */
    public String previewContent() {
        return privateFile ? maskedContent : content;
    }

    @Override
    public String toString() {
        return "Manifest[" + fileName + (privateFile ? ", private" : "") + ", " + format
                + (kind == null ? "" : ", " + kind + " " + namespace + "/" + name) + "]";
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
