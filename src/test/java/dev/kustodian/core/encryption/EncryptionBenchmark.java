package dev.kustodian.core.encryption;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Classification + key-proof throughput of the verifier. Run with -Dkustodian.bench=true. */
class EncryptionBenchmark {
    @Test
    void classifyAndVerify() {
        Assumptions.assumeTrue(Boolean.getBoolean("kustodian.bench"));
        int n = 50_000;
        byte[] k2 = Base64.getDecoder().decode(EtcdVerificationTest.KEY2.secretBase64());
        byte[] k1 = Base64.getDecoder().decode(EtcdVerificationTest.KEY1.secretBase64());
        List<String> keys = new ArrayList<>(n);
        List<byte[]> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String key = "/registry/secrets/ns-" + (i % 100) + "/s-" + i;
            byte[] plain = StoredValue.secretProtobuf("ns-" + (i % 100), "s-" + i, Map.of("k", new byte[512]));
            keys.add(key);
            values.add(switch (i % 3) {
                case 0 -> Transformers.encrypt(StoredValue.Format.SECRETBOX, "key2", k2, plain, key);
                case 1 -> Transformers.encrypt(StoredValue.Format.AESGCM, "key1", k1, plain, key);
                default -> plain;
            });
        }
        for (int round = 0; round < 3; round++) {
            EncryptionVerifier v = new EncryptionVerifier("/registry", EtcdVerificationTest.rotationConfig(), 3);
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                v.accept(keys.get(i), values.get(i));
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(v.report("bench").total()).isEqualTo(n);
            System.out.printf("classify %d secrets (3 decrypt proofs per key): %d ms (%.0f values/s)%n", n, ms, n * 1000.0 / Math.max(1, ms));
        }
        for (StoredValue.Format f : List.of(StoredValue.Format.AESCBC, StoredValue.Format.AESGCM, StoredValue.Format.SECRETBOX)) {
            byte[] plain = StoredValue.secretProtobuf("ns", "s", Map.of("k", new byte[1024]));
            byte[] v = Transformers.encrypt(f, "k", k2, plain, "/registry/secrets/ns/s");
            long t0 = System.nanoTime();
            int m = 20_000;
            for (int i = 0; i < m; i++) {
                try {
                    Transformers.decrypt(v, k2, "/registry/secrets/ns/s");
                } catch (Transformers.DecryptionFailed e) {
                    throw new AssertionError(e);
                }
            }
            long us = (System.nanoTime() - t0) / 1000;
            System.out.printf("decrypt %s (1 KiB secret): %.1f µs/value%n", f.label(), us / (double) m);
        }
    }
}
