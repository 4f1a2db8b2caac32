package dev.kustodian.robust;

import dev.kustodian.cli.KustodianCommand;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The robustness sweep's runner and tally: runs one CLI case in-process through the picocli entry point (System.out
 * and System.err captured too, so library log lines count), classifies it (clean, crash, hang, leak, unclear) and
 * asserts it is clean. The tally is printed by {@link #printTally()}.
 */
final class Sweep {
    /** A value that must never be printed: it is in every hostile file that can hold a secret value. */
    static final String CANARY = "Kanary-Value-7f3a9c";
    static final String CANARY_B64 = java.util.Base64.getEncoder().encodeToString(CANARY.getBytes(StandardCharsets.UTF_8));
    /** Hang guard only: generous, far above any case's normal time. */
    static final Duration HANG_GUARD = Duration.ofSeconds(120);

    /** A stack frame, a Java class name or a library log line. */
    static final Pattern NOISE = Pattern.compile(
            "(?m)^\\s+at [\\w$.]+\\(|\\b(?:java|javax|io\\.fabric8|io\\.vertx|io\\.netty|org\\.snakeyaml|com\\.fasterxml|tools\\.jackson|picocli)\\.[\\w.$]+"
                    + "|\\b[A-Z][A-Za-z0-9]*(?:Exception|Error)\\b|\\[Source:|\\b(?:ERROR|WARN|INFO|DEBUG)\\s+[\\w.]+\\s+-\\s"
                    + "|\\[main\\] |Caused by:");

    enum Outcome { CLEAN, CRASH, HANG, LEAK, UNCLEAR }

    static final ConcurrentHashMap<String, AtomicInteger> TALLY = new ConcurrentHashMap<>();
    static final List<String> PROBLEMS = java.util.Collections.synchronizedList(new ArrayList<>());

    /** One case: the CLI arguments, the exit codes that are right, what the error must name. */
    record Case(String group, String name, List<String> args, Set<Integer> exits, String mustName, Path mustNotExist,
                List<String> secrets) {
        @Override
        public String toString() {
            return group + ": " + name;
        }
    }

    record Result(int exit, String out, String err, long millis) {
    }

    private Sweep() {
    }

    static Result run(List<String> args) {
        ByteArrayOutputStream sysOut = new ByteArrayOutputStream();
        ByteArrayOutputStream sysErr = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long t0 = System.nanoTime();
        int exit;
        System.setOut(new PrintStream(sysOut, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(sysErr, true, StandardCharsets.UTF_8));
        try {
            CommandLine cl = KustodianCommand.commandLine();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            exit = KustodianCommand.execute(cl, args.toArray(String[]::new));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Result(exit, out + sysOut.toString(StandardCharsets.UTF_8),
                err + sysErr.toString(StandardCharsets.UTF_8), (System.nanoTime() - t0) / 1_000_000);
    }

    /** Runs and checks one case; counts its outcome; fails the test unless it is clean. */
    static void check(Case c) {
        Result r;
        try {
            r = assertTimeoutPreemptively(HANG_GUARD, () -> run(c.args()));
        } catch (org.opentest4j.AssertionFailedError timeout) {
            count(c, Outcome.HANG, "did not finish within the hang guard");
            throw timeout;
        }
        String all = r.out() + "\n" + r.err();
        Outcome o = Outcome.CLEAN;
        String why = "";
        List<String> secrets = new ArrayList<>(c.secrets());
        secrets.add(CANARY);
        secrets.add(CANARY_B64);
        for (String s : secrets) {
            if (all.contains(s)) {
                o = Outcome.LEAK;
                why = "printed a secret value";
            }
        }
        if (o == Outcome.CLEAN && NOISE.matcher(all).find()) {
            var m = NOISE.matcher(all);
            m.find();
            o = Outcome.CRASH;
            why = "stack trace, class name or log line: " + excerpt(all, m.start());
        }
        if (o == Outcome.CLEAN && !c.exits().contains(r.exit())) {
            o = Outcome.UNCLEAR;
            why = "exit " + r.exit() + ", expected " + c.exits();
        }
        // where a case allows 0 or 1 besides 2 (a listing with warnings, a validator's "invalid"), the input must be
        // named next to "warning"/"error" all the same: a hostile file never passes in silence
        String named = r.exit() == 1 ? all : r.err();
        boolean passWithWarning = c.exits().contains(0) && c.exits().contains(2);
        if (o == Outcome.CLEAN && (r.exit() != 0 || passWithWarning) && c.mustName() != null
                && !named.contains(c.mustName())) {
            o = Outcome.UNCLEAR;
            why = (r.exit() == 0 ? "passed without a warning naming " : "the error does not name ") + c.mustName();
        }
        if (o == Outcome.CLEAN && r.exit() == 0 && passWithWarning && c.mustName() != null
                && !r.err().contains("warning: ")) {
            o = Outcome.UNCLEAR;
            why = "passed without a warning";
        }
        if (o == Outcome.CLEAN && r.exit() == 1 && !all.contains("error")) {
            o = Outcome.UNCLEAR;
            why = "failed without saying what the error is";
        }
        if (o == Outcome.CLEAN && r.exit() == 5 && !r.err().contains("Incomplete")) {
            o = Outcome.UNCLEAR;
            why = "incomplete without saying so";
        }
        if (o == Outcome.CLEAN && r.exit() > 1 && r.exit() != 5 && !r.err().contains("error: ")) {
            o = Outcome.UNCLEAR;
            why = "failed without an error sentence";
        }
        if (o == Outcome.CLEAN && c.mustNotExist() != null && (Files.exists(c.mustNotExist()) || leftovers(c.mustNotExist()))) {
            o = Outcome.UNCLEAR;
            why = "left a (partial) output file";
        }
        count(c, o, why + " | err: " + firstLines(r.err()));
        assertThat(o).as("%s: %s%nstderr: %s", c, why, r.err()).isEqualTo(Outcome.CLEAN);
    }

    private static boolean leftovers(Path target) {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> p.getFileName().toString().startsWith("." + target.getFileName() + "."));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    static void count(Case c, Outcome o, String why) {
        TALLY.computeIfAbsent("total", k -> new AtomicInteger()).incrementAndGet();
        TALLY.computeIfAbsent(o.name(), k -> new AtomicInteger()).incrementAndGet();
        TALLY.computeIfAbsent("group " + c.group(), k -> new AtomicInteger()).incrementAndGet();
        if (o != Outcome.CLEAN) {
            PROBLEMS.add(o + " " + c + ": " + why);
            System.out.println("NOT CLEAN: " + o + " " + c + ": " + why);
        }
    }

    static String firstLines(String s) {
        String t = s.strip();
        return t.length() > 400 ? t.substring(0, 400) + "…" : t;
    }

    private static String excerpt(String s, int at) {
        return s.substring(Math.max(0, at - 80), Math.min(s.length(), at + 120)).replace('\n', '⏎');
    }

    static String tally() {
        StringBuilder sb = new StringBuilder("Robustness sweep: ");
        sb.append(get("total")).append(" cases, ").append(get("CLEAN")).append(" clean, ")
                .append(get("CRASH")).append(" crashes, ").append(get("HANG")).append(" hangs, ")
                .append(get("LEAK")).append(" leaks, ").append(get("UNCLEAR")).append(" unclear");
        TALLY.keySet().stream().filter(k -> k.startsWith("group ")).sorted()
                .forEach(k -> sb.append("\n  ").append(k.substring(6)).append(": ").append(get(k)));
        synchronized (PROBLEMS) {
            PROBLEMS.forEach(p -> sb.append("\n  ").append(p));
        }
        return sb.toString();
    }

    private static int get(String k) {
        AtomicInteger a = TALLY.get(k);
        return a == null ? 0 : a.get();
    }

    static void printTally() {
        System.out.println(tally());
        try {
            Path f = Path.of("target", "robustness-sweep.txt");
            Files.createDirectories(f.getParent());
            Files.writeString(f, tally() + "\n");
        } catch (java.io.IOException e) {
            System.out.println("(tally not written: " + e.getMessage() + ")");
        }
    }
}
