package dev.kustodian.core.encryption;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransformersTest {
    static final String ETCD_KEY = "/registry/secrets/prod/db";

    static byte[] key() {
        return Base64.getDecoder().decode(KeyGenerator.generate("k").secretBase64());
    }

    @Test
    void plaintextProtobufIsClassifiedAndItsIdentityRead() {
        byte[] plain = StoredValue.secretProtobuf("prod", "db", Map.of("password", "hunter2".getBytes()));
        assertThat(StoredValue.classify(plain).format()).isEqualTo(StoredValue.Format.PLAINTEXT_PROTOBUF);
        StoredValue.ObjectIdentity id = StoredValue.identity(plain);
        assertThat(id).isEqualTo(new StoredValue.ObjectIdentity("v1", "Secret", "prod", "db"));
        assertThat(id.toString()).doesNotContain("hunter2");
        assertThat(StoredValue.classify("{\"kind\":\"Secret\"}".getBytes()).format()).isEqualTo(StoredValue.Format.PLAINTEXT_JSON);
        assertThat(StoredValue.classify(new byte[]{1, 2, 3}).format()).isEqualTo(StoredValue.Format.UNRECOGNISED);
    }

    @Test
    void eachLocalKeyTransformerRoundTripsWithItsPrefixAndLayout() throws Exception {
        byte[] plain = StoredValue.secretProtobuf("prod", "db", Map.of("password", "hunter2".getBytes()));
        byte[] k = key();
        // aescbc: prefix + IV(16) + ciphertext padded to 16
        byte[] cbc = Transformers.encrypt(StoredValue.Format.AESCBC, "key1", k, plain, ETCD_KEY);
        String cbcPrefix = "k8s:enc:aescbc:v1:key1:";
        assertThat(new String(cbc, 0, cbcPrefix.length(), StandardCharsets.US_ASCII)).isEqualTo(cbcPrefix);
        assertThat(cbc.length - cbcPrefix.length()).isEqualTo(16 + (plain.length / 16 + 1) * 16);
        assertThat(StoredValue.classify(cbc)).isEqualTo(new StoredValue(StoredValue.Format.AESCBC, "key1", null, null));
        assertThat(Transformers.decrypt(cbc, k, ETCD_KEY)).isEqualTo(plain);
        // aesgcm: prefix + nonce(12) + ciphertext + tag(16); the etcd key is authenticated
        byte[] gcm = Transformers.encrypt(StoredValue.Format.AESGCM, "key2", k, plain, ETCD_KEY);
        assertThat(gcm.length - "k8s:enc:aesgcm:v1:key2:".length()).isEqualTo(12 + plain.length + 16);
        assertThat(StoredValue.classify(gcm).keyName()).isEqualTo("key2");
        assertThat(Transformers.decrypt(gcm, k, ETCD_KEY)).isEqualTo(plain);
        assertThatThrownBy(() -> Transformers.decrypt(gcm, k, "/registry/secrets/prod/other"))
                .isInstanceOf(Transformers.DecryptionFailed.class);
        // secretbox: prefix + nonce(24) + tag(16) + ciphertext
        byte[] sb = Transformers.encrypt(StoredValue.Format.SECRETBOX, "key3", k, plain, ETCD_KEY);
        assertThat(sb.length - "k8s:enc:secretbox:v1:key3:".length()).isEqualTo(24 + 16 + plain.length);
        assertThat(Transformers.decrypt(sb, k, ETCD_KEY)).isEqualTo(plain);
        // a wrong key fails for every provider
        byte[] other = key();
        for (byte[] v : new byte[][]{gcm, sb}) {
            assertThatThrownBy(() -> Transformers.decrypt(v, other, ETCD_KEY)).isInstanceOf(Transformers.DecryptionFailed.class);
        }
        byte[] tampered = Arrays.copyOf(sb, sb.length);
        tampered[tampered.length - 1] ^= 1;
        assertThatThrownBy(() -> Transformers.decrypt(tampered, k, ETCD_KEY)).isInstanceOf(Transformers.DecryptionFailed.class);
    }

    /** NaCl's published secretbox test vector (tests/secretbox.c of the NaCl distribution). */
    @Test
    void secretboxMatchesTheNaclTestVector() throws Exception {
        HexFormat h = HexFormat.of();
        byte[] key = h.parseHex("1b27556473e985d462cd51197a9a46c76009549eac6474f206c4ee0844f68389");
        byte[] nonce = h.parseHex("69696ee955b62b73cd62bda875fc73d68219e0036b7a0b37");
        byte[] m = h.parseHex("be075fc53c81f2d5cf141316ebeb0c7b5228c52a4c62cbd44b66849b64244ffce5ecbaaf33bd751a1ac728d45e6c6129"
                + "6cdc3c01233561f41db66cce314adb310e3be8250c46f06dceea3a7fa1348057e2f6556ad6b1318a024a838f21af1fde04"
                + "8977eb48f59ffd4924ca1c60902e52f0a089bc76897040e082f937763848645e0705");
        byte[] boxed = Transformers.secretboxSeal(key, nonce, m);
        assertThat(h.formatHex(Arrays.copyOfRange(boxed, 24, 40))).isEqualTo("f3ffc7703f9400e52a7dfb4b3d3305d9");
        assertThat(h.formatHex(Arrays.copyOfRange(boxed, 40, 48))).isEqualTo("8e993b9f48681273");
        assertThat(h.formatHex(Arrays.copyOfRange(boxed, boxed.length - 4, boxed.length))).isEqualTo("74e355a5");
        assertThat(Transformers.secretboxOpen(key, boxed)).isEqualTo(m);
    }

    @Test
    void kmsPrefixesAndEncryptedObject() throws Exception {
        ByteArrayOutputStream eo = new ByteArrayOutputStream();
        CodedOutputStream o = CodedOutputStream.newInstance(eo);
        o.writeBytes(1, ByteString.copyFrom(new byte[]{9, 9, 9}));
        o.writeString(2, "kms-key-7");
        o.writeBytes(3, ByteString.copyFrom(new byte[]{1, 2}));
        o.writeEnum(5, 1);
        o.flush();
        byte[] v2 = concat("k8s:enc:kms:v2:vault:".getBytes(), eo.toByteArray());
        StoredValue sv = StoredValue.classify(v2);
        assertThat(sv).isEqualTo(new StoredValue(StoredValue.Format.KMS_V2, "vault", "kms-key-7", "HKDF_SHA256_XNONCE_AES_GCM_SEED"));
        assertThat(sv.describe()).isEqualTo("kms v2 vault (key id kms-key-7)");
        byte[] v1 = concat("k8s:enc:kms:v1:aws:".getBytes(), new byte[]{0, 2, 7, 7, 1, 2, 3});
        assertThat(StoredValue.classify(v1).format()).isEqualTo(StoredValue.Format.KMS_V1);
        assertThat(StoredValue.classify("k8s:enc:rot13:v1:k:xyz".getBytes()).format()).isEqualTo(StoredValue.Format.UNKNOWN_ENCRYPTED);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
