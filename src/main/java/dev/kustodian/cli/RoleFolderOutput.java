package dev.kustodian.cli;

import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.output.FolderWriter;
import dev.kustodian.core.util.UserFacingException;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** {@code --force} of the role commands ({@code generate role}, {@code rbac unused}) and the writing of their -o DIR. */
final class RoleFolderOutput {
    @Option(names = "--force", description = "Overwrite existing files in --output DIR.")
    boolean force;

    /** Writes the bundle's files into {@code dir}; existing files without --force are bad input (nothing written). */
    List<Path> write(Bundle bundle, Path dir) throws IOException {
        FolderWriter.Result r = FolderWriter.write(bundle, dir, existing -> force);
        if (!r.declined().isEmpty()) {
            throw UserFacingException.badInput("Not written: " + r.declined().size() + " file(s) already exist in "
                    + dir + " (e.g. " + r.declined().get(0).getFileName() + "). Add --force to overwrite them.");
        }
        return r.written();
    }
}
