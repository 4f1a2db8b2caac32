package dev.kustodian.cli;

import dev.kustodian.core.cluster.ClusterLoader;
import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.cluster.SnapshotFileWriter;
import dev.kustodian.core.cluster.SourceSpec;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.report.ReportFormat;
import dev.kustodian.core.util.Cancellation;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The secret-safety canary: a snapshot folder whose secret values (and credential-like values in ConfigMaps, env
 * literals, annotations and last-applied-configuration) are unique markers. Loading it, scanning it in every
 * format (stdout and --output), and saving it with {@code snapshot --output}, with debug logging, must not let
 * any marker (or its base64 form) out.
 *
 * <p>Needs the snapshot-file loader; until it is merged the test is skipped by an assumption that names why.
 */
class CanaryTest {

    static {
        // before any logger exists in this JVM (best effort: another test class may have created one already)
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
    }

    private static final Pattern MARKER = Pattern.compile("CANARY-7f3a-[A-Za-z0-9#-]+");
    private static final String RESOURCE = "/canary/secrets.yaml";

    @TempDir
    static Path dir;
    static Set<String> forbidden;

    @BeforeAll
    static void seed() throws IOException {
        try (InputStream in = CanaryTest.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as("test resource " + RESOURCE).isNotNull();
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Files.createDirectories(dir.resolve("cluster"));
            Files.writeString(dir.resolve("cluster/secrets.yaml"), yaml);
            forbidden = forbiddenStrings(yaml);
        }
    }

    /** Every marker, the distinctive tail of each, and base64 forms of markers found in the YAML. */
    static Set<String> forbiddenStrings(String yaml) {
        Set<String> markers = new LinkedHashSet<>();
        Matcher m = MARKER.matcher(yaml);
        while (m.find()) {
            markers.add(m.group());
        }
        Set<String> encoded = new LinkedHashSet<>();
        Matcher b64 = Pattern.compile("[A-Za-z0-9+/]{16,}={0,2}").matcher(yaml);
        while (b64.find()) {
            try {
                String decoded = new String(Base64.getDecoder().decode(b64.group()), StandardCharsets.UTF_8);
                Matcher dm = MARKER.matcher(decoded);
                while (dm.find()) {
                    markers.add(dm.group());
                    encoded.add(b64.group());
                }
            } catch (IllegalArgumentException notBase64) {
                // not base64
            }
        }
        Set<String> out = new LinkedHashSet<>(encoded);
        out.add("CANARY");
        out.add(Base64.getEncoder().encodeToString("CANARY-7f3a".getBytes(StandardCharsets.UTF_8)).substring(0, 12));
        for (String s : markers) {
            out.add(s);
            out.add(Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)));
            String tail = s.substring(s.lastIndexOf('-') + 1);
            if (tail.length() >= 5 && !tail.chars().allMatch(Character::isDigit) && !tail.equals("hello")) {
                out.add(tail);
            }
        }
        assertThat(markers).as("markers in the canary snapshot").hasSizeGreaterThanOrEqualTo(15);
        return out;
    }

    static void assertClean(String what, String text) {
        for (String f : forbidden) {
            assertThat(text).as(what + " must not contain a canary value").doesNotContain(f);
        }
    }

    static ClusterSession openOrSkip(Path path) {
        try {
            return ClusterLoader.open(SourceSpec.snapshot(path), (f, msg) -> { }, new Cancellation());
        } catch (UnsupportedOperationException notYet) {
            Assumptions.abort("The snapshot-file loader is not merged on this branch yet (" + notYet.getMessage() + ").");
            throw notYet;
        }
    }

    @Test
    void loadedSnapshotHoldsNoValue() {
        try (ClusterSession s = openOrSkip(dir.resolve("cluster"))) {
            ClusterSnapshot snap = s.snapshot();
            // the canary only has power if the loader actually read the objects and found the leaks
            assertThat(snap.secrets()).extracting(x -> x.name()).contains("db", "shared-copy", "regcred");
            assertThat(snap.configMaps()).singleElement().satisfies(cm -> assertThat(cm.leaks()).isNotEmpty());
            StringBuilder all = new StringBuilder();
            Stream.of(snap.namespaces(), snap.secrets(), snap.configMaps(), snap.workloads(), snap.serviceAccounts(),
                    snap.customObjects(), snap.notes(), snap.gaps()).forEach(l -> all.append(l).append('\n'));
            assertClean("the snapshot model", all.toString());
        }
    }

    @Test
    void savedSnapshotFileHoldsNoValueAndScansTheSame() throws Exception {
        Path saved = dir.resolve("saved/snapshot.yaml");
        Files.createDirectories(saved.getParent());
        try (ClusterSession s = openOrSkip(dir.resolve("cluster"))) {
            SnapshotFileWriter.write(s.snapshot(), saved);
        }
        assertClean("the saved snapshot file", Files.readString(saved));
        // read back: the leak hints and fingerprints survive, so the findings do too
        String direct = cli(0, 4, "scan", "--snapshot", dir.resolve("cluster").toString(), "-o", "json",
                "--include-system");
        String reread = cli(0, 4, "scan", "--snapshot", saved.toString(), "-o", "json", "--include-system");
        assertClean("scan of the saved snapshot", reread);
        assertThat(ruleIds(reread)).isEqualTo(ruleIds(direct)).contains("SEC-VALUE-OUTSIDE-SECRET", "SEC-SHARED-VALUE");
    }

    private static List<String> ruleIds(String cliOutput) throws IOException {
        String json = cliOutput.substring(0, cliOutput.lastIndexOf('}') + 1);
        List<String> ids = new ArrayList<>();
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).get("findings")
                .forEach(f -> ids.add(f.get("rule").asText()));
        java.util.Collections.sort(ids);
        return ids;
    }

    @Test
    void scanInEveryFormatAndSnapshotFileLeakNothing() throws Exception {
        try (ClusterSession ignored = openOrSkip(dir.resolve("cluster"))) {
            // loader present: go on with the CLI
        }
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8);
        List<Path> files = new ArrayList<>();
        StringBuilder outputs = new StringBuilder();
        System.setOut(capture);
        System.setErr(capture);
        try {
            for (ReportFormat f : ReportFormat.values()) {
                outputs.append(cli(0, 4, "scan", "--snapshot", dir.resolve("cluster").toString(), "-o", f.id(),
                        "--include-system"));
                Path file = dir.resolve("report." + f.extension());
                outputs.append(cli(0, 4, "scan", "--snapshot", dir.resolve("cluster").toString(), "-o", f.id(),
                        "--include-system", "--output", file.toString(), "--force"));
                files.add(file);
            }
            if (KustodianCommand.commandLine().getSubcommands().containsKey("snapshot")) {
                Path snapFile = dir.resolve("saved-snapshot.yaml");
                outputs.append(cli(0, 0, "snapshot", "--snapshot", dir.resolve("cluster").toString(), "--output",
                        snapFile.toString()));
                files.add(snapFile);
            }
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        assertThat(outputs.toString()).contains("SEC-VALUE-OUTSIDE-SECRET", "SEC-SHARED-VALUE");
        assertClean("command output", outputs.toString());
        assertClean("console and log output", console.toString(StandardCharsets.UTF_8));
        for (Path f : files) {
            assertThat(f).exists();
            assertClean(f.getFileName().toString(), Files.readString(f));
        }
    }

    private static String cli(int okExit, int altExit, String... args) {
        CliRun r = CliRun.run(args);
        assertThat(r.code()).as(String.join(" ", args) + " exit code; stderr: " + r.err()).isIn(okExit, altExit);
        return r.out() + "\n" + r.err() + "\n";
    }
}
