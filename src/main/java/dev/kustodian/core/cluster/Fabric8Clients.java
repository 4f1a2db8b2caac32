package dev.kustodian.core.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.fabric8.kubernetes.client.http.HttpClient;

import java.util.Locale;
import java.util.ServiceLoader;

/**
 * Every fabric8 client of the app is made here. Its HTTP goes through the JDK's client ({@code java.net.http}) when
 * the configuration needs nothing that client lacks: same kubeconfig handling (tokens, exec plugins, client
 * certificates, certificate authorities, HTTP proxies), since that is fabric8's, and a large load costs about a
 * second of CPU less than through Vert.x (its event loop, the copies of its buffers, the compilation of Netty's
 * code: docs/performance.md, seventh pass). Vert.x's client stays for what the JDK's cannot do or does otherwise:
 * SOCKS proxies, proxies with credentials, {@code tls-server-name} (SNI override), and
 * {@code insecure-skip-tls-verify} (the JDK client always verifies the host name).
 */
final class Fabric8Clients {

    private Fabric8Clients() {
    }

    /** A client for {@code config}. */
    static KubernetesClient build(Config config) {
        return new KubernetesClientBuilder().withHttpClientFactory(jdkClientFits(config) ? new Http11JdkFactory()
                : vertx()).withConfig(config).build();
    }

    /** fabric8's Vert.x client (a runtime dependency: found as a service, like fabric8 finds its clients). */
    static HttpClient.Factory vertx() {
        for (HttpClient.Factory f : ServiceLoader.load(HttpClient.Factory.class, Fabric8Clients.class.getClassLoader())) {
            if (!(f instanceof JdkHttpClientFactory)) {
                return f;
            }
        }
        throw new IllegalStateException("fabric8's Vert.x HTTP client is not on the class path");
    }

    /** Whether the JDK's HTTP client can do everything {@code config} asks for. */
    static boolean jdkClientFits(Config config) {
        return !config.isTrustCerts() && !config.isDisableHostnameVerification()
                && (config.getTlsServerName() == null || config.getTlsServerName().isEmpty())
                && plainProxy(config.getHttpProxy()) && plainProxy(config.getHttpsProxy())
                && (config.getProxyUsername() == null || config.getProxyUsername().isEmpty());
    }

    /**
     * No proxy, or an HTTP(S) proxy without credentials in its URL (the JDK client does not send a proxy's Basic
     * credentials when it tunnels HTTPS, by default).
     */
    private static boolean plainProxy(String proxy) {
        return proxy == null || proxy.isBlank()
                || !proxy.strip().toLowerCase(Locale.ROOT).startsWith("socks") && !proxy.contains("@");
    }

    /**
     * HTTP/1.1 always, as through Vert.x: the JDK client would otherwise try an h2c upgrade on plain-HTTP servers
     * (fabric8's mock server accepts it and then fails the concurrent list requests).
     */
    private static final class Http11JdkFactory extends JdkHttpClientFactory {
        @Override
        protected void additionalConfig(java.net.http.HttpClient.Builder builder) {
            builder.version(java.net.http.HttpClient.Version.HTTP_1_1);
        }
    }
}
