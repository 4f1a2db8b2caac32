package dev.kustodian.core.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which HTTP client each configuration gets: the JDK's unless it needs what only Vert.x's does. */
class Fabric8ClientsTest {

    private static Config config() {
        return new ConfigBuilder(Config.empty()).withMasterUrl("https://127.0.0.1:6443").withOauthToken("t").build();
    }

    @Test
    void aPlainConfigurationGetsTheJdkClientOverHttp11() {
        Config c = config();
        assertThat(Fabric8Clients.jdkClientFits(c)).isTrue();
        try (KubernetesClient client = Fabric8Clients.build(c)) {
            assertThat(client.getHttpClient().getClass().getName()).startsWith("io.fabric8.kubernetes.client.jdkhttp.");
        }
        Config proxied = config();
        proxied.setHttpsProxy("http://proxy.example:3128");
        assertThat(Fabric8Clients.jdkClientFits(proxied)).isTrue();
    }

    @Test
    void whatTheJdkClientCannotDoGoesThroughVertx() {
        Config trust = config();
        trust.setTrustCerts(true);
        Config noHostCheck = config();
        noHostCheck.setDisableHostnameVerification(true);
        Config sni = config();
        sni.setTlsServerName("api.internal");
        Config socks = config();
        socks.setHttpsProxy("socks5://proxy.example:1080");
        Config proxyUser = config();
        proxyUser.setHttpsProxy("http://proxy.example:3128");
        proxyUser.setProxyUsername("me");
        Config proxyUrlUser = config();
        proxyUrlUser.setHttpProxy("http://me:pw@proxy.example:3128");
        for (Config c : new Config[]{trust, noHostCheck, sni, socks, proxyUser, proxyUrlUser}) {
            assertThat(Fabric8Clients.jdkClientFits(c)).isFalse();
        }
        try (KubernetesClient client = Fabric8Clients.build(trust)) {
            assertThat(client.getHttpClient().getClass().getName()).startsWith("io.fabric8.kubernetes.client.vertx5.");
        }
    }
}
