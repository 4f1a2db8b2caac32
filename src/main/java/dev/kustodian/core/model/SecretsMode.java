package dev.kustodian.core.model;

import java.util.Locale;

/**
 * How much of each Secret a load reads. {@link #FULL}: the values pass through memory once to derive the
 * value facts (key names, sizes, fingerprints, certificate dates, registry hosts) and are dropped. {@link #METADATA}:
 * only the object metadata (name, namespace, labels, annotations, owners); the type and every value-derived fact are
 * unknown, and the rules that need them are reported as "not evaluated: metadata-only".
 */
public enum SecretsMode {
    FULL, METADATA;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "metadata" or "full"; throws IllegalArgumentException naming the accepted values. */
    public static SecretsMode parse(String s) {
        String v = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        for (SecretsMode m : values()) {
            if (m.id().equals(v)) {
                return m;
            }
        }
        throw new IllegalArgumentException("Unknown secrets mode '" + s + "': use metadata or full.");
    }
}
