package dev.kustodian.core.cluster;

import dev.kustodian.core.model.ApiResourceInfo;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.SourceInfo;
import dev.kustodian.core.model.VisibilityGap;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.Progress;
import dev.kustodian.core.util.UserFacingException;
import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.authentication.SelfSubjectReview;
import io.fabric8.kubernetes.api.model.authentication.UserInfo;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

import javax.net.ssl.SSLException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loads a live cluster through the kubeconfig (fabric8), and the embedded demo cluster through the same code.
 * <p>
 * Connects (server version within a deadline, identity via SelfSubjectReview), discovers API resources and CRDs,
 * then lists every kind the model keeps on a small fixed pool, paginated ({@code limit}/{@code continue}); each
 * item of each page goes straight to the {@link ModelConverter} and the page is dropped. A kind that cannot be
 * listed (403, or 429/5xx/timeouts after a few retries) becomes a {@link VisibilityGap}; the rest still loads.
 */
public final class LiveLoader {

    /** Tunables; {@link #DEFAULTS} for real use, tests shorten the timeouts. */
    public record Options(int connectDeadlineMillis, int requestTimeoutMillis, int pageSize, int retries,
                          long backoffMillis, int threads) {
        public static final Options DEFAULTS = new Options(10_000, 30_000, 500, 3, 300, 4);
    }

    /** Custom resources the analyses read, when their CRD is installed. */
    static final Map<String, Set<String>> INTERESTING_CUSTOM = Map.of(
            "external-secrets.io", Set.of("ExternalSecret", "SecretStore", "ClusterSecretStore",
                    "ClusterExternalSecret", "PushSecret"),
            "bitnami.com", Set.of("SealedSecret"),
            "secrets-store.csi.x-k8s.io", Set.of("SecretProviderClass"),
            "cert-manager.io", Set.of("Certificate"),
            // the kinds the store inventory reads (not "*": the scanner's ClusterRole lists exactly these)
            "secrets.akeyless.io", Set.of("AkeylessSecretStore", "ClusterAkeylessSecretStore", "AkeylessSecret"));

    /** An API resource a load lists: the RBAC a scanner needs is get/list on exactly these. */
    public record ReadResource(String group, String resource) {
    }

    /**
     * Every resource a load lists: the built-in kinds, then the custom resources of {@link #INTERESTING_CUSTOM} (their
     * plural guessed the way Kubernetes guesses it from the kind; every resource of a group read whole).
     */
    public static List<ReadResource> readResources() {
        List<ReadResource> out = new ArrayList<>();
        KINDS.forEach(k -> out.add(new ReadResource(k.group(), k.resource())));
        new java.util.TreeMap<>(INTERESTING_CUSTOM).forEach((group, kinds) -> new java.util.TreeSet<>(kinds)
                .forEach(kind -> out.add(new ReadResource(group, kind.equals("*") ? "*" : plural(kind)))));
        return List.copyOf(out);
    }

    /** The resource of a kind as Kubernetes guesses it: lower case, "s" (or "es" after s/x/ch, "ies" for a y). */
    static String plural(String kind) {
        String k = kind.toLowerCase(java.util.Locale.ROOT);
        if (k.endsWith("s") || k.endsWith("x") || k.endsWith("ch") || k.endsWith("sh")) {
            return k + "es";
        }
        if (k.endsWith("y") && k.length() > 1 && "aeiou".indexOf(k.charAt(k.length() - 2)) < 0) {
            return k.substring(0, k.length() - 1) + "ies";
        }
        return k + "s";
    }

    /** Lists one page of a kind: in every namespace ({@code namespace} null), or in one namespace. */
    @FunctionalInterface
    interface Lister {
        KubernetesResourceList<? extends HasMetadata> list(KubernetesClient c, String namespace, ListOptions o);
    }

    /** A kind to list: group ("" core), plural resource, scope. */
    record KindSpec(String kind, String group, String resource, boolean namespaced, Lister lister) {
    }

    /** A namespaced built-in kind: all namespaces, or one. */
    private static <T extends HasMetadata, L extends KubernetesResourceList<T>> Lister namespaced(
            java.util.function.Function<KubernetesClient, MixedOperation<T, L, ? extends Resource<T>>> op) {
        return (c, ns, o) -> ns == null ? op.apply(c).inAnyNamespace().list(o) : op.apply(c).inNamespace(ns).list(o);
    }

    static final List<KindSpec> KINDS = List.of(
            new KindSpec("Namespace", "", "namespaces", false, (c, ns, o) -> c.namespaces().list(o)),
            new KindSpec("Node", "", "nodes", false, (c, ns, o) -> c.nodes().list(o)),
            new KindSpec("CustomResourceDefinition", "apiextensions.k8s.io", "customresourcedefinitions", false,
                    (c, ns, o) -> c.apiextensions().v1().customResourceDefinitions().list(o)),
            new KindSpec("Secret", "", "secrets", true, namespaced(KubernetesClient::secrets)),
            new KindSpec("ConfigMap", "", "configmaps", true, namespaced(KubernetesClient::configMaps)),
            new KindSpec("Pod", "", "pods", true, namespaced(KubernetesClient::pods)),
            new KindSpec("ServiceAccount", "", "serviceaccounts", true, namespaced(KubernetesClient::serviceAccounts)),
            new KindSpec("Deployment", "apps", "deployments", true, namespaced(c -> c.apps().deployments())),
            new KindSpec("StatefulSet", "apps", "statefulsets", true, namespaced(c -> c.apps().statefulSets())),
            new KindSpec("DaemonSet", "apps", "daemonsets", true, namespaced(c -> c.apps().daemonSets())),
            new KindSpec("ReplicaSet", "apps", "replicasets", true, namespaced(c -> c.apps().replicaSets())),
            new KindSpec("Job", "batch", "jobs", true, namespaced(c -> c.batch().v1().jobs())),
            new KindSpec("CronJob", "batch", "cronjobs", true, namespaced(c -> c.batch().v1().cronjobs())),
            new KindSpec("Role", "rbac.authorization.k8s.io", "roles", true, namespaced(c -> c.rbac().roles())),
            new KindSpec("ClusterRole", "rbac.authorization.k8s.io", "clusterroles", false,
                    (c, ns, o) -> c.rbac().clusterRoles().list(o)),
            new KindSpec("RoleBinding", "rbac.authorization.k8s.io", "rolebindings", true,
                    namespaced(c -> c.rbac().roleBindings())),
            new KindSpec("ClusterRoleBinding", "rbac.authorization.k8s.io", "clusterrolebindings", false,
                    (c, ns, o) -> c.rbac().clusterRoleBindings().list(o)));

    private LiveLoader() {
    }

    public static ClusterSession open(SourceSpec spec, Progress progress, Cancellation cancel) {
        return open(spec, Options.DEFAULTS, progress, cancel);
    }

    public static ClusterSession open(SourceSpec spec, Options options, Progress progress, Cancellation cancel) {
        return open(spec, SourceInfo.Kind.LIVE, options, progress, cancel);
    }

    /** Starts the embedded demo cluster (once per process) and loads it through its generated kubeconfig. */
    public static ClusterSession openDemo(Progress progress, Cancellation cancel) {
        progress.update(-1, "Starting the demo cluster");
        DemoCluster demo = DemoCluster.start();
        ClusterSession s = open(SourceSpec.live(demo.kubeconfig(), DemoCluster.CONTEXT), SourceInfo.Kind.DEMO,
                Options.DEFAULTS, progress, cancel);
        return new ClusterSession(SourceSpec.demo(), s.snapshot(), s.fabric8Client().orElse(null), s.contextName());
    }

    static ClusterSession open(SourceSpec spec, SourceInfo.Kind kind, Options requested, Progress progress,
                               Cancellation cancel) {
        Options options = spec.deadlines().apply(requested);
        cancel.check();
        progress.update(-1, "Reading the kubeconfig");
        KubeconfigContexts.Resolved resolved = KubeconfigContexts.resolve(spec.kubeconfig());
        Config config = clientConfig(resolved, spec, options);
        String contextName = spec.context() != null ? spec.context() : resolved.currentContext();
        return open(spec, config, contextName, resolved.find(contextName), kind, options, progress, cancel);
    }

    /**
     * Loads through a client configuration made elsewhere (the pod's in-cluster configuration); {@code entry} is the
     * kubeconfig entry when there is one (null: no exec plugin or kubeconfig user to name in errors).
     */
    static ClusterSession open(SourceSpec spec, Config config, String contextName,
                               KubeconfigContexts.ContextEntry entry, SourceInfo.Kind kind, Options requested,
                               Progress progress, Cancellation cancel) {
        Options options = spec.deadlines().apply(requested);
        if (spec.kind() == SourceSpec.Kind.IN_CLUSTER) {
            config.setConnectionTimeout(Math.min(options.connectDeadlineMillis(), 10_000));
            config.setRequestTimeout(options.requestTimeoutMillis());
            config.setRequestRetryBackoffLimit(0);
        }
        KubernetesClient client;
        try {
            client = new KubernetesClientBuilder().withConfig(config).build();
        } catch (RuntimeException e) {
            throw UserFacingException.badInput("Could not create a client for context \"" + contextName + "\": "
                    + KubeconfigContexts.safeReason(e) + ". Check the kubeconfig's cluster and user entries.");
        }
        boolean ok = false;
        try {
            ClusterSnapshot snapshot = new Run(client, config, contextName, entry, kind, options, progress, cancel,
                    spec.secrets() == dev.kustodian.core.model.SecretsMode.METADATA).load();
            ok = true;
            return new ClusterSession(spec, snapshot, client, contextName);
        } finally {
            if (!ok) {
                client.close();
            }
        }
    }

    /** The client configuration of a kubeconfig context with the load's timeouts (retries are the loader's own). */
    static Config clientConfig(KubeconfigContexts.Resolved resolved, SourceSpec spec, Options options) {
        Config config = KubeconfigContexts.config(resolved, spec.kubeconfig(), spec.context(), spec.deadlines().exec());
        config.setConnectionTimeout(Math.min(options.connectDeadlineMillis(), 10_000));
        config.setRequestTimeout(options.requestTimeoutMillis());
        config.setRequestRetryBackoffLimit(0); // our own retry: per page, with backoff, then a gap
        return config;
    }

    /** One load: state shared by the worker threads. */
    private static final class Run {
        final KubernetesClient client;
        final Config config;
        final String contextName;
        final KubeconfigContexts.ContextEntry entry;
        /** The server URL as shown: without user information or query string. */
        final String server;
        final SourceInfo.Kind kind;
        final Options options;
        final Progress progress;
        final Cancellation cancel;
        final ModelConverter converter = new ModelConverter();
        final ClusterSnapshot.Builder builder;
        final AtomicLong items = new AtomicLong();
        final AtomicInteger kindsDone = new AtomicInteger();
        volatile int kindsTotal = KINDS.size() + 1;
        volatile boolean accessReviewWorks = true;
        final List<CustomResourceDefinition> interestingCrds = new ArrayList<>();
        /** --secrets metadata: secrets are listed as PartialObjectMetadata (no value is sent). */
        final boolean metadataSecrets;

        Run(KubernetesClient client, Config config, String contextName, KubeconfigContexts.ContextEntry entry,
            SourceInfo.Kind kind, Options options, Progress progress, Cancellation cancel, boolean metadataSecrets) {
            this.metadataSecrets = metadataSecrets;
            this.client = client;
            this.config = config;
            this.contextName = contextName;
            this.entry = entry;
            this.server = dev.kustodian.core.util.Urls.redact(config.getMasterUrl());
            this.kind = kind;
            this.options = options;
            this.progress = progress;
            this.cancel = cancel;
            this.builder = ClusterSnapshot.builder(new SourceInfo(kind, contextName, server, "",
                    Instant.now(), null));
        }

        ClusterSnapshot load() {
            progress.update(-1, "Connecting to " + server);
            String version = connect();
            cancel.check();
            SourceInfo.Identity identity = identity();
            builder.source(new SourceInfo(kind, contextName, server, version, Instant.now(), identity));
            ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
                Thread t = new Thread(r, "kustodian-load");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> futures = new ArrayList<>();
                futures.add(pool.submit(this::discover));
                Future<?> crdFuture = null;
                for (KindSpec k : KINDS) {
                    Future<?> f = pool.submit(() -> listKind(k));
                    futures.add(f);
                    if (k.kind().equals("CustomResourceDefinition")) {
                        crdFuture = f;
                    }
                }
                await(crdFuture);
                List<KindSpec> custom = customKinds();
                kindsTotal += custom.size();
                for (KindSpec k : custom) {
                    futures.add(pool.submit(() -> listKind(k)));
                }
                for (Future<?> f : futures) {
                    await(f);
                }
                checkLooksLikeKubernetes();
            } finally {
                pool.shutdownNow();
                requests.shutdownNow();
            }
            cancel.check();
            progress.update(1, "Loaded " + items.get() + " objects from " + contextName);
            return builder.build();
        }

        private void await(Future<?> f) {
            while (true) {
                if (cancel.isCancelled()) {
                    f.cancel(true);
                    cancel.check();
                }
                try {
                    f.get(100, TimeUnit.MILLISECONDS);
                    return;
                } catch (TimeoutException e) {
                    // poll cancellation again
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new UserFacingException(UserFacingException.Category.CANCELLED, "Loading was interrupted.");
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof UserFacingException u) {
                        throw u;
                    }
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        }

        /** Server version within the deadline, or a clear error (unreachable, TLS, 401...). */
        String connect() {
            ExecutorService one = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "kustodian-connect");
                t.setDaemon(true);
                return t;
            });
            try {
                Future<VersionInfo> f = one.submit(client::getKubernetesVersion);
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(options.connectDeadlineMillis());
                while (true) {
                    if (cancel.isCancelled()) {
                        f.cancel(true);
                        cancel.check();
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        f.cancel(true);
                        throw unreachable("did not answer within " + within(options.connectDeadlineMillis()),
                                null);
                    }
                    try {
                        VersionInfo v = f.get(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)), TimeUnit.NANOSECONDS);
                        return v == null || v.getGitVersion() == null ? "" : v.getGitVersion();
                    } catch (TimeoutException e) {
                        // poll again
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new UserFacingException(UserFacingException.Category.CANCELLED, "Connecting was interrupted.");
                    } catch (ExecutionException e) {
                        UserFacingException failure = connectFailure(e.getCause());
                        if (failure == null) {
                            return "";
                        }
                        throw failure;
                    }
                }
            } finally {
                one.shutdownNow();
            }
        }

        private UserFacingException unreachable(String why, Throwable cause) {
            return new UserFacingException(UserFacingException.Category.CLUSTER_UNREACHABLE,
                    "The API server " + server + " of context \"" + contextName + "\" " + why
                            + ". Check that the cluster is running and reachable (VPN, proxy, firewall), then retry.",
                    true, cause);
        }

        private UserFacingException connectFailure(Throwable e) {
            int code = e instanceof KubernetesClientException k ? k.getCode() : 0;
            String exec = entry != null && entry.execCommand() != null ? entry.execCommand() : null;
            if (code == 401) {
                return new UserFacingException(UserFacingException.Category.CLUSTER_UNREACHABLE,
                        "The API server " + server + " rejected the credentials of user \""
                                + (entry == null ? "?" : entry.user()) + "\" (context \"" + contextName
                                + "\"): 401 Unauthorized. They are wrong or expired"
                                + (exec != null ? "; check that the credential plugin \"" + exec + "\" works and you are logged in"
                                : "; log in again or refresh the token in the kubeconfig") + ".", false, null);
            }
            if (code == 403) {
                // /version forbidden: odd but possible; carry on without a version
                return null;
            }
            if (code > 0) {
                return new UserFacingException(UserFacingException.Category.CLUSTER_UNREACHABLE,
                        "The API server " + server + " of context \"" + contextName + "\" answered "
                                + code + " when asked for its version. Check that the server URL points at a Kubernetes API server.",
                        true, null);
            }
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SSLException || t instanceof CertificateException) {
                    return new UserFacingException(UserFacingException.Category.CLUSTER_UNREACHABLE,
                            "The TLS connection to " + server + " (context \"" + contextName
                                    + "\") failed: " + KubeconfigContexts.safeReason(t)
                                    + ". Check certificate-authority(-data) of the cluster in the kubeconfig, or the server URL.",
                            false, null);
                }
                if (t instanceof UnknownHostException) {
                    return unreachable("has a host name that does not resolve", null);
                }
                if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                    return unreachable("refused the connection or could not be reached", null);
                }
                if (t instanceof InterruptedIOException || t instanceof TimeoutException) {
                    // the client's own timeout (the same deadline) may fire before the poll above sees it pass
                    return unreachable("did not answer within " + within(options.connectDeadlineMillis()), null);
                }
                String m = t.getMessage() == null ? "" : t.getMessage();
                if (exec != null && (m.contains("exec") || m.contains(exec))) {
                    return new UserFacingException(UserFacingException.Category.CLUSTER_UNREACHABLE,
                            "The credential plugin \"" + exec + "\" of user \"" + entry.user() + "\" failed: "
                                    + KubeconfigContexts.safeReason(t) + ". Run it by hand to see why.", false, null);
                }
            }
            return unreachable("could not be reached (" + KubeconfigContexts.safeReason(e) + ")", null);
        }

        /** SelfSubjectReview v1, then v1beta1; else the kubeconfig user as a guess. */
        SourceInfo.Identity identity() {
            try {
                SelfSubjectReview r = timed(() -> client.authentication().v1().selfSubjectReviews().create(new SelfSubjectReview()));
                UserInfo u = r == null || r.getStatus() == null ? null : r.getStatus().getUserInfo();
                if (u != null && u.getUsername() != null) {
                    return new SourceInfo.Identity(u.getUsername(), u.getGroups(), "SelfSubjectReview v1");
                }
            } catch (RuntimeException e) {
                // older server or forbidden: try v1beta1
            }
            try {
                var generic = new io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder()
                        .withApiVersion("authentication.k8s.io/v1beta1").withKind("SelfSubjectReview")
                        .withNewMetadata().endMetadata().build();
                var r = timed(() -> client.genericKubernetesResources(new ResourceDefinitionContext.Builder()
                                .withGroup("authentication.k8s.io").withVersion("v1beta1").withKind("SelfSubjectReview")
                                .withPlural("selfsubjectreviews").withNamespaced(false).build())
                        .resource(generic).create());
                Object status = r == null ? null : r.getAdditionalProperties().get("status");
                if (status instanceof Map<?, ?> sm && sm.get("userInfo") instanceof Map<?, ?> ui
                        && ui.get("username") instanceof String name) {
                    List<String> groups = ui.get("groups") instanceof List<?> gl
                            ? gl.stream().map(String::valueOf).toList() : List.of();
                    return new SourceInfo.Identity(name, groups, "SelfSubjectReview v1beta1");
                }
            } catch (RuntimeException e) {
                // fall through
            }
            String user = entry == null || entry.user().isEmpty() ? "unknown" : entry.user();
            return new SourceInfo.Identity(user, List.of(), "kubeconfig user (the server did not say)");
        }

        /** API discovery (incl. subresources); failures become a note. */
        void discover() {
            List<ApiResourceInfo> found = new ArrayList<>();
            try {
                if (!addResources(found, "", "v1")) {
                    note("API discovery returned nothing for the core group; API versions are taken from the CRDs only.");
                }
                var groups = timed(client::getApiGroups);
                if (groups != null && groups.getGroups() != null) {
                    for (APIGroup g : groups.getGroups()) {
                        cancel.check();
                        if (g.getPreferredVersion() == null) {
                            continue;
                        }
                        try {
                            addResources(found, g.getName(), g.getPreferredVersion().getVersion());
                        } catch (KubernetesClientException e) {
                            note("API discovery of " + g.getName() + " failed (" + e.getCode() + ").");
                        }
                    }
                }
            } catch (KubernetesClientException e) {
                note("API discovery was not possible (" + (e.getCode() > 0 ? "HTTP " + e.getCode()
                        : KubeconfigContexts.safeReason(e)) + "); API versions are taken from the CRDs only.");
            } catch (RequestDeadline e) {
                note("API discovery got no answer within " + within(options.requestTimeoutMillis())
                        + "; API versions are taken from the CRDs only.");
            } catch (UserFacingException e) {
                throw e;
            } catch (RuntimeException e) {
                note("API discovery answers could not be read; API versions are taken from the CRDs only.");
            }
            synchronized (builder) {
                builder.apiResources.addAll(found);
            }
            kindDone("API discovery");
        }

        private boolean addResources(List<ApiResourceInfo> out, String group, String version) {
            APIResourceList list = timed(() -> client.getApiResources(group.isEmpty() ? version : group + "/" + version));
            if (list == null || list.getResources() == null) {
                return false;
            }
            for (APIResource r : list.getResources()) {
                out.add(new ApiResourceInfo(group, version, r.getName(), r.getKind(),
                        Boolean.TRUE.equals(r.getNamespaced()), r.getVerbs()));
            }
            return true;
        }

        /** The CRDs Kustodian reads objects of, at their storage (or first served) version. */
        List<KindSpec> customKinds() {
            List<KindSpec> out = new ArrayList<>();
            List<CustomResourceDefinition> crds;
            synchronized (interestingCrds) {
                crds = List.copyOf(interestingCrds);
            }
            for (CustomResourceDefinition crd : crds) {
                var spec = crd.getSpec();
                String version = null;
                for (CustomResourceDefinitionVersion v : spec.getVersions()) {
                    if (Boolean.TRUE.equals(v.getServed()) && (version == null || Boolean.TRUE.equals(v.getStorage()))) {
                        version = v.getName();
                    }
                }
                if (version == null) {
                    continue;
                }
                boolean namespaced = "Namespaced".equals(spec.getScope());
                ResourceDefinitionContext ctx = new ResourceDefinitionContext.Builder().withGroup(spec.getGroup())
                        .withVersion(version).withKind(spec.getNames().getKind()).withPlural(spec.getNames().getPlural())
                        .withNamespaced(namespaced).build();
                Lister lister = namespaced
                        ? (c, ns, o) -> ns == null ? c.genericKubernetesResources(ctx).inAnyNamespace().list(o)
                        : c.genericKubernetesResources(ctx).inNamespace(ns).list(o)
                        : (c, ns, o) -> c.genericKubernetesResources(ctx).list(o);
                out.add(new KindSpec(spec.getNames().getKind(), spec.getGroup(), spec.getNames().getPlural(),
                        namespaced, lister));
            }
            return out;
        }

        static boolean interesting(CustomResourceDefinition crd) {
            if (crd.getSpec() == null || crd.getSpec().getNames() == null) {
                return false;
            }
            Set<String> kinds = INTERESTING_CUSTOM.get(crd.getSpec().getGroup());
            return kinds != null && (kinds.contains("*") || kinds.contains(crd.getSpec().getNames().getKind()));
        }

        /**
         * Lists one kind page by page; a kind that cannot be listed becomes a gap. A namespaced kind the user may not
         * list cluster-wide is listed namespace by namespace (users with RoleBindings only in their namespaces see
         * those), and each namespace that stays forbidden becomes a gap of its own.
         */
        void listKind(KindSpec k) {
            try {
                if (!mayList(k)) {
                    if (k.namespaced()) {
                        listPerNamespace(k);
                    } else {
                        gap(k, null, 403, "not visible: needs list on " + qualified(k));
                    }
                    return;
                }
                try {
                    listPages(k, null);
                } catch (ForbiddenClusterWide e) {
                    listPerNamespace(k);
                }
            } finally {
                kindDone(k.resource());
            }
        }

        private static String qualified(KindSpec k) {
            return k.resource() + (k.group().isEmpty() ? "" : "." + k.group());
        }

        /**
         * Lists every page of {@code k} in {@code namespace} (null: all namespaces). The next page is requested as
         * soon as this one's continue token is known, and read while this page's objects are converted: the server
         * answers (and this process parses) page N+1 while page N is turned into the model, instead of one after the
         * other.
         */
        private void listPages(KindSpec k, String namespace) {
            long count = 0;
            java.util.Set<String> tokens = new java.util.HashSet<>();
            int emptyPages = 0;
            cancel.check();
            pace();
            KubernetesResourceList<? extends HasMetadata> page = fetch(k, namespace, pageOptions(null), true);
            while (page != null) {
                int n = page instanceof StreamedLists.Page streamed ? streamed.items.size() : page.getItems().size();
                emptyPages = n == 0 ? emptyPages + 1 : 0;
                count += n;
                String cont = page.getMetadata() == null ? null : page.getMetadata().getContinue();
                String stop = null;
                Future<KubernetesResourceList<? extends HasMetadata>> next = null;
                if (cont != null && !cont.isEmpty()) {
                    if (!tokens.add(cont)) {
                        stop = "incomplete: the API server sent the same continue token twice while listing "
                                + k.resource() + where(namespace) + "; listing stopped after " + count + " objects";
                    } else if (emptyPages > MAX_EMPTY_PAGES) {
                        stop = "incomplete: the API server sent " + emptyPages + " empty pages in a row while listing "
                                + k.resource() + where(namespace) + "; listing stopped after " + count + " objects";
                    } else {
                        ListOptions opts = pageOptions(cont);
                        next = requests.submit(() -> {
                            cancel.check();
                            pace();
                            return fetch(k, namespace, opts, false);
                        });
                    }
                }
                try {
                    convert(k, page);
                } catch (RuntimeException e) {
                    if (next != null) {
                        next.cancel(true);
                    }
                    throw e;
                }
                long total = items.addAndGet(n);
                progress.update(fraction(), k.resource() + (namespace == null ? "" : " in " + namespace) + ": "
                        + count + " loaded (" + total + " objects)");
                if (stop != null) {
                    gap(k, namespace, 0, stop);
                    return;
                }
                page = next == null ? null : prefetched(next);
            }
        }

        private ListOptions pageOptions(String cont) {
            return new ListOptionsBuilder().withLimit((long) options.pageSize()).withContinue(cont).build();
        }

        /** The next page, requested while this thread converted the previous one (null: a gap was recorded). */
        private KubernetesResourceList<? extends HasMetadata> prefetched(
                Future<KubernetesResourceList<? extends HasMetadata>> next) {
            return result(next, 0);
        }

        /** Adds one page's objects to the snapshot. */
        private void convert(KindSpec k, KubernetesResourceList<? extends HasMetadata> page) {
            if (page instanceof StreamedLists.Page streamed) {
                streamed.items.forEach(item -> converter.raw().add(item, streamed.apiVersion, k.kind(), builder));
            }
            for (HasMetadata item : page.getItems()) {
                if (item instanceof CustomResourceDefinition crd && interesting(crd)) {
                    synchronized (interestingCrds) {
                        interestingCrds.add(crd);
                    }
                }
                converter.add(item, builder);
            }
        }

        /** Requests per second the load sends at most once its burst is spent (kubectl's discovery client: 50). */
        static final int MAX_REQUESTS_PER_SECOND = 50;
        /** Requests sent without waiting first (client-go's token bucket has a burst too): a small cluster's lists. */
        static final int BURST = 100;
        /** Empty pages with a continue token in a row before a list is given up as endless. */
        static final int MAX_EMPTY_PAGES = 20;
        private double tokens;
        private long lastRefillNanos;

        /** Spaces list requests so a misbehaving server cannot make the load flood it. */
        private void pace() {
            long wait;
            synchronized (this) {
                // a token bucket (client-go's model): BURST tokens, refilled at MAX_REQUESTS_PER_SECOND; a request
                // takes one, and waits for it when the bucket is empty (negative: tokens promised to earlier waiters)
                long now = System.nanoTime();
                if (lastRefillNanos == 0) {
                    tokens = BURST;
                } else {
                    tokens = Math.min(BURST, tokens + (now - lastRefillNanos) * MAX_REQUESTS_PER_SECOND / 1e9);
                }
                lastRefillNanos = now;
                tokens -= 1;
                wait = tokens >= 0 ? 0 : (long) (-tokens * 1e9 / MAX_REQUESTS_PER_SECOND);
            }
            if (wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new UserFacingException(UserFacingException.Category.CANCELLED, "Loading was interrupted.");
                }
            }
        }

        private void listPerNamespace(KindSpec k) {
            List<String> namespaces = namespaceNames();
            if (namespaces.isEmpty()) {
                String own = client.getNamespace() == null || client.getNamespace().isEmpty() ? "default"
                        : client.getNamespace();
                // The other namespaces cannot even be named: the kind counts as not visible (rules stay careful),
                // but what the context's own namespace holds is loaded and shown.
                gap(k, null, 403, "not visible cluster-wide: needs list on " + qualified(k) + "; listed only in "
                        + "namespace " + own + " (the context's namespace: the namespaces themselves cannot be listed)");
                namespaces = List.of(own);
            }
            List<String> forbidden = new ArrayList<>();
            for (String ns : namespaces) {
                try {
                    listPages(k, ns);
                } catch (ForbiddenClusterWide e) {
                    forbidden.add(ns);
                }
            }
            if (forbidden.size() == namespaces.size() && namespaces.size() > 1) {
                // forbidden everywhere: one gap for the kind, not one per namespace
                gap(k, null, 403, "not visible: needs list on " + qualified(k) + " (in none of the "
                        + namespaces.size() + " namespaces)");
            } else {
                for (String ns : forbidden) {
                    gap(k, ns, 403, "not visible: needs list on " + qualified(k) + " in namespace " + ns);
                }
            }
        }

        private final Object namespaceLock = new Object();
        private List<String> namespaceNames;

        /** Names of every namespace, listed once for all kinds that need them; empty when they cannot be listed. */
        private List<String> namespaceNames() {
            synchronized (namespaceLock) {
                if (namespaceNames == null) {
                    List<String> names = new ArrayList<>();
                    try {
                        String cont = null;
                        java.util.Set<String> tokens = new java.util.HashSet<>();
                        do {
                            cancel.check();
                            if (cont != null && !tokens.add(cont)) {
                                break; // a repeated token: the names so far (namespaces' own listing records the gap)
                            }
                            pace();
                            var page = client.namespaces().list(new ListOptionsBuilder()
                                    .withLimit((long) options.pageSize()).withContinue(cont).build());
                            page.getItems().forEach(n -> names.add(n.getMetadata().getName()));
                            cont = page.getMetadata() == null ? null : page.getMetadata().getContinue();
                        } while (cont != null && !cont.isEmpty());
                    } catch (KubernetesClientException e) {
                        if (e.getCode() != 403) {
                            // a transient failure: the next kind asks again
                            return List.of();
                        }
                        names.clear();
                    }
                    namespaceNames = List.copyOf(names);
                }
                return namespaceNames;
            }
        }

        /** A 403 on the first page of a namespaced kind (cluster-wide: try namespace by namespace). */
        private static final class ForbiddenClusterWide extends RuntimeException {
            ForbiddenClusterWide() {
                super(null, null, false, false);
            }
        }

        /** One page with retries on 429/5xx/timeouts; null (and a gap) when it cannot be had. */
        private KubernetesResourceList<? extends HasMetadata> fetch(KindSpec k, String namespace, ListOptions opts,
                                                                    boolean firstPage) {
            long backoff = options.backoffMillis();
            for (int attempt = 0; ; attempt++) {
                cancel.check();
                if (timeoutsInARow.get() >= MAX_TIMEOUTS_IN_A_ROW && listsAnswered.get() == 0) {
                    gap(k, namespace, 0, "not loaded: " + k.resource() + where(namespace) + ": the API server stopped "
                            + "answering (" + timeoutsInARow.get() + " requests in a row got no answer within "
                            + within(options.requestTimeoutMillis()) + "); refresh to try again");
                    return null;
                }
                if (failuresInARow.get() >= MAX_FAILURES_IN_A_ROW && listsAnswered.get() == 0) {
                    // no list has worked in this load: retrying every kind with backoff only delays the same answer
                    gap(k, namespace, lastFailureCode, "not loaded: " + k.resource() + where(namespace) + ": the API "
                            + "server failed every list (" + failuresInARow.get() + " requests in a row, last: "
                            + (lastFailureCode > 0 ? "HTTP " + lastFailureCode : "no usable answer")
                            + "); not retried; refresh to try again");
                    return null;
                }
                try {
                    boolean metadataOnly = metadataSecrets && k.kind().equals("Secret");
                    KubernetesResourceList<? extends HasMetadata> page = timed(() -> StreamedLists.streams(k.kind())
                            || metadataOnly
                            ? StreamedLists.list(client, k.kind(), k.resource(), namespace, opts, metadataOnly)
                            : k.lister().list(client, namespace, opts));
                    timeoutsInARow.set(0);
                    failuresInARow.set(0);
                    listsAnswered.incrementAndGet();
                    return page;
                } catch (RequestDeadline e) {
                    timeoutsInARow.incrementAndGet();
                    if (attempt >= options.retries()) {
                        gap(k, namespace, 0, "not loaded: " + k.resource() + where(namespace) + " failed after "
                                + (attempt + 1) + " attempt(s): no complete answer within "
                                + within(options.requestTimeoutMillis()) + "; refresh to try again");
                        return null;
                    }
                } catch (KubernetesClientException e) {
                    if (isTimeout(e)) {
                        timeoutsInARow.incrementAndGet();
                    }
                    int code = e.getCode();
                    if (code == 403) {
                        if (k.namespaced() && firstPage) {
                            throw new ForbiddenClusterWide(); // listed namespace by namespace / counted per namespace
                        }
                        gap(k, namespace, 403, "not visible: needs list on " + qualified(k)
                                + (namespace == null ? "" : " in namespace " + namespace));
                        return null;
                    }
                    if (code == 401) {
                        throw new UserFacingException(UserFacingException.Category.CLUSTER_UNREACHABLE,
                                "The API server rejected the credentials (401) while listing " + k.resource()
                                        + "; they may have expired during the load. Log in again and retry.", true, null);
                    }
                    if (code == 404) {
                        if (KINDS.contains(k)) {
                            notFound.add(k.kind());
                        }
                        gap(k, namespace, 404, "not served by this cluster: " + k.resource());
                        return null;
                    }
                    if (code <= 0) {
                        code = 0;
                    }
                    boolean transientFailure = code == 429 || code >= 500 || code == 0;
                    if (transientFailure) {
                        lastFailureCode = code;
                        failuresInARow.incrementAndGet();
                    }
                    if (!transientFailure || attempt >= options.retries()) {
                        String network = ClusterErrors.network(e);
                        String why = code == 0 ? "no answer (" + (network != null ? "the server " + network
                                : "the answer was cut off or not understood") + ")"
                                : "HTTP " + code;
                        gap(k, namespace, code, "not loaded: " + k.resource() + where(namespace) + " failed after " + (attempt + 1)
                                + " attempt(s) with " + why + "; refresh to try again");
                        return null;
                    }
                } catch (UserFacingException e) {
                    throw e;
                } catch (RuntimeException e) {
                    gap(k, namespace, 0, "not loaded: " + k.resource() + where(namespace) + " could not be read "
                            + "(the answer was not a list of the expected shape); refresh to try again");
                    return null;
                }
                if (failuresInARow.get() >= MAX_FAILURES_IN_A_ROW && listsAnswered.get() == 0) {
                    continue; // recorded as a gap at the top of the loop, without waiting for the backoff first
                }
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new UserFacingException(UserFacingException.Category.CANCELLED, "Loading was interrupted.");
                }
                backoff *= 2;
            }
        }

        /** A request that got no complete answer within the request timeout (a stalled or dripping server). */
        private static final class RequestDeadline extends RuntimeException {
            RequestDeadline() {
                super(null, null, false, false);
            }
        }

        private final ExecutorService requests = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "kustodian-request");
            t.setDaemon(true);
            return t;
        });

        /**
         * Runs one API request with a deadline on the whole answer: the client's own timeout only fires when the
         * connection is idle, so a server that drips one byte a second would hold a request for hours.
         */
        private <T> T timed(java.util.concurrent.Callable<T> call) {
            // a second longer than the client's own (idle) timeout, so that one reports first when it can
            return result(requests.submit(call), options.requestTimeoutMillis() + 1_000L);
        }

        /**
         * The outcome of {@code f}: its value, or its failure rethrown; cancelled when this thread is interrupted
         * (the load is cancelled) or when {@code deadlineMillis} (0: none) passes first ({@link RequestDeadline}).
         */
        private static <T> T result(Future<T> f, long deadlineMillis) {
            try {
                return deadlineMillis > 0 ? f.get(deadlineMillis, TimeUnit.MILLISECONDS) : f.get();
            } catch (TimeoutException e) {
                f.cancel(true);
                throw new RequestDeadline();
            } catch (InterruptedException e) {
                f.cancel(true);
                Thread.currentThread().interrupt();
                throw new UserFacingException(UserFacingException.Category.CANCELLED, "Loading was interrupted.");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            }
        }

        /** Requests in a row that timed out: from this many on, the server counts as stalled (no more waiting). */
        static final int MAX_TIMEOUTS_IN_A_ROW = 3;
        final AtomicInteger timeoutsInARow = new AtomicInteger();
        /** Lists in a row that failed with 429, 5xx or no usable answer, while none has worked yet. */
        static final int MAX_FAILURES_IN_A_ROW = 8;
        final AtomicInteger failuresInARow = new AtomicInteger();
        volatile int lastFailureCode;
        /** Lists answered in this load: a server that answered some is slow, not stalled, and is waited for. */
        final AtomicInteger listsAnswered = new AtomicInteger();
        /** Built-in kinds whose list answered 404: every Kubernetes API server serves all of them. */
        final Set<String> notFound = java.util.concurrent.ConcurrentHashMap.newKeySet();

        /**
         * A server that answered no list and 404 to every built-in kind's is not a Kubernetes API server (a wrong
         * URL path, another web server, a proxy in front of nothing): that is a connection error (exit 3), like a 404
         * on {@code /version}, not a cluster with visibility gaps. {@code /api} (core API discovery, served by every
         * API server) is asked to name the evidence.
         */
        void checkLooksLikeKubernetes() {
            if (listsAnswered.get() > 0 || notFound.size() < KINDS.size()) {
                return;
            }
            String evidence;
            try {
                var versions = timed(client::getAPIVersions);
                evidence = versions == null ? "404 on /api" : "404 on every list, although /api answered";
            } catch (KubernetesClientException e) {
                evidence = e.getCode() == 404 ? "404 on /api" : "404 on every list";
            } catch (RequestDeadline e) {
                evidence = "404 on every list";
            }
            throw new UserFacingException(UserFacingException.Category.CLUSTER_UNREACHABLE, "The server " + server
                    + " of context \"" + contextName + "\" does not look like a Kubernetes API server (" + evidence
                    + "; every one of the " + KINDS.size() + " built-in kinds answered 404 Not Found). Check the "
                    + "server URL in the kubeconfig (host, port and path: kubectl cluster-info shows the right one).",
                    false, null);
        }

        private static String within(long millis) {
            return dev.kustodian.core.util.Durations.describe(java.time.Duration.ofMillis(millis));
        }

        private static boolean isTimeout(Throwable e) {
            for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
                if (t instanceof InterruptedIOException || t instanceof TimeoutException) {
                    return true;
                }
                String m = t.getMessage();
                if (m != null && (m.contains("timed out") || m.contains("timeout"))) {
                    return true;
                }
            }
            return false;
        }

        /** SelfSubjectAccessReview for list on the kind, cluster-wide; true when allowed or the review is unavailable. */
        private boolean mayList(KindSpec k) {
            if (!accessReviewWorks) {
                return true;
            }
            try {
                SelfSubjectAccessReview review = new SelfSubjectAccessReviewBuilder().withNewSpec()
                        .withNewResourceAttributes().withVerb("list").withGroup(k.group()).withResource(k.resource())
                        .endResourceAttributes().endSpec().build();
                SelfSubjectAccessReview r = timed(() -> client.authorization().v1().selfSubjectAccessReview().create(review));
                if (r == null || r.getStatus() == null || r.getStatus().getAllowed() == null) {
                    return true;
                }
                return r.getStatus().getAllowed();
            } catch (RuntimeException e) {
                accessReviewWorks = false;
                return true;
            }
        }

        private void gap(KindSpec k, String namespace, int status, String message) {
            if (metadataSecrets && status == 403 && k.resource().equals("secrets")) {
                message += " (expected with --secrets metadata when the identity has no access to secrets, as the "
                        + "scanner's ClusterRole: secrets are seen only where workloads reference them)";
            }
            synchronized (builder) {
                builder.gaps.add(new VisibilityGap(k.resource(), namespace == null ? "" : namespace, status, message));
            }
        }

        private static String where(String namespace) {
            return namespace == null ? "" : " in namespace " + namespace;
        }

        private void note(String s) {
            synchronized (builder) {
                builder.notes.add(s);
            }
        }

        private void kindDone(String what) {
            kindsDone.incrementAndGet();
            progress.update(fraction(), what + " done");
        }

        private double fraction() {
            // the last step (the "Loaded N objects" message) is the only one at 100%
            return Math.min(1.0, kindsDone.get() / (double) (kindsTotal + 1));
        }
    }
}
