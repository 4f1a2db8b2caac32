package dev.kustodian.core.analysis;

import dev.kustodian.core.encryption.EncryptionLint;
import dev.kustodian.core.externalsecrets.ManifestLinter;

import java.util.List;

/** The manifest linter with every area's checks wired in (EncryptionConfiguration validation included). */
public final class Linting {
    private Linting() {
    }

    public static ManifestLinter manifestLinter() {
        return new ManifestLinter(List.of(new EncryptionLint()));
    }
}
