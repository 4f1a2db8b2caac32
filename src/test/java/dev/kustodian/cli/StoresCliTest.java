package dev.kustodian.cli;

import dev.kustodian.core.externalsecrets.TestCertificates;
import dev.kustodian.core.yaml.YamlReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.kustodian.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

class StoresCliTest {
    @TempDir
    Path dir;

    @Test
    void secretStorePrintsValidYaml() {
        CliRun r = run("generate", "secretstore", "--name", "aws", "-n", "team-a", "--provider", "aws",
                "--region", "eu-central-1", "--auth", "jwt", "--service-account", "app");
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, Object> o = YamlReader.readMap(r.out(), "out");
        assertThat(o).containsEntry("apiVersion", "external-secrets.io/v1").containsEntry("kind", "SecretStore");
        assertThat(r.out()).contains("serviceAccountRef:").contains("name: app");
        assertThat(r.err()).contains("next:");
    }

    @Test
    void invalidResultExits1AndMissingInputExits2() {
        CliRun bad = run("generate", "secretstore", "--name", "ak", "--cluster", "--provider", "akeyless",
                "--secret-name", "ak");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("cluster scope requires namespace");
        assertThat(bad.out()).isEmpty();
        CliRun missing = run("generate", "secretstore", "--name", "v", "-n", "a", "--provider", "vault");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("--vault-server");
        assertThat(run("generate", "secretstore", "--name", "v", "-n", "a", "--provider", "nope").code()).isEqualTo(2);
    }

    @Test
    void externalSecretClusterExternalSecretAndPushSecret() {
        CliRun es = run("generate", "externalsecret", "--name", "db", "-n", "team-a", "--store", "vault",
                "--data", "password=team-a/db#password@3", "--extract", "team-a/common");
        assertThat(es.code()).as(es.err()).isZero();
        assertThat(es.out()).contains("property: password").contains("version: '3'").contains("extract:");
        CliRun ces = run("generate", "clusterexternalsecret", "--name", "reg", "--store", "aws", "--store-kind",
                "ClusterSecretStore", "--namespaces", "a,b", "--data", "token=shared/token");
        assertThat(ces.code()).as(ces.err()).isZero();
        assertThat(ces.out()).contains("kind: ClusterExternalSecret").contains("- a\n  - b");
        CliRun ps = run("generate", "pushsecret", "--name", "p", "-n", "a", "--store", "vault", "--secret", "db",
                "--data", "password=a/db#password");
        assertThat(ps.code()).as(ps.err()).isZero();
        assertThat(ps.out()).contains("apiVersion: external-secrets.io/v1alpha1");
        CliRun webhook = run("generate", "externalsecret", "--name", "db", "-n", "a", "--store", "s", "--data", "k=r",
                "--creation-policy", "Orphan", "--deletion-policy", "Delete");
        assertThat(webhook.code()).isEqualTo(1);
    }

    @Test
    void secretProviderClassAndOutputFolderRefusesOverwrite() throws Exception {
        String[] args = {"generate", "secretproviderclass", "--name", "app", "-n", "team-a", "--provider", "vault",
                "--role-name", "app", "--object", "password=team-a/db#password", "--output", dir.toString()};
        CliRun first = run(args);
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(Files.readString(dir.resolve("secretproviderclass-app.yaml"))).contains("secret/data/team-a/db");
        assertThat(dir.resolve("kustomization.yaml")).exists();
        assertThat(dir.resolve("pod-volume-app.snippet.yaml")).exists();
        CliRun.assertRerunNeedsForce(args);
    }

    @Test
    void storePolicyPrintsIamJsonAndSopsConfigPrintsYaml() {
        CliRun aws = run("generate", "store-policy", "--provider", "aws", "--region", "eu-central-1", "--account-id",
                "123456789012", "--secret", "team-a/db", "--role-arn", "arn:aws:iam::123456789012:role/r", "-n",
                "team-a", "--service-account", "app");
        assertThat(aws.code()).as(aws.err()).isZero();
        assertThat(aws.out().strip()).startsWith("{").endsWith("}").contains("secretsmanager:GetSecretValue");
        CliRun sops = run("generate", "sops-config", "--rule", "age=age1abc", "--rule", "path=^prod/;kms=arn:aws:kms:x");
        assertThat(sops.code()).as(sops.err()).isZero();
        assertThat(sops.out().indexOf("path_regex")).isLessThan(sops.out().indexOf("age1abc"));
    }

    @Test
    void sealReadsValuesFromFilesOnly() throws Exception {
        Path cert = TestCertificates.selfSignedPemFile(dir);
        Path value = dir.resolve("pw.txt");
        Files.writeString(value, "topsecret");
        CliRun r = run("seal", "--cert", cert.toString(), "--name", "db", "-n", "team-a", "--from-file",
                "password=" + value);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("kind: SealedSecret").contains("password: ").doesNotContain("topsecret");
        assertThat(r.err()).doesNotContain("topsecret");
        CliRun noValues = run("seal", "--cert", cert.toString(), "--name", "db", "-n", "team-a");
        assertThat(noValues.code()).isEqualTo(2);
        CliRun notCert = run("seal", "--cert", value.toString(), "--name", "db", "-n", "team-a", "--from-file",
                "password=" + value);
        assertThat(notCert.code()).isEqualTo(2);
        assertThat(notCert.err()).doesNotContain("topsecret");
    }

    @Test
    void lintExitCodesAndFormats() throws Exception {
        Path ok = dir.resolve("ok.yaml");
        Files.writeString(ok, """
                apiVersion: v1
                kind: Secret
                metadata: {name: s, namespace: a}
                stringData: {password: x}
                """);
        CliRun warn = run("lint", ok.toString());
        assertThat(warn.code()).isZero();
        assertThat(warn.out()).contains("ok.yaml:4: warning: Secret/s").contains("[plaintext-secret]"); // the stringData line
        assertThat(run("lint", "--strict", ok.toString()).code()).isEqualTo(1);
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, """
                apiVersion: external-secrets.io/v1beta1
                kind: ExternalSecret
                metadata: {name: e, namespace: a}
                spec:
                  secretStoreRef: {name: s}
                  data: [{secretKey: k, remoteRef: {key: r}}]
                """);
        CliRun json = run("lint", "-o", "json", bad.toString());
        assertThat(json.code()).isEqualTo(1);
        Map<String, Object> j = YamlReader.readMap(json.out(), "json");
        assertThat(j).containsEntry("errors", 1);
        assertThat(json.out()).contains("\"rule\" : \"unserved-version\"").contains("\"line\" : 1");
        CliRun sarif = run("lint", "-o", "sarif", dir.toString());
        assertThat(sarif.code()).isEqualTo(1);
        Map<String, Object> s = YamlReader.readMap(sarif.out(), "sarif");
        assertThat(s).containsEntry("version", "2.1.0");
        assertThat((List<?>) s.get("runs")).hasSize(1);
        assertThat(run("lint", dir.resolve("missing").toString()).code()).isEqualTo(2);
    }

    @Test
    void akeylessOperator() {
        CliRun r = run("generate", "akeyless-operator", "-n", "team-a", "--store", "ak", "--secret-name", "ak-auth",
                "--name", "db", "--data", "password=/team-a/db", "--sync-policy", "Periodic", "--sync-interval", "1h");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("kind: AkeylessSecretStore").contains("kind: AkeylessSecret")
                .contains("apiVersion: secrets.akeyless.io/v1alpha1").contains("no akeyless.io/v1 ExternalSecret");
        assertThat(run("generate", "akeyless-operator", "-n", "a", "--store", "ak", "--name", "db", "--data",
                "k=/p").code()).isEqualTo(2);
    }

    @Test
    void helpDocumentsEveryFlag() {
        CliRun h = run("generate", "secretstore", "--help");
        assertThat(h.code()).isZero();
        assertThat(h.out()).contains("--vault-server").contains("--akeyless-gateway").contains("--azure-vault-url")
                .contains("--gcp-project").contains("--aws-service");
        assertThat(run("generate", "--help").out()).contains("secretproviderclass").contains("store-policy")
                .contains("sops-config");
    }
}
