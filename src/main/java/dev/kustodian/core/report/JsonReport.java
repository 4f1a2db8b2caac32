package dev.kustodian.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kustodian.core.accept.Acceptance;
import dev.kustodian.core.findings.Coverage;
import dev.kustodian.core.findings.Finding;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/** {@code scan -o json}: {@code {"findings": [...], "summary": {...}}}, pretty-printed, written as it goes. */
final class JsonReport {
    private JsonReport() {
    }

    static void write(Report r, Writer out) throws IOException {
        try (JsonGenerator g = ReportWriter.jsonGenerator(out)) {
            g.writeStartObject();
            findings(g, r);
            coverage(g, r);
            summary(g, r);
            g.writeEndObject();
        }
        out.write('\n');
    }

    static void findings(JsonGenerator g, Report r) throws IOException {
        g.writeArrayFieldStart("findings");
        ParallelArray.write(g, r.findings(), (w, f) -> finding(w, f, r.acceptance(f)));
        g.writeEndArray();
    }

    /** One finding object (the same in {@code scan -o json} and {@code diff -o json}); "accepted" only when it is. */
    static void finding(JsonGenerator g, Finding f, Acceptance a) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", f.id());
        g.writeStringField("rule", f.rule());
        g.writeStringField("area", f.area());
        g.writeStringField("severity", ReportWriter.sev(f.severity()));
        g.writeStringField("title", f.title());
        g.writeStringField("explanation", f.explanation());
        g.writeObjectFieldStart("object");
        g.writeStringField("kind", f.object().kind());
        g.writeStringField("namespace", f.object().namespace());
        g.writeStringField("name", f.object().name());
        g.writeEndObject();
        JsonFields.strings(g, "cis", f.cis());
        g.writeStringField("remediation", f.remediation());
        g.writeBooleanField("system", f.system());
        g.writeStringField("fix", f.fix()); // null is written as null
        if (a != null) {
            g.writeObjectFieldStart("accepted");
            g.writeStringField("reason", a.entry().reason());
            g.writeStringField("by", a.entry().by());
            g.writeStringField("expires", a.entry().expires().toString());
            g.writeBooleanField("expired", a.expired());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** {@code "gaps"} and {@code "notEvaluated"}: written whenever the report knows its coverage (scan always). */
    static void coverage(JsonGenerator g, Report r) throws IOException {
        if (r.coverage() == null) {
            return;
        }
        g.writeArrayFieldStart("gaps");
        for (Coverage.Gap gap : r.coverage().gaps()) {
            g.writeStartObject();
            JsonFields.gap(g, gap);
            g.writeStringField("reason", gap.reason());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("notEvaluated");
        for (Coverage.NotEvaluated n : r.coverage().notEvaluated()) {
            g.writeStartObject();
            g.writeStringField("rule", n.rule());
            g.writeStringField("scope", n.partial() ? "partial" : "none");
            JsonFields.strings(g, "resources", n.resources());
            g.writeStringField("reason", n.reason());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    static void summary(JsonGenerator g, Report r) throws IOException {
        g.writeObjectFieldStart("summary");
        g.writeNumberField("total", r.findings().size());
        g.writeObjectFieldStart("bySeverity");
        for (var e : r.countsBySeverity().entrySet()) {
            g.writeNumberField(ReportWriter.sev(e.getKey()), e.getValue());
        }
        g.writeEndObject();
        g.writeObjectFieldStart("byArea");
        for (Map.Entry<String, Integer> e : r.countsByArea().entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeNumberField("system", r.systemCount());
        if (!r.accepted().isEmpty()) {
            g.writeNumberField("accepted", r.acceptedCount());
            g.writeNumberField("acceptanceExpired", r.expiredCount());
        }
        g.writeStringField("source", r.source());
        g.writeStringField("generatedAt", r.generatedAt().toString());
        if (r.cisBenchmark() != null) {
            g.writeStringField("cisBenchmark", r.cisBenchmark());
        }
        if (r.coverage() != null) {
            g.writeBooleanField("complete", r.coverage().complete());
        }
        g.writeEndObject();
    }
}
