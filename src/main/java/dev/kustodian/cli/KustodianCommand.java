package dev.kustodian.cli;

import dev.kustodian.core.util.UserFacingException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * The root command. Each area adds its commands to {@code subcommands} below. Exit codes: 0 success, 1 "no" /
 * invalid / failed, 2 bad usage or input, 3 cluster unreachable or credentials rejected, 4 scan threshold met.
 */
@Command(name = "kustodian",
        mixinStandardHelpOptions = true,
        versionProvider = KustodianCommand.Version.class,
        description = {"Shows where Kubernetes Secrets are exposed and generates the configuration that fixes it.",
                "Run without arguments to open the desktop app."},
        subcommands = {
                CommandLine.HelpCommand.class,
                ScanCommand.class,
                PlanCommand.class,
                dev.kustodian.cli.generate.GenerateCommand.class,
                SealCommand.class,
                LintCommand.class,
                EncryptionCommand.class,
                CanICommand.class,
                WhoCanCommand.class,
                RbacCommand.class,
                StoresCommand.class,
                ContextsCommand.class,
                SummaryCommand.class,
                SnapshotCommand.class,
                DemoCommand.class,
        })
public final class KustodianCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new KustodianCommand());
        cl.setExecutionExceptionHandler(KustodianCommand::handleException);
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("error: " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return 2;
        });
        return cl;
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    private static int handleException(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
        PrintWriter err = cl.getErr();
        if (ex instanceof UserFacingException u) {
            err.println("error: " + u.getMessage());
            return u.category().exitCode();
        }
        if (ex instanceof IllegalArgumentException) {
            err.println("error: " + ex.getMessage());
            return 2;
        }
        err.println("error: " + ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage()));
        return 1;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"kustodian " + dev.kustodian.core.util.BuildInfo.version()};
        }
    }
}
