package dev.kustodian.core.port;

import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.util.Cancellation;

import java.util.List;
import java.util.Optional;

/**
 * What features do against a live cluster, beyond loading the snapshot: the port every caller (GUI, CLI, core
 * rotation) goes through. The fabric8 adapter lives in {@code dev.kustodian.core.cluster}, the only package that
 * talks to the Kubernetes client; tests of features use a fake of this interface.
 *
 * <p>Calls block (run them off the FX thread). Failures are {@link ClusterCallException}s (an HTTP status, no
 * server text that could carry a value) or, for {@link #revealKey}, sentences naming the secret and key. New cluster
 * work is added here as a method and in the adapter (as publishing policy reports was: {@link #publish}).
 */
public interface ClusterPort {

    /** The kubeconfig context the calls go to ("demo" for the embedded demo cluster). */
    String contextName();

    /**
     * The safe reveal: a GET of secret {@code namespace/name}, the decoded bytes of {@code key} (the caller wipes them
     * after use), the Secret object dropped at once. Errors are {@code UserFacingException}s that name the secret and
     * key, never a value.
     */
    byte[] revealKey(String namespace, String name, String key);

    /**
     * Server-side apply of a bundle's objects ({@code dryRun}: the server validates and stores nothing). One outcome
     * per object; a rejected object is an outcome with the server's reason, not an exception.
     */
    List<ApplyOutcome> apply(Bundle bundle, boolean dryRun, Cancellation cancel);

    /**
     * The Sealed Secrets controller's certificate (PEM text of {@code /v1/cert.pem}) through the API server's service
     * proxy, what {@code kubeseal --fetch-cert} does.
     */
    String sealingCertificatePem(String controllerNamespace, String controllerName);

    /**
     * The API server's {@code /metrics} text; empty when not allowed ({@code nonResourceURLs: ["/metrics"]} get), not
     * reachable, or not kube-apiserver's exposition.
     */
    Optional<String> apiserverMetrics();

    /** Names of every namespace (for rewriting every Secret). */
    List<String> namespaces();

    /** Names of the Secrets of {@code namespace}. */
    List<String> secretNames(String namespace);

    /**
     * Reads Secret {@code namespace/name} and writes it back unchanged (a PUT with the resourceVersion read), so the
     * API server stores it with its current encryption provider. Values pass through memory only.
     */
    WriteBack writeBackSecret(String namespace, String name);

    /**
     * Deletes one object ({@code namespace} "" for cluster-scoped kinds; {@code dryRun}: the server validates and
     * deletes nothing). An object that is already gone is an ok outcome; a rejection is an outcome with the reason.
     */
    ApplyOutcome delete(String apiVersion, String kind, String namespace, String name, boolean dryRun,
                        Cancellation cancel);

    /**
     * A strategic-merge patch of one object (what {@code kubectl patch --type strategic} sends; {@code dryRun}: the
     * server validates and stores nothing). A rejection is an outcome with the reason.
     */
    ApplyOutcome patch(String apiVersion, String kind, String namespace, String name,
                       java.util.Map<String, Object> strategicMergePatch, boolean dryRun, Cancellation cancel);

    /**
     * Whether the API server serves {@code groupVersion} (API discovery), e.g. {@code openreports.io/v1alpha1}. A
     * group the server does not know is false; an unreachable server or a refused discovery is a
     * {@link ClusterCallException}.
     */
    boolean serves(String groupVersion);

    /**
     * Publishes objects Kustodian owns (its policy reports): server-side apply of each (field manager
     * {@code kustodian}, conflicts forced, so each run replaces what the last one wrote), then deletes every object of
     * the {@code owned} kinds that carries {@code labelSelector} and is not among {@code objects} (what an earlier run
     * published and this one no longer produces). A rejected object is an outcome with the server's reason; listing
     * the owned kinds for the deletions fails with a {@link ClusterCallException}.
     */
    Published publish(List<java.util.Map<String, Object>> objects, List<KindRef> owned, String labelSelector,
                      Cancellation cancel);

    /**
     * The objects of {@code kind} in every namespace that carry {@code labelSelector}, as plain maps (what the API
     * server returns). A kind the server does not serve is an empty list; other failures are
     * {@link ClusterCallException}s.
     */
    List<java.util.Map<String, Object>> listLabelled(KindRef kind, String labelSelector);

    /** A kind of object by its API: {@code apiVersion} (group/version, "v1" for core), kind, plural, scope. */
    record KindRef(String apiVersion, String kind, String resource, boolean namespaced) {
        /** "Kind/namespace/name" or "Kind/name", as outcomes name objects. */
        public String ref(String namespace, String name) {
            return kind + "/" + (namespace == null || namespace.isEmpty() ? "" : namespace + "/") + name;
        }
    }

    /** Outcome of {@link #publish}: one per object applied, one per object deleted. */
    record Published(List<ApplyOutcome> applied, List<ApplyOutcome> deleted) {
        public Published {
            applied = List.copyOf(applied);
            deleted = List.copyOf(deleted);
        }

        /** The outcomes that failed (applies, then deletions). */
        public List<ApplyOutcome> failures() {
            List<ApplyOutcome> out = new java.util.ArrayList<>();
            applied.stream().filter(o -> !o.ok()).forEach(out::add);
            deleted.stream().filter(o -> !o.ok()).forEach(out::add);
            return out;
        }
    }

    /** Outcome per object of {@link #apply}: {@code ok}, or the API server's reason (never a stack trace). */
    record ApplyOutcome(String object, boolean ok, String message) {
    }

    /** Outcome of {@link #writeBackSecret}. */
    record WriteBack(Status status, int httpCode, String reason) {
        public enum Status { WRITTEN, CONFLICT, GONE, FAILED }

        public static final WriteBack WRITTEN = new WriteBack(Status.WRITTEN, 200, "");
        public static final WriteBack GONE = new WriteBack(Status.GONE, 404, "");
    }
}
