package dev.kustodian.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build step (exec-maven-plugin, package phase): the bash/zsh completion script and the man pages' AsciiDoc sources,
 * from the same command tree a run builds ({@link KustodianCommand#commandLine()}). picocli's own generators read
 * the command class's annotation, which no longer lists the subcommands (they are added when the tree is built, so
 * a run builds only the one it names), and would describe the root command alone.
 * <p>
 * picocli-codegen is a build-time dependency ({@code provided}): this class is never loaded by the application.
 * <p>
 * {@code CommandDocs COMPLETION_SCRIPT MAN_ADOC_DIR}
 */
public final class CommandDocs {

    private CommandDocs() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: CommandDocs COMPLETION_SCRIPT MAN_ADOC_DIR");
        }
        write(Path.of(args[0]), Path.of(args[1]));
    }

    static void write(Path completionScript, Path manAdocDir) throws IOException {
        CommandLine tree = KustodianCommand.commandLine();
        Path parent = completionScript.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.writeString(completionScript, AutoComplete.bash("kustodian", tree), StandardCharsets.UTF_8);
        Files.createDirectories(manAdocDir);
        int rc = ManPageGenerator.generateManPage(manAdocDir.toFile(), (File) null, new boolean[0], true,
                tree.getCommandSpec());
        if (rc != 0) {
            throw new IOException("picocli's man page generator exited with " + rc + " for " + manAdocDir);
        }
    }
}
