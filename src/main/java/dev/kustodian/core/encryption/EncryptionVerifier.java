package dev.kustodian.core.encryption;

import dev.kustodian.core.encryption.EncryptionConfig.Key;
import dev.kustodian.core.encryption.EncryptionConfig.Provider;
import dev.kustodian.core.encryption.EncryptionConfig.ProviderType;
import dev.kustodian.core.encryption.StoredValue.Format;
import dev.kustodian.core.output.SafeFiles;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Classifies every stored Secret (etcd key + value) and, with an EncryptionConfiguration, proves its keys by
 * decrypting a sample and checking the decrypted object's namespace/name against the etcd key. Values pass
 * through {@link #accept} and are dropped at once; the report holds counts, key names and object names only.
 */
public final class EncryptionVerifier {
    private final String prefix;
    private final EncryptionConfig config;
    private final int samplesPerKey;
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final List<String> plaintextObjects = new ArrayList<>();
    private int total;
    private int historicalPlaintext;

    /**
     * @param registryPrefix e.g. {@code /registry} (kube-apiserver's --etcd-prefix)
     * @param config         the EncryptionConfiguration whose keys to prove, or null to classify only
     * @param samplesPerKey  how many values per key to decrypt
     */
    public EncryptionVerifier(String registryPrefix, EncryptionConfig config, int samplesPerKey) {
        this.prefix = registryPrefix.endsWith("/") ? registryPrefix : registryPrefix + "/";
        this.config = config;
        this.samplesPerKey = samplesPerKey;
    }

    /** The etcd key prefix of Secrets, {@code /registry/secrets/}. */
    public String secretsPrefix() {
        return prefix + "secrets/";
    }

    /** Counts per stored form ("aesgcm key2"): how many, how many decrypted, failures. */
    public static final class Group {
        final StoredValue sample;
        int count;
        int proved;
        int failed;
        int identityMismatch;
        String failure;

        Group(StoredValue sample) {
            this.sample = sample;
        }

        public StoredValue form() {
            return sample;
        }

        public int count() {
            return count;
        }

        public int proved() {
            return proved;
        }

        public int failed() {
            return failed;
        }

        public int identityMismatch() {
            return identityMismatch;
        }

        public String failure() {
            return failure;
        }
    }

    /** An older revision (from a snapshot's history): only plaintext ones are counted. */
    public void acceptHistorical(byte[] value) {
        if (StoredValue.classify(value).format().plaintext()) {
            historicalPlaintext++;
        }
    }

    /** One current value. The value array is not kept. */
    public void accept(String etcdKey, byte[] value) {
        if (!etcdKey.startsWith(secretsPrefix())) {
            return;
        }
        total++;
        StoredValue sv = StoredValue.classify(value);
        Group g = groups.computeIfAbsent(sv.describe(), k -> new Group(sv));
        g.count++;
        String objectName = etcdKey.substring(secretsPrefix().length());
        if (sv.format().plaintext()) {
            if (plaintextObjects.size() < 1000) {
                plaintextObjects.add(objectName);
            }
            return;
        }
        if (config == null || g.proved + g.failed >= samplesPerKey) {
            return;
        }
        Optional<byte[]> key = keyFor(sv);
        if (key.isEmpty()) {
            return;
        }
        byte[] k = key.get();
        byte[] plain = null;
        try {
            plain = Transformers.decrypt(value, k, etcdKey);
            StoredValue.ObjectIdentity id = StoredValue.identity(plain);
            String expected = objectName;
            if (id != null && expected.equals(id.namespace() + "/" + id.name())) {
                g.proved++;
            } else {
                g.proved++;
                g.identityMismatch++;
            }
        } catch (Transformers.DecryptionFailed e) {
            g.failed++;
            g.failure = e.getMessage();
        } finally {
            SafeFiles.wipe(plain);
            SafeFiles.wipe(k);
        }
    }

    /** The key of the config's secrets entry with this provider type and name, decoded (caller wipes). */
    Optional<byte[]> keyFor(StoredValue sv) {
        ProviderType t = switch (sv.format()) {
            case AESCBC -> ProviderType.AESCBC;
            case AESGCM -> ProviderType.AESGCM;
            case SECRETBOX -> ProviderType.SECRETBOX;
            default -> null;
        };
        if (t == null) {
            return Optional.empty();
        }
        Optional<EncryptionConfig.ResourceEntry> e = EncryptionConfigAnalyzer.entryFor(config, "secrets");
        if (e.isEmpty()) {
            return Optional.empty();
        }
        for (Provider p : e.get().providers()) {
            if (p.type() == t) {
                for (Key k : p.keys()) {
                    if (sv.keyName().equals(k.name())) {
                        try {
                            return Optional.of(Base64.getDecoder().decode(k.secret()));
                        } catch (IllegalArgumentException ex) {
                            return Optional.empty();
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The prefix the config writes Secrets with ("aesgcm key2"), or null when no config / identity. */
    String currentForm() {
        if (config == null) {
            return null;
        }
        return EncryptionConfigAnalyzer.entryFor(config, "secrets").filter(e -> !e.providers().isEmpty()).map(e -> {
            Provider p = e.providers().get(0);
            return switch (p.type()) {
                case AESCBC, AESGCM, SECRETBOX -> p.type().field() + " key " + p.keys().get(0).name();
                case KMS -> "kms " + p.kms().apiVersion() + " " + p.kms().name();
                default -> null;
            };
        }).orElse(null);
    }

    public VerificationReport report(String source) {
        List<VerificationReport.Line> lines = new ArrayList<>();
        String current = currentForm();
        int plaintext = 0;
        for (Group g : groups.values()) {
            String form = g.sample.describe();
            boolean isCurrent = current != null && (form.equals(current) || form.startsWith(current + " "));
            boolean keyKnown = config != null && g.sample.format().encrypted() && keyFor(g.sample).map(b -> {
                SafeFiles.wipe(b);
                return true;
            }).orElse(false);
            if (g.sample.format().plaintext()) {
                plaintext += g.count;
            }
            lines.add(new VerificationReport.Line(form, g.sample.format(), g.sample.keyName(), g.sample.kmsKeyId(),
                    g.sample.dekSource(), g.count, isCurrent, keyKnown, g.proved, g.failed, g.identityMismatch,
                    g.failure));
        }
        lines.sort(java.util.Comparator.comparing((VerificationReport.Line l) -> !l.current())
                .thenComparing(l -> -l.count()).thenComparing(VerificationReport.Line::form));
        return new VerificationReport(source, total, plaintext, historicalPlaintext, lines,
                List.copyOf(plaintextObjects), current, config != null);
    }

    static boolean isPlain(Format f) {
        return f.plaintext();
    }
}
