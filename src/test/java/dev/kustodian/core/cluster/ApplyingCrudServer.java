package dev.kustodian.core.cluster;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;

/**
 * fabric8's mock API server in CRUD mode (optionally over HTTPS with its self-signed certificate) with server-side
 * apply as kube-apiserver does it for one field manager that applies whole objects with {@code force} (what
 * Kustodian's publishing does): an apply ({@code PATCH application/apply-patch+yaml}) of a missing object creates it,
 * of an existing one makes it the applied object (a list such as {@code results}, atomic in the CRD, is replaced).
 * The CRUD dispatcher itself refuses apply patches (415, or 400 for a missing object). Records the Authorization
 * header of every request.
 */
public final class ApplyingCrudServer implements AutoCloseable {
    private final MockWebServer web = new MockWebServer();
    private final KubernetesMockServer server;
    private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    public ApplyingCrudServer(boolean https) {
        VersionInfo version = new VersionInfo.Builder().withMajor("1").withMinor("31").withGitVersion("v1.31.4")
                .build();
        server = new KubernetesMockServer(new Context(), web, new HashMap<>(), new Dispatcher(), https, version);
        server.init(InetAddress.getLoopbackAddress(), 0);
    }

    private final io.fabric8.kubernetes.client.utils.KubernetesSerialization serialization =
            new io.fabric8.kubernetes.client.utils.KubernetesSerialization();

    private final class Dispatcher extends KubernetesMixedDispatcher {
        Dispatcher() {
            super(new HashMap<>());
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            authorizations.add(String.valueOf(request.getHeader("Authorization")));
            requests.add(request.getMethod() + " " + request.getPath() + " Accept: " + request.getHeader("Accept"));
            String type = request.getHeader("Content-Type");
            boolean apply = "PATCH".equalsIgnoreCase(request.getMethod()) && type != null && type.contains("apply-patch");
            if (apply) {
                // an apply body is YAML (JSON is YAML too): the dispatcher reads JSON only
                Object body = new org.snakeyaml.engine.v2.api.Load(org.snakeyaml.engine.v2.api.LoadSettings.builder()
                        .build()).loadFromString(request.getUtf8Body());
                byte[] json = serialization.asJson(body).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                request = new RecordedRequest(request.getHttpVersion(), request.method(), request.getPath(),
                        request.getHeaders(), new io.fabric8.mockwebserver.http.Buffer(json));
            }
            if (apply) {
                String path = request.getPath();
                int q = path.indexOf('?');
                String object = q < 0 ? path : path.substring(0, q);
                MockResponse existing = super.dispatch(new RecordedRequest(request.getHttpVersion(), HttpMethod.GET,
                        object, request.getHeaders(), new io.fabric8.mockwebserver.http.Buffer()));
                if (existing == null || existing.code() == 404) {
                    return super.dispatch(new RecordedRequest(request.getHttpVersion(), HttpMethod.POST,
                            object.substring(0, object.lastIndexOf('/')), request.getHeaders(), request.getBody()));
                }
                // one field manager applying whole objects with force: the object becomes what it applies
                return super.dispatch(new RecordedRequest(request.getHttpVersion(), HttpMethod.PUT, object,
                        request.getHeaders(), request.getBody()));
            }
            return super.dispatch(request);
        }
    }

    public int port() {
        return server.getPort();
    }

    /** The PEM file of the server's self-signed certificate (HTTPS only): what the pod's ca.crt would hold. */
    public Path certificate() {
        return Path.of(web.getSelfSignedCertificate().certificatePath());
    }

    /** A client with the mock's own (trusting) configuration, for seeding and reading back. */
    public KubernetesClient client() {
        return server.createClient();
    }

    /** The Authorization header of every request so far ("null" when there was none). */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    /** "METHOD path Accept: header" of every request so far. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** Creates a CRD from a test resource (its storage version is then served by discovery, as on a real server). */
    public void createCrd(KubernetesClient client, String resource) {
        createCrd(client, resource, null);
    }

    /**
     * Creates a CRD from a test resource with only {@code version}: the mock serves one version per CRD in
     * discovery (the newest), kube-apiserver every served one.
     */
    public void createCrd(KubernetesClient client, String resource, String version) {
        try (InputStream in = ApplyingCrudServer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            CustomResourceDefinition crd = client.getKubernetesSerialization().unmarshal(in,
                    CustomResourceDefinition.class);
            if (version != null) {
                crd.getSpec().setVersions(crd.getSpec().getVersions().stream()
                        .filter(v -> v.getName().equals(version)).peek(v -> v.setStorage(true)).toList());
            }
            client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.destroy();
    }
}
