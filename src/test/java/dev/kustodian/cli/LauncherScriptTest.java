package dev.kustodian.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The zip download's launcher {@code installers/bin/kustodian} builds the java command line: the options of
 * {@code conf/jvm.options} for every start, those of {@code conf/jvm-desktop.options} only for the desktop app (no
 * arguments, no {@code KUSTODIAN_MAIN}), {@code KUSTODIAN_OPTS} last, and the class-data archive per kind of start.
 * Run against the repository's option files and a stand-in {@code java} that records its arguments.
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherScriptTest {
    @TempDir
    Path dir;
    private Path app;
    private Path args;
    private List<String> common;
    private List<String> desktop;

    @BeforeEach
    void install() throws Exception {
        app = dir.resolve("kustodian-x");
        Files.createDirectories(app.resolve("bin"));
        Files.createDirectories(app.resolve("conf"));
        Files.createDirectories(app.resolve("lib"));
        Files.copy(Path.of("installers/bin/kustodian"), app.resolve("bin/kustodian"));
        Files.copy(Path.of("installers/jvm.options"), app.resolve("conf/jvm.options"));
        Files.copy(Path.of("installers/jvm-desktop.options"), app.resolve("conf/jvm-desktop.options"));
        Files.writeString(app.resolve("kustodian.jar"), "");
        Path java = dir.resolve("jdk/bin/java");
        Files.createDirectories(java.getParent());
        args = dir.resolve("args");
        // records one argument per line; the launcher execs it. The CLI's first run also starts a background training
        // run for its archive: that one records nothing
        Files.writeString(java, "#!/bin/sh\ncase \" $* \" in *\" -Dkustodian.cds.train=true \"*) exit 0 ;; esac\n"
                + "printf '%s\\n' \"$@\" > \"$ARGS_FILE\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        common = CliBenchmark.jvmOptions(Path.of("installers/jvm.options"));
        desktop = CliBenchmark.jvmOptions(Path.of("installers/jvm-desktop.options"));
        assertThat(common).isNotEmpty();
        assertThat(desktop).isNotEmpty().doesNotContainAnyElementsOf(common);
    }

    private List<String> javaArgs(Map<String, String> env, String... launcherArgs) throws Exception {
        List<String> command = new ArrayList<>(List.of("sh", app.resolve("bin/kustodian").toString()));
        command.addAll(List.of(launcherArgs));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", dir.resolve("jdk").toString());
        pb.environment().put("ARGS_FILE", args.toString());
        pb.environment().put("HOME", dir.toString());
        pb.environment().remove("KUSTODIAN_OPTS");
        pb.environment().remove("KUSTODIAN_MAIN");
        pb.environment().remove("KUSTODIAN_CDS");
        pb.environment().putAll(env);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return Files.readAllLines(args);
    }

    private static List<String> before(List<String> args, String end) {
        return args.subList(0, args.indexOf(end));
    }

    @Test
    void theDesktopAppGetsItsOwnOptionsAfterTheCommonOnes() throws Exception {
        List<String> args = javaArgs(Map.of("KUSTODIAN_CDS", "off"));
        List<String> options = before(args, "-cp");
        List<String> expected = new ArrayList<>(common);
        expected.addAll(desktop);
        assertThat(options).containsExactlyElementsOf(expected);
        assertThat(args).endsWith("-cp", app.toRealPath().resolve("kustodian.jar").toString(), "dev.kustodian.Main");
    }

    @Test
    void theCliRunsWithoutTheDesktopAppsOptions() throws Exception {
        List<String> args = javaArgs(Map.of("KUSTODIAN_CDS", "off"), "scan", "--demo");
        assertThat(before(args, "-cp")).containsExactlyElementsOf(common);
        assertThat(args).endsWith("dev.kustodian.Main", "scan", "--demo");
    }

    @Test
    void theKubectlPluginWithoutArgumentsIsTheCliNotTheDesktopApp() throws Exception {
        List<String> args = javaArgs(Map.of("KUSTODIAN_CDS", "off", "KUSTODIAN_MAIN", "dev.kustodian.cli.KubectlPlugin"));
        assertThat(before(args, "-cp")).containsExactlyElementsOf(common);
        assertThat(args).last().isEqualTo("dev.kustodian.cli.KubectlPlugin");
    }

    @Test
    void kustodianOptsComeLastSoTheyOverrideTheFiles() throws Exception {
        List<String> args = javaArgs(Map.of("KUSTODIAN_CDS", "off", "KUSTODIAN_OPTS", "-XX:InitialRAMPercentage=1 -Xmx2g"));
        assertThat(before(args, "-cp")).endsWith("-XX:InitialRAMPercentage=1", "-Xmx2g");
        args = javaArgs(Map.of("KUSTODIAN_CDS", "off", "KUSTODIAN_OPTS", "-Xmx2g"), "--help");
        assertThat(before(args, "-cp")).endsWith("-Xmx2g").doesNotContainAnyElementsOf(desktop);
    }

    @Test
    void theDesktopAppsFirstRunWritesItsOwnArchiveWithItsOwnOptions() throws Exception {
        List<String> args = javaArgs(Map.of());
        List<String> archive = args.stream().filter(a -> a.startsWith("-XX:ArchiveClassesAtExit=")).toList();
        assertThat(archive).singleElement().asString().contains("/lib/kustodian-desktop-").contains(".jsa.");
        assertThat(args).containsAll(desktop);
        // an archive in place is used, and only by the kind of start it was written for
        String jsa = archive.get(0).substring("-XX:ArchiveClassesAtExit=".length()).replaceAll("\\.\\d+\\.tmp$", "");
        Files.writeString(Path.of(jsa), "archive");
        args = javaArgs(Map.of());
        assertThat(args).contains("-XX:SharedArchiveFile=" + jsa).containsAll(desktop);
        args = javaArgs(Map.of(), "--help");
        assertThat(args).doesNotContain("-XX:SharedArchiveFile=" + jsa).doesNotContainAnyElementsOf(desktop);
    }
}
