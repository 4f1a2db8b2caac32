package dev.kustodian.core.externalsecrets;

import dev.kustodian.core.cluster.MockApiServer;
import dev.kustodian.core.util.UserFacingException;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.StringWriter;
import java.security.cert.X509Certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The certificate is fetched through the API server's service proxy, as kubeseal does. */
class FetchCertificateTest {
    @RegisterExtension
    final MockApiServer mock = MockApiServer.expectations();

    @Test
    void fetchesThroughTheServiceProxy() throws Exception {
        SealedSecretsTest.keys();
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(pem)) {
            w.writeObject(SealedSecretsTest.cert);
        }
        mock.server().expect().get().withPath("/api/v1/namespaces/kube-system/services/http:sealed-secrets-controller:/proxy/v1/cert.pem")
                .andReturn(200, pem.toString()).once();
        X509Certificate c = SealedSecrets.fetchCertificate(new dev.kustodian.core.cluster.Fabric8ClusterPort(mock.client(), "test", true), "kube-system", "sealed-secrets-controller");
        assertThat(c.getPublicKey()).isEqualTo(SealedSecretsTest.keys.getPublic());
    }

    @Test
    void missingControllerIsAClearError() {
        assertThatThrownBy(() -> SealedSecrets.fetchCertificate(new dev.kustodian.core.cluster.Fabric8ClusterPort(mock.client(), "test", true), "kube-system", "nope"))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("kube-system/nope");
    }
}
