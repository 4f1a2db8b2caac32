package dev.kustodian.core.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * fabric8's mock API server (plain HTTP) and a client on it, started before and stopped after each test of the class
 * that registers it ({@code @RegisterExtension}): in expectation mode, or in CRUD mode (objects kept, no expectations).
 */
public class MockApiServer implements BeforeEachCallback, AfterEachCallback {
    private final Supplier<KubernetesMockServer> factory;
    private KubernetesMockServer server;
    private KubernetesClient client;

    private MockApiServer(Supplier<KubernetesMockServer> factory) {
        this.factory = factory;
    }

    /** Answers what the test expects ({@code server().expect()...}). */
    public static MockApiServer expectations() {
        return new MockApiServer(() -> new KubernetesMockServer(false));
    }

    /**
     * Answers only what the test expects, on 127.0.0.1: not even {@code /version}, which the mock otherwise answers
     * itself ({@link #expectVersion()} adds it); for the loaders' fault, retry and coverage tests.
     */
    public static MockApiServer bare() {
        return new MockApiServer(() -> new KubernetesMockServer(false)) {
            @Override
            void init(KubernetesMockServer s) {
                s.init(InetAddress.getLoopbackAddress(), 0);
                s.clearExpectations();
            }
        };
    }

    /** Keeps the objects created through it, as the demo cluster's engine does. */
    public static MockApiServer crud() {
        return new MockApiServer(() -> new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server = factory.get();
        init(server);
        client = server.createClient();
    }

    void init(KubernetesMockServer s) {
        s.init();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        client.close();
        server.destroy();
    }

    public KubernetesMockServer server() {
        return server;
    }

    public KubernetesClient client() {
        return client;
    }

    /** The plain-HTTP URL of the server, for a kubeconfig. */
    public String url() {
        return "http://127.0.0.1:" + server.getPort();
    }

    /** {@code /version} answers Kubernetes v1.30.2, always. */
    public void expectVersion() {
        server.expect().get().withPath("/version").andReturn(200, Map.of("major", "1", "minor", "30",
                "gitVersion", "v1.30.2")).always();
    }
}
