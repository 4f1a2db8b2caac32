package dev.kustodian.core.accept;

import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.util.UserFacingException;
import dev.kustodian.core.yaml.YamlDocument;
import dev.kustodian.core.yaml.YamlException;
import dev.kustodian.core.yaml.YamlReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The accepted risks of a scan or plan, read from one or more accept files:
 * <pre>
 * accepted:
 * - id: RBAC-CLUSTER-ADMIN:ClusterRoleBinding/platform-team-admin   # or: rule: RULE-ID + object: Kind/ns/name
 *   reason: break-glass group, reviewed quarterly
 *   by: alice@example.com
 *   expires: 2027-03-31
 * </pre>
 * A malformed entry is an error naming its file and line, never skipped.
 */
public final class AcceptedRisks {
    private static final Set<String> KEYS = Set.of("id", "rule", "object", "reason", "by", "expires");

    private final List<AcceptedRisk> entries;

    public AcceptedRisks(List<AcceptedRisk> entries) {
        this.entries = List.copyOf(entries);
    }

    public static AcceptedRisks none() {
        return new AcceptedRisks(List.of());
    }

    public List<AcceptedRisk> entries() {
        return entries;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public AcceptedRisks plus(AcceptedRisks other) {
        List<AcceptedRisk> all = new ArrayList<>(entries);
        all.addAll(other.entries);
        return new AcceptedRisks(all);
    }

    /** The acceptance of each finding that an entry names (by finding id); the first matching entry wins. */
    public Map<String, Acceptance> match(List<Finding> findings, LocalDate today) {
        Map<String, Acceptance> out = new LinkedHashMap<>();
        if (entries.isEmpty()) {
            return out;
        }
        for (Finding f : findings) {
            for (AcceptedRisk a : entries) {
                if (a.matches(f)) {
                    out.put(f.id(), new Acceptance(a, a.expiredOn(today)));
                    break;
                }
            }
        }
        return out;
    }

    /** Entries that name no finding of {@code findings} (stale acceptances worth removing). */
    public List<AcceptedRisk> unmatched(List<Finding> findings) {
        return entries.stream().filter(a -> findings.stream().noneMatch(a::matches)).toList();
    }

    /** The entries as an accept file (the format {@link #read} reads), e.g. for the per-cluster file the GUI keeps. */
    public String toYaml(String header) {
        List<Object> items = new ArrayList<>();
        for (AcceptedRisk a : entries) {
            items.add(dev.kustodian.core.yaml.YamlWriter.map("id", a.id(), "rule", a.rule(), "object", a.object(),
                    "reason", a.reason(), "by", a.by(), "expires", a.expires().toString()));
        }
        return dev.kustodian.core.yaml.YamlWriter.write(dev.kustodian.core.yaml.YamlWriter.map("accepted", items),
                header);
    }

    /** Reads an accept file; a missing, unreadable or malformed file is a bad-input error naming file and line. */
    public static AcceptedRisks read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw UserFacingException.badInput("The accept file " + file + " does not exist. Check the path given "
                    + "to --accept.");
        }
        List<YamlDocument> docs;
        try {
            docs = YamlReader.readWithFieldLines(file);
        } catch (YamlException e) {
            throw UserFacingException.badInput("The accept file " + e.getMessage()
                    + ". Fix the YAML (see docs/onboarding.md for the format).");
        }
        String name = file.toString();
        if (docs.isEmpty() || docs.get(0).value() == null) {
            return none();
        }
        YamlDocument doc = docs.get(0);
        if (!(doc.value() instanceof Map<?, ?> root)) {
            throw bad(name, doc.line(), "is not a mapping with an 'accepted:' list");
        }
        for (Object k : root.keySet()) {
            if (!"accepted".equals(k)) {
                throw bad(name, doc.lineOf(String.valueOf(k)), "has an unknown top-level key '" + k
                        + "'; the file holds one list named 'accepted'");
            }
        }
        Object list = root.get("accepted");
        if (list == null) {
            return none();
        }
        if (!(list instanceof List<?> items)) {
            throw bad(name, doc.lineOf("accepted"), "'accepted' must be a list of entries");
        }
        List<AcceptedRisk> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String path = "accepted[" + i + "]";
            int line = doc.lineOf(path);
            if (!(items.get(i) instanceof Map<?, ?> m)) {
                throw bad(name, line, "entry " + (i + 1) + " is not a mapping (id or rule + object, reason, by, "
                        + "expires)");
            }
            for (Object k : m.keySet()) {
                if (!KEYS.contains(String.valueOf(k))) {
                    throw bad(name, doc.lineOf(path + "." + k), "entry " + (i + 1) + " has an unknown key '" + k
                            + "' (use id, rule, object, reason, by, expires)");
                }
            }
            String id = text(m, "id");
            String rule = text(m, "rule");
            String object = text(m, "object");
            if (id != null && (rule != null || object != null)) {
                throw bad(name, line, "entry " + (i + 1) + " names both an id and a rule/object; use one");
            }
            if (id == null && (rule == null || object == null)) {
                throw bad(name, line, "entry " + (i + 1) + " names no finding: give 'id', or 'rule' and 'object'");
            }
            String reason = text(m, "reason");
            if (reason == null) {
                throw bad(name, line, "entry " + (i + 1) + " (" + (id != null ? id : rule) + ") has no 'reason'");
            }
            String by = text(m, "by");
            if (by == null) {
                throw bad(name, line, "entry " + (i + 1) + " (" + (id != null ? id : rule) + ") has no 'by' "
                        + "(who accepted it)");
            }
            String exp = text(m, "expires");
            if (exp == null) {
                throw bad(name, line, "entry " + (i + 1) + " (" + (id != null ? id : rule) + ") has no 'expires' "
                        + "date (YYYY-MM-DD)");
            }
            LocalDate expires;
            try {
                expires = LocalDate.parse(exp);
            } catch (DateTimeParseException e) {
                throw bad(name, doc.lineOf(path + ".expires"), "entry " + (i + 1) + ": 'expires: " + exp
                        + "' is not a date (YYYY-MM-DD)");
            }
            out.add(new AcceptedRisk(id, rule, object, reason, by, expires, name + ":" + line));
        }
        return new AcceptedRisks(out);
    }

    private static String text(Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            return null;
        }
        String s = String.valueOf(v).strip();
        return s.isEmpty() ? null : s;
    }

    private static UserFacingException bad(String file, int line, String what) {
        return UserFacingException.badInput("The accept file " + file + " line " + line + ": " + what + ".");
    }
}
