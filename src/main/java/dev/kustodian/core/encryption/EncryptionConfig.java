package dev.kustodian.core.encryption;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed {@code EncryptionConfiguration} (apiserver.config.k8s.io/v1, or the legacy v1 EncryptionConfig).
 * Key secrets are kept only as long as the object lives (needed for verification); {@link Key#toString()} never
 * shows them.
 */
public record EncryptionConfig(String apiVersion, String kind, List<ResourceEntry> resources, boolean legacy) {

    public EncryptionConfig {
        resources = resources == null ? List.of() : List.copyOf(resources);
    }

    public enum ProviderType {
        AESGCM("aesgcm"), AESCBC("aescbc"), SECRETBOX("secretbox"), IDENTITY("identity"), KMS("kms");

        private final String field;

        ProviderType(String field) {
            this.field = field;
        }

        public String field() {
            return field;
        }

        public static ProviderType ofField(String f) {
            for (ProviderType t : values()) {
                if (t.field.equals(f)) {
                    return t;
                }
            }
            return null;
        }
    }

    /** One element of {@code resources}: resource names and the ordered providers (the first one writes). */
    public record ResourceEntry(List<String> resources, List<Provider> providers) {
        public ResourceEntry {
            resources = resources == null ? List.of() : List.copyOf(resources);
            providers = providers == null ? List.of() : List.copyOf(providers);
        }
    }

    /**
     * One element of {@code providers}. {@code present} lists every provider field found in the element (exactly
     * one is valid); {@link #type()} is the first of them, or null when none.
     */
    public record Provider(List<ProviderType> present, List<Key> keys, Kms kms) {
        public Provider {
            present = present == null ? List.of() : List.copyOf(present);
            keys = keys == null ? List.of() : List.copyOf(keys);
        }

        public ProviderType type() {
            return present.isEmpty() ? null : present.get(0);
        }

        public static Provider keyed(ProviderType type, List<Key> keys) {
            return new Provider(List.of(type), keys, null);
        }

        public static Provider identity() {
            return new Provider(List.of(ProviderType.IDENTITY), List.of(), null);
        }

        public static Provider kms(Kms kms) {
            return new Provider(List.of(ProviderType.KMS), List.of(), kms);
        }

        /** "aesgcm", "kms v2 (name)"... */
        public String describe() {
            ProviderType t = type();
            if (t == null) {
                return "(none)";
            }
            if (t == ProviderType.KMS && kms != null) {
                return "kms " + kms.apiVersion() + " (" + kms.name() + ")";
            }
            return t.field();
        }
    }

    /** A key: its name and its base64 secret. {@code toString} masks the secret. */
    public record Key(String name, String secret) {
        @Override
        public String toString() {
            return "Key[name=" + name + ", secret=<masked>]";
        }
    }

    /**
     * A KMS provider. {@code apiVersion} defaults to v1 (as kube-apiserver defaults it), {@code timeout} to 3s,
     * {@code cachesize} to 1000 for v1 only; {@code timeoutText} keeps the written form.
     */
    public record Kms(String apiVersion, String name, String endpoint, Integer cachesize, Duration timeout,
                      String timeoutText) {
    }

    /** Every resource name across entries, in order. */
    public List<String> allResources() {
        List<String> all = new ArrayList<>();
        resources.forEach(r -> all.addAll(r.resources()));
        return all;
    }
}
