package dev.kustodian.cli;

import dev.kustodian.core.util.Progress;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a command says on stderr besides its results: progress and notes, as loud as {@code --quiet} /
 * {@code --verbose} ask (options of the root command, accepted by every subcommand). Errors are not notes: they are
 * printed whatever the verbosity.
 */
public final class CliOutput {

    /** How much goes to stderr. */
    public enum Verbosity { QUIET, NORMAL, VERBOSE }

    /** The slf4j-simple level of library logging per verbosity (off unless --verbose). */
    static final String LOG_LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

    private final PrintWriter err;
    private final Verbosity verbosity;
    private final boolean terminal;
    private boolean lineOpen;

    CliOutput(PrintWriter err, Verbosity verbosity, boolean terminal) {
        this.err = err;
        this.verbosity = verbosity;
        this.terminal = terminal;
    }

    /** The output settings of the command {@code spec} runs in (from the root command's --quiet/--verbose). */
    public static CliOutput of(CommandLine.Model.CommandSpec spec) {
        Verbosity v = spec.root().userObject() instanceof KustodianCommand root ? root.verbosity() : Verbosity.NORMAL;
        PrintWriter err = spec.commandLine().getErr();
        return new CliOutput(err, v, err == KustodianCommand.processErr && stderrIsTerminal());
    }

    public Verbosity verbosity() {
        return verbosity;
    }

    public boolean verbose() {
        return verbosity == Verbosity.VERBOSE;
    }

    /** Progress of loading or other long work: nothing with --quiet, one updating line on a terminal. */
    public Progress progress() {
        return switch (verbosity) {
            case QUIET -> Progress.NONE;
            case VERBOSE -> new CliProgress(err, CliProgress.Style.ALL, this);
            case NORMAL -> new CliProgress(err, terminal ? CliProgress.Style.LINE : CliProgress.Style.STEPS, this);
        };
    }

    /** A note (what was done, what was skipped): not with --quiet. */
    public void note(String text) {
        if (verbosity != Verbosity.QUIET) {
            synchronized (err) {
                endLine();
                err.println(text);
                err.flush();
            }
        }
    }

    /** Detail only --verbose shows. */
    public void detail(String text) {
        if (verbosity == Verbosity.VERBOSE) {
            note(text);
        }
    }

    /** Ends a progress line left open on the terminal, so the next text starts on its own line. */
    public void endLine() {
        synchronized (err) {
            if (lineOpen) {
                err.println();
                err.flush();
                lineOpen = false;
            }
        }
    }

    void lineOpen(boolean open) {
        lineOpen = open;
    }

    /** True when file descriptor 2 is a terminal (Linux: /proc; elsewhere: a console is attached). */
    static boolean stderrIsTerminal() {
        try {
            Path fd = Path.of("/proc/self/fd/2");
            if (Files.isSymbolicLink(fd)) {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (Exception e) {
            // not Linux, or not readable: fall back to the console
        }
        return System.console() != null && System.getenv("TERM") != null;
    }
}
