package dev.kustodian.cli;

import dev.kustodian.core.externalsecrets.TestCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static dev.kustodian.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: every generator's stdout is a stream {@code kubectl apply -f -} accepts. Each command below runs and its
 * stdout is parsed with a strict YAML reader (duplicate keys rejected): every document is an applyable object
 * (apiVersion, kind, metadata.name) or only comments (side files are printed as comments). The two commands whose
 * stdout is by design one non-Kubernetes file (the IAM policy JSON, .sops.yaml) are listed explicitly.
 */
class GeneratorsStdoutTest {
    static final String BASIC = "src/test/resources/snapshots/basic";
    static final String LOG = "src/test/resources/audit/sample-v1.jsonl";
    @TempDir
    Path dir;

    /** Command lines per generator (subcommand path → runs); files written by none of them. */
    private Map<String, List<String[]>> generators() throws Exception {
        Map<String, List<String[]>> g = new LinkedHashMap<>();
        g.put("generate secretstore", List.of(
                args("generate secretstore --name s -n a --provider aws --region eu-central-1"),
                args("generate secretstore --name s -n a --provider aws --region r --auth jwt --service-account app"),
                args("generate secretstore --name s -n a --provider aws --region r --auth secret --secret-name c"),
                args("generate secretstore --name s -n a --provider vault --vault-server https://v:8200 --vault-role r"),
                args("generate secretstore --name s -n a --provider vault --vault-server https://v:8200 --auth token"
                        + " --secret-name t"),
                args("generate secretstore --name s -n a --provider vault --vault-server https://v:8200 --auth approle"
                        + " --vault-role-id id --secret-name t"),
                args("generate secretstore --name s -n a --provider akeyless --secret-name ak"),
                args("generate secretstore --name s -n a --provider gcpsm --service-account app --gcp-project p"),
                args("generate secretstore --name s -n a --provider gcpsm --auth key --secret-name k --gcp-project p"),
                args("generate secretstore --name s -n a --provider azurekv --azure-vault-url https://k.vault.azure.net"
                        + " --service-account app"),
                args("generate secretstore --name s -n a --provider azurekv --azure-vault-url https://k.vault.azure.net"
                        + " --auth service-principal --secret-name sp --azure-tenant-id t"),
                args("generate secretstore --name s --cluster --provider vault --vault-server https://v:8200"
                        + " --vault-role r --allowed-namespace a")));
        g.put("generate externalsecret", runs(args("generate externalsecret --name db -n a --store vault"
                + " --data password=a/db#password@2 --extract a/common --find-name ^db")));
        g.put("generate clusterexternalsecret", runs(args("generate clusterexternalsecret --name r --store aws"
                + " --store-kind ClusterSecretStore --namespaces a,b --data token=shared/token")));
        g.put("generate pushsecret", runs(args("generate pushsecret --name p -n a --store vault --secret db"
                + " --data password=a/db#password")));
        g.put("generate secretproviderclass", List.of(
                args("generate secretproviderclass --name app -n a --provider vault --role-name app"
                        + " --object password=a/db#password --sync-secret db --sync password=password"),
                args("generate secretproviderclass --name app -n a --provider aws --object db --jmes db:user=u"),
                args("generate secretproviderclass --name app -n a --provider azure --keyvault-name k --tenant-id t"
                        + " --object db"),
                args("generate secretproviderclass --name app -n a --provider gcp"
                        + " --object projects/p/secrets/db/versions/latest"),
                args("generate secretproviderclass --name app -n a --provider akeyless --akeyless-access-id p-1"
                        + " --object /a/db")));
        g.put("generate store-policy", List.of(
                args("generate store-policy --provider vault -n a --service-account app --vault-role r --path a/db"),
                args("generate store-policy --provider gcp -n a --service-account app --project p --gsa g@p.iam"
                        + " --secret db"),
                args("generate store-policy --provider azure -n a --service-account app --subscription s"
                        + " --resource-group g --vault-name k --principal-id p --client-id c")));
        g.put("generate akeyless-operator", runs(args("generate akeyless-operator -n a --store ak --secret-name"
                + " ak-auth --name db --data password=/a/db")));
        g.put("generate migration", List.of(
                args("generate migration --snapshot " + BASIC + " --secret shop/db-credentials --backend vault"
                        + " --store vault --upload cli"),
                args("generate migration --snapshot " + BASIC + " --secret shop/db-credentials --backend"
                        + " aws-secrets-manager --store aws")));
        g.put("generate role", List.of(
                args("generate role --subject serviceaccount:shop/api -n shop --rule :secrets:get:db --preset"
                        + " ci-deployer"),
                args("generate role --subject serviceaccount:shop/api --from-audit " + LOG)));
        g.put("generate scanner", List.of(args("generate scanner"),
                args("generate scanner --namespace sec --schedule @daily --image r.example/k:1.0 --secrets full"
                        + " --report-format openreports")));
        g.put("seal", runs(args("seal --cert " + cert() + " --name db -n a --from-file password=" + value())));
        return g;
    }

    /** By design these print one file that is not a Kubernetes object (documented in docs/external-stores.md). */
    private static final Map<String, String[]> FILE_ON_STDOUT = Map.of(
            "generate sops-config", args("generate sops-config --rule age=age1abc --rule path=^prod/;kms=arn:aws:kms:x"),
            "generate store-policy --provider aws", args("generate store-policy --provider aws --region r"
                    + " --account-id 123456789012 --secret a/db --role-arn arn:aws:iam::123456789012:role/r -n a"
                    + " --service-account app"));

    @Test
    void everyGeneratorPrintsAStreamKubectlApplyAccepts() throws Exception {
        Map<String, List<String[]>> gens = generators();
        for (Map.Entry<String, List<String[]>> e : gens.entrySet()) {
            for (String[] a : e.getValue()) {
                CliRun r = run(a);
                String what = String.join(" ", a);
                assertThat(r.code()).as(what + "\n" + r.err()).isZero();
                List<Object> docs = strict(r.out(), what);
                assertThat(r.out()).as(what).isNotBlank();
                int objects = 0;
                for (Object d : docs) {
                    if (d == null) {
                        continue; // a document of comments only: a side file, explicitly not applied
                    }
                    assertThat(d).as(what + ": every document is an object\n" + r.out()).isInstanceOf(Map.class);
                    Map<?, ?> m = (Map<?, ?>) d;
                    assertThat(m.get("apiVersion")).as(what + " apiVersion\n" + r.out()).isInstanceOf(String.class);
                    assertThat(m.get("kind")).as(what + " kind\n" + r.out()).isInstanceOf(String.class);
                    assertThat(m.get("metadata")).as(what + " metadata\n" + r.out()).isInstanceOf(Map.class);
                    assertThat(((Map<?, ?>) m.get("metadata")).get("name")).as(what + " metadata.name\n" + r.out())
                            .isInstanceOf(String.class);
                    objects++;
                }
                if (objects == 0) { // only side files: every line is a comment
                    assertThat(r.out().lines()).as(what).allMatch(l -> l.startsWith("#"));
                }
            }
        }
        for (Map.Entry<String, String[]> e : FILE_ON_STDOUT.entrySet()) {
            CliRun r = run(e.getValue());
            assertThat(r.code()).as(r.err()).isZero();
            List<Object> docs = strict(r.out(), e.getKey());
            assertThat(docs).hasSize(1);
            assertThat(map(docs.get(0))).as(e.getKey()).doesNotContainKey("kind");
        }
        // every generate subcommand is covered (seal and encryption config too, the latter below)
        TreeSet<String> all = new TreeSet<>();
        CommandLine root = KustodianCommand.commandLine();
        root.getSubcommands().get("generate").getSubcommands().keySet().forEach(k -> all.add("generate " + k));
        TreeSet<String> covered = new TreeSet<>(gens.keySet());
        covered.add("generate sops-config");
        covered.add("generate store-policy");
        assertThat(covered).containsAll(all);
    }

    /**
     * {@code encryption config}'s preview is the masked EncryptionConfiguration: a kube-apiserver file, not an API
     * object; it says so in a leading comment.
     */
    @Test
    void encryptionConfigPreviewIsMarkedNotForKubectl() {
        for (String[] a : runs(args("encryption config --configmaps"),
                args("encryption config --provider kms --kms-name v --kms-endpoint unix:///s.sock"))) {
            CliRun r = run(a);
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).startsWith("# kube-apiserver --encryption-provider-config file: not for kubectl apply");
            List<Object> docs = strict(r.out(), "encryption config");
            assertThat(docs).hasSize(1);
            assertThat(map(docs.get(0))).containsEntry("kind", "EncryptionConfiguration");
        }
    }

    @Test
    void secretProviderClassKeepsThePodSnippetOutOfTheObject() {
        CliRun r = run(args("generate secretproviderclass --name app -n a --provider vault --role-name app"
                + " --object password=a/db#password"));
        assertThat(r.code()).as(r.err()).isZero();
        List<Object> docs = strict(r.out(), "spc");
        assertThat(docs).hasSize(1);
        Map<String, Object> spc = map(docs.get(0));
        assertThat(spc.get("kind")).isEqualTo("SecretProviderClass");
        assertThat(map(spc.get("spec"))).containsKey("parameters").doesNotContainKey("volumes");
        assertThat(r.out()).contains("# ---- pod-volume-app.snippet.yaml (not a Kubernetes object")
                .contains("#   volumes:").contains("secretProviderClass: app");
    }

    @Test
    void azureWorkloadIdentityWithoutTenantOmitsTenantId() {
        CliRun r = run(args("generate secretstore --name kv -n a --provider azurekv --azure-vault-url"
                + " https://k.vault.azure.net --service-account app"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("authType: WorkloadIdentity").doesNotContain("tenantId").doesNotContain("null");
        CliRun t = run(args("generate secretstore --name kv -n a --provider azurekv --azure-vault-url"
                + " https://k.vault.azure.net --service-account app --azure-tenant-id tid"));
        assertThat(t.out()).contains("tenantId: tid");
        CliRun sp = run(args("generate secretstore --name kv -n a --provider azurekv --azure-vault-url"
                + " https://k.vault.azure.net --auth service-principal --secret-name sp"));
        assertThat(sp.code()).isEqualTo(1);
        assertThat(sp.err()).contains("tenantId is required with authType ServicePrincipal");
        assertThat(sp.out()).isEmpty();
    }

    @Test
    void migrationScriptsAreExecutable() throws Exception {
        CliRun r = run("generate", "migration", "--snapshot", BASIC, "--secret", "shop/db-credentials",
                "--backend", "vault", "--store", "vault", "--upload", "cli", "-O", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Path sh = dir.resolve("upload-shop-db-credentials.sh");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sh))).isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                dir.resolve("externalsecret-db-credentials.yaml")))).isEqualTo("rw-r--r--");
    }

    /** Strict: duplicate keys are an error (a second {@code spec:} fails here). */
    static List<Object> strict(String yaml, String what) {
        LoadSettings s = LoadSettings.builder().setAllowDuplicateKeys(false).setLabel(what).build();
        List<Object> docs = new ArrayList<>();
        new Load(s).loadAllFromString(yaml).forEach(docs::add);
        return docs;
    }

    private static List<String[]> runs(String[]... a) {
        return List.of(a);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    private static String[] args(String line) {
        return line.split(" ");
    }

    private String value() throws Exception {
        Path v = dir.resolve("pw.txt");
        Files.writeString(v, "not-shown");
        return v.toString();
    }

    private String cert() throws Exception {
        return TestCertificates.selfSignedPemFile(dir).toString();
    }
}
