package dev.kustodian.cli;

import dev.kustodian.cli.common.CliCommand;
import dev.kustodian.core.output.Bundle;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kustodian.core.externalsecrets.ManifestLinter.LintResult;
import dev.kustodian.core.externalsecrets.ManifestLinter.Unreadable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

@Command(name = "lint", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Check manifests (files or folders, multi-document YAML/JSON) for problems in External Secrets,",
                "Secrets Store CSI, Sealed Secrets, Akeyless, EncryptionConfiguration and RBAC objects, and plaintext",
                "Secrets: unserved API versions, CRD schema violations, provider rules, risky RBAC.",
                "An error means the object would be rejected, not served or fail when used; a warning means it works",
                "but is risky or deprecated.",
                "Exit codes: 0 no error (warnings allowed), 1 error (or warning with --strict), 2 unreadable input."})
public final class LintCommand extends CliCommand {
    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files or folders (*.yaml, *.yml, *.json).")
    List<Path> paths = new ArrayList<>();
    @Option(names = "--strict", description = "Fail (exit 1) on warnings too.")
    boolean strict;
    @Option(names = {"-o", "--format"}, defaultValue = "text", description = "text (default) | json | sarif.")
    String format;

    @Override
    public Integer call() {
        if (!List.of("text", "json", "sarif").contains(format)) {
            throw dev.kustodian.core.util.UserFacingException.badInput("Unknown -o '" + format + "': use text, json or sarif.");
        }
        LintResult r = dev.kustodian.core.analysis.Linting.manifestLinter().lint(paths);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        switch (format) {
            case "json" -> out.println(json(toJson(r)));
            case "sarif" -> out.println(json(sarif(r)));
            default -> {
                for (Bundle.Problem p : r.problems()) {
                    out.println(p.file() + ":" + p.line() + ": " + p.level() + ": " + p.kind()
                            + "/" + p.name() + (p.field().isEmpty() ? "" : " " + p.field()) + ": " + p.message()
                            + " [" + p.rule() + "]");
                }
                out.println(r.files() + " file(s), " + r.objects() + " object(s): " + r.errors() + " error(s), "
                        + r.warnings() + " warning(s)");
            }
        }
        for (Unreadable u : r.unreadable()) {
            err.println("error: " + u.file() + (u.line() > 0 ? ":" + u.line() : "") + ": " + u.message());
        }
        for (String n : r.notes()) {
            err.println("note: " + n);
        }
        out.flush();
        err.flush();
        return r.exitCode(strict);
    }

    static Map<String, Object> toJson(LintResult r) {
        Map<String, Object> m = CliJson.object("files", r.files(), "objects", r.objects(), "errors", r.errors(),
                "warnings", r.warnings());
        List<Object> problems = new ArrayList<>();
        for (Bundle.Problem p : r.problems()) {
            problems.add(CliJson.object("file", p.file(), "line", p.line(), "kind", p.kind(), "namespace", p.namespace(),
                    "name", p.name(), "field", p.field(), "rule", p.rule(), "severity", p.level(),
                    "message", p.message()));
        }
        m.put("problems", problems);
        List<Object> unreadable = new ArrayList<>();
        r.unreadable().forEach(u -> unreadable.add(Map.of("file", u.file(), "line", u.line(), "message", u.message())));
        m.put("unreadable", unreadable);
        m.put("notes", r.notes());
        return m;
    }

    static Map<String, Object> sarif(LintResult r) {
        List<Object> rules = new ArrayList<>();
        new TreeSet<>(r.problems().stream().map(Bundle.Problem::rule).toList())
                .forEach(id -> rules.add(Map.of("id", id, "name", id)));
        List<Object> results = new ArrayList<>();
        for (Bundle.Problem p : r.problems()) {
            Map<String, Object> res = new LinkedHashMap<>();
            res.put("ruleId", p.rule());
            res.put("level", p.level());
            res.put("message", Map.of("text", p.kind() + "/" + p.name() + (p.field().isEmpty() ? "" : " " + p.field())
                    + ": " + p.message()));
            res.put("locations", List.of(Map.of("physicalLocation", Map.of(
                    "artifactLocation", Map.of("uri", p.file().replace('\\', '/')),
                    "region", Map.of("startLine", Math.max(1, p.line()))))));
            results.add(res);
        }
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", Map.of("name", "kustodian", "informationUri",
                "https://github.com/kustodian", "rules", rules)));
        run.put("results", results);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        s.put("version", "2.1.0");
        s.put("runs", List.of(run));
        return s;
    }

    private static String json(Object o) {
        try {
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
