package dev.kustodian.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.findings.ObjectRef;
import dev.kustodian.core.findings.Severity;
import dev.kustodian.core.util.UserFacingException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the findings back from a {@code kustodian scan -o json} file: the input of {@code scan --baseline} and
 * {@code kustodian diff}. A file that is JSON but not a scan result reads as empty (callers then try it as a
 * snapshot); a finding without id, rule or severity is an error naming the file and the finding's position.
 */
public final class ScanResults {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScanResults() {
    }

    /**
     * A scan file's findings, with their CIS ids as the rules write them (renumber them with
     * {@link dev.kustodian.core.findings.CisBenchmarks#translateAll}), and the benchmark the file was numbered in
     * (null in files written before benchmarks were named).
     */
    public record Scan(List<Finding> findings, String cisBenchmark) {
    }

    /** The findings of a scan JSON file, or empty when the file is not one (e.g. a snapshot). */
    public static Optional<List<Finding>> read(Path file) {
        return readScan(file).map(Scan::findings);
    }

    /** The scan in a scan JSON file, or empty when the file is not one (e.g. a snapshot). */
    public static Optional<Scan> readScan(Path file) {
        if (!Files.isRegularFile(file)) {
            throw UserFacingException.badInput("The file " + file + " does not exist. Give a `kustodian scan -o json` "
                    + "file or a snapshot.");
        }
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = JSON.readTree(in);
        } catch (IOException e) {
            return Optional.empty(); // not JSON: YAML snapshot or something else, the caller decides
        }
        if (root == null || !root.isObject() || !root.path("findings").isArray() || !root.has("summary")) {
            return Optional.empty();
        }
        String benchmark = root.path("summary").path("cisBenchmark").isTextual()
                ? root.path("summary").path("cisBenchmark").asText() : null;
        List<Finding> out = new ArrayList<>();
        int i = 0;
        for (JsonNode n : root.path("findings")) {
            i++;
            String id = n.path("id").asText("");
            String rule = n.path("rule").asText("");
            Severity severity;
            try {
                severity = Severity.parse(n.path("severity").asText(""));
            } catch (IllegalArgumentException e) {
                throw bad(file, i, "has no valid severity");
            }
            if (id.isEmpty() || rule.isEmpty()) {
                throw bad(file, i, "has no id or rule");
            }
            JsonNode o = n.path("object");
            List<String> cis = new ArrayList<>();
            n.path("cis").forEach(c -> cis.add(c.asText()));
            out.add(new Finding(id, rule, n.path("area").asText(""), severity, n.path("title").asText(""),
                    n.path("explanation").asText(""), new ObjectRef(o.path("kind").asText(""),
                    o.path("namespace").asText(""), o.path("name").asText("")),
                    dev.kustodian.core.findings.CisBenchmarks.ruleIds(cis, benchmark),
                    n.path("remediation").asText(""), n.path("system").asBoolean(false),
                    n.path("fix").isTextual() ? n.path("fix").asText() : null));
        }
        return Optional.of(new Scan(out, benchmark));
    }

    private static UserFacingException bad(Path file, int index, String what) {
        return UserFacingException.badInput("The scan file " + file + ": finding " + index + " " + what
                + ". Use the unedited output of `kustodian scan -o json`.");
    }
}
