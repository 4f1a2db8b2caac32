package dev.kustodian.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static dev.kustodian.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code kustodian plan} on the demo cluster through the real command line. */
class PlanCommandTest {
    @TempDir
    Path dir;

    @BeforeEach
    void isolateConfig() {
        System.setProperty("kustodian.config.dir", dir.resolve("config").toString());
    }

    @AfterEach
    void restore() {
        System.clearProperty("kustodian.config.dir");
    }

    @Test
    void jsonListsTheStepsWithTheirFindingsFilesAndDependencies() throws Exception {
        CliRun r = run("plan", "--demo", "-o", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.path("cluster").path("server").asText()).isEqualTo("demo://kustodian-demo");
        List<String> ids = new ArrayList<>();
        root.path("steps").forEach(s -> ids.add(s.path("id").asText()));
        assertThat(ids).containsExactly("encryption-at-rest", "rbac-critical", "external-stores", "secret-hygiene",
                "tls-renewal", "keep-it-so");
        JsonNode enc = root.path("steps").get(0);
        assertThat(enc.path("status").asText()).isEqualTo("todo");
        assertThat(enc.path("findings").get(0).asText()).startsWith("ENC-NOT-CONFIGURED:");
        assertThat(enc.path("generates").toString()).contains(".kustodian/keys/encryption-config.yaml");
        JsonNode rbac = root.path("steps").get(1);
        assertThat(rbac.path("findings").toString()).contains("RBAC-CLUSTER-ADMIN:ClusterRoleBinding/platform-team-admin");
        assertThat(rbac.path("removes").toString()).contains("ClusterRoleBinding/platform-team-admin");
        JsonNode hygiene = root.path("steps").get(3);
        assertThat(hygiene.path("generates").toString()).contains("04-secret-hygiene/patch-deployment-shop-shop-web.yaml");
        assertThat(root.path("steps").get(5).path("dependsOn")).hasSize(5);
        for (JsonNode s : root.path("steps")) {
            assertThat(s.has("manual")).isTrue();
            assertThat(List.of("todo", "done", "accepted", "manual", "blocked")).contains(s.path("status").asText());
        }
    }

    @Test
    void outputTwiceGivesIdenticalFilesKeysOnceAndEveryYamlPassesLint() throws Exception {
        Path out = dir.resolve("gitops");
        CliRun first = run("plan", "--demo", "--output", out.toString());
        assertThat(first.code()).as(first.err()).isZero();
        Map<String, byte[]> before = contents(out);
        Path key = out.resolve(".kustodian/keys/encryption-config.yaml");
        assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(out.resolve(".gitignore"))).contains(".kustodian/keys/");
        assertThat(Files.readString(out.resolve("README.md"))).contains("# Hardening plan: kustodian-demo",
                ".kustodian/keys/", "## 1. Encrypt Secrets at rest");
        assertThat(Files.readString(out.resolve("kustomization.yaml"))).contains("- 01-encryption-at-rest")
                .doesNotContain("04-secret-hygiene");
        // no committed file holds the key
        String keyText = Files.readString(key);
        String secret = keyText.lines().filter(l -> l.strip().startsWith("secret:")).findFirst().orElseThrow()
                .strip().substring("secret:".length()).strip();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path p : files.filter(Files::isRegularFile).filter(p -> !p.equals(key)).toList()) {
                assertThat(Files.readString(p)).as(p.toString()).doesNotContain(secret);
            }
        }

        CliRun second = run("plan", "--demo", "--output", out.toString());
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.err()).contains("Wrote 0 file(s)").contains("1 key file(s) kept");
        Map<String, byte[]> after = contents(out);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((k, v) -> assertThat(after.get(k)).as(k).isEqualTo(v));

        List<String> yaml = new ArrayList<>();
        try (Stream<Path> files = Files.walk(out)) {
            files.filter(p -> p.toString().endsWith(".yaml")).forEach(p -> yaml.add(p.toString()));
        }
        assertThat(yaml).hasSizeGreaterThan(20);
        List<String> args = new ArrayList<>(List.of("lint"));
        args.addAll(yaml);
        CliRun lint = run(args.toArray(String[]::new));
        assertThat(lint.code()).as(lint.out() + lint.err()).isZero();
        assertThat(lint.out()).contains("0 error(s)");
    }

    @Test
    void answersAndProofsPersistPerClusterAndChangedFilesNeedForce() throws Exception {
        Path out = dir.resolve("gitops");
        assertThat(run("plan", "--demo", "--output", out.toString()).code()).isZero();
        CliRun answered = run("plan", "--demo", "--output", out.toString(), "--answer", "store.name=vault-shared",
                "--answer", "store.kind=ClusterSecretStore", "--answer", "store.backend=vault");
        // the README and the store files would change: refused without --force
        assertThat(answered.code()).isEqualTo(2);
        assertThat(answered.err()).contains("--force");
        CliRun forced = run("plan", "--demo", "--output", out.toString(), "--force", "--answer",
                "store.name=vault-shared", "--answer", "store.kind=ClusterSecretStore", "--answer", "store.backend=vault");
        assertThat(forced.code()).as(forced.err()).isZero();
        assertThat(Files.readString(out.resolve(".kustodian/plan.yaml"))).contains("store.name: vault-shared");
        // the answers are remembered for this cluster (user config dir): a plain rerun keeps them
        CliRun again = run("plan", "--demo", "-o", "json");
        assertThat(again.out()).contains("vault-shared");
        try (Stream<Path> s = Files.list(dir.resolve("config/plans"))) {
            assertThat(s.toList()).hasSize(1);
        }
    }

    @Test
    void badInputIsExitTwo() {
        assertThat(run("plan", "--demo", "-o", "xml").code()).isEqualTo(2);
        CliRun r = run("plan", "--demo", "--accept", dir.resolve("none.yaml").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("none.yaml").doesNotContain("Exception");
        assertThat(run("plan", "--demo", "--record-proof", "rbac-critical=x").code()).isEqualTo(2);
    }

    private static Map<String, byte[]> contents(Path root) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                m.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return m;
    }
}
