package dev.kustodian.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The class-data archive's training run ({@code -Dkustodian.cds.train=true}) runs the demo and the live-cluster
 * commands quietly: every command runs (exit 0), nothing on the process's standard output or error, the streams
 * restored, its temporary folder removed.
 */
class CdsTrainingTest {

    @Test
    void trainsQuietlyAndLeavesNothingBehind() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        List<Path> before = trainingFolders(tmp);
        PrintStream out = System.out;
        PrintStream err = System.err;
        List<Integer> statuses;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            statuses = CdsTraining.run();
            assertThat(System.out).isSameAs(capture);
            assertThat(System.err).isSameAs(capture);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
        // summary --demo, then summary and scan (table, JSON, SARIF) through the demo's API server: all ran
        assertThat(statuses).hasSize(5).containsOnly(0);
        assertThat(trainingFolders(tmp)).containsExactlyInAnyOrderElementsOf(before);
    }

    private static List<Path> trainingFolders(Path tmp) throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.filter(p -> p.getFileName().toString().startsWith("kustodian-cds")).toList();
        }
    }
}
