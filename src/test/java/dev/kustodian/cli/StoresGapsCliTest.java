package dev.kustodian.cli;

import dev.kustodian.core.externalsecrets.TestCertificates;
import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.SourceInfo;
import dev.kustodian.core.yaml.YamlReader;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.spec.MGF1ParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static dev.kustodian.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

/** Phase-2 CLI gaps of issue 6: seal --fetch-cert, generate migration, stores (detection). */
class StoresGapsCliTest {
    static final String BASIC = "src/test/resources/snapshots/basic";
    @TempDir
    Path dir;
    KubernetesMockServer server;

    @AfterEach
    void reset() {
        SealCommand.opener = SealCommand.OPENER_DEFAULT;
        if (server != null) {
            server.destroy();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void sealFetchesTheCertificateThroughTheServiceProxy() throws Exception {
        TestCertificates.SelfSigned controller = TestCertificates.selfSigned("CN=sealed-secrets");
        server = new KubernetesMockServer(false);
        server.init();
        KubernetesClient client = server.createClient();
        server.expect().get().withPath("/api/v1/namespaces/infra/services/http:sealer:/proxy/v1/cert.pem")
                .andReturn(200, controller.pem()).once();
        SealCommand.opener = spec -> new ClusterSession(spec, ClusterSnapshot.builder(new SourceInfo(
                SourceInfo.Kind.LIVE, "mock", null, null, null, null)).build(), client, "mock");
        Path value = dir.resolve("pw.txt");
        Files.writeString(value, "s3cr3t-value");

        var r = run("seal", "--fetch-cert", "--controller-namespace", "infra", "--controller-name", "sealer",
                "--name", "db", "-n", "team-a", "--from-file", "password=" + value);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("kind: SealedSecret").doesNotContain("s3cr3t-value");
        // the value decrypts with the controller's private key (independent JCE OAEP, strict label ns/name)
        Map<String, Object> o = YamlReader.readMap(r.out(), "out");
        String b64 = (String) ((Map<String, Object>) ((Map<String, Object>) o.get("spec")).get("encryptedData"))
                .get("password");
        byte[] blob = Base64.getDecoder().decode(b64);
        int len = ((blob[0] & 0xff) << 8) | (blob[1] & 0xff);
        Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
        rsa.init(Cipher.DECRYPT_MODE, controller.keys().getPrivate(), new OAEPParameterSpec("SHA-256", "MGF1",
                MGF1ParameterSpec.SHA256, new PSource.PSpecified("team-a/db".getBytes(StandardCharsets.UTF_8))));
        byte[] aesKey = rsa.doFinal(blob, 2, len);
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.DECRYPT_MODE, new javax.crypto.spec.SecretKeySpec(aesKey, "AES"),
                new javax.crypto.spec.GCMParameterSpec(128, new byte[12]));
        assertThat(new String(gcm.doFinal(blob, 2 + len, blob.length - 2 - len), StandardCharsets.UTF_8))
                .isEqualTo("s3cr3t-value");
    }

    @Test
    void sealNeedsExactlyOneCertificateSourceAndALiveClusterForFetching() throws Exception {
        Path value = dir.resolve("pw.txt");
        Files.writeString(value, "x");
        var neither = run("seal", "--name", "db", "-n", "a", "--from-file", "k=" + value);
        assertThat(neither.code()).isEqualTo(2);
        assertThat(neither.err()).contains("--cert FILE or --fetch-cert");
        var both = run("seal", "--cert", value.toString(), "--fetch-cert", "--name", "db", "-n", "a",
                "--from-file", "k=" + value);
        assertThat(both.code()).isEqualTo(2);
        var snapshot = run("seal", "--fetch-cert", "--snapshot", BASIC, "--name", "db", "-n", "a",
                "--from-file", "k=" + value);
        assertThat(snapshot.code()).isEqualTo(2);
        assertThat(snapshot.err()).contains("needs a live cluster");
    }

    @Test
    void migrationReproducesTheKeysOfTheSecret() {
        var r = run("generate", "migration", "--snapshot", BASIC, "--secret", "shop/db-credentials",
                "--backend", "vault", "--store", "vault", "--upload", "cli", "-O", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(dir.resolve("externalsecret-db-credentials.yaml")).exists();
        assertThat(dir.resolve("upload-shop-db-credentials.sh")).exists();
        assertThat(r.err()).contains("next: 1. Upload the values");
        var push = run("generate", "migration", "--snapshot", BASIC, "--secret", "shop/db-credentials",
                "--backend", "aws-secrets-manager", "--store", "aws");
        assertThat(push.code()).as(push.err()).isZero();
        assertThat(push.out()).contains("kind: ExternalSecret").contains("kind: PushSecret")
                .contains("secretKey: username").contains("key: shop/db-credentials");
        var missing = run("generate", "migration", "--snapshot", BASIC, "--secret", "shop/nope",
                "--backend", "vault", "--store", "v");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("There is no Secret shop/nope");
        var badBackend = run("generate", "migration", "--snapshot", BASIC, "--secret", "shop/db-credentials",
                "--backend", "keepass", "--store", "v");
        assertThat(badBackend.code()).isEqualTo(2);
    }

    @Test
    void storesShowsDetectionObjectsAndAdoption() {
        var r = run("stores", "--snapshot", BASIC);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("External Secrets Operator").contains("ExternalSecret")
                .contains("shop/db").contains("plain");
        var json = run("stores", "--snapshot", BASIC, "-o", "json");
        assertThat(json.code()).as(json.err()).isZero();
        Map<String, Object> root = YamlReader.readMap(json.out(), "json");
        assertThat((List<?>) root.get("operators")).hasSize(4);
        assertThat(json.out()).contains("\"management\" : \"PLAIN\"");
        assertThat(run("stores", "--snapshot", BASIC, "-o", "xml").code()).isEqualTo(2);
    }
}
