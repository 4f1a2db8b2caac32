package dev.kustodian.cli;

import dev.kustodian.core.cluster.SnapshotFileWriter;
import dev.kustodian.core.model.ClusterSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 15: stdout is flushed by every command, stderr is quiet enough for scripts (--quiet, --verbose, progress). */
class CliStreamsTest {

    /** Runs the CLI as Main does: on the process's stdout/stderr (replaced here), nothing flushed by the test. */
    static CliRun onProcessStreams(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, false, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, false, StandardCharsets.UTF_8));
            int code = KustodianCommand.run(args);
            // what a process would write before System.exit: no extra flush of the PrintStreams' own buffers needed
            // (they have none at this level: ByteArrayOutputStream), so only KustodianCommand.run's flushing counts
            return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void encryptionConfigPreviewReachesStdout() {
        CliRun c = onProcessStreams("encryption", "config");
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.out()).contains("kind: EncryptionConfiguration", "secretbox:").doesNotContain("Preview only");
        assertThat(c.err()).contains("Preview only (keys masked)");
    }

    @Test
    void encryptionPatchPrintsEveryFile() {
        CliRun c = onProcessStreams("encryption", "patch");
        assertThat(c.code()).as(c.err()).isZero();
        int steps = c.out().indexOf("# ---- STEPS.txt ----");
        assertThat(steps).isNotNegative();
        assertThat(c.out().substring(steps).lines().count()).isGreaterThan(3);
    }

    @Test
    void encryptionConfigOutputNamesTheWrittenFileInTheNextSteps(@TempDir Path dir) {
        Path file = dir.resolve("enc.yaml");
        CliRun c = onProcessStreams("encryption", "config", "--output", file.toString());
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.out()).contains("Copy " + file + " to /etc/kubernetes/enc/", "--file-name enc.yaml",
                "--config " + file).doesNotContain("encryption-config.yaml");
    }

    @Test
    void quietAndVerboseAreAcceptedByEverySubcommand() {
        CommandLine cl = KustodianCommand.commandLine();
        List<String> missing = new java.util.ArrayList<>();
        walk(cl, c -> {
            if (c.getCommandSpec().findOption("--quiet") == null || c.getCommandSpec().findOption("--verbose") == null) {
                missing.add(c.getCommandSpec().qualifiedName());
            }
        });
        assertThat(missing).isEmpty();
    }

    private static void walk(CommandLine cl, java.util.function.Consumer<CommandLine> each) {
        each.accept(cl);
        cl.getSubcommands().values().forEach(sub -> walk(sub, each));
    }

    private static Path demoLikeSnapshot(Path dir) throws Exception {
        ClusterSnapshot s = ScanCommandTest.snapshot();
        Path f = dir.resolve("snap.yaml");
        SnapshotFileWriter.write(s, f);
        return f;
    }

    @Test
    void quietLeavesOnlyResultsAndErrors(@TempDir Path dir) throws Exception {
        Path snap = demoLikeSnapshot(dir);
        CliRun quiet = CliRun.run("scan", "--snapshot", snap.toString(), "--quiet");
        assertThat(quiet.code()).isZero();
        assertThat(quiet.out()).contains("SEC-ENV");
        assertThat(quiet.err()).isEmpty();
        CliRun bad = CliRun.run("scan", "--snapshot", dir.resolve("missing").toString(), "-q");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).startsWith("error: ");
    }

    @Test
    void normalStderrIsAFewLinesVerboseIsEveryStep(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("many"));
        for (int i = 0; i < 20; i++) {
            Files.writeString(folder.resolve("cm-" + i + ".yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c"
                    + i + ", namespace: a}\ndata: {k: v}\n");
        }
        CliRun normal = CliRun.run("summary", "--snapshot", folder.toString());
        List<String> progress = normal.err().lines().filter(l -> l.startsWith("[")).toList();
        assertThat(progress).hasSizeBetween(2, 5);
        assertThat(progress.get(progress.size() - 1)).isEqualTo("[100%] Loaded 20 objects from 20 file(s)");
        CliRun verbose = CliRun.run("summary", "--snapshot", folder.toString(), "--verbose");
        assertThat(verbose.err().lines().filter(l -> l.startsWith("[")).count()).isEqualTo(21);
    }

    @Test
    void progressNeverGoesBackwardsAndStepsShowQuarters() {
        StringWriter w = new StringWriter();
        CliOutput owner = new CliOutput(new PrintWriter(w), CliOutput.Verbosity.NORMAL, false);
        CliProgress p = new CliProgress(new PrintWriter(w), CliProgress.Style.STEPS, owner);
        p.update(-1, "Connecting");
        p.update(0.06, "a done");
        p.update(0.04, "b done"); // more work discovered: the fraction drops
        p.update(0.30, "c done");
        p.update(0.31, "d done");
        p.update(0.80, "e done");
        p.update(1, "Loaded 9 objects");
        assertThat(w.toString().lines().toList()).containsExactly("[....] Connecting", "[ 30%] c done",
                "[ 80%] e done", "[100%] Loaded 9 objects");

        StringWriter all = new StringWriter();
        CliProgress v = new CliProgress(new PrintWriter(all), CliProgress.Style.ALL, owner);
        v.update(0.06, "a");
        v.update(0.04, "b");
        v.update(-1, "c");
        assertThat(all.toString().lines().toList()).containsExactly("[  6%] a", "[  6%] b", "[  6%] c");
    }

    @Test
    void onATerminalProgressRewritesOneLineAndEndsItForNotes() {
        StringWriter w = new StringWriter();
        PrintWriter pw = new PrintWriter(w);
        CliOutput console = new CliOutput(pw, CliOutput.Verbosity.NORMAL, true);
        var p = console.progress();
        p.update(-1, "Connecting");
        p.update(0.5, "half");
        console.note("a note");
        pw.flush();
        String text = w.toString();
        assertThat(text).startsWith("\r[....] Connecting\033[K").endsWith("\na note\n");
        assertThat(text.chars().filter(ch -> ch == '\n').count()).isEqualTo(2);
        StringWriter done = new StringWriter();
        CliOutput c2 = new CliOutput(new PrintWriter(done), CliOutput.Verbosity.NORMAL, true);
        c2.progress().update(1, "Loaded 3 objects");
        assertThat(done.toString()).isEqualTo("\r[100%] Loaded 3 objects\033[K" + System.lineSeparator());
    }

    @Test
    void verboseTurnsLibraryLoggingOnOnlyWhenItWasOff() {
        String old = System.getProperty(CliOutput.LOG_LEVEL_PROPERTY);
        try {
            System.setProperty(CliOutput.LOG_LEVEL_PROPERTY, "off");
            CliRun.run("contexts", "--kubeconfig", "/nonexistent/kubeconfig", "--verbose");
            assertThat(System.getProperty(CliOutput.LOG_LEVEL_PROPERTY)).isEqualTo("info");
            System.setProperty(CliOutput.LOG_LEVEL_PROPERTY, "debug");
            CliRun.run("contexts", "--kubeconfig", "/nonexistent/kubeconfig", "--verbose");
            assertThat(System.getProperty(CliOutput.LOG_LEVEL_PROPERTY)).isEqualTo("debug");
        } finally {
            if (old == null) {
                System.clearProperty(CliOutput.LOG_LEVEL_PROPERTY);
            } else {
                System.setProperty(CliOutput.LOG_LEVEL_PROPERTY, old);
            }
        }
    }

    @Test
    void libraryLoggingIsOffByDefault() throws Exception {
        var props = new java.util.Properties();
        try (var in = getClass().getResourceAsStream("/simplelogger.properties")) {
            props.load(in);
        }
        assertThat(props.getProperty(CliOutput.LOG_LEVEL_PROPERTY)).isEqualTo("off");
    }

    @Test
    void sealFetchCertOnTheDemoSaysItNeedsALiveCluster() {
        CliRun c = CliRun.run("seal", "--fetch-cert", "--demo", "--name", "db", "-n", "a", "--from-stdin", "k");
        assertThat(c.code()).isEqualTo(2);
        assertThat(c.err()).contains("--fetch-cert needs a live cluster", "Use --cert FILE")
                .doesNotContain("X.509");
    }

    @Test
    void summaryOfAKustodianSnapshotCountsEveryObject(@TempDir Path dir) throws Exception {
        ClusterSnapshot.Builder b = ScanCommandTest.snapshot().toBuilder();
        b.namespaces.add(new dev.kustodian.core.model.NamespaceInfo(dev.kustodian.core.model.ObjectMeta.of("", "shop"),
                "Active"));
        b.configMaps.add(new dev.kustodian.core.model.ConfigMapInfo(dev.kustodian.core.model.ObjectMeta.of("shop", "c"),
                List.of("k"), List.of()));
        ClusterSnapshot s = b.build();
        Path snap = dir.resolve("snap.yaml");
        SnapshotFileWriter.write(s, snap);
        CliRun c = CliRun.run("summary", "--snapshot", snap.toString());
        int total = s.counts().values().stream().mapToInt(Integer::intValue).sum();
        assertThat(total).isEqualTo(5);
        assertThat(c.err()).contains("Loaded " + total + " objects from 1 file(s)");
    }
}
