package dev.kustodian.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --help} lists each subcommand with its summary: picocli shows the first line of the description, so that
 * line must be a complete sentence (never "…with the controller's").
 */
class HelpSummariesTest {

    @Test
    void everyCommandSummaryIsACompleteSentence() {
        List<String> cut = new ArrayList<>();
        walk(KustodianCommand.commandLine(), cut);
        assertThat(cut).as("summaries cut mid-sentence").isEmpty();
    }

    @Test
    void aSummaryEndsAtASentenceEndNeverAtAColon() {
        String[] d = KustodianCommand.firstSentenceFirst(new String[]{
                "The hardening plan of a cluster: ordered steps (e.g. encryption first) with",
                "their status. More text:", "- a list"});
        assertThat(d[0]).isEqualTo("The hardening plan of a cluster: ordered steps (e.g. encryption first) with"
                + " their status.");
        assertThat(d).containsSubsequence("More text:", "- a list");
    }

    private static void walk(CommandLine cl, List<String> cut) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            String[] d = sub.getCommandSpec().usageMessage().description();
            String first = d.length == 0 ? "" : d[0].strip();
            if (first.isEmpty() || !(first.endsWith(".") || first.endsWith(".)") || first.endsWith("!")
                    || first.endsWith("?")) || first.endsWith("...")) {
                cut.add(sub.getCommandSpec().qualifiedName() + ": \"" + first + "\"");
            }
            walk(sub, cut);
        }
    }
}
