package dev.kustodian.core.encryption;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The encryption facts in kube-apiserver's {@code /metrics} (Prometheus text format):
 * {@code apiserver_storage_transformation_operations_total} by transformer prefix (writes = to_storage,
 * reads = from_storage) for secrets, and {@code apiserver_encryption_config_controller_last_config_info}'s hash of the
 * loaded config file. A pure parser; {@link #fetch} reads it through the cluster port when allowed.
 */
public record ApiserverMetrics(Map<String, Double> secretWritesByPrefix, Map<String, Double> secretReadsByPrefix,
                               Set<String> configHashes) {

    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    public static ApiserverMetrics parse(String text) {
        Map<String, Double> writes = new LinkedHashMap<>();
        Map<String, Double> reads = new LinkedHashMap<>();
        Set<String> hashes = new LinkedHashSet<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.find()) {
                continue;
            }
            String name = m.group(1);
            Map<String, String> labels = labels(m.group(3));
            double value;
            try {
                value = Double.parseDouble(m.group(4));
            } catch (NumberFormatException e) {
                continue;
            }
            if (name.equals("apiserver_storage_transformation_operations_total")) {
                String resource = labels.get("resource");
                if (resource != null && !resource.equals("secrets")) {
                    continue;
                }
                String prefix = labels.getOrDefault("transformer_prefix", "");
                String type = labels.getOrDefault("transformation_type", "");
                if (!"OK".equalsIgnoreCase(labels.getOrDefault("status", "OK"))) {
                    continue;
                }
                Map<String, Double> target = type.equals("to_storage") ? writes : type.equals("from_storage") ? reads : null;
                if (target != null) {
                    target.merge(prefix.isEmpty() ? "identity" : prefix, value, Double::sum);
                }
            } else if (name.equals("apiserver_encryption_config_controller_last_config_info")) {
                String h = labels.get("hash");
                if (h != null) {
                    hashes.add(h);
                }
            }
        }
        return new ApiserverMetrics(writes, reads, hashes);
    }

    private static Map<String, String> labels(String s) {
        Map<String, String> l = new LinkedHashMap<>();
        if (s == null) {
            return l;
        }
        Matcher m = LABEL.matcher(s);
        while (m.find()) {
            l.put(m.group(1), m.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
        }
        return l;
    }

    /** The prefix most secret writes used, e.g. {@code k8s:enc:secretbox:v1:key2}, or "identity". */
    public String dominantWritePrefix() {
        return secretWritesByPrefix.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    /**
     * Whether an API server reports having loaded {@code fileContent}. kube-apiserver labels the metric with
     * {@code sha256:<hex>}; depending on the version the digest is of the file or of the hex digest of the file, so
     * both are accepted.
     */
    public boolean reportsConfig(byte[] fileContent) {
        String once = sha256Hex(fileContent);
        String twice = sha256Hex(once.getBytes(StandardCharsets.US_ASCII));
        return configHashes.stream().anyMatch(h -> h.equals("sha256:" + once) || h.equals("sha256:" + twice)
                || h.equals(once) || h.equals(twice));
    }

    static String sha256Hex(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads {@code /metrics} through the cluster port; empty when not allowed (it needs
     * {@code nonResourceURLs: ["/metrics"]} get) or not reachable.
     */
    public static java.util.Optional<ApiserverMetrics> fetch(dev.kustodian.core.port.ClusterPort cluster) {
        return cluster.apiserverMetrics().map(ApiserverMetrics::parse);
    }
}
