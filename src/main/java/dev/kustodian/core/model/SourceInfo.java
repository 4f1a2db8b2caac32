package dev.kustodian.core.model;

import java.time.Instant;
import java.util.List;

/**
 * Where a snapshot came from and who loaded it.
 *
 * @param kind         LIVE (kubeconfig), SNAPSHOT (files), DEMO (embedded demo cluster)
 * @param label        the context name, or the snapshot path
 * @param server       API server URL (live/demo), else ""
 * @param serverVersion e.g. v1.31.2, or "" when unknown
 * @param identity     the user the API server sees (SelfSubjectReview), or null when unknown
 */
public record SourceInfo(Kind kind, String label, String server, String serverVersion, Instant loadedAt,
                         Identity identity) {

    public SourceInfo {
        // a snapshot file may leave any of these out
        label = label == null ? "" : label;
        server = server == null ? "" : server;
        serverVersion = serverVersion == null ? "" : serverVersion;
    }

    public enum Kind { LIVE, SNAPSHOT, DEMO }

    /** The authenticated user and groups; {@code how} says how it was found out (SelfSubjectReview, kubeconfig...). */
    public record Identity(String user, List<String> groups, String how) {
        public Identity {
            groups = groups == null ? List.of() : List.copyOf(groups);
        }
    }

    /** "live: prod-eu · 14:02" style label for status bars. */
    public String describe() {
        String k = switch (kind) {
            case LIVE -> "live";
            case SNAPSHOT -> "snapshot";
            case DEMO -> "demo";
        };
        return k + ": " + label;
    }
}
