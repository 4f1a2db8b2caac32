package dev.kustodian.core.cluster;

import dev.kustodian.core.model.SecretInfo;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.security.auth.x500.X500Principal;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Set;
import java.util.List;
import java.util.Map;

/**
 * Derives value-free facts from secret values: sizes, keyed fingerprints, certificate and registry facts. The
 * value bytes are passed in and never stored; callers wipe them afterwards.
 */
final class SecretFacts {
    /** Jackson's streaming parser only: the registry facts need no object mapper (cheaper to start). */
    private static final JsonFactory JSON = new JsonFactory();
    private static final Set<String> INLINE_CREDENTIALS = Set.of("auth", "password", "identitytoken");

    private final byte[] fingerprintKey;
    private final ThreadLocal<Mac> mac;

    SecretFacts(byte[] fingerprintKey) {
        this.fingerprintKey = fingerprintKey.clone();
        this.mac = ThreadLocal.withInitial(this::newMac);
    }

    private Mac newMac() {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(fingerprintKey, "HmacSHA256"));
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** 32 hex chars of HMAC-SHA256(load key, value): equal values have equal fingerprints within one load. */
    String fingerprint(byte[] value) {
        Mac m = mac.get();
        byte[] out = m.doFinal(value);
        return HexFormat.of().formatHex(out, 0, 16);
    }

    static boolean isText(byte[] value) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value));
        } catch (CharacterCodingException e) {
            return false;
        }
        for (byte b : value) {
            if (b == 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Facts of the first certificate of a PEM bundle; a parse problem is reported in {@code parseError}. Read with
     * the JDK's X.509 parser ({@code java.base}: no signed-jar check and no class loading outside the class-data
     * archive on the demo's start path); names are written as BouncyCastle's {@code X500Name} wrote them before
     * (its attribute names, RDNs in encoding order), so the facts are the same as before.
     */
    static SecretInfo.TlsFacts tls(byte[] pem) {
        List<X509Certificate> certs = new ArrayList<>();
        try {
            CertificateFactory factory = null;
            for (byte[] der : pemCertificates(new String(pem, StandardCharsets.US_ASCII))) {
                if (factory == null) {
                    factory = CertificateFactory.getInstance("X.509");
                }
                certs.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            }
        } catch (CertificateException | IllegalArgumentException e) {
            // never the parser's message: it may quote the input
            return new SecretInfo.TlsFacts(null, null, List.of(), null, null, null, false, 0,
                    "certificate could not be parsed (" + (e instanceof CertificateException
                            ? "not a valid X.509 certificate" : "malformed PEM data") + ")");
        }
        if (certs.isEmpty()) {
            return new SecretInfo.TlsFacts(null, null, List.of(), null, null, null, false, 0,
                    "no PEM certificate found");
        }
        X509Certificate c = certs.get(0);
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> sans = c.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    int tag = (Integer) san.get(0);
                    if ((tag == 1 || tag == 2 || tag == 6 || tag == 7) && san.get(1) instanceof String name) {
                        names.add(name); // rfc822Name, dNSName, URI, iPAddress (the JDK writes it as InetAddress does)
                    }
                }
            }
        } catch (CertificateParsingException e) {
            return new SecretInfo.TlsFacts(null, null, List.of(), null, null, null, false, 0,
                    "certificate could not be parsed (malformed subject alternative names)");
        }
        X500Principal subject = c.getSubjectX500Principal();
        X500Principal issuer = c.getIssuerX500Principal();
        return new SecretInfo.TlsFacts(name(subject), name(issuer), names,
                c.getNotBefore().toInstant(), c.getNotAfter().toInstant(),
                algorithmName(keyAlgorithmOid(c.getPublicKey().getEncoded())), subject.equals(issuer),
                certs.size(), null);
    }

    /**
     * The DER bytes of the {@code CERTIFICATE} (and {@code X509 CERTIFICATE}) blocks of a PEM text, in order; other
     * blocks (keys, requests) and text around the blocks are skipped.
     *
     * @throws IllegalArgumentException a certificate block without its end line or with invalid base64
     */
    static List<byte[]> pemCertificates(String text) {
        List<byte[]> out = new ArrayList<>();
        String type = null;
        StringBuilder body = new StringBuilder();
        for (String raw : text.split("\r?\n|\r")) {
            String line = raw.strip();
            if (type == null) {
                if (line.startsWith("-----BEGIN ") && line.endsWith("-----") && line.length() > 16) {
                    type = line.substring(11, line.length() - 5);
                    body.setLength(0);
                }
            } else if (line.startsWith("-----END ")) {
                if (!line.equals("-----END " + type + "-----")) {
                    throw new IllegalArgumentException("PEM end line does not match");
                }
                if (type.equals("CERTIFICATE") || type.equals("X509 CERTIFICATE")) {
                    out.add(Base64.getDecoder().decode(body.toString()));
                }
                type = null;
            } else if (line.indexOf(':') < 0) { // "Proc-Type: ..." header lines are not base64
                body.append(line);
            }
        }
        if (type != null) {
            throw new IllegalArgumentException("PEM end line missing");
        }
        return out;
    }

    /** The attribute names BouncyCastle's X500Name writes for the OIDs the JDK writes as numbers. */
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("2.5.4.12", "T"), Map.entry("2.5.4.5", "SERIALNUMBER"),
            Map.entry("1.2.840.113549.1.9.1", "E"), Map.entry("2.5.4.4", "SURNAME"),
            Map.entry("2.5.4.42", "GIVENNAME"), Map.entry("2.5.4.43", "INITIALS"),
            Map.entry("2.5.4.44", "GENERATION"), Map.entry("2.5.4.45", "UniqueIdentifier"),
            Map.entry("1.2.840.113549.1.9.2", "UnstructuredName"),
            Map.entry("1.2.840.113549.1.9.8", "UnstructuredAddress"), Map.entry("2.5.4.46", "DN"),
            Map.entry("2.5.4.65", "Pseudonym"), Map.entry("2.5.4.16", "PostalAddress"),
            Map.entry("2.5.4.17", "PostalCode"), Map.entry("2.5.4.15", "BusinessCategory"),
            Map.entry("2.5.4.20", "TelephoneNumber"), Map.entry("2.5.4.41", "Name"),
            Map.entry("2.5.4.97", "organizationIdentifier"));

    /**
     * A distinguished name as BouncyCastle's {@code X500Name.toString()} writes it: RFC 2253 escaping and attribute
     * names, but its RDNs in the certificate's order (RFC 2253 writes them last first).
     */
    static String name(X500Principal p) {
        String rfc = p.getName(X500Principal.RFC2253, NAMES);
        List<String> rdns = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < rfc.length(); i++) {
            char ch = rfc.charAt(i);
            if (ch == '\\') {
                i++;
            } else if (ch == ',') {
                rdns.add(rfc.substring(start, i));
                start = i + 1;
            }
        }
        if (start < rfc.length()) {
            rdns.add(rfc.substring(start));
        }
        java.util.Collections.reverse(rdns);
        return String.join(",", rdns);
    }

    /** The algorithm OID of a DER SubjectPublicKeyInfo: SEQUENCE { SEQUENCE { OID, ... }, BIT STRING }. */
    static String keyAlgorithmOid(byte[] spki) {
        int[] pos = {0};
        header(spki, pos, 0x30);
        header(spki, pos, 0x30);
        int len = header(spki, pos, 0x06);
        StringBuilder oid = new StringBuilder();
        long v = 0;
        for (int i = pos[0]; i < pos[0] + len; i++) {
            v = (v << 7) | (spki[i] & 0x7f);
            if ((spki[i] & 0x80) == 0) {
                if (oid.length() == 0) {
                    int first = (int) Math.min(v / 40, 2);
                    oid.append(first).append('.').append(v - 40L * first);
                } else {
                    oid.append('.').append(v);
                }
                v = 0;
            }
        }
        return oid.toString();
    }

    /** Reads a DER tag and length at {@code pos[0]}, checks the tag; returns the length, {@code pos[0]} at the content. */
    private static int header(byte[] der, int[] pos, int tag) {
        if ((der[pos[0]++] & 0xff) != tag) {
            throw new IllegalArgumentException("unexpected DER tag");
        }
        int len = der[pos[0]++] & 0xff;
        if (len >= 0x80) {
            int n = len & 0x7f;
            len = 0;
            for (int i = 0; i < n; i++) {
                len = (len << 8) | (der[pos[0]++] & 0xff);
            }
        }
        return len;
    }

    private static String algorithmName(String oid) {
        return switch (oid) {
            case "1.2.840.113549.1.1.1" -> "RSA";
            case "1.2.840.10045.2.1" -> "EC";
            case "1.3.101.112" -> "Ed25519";
            case "1.3.101.113" -> "Ed448";
            default -> oid;
        };
    }

    /** Registry hosts and whether credentials are inline, from .dockerconfigjson ({"auths":{...}}) or .dockercfg. */
    static SecretInfo.DockerConfigFacts docker(byte[] json, boolean legacyCfg) {
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), json)) {
            List<String> registries = new ArrayList<>();
            boolean inline = false;
            if (p.nextToken() == JsonToken.START_OBJECT) {
                if (legacyCfg) {
                    inline = registries(p, registries);
                } else {
                    String name;
                    while ((name = p.nextName()) != null) {
                        if (p.nextToken() == JsonToken.START_OBJECT && name.equals("auths")) {
                            registries.clear();
                            inline = registries(p, registries);
                        } else {
                            p.skipChildren();
                        }
                    }
                }
            } else {
                p.skipChildren();
            }
            while (p.nextToken() != null) {
                p.skipChildren(); // the rest must be well-formed too
            }
            return new SecretInfo.DockerConfigFacts(registries, inline, null);
        } catch (RuntimeException e) { // JacksonException included
            return new SecretInfo.DockerConfigFacts(List.of(), false, "not valid JSON");
        }
    }

    /**
     * The registry hosts of the object the parser is in (its properties), true when any carries inline credentials;
     * leaves the parser at the object's end.
     */
    private static boolean registries(JsonParser p, List<String> registries) {
        boolean inline = false;
        String host;
        while ((host = p.nextName()) != null) {
            registries.add(host);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            String field;
            while ((field = p.nextName()) != null) {
                if (p.nextToken() != JsonToken.VALUE_NULL && INLINE_CREDENTIALS.contains(field)) {
                    inline = true;
                }
                p.skipChildren();
            }
        }
        return inline;
    }
}
