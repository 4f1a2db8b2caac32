package dev.kustodian.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One run of the command line in this JVM, as the launcher runs it ({@link KustodianCommand#commandLine()} and
 * {@link KustodianCommand#execute}): its exit code and what it wrote to stdout and stderr. The CLI tests' one runner.
 */
record CliRun(int code, String out, String err) {

    static CliRun run(String... args) {
        return run(cl -> { }, args);
    }

    /** {@code setUp} adjusts the command line before the run, e.g. replaces how a command opens its cluster. */
    static CliRun run(Consumer<CommandLine> setUp, String... args) {
        CommandLine cl = KustodianCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        setUp.accept(cl);
        int code = KustodianCommand.execute(cl, args);
        cl.getOut().flush();
        cl.getErr().flush();
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Runs {@code args} again over what a first run wrote: refused (exit 2, naming --force), then done with --force. */
    static void assertRerunNeedsForce(String... args) {
        CliRun again = run(args);
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("--force");
        String[] forced = java.util.Arrays.copyOf(args, args.length + 1);
        forced[args.length] = "--force";
        assertThat(run(forced).code()).isZero();
    }

    /** For tests that assert each run's exit code and then read what the last run printed. */
    static final class Last {
        private final Consumer<CommandLine> setUp;
        private CliRun last = new CliRun(-1, "", "");

        Last() {
            this(cl -> { });
        }

        Last(Consumer<CommandLine> setUp) {
            this.setUp = setUp;
        }

        int run(String... args) {
            last = CliRun.run(setUp, args);
            return last.code();
        }

        String out() {
            return last.out();
        }

        String err() {
            return last.err();
        }
    }
}
