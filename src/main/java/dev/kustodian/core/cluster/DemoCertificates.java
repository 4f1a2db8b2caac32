package dev.kustodian.core.cluster;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * The demo's certificate that expires in 20 days, issued at every start by a throw-away CA (a stored certificate
 * would drift into "expired"), with the JDK alone: EC P-256 keys and an ECDSA-SHA256 signature from the JDK's
 * providers, the certificate's few fields written in DER here. The JDK has no public certificate builder, and
 * BouncyCastle's (used before) cost the desktop app's start 0.2–0.3 s of CPU before its first frame: its signed
 * jars are verified on first use and cannot be in the class-data archive (docs/performance.md, seventh pass).
 * The result is an ordinary X.509 v3 certificate (tests read it with the JDK's and BouncyCastle's parsers and
 * verify its signature).
 */
final class DemoCertificates {
    private static final byte[] OID_CN = {0x55, 0x04, 0x03};
    private static final byte[] OID_ECDSA_SHA256 = {0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x04, 0x03, 0x02};
    private static final byte[] OID_BASIC_CONSTRAINTS = {0x55, 0x1d, 0x13};
    private static final byte[] OID_SUBJECT_ALT_NAME = {0x55, 0x1d, 0x11};
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter GENERALIZED_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private DemoCertificates() {
    }

    /** A leaf certificate with its CA, and the leaf's key, as PEM text. */
    record Issued(String chainPem, String keyPem) {
    }

    /**
     * A certificate for {@code host} (subject CN and DNS name) valid from {@code now - 70 days} to {@code now + 20
     * days}, issued by "CN=Kustodian Demo CA" (valid from {@code now - 400 days} for 10 years, a CA by its basic
     * constraints).
     */
    static Issued expiringIn20Days(String host, Instant now) throws GeneralSecurityException {
        SecureRandom random = new SecureRandom();
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(new ECGenParameterSpec("secp256r1"), random);
        KeyPair caKeys = gen.generateKeyPair();
        KeyPair leafKeys = gen.generateKeyPair();
        byte[] caName = name("Kustodian Demo CA");
        byte[] ca = certificate(serial(random), caName, now.minus(Duration.ofDays(400)),
                now.plus(Duration.ofDays(3650)), caName, caKeys.getPublic(),
                extension(OID_BASIC_CONSTRAINTS, true, der(0x30, der(0x01, new byte[]{(byte) 0xff}))),
                caKeys.getPrivate());
        byte[] leaf = certificate(serial(random), caName, now.minus(Duration.ofDays(70)),
                now.plus(Duration.ofDays(20)), name(host), leafKeys.getPublic(),
                extension(OID_SUBJECT_ALT_NAME, false, der(0x30, der(0x82, host.getBytes(StandardCharsets.US_ASCII)))),
                caKeys.getPrivate());
        return new Issued(pem("CERTIFICATE", leaf) + pem("CERTIFICATE", ca),
                pem("PRIVATE KEY", leafKeys.getPrivate().getEncoded()));
    }

    private static byte[] certificate(BigInteger serial, byte[] issuer, Instant notBefore, Instant notAfter,
                                      byte[] subject, PublicKey key, byte[] extension, PrivateKey signer)
            throws GeneralSecurityException {
        byte[] algorithm = der(0x30, der(0x06, OID_ECDSA_SHA256));
        byte[] tbs = der(0x30,
                der(0xa0, der(0x02, new byte[]{2})), // version v3
                der(0x02, serial.toByteArray()),
                algorithm,
                issuer,
                der(0x30, time(notBefore), time(notAfter)),
                subject,
                key.getEncoded(), // SubjectPublicKeyInfo
                der(0xa3, der(0x30, extension)));
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initSign(signer);
        s.update(tbs);
        byte[] signature = s.sign();
        byte[] bits = new byte[signature.length + 1]; // no unused bits
        System.arraycopy(signature, 0, bits, 1, signature.length);
        return der(0x30, tbs, algorithm, der(0x03, bits));
    }

    /** A name with one common name (UTF8String, as BouncyCastle wrote it). */
    private static byte[] name(String commonName) {
        return der(0x30, der(0x31, der(0x30, der(0x06, OID_CN),
                der(0x0c, commonName.getBytes(StandardCharsets.UTF_8)))));
    }

    private static byte[] extension(byte[] oid, boolean critical, byte[] value) {
        return critical
                ? der(0x30, der(0x06, oid), der(0x01, new byte[]{(byte) 0xff}), der(0x04, value))
                : der(0x30, der(0x06, oid), der(0x04, value));
    }

    /** UTCTime through 2049, GeneralizedTime from 2050 (RFC 5280, 4.1.2.5). */
    private static byte[] time(Instant t) {
        Instant s = t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        boolean utc = s.atZone(ZoneOffset.UTC).getYear() < 2050;
        return der(utc ? 0x17 : 0x18, (utc ? UTC_TIME : GENERALIZED_TIME).format(s).getBytes(StandardCharsets.US_ASCII));
    }

    private static BigInteger serial(SecureRandom random) {
        return BigInteger.valueOf(random.nextLong() & Long.MAX_VALUE).max(BigInteger.ONE);
    }

    /** One DER element: the tag, the definite length, the contents. */
    static byte[] der(int tag, byte[]... contents) {
        int length = 0;
        for (byte[] c : contents) {
            length += c.length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 6);
        out.write(tag);
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = length < 0x100 ? 1 : length < 0x10000 ? 2 : length < 0x1000000 ? 3 : 4;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        for (byte[] c : contents) {
            out.writeBytes(c);
        }
        return out.toByteArray();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
