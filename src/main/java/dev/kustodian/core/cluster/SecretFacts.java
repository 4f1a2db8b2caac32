package dev.kustodian.core.cluster;

import dev.kustodian.core.model.SecretInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Set;
import java.util.List;

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

    /** Facts of the first certificate of a PEM bundle; a parse problem is reported in {@code parseError}. */
    static SecretInfo.TlsFacts tls(byte[] pem) {
        List<X509CertificateHolder> certs = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(new String(pem, StandardCharsets.US_ASCII)))) {
            Object o;
            while ((o = parser.readObject()) != null) {
                if (o instanceof X509CertificateHolder h) {
                    certs.add(h);
                }
            }
        } catch (Exception e) {
            // the message of a PEM parse error never contains the input
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
                c.getNotBefore().toInstant(), c.getNotAfter().toInstant(), algorithmName(alg),
                subject.equals(issuer), certs.size(), null);
    }

    private static String ipString(GeneralName gn) {
        byte[] b = org.bouncycastle.asn1.DEROctetString.getInstance(gn.getName()).getOctets();
        try {
            return java.net.InetAddress.getByAddress(b).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            return "ip:" + HexFormat.of().formatHex(b);
        }
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
