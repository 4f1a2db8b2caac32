package dev.kustodian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The completion script and the man pages the build ships cover the whole command tree, not the root alone (the
 * root's annotation lists no subcommands since a run builds only the one it names).
 */
class CommandDocsTest {

    @TempDir
    Path dir;

    private static void names(CommandLine cl, String prefix, List<String> out) {
        for (var e : cl.getSubcommands().entrySet()) {
            if (e.getKey().equals(e.getValue().getCommandName())) { // not an alias
                String name = prefix + "-" + e.getKey();
                out.add(name);
                names(e.getValue(), name, out);
            }
        }
    }

    @Test
    void completionAndManPagesCoverEveryCommand() throws Exception {
        Path completion = dir.resolve("out/kustodian-completion.bash");
        Path man = dir.resolve("man-adoc");
        CommandDocs.write(completion, man);

        String script = Files.readString(completion);
        List<String> pages = new ArrayList<>();
        names(KustodianCommand.commandLine(), "kustodian", pages);
        assertThat(pages).contains("kustodian-scan", "kustodian-who-can", "kustodian-encryption");
        for (String page : pages) {
            assertThat(man.resolve(page + ".adoc")).as(page).exists();
        }
        try (Stream<Path> files = Files.list(man)) {
            assertThat(files.count()).isEqualTo(pages.size() + 1L); // + kustodian.adoc
        }
        for (Class<?> c : KustodianCommand.SUBCOMMANDS) {
            String name = c.getAnnotation(CommandLine.Command.class).name();
            assertThat(script).as(name).contains(" " + name);
        }
        assertThat(Files.readString(man.resolve("kustodian.adoc"))).contains("who-can", "summary");
        assertThat(Files.readString(man.resolve("kustodian-scan.adoc"))).contains("--fail-on", "--allow-partial");
    }
}
