package dev.kustodian.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.util.UserFacingException;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code -o json} output of the commands that print results other than a scan report. Each shape is documented
 * in docs/json-schemas.md with a JSON Schema under docs/schemas/ (tests validate real output against it). Fields are
 * only ever added, never renamed or removed.
 */
final class CliJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CliJson() {
    }

    /**
     * True for json, false for the default text form; anything else is bad input naming the option and the choices.
     */
    static boolean wantsJson(String option, String value, String textName) {
        if (value == null || textName.equals(value)) {
            return false;
        }
        if ("json".equals(value)) {
            return true;
        }
        throw UserFacingException.badInput("Unknown output format '" + value + "' for " + option + ": use " + textName
                + " (default) or json.");
    }

    /** Prints {@code tree} (maps, lists, strings, numbers, booleans, null) as indented JSON and a newline. */
    static void print(PrintWriter out, Object tree) {
        try {
            out.println(MAPPER.writeValueAsString(tree));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON output failed: " + e.getOriginalMessage(), e);
        }
        out.flush();
    }

    /** A map that keeps the order its entries were put in (null values are written as null). */
    static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /** A finding as in {@code scan -o json} (without acceptance). */
    static Map<String, Object> finding(Finding f) {
        return object("id", f.id(), "rule", f.rule(), "area", f.area(),
                "severity", f.severity().name().toLowerCase(java.util.Locale.ROOT), "title", f.title(),
                "object", object("kind", f.object().kind(), "namespace", f.object().namespace(), "name", f.object().name()),
                "cis", f.cis(), "remediation", f.remediation());
    }

    static List<Map<String, Object>> findings(List<Finding> findings) {
        return findings.stream().map(CliJson::finding).toList();
    }
}
