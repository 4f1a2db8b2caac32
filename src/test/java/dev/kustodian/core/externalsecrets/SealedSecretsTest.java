package dev.kustodian.core.externalsecrets;

import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.util.UserFacingException;
import dev.kustodian.core.yaml.YamlReader;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.crypto.AEADBadTagException;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Interop: what Kustodian seals, an independent JCE implementation of the controller's unseal decrypts. */
class SealedSecretsTest {
    static KeyPair keys;
    static X509Certificate cert;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        keys = g.generateKeyPair();
        X500Name dn = new X500Name("CN=sealed-secret,O=sealed-secret");
        cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(dn, BigInteger.ONE,
                new Date(), new Date(System.currentTimeMillis() + 86_400_000L), dn, keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    }

    /** Independent of SealedSecrets: parse the blob and decrypt like the controller (crypto.go HybridDecrypt). */
    static byte[] unseal(PrivateKey key, String b64, String label) throws Exception {
        byte[] blob = Base64.getDecoder().decode(b64);
        int rsaLen = ((blob[0] & 0xff) << 8) | (blob[1] & 0xff);
        byte[] rsaCt = Arrays.copyOfRange(blob, 2, 2 + rsaLen);
        byte[] aesCt = Arrays.copyOfRange(blob, 2 + rsaLen, blob.length);
        Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
        rsa.init(Cipher.DECRYPT_MODE, key, new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
                new PSource.PSpecified(label.getBytes(StandardCharsets.UTF_8))));
        byte[] session = rsa.doFinal(rsaCt);
        assertThat(session).hasSize(32);
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(session, "AES"), new GCMParameterSpec(128, new byte[12]));
        return aes.doFinal(aesCt);
    }

    @Test
    void sealedValueDecryptsWithTheStrictLabelAndHasTheDocumentedLayout() throws Exception {
        byte[] secret = "s3cr3t-value".getBytes(StandardCharsets.UTF_8);
        String b64 = SealedSecrets.seal(cert.getPublicKey(), SealedSecrets.label(SealedSecrets.Scope.STRICT, "team-a", "db"),
                secret.clone());
        assertThat(unseal(keys.getPrivate(), b64, "team-a/db")).isEqualTo(secret);
        // 2-byte prefix + 256-byte RSA block (2048-bit key) + plaintext + 16-byte tag
        assertThat(Base64.getDecoder().decode(b64)).hasSize(2 + 256 + secret.length + 16);
        assertThat(b64).doesNotContain("s3cr3t");
    }

    @Test
    void wrongLabelIsRejected() {
        String b64 = SealedSecrets.seal(cert.getPublicKey(), SealedSecrets.label(SealedSecrets.Scope.STRICT, "team-a", "db"),
                "v".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> unseal(keys.getPrivate(), b64, "team-b/db")).isInstanceOf(BadPaddingException.class);
        assertThatThrownBy(() -> unseal(keys.getPrivate(), b64, "")).isInstanceOf(BadPaddingException.class);
    }

    @Test
    void sha1DefaultsWouldNotInteroperate() throws Exception {
        // guards the ground-truth pitfall: "OAEPWithSHA-256AndMGF1Padding" defaults to MGF1-SHA1 in SunJCE
        String b64 = SealedSecrets.seal(cert.getPublicKey(), new byte[0], "v".getBytes(StandardCharsets.UTF_8));
        byte[] blob = Base64.getDecoder().decode(b64);
        Cipher c = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
        c.init(Cipher.DECRYPT_MODE, keys.getPrivate());
        assertThatThrownBy(() -> c.doFinal(Arrays.copyOfRange(blob, 2, 2 + 256))).isInstanceOf(BadPaddingException.class);
        assertThat(unseal(keys.getPrivate(), b64, "")).containsExactly('v');
    }

    @Test
    void scopesUseTheirLabelsAndAnnotations() throws Exception {
        Map<String, byte[]> values = new LinkedHashMap<>();
        values.put("password", "pw".getBytes(StandardCharsets.UTF_8));
        Bundle b = SealedSecrets.sealedSecret(cert, new SealedSecrets.SealSpec("db", "team-a", "Opaque",
                SealedSecrets.Scope.NAMESPACE_WIDE, values, Map.of("app", "db")));
        assertThat(b.hasErrors()).isFalse();
        Map<String, Object> o = YamlReader.readMap(b.objects().get(0).content(), "x");
        assertThat(SchemaValidator.get().validate(o)).isEmpty();
        Map<String, Object> meta = ProviderRules.map(o.get("metadata"));
        assertThat(ProviderRules.map(meta.get("annotations"))).containsEntry(SealedSecrets.ANN_NAMESPACE_WIDE, "true");
        String enc = (String) ProviderRules.map(ProviderRules.map(o.get("spec")).get("encryptedData")).get("password");
        assertThat(unseal(keys.getPrivate(), enc, "team-a")).isEqualTo("pw".getBytes(StandardCharsets.UTF_8));
        assertThat(b.objects().get(0).content()).doesNotContain("pw\n");

        values.put("password", "pw".getBytes(StandardCharsets.UTF_8));
        Bundle cw = SealedSecrets.sealedSecret(cert, new SealedSecrets.SealSpec("db", null, null,
                SealedSecrets.Scope.CLUSTER_WIDE, values, null));
        Map<String, Object> c = YamlReader.readMap(cw.objects().get(0).content(), "x");
        assertThat(ProviderRules.map(ProviderRules.map(c.get("metadata")).get("annotations")))
                .containsEntry(SealedSecrets.ANN_CLUSTER_WIDE, "true");
        String enc2 = (String) ProviderRules.map(ProviderRules.map(c.get("spec")).get("encryptedData")).get("password");
        assertThat(unseal(keys.getPrivate(), enc2, "")).isEqualTo("pw".getBytes(StandardCharsets.UTF_8));
        assertThat(cw.warnings()).anyMatch(w -> w.contains("Cluster-wide"));
    }

    @Test
    void strictScopeNeedsANamespace() {
        assertThatThrownBy(() -> SealedSecrets.sealedSecret(cert, new SealedSecrets.SealSpec("db", null, null,
                SealedSecrets.Scope.STRICT, Map.of("k", new byte[]{1}), null)))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("--namespace");
    }

    @Test
    void notACertificateIsBadInput() {
        assertThatThrownBy(() -> SealedSecrets.parseCertificate("nope".getBytes(StandardCharsets.UTF_8), "cert.pem"))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("cert.pem");
    }

    @SuppressWarnings("unused")
    private static Class<?> unused = AEADBadTagException.class;
}
