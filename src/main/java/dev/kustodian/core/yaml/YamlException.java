package dev.kustodian.core.yaml;

/** A YAML/JSON input that could not be read (bad input, exit 2); the message names the source and the line. */
public class YamlException extends dev.kustodian.core.util.UserFacingException {
    private final String source;
    private final int line;

    public YamlException(String source, int line, String reason) {
        super(Category.BAD_INPUT, source + (line > 0 ? ":" + line : "") + ": " + reason);
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
