package dev.kustodian.core.cluster;

import dev.kustodian.core.model.ClusterIdentity;
import dev.kustodian.core.model.SourceInfo;
import io.fabric8.kubernetes.client.Config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;

/**
 * The {@link ClusterIdentity} of a loaded session: for live clusters the API server URL and the fingerprint of the
 * CA certificate the kubeconfig trusts (so two context names for one cluster share their plan, and a new cluster
 * behind a reused context name does not). The embedded demo has a fixed identity (its port changes every run);
 * a snapshot file is identified by the server recorded in it, else by its path.
 */
public final class ClusterIdentities {
    private ClusterIdentities() {
    }

    public static final ClusterIdentity DEMO = new ClusterIdentity("demo://kustodian-demo", "", "kustodian-demo");

    public static ClusterIdentity of(ClusterSession session) {
        SourceInfo src = session.snapshot().source();
        return switch (src.kind()) {
            case DEMO -> DEMO;
            case SNAPSHOT -> new ClusterIdentity(src.server().isEmpty() ? "snapshot://" + src.label() : src.server(),
                    "", src.label());
            case LIVE -> new ClusterIdentity(src.server(),
                    session.fabric8Client().map(c -> caFingerprint(c.getConfiguration())).orElse(""), src.label());
        };
    }

    /** SHA-256 of the first CA certificate (DER) the client config trusts; "" when none or unreadable. */
    static String caFingerprint(Config config) {
        try {
            byte[] pem = null;
            if (config.getCaCertData() != null && !config.getCaCertData().isBlank()) {
                pem = Base64.getMimeDecoder().decode(config.getCaCertData());
            } else if (config.getCaCertFile() != null && !config.getCaCertFile().isBlank()) {
                pem = Files.readAllBytes(Path.of(config.getCaCertFile()));
            }
            if (pem == null) {
                return "";
            }
            try (InputStream in = new ByteArrayInputStream(pem)) {
                X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
                return ClusterIdentity.sha256Hex(cert.getEncoded());
            }
        } catch (IOException | CertificateException | IllegalArgumentException e) {
            return "";
        }
    }
}
