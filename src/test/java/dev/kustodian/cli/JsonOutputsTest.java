package dev.kustodian.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.kustodian.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code -o json} (or {@code --format json}) of the commands that print results: the output on stdout is one JSON
 * document that matches its documented schema in docs/schemas/, stderr keeps the notes, and the default stays text.
 * (verify-etcd/verify-snapshot against a real etcd: {@link EncryptionEtcdCommandsTest}.)
 */
class JsonOutputsTest {
    static final String LOG = RbacUnusedCommandTest.LOG;
    static final String CLUSTER = RbacUnusedCommandTest.CLUSTER;

    /** Runs a command that must succeed and returns its stdout, valid against the named documented schema. */
    private static JsonNode validJson(String schema, String... args) {
        CliRun r = run(args);
        assertThat(r.code()).as(r.err()).isZero();
        return JsonSchemas.assertValid(schema, r.out());
    }

    @Test
    void rbacRulesAsJson() {
        JsonNode doc = validJson("rbac-rules", "rbac", "rules", "--snapshot", CLUSTER, "--as",
                "system:serviceaccount:shop:api", "-n", "shop", "-o", "json");
        assertThat(doc.at("/subject/user").asText()).isEqualTo("system:serviceaccount:shop:api");
        assertThat(doc.at("/subject/namespace").asText()).isEqualTo("shop");
        assertThat(doc.get("rules")).anySatisfy(rule -> {
            assertThat(rule.get("binding").asText()).isEqualTo("RoleBinding/shop/api-edit");
            assertThat(rule.get("resources").toString()).contains("secrets");
        });
        CliRun text = run("rbac", "rules", "--snapshot", CLUSTER, "--as",
                "system:serviceaccount:shop:api", "-n", "shop");
        assertThat(text.out()).startsWith("Resources");
    }

    @Test
    void rbacMatrixAsJson() {
        JsonNode doc = validJson("rbac-matrix", "rbac", "matrix", "--snapshot", CLUSTER, "--as",
                "system:serviceaccount:shop:api", "-n", "shop", "-o", "json");
        assertThat(doc.get("resources")).anySatisfy(row -> {
            assertThat(row.get("resource").asText()).isEqualTo("secrets");
            assertThat(row.at("/allowed/list").asBoolean()).isTrue();
        });
        assertThat(run("rbac", "matrix", "--snapshot", CLUSTER, "--as", "bob", "-o", "yaml").code()).isEqualTo(2);
    }

    @Test
    void rbacUnusedAsJson() {
        CliRun r = run("rbac", "unused", "--subject", "serviceaccount:shop/api", "--from-audit", LOG,
                "--snapshot", CLUSTER, "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode doc = JsonSchemas.assertValid("rbac-unused", r.out());
        assertThat(doc.get("subject").asText()).isEqualTo("serviceaccount:shop/api");
        assertThat(doc.get("changes")).anySatisfy(c -> {
            assertThat(c.get("action").asText()).isEqualTo("delete-binding");
            assertThat(c.get("object").asText()).isEqualTo("RoleBinding/shop/api-edit");
        });
        assertThat(doc.at("/usage/read/malformed").asLong()).isPositive();
        assertThat(doc.at("/usage/recheck/passed").asBoolean()).isTrue();
        assertThat(doc.get("yaml").asText()).contains("kind: Role");
        assertThat(r.out()).doesNotContain("c3VwZXJzZWNyZXQtdmFsdWU=");
    }

    @Test
    void generateRoleUsageReportAsJson(@TempDir Path dir) {
        CliRun r = run("generate", "role", "--subject", "serviceaccount:shop/api", "--from-audit", LOG,
                "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode doc = JsonSchemas.assertValid("generate-role-usage", r.out());
        assertThat(doc.at("/usage/observed")).anySatisfy(u -> {
            assertThat(u.get("resource").asText()).isEqualTo("secrets");
            assertThat(u.get("names").toString()).contains("db-creds");
        });
        assertThat(doc.at("/usage/read/problems").toString()).contains("sample-v1.jsonl:7: not valid JSON");
        assertThat(doc.get("yaml").asText()).contains("kind: ClusterRole");
        assertThat(r.err()).doesNotContain("Usage report for"); // the report is the JSON now

        CliRun toDir = run("generate", "role", "--subject", "serviceaccount:shop/api", "--from-audit",
                LOG, "--format", "json", "-o", dir.toString());
        assertThat(toDir.code()).as(toDir.err()).isZero();
        JsonNode written = JsonSchemas.assertValid("generate-role-usage", toDir.out());
        assertThat(written.get("yaml").isNull()).isTrue();
        assertThat(written.get("written").toString()).contains("kustomization.yaml");

        CliRun nothing = run("generate", "role", "--subject", "user:nobody", "--from-audit", LOG,
                "--format", "json");
        assertThat(nothing.code()).isEqualTo(1);
        JsonSchemas.assertValid("generate-role-usage", nothing.out());
        assertThat(run("generate", "role", "--subject", "user:a", "-n", "a", "--rule", ":pods:get", "--format", "json")
                .code()).isEqualTo(2);
    }

    @Test
    void contextsAsJson(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("config"), ClusterCommandsTest.PROD_AND_DEV);
        CliRun r = run("contexts", "--kubeconfig", f.toString(), "-o", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode doc = JsonSchemas.assertValid("contexts", r.out());
        assertThat(doc.get("currentContext").asText()).isEqualTo("prod");
        assertThat(doc.at("/contexts/0/namespace").asText()).isEqualTo("shop");
        assertThat(doc.at("/contexts/1/current").asBoolean()).isFalse();
        assertThat(r.out()).doesNotContain("t0ken", "c1.example");
    }

    @Test
    void encryptionStatusOfTheDemoAsJson() {
        CliRun r = run("encryption", "status", "--demo", "-o", "json");
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        JsonNode doc = JsonSchemas.assertValid("encryption-status", r.out());
        assertThat(doc.get("encrypted").asBoolean()).isFalse();
        assertThat(doc.get("apiservers")).anySatisfy(a -> assertThat(a.get("encryptionConfigured").asBoolean()).isFalse());
        assertThat(doc.get("findings")).anySatisfy(x -> assertThat(x.get("rule").asText()).isEqualTo("ENC-NOT-CONFIGURED"));
        assertThat(doc.get("cisBenchmark").asText()).isEqualTo("cis-1.11"); // the demo is v1.31
        CliRun old = run("encryption", "status", "--demo", "-o", "json", "--cis-benchmark", "cis-1.6");
        JsonNode six = JsonSchemas.assertValid("encryption-status", old.out());
        assertThat(six.get("findings")).anySatisfy(x -> {
            assertThat(x.get("rule").asText()).isEqualTo("ENC-NOT-CONFIGURED");
            assertThat(x.get("cis").toString()).contains("1.2.33"); // --encryption-provider-config in cis-1.6
        });
        assertThat(run("encryption", "status", "--demo", "--cis-benchmark", "nope").code()).isEqualTo(2);
    }
}
