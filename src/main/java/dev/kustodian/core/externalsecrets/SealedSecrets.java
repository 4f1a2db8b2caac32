package dev.kustodian.core.externalsecrets;

import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.util.UserFacingException;
import dev.kustodian.core.yaml.Commented;
import dev.kustodian.core.port.ClusterPort;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.kustodian.core.yaml.YamlWriter.map;

/**
 * Offline sealing for Bitnami Sealed Secrets ({@code bitnami.com/v1alpha1} SealedSecret), byte-compatible with
 * kubeseal (pkg/crypto HybridEncrypt): RSA-OAEP (SHA-256, MGF1-SHA-256, label by scope) wraps a fresh AES-256 key,
 * AES-256-GCM with a zero 12-byte nonce encrypts the value, blob = uint16-BE(len(rsa)) || rsa || gcm, base64 std.
 * Plaintext bytes are wiped after use and never logged.
 */
public final class SealedSecrets {
    public static final String ANN_NAMESPACE_WIDE = "sealedsecrets.bitnami.com/namespace-wide";
    public static final String ANN_CLUSTER_WIDE = "sealedsecrets.bitnami.com/cluster-wide";
    private static final SecureRandom RANDOM = new SecureRandom();

    private SealedSecrets() {
    }

    public enum Scope {
        /** label "namespace/name" (default) */
        STRICT,
        /** label "namespace" */
        NAMESPACE_WIDE,
        /** label "" */
        CLUSTER_WIDE;

        public static Scope parse(String s) {
            return switch (s.toLowerCase().replace('_', '-')) {
                case "strict" -> STRICT;
                case "namespace-wide" -> NAMESPACE_WIDE;
                case "cluster-wide" -> CLUSTER_WIDE;
                default -> throw UserFacingException.badInput("Unknown scope '" + s
                        + "': use strict, namespace-wide or cluster-wide.");
            };
        }
    }

    /** The OAEP label for a scope. */
    public static byte[] label(Scope scope, String namespace, String name) {
        String l = switch (scope) {
            case STRICT -> namespace + "/" + name;
            case NAMESPACE_WIDE -> namespace;
            case CLUSTER_WIDE -> "";
        };
        return l.getBytes(StandardCharsets.UTF_8);
    }

    /** Encrypts one value; returns the base64 (std, padded) blob for {@code spec.encryptedData}. */
    public static String seal(PublicKey key, byte[] label, byte[] plaintext) {
        byte[] sessionKey = new byte[32];
        RANDOM.nextBytes(sessionKey);
        try {
            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
            rsa.init(Cipher.ENCRYPT_MODE, key, new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
                    new PSource.PSpecified(label)), RANDOM);
            byte[] rsaCt = rsa.doFinal(sessionKey);
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(sessionKey, "AES"), new GCMParameterSpec(128, new byte[12]));
            byte[] aesCt = aes.doFinal(plaintext);
            ByteBuffer b = ByteBuffer.allocate(2 + rsaCt.length + aesCt.length);
            b.putShort((short) rsaCt.length).put(rsaCt).put(aesCt);
            return Base64.getEncoder().encodeToString(b.array());
        } catch (GeneralSecurityException e) {
            throw new UserFacingException(UserFacingException.Category.FAILED, "Sealing failed: "
                    + dev.kustodian.core.util.IoErrors.reason(e) + ". Check that the certificate holds an RSA key.", false, null);
        } finally {
            Arrays.fill(sessionKey, (byte) 0);
        }
    }

    /** How the certificate file is named in messages. */
    public static final String CERTIFICATE_FILE = "sealing certificate";
    /** A Secret holds at most 1 MiB: a value file larger than that cannot be sealed into one. */
    public static final long MAX_VALUE_BYTES = 1L << 20;

    /**
     * Reads and parses the controller certificate file through the one input layer (regular files only, so a FIFO
     * does not block; at most 1 MiB): the CLI's {@code seal --cert} and the GUI's wizard say the same sentences.
     */
    public static X509Certificate readCertificate(java.nio.file.Path file) {
        byte[] b = dev.kustodian.core.util.InputFiles.readBytes(file, CERTIFICATE_FILE,
                dev.kustodian.core.util.InputFiles.PEM_BUDGET);
        return parseCertificate(b, file.toString());
    }

    /** The bytes of the file whose content becomes the value of {@code key} (at most 1 MiB; regular files only). */
    public static byte[] readValue(java.nio.file.Path file, String key) {
        return dev.kustodian.core.util.InputFiles.readBytes(file, "value file of key " + key, MAX_VALUE_BYTES);
    }

    /** Parses the controller certificate (PEM or DER). */
    public static X509Certificate parseCertificate(byte[] pem, String source) {
        X509Certificate c;
        try {
            c = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem));
        } catch (CertificateException | ClassCastException | IllegalArgumentException e) {
            throw UserFacingException.badInput(source + " is not an X.509 certificate in PEM form. Get it with"
                    + " `kubeseal --fetch-cert > cert.pem`.");
        }
        if (c == null) {
            throw UserFacingException.badInput(source + " holds no certificate. Get it with"
                    + " `kubeseal --fetch-cert > cert.pem`.");
        }
        if (!(c.getPublicKey() instanceof java.security.interfaces.RSAPublicKey)) {
            throw UserFacingException.badInput(source + " holds a certificate with a " + c.getPublicKey().getAlgorithm()
                    + " key; the Sealed Secrets controller seals with RSA keys only. Use the controller's certificate"
                    + " (`kubeseal --fetch-cert > cert.pem`).");
        }
        return c;
    }

    /** A warning when the sealing certificate is outside its validity period (null when it is valid now). */
    public static String validityWarning(X509Certificate c, String source, java.time.Instant now) {
        if (c.getNotAfter() != null && now.isAfter(c.getNotAfter().toInstant())) {
            return source + " expired on " + c.getNotAfter().toInstant().toString().substring(0, 10)
                    + ". The controller renews its certificate (every 30 days by default): sealing with an old one "
                    + "works only while the controller keeps the old key. Fetch the current one with "
                    + "`kubeseal --fetch-cert` (or --fetch-cert).";
        }
        if (c.getNotBefore() != null && now.isBefore(c.getNotBefore().toInstant())) {
            return source + " is not valid before " + c.getNotBefore().toInstant().toString().substring(0, 10)
                    + "; check the system clock and the certificate.";
        }
        return null;
    }

    /** DNS-1123 subdomain: what Kubernetes accepts as a Secret name. */
    private static final java.util.regex.Pattern DNS1123_SUBDOMAIN = java.util.regex.Pattern.compile(
            "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    /** DNS-1123 label: what Kubernetes accepts as a namespace name. */
    private static final java.util.regex.Pattern DNS1123_LABEL = java.util.regex.Pattern.compile(
            "[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    static void checkNames(String name, String namespace) {
        if (name == null || name.length() > 253 || !DNS1123_SUBDOMAIN.matcher(name).matches()) {
            throw UserFacingException.badInput("\"" + name + "\" is not a valid Secret name: use lower-case letters,"
                    + " digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters"
                    + " (a DNS-1123 subdomain). Kubernetes would refuse the SealedSecret.");
        }
        if (namespace != null && !namespace.isBlank()
                && (namespace.length() > 63 || !DNS1123_LABEL.matcher(namespace).matches())) {
            throw UserFacingException.badInput("\"" + namespace + "\" is not a valid namespace name: use lower-case"
                    + " letters, digits and '-', starting and ending with a letter or digit, at most 63 characters.");
        }
    }

    /**
     * Fetches {@code /v1/cert.pem} from the controller through the API server's service proxy (what kubeseal does).
     */
    public static X509Certificate fetchCertificate(ClusterPort cluster, String controllerNamespace,
                                                   String controllerName) {
        String pem;
        try {
            pem = cluster.sealingCertificatePem(controllerNamespace, controllerName);
        } catch (RuntimeException e) {
            // the port wraps the client's failure: name the client's exception, as kubeseal users expect
            Throwable why = e instanceof dev.kustodian.core.port.ClusterCallException && e.getCause() != null
                    ? e.getCause() : e;
            throw new UserFacingException(UserFacingException.Category.CLUSTER_UNREACHABLE, "Could not fetch the"
                    + " sealing certificate from service " + controllerNamespace + "/" + controllerName
                    + " (" + dev.kustodian.core.util.IoErrors.reason(why) + "). Check --controller-namespace/--controller-name or"
                    + " use --cert FILE.", true, e);
        }
        if (pem == null || pem.isBlank()) {
            throw new UserFacingException(UserFacingException.Category.FAILED, "Service " + controllerNamespace + "/"
                    + controllerName + " returned no certificate. Is the Sealed Secrets controller running there?");
        }
        return parseCertificate(pem.getBytes(StandardCharsets.UTF_8), "the controller's /v1/cert.pem");
    }

    /** What to seal: the Secret's identity, type, scope and its values (wiped by the caller after use). */
    public record SealSpec(String name, String namespace, String type, Scope scope, Map<String, byte[]> values,
                           Map<String, String> labels) {
    }

    /** Seals every value into a SealedSecret object. */
    public static Bundle sealedSecret(X509Certificate cert, SealSpec s) {
        checkNames(s.name(), s.namespace());
        if (s.scope() != Scope.CLUSTER_WIDE && (s.namespace() == null || s.namespace().isBlank())) {
            throw UserFacingException.badInput("A " + s.scope().name().toLowerCase().replace('_', '-')
                    + " SealedSecret needs --namespace (the label binds it to one namespace).");
        }
        if (s.values().isEmpty()) {
            throw UserFacingException.badInput("Nothing to seal: give at least one --from-file KEY=PATH (or"
                    + " --from-stdin KEY).");
        }
        byte[] label = label(s.scope(), s.namespace(), s.name());
        Map<String, Object> enc = new TreeMap<>();
        for (Map.Entry<String, byte[]> e : s.values().entrySet()) {
            enc.put(e.getKey(), seal(cert.getPublicKey(), label, e.getValue()));
        }
        Map<String, Object> ann = new LinkedHashMap<>();
        if (s.scope() == Scope.NAMESPACE_WIDE) {
            ann.put(ANN_NAMESPACE_WIDE, "true");
        } else if (s.scope() == Scope.CLUSTER_WIDE) {
            ann.put(ANN_CLUSTER_WIDE, "true");
        }
        Map<String, Object> meta = map("name", s.name(), "namespace", StoreGenerator.blankToNull(s.namespace()),
                "annotations", ann.isEmpty() ? null : ann);
        Map<String, Object> tmplMeta = map("name", s.name(), "namespace", StoreGenerator.blankToNull(s.namespace()),
                "labels", s.labels() == null || s.labels().isEmpty() ? null : new TreeMap<>(s.labels()),
                "annotations", ann.isEmpty() ? null : ann);
        Map<String, Object> obj = map("apiVersion", "bitnami.com/v1alpha1", "kind", "SealedSecret", "metadata", meta,
                "spec", map("encryptedData", new Commented(enc, "RSA-OAEP(SHA-256) + AES-256-GCM, scope "
                                + s.scope().name().toLowerCase().replace('_', '-')),
                        "template", map("metadata", tmplMeta, "type", s.type() == null ? "Opaque" : s.type())));
        List<String> warnings = new ArrayList<>();
        if (s.scope() == Scope.CLUSTER_WIDE) {
            warnings.add("Cluster-wide scope: anyone who can create a SealedSecret in any namespace can unseal this"
                    + " value there. Prefer strict scope.");
        }
        String notAfter = cert.getNotAfter().toInstant().toString();
        String header = "Generated by Kustodian: SealedSecret sealed offline with the controller certificate\n"
                + "(subject " + cert.getSubjectX500Principal().getName() + ", valid until " + notAfter + ").\n"
                + "Safe to commit: only the controller's private key can decrypt it.";
        return Validation.bundle("SealedSecret " + s.name(), List.of(new Validation.Obj(
                        Validation.fileName("SealedSecret", s.name()), obj, header)), List.of(), warnings,
                List.of("Commit the file and let your GitOps tool apply it, or kubectl apply -f it.",
                        "Delete the plaintext source files once the SealedSecret is applied.",
                        "The controller renews its key every 30 days: re-seal with the newest certificate"
                                + " (old keys keep working for existing SealedSecrets)."));
    }
}
