package dev.kustodian.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code kubectl kustodian ...}: kubectl's global flags are inherited wherever kubectl lets the user write them. */
class KubectlPluginTest {

    @Test
    void flagsAfterTheSubcommandAreLeftAlone() {
        String[] args = {"who-can", "get", "secrets", "-n", "shop"};
        assertThat(KubectlPlugin.arguments(args)).containsExactly(args);
    }

    @Test
    void globalFlagsBeforeTheSubcommandMoveBehindIt() {
        assertThat(KubectlPlugin.arguments("--context", "prod", "-n=shop", "--kubeconfig", "/k/c", "who-can", "get",
                "secrets")).containsExactly("who-can", "get", "secrets", "--context", "prod", "-n=shop",
                "--kubeconfig", "/k/c");
        assertThat(KubectlPlugin.arguments("--context=prod", "lint", "--", "-file.yaml"))
                .containsExactly("lint", "--context=prod", "--", "-file.yaml");
    }

    @Test
    void helpAndVersionAreNotMoved() {
        assertThat(KubectlPlugin.arguments("--help")).containsExactly("--help");
        assertThat(KubectlPlugin.arguments("-V", "scan")).containsExactly("-V", "scan");
    }

    @Test
    void whoCanOnTheDemoThroughThePluginEntry() {
        String out = stdout(() -> assertThat(KubectlPlugin.run("--namespace", "shop", "who-can", "get", "secrets",
                "--demo")).isZero());
        assertThat(out).isNotBlank();
    }

    @Test
    void noArgumentsPrintsUsageNamedAfterKubectl() {
        String out = stdout(() -> assertThat(KubectlPlugin.run()).isZero());
        assertThat(out).startsWith("Usage: kubectl kustodian ");
    }

    private static String stdout(Runnable r) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
