package dev.kustodian.core.cluster;

import dev.kustodian.core.model.SecretInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SecretFacts#tls}, read with the JDK's X.509 parser, gives the facts that BouncyCastle's {@code PEMParser}
 * and {@code X500Name} gave before (that reading is kept here as the reference): names in BouncyCastle's form, the
 * subject alternative names, validity, key algorithm, self-signed, chain length; and the same outcome for bundles
 * with other blocks, text around the blocks and broken input.
 */
class SecretFactsTlsTest {
    private static KeyPair ec;
    private static KeyPair rsa;
    private static KeyPair ed;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        ec = g.generateKeyPair();
        KeyPairGenerator r = KeyPairGenerator.getInstance("RSA");
        r.initialize(2048);
        rsa = r.generateKeyPair();
        ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    @Test
    void sameFactsAsBouncyCastleForNamesKeysAndAlternativeNames() throws Exception {
        List<String> subjects = List.of("CN=shop.demo.example", "C=US,O=Org,OU=Unit,CN=x",
                "O=system:masters,CN=kubernetes-admin", "CN=a\\,b,O=x\\+y", "E=ops@example.com,CN=z",
                "SERIALNUMBER=123,CN=y", "DC=com,DC=example,CN=z", "L=Berlin,ST=BE,STREET=Main 1,CN=s",
                "CN=kube+O=masters", "CN=Ünïcode Ñame", "CN= leading,OU=trailing ", "CN=\\#hash,O=a\\=b",
                "T=Dr,GIVENNAME=Ann,SURNAME=Lee,INITIALS=AL,UID=ann,CN=q", "CN=x\\;y\\\"z\\<w\\>");
        for (String s : subjects) {
            for (KeyPair k : List.of(ec, rsa, ed)) {
                GeneralNames sans = new GeneralNames(new GeneralName[]{
                        new GeneralName(GeneralName.dNSName, "shop.demo.example"),
                        new GeneralName(GeneralName.dNSName, "*.demo.example"),
                        new GeneralName(GeneralName.iPAddress, "10.0.0.1"),
                        new GeneralName(GeneralName.iPAddress, "2001:db8::1"),
                        new GeneralName(GeneralName.rfc822Name, "ops@example.com"),
                        new GeneralName(GeneralName.uniformResourceIdentifier, "spiffe://demo/ns/shop/sa/web"),
                        new GeneralName(GeneralName.directoryName, new X500Name("CN=dir"))});
                String pem = pem(cert(s, "CN=Issuer CA,O=Demo", k, sans));
                assertSame(pem);
            }
        }
    }

    @Test
    void sameFactsForChainsSelfSignedAndBundlesWithOtherBlocks() throws Exception {
        X509CertificateHolder leaf = cert("CN=leaf", "CN=ca", ec, null);
        X509CertificateHolder ca = cert("CN=ca", "CN=ca", ec, null);
        assertSame(pem(leaf) + pem(ca));
        assertSame(pem(ca));
        assertSame(pem(ec.getPrivate()) + pem(leaf) + pem(ca));
        assertSame("subject=CN=leaf\nissuer=CN=ca\n" + pem(leaf) + "trailing text\n");
        assertSame(pem(leaf).replace("\n", "\r\n"));
        assertSame(pem(leaf).replace("CERTIFICATE", "X509 CERTIFICATE"));
        SecretInfo.TlsFacts f = SecretFacts.tls((pem(leaf) + pem(ca)).getBytes(StandardCharsets.US_ASCII));
        assertThat(f.chainLength()).isEqualTo(2);
        assertThat(f.selfSigned()).isFalse();
        assertThat(SecretFacts.tls(pem(ca).getBytes(StandardCharsets.US_ASCII)).selfSigned()).isTrue();
    }

    @Test
    void brokenInputIsAParseErrorOrNoCertificateAsBefore() throws Exception {
        String leaf = pem(cert("CN=leaf", "CN=ca", ec, null));
        for (String in : List.of("", "not a certificate", "{\"json\": true}", pem(ec.getPrivate()))) {
            assertThat(SecretFacts.tls(in.getBytes(StandardCharsets.UTF_8)).parseError())
                    .isEqualTo("no PEM certificate found").isEqualTo(bouncyCastle(in).parseError());
        }
        List<String> broken = List.of(leaf.substring(0, leaf.length() / 2), // no end line
                leaf.replace("MII", "M*I"), // invalid base64
                "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"); // not a certificate
        for (String in : broken) {
            SecretInfo.TlsFacts f = SecretFacts.tls(in.getBytes(StandardCharsets.US_ASCII));
            assertThat(bouncyCastle(in).parseError()).as(in).startsWith("certificate could not be parsed");
            assertThat(f.parseError()).as(in).startsWith("certificate could not be parsed");
            assertThat(f.subject()).isNull();
            assertThat(f.chainLength()).isZero();
        }
    }

    private static void assertSame(String pem) {
        SecretInfo.TlsFacts now = SecretFacts.tls(pem.getBytes(StandardCharsets.US_ASCII));
        assertThat(now).as(pem).isEqualTo(bouncyCastle(pem));
        assertThat(now.parseError()).isNull();
    }

    private static X509CertificateHolder cert(String subject, String issuer, KeyPair keys, GeneralNames sans)
            throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name(issuer), BigInteger.TEN,
                Date.from(now.minus(Duration.ofDays(70))), Date.from(now.plus(Duration.ofDays(20))),
                new X500Name(subject), keys.getPublic());
        if (sans != null) {
            b.addExtension(Extension.subjectAlternativeName, false, sans);
        }
        String alg = keys.getPublic().getAlgorithm().equals("RSA") ? "SHA256withRSA"
                : keys.getPublic().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "Ed25519";
        return b.build(new JcaContentSignerBuilder(alg).build(keys.getPrivate()));
    }

    private static String pem(Object o) throws Exception {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
            pw.writeObject(o instanceof PrivateKey k ? new JcaPKCS8Generator(k, null) : o);
        }
        return w.toString();
    }

    /** The facts as the BouncyCastle reading before this change gave them. */
    private static SecretInfo.TlsFacts bouncyCastle(String text) {
        List<X509CertificateHolder> certs = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            Object o;
            while ((o = parser.readObject()) != null) {
                if (o instanceof X509CertificateHolder h) {
                    certs.add(h);
                }
            }
        } catch (Exception e) {
            return new SecretInfo.TlsFacts(null, null, List.of(), null, null, null, false, 0,
                    "certificate could not be parsed (" + dev.kustodian.core.util.IoErrors.reason(e) + ")");
        }
        if (certs.isEmpty()) {
            return new SecretInfo.TlsFacts(null, null, List.of(), null, null, null, false, 0,
                    "no PEM certificate found");
        }
        X509CertificateHolder c = certs.get(0);
        List<String> names = new ArrayList<>();
        Extension san = c.getExtension(Extension.subjectAlternativeName);
        if (san != null) {
            for (GeneralName gn : GeneralNames.getInstance(san.getParsedValue()).getNames()) {
                if (gn.getTagNo() == GeneralName.dNSName || gn.getTagNo() == GeneralName.iPAddress
                        || gn.getTagNo() == GeneralName.rfc822Name || gn.getTagNo() == GeneralName.uniformResourceIdentifier) {
                    names.add(gn.getTagNo() == GeneralName.iPAddress ? ipString(gn) : gn.getName().toString());
                }
            }
        }
        X500Name subject = c.getSubject();
        X500Name issuer = c.getIssuer();
        String alg = c.getSubjectPublicKeyInfo().getAlgorithm().getAlgorithm().getId();
        return new SecretInfo.TlsFacts(subject.toString(), issuer.toString(), names,
                c.getNotBefore().toInstant(), c.getNotAfter().toInstant(), switch (alg) {
                    case "1.2.840.113549.1.1.1" -> "RSA";
                    case "1.2.840.10045.2.1" -> "EC";
                    case "1.3.101.112" -> "Ed25519";
                    case "1.3.101.113" -> "Ed448";
                    default -> alg;
                }, subject.equals(issuer), certs.size(), null);
    }

    private static String ipString(GeneralName gn) {
        byte[] b = org.bouncycastle.asn1.DEROctetString.getInstance(gn.getName()).getOctets();
        try {
            return java.net.InetAddress.getByAddress(b).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            return "ip:" + HexFormat.of().formatHex(b);
        }
    }
}
