package dev.kustodian.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kustodian.core.findings.ObjectRef;

import java.io.IOException;

/**
 * A reusable text buffer that a JSON generator writes as one string value without a {@link String} in between:
 * for the texts the report writers assemble per finding (the same characters, so the same escaped output).
 */
final class Chars {
    private final StringBuilder text = new StringBuilder(1_024);
    private char[] buf = new char[1_024];

    Chars reset() {
        text.setLength(0);
        return this;
    }

    /** {@code s}, or "null" as {@link String#valueOf(Object)} gives it. */
    Chars append(String s) {
        text.append(s);
        return this;
    }

    Chars append(char c) {
        text.append(c);
        return this;
    }

    /** {@link ObjectRef#display()}'s text. */
    Chars appendDisplay(ObjectRef o) {
        o.appendDisplay(text);
        return this;
    }

    /** Writes the text as one JSON string value. */
    void writeString(JsonGenerator g) throws IOException {
        int n = text.length();
        if (buf.length < n) {
            buf = new char[Math.max(n, buf.length * 2)];
        }
        text.getChars(0, n, buf, 0);
        g.writeString(buf, 0, n);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
