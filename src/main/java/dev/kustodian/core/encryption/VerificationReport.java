package dev.kustodian.core.encryption;

import java.util.ArrayList;
import java.util.List;

/**
 * What etcd (or a snapshot) holds for Secrets: counts per stored form, which form is current, proofs of the keys.
 * Never a value.
 *
 * @param plaintextObjects namespace/name of Secrets stored in plaintext (at most 1000)
 * @param historicalPlaintext older revisions still in plaintext (snapshot history before compaction)
 */
public record VerificationReport(String source, int total, int plaintext, int historicalPlaintext, List<Line> lines,
                                 List<String> plaintextObjects, String currentForm, boolean withConfig) {

    /** One stored form, e.g. "aesgcm key key2": how many Secrets, and whether the given config's key opened them. */
    public record Line(String form, StoredValue.Format format, String keyName, String kmsKeyId, String dekSource,
                       int count, boolean current, boolean keyInConfig, int decrypted, int failed,
                       int identityMismatch, String failure) {
    }

    /** "N of M secrets written with key2 (current), K with key1, P in plaintext". */
    public String summary() {
        if (total == 0) {
            return "No Secrets found under the secrets prefix of " + source + ".";
        }
        List<String> parts = new ArrayList<>();
        boolean first = true;
        for (Line l : lines) {
            if (l.format().plaintext()) {
                continue;
            }
            String s = (first ? l.count() + " of " + total + " secrets written with " : l.count() + " with ") + l.form()
                    + (l.current() ? " (current)" : "");
            parts.add(s);
            first = false;
        }
        if (plaintext > 0) {
            parts.add(first ? plaintext + " of " + total + " secrets in plaintext" : plaintext + " in plaintext");
        }
        return String.join(", ", parts);
    }

    /** True when every current Secret is encrypted with the config's writing key (rotation complete). */
    public boolean allCurrent() {
        return total > 0 && lines.stream().allMatch(Line::current);
    }

    public List<String> text() {
        List<String> out = new ArrayList<>();
        out.add(source + ": " + summary());
        for (Line l : lines) {
            StringBuilder sb = new StringBuilder("  ").append(l.count()).append(" × ").append(l.form());
            if (l.dekSource() != null) {
                sb.append(", DEK source ").append(l.dekSource());
            }
            if (l.current()) {
                sb.append(" (current writer)");
            }
            if (withConfig && l.format().encrypted()) {
                if (l.decrypted() > 0 && l.failed() == 0) {
                    sb.append(" — key proved: decrypted ").append(l.decrypted()).append(" sample(s)");
                    if (l.identityMismatch() > 0) {
                        sb.append(", but ").append(l.identityMismatch()).append(" did not name the object of their etcd key");
                    } else {
                        sb.append(", namespace/name match");
                    }
                } else if (l.failed() > 0) {
                    sb.append(" — KEY DOES NOT WORK: ").append(l.failure());
                } else if (!l.keyInConfig() && l.format() != StoredValue.Format.KMS_V1 && l.format() != StoredValue.Format.KMS_V2) {
                    sb.append(" — key not in the given config: these Secrets become unreadable if this key is removed");
                }
            }
            out.add(sb.toString());
        }
        if (plaintext > 0) {
            out.add("  Plaintext: " + String.join(", ", plaintextObjects.subList(0, Math.min(10, plaintextObjects.size())))
                    + (plaintextObjects.size() > 10 ? ", ..." : ""));
        }
        if (historicalPlaintext > 0) {
            out.add("  " + historicalPlaintext + " older revision(s) of Secrets are still stored in plaintext (etcd history "
                    + "before compaction): compact and defragment etcd, and treat older backups as plaintext.");
        }
        return out;
    }
}
