package dev.kustodian.cli;

import dev.kustodian.core.encryption.EtcdCliFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class EncryptionEtcdCommandsTest {
    final CliRun.Last cli = new CliRun.Last();

    @Test
    void verifyEtcdAndSnapshotAgainstRealEtcdWithMutualTls(@TempDir Path dir) throws Exception {
        try (EtcdCliFixture f = EtcdCliFixture.start(dir)) {
            Path config = f.writeConfig(dir.resolve("enc.yaml"));
            int rc = cli.run("encryption", "verify-etcd", "--endpoints", f.endpoint(), "--cacert", f.ca().toString(),
                    "--cert", f.cert().toString(), "--key", f.key().toString(), "--config", config.toString());
            assertThat(rc).as(cli.err()).isEqualTo(1); // plaintext left, rotation incomplete
            assertThat(cli.out()).contains(f.endpoint() + ": client certificate required (good)")
                    .contains("5 of 12 secrets written with secretbox key key2 (current), 3 with aesgcm key key1")
                    .contains("key proved")
                    .doesNotContain("PLAINTEXT-VALUE", "s3cr3t");
            Path snap = dir.resolve("snap.db");
            f.snapshot(snap);
            assertThat(cli.run("encryption", "verify-snapshot", snap.toString(), "--config", config.toString())).isEqualTo(1);
            assertThat(cli.out()).contains("2 in plaintext");
            assertThat(cli.run("encryption", "verify-snapshot", snap.toString())).isEqualTo(1);

            assertThat(cli.run("encryption", "verify-snapshot", snap.toString(), "--config", config.toString(), "-o", "json"))
                    .isEqualTo(1);
            var snapJson = JsonSchemas.assertValid("encryption-verify", cli.out());
            assertThat(snapJson.get("plaintext").asInt()).isEqualTo(2);
            assertThat(snapJson.get("ok").asBoolean()).isFalse();
            assertThat(snapJson.has("endpoints")).isFalse();
            assertThat(cli.run("encryption", "verify-etcd", "--endpoints", f.endpoint(), "--cacert", f.ca().toString(),
                    "--cert", f.cert().toString(), "--key", f.key().toString(), "--config", config.toString(),
                    "-o", "json")).isEqualTo(1);
            var etcdJson = JsonSchemas.assertValid("encryption-verify", cli.out());
            assertThat(etcdJson.get("total").asInt()).isEqualTo(12);
            assertThat(etcdJson.at("/endpoints/0/withoutClientCertificate").asText()).isEqualTo("client-cert-required");
            assertThat(etcdJson.get("forms")).anySatisfy(l -> {
                assertThat(l.get("keyName").asText()).isEqualTo("key2");
                assertThat(l.get("current").asBoolean()).isTrue();
                assertThat(l.get("decrypted").asInt()).isPositive();
            });
            assertThat(cli.out()).doesNotContain("PLAINTEXT-VALUE", "s3cr3t");
            assertThat(cli.run("encryption", "verify-etcd", "--endpoints", f.endpoint(), "--cacert", f.ca().toString()))
                    .isEqualTo(3);
            assertThat(cli.err()).contains("etcd at " + f.endpoint());
        }
        assertThat(cli.run("encryption", "verify-snapshot", dir.resolve("nope.db").toString())).isEqualTo(2);
    }

    @Test
    void plainHttpEtcdIsReportedAsExposed(@TempDir Path dir) throws Exception {
        try (EtcdCliFixture f = EtcdCliFixture.start(dir, false)) {
            assertThat(cli.run("encryption", "verify-etcd", "--endpoints", f.endpoint())).isEqualTo(1);
            assertThat(cli.out()).contains(f.endpoint() + ": EXPOSED: plain http")
                    .contains("5 of 12 secrets written with secretbox key key2, 3 with aesgcm key key1");
        }
    }

    @Test
    void patchPrintsSnippetsOrWritesAPatchedCopy(@TempDir Path dir) throws Exception {
        assertThat(cli.run("encryption", "patch")).isEqualTo(0);
        assertThat(cli.out()).contains("--encryption-provider-config=/etc/kubernetes/enc/encryption-config.yaml",
                "kubeadm.k8s.io/v1beta3", "EACH control-plane node");
        Path m = dir.resolve("kube-apiserver.yaml");
        Files.writeString(m, "apiVersion: v1\nkind: Pod\nmetadata: {name: kube-apiserver, namespace: kube-system}\n"
                + "spec:\n  containers:\n  - name: kube-apiserver\n    command: [kube-apiserver]\n");
        Path o = dir.resolve("patched.yaml");
        assertThat(cli.run("encryption", "patch", "--manifest", m.toString(), "--output", o.toString(), "--automatic-reload")).isEqualTo(0);
        assertThat(Files.readString(o)).contains("--encryption-provider-config-automatic-reload=true", "mountPath: /etc/kubernetes/enc");
        assertThat(cli.run("encryption", "patch", "--manifest", m.toString(), "--output", o.toString())).isEqualTo(2);
        assertThat(cli.run("encryption", "patch", "--manifest", m.toString(), "--output", m.toString(), "--force")).isEqualTo(2);
        assertThat(cli.run("encryption", "patch", "--manifest", m.toString())).isEqualTo(2);
    }

    @Test
    void rotatePlanWritesPrivateStepFiles(@TempDir Path dir) throws Exception {
        Path cur = dir.resolve("current.yaml");
        assertThat(cli.run("encryption", "config", "--key-name", "key1", "--output", cur.toString())).isEqualTo(0);
        assertThat(cli.run("encryption", "rotate", "plan", "--current", cur.toString(), "--key-name", "key2")).isEqualTo(0);
        assertThat(cli.out()).contains("Step 1: Add the new key second", "not written");
        Path steps = dir.resolve("steps");
        assertThat(cli.run("encryption", "rotate", "plan", "--current", cur.toString(), "--key-name", "key2",
                "--output-dir", steps.toString())).isEqualTo(0);
        for (String f : new String[]{"rotation-1-add-key.yaml", "rotation-2-new-key-first.yaml", "rotation-3-remove-old-key.yaml"}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(steps.resolve(f)))).isEqualTo("rw-------");
            assertThat(cli.run("encryption", "validate", steps.resolve(f).toString())).isEqualTo(0);
        }
        assertThat(cli.run("encryption", "rotate", "plan", "--current", cur.toString(), "--key-name", "key3",
                "--output-dir", steps.toString())).isEqualTo(2);
        assertThat(cli.run("encryption", "rotate", "plan", "--current", cur.toString(), "--key-name", "key1")).isEqualTo(2);
    }
}
