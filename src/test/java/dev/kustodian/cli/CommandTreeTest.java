package dev.kustodian.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/** A run builds only the subcommand it names, with the same options as in the whole tree. */
class CommandTreeTest {

    @Test
    void aNamedSubcommandGetsItsTreeAloneWithTheSameOptions() {
        CommandLine one = KustodianCommand.commandLineFor("generate", "secretstore", "--help");
        assertThat(one.getSubcommands().keySet()).containsExactly("generate");
        CommandLine whole = KustodianCommand.commandLine();
        assertThat(whole.getSubcommands()).hasSize(KustodianCommand.SUBCOMMANDS.size());
        CommandLine a = one.getSubcommands().get("generate").getSubcommands().get("secretstore");
        CommandLine b = whole.getSubcommands().get("generate").getSubcommands().get("secretstore");
        assertThat(a.getCommandSpec().options().stream().map(o -> o.longestName()).toList())
                .contains("--name", "--provider", "--quiet", "--verbose")
                .isEqualTo(b.getCommandSpec().options().stream().map(o -> o.longestName()).toList());
        assertThat(a.getUsageMessage()).isEqualTo(b.getUsageMessage());
    }

    @Test
    void anythingElseGetsTheWholeTree() {
        for (String[] args : new String[][]{{}, {"--help"}, {"-q", "scan"}, {"help", "scan"}, {"scna"}}) {
            assertThat(KustodianCommand.commandLineFor(args).getSubcommands())
                    .hasSize(KustodianCommand.SUBCOMMANDS.size());
        }
    }
}
