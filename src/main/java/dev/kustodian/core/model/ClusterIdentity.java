package dev.kustodian.core.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Which cluster this is, independent of the kubeconfig context name: the API server URL and the SHA-256 fingerprint
 * of the cluster's CA certificate ("" when the kubeconfig names none). Plan progress is stored under {@link #key()}.
 *
 * @param label a readable name for messages (the context, "kustodian-demo" or the snapshot file)
 */
public record ClusterIdentity(String server, String caFingerprint, String label) {

    public ClusterIdentity {
        server = server == null ? "" : server;
        caFingerprint = caFingerprint == null ? "" : caFingerprint;
        label = label == null ? "" : label;
    }

    /** A file-name-safe key: the first 20 hex digits of SHA-256(server + "\n" + CA fingerprint). */
    public String key() {
        return sha256Hex((server + "\n" + caFingerprint).getBytes(StandardCharsets.UTF_8)).substring(0, 20);
    }

    /** SHA-256 of {@code bytes} as lower-case hex. */
    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the Java runtime", e);
        }
    }
}
