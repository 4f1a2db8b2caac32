package dev.kustodian.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * PROVISIONAL parent of {@code kustodian generate ...}, only so that {@code generate role} can be run and tested
 * on this branch. The stores helper owns the real GenerateCommand: on merge, keep theirs and add
 * {@link GenerateRoleCommand} to its {@code subcommands}.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate configuration (roles, ...).",
        subcommands = {GenerateRoleCommand.class})
public final class GenerateCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
