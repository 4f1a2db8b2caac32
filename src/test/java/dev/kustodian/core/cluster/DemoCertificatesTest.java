package dev.kustodian.core.cluster;

import dev.kustodian.core.model.SecretInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's expiring certificate, written with the JDK alone ({@link DemoCertificates}): a valid X.509 v3 chain
 * (the JDK's and BouncyCastle's parsers read it, the signatures verify, the CA is a CA), with the facts the demo's
 * "certificate expiring within 30 days" finding needs, and the leaf's key.
 */
class DemoCertificatesTest {

    @Test
    void aValidChainThatExpiresIn20Days() throws Exception {
        Instant now = Instant.now();
        DemoCertificates.Issued issued = DemoCertificates.expiringIn20Days("shop.demo.example", now);
        List<X509Certificate> chain = new ArrayList<>();
        for (var c : CertificateFactory.getInstance("X.509").generateCertificates(
                new ByteArrayInputStream(issued.chainPem().getBytes(StandardCharsets.US_ASCII)))) {
            chain.add((X509Certificate) c);
        }
        assertThat(chain).hasSize(2);
        X509Certificate leaf = chain.get(0);
        X509Certificate ca = chain.get(1);
        leaf.verify(ca.getPublicKey());
        ca.verify(ca.getPublicKey());
        leaf.checkValidity();
        ca.checkValidity();
        assertThat(leaf.getVersion()).isEqualTo(3);
        assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
        assertThat(ca.getCriticalExtensionOIDs()).containsExactly("2.5.29.19");
        assertThat(leaf.getSubjectAlternativeNames()).containsExactly(List.of(2, "shop.demo.example"));
        assertThat(leaf.getSigAlgName()).isEqualTo("SHA256withECDSA");

        SecretInfo.TlsFacts f = SecretFacts.tls(issued.chainPem().getBytes(StandardCharsets.US_ASCII));
        Instant seconds = now.truncatedTo(ChronoUnit.SECONDS);
        assertThat(f).isEqualTo(new SecretInfo.TlsFacts("CN=shop.demo.example", "CN=Kustodian Demo CA",
                List.of("shop.demo.example"), seconds.minus(Duration.ofDays(70)), seconds.plus(Duration.ofDays(20)),
                "EC", false, 2, null));

        // BouncyCastle reads it too and checks the signatures
        try (PEMParser p = new PEMParser(new StringReader(issued.chainPem()))) {
            X509CertificateHolder bcLeaf = (X509CertificateHolder) p.readObject();
            X509CertificateHolder bcCa = (X509CertificateHolder) p.readObject();
            var verifier = new JcaContentVerifierProviderBuilder().build(ca.getPublicKey());
            assertThat(bcLeaf.isSignatureValid(verifier)).isTrue();
            assertThat(bcCa.isSignatureValid(verifier)).isTrue();
            assertThat(bcLeaf.getSubject().toString()).isEqualTo("CN=shop.demo.example");
        }

        // the key is the leaf's
        String b64 = issued.keyPem().replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(b64)));
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initSign(key);
        s.update(new byte[]{1, 2, 3});
        byte[] sig = s.sign();
        s.initVerify(leaf.getPublicKey());
        s.update(new byte[]{1, 2, 3});
        assertThat(s.verify(sig)).isTrue();
    }

    @Test
    void datesFrom2050AreGeneralizedTime() throws Exception {
        Instant now = Instant.parse("2049-12-25T10:00:00Z");
        DemoCertificates.Issued issued = DemoCertificates.expiringIn20Days("x.example", now);
        X509Certificate leaf = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(issued.chainPem().getBytes(StandardCharsets.US_ASCII)));
        assertThat(leaf.getNotAfter().toInstant()).isEqualTo(Instant.parse("2050-01-14T10:00:00Z"));
        assertThat(leaf.getNotBefore().toInstant()).isEqualTo(now.minus(Duration.ofDays(70)));
    }

    @Test
    void theDemoSecretGetsTheNewCertificate() {
        Map<String, String> tls = DemoFiles.expiringSoon().orElseThrow();
        SecretInfo.TlsFacts f = SecretFacts.tls(Base64.getDecoder().decode(tls.get("tls.crt")));
        assertThat(f.notAfter()).isBetween(Instant.now().plus(Duration.ofDays(19)), Instant.now().plus(Duration.ofDays(21)));
        assertThat(new String(Base64.getDecoder().decode(tls.get("tls.key")), StandardCharsets.US_ASCII))
                .startsWith("-----BEGIN PRIVATE KEY-----\n");
    }
}
