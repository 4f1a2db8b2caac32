package dev.kustodian.core.externalsecrets;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Date;

/** A self-signed RSA certificate valid for a day, as a Sealed Secrets controller serves it (for the seal tests of the CLI and the SealedSecret wizard). */
public final class TestCertificates {
    private TestCertificates() {
    }

    /** A certificate (PEM) and the key pair it was made with. */
    public record SelfSigned(KeyPair keys, String pem) {
    }

    /** A new self-signed certificate with this distinguished name. */
    public static SelfSigned selfSigned(String dn) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair kp = g.generateKeyPair();
        X500Name name = new X500Name(dn);
        var holder = new JcaX509v3CertificateBuilder(name, BigInteger.TWO, new Date(),
                new Date(System.currentTimeMillis() + 86_400_000L), name, kp.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(kp.getPrivate()));
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(pem)) {
            w.writeObject(holder);
        }
        return new SelfSigned(kp, pem.toString());
    }

    /** A new self-signed certificate's PEM written to {@code dir/cert.pem}. */
    public static Path selfSignedPemFile(Path dir) throws Exception {
        return Files.writeString(dir.resolve("cert.pem"), selfSigned("CN=test").pem());
    }
}
