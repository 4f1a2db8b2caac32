package dev.kustodian.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kustodian.core.findings.Coverage;

import java.io.IOException;
import java.util.List;

/** Fields the JSON and SARIF writers both write, in one place so the two formats spell them alike. */
final class JsonFields {
    private JsonFields() {
    }

    /** {@code "field" : [ "value", ... ]}. */
    static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeFieldName(field);
        strings(g, values);
    }

    /** {@code [ "value", ... ]}, after a field name the caller wrote. */
    static void strings(JsonGenerator g, List<String> values) throws IOException {
        g.writeStartArray();
        for (int i = 0, n = values.size(); i < n; i++) { // findings' lists are random-access: no iterator each
            g.writeString(values.get(i));
        }
        g.writeEndArray();
    }

    /** A visibility gap's kind, resource, namespace and HTTP status, as fields of the object being written. */
    static void gap(JsonGenerator g, Coverage.Gap gap) throws IOException {
        g.writeStringField("kind", gap.kind());
        g.writeStringField("resource", gap.resource());
        g.writeStringField("namespace", gap.namespace());
        g.writeNumberField("status", gap.status());
    }
}
