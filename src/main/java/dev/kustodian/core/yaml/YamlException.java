package dev.kustodian.core.yaml;

import dev.kustodian.core.util.InputFiles;

/** A YAML/JSON input that could not be read (bad input, exit 2); the message names the source and the line. */
public class YamlException extends InputFiles.InputException {

    public YamlException(String source, int line, String reason) {
        super(source, line, reason);
    }
}
