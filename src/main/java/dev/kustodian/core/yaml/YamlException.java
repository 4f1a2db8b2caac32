package dev.kustodian.core.yaml;

/** A YAML/JSON input that could not be read; the message names the source and the line. */
public class YamlException extends RuntimeException {
    private final String source;
    private final int line;

    public YamlException(String source, int line, String reason) {
        super(source + (line > 0 ? ":" + line : "") + ": " + reason);
        this.source = source;
        this.line = line;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }
}
