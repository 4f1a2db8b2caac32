package dev.kustodian.cli.common;

import dev.kustodian.cli.KustodianCommand;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The generate commands whose flags are declared once, as {@link Flag} tables (issue 11). */
class RequestCommandTest {

    private static List<CommandLine> requestCommands() {
        List<CommandLine> l = new ArrayList<>();
        KustodianCommand.commandLine().getSubcommands().get("generate").getSubcommands().values().stream()
                .filter(c -> c.getCommand() instanceof RequestCommand).forEach(l::add);
        return l;
    }

    @Test
    void everyFlagIsAnOptionAheadOfTheSharedOnes() {
        List<CommandLine> commands = requestCommands();
        assertThat(commands).extracting(CommandLine::getCommandName).contains("secretstore", "externalsecret",
                "clusterexternalsecret", "pushsecret", "secretproviderclass", "store-policy", "sops-config",
                "akeyless-operator", "migration");
        for (CommandLine c : commands) {
            List<String> names = c.getCommandSpec().options().stream().map(OptionSpec::longestName).toList();
            assertThat(names).as(c.getCommandName()).doesNotHaveDuplicates()
                    .endsWith("--output", "--force", "--help", "--version");
            assertThat(c.getCommandSpec().mixinStandardHelpOptions()).isTrue();
        }
    }

    @Test
    void aFieldsProblemNamesItsFlagAndTheValuesReachTheRequest() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = KustodianCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        // --find-tag fills the field findTags: its problem names the flag, not the key
        int code = cl.execute("generate", "externalsecret", "--name", "db", "-n", "team-a", "--store", "vault",
                "--find-tag", "no-equals-sign");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--find-tag").doesNotContain("findTags").doesNotContain("Exception");
        // split, list, default and enum choice values arrive in the YAML
        out.getBuffer().setLength(0);
        code = cl.execute("generate", "clusterexternalsecret", "--name", "reg", "--namespaces", "a,b",
                "--store", "aws", "--store-kind", "ClusterSecretStore", "--data", "k=shared/registry");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("- a", "- b", "kind: ClusterSecretStore", "refreshInterval: 1h",
                "key: shared/registry");
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        code = cl.execute("generate", "store-policy", "--provider", "vault", "--vault-version", "v1", "--path",
                "team-a/db", "--vault-role", "app", "-n", "team-a", "--service-account", "app");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString() + err).contains("secret/team-a/db").doesNotContain("secret/data/team-a/db");
        code = cl.execute("generate", "store-policy", "--provider", "vault", "--vault-version", "v3");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--vault-version").contains("v3");
    }
}
