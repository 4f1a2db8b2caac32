package dev.kustodian.robust;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16's sweep, part two: a loopback API server that misbehaves in each {@link FaultServer.Mode}, exec credential
 * plugins that hang, fail or print garbage, output paths that cannot be written, and a few cases as real child
 * processes. Same checks and tally as {@link RobustnessSweepTest}.
 */
@Tag("robustness")
class RobustnessServerSweepTest {
    @TempDir
    static Path tmp;

    static final String URL_PASSWORD = "Url-Passw0rd-q81";
    static final String URL_QUERY = "Query-Token-z55";
    static int counter;

    record Cmd(String name, String template, String output) {
    }

    /** {T} is the request timeout: generous where the server answers, short where the expected outcome is a timeout. */
    static final List<Cmd> COMMANDS = List.of(
            new Cmd("summary", "summary --kubeconfig {K} --request-timeout {T}", null),
            new Cmd("scan --output", "scan --kubeconfig {K} -o json --output {OUT}/r.json --request-timeout {T}", "r.json"),
            new Cmd("snapshot --output", "snapshot --kubeconfig {K} --output {OUT}/s.json --request-timeout {T}", "s.json"),
            new Cmd("stores", "stores --kubeconfig {K} -o json --request-timeout {T}", null));

    /**
     * Modes that stall (no answer, or one byte a second): the outcome is a timeout whatever the deadline, so a short
     * one keeps the sweep fast without making it flaky. Each runs with two commands (one writes a file); the loader
     * path is the same for every command.
     */
    static final Set<FaultServer.Mode> STALLING = Set.of(FaultServer.Mode.BLACK_HOLE, FaultServer.Mode.VERSION_DRIP,
            FaultServer.Mode.LIST_BLACK_HOLE, FaultServer.Mode.LIST_DRIP);
    /** Modes slow by nature (a big answer): two commands too, with the generous deadline. */
    static final Set<FaultServer.Mode> HEAVY = Set.of(FaultServer.Mode.LIST_HUGE_BODY);
    static final String SHORT = "700ms";
    /** Far above any answer of a loopback server, even on a loaded machine: only a hang would reach it. */
    static final String GENEROUS = "60s";

    /** Modes where the connection works but some or all lists fail: the load goes on and says what is missing. */
    static final Set<FaultServer.Mode> GAPS = Set.of(FaultServer.Mode.LIST_500,
            FaultServer.Mode.LIST_429_HUGE_RETRY_AFTER, FaultServer.Mode.LIST_RESET_MID_BODY,
            FaultServer.Mode.LIST_TRUNCATED_JSON, FaultServer.Mode.LIST_ENDLESS_CONTINUE,
            FaultServer.Mode.LIST_ENDLESS_NEW_CONTINUE, FaultServer.Mode.LIST_BLACK_HOLE,
            FaultServer.Mode.FORBIDDEN_SECRETS, FaultServer.Mode.LIST_WRONG_TYPES, FaultServer.Mode.LIST_DRIP,
            FaultServer.Mode.LIST_HUGE_BODY, FaultServer.Mode.ITEM_WRONG_TYPES);
    // NOT_FOUND and LIST_NOT_FOUND (404 on every list): not a Kubernetes API server, exit 3 naming the server

    @TestFactory
    Stream<DynamicTest> faultyServer() {
        List<DynamicTest> tests = new ArrayList<>();
        for (FaultServer.Mode mode : FaultServer.Mode.values()) {
            for (boolean userinfo : new boolean[]{false, true}) {
                // every command with a plain URL; with a password in the URL, the commands that print the server
                List<Cmd> cmds = userinfo ? List.of(COMMANDS.get(0), COMMANDS.get(3)) : COMMANDS;
                if (STALLING.contains(mode) || HEAVY.contains(mode)) {
                    cmds = List.of(userinfo ? COMMANDS.get(0) : COMMANDS.get(1));
                }
                for (Cmd c : cmds) {
                    String name = mode + (userinfo ? " (URL with password)" : "") + " → " + c.name();
                    tests.add(DynamicTest.dynamicTest(name, () -> serverCase(mode, userinfo, c, name)));
                }
            }
        }
        return tests.stream();
    }

    private static void serverCase(FaultServer.Mode mode, boolean userinfo, Cmd c, String name) throws Exception {
        try (FaultServer server = new FaultServer(mode, Sweep.CANARY)) {
            String url = userinfo ? "http://admin:" + URL_PASSWORD + "@127.0.0.1:" + server.port() + "/?token=" + URL_QUERY
                    : "http://127.0.0.1:" + server.port();
            Path k = kubeconfig(url, "  user: {token: " + Sweep.CANARY + "}\n");
            Path out = tmp.resolve("out" + (++counter));
            List<String> args = expand(c.template(), k, out, STALLING.contains(mode) ? SHORT : GENEROUS);
            Set<Integer> exits;
            if (mode == FaultServer.Mode.OK) {
                exits = Set.of(0);
            } else if (STALLING.contains(mode) && GAPS.contains(mode)) {
                // the lists stall: gaps; with the short deadline, /version may time out first on a loaded machine
                exits = Set.of(0, 3, 5);
            } else if (GAPS.contains(mode)) {
                exits = Set.of(0, 5); // partial visibility: shown as gaps (exit 5 once gaps fail the run)
            } else {
                exits = Set.of(3);
            }
            boolean writes = c.output() != null;
            Path target = writes ? out.resolve(c.output()) : null;
            Sweep.check(new Sweep.Case("server " + (GAPS.contains(mode) ? "partial" : mode == FaultServer.Mode.OK
                    ? "healthy" : "unreachable"), name, args, exits, exits.contains(3) && exits.size() == 1
                    ? "127.0.0.1" : "fault", // the server, or the context (named by every message)
                    exits.equals(Set.of(3)) ? target : null, List.of(URL_PASSWORD, URL_QUERY)));
            if (mode == FaultServer.Mode.LIST_ENDLESS_CONTINUE || mode == FaultServer.Mode.LIST_ENDLESS_NEW_CONTINUE) {
                // bounded: a repeated token stops at once, new tokens stop after a few empty pages per kind
                assertThat(server.listRequests.get()).as("list requests sent").isLessThan(2_000);
            }
        }
    }

    /** Exec credential plugins: each failure is a sentence, a hanging plugin is stopped. */
    @TestFactory
    Stream<DynamicTest> execPlugins() throws IOException {
        record Plugin(String name, String script, Set<Integer> exits) {
        }
        String cred = "{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
                + "\"status\":{\"token\":\"" + Sweep.CANARY + "\"}}";
        List<Plugin> plugins = List.of(
                new Plugin("hangs", "#!/bin/sh\nsleep 600\n", Set.of(3)),
                new Plugin("prints garbage", "#!/bin/sh\necho 'hello, I am not JSON " + Sweep.CANARY + "'\n", Set.of(3)),
                new Plugin("prints forever", "#!/bin/sh\nyes " + Sweep.CANARY + "\n", Set.of(3)),
                new Plugin("exits 1", "#!/bin/sh\necho 'login required' >&2\nexit 1\n", Set.of(3)),
                new Plugin("prints nothing", "#!/bin/sh\nexit 0\n", Set.of(3)),
                new Plugin("no token", "#!/bin/sh\necho '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"status\":{}}'\n", Set.of(3)),
                new Plugin("wrong JSON type", "#!/bin/sh\necho '[1,2,3]'\n", Set.of(3)),
                new Plugin("not executable", null, Set.of(2)),
                new Plugin("missing", "", Set.of(2)),
                new Plugin("works", "#!/bin/sh\necho '" + cred + "'\n", Set.of(0)));
        List<DynamicTest> tests = new ArrayList<>();
        for (Plugin p : plugins) {
            for (Cmd c : List.of(COMMANDS.get(0), COMMANDS.get(1))) {
                tests.add(DynamicTest.dynamicTest("exec plugin " + p.name() + " → " + c.name(), () -> {
                    try (FaultServer server = new FaultServer(FaultServer.Mode.OK, Sweep.CANARY)) {
                        Path script = tmp.resolve("plugin" + (++counter) + ".sh");
                        String command = script.toString();
                        if (p.script() == null) {
                            Files.writeString(script, "#!/bin/sh\necho hi\n");
                        } else if (p.script().isEmpty()) {
                            command = tmp.resolve("no-such-plugin-" + counter).toString();
                        } else {
                            Files.writeString(script, p.script());
                            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
                        }
                        Path k = kubeconfig("http://127.0.0.1:" + server.port(), "  user:\n    exec:\n"
                                + "      apiVersion: client.authentication.k8s.io/v1\n      command: " + command + "\n");
                        Path out = tmp.resolve("out" + counter);
                        List<String> args = new ArrayList<>(expand(c.template(), k, out, GENEROUS));
                        args.add("--exec-timeout");
                        // the hanging plugin's outcome is the timeout; the others must not depend on the machine's load
                        args.add(p.name().equals("hangs") ? "500ms" : "60s");
                        Sweep.check(new Sweep.Case("exec plugin", p.name() + " → " + c.name(), args, p.exits(),
                                p.exits().contains(0) ? null : "plugin", p.exits().contains(0) ? null
                                : c.output() == null ? null : out.resolve(c.output()), List.of()));
                    }
                }));
            }
        }
        return tests.stream();
    }

    /** Output paths that cannot be written: a sentence naming the path, exit 2, nothing (partial) left behind. */
    @TestFactory
    Stream<DynamicTest> outputPaths() throws IOException {
        Path good = tmp.resolve("good.yaml");
        Files.writeString(good, RobustnessSweepTest.GOOD_SNAPSHOT);
        Path value = tmp.resolve("value.txt");
        Files.writeString(value, Sweep.CANARY);
        Path cert = Path.of(System.getProperty("user.dir"), "src/test/resources/screenshots/sealed-secret/cert.pem");
        Path aFile = Files.writeString(tmp.resolve("a-file"), "x");
        Path aFolder = Files.createDirectories(tmp.resolve("a-folder"));
        Path existing = Files.writeString(tmp.resolve("existing.json"), "keep me");
        List<String[]> targets = List.of(
                new String[]{"read-only location", "/sys/kustodian-out"},
                new String[]{"under /proc", "/proc/kustodian-out/x"},
                new String[]{"parent is a file", aFile + "/out"},
                new String[]{"is a folder", aFolder.toString()},
                new String[]{"exists, no --force", existing.toString()});
        List<DynamicTest> tests = new ArrayList<>();
        for (String[] t : targets) {
            List<String[]> cmds = List.of(
                    new String[]{"scan --output", "scan --snapshot " + good + " -o json --output " + t[1]},
                    new String[]{"snapshot --output", "snapshot --snapshot " + good + " --output " + t[1]},
                    new String[]{"seal -O", "seal --cert " + cert + " --name db -n shop --from-file password=" + value
                            + " -O " + t[1]},
                    new String[]{"encryption config --output", "encryption config --provider secretbox --output " + t[1]});
            for (String[] c : cmds) {
                tests.add(DynamicTest.dynamicTest("output " + t[0] + " → " + c[0], () -> {
                    List<String> args = List.of(c[1].split(" "));
                    Path target = Path.of(t[1]);
                    boolean mustVanish = !Files.exists(target);
                    // seal -O names an output folder: an existing folder is the right target there
                    boolean valid = c[0].startsWith("seal") && t[0].equals("is a folder");
                    Sweep.check(new Sweep.Case("output path", t[0] + " → " + c[0], args, valid ? Set.of(0) : Set.of(2),
                            valid ? null : target.getFileName().toString(), mustVanish ? target : null, List.of()));
                    if (t[0].startsWith("exists")) {
                        assertThat(Files.readString(existing)).isEqualTo("keep me");
                    }
                }));
            }
        }
        return tests.stream();
    }

    /**
     * The cases that need a real process: the JVM's own stack limit (-Xss512k against deep nesting), the launcher's
     * exit codes and streams, a FIFO that would block an open() forever, a server that never answers. Started
     * together, then awaited, so their JVM start-ups overlap.
     */
    @Test
    void childProcesses() throws Exception {
        Path fifo = tmp.resolve("cert.fifo");
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
        Path deep = Files.writeString(tmp.resolve("deep.json"), "[".repeat(200_000) + "]".repeat(200_000));
        StringBuilder lol = new StringBuilder("a0: &a0 [x, y]\n");
        for (int i = 1; i <= 64; i++) {
            lol.append("a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a").append(i - 1).append("]\n");
        }
        Path bomb = Files.writeString(tmp.resolve("bomb.yaml"), lol.toString());
        Path value = Files.writeString(tmp.resolve("v.txt"), Sweep.CANARY);
        try (FaultServer hole = new FaultServer(FaultServer.Mode.BLACK_HOLE, Sweep.CANARY)) {
            Path k = kubeconfig("http://admin:" + URL_PASSWORD + "@127.0.0.1:" + hole.port(), "  user: {token: x}\n");
            List<List<String>> cases = List.of(
                    List.of("seal", "--cert", fifo.toString(), "--name", "db", "-n", "shop", "--from-file", "p=" + value),
                    List.of("summary", "--snapshot", deep.toString()),
                    List.of("lint", bomb.toString()),
                    List.of("summary", "--kubeconfig", k.toString(), "--request-timeout", SHORT));
            int[] expected = {2, 2, 2, 3};
            List<Process> processes = new ArrayList<>();
            for (int i = 0; i < cases.size(); i++) {
                List<String> args = cases.get(i);
                List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xss512k", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                        "dev.kustodian.Main"));
                cmd.addAll(args);
                // streams to files: no reader threads, and a child that prints forever cannot block on a full pipe
                processes.add(new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                        .redirectOutput(tmp.resolve("child" + i + ".out").toFile())
                        .redirectError(tmp.resolve("child" + i + ".err").toFile()).start());
            }
            for (int i = 0; i < cases.size(); i++) {
                Process p = processes.get(i);
                boolean done = p.waitFor(Sweep.HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
                Sweep.Case c = new Sweep.Case("child process", String.join(" ", cases.get(i)), cases.get(i),
                        Set.of(expected[i]), null, null, List.of(URL_PASSWORD));
                if (!done) {
                    processes.forEach(x -> x.destroyForcibly());
                    Sweep.count(c, Sweep.Outcome.HANG, "child did not exit");
                    throw new AssertionError("child process did not exit: " + cases.get(i));
                }
                String err = Files.readString(tmp.resolve("child" + i + ".err"));
                String all = Files.readString(tmp.resolve("child" + i + ".out")) + err;
                Sweep.Outcome o = Sweep.Outcome.CLEAN;
                if (all.contains(Sweep.CANARY) || all.contains(URL_PASSWORD)) {
                    o = Sweep.Outcome.LEAK;
                } else if (Sweep.NOISE.matcher(all).find()) {
                    o = Sweep.Outcome.CRASH;
                } else if (p.exitValue() != expected[i] || !err.contains("error: ")) {
                    o = Sweep.Outcome.UNCLEAR;
                }
                Sweep.count(c, o, "exit " + p.exitValue() + " | " + Sweep.firstLines(err));
                assertThat(o).as("%s: exit %d, stderr %s", cases.get(i), p.exitValue(), err)
                        .isEqualTo(Sweep.Outcome.CLEAN);
            }
        }
    }

    @AfterAll
    static void tally() {
        Sweep.printTally();
    }

    static Path kubeconfig(String server, String user) throws IOException {
        Path k = tmp.resolve("kubeconfig" + (++counter) + ".yaml");
        Files.writeString(k, "apiVersion: v1\nkind: Config\ncurrent-context: fault\nclusters:\n- name: fault\n"
                + "  cluster: {server: \"" + server + "\"}\ncontexts:\n- name: fault\n  context: {cluster: fault, user: u}\n"
                + "users:\n- name: u\n" + user);
        return k;
    }

    static List<String> expand(String template, Path k, Path out, String timeout) throws IOException {
        Files.createDirectories(out);
        List<String> args = new ArrayList<>();
        for (String a : template.split(" ")) {
            args.add(a.replace("{K}", k.toString()).replace("{OUT}", out.toString()).replace("{T}", timeout));
        }
        return args;
    }
}
