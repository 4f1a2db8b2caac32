package dev.kustodian.core.encryption;

import dev.kustodian.core.encryption.EncryptionConfig.Provider;
import dev.kustodian.core.encryption.EncryptionConfig.ProviderType;
import dev.kustodian.core.encryption.EncryptionConfig.ResourceEntry;
import dev.kustodian.core.findings.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an EncryptionConfiguration means (CIS 1.2.28): which resources are covered, which provider writes (the first
 * of each entry), and how strong it is. Pure: names keys, never shows their material.
 */
public final class EncryptionConfigAnalyzer {
    private EncryptionConfigAnalyzer() {
    }

    /** One statement about the config. */
    public record Observation(Severity severity, String code, String message) {
        @Override
        public String toString() {
            return severity.label() + ": " + message;
        }
    }

    /** How one resource entry is protected. */
    public record Coverage(List<String> resources, String writer, String writeKey, List<String> readOnly) {
    }

    public record Analysis(List<Coverage> coverage, List<Observation> observations, boolean secretsEncrypted,
                           String secretsWriter) {
        public List<Observation> atLeast(Severity s) {
            return observations.stream().filter(o -> o.severity().atLeast(s)).toList();
        }
    }

    /** The entry that applies to core secrets (first match: "secrets", "*." or "*.*"), if any. */
    public static Optional<ResourceEntry> entryFor(EncryptionConfig c, String resource) {
        for (ResourceEntry e : c.resources()) {
            for (String r : e.resources()) {
                if (r.equals(resource) || r.equals("*.") || r.equals("*.*")) {
                    return Optional.of(e);
                }
            }
        }
        return Optional.empty();
    }

    public static Analysis analyze(EncryptionConfig c) {
        List<Observation> obs = new ArrayList<>();
        List<Coverage> coverage = new ArrayList<>();
        for (ResourceEntry e : c.resources()) {
            if (e.providers().isEmpty()) {
                continue;
            }
            Provider first = e.providers().get(0);
            String writeKey = first.keys().isEmpty() ? null : first.keys().get(0).name();
            List<String> readOnly = new ArrayList<>();
            for (int j = 0; j < e.providers().size(); j++) {
                Provider p = e.providers().get(j);
                for (int k = 0; k < p.keys().size(); k++) {
                    if (j != 0 || k != 0) {
                        readOnly.add(p.describe() + "/" + p.keys().get(k).name());
                    }
                }
            }
            coverage.add(new Coverage(e.resources(), first.describe(), writeKey, readOnly));
            String what = String.join(", ", e.resources());
            ProviderType t = first.type();
            if (t == null) {
                continue;
            }
            switch (t) {
                case IDENTITY -> obs.add(new Observation(Severity.HIGH, "IDENTITY-FIRST",
                        what + ": identity is the first provider, so new and updated objects are written in plaintext "
                                + "(not encrypted). Put an encrypting provider first."));
                case AESCBC -> obs.add(new Observation(Severity.MEDIUM, "AESCBC-WEAK",
                        what + ": aescbc writes; it is weak (vulnerable to padding-oracle attacks) and not recommended. "
                                + "Prefer secretbox or KMS v2."));
                case AESGCM -> obs.add(new Observation(Severity.LOW, "AESGCM-ROTATE",
                        what + ": aesgcm writes with random nonces; rotate the key before 200,000 writes or it "
                                + "becomes unsafe. Prefer secretbox or KMS v2 unless you rotate automatically."));
                case SECRETBOX -> obs.add(new Observation(Severity.INFO, "SECRETBOX-STRONG",
                        what + ": secretbox (XSalsa20-Poly1305) writes: strong, but the key lives on the control-plane "
                                + "disk. KMS v2 keeps the key outside the cluster."));
                case KMS -> {
                    if (first.kms() != null && "v1".equals(first.kms().apiVersion())) {
                        obs.add(new Observation(Severity.MEDIUM, "KMS-V1-DEPRECATED",
                                what + ": KMS v1 writes; it is deprecated since Kubernetes 1.28 and refused since 1.29 "
                                        + "unless the KMSv1 feature gate is enabled. Migrate to KMS v2."));
                    } else {
                        obs.add(new Observation(Severity.INFO, "KMS-V2-STRONGEST",
                                what + ": KMS v2 writes: envelope encryption with the key outside the cluster (strongest)."));
                    }
                }
            }
            for (int j = 1; j < e.providers().size(); j++) {
                Provider p = e.providers().get(j);
                if (p.type() == ProviderType.KMS && p.kms() != null && "v1".equals(p.kms().apiVersion())) {
                    obs.add(new Observation(Severity.LOW, "KMS-V1-READ",
                            what + ": KMS v1 provider " + p.kms().name() + " is still listed for reading; it needs the "
                                    + "KMSv1 feature gate since 1.29. Rewrite the data and remove it."));
                }
                if (p.type() == ProviderType.IDENTITY && j < e.providers().size() - 1) {
                    obs.add(new Observation(Severity.INFO, "IDENTITY-NOT-LAST",
                            what + ": identity is not the last provider; readers try providers in order, put identity last."));
                }
            }
            if (!readOnly.isEmpty()) {
                obs.add(new Observation(Severity.INFO, "READ-ONLY-KEYS",
                        what + ": keys never used for writing (only for reading older data): " + String.join(", ", readOnly)
                                + ". Remove them once every object has been rewritten."));
            }
            boolean identityListed = e.providers().stream().anyMatch(p -> p.type() == ProviderType.IDENTITY);
            if (t != ProviderType.IDENTITY && identityListed) {
                obs.add(new Observation(Severity.INFO, "IDENTITY-READ",
                        what + ": identity is listed for reading plaintext data written before encryption; remove it "
                                + "after rewriting every object."));
            }
        }
        Optional<ResourceEntry> secrets = entryFor(c, "secrets");
        boolean encrypted = secrets.map(e -> !e.providers().isEmpty()
                && e.providers().get(0).type() != null
                && e.providers().get(0).type() != ProviderType.IDENTITY).orElse(false);
        String writer = secrets.filter(e -> !e.providers().isEmpty()).map(e -> e.providers().get(0).describe())
                .orElse(null);
        if (secrets.isEmpty()) {
            obs.add(new Observation(Severity.HIGH, "SECRETS-NOT-COVERED",
                    "secrets are not covered by any entry: Secrets are stored in plaintext. Add \"secrets\" (CIS 1.2.28)."));
        }
        obs.sort((a, b) -> b.severity().compareTo(a.severity()));
        return new Analysis(coverage, obs, encrypted, writer);
    }
}
