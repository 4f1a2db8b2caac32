package dev.kustodian.core.encryption;

import dev.kustodian.core.encryption.EncryptionConfig.Key;
import dev.kustodian.core.encryption.EncryptionConfig.Provider;
import dev.kustodian.core.encryption.EncryptionConfig.ProviderType;
import dev.kustodian.core.util.UserFacingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against a real etcd process (Debian etcd-server): classification, key proofs, rotation report, snapshot. */
class EtcdVerificationTest {

    static final KeyGenerator.GeneratedKey KEY1 = KeyGenerator.generate("key1");
    static final KeyGenerator.GeneratedKey KEY2 = KeyGenerator.generate("key2");

    /** A config mid-rotation: key2 writes (secretbox), key1 (aesgcm) still reads, identity last. */
    static EncryptionConfig rotationConfig() {
        return new EncryptionConfig(EncryptionConfigParser.API_VERSION, EncryptionConfigParser.KIND, List.of(
                new EncryptionConfig.ResourceEntry(List.of("secrets"), List.of(
                        Provider.keyed(ProviderType.SECRETBOX, List.of(new Key("key2", KEY2.secretBase64()))),
                        Provider.keyed(ProviderType.AESGCM, List.of(new Key("key1", KEY1.secretBase64()))),
                        Provider.identity()))), false);
    }

    /** 5 secrets with key2 (secretbox), 3 with key1 (aesgcm), 2 plaintext, 1 aescbc with an unknown key, 1 kms v2. */
    static void populate(EtcdTestServer etcd) {
        byte[] k1 = Base64.getDecoder().decode(KEY1.secretBase64());
        byte[] k2 = Base64.getDecoder().decode(KEY2.secretBase64());
        for (int i = 0; i < 5; i++) {
            String key = "/registry/secrets/prod/new-" + i;
            etcd.put(key, Transformers.encrypt(StoredValue.Format.SECRETBOX, "key2", k2,
                    StoredValue.secretProtobuf("prod", "new-" + i, EtcdTestServer.data("password", "s3cr3t-" + i)), key));
        }
        for (int i = 0; i < 3; i++) {
            String key = "/registry/secrets/dev/old-" + i;
            etcd.put(key, Transformers.encrypt(StoredValue.Format.AESGCM, "key1", k1,
                    StoredValue.secretProtobuf("dev", "old-" + i, EtcdTestServer.data("token", "t0ken-" + i)), key));
        }
        etcd.put("/registry/secrets/kube-system/plain-a", StoredValue.secretProtobuf("kube-system", "plain-a",
                EtcdTestServer.data("x", "PLAINTEXT-VALUE-A")));
        etcd.put("/registry/secrets/default/plain-b", StoredValue.secretProtobuf("default", "plain-b",
                EtcdTestServer.data("x", "PLAINTEXT-VALUE-B")));
        byte[] unknownKey = Base64.getDecoder().decode(KeyGenerator.generate("k0").secretBase64());
        etcd.put("/registry/secrets/legacy/cbc", Transformers.encrypt(StoredValue.Format.AESCBC, "key0", unknownKey,
                StoredValue.secretProtobuf("legacy", "cbc", EtcdTestServer.data("x", "y")), "/registry/secrets/legacy/cbc"));
        etcd.put("/registry/secrets/kms/one", TransformersTest.concat("k8s:enc:kms:v2:vault:".getBytes(),
                new byte[]{0x12, 0x03, 'k', '-', '1', 0x28, 0x01}));
        // not a secret: must not be counted
        etcd.put("/registry/configmaps/default/cm", StoredValue.secretProtobuf("default", "cm", EtcdTestServer.data("a", "b")));
    }

    static void assertRotationReport(VerificationReport r) {
        assertThat(r.total()).isEqualTo(12);
        assertThat(r.plaintext()).isEqualTo(2);
        assertThat(r.summary()).isEqualTo("5 of 12 secrets written with secretbox key key2 (current), 3 with aesgcm key key1, "
                + "1 with aescbc key key0, 1 with kms v2 vault (key id k-1), 2 in plaintext");
        VerificationReport.Line current = r.lines().get(0);
        assertThat(current.current()).isTrue();
        assertThat(current.decrypted()).isEqualTo(3); // samples per key
        assertThat(current.failed()).isZero();
        assertThat(current.identityMismatch()).isZero();
        VerificationReport.Line old = r.lines().stream().filter(l -> "key1".equals(l.keyName())).findFirst().orElseThrow();
        assertThat(old.decrypted()).isEqualTo(3);
        assertThat(old.identityMismatch()).isZero();
        VerificationReport.Line cbc = r.lines().stream().filter(l -> "key0".equals(l.keyName())).findFirst().orElseThrow();
        assertThat(cbc.keyInConfig()).isFalse();
        VerificationReport.Line kms = r.lines().stream().filter(l -> l.format() == StoredValue.Format.KMS_V2).findFirst().orElseThrow();
        assertThat(kms.dekSource()).isEqualTo("HKDF_SHA256_XNONCE_AES_GCM_SEED");
        assertThat(r.plaintextObjects()).containsExactlyInAnyOrder("kube-system/plain-a", "default/plain-b");
        String text = String.join("\n", r.text());
        assertThat(text).contains("key proved").contains("key not in the given config")
                .doesNotContain("PLAINTEXT-VALUE", "s3cr3t", "t0ken", KEY1.secretBase64(), KEY2.secretBase64());
        assertThat(r.allCurrent()).isFalse();
    }

    @Test
    void plaintextEtcdClassificationProofsAndSnapshot(@TempDir Path dir) throws Exception {
        try (EtcdTestServer etcd = new EtcdTestServer(dir, false)) {
            populate(etcd);
            EncryptionVerifier v = new EncryptionVerifier("/registry", rotationConfig(), 3);
            try (EtcdReader reader = new EtcdReader(etcd.endpoint(), null, 10)) {
                int n = reader.scan(v.secretsPrefix(), 4, null, v::accept); // small pages: exercises paging
                assertThat(n).isEqualTo(12);
            }
            assertRotationReport(v.report(etcd.endpoint()));
            assertThat(EtcdReader.probeWithoutClientCert(etcd.endpoint(), null, 5)).isEqualTo(EtcdReader.Exposure.PLAINTEXT_OPEN);

            // a wrong key for key2 is reported as not working
            EncryptionConfig wrong = new EncryptionConfig(EncryptionConfigParser.API_VERSION, EncryptionConfigParser.KIND, List.of(
                    new EncryptionConfig.ResourceEntry(List.of("secrets"), List.of(Provider.keyed(ProviderType.SECRETBOX,
                            List.of(new Key("key2", KeyGenerator.generate("key2").secretBase64())))))), false);
            EncryptionVerifier w = new EncryptionVerifier("/registry", wrong, 2);
            try (EtcdReader reader = new EtcdReader(etcd.endpoint(), null, 10)) {
                reader.scan(w.secretsPrefix(), 100, null, w::accept);
            }
            VerificationReport wr = w.report("x");
            assertThat(wr.lines().get(0).failed()).isEqualTo(2);
            assertThat(String.join("\n", wr.text())).contains("KEY DOES NOT WORK");

            // rewrite the plaintext ones and a key1 one with key2 → history keeps the old plaintext revisions
            byte[] k2 = Base64.getDecoder().decode(KEY2.secretBase64());
            for (String obj : List.of("kube-system/plain-a", "default/plain-b")) {
                String key = "/registry/secrets/" + obj;
                String[] nsName = obj.split("/");
                etcd.put(key, Transformers.encrypt(StoredValue.Format.SECRETBOX, "key2", k2,
                        StoredValue.secretProtobuf(nsName[0], nsName[1], EtcdTestServer.data("x", "new")), key));
            }
            Path snap = dir.resolve("snapshot.db");
            etcd.snapshot(snap);
            VerificationReport s = SnapshotVerifier.verify(snap, new EncryptionVerifier("/registry", rotationConfig(), 3));
            assertThat(s.total()).isEqualTo(12);
            assertThat(s.plaintext()).isZero();
            assertThat(s.historicalPlaintext()).isEqualTo(2);
            assertThat(s.summary()).startsWith("7 of 12 secrets written with secretbox key key2 (current), 3 with aesgcm key key1");
            assertThat(s.lines().get(0).decrypted()).isEqualTo(3);
            assertThat(String.join("\n", s.text())).contains("older revision(s) of Secrets are still stored in plaintext");
        }
    }

    @Test
    void tlsWithClientCertificates(@TempDir Path dir) throws Exception {
        try (EtcdTestServer etcd = new EtcdTestServer(dir, true)) {
            populate(etcd);
            assertThat(Files.readString(etcd.clientKey)).contains("BEGIN RSA PRIVATE KEY");
            EncryptionVerifier v = new EncryptionVerifier("/registry", rotationConfig(), 3);
            try (EtcdReader reader = new EtcdReader(etcd.endpoint(), etcd.tlsFiles(), 10)) {
                reader.scan(v.secretsPrefix(), 500, null, v::accept);
            }
            assertRotationReport(v.report(etcd.endpoint()));
            // without a client certificate etcd refuses us
            assertThat(EtcdReader.probeWithoutClientCert(etcd.endpoint(), etcd.ca, 5))
                    .isEqualTo(EtcdReader.Exposure.CLIENT_CERT_REQUIRED);
            try (EtcdReader noCert = new EtcdReader(etcd.endpoint(), new EtcdReader.Tls(etcd.ca, null, null), 5)) {
                assertThatThrownBy(() -> noCert.count("/registry/")).isInstanceOf(UserFacingException.class)
                        .hasMessageContaining("etcd at " + etcd.endpoint());
            }
            Path snap = dir.resolve("tls-snapshot.db");
            etcd.snapshot(snap);
            VerificationReport s = SnapshotVerifier.verify(snap, new EncryptionVerifier("/registry", rotationConfig(), 3));
            assertRotationReport(s);
        }
        assertThat(EtcdReader.probeWithoutClientCert("https://127.0.0.1:" + EtcdTestServer.freePort(), null, 2))
                .isEqualTo(EtcdReader.Exposure.UNREACHABLE);
    }

    /** Enough keys for branch pages, and values larger than a page (overflow pages), in the bbolt reader. */
    @Test
    void largeSnapshotWithBranchAndOverflowPages(@TempDir Path dir) throws Exception {
        byte[] k2 = Base64.getDecoder().decode(KEY2.secretBase64());
        try (EtcdTestServer etcd = new EtcdTestServer(dir, false)) {
            int n = 1200;
            for (int i = 0; i < n; i++) {
                String key = "/registry/secrets/bulk-" + (i % 7) + "/s-" + i;
                byte[] plain = StoredValue.secretProtobuf("bulk-" + (i % 7), "s-" + i,
                        EtcdTestServer.data("v", "x".repeat(i % 100 == 0 ? 20_000 : 300)));
                etcd.put(key, i % 2 == 0 ? Transformers.encrypt(StoredValue.Format.SECRETBOX, "key2", k2, plain, key) : plain);
            }
            Path snap = dir.resolve("big.db");
            etcd.snapshot(snap);
            try (BboltReader r = new BboltReader(snap)) {
                assertThat(r.pageSize()).isEqualTo(4096);
                assertThat(Files.size(snap)).isGreaterThan(100L * r.pageSize());
            }
            VerificationReport rep = SnapshotVerifier.verify(snap, new EncryptionVerifier("/registry", rotationConfig(), 1000));
            assertThat(rep.total()).isEqualTo(n);
            assertThat(rep.plaintext()).isEqualTo(n / 2);
            VerificationReport.Line sb = rep.lines().get(0);
            assertThat(sb.count()).isEqualTo(n / 2);
            assertThat(sb.decrypted()).isEqualTo(n / 2); // every encrypted value, including the 20 kB ones, decrypts
            assertThat(sb.identityMismatch()).isZero();
            // the live etcd agrees with the offline reader
            EncryptionVerifier live = new EncryptionVerifier("/registry", rotationConfig(), 1);
            try (EtcdReader reader = new EtcdReader(etcd.endpoint(), null, 10)) {
                reader.scan(live.secretsPrefix(), 500, null, live::accept);
            }
            assertThat(live.report("x").summary()).isEqualTo(rep.summary());
        }
    }

    @Test
    void notASnapshot(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("junk.db");
        Files.write(f, new byte[8192]);
        assertThatThrownBy(() -> SnapshotVerifier.verify(f, new EncryptionVerifier("/registry", null, 1)))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("not a bbolt database");
    }
}
