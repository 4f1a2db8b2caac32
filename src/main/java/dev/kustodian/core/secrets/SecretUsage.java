package dev.kustodian.core.secrets;

import dev.kustodian.core.model.SecretInfo;

import java.util.List;

/** A secret with who manages it and who uses it (for the inventory and detail pane). */
public record SecretUsage(SecretInfo secret, ManagedBy managedBy, List<SecretUse> uses) {
    public SecretUsage {
        uses = uses == null ? List.of() : List.copyOf(uses);
    }

    /** Distinct users (workloads, pods, service accounts). */
    public long usedByCount() {
        return uses.stream().map(SecretUse::user).distinct().count();
    }

    public boolean consumedThroughEnv() {
        return uses.stream().anyMatch(u -> u.how().isEnv());
    }
}
