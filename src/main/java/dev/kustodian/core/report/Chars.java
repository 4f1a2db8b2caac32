package dev.kustodian.core.report;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.util.Arrays;

/**
 * A growable char buffer that a JSON generator writes as one string value without a {@link String} in between:
 * for the texts the report writers assemble per finding (the same characters, so the same escaped output).
 */
final class Chars {
    private char[] buf = new char[1_024];
    private int length;

    Chars reset() {
        length = 0;
        return this;
    }

    Chars append(String s) {
        String v = String.valueOf(s);
        int n = v.length();
        room(n);
        v.getChars(0, n, buf, length);
        length += n;
        return this;
    }

    Chars append(char c) {
        room(1);
        buf[length++] = c;
        return this;
    }

    /** Writes the chars as one JSON string value. */
    void writeString(JsonGenerator g) throws IOException {
        g.writeString(buf, 0, length);
    }

    private void room(int n) {
        if (length + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + n));
        }
    }

    @Override
    public String toString() {
        return new String(buf, 0, length);
    }
}
