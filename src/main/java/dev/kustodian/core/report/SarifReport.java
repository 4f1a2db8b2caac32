package dev.kustodian.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.kustodian.core.accept.Acceptance;
import dev.kustodian.core.findings.Coverage;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.findings.Severity;

import java.io.IOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code scan -o sarif}: SARIF 2.1.0, one run, one rule entry per rule that produced a finding (its worst severity
 * as default level) and one result per finding, written as it goes.
 */
final class SarifReport {
    private SarifReport() {
    }

    static void write(Report r, Writer out) throws IOException {
        try (JsonGenerator g = ReportWriter.jsonGenerator(out)) {
            start(g);
            run(g, r, null);
            end(g);
        }
        out.write('\n');
    }

    /** The SARIF log up to its {@code runs} array, open. */
    static void start(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        g.writeStringField("version", "2.1.0");
        g.writeArrayFieldStart("runs");
    }

    /** Closes the {@code runs} array and the log. */
    static void end(JsonGenerator g) throws IOException {
        g.writeEndArray();
        g.writeEndObject();
    }

    /** More fields of one run (the fleet report's automationDetails and context properties). */
    @FunctionalInterface
    interface RunFields {
        void write(JsonGenerator g) throws IOException;
    }

    /** One run of the report: tool and rules, the cluster base id, the invocation with the gaps, the results. */
    static void run(JsonGenerator g, Report r, RunFields extra) throws IOException {
        g.writeStartObject();
        Map<String, Integer> ruleIndex = tool(g, r);
        g.writeObjectFieldStart("originalUriBaseIds");
        g.writeObjectFieldStart("CLUSTER");
        g.writeObjectFieldStart("description");
        g.writeStringField("text", "The Kubernetes cluster that was scanned: " + r.source());
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
        invocations(g, r);
        results(g, r, ruleIndex);
        if (r.cisBenchmark() != null) {
            g.writeObjectFieldStart("properties");
            g.writeStringField("cisBenchmark", r.cisBenchmark());
            g.writeEndObject();
        }
        if (extra != null) {
            extra.write(g);
        }
        g.writeEndObject();
    }

    static String level(Severity s) {
        return switch (s) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }

    /** GitHub code scanning's security-severity score (0-10). */
    static String securitySeverity(Severity s) {
        return switch (s) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "3.0";
            case INFO -> "0.0";
        };
    }

    /** The tool's driver with its rule table; returns each rule's index in that table. */
    static Map<String, Integer> tool(JsonGenerator g, Report r) throws IOException {
        g.writeObjectFieldStart("tool");
        g.writeObjectFieldStart("driver");
        g.writeStringField("name", ReportWriter.TOOL);
        g.writeStringField("informationUri", ReportWriter.TOOL_URI);
        String v = ReportWriter.class.getPackage().getImplementationVersion();
        g.writeStringField("semanticVersion", v == null ? "0.1.0" : v.replace("-SNAPSHOT", ""));

        // one rule entry per rule that produced a finding, with its worst severity as default level
        Map<String, Finding> firstByRule = new TreeMap<>();
        Map<String, Severity> worst = new HashMap<>();
        for (Finding f : r.findings()) {
            firstByRule.putIfAbsent(f.rule(), f);
            worst.merge(f.rule(), f.severity(), (a, b) -> a.atLeast(b) ? a : b);
        }
        Map<String, Integer> ruleIndex = new HashMap<>();
        g.writeArrayFieldStart("rules");
        for (Map.Entry<String, Finding> e : firstByRule.entrySet()) {
            ruleIndex.put(e.getKey(), ruleIndex.size());
            rule(g, r, e.getKey(), e.getValue(), worst.get(e.getKey()));
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
        return ruleIndex;
    }

    private static void rule(JsonGenerator g, Report r, String id, Finding first, Severity worst) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeStringField("name", id.replaceAll("[^A-Za-z0-9]", ""));
        String desc = r.ruleDescriptions().getOrDefault(id, first.title());
        text(g, "shortDescription", desc);
        text(g, "fullDescription", desc);
        text(g, "help", first.remediation());
        g.writeObjectFieldStart("defaultConfiguration");
        g.writeStringField("level", level(worst));
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeArrayFieldStart("tags");
        g.writeString("security");
        g.writeString("kubernetes");
        g.writeString(first.area());
        for (String c : first.cis()) {
            g.writeString("CIS-" + c);
        }
        g.writeEndArray();
        g.writeStringField("security-severity", securitySeverity(worst));
        if (!first.cis().isEmpty()) {
            // the rule's CIS ids and the benchmark they are numbered in (the same control has other numbers elsewhere)
            JsonFields.strings(g, "cis", first.cis());
            if (r.cisBenchmark() != null) {
                g.writeStringField("cisBenchmark", r.cisBenchmark());
            }
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    static void text(JsonGenerator g, String field, String text) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("text", text);
        g.writeEndObject();
    }

    /**
     * The run's invocation, when the report knows its coverage: each visibility gap and each rule it blinded as a
     * tool execution notification (gaps: warning; rules not evaluated: error; partly evaluated: warning).
     */
    private static void invocations(JsonGenerator g, Report r) throws IOException {
        if (r.coverage() == null) {
            return;
        }
        g.writeArrayFieldStart("invocations");
        g.writeStartObject();
        g.writeBooleanField("executionSuccessful", true);
        g.writeArrayFieldStart("toolExecutionNotifications");
        for (Coverage.Gap gap : r.coverage().gaps()) {
            g.writeStartObject();
            g.writeStringField("level", "warning");
            text(g, "message", "Visibility gap: " + ReportWriter.gapText(gap));
            g.writeObjectFieldStart("descriptor");
            g.writeStringField("id", "KUSTODIAN-VISIBILITY-GAP");
            g.writeEndObject();
            g.writeObjectFieldStart("properties");
            JsonFields.gap(g, gap);
            g.writeEndObject();
            g.writeEndObject();
        }
        for (Coverage.NotEvaluated n : r.coverage().notEvaluated()) {
            g.writeStartObject();
            g.writeStringField("level", n.partial() ? "warning" : "error");
            text(g, "message", "Rule " + ReportWriter.notEvaluatedText(n));
            g.writeObjectFieldStart("descriptor");
            g.writeStringField("id", "KUSTODIAN-RULE-NOT-EVALUATED");
            g.writeEndObject();
            g.writeObjectFieldStart("associatedRule");
            g.writeStringField("id", n.rule());
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("properties");
        g.writeBooleanField("complete", r.coverage().complete());
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
    }

    private static void results(JsonGenerator g, Report r, Map<String, Integer> ruleIndex) throws IOException {
        g.writeArrayFieldStart("results");
        ParallelArray.write(g, r.findings(), (w, f) -> result(w, f, ruleIndex.get(f.rule()), r.acceptance(f)));
        g.writeEndArray();
    }

    /**
     * The field names (and constant values) of every result, quoted once: Jackson copies their chars instead of
     * checking each one for escapes, ~30 names per result.
     */
    private static final SerializedString F_RULE_ID = new SerializedString("ruleId");
    private static final SerializedString F_RULE_INDEX = new SerializedString("ruleIndex");
    private static final SerializedString F_LEVEL = new SerializedString("level");
    private static final SerializedString F_MESSAGE = new SerializedString("message");
    private static final SerializedString F_TEXT = new SerializedString("text");
    private static final SerializedString F_LOCATIONS = new SerializedString("locations");
    private static final SerializedString F_PHYSICAL_LOCATION = new SerializedString("physicalLocation");
    private static final SerializedString F_ARTIFACT_LOCATION = new SerializedString("artifactLocation");
    private static final SerializedString F_URI = new SerializedString("uri");
    private static final SerializedString F_URI_BASE_ID = new SerializedString("uriBaseId");
    private static final SerializedString F_CLUSTER = new SerializedString("CLUSTER");
    private static final SerializedString F_REGION = new SerializedString("region");
    private static final SerializedString F_START_LINE = new SerializedString("startLine");
    private static final SerializedString F_LOGICAL_LOCATIONS = new SerializedString("logicalLocations");
    private static final SerializedString F_NAME = new SerializedString("name");
    private static final SerializedString F_FULLY_QUALIFIED_NAME = new SerializedString("fullyQualifiedName");
    private static final SerializedString F_KIND = new SerializedString("kind");
    private static final SerializedString F_RESOURCE = new SerializedString("resource");
    private static final SerializedString F_PARTIAL_FINGERPRINTS = new SerializedString("partialFingerprints");
    private static final SerializedString F_KUSTODIAN_FINDING_ID_V1 = new SerializedString("kustodianFindingId/v1");
    private static final SerializedString F_PROPERTIES = new SerializedString("properties");
    private static final SerializedString F_SEVERITY = new SerializedString("severity");
    private static final SerializedString F_AREA = new SerializedString("area");
    private static final SerializedString F_SYSTEM = new SerializedString("system");
    private static final SerializedString F_CIS = new SerializedString("cis");

    private static void result(JsonGenerator g, Finding f, int ruleIndex, Acceptance a) throws IOException {
        Chars scratch = SCRATCH.get();
        g.writeStartObject();
        g.writeFieldName(F_RULE_ID);
        g.writeString(f.rule());
        g.writeFieldName(F_RULE_INDEX);
        g.writeNumber(ruleIndex);
        g.writeFieldName(F_LEVEL);
        g.writeString(level(f.severity()));
        g.writeFieldName(F_MESSAGE);
        g.writeStartObject();
        g.writeFieldName(F_TEXT);
        message(scratch.reset(), f).writeString(g);
        g.writeEndObject();
        g.writeFieldName(F_LOCATIONS);
        g.writeStartArray();
        g.writeStartObject();
        // a pseudo-path per object, so tools that need a physical location (GitHub) accept the result
        g.writeFieldName(F_PHYSICAL_LOCATION);
        g.writeStartObject();
        g.writeFieldName(F_ARTIFACT_LOCATION);
        g.writeStartObject();
        g.writeFieldName(F_URI);
        objectUri(scratch.reset(), f).writeString(g);
        g.writeFieldName(F_URI_BASE_ID);
        g.writeString(F_CLUSTER);
        g.writeEndObject();
        g.writeFieldName(F_REGION);
        g.writeStartObject();
        g.writeFieldName(F_START_LINE);
        g.writeNumber(1);
        g.writeEndObject();
        g.writeEndObject();
        g.writeFieldName(F_LOGICAL_LOCATIONS);
        g.writeStartArray();
        g.writeStartObject();
        g.writeFieldName(F_NAME);
        g.writeString(f.object().name().isEmpty() ? f.object().kind() : f.object().name());
        if (f.object().name().isEmpty()) {
            g.writeFieldName(F_FULLY_QUALIFIED_NAME);
            g.writeString(f.object().kind());
        } else {
            g.writeFieldName(F_FULLY_QUALIFIED_NAME);
            scratch.reset().appendDisplay(f.object()).writeString(g);
        }
        g.writeFieldName(F_KIND);
        g.writeString(F_RESOURCE);
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
        g.writeFieldName(F_PARTIAL_FINGERPRINTS);
        g.writeStartObject();
        g.writeFieldName(F_KUSTODIAN_FINDING_ID_V1);
        g.writeString(f.id());
        g.writeEndObject();
        if (a != null && a.active()) {
            // SARIF 2.1.0 §3.35: an accepted risk is an external suppression with its justification
            g.writeArrayFieldStart("suppressions");
            g.writeStartObject();
            g.writeStringField("kind", "external");
            g.writeStringField("status", "accepted");
            g.writeStringField("justification", a.entry().reason() + " (accepted by " + a.entry().by() + " until "
                    + a.entry().expires() + ")");
            g.writeEndObject();
            g.writeEndArray();
        }
        g.writeFieldName(F_PROPERTIES);
        g.writeStartObject();
        g.writeFieldName(F_SEVERITY);
        g.writeString(ReportWriter.sev(f.severity()));
        g.writeFieldName(F_AREA);
        g.writeString(f.area());
        g.writeFieldName(F_SYSTEM);
        g.writeBoolean(f.system());
        g.writeFieldName(F_CIS);
        JsonFields.strings(g, f.cis());
        if (f.fix() != null) {
            g.writeStringField("fix", f.fix());
        }
        if (a != null && a.expired()) {
            g.writeStringField("acceptanceExpired", a.entry().expires().toString());
            g.writeStringField("acceptanceReason", a.entry().reason());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    /**
     * The text of every result's message, object URI and fully qualified name goes through one char buffer per
     * writing thread instead of a String each: ~1 KB of garbage per result (the message's builder and its string),
     * ~150 MB for the 115,000 results of a large scan, fell into the young generation grown for the analysis and
     * raised the SARIF report's peak RSS by as much (docs/performance.md, the one-shot scan, ninth pass).
     */
    private static final ThreadLocal<Chars> SCRATCH = ThreadLocal.withInitial(Chars::new);

    /** "title. explanation Fix: remediation". */
    private static Chars message(Chars c, Finding f) {
        return c.append(f.title()).append(". ").append(f.explanation()).append(" Fix: ").append(f.remediation());
    }

    /** The result's pseudo-path: kind[/namespace][/name], each part URL-encoded. */
    private static Chars objectUri(Chars c, Finding f) {
        var o = f.object();
        c.append(uriPart(o.kind()));
        if (!o.namespace().isEmpty()) {
            c.append('/').append(uriPart(o.namespace()));
        }
        if (!o.name().isEmpty()) {
            c.append('/').append(uriPart(o.name()));
        }
        return c;
    }

    private static String uriPart(String s) {
        return plain(s) ? s : URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Letters, digits, '.', '-' and '_' only (Kubernetes names and kinds): what URLEncoder leaves as it is. */
    static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c == '.' || c == '-'
                    || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
