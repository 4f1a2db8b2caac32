package dev.kustodian.core.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.HashMap;
import java.util.function.Supplier;

/**
 * fabric8's mock API server (plain HTTP) and a client on it, started before and stopped after each test of the class
 * that registers it ({@code @RegisterExtension}): in expectation mode, or in CRUD mode (objects kept, no expectations).
 */
public final class MockApiServer implements BeforeEachCallback, AfterEachCallback {
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

    /** Keeps the objects created through it, as the demo cluster's engine does. */
    public static MockApiServer crud() {
        return new MockApiServer(() -> new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server = factory.get();
        server.init();
        client = server.createClient();
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
}
