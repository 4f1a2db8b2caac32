package dev.kustodian.core.cluster;

import dev.kustodian.core.output.SafeFiles;
import dev.kustodian.core.util.Progress;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.util.UserFacingException;
import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.APIVersionsBuilder;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscoveryBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.authentication.SelfSubjectReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/**
 * The embedded demo cluster: fabric8's {@link KubernetesMockServer} in CRUD mode (with a few expectations for what
 * CRUD mode does not answer: SelfSubjectReview, SelfSubjectAccessReview, API discovery) on loopback, seeded from
 * the classpath folder {@code /kustodian/demo/} (top-level {@code resources/demo/}), plus a generated kubeconfig
 * (0600 temp file) so the app connects with exactly the client code used for a real cluster. Started once per
 * process. All data is demo data.
 */
public final class DemoCluster {

    public static final String CONTEXT = "kustodian-demo";
    public static final String USER = "kubernetes-admin";
    static final List<String> GROUPS = DemoFiles.GROUPS;
    static final String VERSION = "v1.31.4";

    private static DemoCluster instance;

    /** The seeded creationTimestamp, which the mock server would otherwise replace by the start time. */
    static final String CREATED_ANNOTATION = DemoFiles.CREATED_ANNOTATION;

    /** What only the API server needs, made when it starts (not when the demo's files are read). */
    private static final class ServerSide {
        /** Strong references: java.util.logging forgets the level of a logger nobody holds. */
        static final List<java.util.logging.Logger> QUIET = List.of(
                java.util.logging.Logger.getLogger("io.fabric8.mockwebserver"),
                java.util.logging.Logger.getLogger(MockWebServer.class.getName()));
        static final io.fabric8.kubernetes.client.utils.KubernetesSerialization SERIALIZATION =
                new io.fabric8.kubernetes.client.utils.KubernetesSerialization();
    }

    private final KubernetesMockServer server;
    private final Path kubeconfig;
    private final String url;

    private DemoCluster(KubernetesMockServer server, Path kubeconfig, String url) {
        this.server = server;
        this.kubeconfig = kubeconfig;
        this.url = url;
    }

    /** Starts the demo cluster the first time; later calls return the running one. */
    public static synchronized DemoCluster start() {
        if (instance == null) {
            instance = create();
            Path kubeconfig = instance.kubeconfig; // stop() may have cleared instance before the JVM exits
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Files.deleteIfExists(kubeconfig);
                } catch (IOException ignored) {
                    // best effort
                }
            }, "kustodian-demo-cleanup"));
        }
        return instance;
    }

    /** Starts the demo cluster on a background thread (once), so that what needs its API later does not wait. */
    public static void startInBackground() {
        Thread t = new Thread(() -> {
            try {
                start();
            } catch (RuntimeException e) {
                // reported to whoever needs the API: start() fails again there with the same message
            }
        }, "kustodian-demo-start");
        t.setDaemon(true);
        t.start();
    }

    static synchronized boolean running() {
        return instance != null;
    }

    /**
     * Opens the demo cluster. While its API server is not running, the snapshot is read straight from the demo
     * files through the same {@link ModelConverter} as a live load (the same objects, identity, discovery and
     * version the API server would serve), in a fraction of the time; the session's client starts the API server
     * on first use (reveal, apply...). Once the API server runs (the demo may have been changed through it), the
     * demo is loaded through it, like a live cluster.
     */
    public static ClusterSession open(Progress progress, Cancellation cancel) {
        if (running()) {
            return LiveLoader.openDemo(progress, cancel);
        }
        ClusterSnapshot snapshot;
        try {
            snapshot = DemoFiles.snapshot(progress, cancel);
        } catch (IOException e) {
            throw new UserFacingException(UserFacingException.Category.FAILED, "The embedded demo cluster could not "
                    + "be read: " + KubeconfigContexts.safeReason(e) + ". This is a bug; please report it.", false, e);
        }
        return new ClusterSession(SourceSpec.demo(), snapshot, LazyClient.create(), CONTEXT);
    }

    /**
     * The demo session's client: the API server starts (and the client connects) on the first call, not before;
     * closing a client that was never used starts nothing.
     */
    private static final class LazyClient implements java.lang.reflect.InvocationHandler {
        private KubernetesClient client;

        static KubernetesClient create() {
            return (KubernetesClient) java.lang.reflect.Proxy.newProxyInstance(KubernetesClient.class.getClassLoader(),
                    new Class<?>[]{KubernetesClient.class}, new LazyClient());
        }

        @Override
        public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return "client of the Kustodian demo cluster";
                default:
                    break;
            }
            KubernetesClient c;
            synchronized (this) {
                if (client == null) {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    DemoCluster demo = start();
                    SourceSpec spec = SourceSpec.live(demo.kubeconfig(), CONTEXT);
                    client = new io.fabric8.kubernetes.client.KubernetesClientBuilder().withConfig(LiveLoader.clientConfig(
                            KubeconfigContexts.resolve(spec.kubeconfig()), spec, LiveLoader.Options.DEFAULTS)).build();
                }
                c = client;
            }
            try {
                return method.invoke(c, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    /** The generated kubeconfig (temp file, 0600) pointing at the demo cluster. */
    public Path kubeconfig() {
        return kubeconfig;
    }

    /** The API server URL, e.g. http://127.0.0.1:41234. */
    public String url() {
        return url;
    }

    /** Writes a kubeconfig for the demo cluster to {@code target} (0600); refuses to overwrite unless {@code force}. */
    public void writeKubeconfig(Path target, boolean force) throws IOException {
        SafeFiles.writePrivate(target, kubeconfigText(url).getBytes(StandardCharsets.UTF_8), force);
    }

    private static DemoCluster create() {
        // the mock server logs every request at INFO through java.util.logging: keep the console for the app
        ServerSide.QUIET.forEach(l -> l.setLevel(java.util.logging.Level.WARNING));
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        VersionInfo version = new VersionInfo.Builder().withMajor("1").withMinor("31").withGitVersion(VERSION)
                .withGitCommit("a78aa47129b8539636eb86a9d00e31b2720fe06b").withGitTreeState("clean")
                .withGoVersion("go1.22.10").withCompiler("gc").withPlatform("linux/amd64").build();
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), responses,
                new TimestampKeepingDispatcher(responses), false, version);
        try {
            server.init(InetAddress.getLoopbackAddress(), 0);
            expectations(server);
            String url = "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + server.getPort();
            try (KubernetesClient client = server.createClient()) {
                seed(client);
            }
            Path kc = Files.createTempFile("kustodian-demo-", ".kubeconfig",
                    java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            SafeFiles.writeAtomically(kc, kubeconfigText(url).getBytes(StandardCharsets.UTF_8), true);
            return new DemoCluster(server, kc, url);
        } catch (IOException | RuntimeException e) {
            server.destroy();
            throw new UserFacingException(UserFacingException.Category.FAILED,
                    "The embedded demo cluster could not start: " + KubeconfigContexts.safeReason(e)
                            + ". This is a bug; please report it.", false, e);
        }
    }

    static String kubeconfigText(String url) {
        return "# Kubeconfig of the Kustodian embedded demo cluster (demo data only; the token is not a secret).\n"
                + "apiVersion: v1\nkind: Config\n"
                + "clusters:\n- name: kustodian-demo\n  cluster:\n    server: " + url + "\n"
                + "users:\n- name: " + USER + "\n  user:\n    token: kustodian-demo-token-not-a-secret\n"
                + "contexts:\n- name: " + CONTEXT + "\n  context:\n    cluster: kustodian-demo\n    user: " + USER
                + "\n    namespace: default\n"
                + "current-context: " + CONTEXT + "\n";
    }


    /** The demo's API discovery: group/version ("v1" for core) to its resources, in the order discovery lists them. */
    private static Map<String, List<APIResource>> api() {
        Map<String, List<APIResource>> groups = new java.util.LinkedHashMap<>();
        for (dev.kustodian.core.model.ApiResourceInfo r : DemoFiles.API) {
            groups.computeIfAbsent(r.group().isEmpty() ? r.version() : r.group() + "/" + r.version(),
                    k -> new ArrayList<>()).add(new APIResourceBuilder().withName(r.resource()).withKind(r.kind())
                    .withNamespaced(r.namespaced()).withSingularName("").withVerbs(r.verbs()).build());
        }
        return groups;
    }

    /** What CRUD mode does not answer by itself. */
    private static void expectations(KubernetesMockServer server) {
        server.expect().post().withPath("/apis/authentication.k8s.io/v1/selfsubjectreviews")
                .andReturn(201, new SelfSubjectReviewBuilder().withNewStatus().withNewUserInfo().withUsername(USER)
                        .withGroups(GROUPS)
                        .endUserInfo().endStatus().build()).always();
        server.expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews")
                .andReturn(201, new SelfSubjectAccessReviewBuilder().withNewStatus().withAllowed(true)
                        .withReason("demo user is in system:masters").endStatus().build()).always();
        discovery(server, "/api", new APIVersionsBuilder().withVersions("v1").build());
        Map<String, List<APIResource>> groups = api();
        discovery(server, "/api/v1", new APIResourceListBuilder().withGroupVersion("v1")
                .withResources(groups.remove("v1")).build());
        var groupList = new APIGroupListBuilder();
        for (var e : groups.entrySet()) {
            String gv = e.getKey();
            String g = gv.substring(0, gv.indexOf('/'));
            String v = gv.substring(gv.indexOf('/') + 1);
            var gvd = new GroupVersionForDiscoveryBuilder().withGroupVersion(gv).withVersion(v).build();
            groupList.addToGroups(new APIGroupBuilder().withName(g).withVersions(gvd).withPreferredVersion(gvd).build());
            discovery(server, "/apis/" + gv,
                    new APIResourceListBuilder().withGroupVersion(gv).withResources(e.getValue()).build());
        }
        discovery(server, "/apis", groupList.build());
    }

    /** A discovery document, also for kubectl, which asks with {@code ?timeout=32s}. */
    private static void discovery(KubernetesMockServer server, String path, Object body) {
        for (String p : List.of(path, path + "?timeout=32s")) {
            server.expect().get().withPath(p).andReturn(200, body).always();
        }
    }

    /** Creates every object of the demo files, in index order (CRDs before their custom objects). */
    private static void seed(KubernetesClient client) throws IOException {
        List<List<HasMetadata>> phases = objects();
        // create everything before the first CRD, the CRDs, the rest (custom objects need their CRD first);
        // creates run on a few threads: the seed is ~300 objects
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            for (List<HasMetadata> phase : phases) {
                List<java.util.concurrent.Future<?>> created = new ArrayList<>();
                for (HasMetadata item : phase) {
                    created.add(pool.submit(() -> client.resource(item).create()));
                }
                for (java.util.concurrent.Future<?> c : created) {
                    c.get();
                }
            }
            fixOwnerUids(client, phases.get(0));
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("seeding the demo cluster failed: " + KubeconfigContexts.safeReason(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("seeding the demo cluster was interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The objects of the demo files (index order), as the demo cluster holds them: creation time kept in
     * {@link #CREATED_ANNOTATION}, CRDs without schemas, the expiring certificate reissued. Three groups: built-in
     * objects, CRDs, custom objects. Fresh objects on every call (the caller may change them).
     */
    static List<List<HasMetadata>> objects() throws IOException {
        List<List<HasMetadata>> phases = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (String f : DemoFiles.files()) {
            for (HasMetadata item : parse(f)) {
                String created = item.getMetadata().getCreationTimestamp();
                if (created != null && !created.isBlank()) {
                    if (item.getMetadata().getAnnotations() == null) {
                        item.getMetadata().setAnnotations(new java.util.LinkedHashMap<>());
                    }
                    item.getMetadata().getAnnotations().put(CREATED_ANNOTATION, created);
                }
                if (item instanceof CustomResourceDefinition crd) {
                    stripSchemas(crd);
                    phases.get(1).add(item);
                } else if (item.getApiVersion() != null && item.getApiVersion().contains(".")
                        && !item.getApiVersion().contains("k8s.io")) {
                    phases.get(2).add(item);
                } else {
                    if (item instanceof Secret sec && DemoFiles.EXPIRING_SECRET.equals(sec.getMetadata().getName())
                            && sec.getData() != null) {
                        DemoFiles.expiringSoon().ifPresent(sec.getData()::putAll);
                    }
                    phases.get(0).add(item);
                }
            }
        }
        return phases;
    }

    static List<HasMetadata> parse(String file) throws IOException {
        try (InputStream in = DemoFiles.resource(DemoFiles.BASE + file)) {
            Object o = ServerSide.SERIALIZATION.unmarshal(in);
            List<HasMetadata> out = new ArrayList<>();
            for (Object item : o instanceof List<?> l ? l : List.of(o)) {
                if (item instanceof io.fabric8.kubernetes.api.model.KubernetesResourceList<?> list) {
                    out.addAll(list.getItems());
                } else if (item instanceof HasMetadata h) {
                    out.add(h);
                }
            }
            return out;
        } catch (RuntimeException e) {
            throw new IOException("demo data " + file + " could not be read: " + KubeconfigContexts.safeReason(e), e);
        }
    }

    /**
     * The mock server assigns uids on create: point owner references of seeded secrets (the ESO-owned one) at the
     * owner's real uid, as a controller would have.
     */
    private static void fixOwnerUids(KubernetesClient client, List<HasMetadata> items) {
        for (HasMetadata item : items) {
            if (!(item instanceof Secret sec) || sec.getMetadata().getOwnerReferences() == null
                    || sec.getMetadata().getOwnerReferences().isEmpty()) {
                continue;
            }
            var refs = sec.getMetadata().getOwnerReferences();
            boolean changed = false;
            for (var ref : refs) {
                String ns = sec.getMetadata().getNamespace();
                var owner = client.genericKubernetesResources(ref.getApiVersion(), ref.getKind()).inNamespace(ns)
                        .withName(ref.getName()).get();
                if (owner != null && owner.getMetadata().getUid() != null) {
                    ref.setUid(owner.getMetadata().getUid());
                    changed = true;
                }
            }
            if (changed) {
                client.secrets().inNamespace(sec.getMetadata().getNamespace()).withName(sec.getMetadata().getName())
                        .edit(x -> {
                            x.getMetadata().setOwnerReferences(refs);
                            return x;
                        });
            }
        }
    }

    /**
     * The demo serves CRDs without their (large) openAPIV3Schema: the mock server does not validate, the snapshot
     * keeps no schema, and the ~1.5 MB of ESO schemas would make every start slower. The files keep them.
     */
    private static void stripSchemas(CustomResourceDefinition crd) {
        if (crd.getSpec() != null && crd.getSpec().getVersions() != null) {
            crd.getSpec().getVersions().forEach(v -> v.setSchema(null));
        }
    }

    /**
     * CRUD mode stamps every object with the time it was created in the mock server; the demo needs the ages it
     * was written with (a secret unchanged for months, namespaces from last year). GET responses carrying the
     * {@link #CREATED_ANNOTATION} get it back as {@code metadata.creationTimestamp}.
     */
    static final class TimestampKeepingDispatcher extends KubernetesMixedDispatcher {
        private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

        TimestampKeepingDispatcher(Map<ServerRequest, Queue<ServerResponse>> responses) {
            super(responses);
        }

        @Override
        public io.fabric8.mockwebserver.http.MockResponse dispatch(io.fabric8.mockwebserver.http.RecordedRequest request) {
            io.fabric8.mockwebserver.http.MockResponse response = super.dispatch(request);
            if (!"GET".equalsIgnoreCase(request.getMethod()) || response == null || response.getBody() == null
                    || response.code() != 200) {
                return response;
            }
            byte[] body = response.getBody().getBytes();
            String text = new String(body, StandardCharsets.UTF_8);
            if (!text.contains(CREATED_ANNOTATION)) {
                return response;
            }
            try {
                tools.jackson.databind.JsonNode tree = JSON.readTree(text);
                restore(tree);
                response.setBody(JSON.writeValueAsString(tree));
            } catch (RuntimeException e) {
                // leave the response as the mock server made it
            }
            return response;
        }

        private static void restore(tools.jackson.databind.JsonNode node) {
            if (node instanceof tools.jackson.databind.node.ObjectNode o) {
                tools.jackson.databind.JsonNode meta = o.get("metadata");
                if (meta instanceof tools.jackson.databind.node.ObjectNode m && m.get("annotations") != null
                        && m.get("annotations").get(CREATED_ANNOTATION) != null) {
                    m.put("creationTimestamp", m.get("annotations").get(CREATED_ANNOTATION).asText());
                }
                tools.jackson.databind.JsonNode items = o.get("items");
                if (items != null && items.isArray()) {
                    for (tools.jackson.databind.JsonNode item : items) {
                        restore(item);
                    }
                }
            }
        }
    }

    /** Stops the server (tests and the {@code demo} command on exit). */
    public static synchronized void stop() {
        if (instance != null) {
            instance.server.destroy();
            try {
                Files.deleteIfExists(instance.kubeconfig);
            } catch (IOException ignored) {
                // best effort
            }
            instance = null;
        }
    }
}
