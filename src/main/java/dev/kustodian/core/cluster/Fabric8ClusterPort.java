package dev.kustodian.core.cluster;

import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.output.Manifest;
import dev.kustodian.core.port.ClusterCallException;
import dev.kustodian.core.port.ClusterPort;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.UserFacingException;
import dev.kustodian.core.yaml.StrategicMerge;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/** The {@link ClusterPort} over a fabric8 client (the session's client: live clusters and the demo). */
public final class Fabric8ClusterPort implements ClusterPort {
    public static final String FIELD_MANAGER = "kustodian";

    private final KubernetesClient client;
    private final String contextName;
    private final boolean serverSideApply;
    /** Test seam: runs between the GET and the PUT of {@link #writeBackSecret} (lets a test provoke a conflict). */
    private volatile BiConsumer<String, String> beforeWriteBack = (ns, name) -> { };

    /**
     * @param serverSideApply false only for the embedded demo cluster: fabric8's mock server implements no
     *                        server-side apply, so objects are created or updated there, and a "dry run" only checks
     *                        whether each object exists and says that the server did not validate it
     */
    public Fabric8ClusterPort(KubernetesClient client, String contextName, boolean serverSideApply) {
        this.client = client;
        this.contextName = contextName;
        this.serverSideApply = serverSideApply;
    }

    /** Runs {@code hook} between the GET and the PUT of every write-back (tests provoke conflicts with it). */
    public Fabric8ClusterPort beforeWriteBack(BiConsumer<String, String> hook) {
        this.beforeWriteBack = hook;
        return this;
    }

    @Override
    public String contextName() {
        return contextName;
    }

    @Override
    public byte[] revealKey(String namespace, String name, String key) {
        String encoded;
        try {
            Secret s = client.secrets().inNamespace(namespace).withName(name).get();
            if (s == null) {
                throw new UserFacingException(UserFacingException.Category.FAILED, "Secret " + name + " in "
                        + namespace + " no longer exists: refresh to update the list.");
            }
            Map<String, String> data = s.getData();
            encoded = data == null ? null : data.get(key);
            // drop the fetched object (and every other key) right away
            s = null;
            data = null;
        } catch (KubernetesClientException e) {
            throw revealFailure(namespace, name, e.getCode());
        }
        if (encoded == null) {
            throw new UserFacingException(UserFacingException.Category.FAILED, "Secret " + name + " in "
                    + namespace + " has no key " + key + " any more: refresh to update the list.");
        }
        try {
            return Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(UserFacingException.Category.FAILED, "The API server returned key "
                    + key + " of secret " + name + " in " + namespace + " in a form that is not base64.");
        }
    }

    /** The sentence for an HTTP failure of the reveal's GET (no server message: it is not needed and never shown). */
    public static UserFacingException revealFailure(String namespace, String name, int code) {
        String msg = switch (code) {
            case 403 -> "You may not get secret " + name + " in " + namespace + ": ask for get on secrets, "
                    + "e.g. a Role in " + namespace + " with get on secrets limited to resourceNames [" + name
                    + "], bound to you.";
            case 401 -> "The API server did not accept your credentials while getting secret " + name + " in "
                    + namespace + ": log in again (refresh your kubeconfig credentials) and retry.";
            case 404 -> "Secret " + name + " in " + namespace + " no longer exists: refresh to update the list.";
            case 0 -> "Could not reach the API server to get secret " + name + " in " + namespace
                    + ": check the connection and retry.";
            default -> "Getting secret " + name + " in " + namespace + " failed (HTTP " + code + "): retry, or "
                    + "refresh the page.";
        };
        return new UserFacingException(code == 0 ? UserFacingException.Category.CLUSTER_UNREACHABLE
                : UserFacingException.Category.FAILED, msg);
    }

    @Override
    public List<ApplyOutcome> apply(Bundle bundle, boolean dryRun, Cancellation cancel) {
        if (bundle.hasErrors()) {
            throw new IllegalStateException("The generated objects have errors; fix them before applying.");
        }
        List<ApplyOutcome> out = new ArrayList<>();
        for (Manifest m : bundle.objects()) {
            cancel.check();
            String ref = m.kind() + "/" + (m.namespace().isEmpty() ? "" : m.namespace() + "/") + m.name();
            try {
                List<HasMetadata> items = client.load(new ByteArrayInputStream(
                        m.content().getBytes(StandardCharsets.UTF_8))).items();
                String message = dryRun ? "dry run accepted by the server" : "applied";
                for (HasMetadata item : items) {
                    var resource = client.resource(item);
                    if (serverSideApply) {
                        if (dryRun) {
                            resource.dryRun().fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
                        } else {
                            resource.fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
                        }
                    } else {
                        boolean exists = resource.get() != null;
                        if (dryRun) {
                            message = "this cluster cannot dry-run (no server-side apply); the object would be "
                                    + (exists ? "updated" : "created") + ", unvalidated by the server";
                        } else {
                            if (exists) {
                                resource.update();
                            } else {
                                resource.create();
                            }
                            message = exists ? "updated" : "created";
                        }
                    }
                }
                out.add(new ApplyOutcome(ref, true, message));
            } catch (KubernetesClientException e) {
                String reason = e.getStatus() != null && e.getStatus().getMessage() != null
                        ? e.getStatus().getMessage() : "HTTP " + e.getCode();
                out.add(new ApplyOutcome(ref, false, (dryRun ? "dry run rejected: " : "rejected: ") + reason));
            }
        }
        return out;
    }

    @Override
    public ApplyOutcome delete(String apiVersion, String kind, String namespace, String name, boolean dryRun,
                               Cancellation cancel) {
        cancel.check();
        String ref = ref(kind, namespace, name);
        try {
            var r = generic(apiVersion, kind, namespace, name);
            if (r.get() == null) {
                return new ApplyOutcome(ref, true, "already gone");
            }
            if (dryRun) {
                if (!serverSideApply) {
                    return new ApplyOutcome(ref, true, "this cluster cannot dry-run; the object exists and would be "
                            + "deleted, unvalidated by the server");
                }
                r.dryRun().delete();
                return new ApplyOutcome(ref, true, "dry run accepted by the server: it would be deleted");
            }
            r.delete();
            return new ApplyOutcome(ref, true, "deleted");
        } catch (KubernetesClientException e) {
            return new ApplyOutcome(ref, false, (dryRun ? "dry run rejected: " : "rejected: ") + message(e));
        }
    }

    @Override
    public ApplyOutcome patch(String apiVersion, String kind, String namespace, String name,
                              Map<String, Object> strategicMergePatch, boolean dryRun, Cancellation cancel) {
        cancel.check();
        String ref = ref(kind, namespace, name);
        try {
            var r = generic(apiVersion, kind, namespace, name);
            var serialization = client.getKubernetesSerialization();
            if (serverSideApply) {
                String json = serialization.asJson(strategicMergePatch);
                var ctx = io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
                        io.fabric8.kubernetes.client.dsl.base.PatchType.STRATEGIC_MERGE);
                if (dryRun) {
                    r.dryRun().patch(ctx, json);
                    return new ApplyOutcome(ref, true, "dry run accepted by the server");
                }
                r.patch(ctx, json);
                return new ApplyOutcome(ref, true, "patched");
            }
            // the demo's mock server merges every patch as a JSON merge patch: merge here, then replace the object
            GenericKubernetesResource current = r.get();
            if (current == null) {
                return new ApplyOutcome(ref, false, (dryRun ? "dry run rejected: " : "rejected: ") + "not found");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> merged = StrategicMerge.apply(serialization.convertValue(current, Map.class),
                    strategicMergePatch);
            if (dryRun) {
                return new ApplyOutcome(ref, true, "this cluster cannot dry-run; the object exists and would be "
                        + "patched, unvalidated by the server");
            }
            client.genericKubernetesResources(context(apiVersion, kind, namespace))
                    .resource(serialization.convertValue(merged, GenericKubernetesResource.class)).update();
            return new ApplyOutcome(ref, true, "patched");
        } catch (KubernetesClientException e) {
            return new ApplyOutcome(ref, false, (dryRun ? "dry run rejected: " : "rejected: ") + message(e));
        }
    }

    private static String ref(String kind, String namespace, String name) {
        return kind + "/" + (namespace.isEmpty() ? "" : namespace + "/") + name;
    }

    private static String message(KubernetesClientException e) {
        return e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage()
                : "HTTP " + e.getCode();
    }

    /** The resource of a built-in kind (plural: the lower-case kind + "s", true for the kinds plans change). */
    private static ResourceDefinitionContext context(String apiVersion, String kind, String namespace) {
        int slash = apiVersion.indexOf('/');
        return new ResourceDefinitionContext.Builder().withGroup(slash < 0 ? "" : apiVersion.substring(0, slash))
                .withVersion(apiVersion.substring(slash + 1)).withKind(kind)
                .withPlural(kind.toLowerCase(java.util.Locale.ROOT) + "s").withNamespaced(!namespace.isEmpty()).build();
    }

    private io.fabric8.kubernetes.client.dsl.Resource<GenericKubernetesResource> generic(String apiVersion, String kind,
                                                                                         String namespace, String name) {
        var op = client.genericKubernetesResources(context(apiVersion, kind, namespace));
        return namespace.isEmpty() ? op.withName(name) : op.inNamespace(namespace).withName(name);
    }

    @Override
    public boolean serves(String groupVersion) {
        try {
            var resources = client.getApiResources(groupVersion);
            return resources != null && resources.getResources() != null && !resources.getResources().isEmpty();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return false;
            }
            throw failure(e);
        }
    }

    @Override
    public Published publish(List<Map<String, Object>> objects, List<KindRef> owned, String labelSelector,
                             Cancellation cancel) {
        var serialization = client.getKubernetesSerialization();
        List<ApplyOutcome> applied = new ArrayList<>();
        Map<String, java.util.Set<String>> keep = new java.util.HashMap<>();
        for (Map<String, Object> object : objects) {
            cancel.check();
            GenericKubernetesResource r = serialization.convertValue(object, GenericKubernetesResource.class);
            KindRef kind = owned.stream().filter(k -> k.apiVersion().equals(r.getApiVersion())
                    && k.kind().equals(r.getKind())).findFirst().orElseThrow(() -> new IllegalArgumentException(
                    "publish: " + r.getKind() + " is not one of the owned kinds"));
            String ns = r.getMetadata().getNamespace() == null ? "" : r.getMetadata().getNamespace();
            String ref = kind.ref(ns, r.getMetadata().getName());
            keep.computeIfAbsent(kind.kind(), k -> new java.util.HashSet<>()).add(ns + "/" + r.getMetadata().getName());
            try {
                var op = client.genericKubernetesResources(context(kind));
                var resource = kind.namespaced() ? op.inNamespace(ns).resource(r) : op.resource(r);
                if (serverSideApply) {
                    resource.fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
                    applied.add(new ApplyOutcome(ref, true, "applied"));
                } else {
                    boolean exists = resource.get() != null;
                    if (exists) {
                        resource.update();
                    } else {
                        resource.create();
                    }
                    applied.add(new ApplyOutcome(ref, true, exists ? "updated" : "created"));
                }
            } catch (KubernetesClientException e) {
                applied.add(new ApplyOutcome(ref, false, "rejected: " + message(e)));
            }
        }
        List<ApplyOutcome> deleted = new ArrayList<>();
        for (KindRef kind : owned) {
            java.util.Set<String> kept = keep.getOrDefault(kind.kind(), java.util.Set.of());
            for (Map<String, Object> old : listLabelled(kind, labelSelector)) {
                cancel.check();
                @SuppressWarnings("unchecked")
                Map<String, Object> meta = old.get("metadata") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
                String ns = meta.get("namespace") instanceof String n ? n : "";
                String name = String.valueOf(meta.get("name"));
                if (kept.contains(ns + "/" + name)) {
                    continue;
                }
                String ref = kind.ref(ns, name);
                try {
                    var op = client.genericKubernetesResources(context(kind));
                    (kind.namespaced() ? op.inNamespace(ns).withName(name) : op.withName(name)).delete();
                    deleted.add(new ApplyOutcome(ref, true, "deleted: not produced by this run"));
                } catch (KubernetesClientException e) {
                    deleted.add(new ApplyOutcome(ref, false, "not deleted: " + message(e)));
                }
            }
        }
        return new Published(applied, deleted);
    }

    @Override
    public List<Map<String, Object>> listLabelled(KindRef kind, String labelSelector) {
        var serialization = client.getKubernetesSerialization();
        List<Map<String, Object>> out = new ArrayList<>();
        try {
            var op = client.genericKubernetesResources(context(kind));
            String cont = null;
            do {
                var options = new io.fabric8.kubernetes.api.model.ListOptionsBuilder().withLabelSelector(labelSelector)
                        .withLimit(100L).withContinue(cont).build();
                var page = kind.namespaced() ? op.inAnyNamespace().list(options) : op.list(options);
                for (GenericKubernetesResource item : page.getItems()) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> map = serialization.convertValue(item, Map.class);
                    out.add(map);
                }
                String next = page.getMetadata() == null ? null : page.getMetadata().getContinue();
                cont = next == null || next.isEmpty() || next.equals(cont) ? null : next;
            } while (cont != null);
            return out;
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return List.of();
            }
            throw failure(e);
        }
    }

    private static ResourceDefinitionContext context(KindRef kind) {
        int slash = kind.apiVersion().indexOf('/');
        return new ResourceDefinitionContext.Builder()
                .withGroup(slash < 0 ? "" : kind.apiVersion().substring(0, slash))
                .withVersion(kind.apiVersion().substring(slash + 1)).withKind(kind.kind())
                .withPlural(kind.resource()).withNamespaced(kind.namespaced()).build();
    }

    @Override
    public String sealingCertificatePem(String controllerNamespace, String controllerName) {
        String path = "/api/v1/namespaces/" + controllerNamespace + "/services/http:" + controllerName
                + ":/proxy/v1/cert.pem";
        try {
            return client.raw(client.getMasterUrl().toString().replaceAll("/$", "") + path);
        } catch (KubernetesClientException e) {
            throw failure(e);
        } catch (RuntimeException e) {
            throw new ClusterCallException(0, "", e);
        }
    }

    @Override
    public Optional<String> apiserverMetrics() {
        try {
            String text = client.raw("/metrics");
            // anything else (an error page, a proxy's answer, a test server's empty body) is not kube-apiserver's
            // Prometheus exposition: report "not read" rather than "no writes"
            return text == null || !text.contains("apiserver_") ? Optional.empty() : Optional.of(text);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<String> namespaces() {
        try {
            return client.namespaces().list().getItems().stream().map(Namespace::getMetadata)
                    .map(m -> m.getName()).toList();
        } catch (KubernetesClientException e) {
            throw failure(e);
        }
    }

    @Override
    public List<String> secretNames(String namespace) {
        try {
            return client.secrets().inNamespace(namespace).list().getItems().stream()
                    .map(s -> s.getMetadata().getName()).toList();
        } catch (KubernetesClientException e) {
            throw failure(e);
        }
    }

    @Override
    public WriteBack writeBackSecret(String namespace, String name) {
        Secret s;
        try {
            s = client.secrets().inNamespace(namespace).withName(name).get();
        } catch (KubernetesClientException e) {
            throw failure(e);
        }
        if (s == null) {
            return WriteBack.GONE;
        }
        try {
            beforeWriteBack.accept(namespace, name);
            client.secrets().inNamespace(namespace).resource(s).update();
            return WriteBack.WRITTEN;
        } catch (KubernetesClientException e) {
            return switch (e.getCode()) {
                case 409 -> new WriteBack(WriteBack.Status.CONFLICT, 409, reason(e));
                case 404 -> WriteBack.GONE;
                default -> new WriteBack(WriteBack.Status.FAILED, e.getCode(), reason(e));
            };
        } finally {
            s = null; // the values are not kept
        }
    }

    private static String reason(KubernetesClientException e) {
        return e.getStatus() != null && e.getStatus().getReason() != null ? e.getStatus().getReason() : "error";
    }

    private static ClusterCallException failure(KubernetesClientException e) {
        return new ClusterCallException(e.getCode(), reason(e), e);
    }
}
