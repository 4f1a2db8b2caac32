package dev.kustodian.ui.secrets;

import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.findings.Severity;
import dev.kustodian.core.model.SecretInfo;
import dev.kustodian.core.secrets.ManagedBy;
import dev.kustodian.core.secrets.SecretUse;

import java.time.Instant;
import java.util.List;

/**
 * One secret of the inventory: its value-free facts, who manages and uses it, how many subjects can read it and
 * its findings (worst first). {@code readerCount} counts distinct non-system subjects (direct or indirect), -1 when
 * the RBAC analysis is not available.
 */
public record SecretRow(SecretInfo secret, ManagedBy managedBy, List<SecretUse> uses, int readerCount,
                        int systemReaderCount, List<Finding> findings) {

    public SecretRow {
        uses = List.copyOf(uses);
        findings = List.copyOf(findings);
    }

    public String namespace() {
        return secret.meta().namespace();
    }

    public String name() {
        return secret.meta().name();
    }

    public String key() {
        return namespace() + "/" + name();
    }

    public String type() {
        return secret.type();
    }

    public int keyCount() {
        return secret.keys().size();
    }

    public long totalBytes() {
        return secret.totalBytes();
    }

    public Instant created() {
        return secret.meta().created();
    }

    public long usedByCount() {
        return uses.stream().map(SecretUse::user).distinct().count();
    }

    /** The most severe finding's severity, or null when none. */
    public Severity worst() {
        return findings.isEmpty() ? null : findings.get(0).severity();
    }

    /** Lower-case text the filter matches: namespace, name, type, managed by, key names. */
    String searchText() {
        StringBuilder b = new StringBuilder(namespace()).append(' ').append(name()).append(' ').append(type())
                .append(' ').append(managedBy.label());
        secret.keys().forEach(k -> b.append(' ').append(k.name()));
        return b.toString().toLowerCase(java.util.Locale.ROOT);
    }
}
