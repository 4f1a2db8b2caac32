package dev.kustodian.cli;

import dev.kustodian.core.cluster.DemoCluster;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The training run of the launchers' class-data (AppCDS) archive: with {@code -Dkustodian.cds.train=true} (and
 * {@code -XX:ArchiveClassesAtExit}), after the command, the CLI also runs the commands users run most, so that the
 * archive written at exit holds the classes of every path and not only of the first command's: {@code summary --demo}
 * (the embedded demo), then through the demo's in-process API server and a kubeconfig, as on a real cluster (fabric8's
 * client, its HTTP stack, the streamed list reader), {@code summary}, and {@code scan} in the table, JSON and SARIF
 * formats. Their output is discarded; files go to a temporary folder that is removed. Nothing here changes what a
 * command does: a failure of the training only means a smaller archive.
 */
public final class CdsTraining {

    /** The system property that asks for the training run. */
    static final String PROPERTY = "kustodian.cds.train";

    private CdsTraining() {
    }

    /** Whether this process was started as the archive's training run. */
    public static boolean requested() {
        return Boolean.getBoolean(PROPERTY);
    }

    /**
     * Runs the training commands with standard output and error discarded; never throws. Returns each command's exit
     * status, in order (fewer when one could not be started).
     */
    public static List<Integer> run() {
        List<Integer> statuses = new java.util.ArrayList<>();
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        System.setOut(discard);
        System.setErr(discard);
        Path dir = null;
        try {
            dir = Files.createTempDirectory("kustodian-cds");
            KustodianCommand.commandLine(); // every command's classes (a command's run builds only its own tree)
            statuses.add(KustodianCommand.run("summary", "--demo"));
            DemoCluster demo = DemoCluster.start();
            try {
                Path kubeconfig = dir.resolve("kubeconfig");
                demo.writeKubeconfig(kubeconfig, false);
                String kc = kubeconfig.toString();
                statuses.add(KustodianCommand.run("summary", "--kubeconfig", kc));
                statuses.add(KustodianCommand.run("scan", "--kubeconfig", kc, "-o", "table"));
                for (String format : List.of("json", "sarif")) {
                    statuses.add(KustodianCommand.run("scan", "--kubeconfig", kc, "-o", format, "--output",
                            dir.resolve("report." + format).toString()));
                }
            } finally {
                DemoCluster.stop();
            }
        } catch (IOException | RuntimeException e) {
            // a smaller archive; the user's command already ran
        } finally {
            System.setOut(out);
            System.setErr(err);
            delete(dir);
        }
        return statuses;
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // a temporary folder left behind
        }
    }
}
