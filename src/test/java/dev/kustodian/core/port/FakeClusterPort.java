package dev.kustodian.core.port;

import dev.kustodian.core.cluster.Fabric8ClusterPort;
import dev.kustodian.core.util.UserFacingException;
import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.output.Manifest;
import dev.kustodian.core.util.Cancellation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An in-memory cluster behind the {@link ClusterPort} for feature and page tests: secrets (values only here, in
 * the test), HTTP failures per secret, an apply that accepts or rejects, a sealing certificate and /metrics text.
 * Every call is recorded so a test can assert what reached "the cluster". The fabric8 adapter has its own tests
 * against the mock server.
 */
public final class FakeClusterPort implements ClusterPort {
    private final String context;
    private final Map<String, Map<String, byte[]>> secrets = new TreeMap<>();
    private final Map<String, Integer> failures = new LinkedHashMap<>();
    private final List<String> calls = new ArrayList<>();
    private final List<String> writtenBack = new ArrayList<>();
    private final List<Boolean> applies = new ArrayList<>();
    private String dryRunRejection;
    private String sealingCertificate;
    private String metrics;

    public FakeClusterPort(String context) {
        this.context = context;
    }

    /** Adds secret {@code namespace/name} with these keys and values. */
    public FakeClusterPort secret(String namespace, String name, Map<String, byte[]> data) {
        secrets.put(namespace + "/" + name, new LinkedHashMap<>(data));
        return this;
    }

    /** Calls on {@code namespace/name} fail as the API server would with HTTP {@code code}. */
    public FakeClusterPort failing(String namespace, String name, int code) {
        failures.put(namespace + "/" + name, code);
        return this;
    }

    /** Every dry run is rejected with this reason (as the server's "dry run rejected: reason"). */
    public FakeClusterPort rejectingDryRuns(String reason) {
        this.dryRunRejection = reason;
        return this;
    }

    public FakeClusterPort sealingCertificate(String pem) {
        this.sealingCertificate = pem;
        return this;
    }

    public FakeClusterPort metrics(String text) {
        this.metrics = text;
        return this;
    }

    /** Calls in order, e.g. {@code reveal shop/db password}, {@code apply dry-run 2}, {@code metrics}. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    /** Secrets written back ({@code namespace/name}), in order. */
    public List<String> writtenBack() {
        return List.copyOf(writtenBack);
    }

    /** One entry per apply: {@code true} for a dry run. */
    public List<Boolean> applies() {
        return List.copyOf(applies);
    }

    @Override
    public String contextName() {
        return context;
    }

    @Override
    public synchronized byte[] revealKey(String namespace, String name, String key) {
        calls.add("reveal " + namespace + "/" + name + " " + key);
        Integer code = failures.get(namespace + "/" + name);
        if (code != null) {
            throw Fabric8ClusterPort.revealFailure(namespace, name, code);
        }
        Map<String, byte[]> data = secrets.get(namespace + "/" + name);
        if (data == null) {
            throw Fabric8ClusterPort.revealFailure(namespace, name, 404);
        }
        byte[] value = data.get(key);
        if (value == null) {
            throw new UserFacingException(UserFacingException.Category.FAILED, "Secret " + name + " in "
                    + namespace + " has no key " + key + " any more: refresh to update the list.");
        }
        return Arrays.copyOf(value, value.length);
    }

    @Override
    public synchronized List<ApplyOutcome> apply(Bundle bundle, boolean dryRun, Cancellation cancel) {
        calls.add("apply " + (dryRun ? "dry-run " : "") + bundle.objects().size());
        applies.add(dryRun);
        List<ApplyOutcome> out = new ArrayList<>();
        for (Manifest m : bundle.objects()) {
            String ref = m.kind() + "/" + (m.namespace() == null || m.namespace().isEmpty() ? "" : m.namespace() + "/")
                    + m.name();
            if (dryRun && dryRunRejection != null) {
                out.add(new ApplyOutcome(ref, false, "dry run rejected: " + dryRunRejection));
            } else {
                out.add(new ApplyOutcome(ref, true, dryRun ? "dry run accepted by the server" : "applied"));
            }
        }
        return out;
    }

    @Override
    public synchronized ApplyOutcome delete(String apiVersion, String kind, String namespace, String name,
                                            boolean dryRun, Cancellation cancel) {
        String ref = kind + "/" + (namespace.isEmpty() ? "" : namespace + "/") + name;
        calls.add("delete " + (dryRun ? "dry-run " : "") + ref);
        return dryRun && dryRunRejection != null ? new ApplyOutcome(ref, false, "dry run rejected: " + dryRunRejection)
                : new ApplyOutcome(ref, true, dryRun ? "dry run accepted by the server" : "deleted");
    }

    @Override
    public synchronized ApplyOutcome patch(String apiVersion, String kind, String namespace, String name,
                                           Map<String, Object> strategicMergePatch, boolean dryRun,
                                           Cancellation cancel) {
        String ref = kind + "/" + (namespace.isEmpty() ? "" : namespace + "/") + name;
        calls.add("patch " + (dryRun ? "dry-run " : "") + ref);
        return dryRun && dryRunRejection != null ? new ApplyOutcome(ref, false, "dry run rejected: " + dryRunRejection)
                : new ApplyOutcome(ref, true, dryRun ? "dry run accepted by the server" : "patched");
    }

    @Override
    public synchronized String sealingCertificatePem(String controllerNamespace, String controllerName) {
        calls.add("sealing-certificate " + controllerNamespace + "/" + controllerName);
        if (sealingCertificate == null) {
            throw new ClusterCallException(404, "NotFound", null);
        }
        return sealingCertificate;
    }

    @Override
    public synchronized Optional<String> apiserverMetrics() {
        calls.add("metrics");
        return Optional.ofNullable(metrics);
    }

    @Override
    public synchronized List<String> namespaces() {
        calls.add("namespaces");
        TreeSet<String> ns = new TreeSet<>();
        secrets.keySet().forEach(k -> ns.add(k.substring(0, k.indexOf('/'))));
        return List.copyOf(ns);
    }

    @Override
    public synchronized List<String> secretNames(String namespace) {
        calls.add("secrets " + namespace);
        return secrets.keySet().stream().filter(k -> k.startsWith(namespace + "/"))
                .map(k -> k.substring(namespace.length() + 1)).toList();
    }

    @Override
    public synchronized WriteBack writeBackSecret(String namespace, String name) {
        calls.add("write-back " + namespace + "/" + name);
        Integer code = failures.get(namespace + "/" + name);
        if (code != null) {
            return code == 409 ? new WriteBack(WriteBack.Status.CONFLICT, 409, "Conflict")
                    : new WriteBack(WriteBack.Status.FAILED, code, "HTTP " + code);
        }
        if (!secrets.containsKey(namespace + "/" + name)) {
            return WriteBack.GONE;
        }
        writtenBack.add(namespace + "/" + name);
        return WriteBack.WRITTEN;
    }

    private final java.util.Set<String> served = new java.util.TreeSet<>();
    /** Published objects by "apiVersion kind namespace/name", in the order they were first written. */
    private final Map<String, Map<String, Object>> objects = new LinkedHashMap<>();
    private Integer listFailure;

    /** The cluster serves these API group versions (e.g. {@code wgpolicyk8s.io/v1alpha2}). */
    public FakeClusterPort serving(String... groupVersions) {
        served.addAll(List.of(groupVersions));
        return this;
    }

    /** An object already in the cluster (e.g. a report an earlier scan published). */
    public synchronized FakeClusterPort object(Map<String, Object> object) {
        objects.put(key(object), object);
        return this;
    }

    /** Every {@link #listLabelled} fails as the API server would with HTTP {@code code}. */
    public synchronized FakeClusterPort failingLists(int code) {
        this.listFailure = code;
        return this;
    }

    /** The objects in the cluster, in the order they were first written. */
    public synchronized List<Map<String, Object>> objects() {
        return List.copyOf(objects.values());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> meta(Map<String, Object> o) {
        return o.get("metadata") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static String key(Map<String, Object> o) {
        Map<String, Object> m = meta(o);
        return o.get("apiVersion") + " " + o.get("kind") + " " + m.getOrDefault("namespace", "") + "/" + m.get("name");
    }

    @Override
    public synchronized boolean serves(String groupVersion) {
        calls.add("serves " + groupVersion);
        return served.contains(groupVersion);
    }

    @Override
    public synchronized Published publish(List<Map<String, Object>> published, List<KindRef> owned,
                                          String labelSelector, Cancellation cancel) {
        calls.add("publish " + published.size());
        List<ApplyOutcome> applied = new ArrayList<>();
        java.util.Set<String> keep = new java.util.HashSet<>();
        for (Map<String, Object> o : published) {
            objects.put(key(o), o);
            keep.add(key(o));
            applied.add(new ApplyOutcome(o.get("kind") + "/" + meta(o).get("name"), true, "applied"));
        }
        List<ApplyOutcome> deleted = new ArrayList<>();
        for (KindRef k : owned) {
            for (Map<String, Object> o : listLabelled(k, labelSelector)) {
                if (!keep.contains(key(o))) {
                    objects.remove(key(o));
                    deleted.add(new ApplyOutcome(o.get("kind") + "/" + meta(o).get("name"), true, "deleted"));
                }
            }
        }
        return new Published(applied, deleted);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized List<Map<String, Object>> listLabelled(KindRef kind, String labelSelector) {
        calls.add("list " + kind.resource() + " " + labelSelector);
        if (listFailure != null) {
            throw new ClusterCallException(listFailure, listFailure == 403 ? "Forbidden" : "", null);
        }
        String[] kv = labelSelector.split("=", 2);
        return objects.values().stream().filter(o -> kind.apiVersion().equals(o.get("apiVersion"))
                && kind.kind().equals(o.get("kind")))
                .filter(o -> meta(o).get("labels") instanceof Map<?, ?> l && kv[1].equals(l.get(kv[0])))
                .toList();
    }
}
