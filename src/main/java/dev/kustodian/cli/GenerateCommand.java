package dev.kustodian.cli;

import dev.kustodian.cli.generate.*;
import picocli.CommandLine.Command;

/**
 * {@code kustodian generate ...}: the parent of every generator command (in {@code cli}, so that
 * {@code cli.generate} never depends back on {@code cli}). Areas add their subcommands to the list
 * below (one line each).
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Generate configuration (YAML to stdout, or --output DIR).",
                "Exit codes: 0 generated, 1 the result would be invalid, 2 bad input."},
        subcommands = {
                SecretStoreCommand.class,
                ExternalSecretCommand.class,
                ClusterExternalSecretCommand.class,
                PushSecretCommand.class,
                SecretProviderClassCommand.class,
                StorePolicyCommand.class,
                SopsConfigCommand.class,
                AkeylessOperatorCommand.class,
                MigrationCommand.class,
                GenerateRoleCommand.class,
                ScannerCommand.class,
        })
public final class GenerateCommand extends GroupCommand {
}
