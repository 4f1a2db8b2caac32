package dev.kustodian.cli;

import dev.kustodian.core.errors.ErrorTranslator;
import dev.kustodian.core.util.UserFacingException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.util.List;
import java.nio.charset.StandardCharsets;

/**
 * The root command. Each area adds its commands to {@code subcommands} below. Exit codes: 0 success, 1 "no" /
 * invalid / failed, 2 bad usage or input, 3 cluster unreachable or credentials rejected, 4 scan threshold met,
 * 5 scan incomplete (visibility gaps kept rules from running; {@code --allow-partial} accepts it).
 */
@Command(name = "kustodian",
        mixinStandardHelpOptions = true,
        versionProvider = KustodianCommand.Version.class,
        description = {"Shows where Kubernetes Secrets are exposed and generates the configuration that fixes it.",
                "Run without arguments to open the desktop app."})
public final class KustodianCommand implements Runnable {

    /**
     * The subcommands, in the order the help lists them. Added by {@link #commandLine()} rather than through the
     * annotation, so that a process that runs one command builds only that command's tree ({@link #run}).
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            CommandLine.HelpCommand.class,
            ScanCommand.class,
            PlanCommand.class,
            DiffCommand.class,
            GenerateCommand.class,
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
            DemoCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The process's stderr as the root command line writes it (progress may rewrite its line on a terminal). */
    static volatile PrintWriter processErr;

    private CliOutput.Verbosity verbosity = CliOutput.Verbosity.NORMAL;

    @CommandLine.Option(names = {"-q", "--quiet"}, scope = CommandLine.ScopeType.INHERIT,
            description = "No progress and no notes on stderr (errors only).")
    void quiet(boolean on) {
        if (on) {
            verbosity = CliOutput.Verbosity.QUIET;
        }
    }

    @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Every progress step and library logging on stderr.")
    void verbose(boolean on) {
        if (on) {
            verbosity = CliOutput.Verbosity.VERBOSE;
            if ("off".equals(System.getProperty(CliOutput.LOG_LEVEL_PROPERTY, "off"))) {
                System.setProperty(CliOutput.LOG_LEVEL_PROPERTY, "info");
            }
        }
    }

    CliOutput.Verbosity verbosity() {
        return verbosity;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The whole command tree. */
    public static CommandLine commandLine() {
        return commandLine(SUBCOMMANDS);
    }

    /**
     * The command tree for running {@code args}: when the first argument names a subcommand, the root with that
     * subcommand alone (the same parsing, help and errors for it, without picocli's reflection over the other
     * fifteen trees at every start), else the whole tree (help, options first, typos).
     */
    static CommandLine commandLineFor(String... args) {
        if (args.length > 0) {
            for (Class<?> c : SUBCOMMANDS) {
                Command a = c.getAnnotation(Command.class);
                if (c != CommandLine.HelpCommand.class && a != null
                        && (a.name().equals(args[0]) || List.of(a.aliases()).contains(args[0]))) {
                    return commandLine(List.of(c));
                }
            }
        }
        return commandLine();
    }

    private static CommandLine commandLine(List<Class<?>> subcommands) {
        CommandLine cl = new CommandLine(new KustodianCommand());
        for (Class<?> c : subcommands) {
            cl.addSubcommand(c);
        }
        // picocli applies the model transformers (RequestCommand.AddFlags) of the subcommands an annotation lists
        // once the root is complete, but not of subcommands added afterwards: the same step, in the same order
        transform(cl);
        cl.setExecutionExceptionHandler(KustodianCommand::handleException);
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("error: " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return 2;
        });
        sentencePerLine(cl);
        return cl;
    }

    private static void transform(CommandLine cl) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            CommandLine.Model.CommandSpec spec = sub.getCommandSpec();
            if (spec.modelTransformer() != null && spec.modelTransformer().transform(spec) != spec) {
                throw new IllegalStateException("a model transformer that replaces the spec: " + spec.qualifiedName());
            }
            transform(sub);
        }
    }

    /**
     * Makes the first line of every command's description a whole sentence: picocli lists a subcommand with that
     * line, and descriptions are written wrapped at ~120 columns. The lines up to the end of the first sentence are
     * joined (picocli wraps them again for the terminal); the following lines keep their layout (lists, examples).
     */
    static void sentencePerLine(CommandLine cl) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            var usage = sub.getCommandSpec().usageMessage();
            usage.description(firstSentenceFirst(usage.description()));
            sentencePerLine(sub);
        }
    }

    /**
     * The end of a sentence: '.', '!' or '?' before a space or the end of the text, not the dots of "e.g." or "i.e."
     * and never ':' (a colon introduces what follows; a summary cut there reads "The hardening plan of a cluster:").
     */
    static final java.util.regex.Pattern SENTENCE_END = java.util.regex.Pattern.compile(
            "(?<!\\be\\.g)(?<!\\bi\\.e)[.!?](?=\\s|$)");

    static String[] firstSentenceFirst(String[] lines) {
        java.util.regex.Pattern end = SENTENCE_END;
        StringBuilder acc = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            acc.append(acc.length() == 0 ? "" : " ").append(lines[i].strip());
            java.util.regex.Matcher m = end.matcher(acc);
            if (m.find()) {
                if (i == 0 && m.end() == acc.length()) {
                    return lines; // already a whole first line
                }
                List<String> out = new java.util.ArrayList<>();
                out.add(acc.substring(0, m.end()));
                String rest = acc.substring(m.end()).strip();
                if (!rest.isEmpty()) {
                    out.add(rest);
                }
                out.addAll(List.of(lines).subList(i + 1, lines.length));
                return out.toArray(String[]::new);
            }
        }
        return lines;
    }

    /** Runs the CLI on the process's stdout/stderr; both are flushed before it returns (no lost output). */
    public static int run(String... args) {
        CommandLine cl = commandLineFor(args);
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        processErr = err;
        cl.setOut(out);
        cl.setErr(err);
        try {
            return execute(cl, args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Runs {@code args} on {@code cl} (from {@link #commandLine()}); even JVM errors end as a sentence and exit code. */
    public static int execute(CommandLine cl, String... args) {
        try {
            return cl.execute(args);
        } catch (Throwable t) {
            // Errors (StackOverflowError, OutOfMemoryError) are not handed to the execution exception handler
            return report(t, cl.getErr(), null, java.util.Arrays.asList(args).contains("--verbose"));
        }
    }

    /** Every failure that reaches the user goes through the one translator: a sentence, an exit code. */
    private static int handleException(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
        boolean verbose = parseResult != null && parseResult.originalArgs().contains("--verbose");
        return report(ex, cl.getErr(), inputs(parseResult), verbose);
    }

    private static int report(Throwable ex, PrintWriter err, String input, boolean verbose) {
        UserFacingException u = ErrorTranslator.translate(ex, input);
        err.println("error: " + u.getMessage());
        if (verbose) {
            ex.printStackTrace(err);
        }
        err.flush();
        return u.category().exitCode();
    }

    /** The files and context the failed command was given ("--kubeconfig k.yaml"), for the error message. */
    static String inputs(CommandLine.ParseResult pr) {
        if (pr == null) {
            return null;
        }
        CommandLine.ParseResult sub = pr;
        while (sub.subcommand() != null) {
            sub = sub.subcommand();
        }
        java.util.List<String> named = new java.util.ArrayList<>();
        for (CommandLine.Model.OptionSpec o : sub.matchedOptions()) {
            Object v = o.getValue();
            if (v instanceof java.nio.file.Path || v instanceof java.io.File
                    || o.longestName().equals("--context")) {
                named.add(o.longestName() + " " + v);
            }
        }
        for (CommandLine.Model.PositionalParamSpec p : sub.matchedPositionals()) {
            Object v = p.getValue();
            if (v instanceof java.nio.file.Path || v instanceof java.io.File) {
                named.add(String.valueOf(v));
            } else if (v instanceof java.util.Collection<?> c && !c.isEmpty()
                    && c.iterator().next() instanceof java.nio.file.Path) {
                named.add(String.join(", ", c.stream().map(String::valueOf).toList()));
            }
        }
        return named.isEmpty() ? null : "the input (" + String.join(", ", named) + ")";
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"kustodian " + dev.kustodian.core.util.BuildInfo.version()};
        }
    }
}
