package dev.kustodian.core.roles;

import dev.kustodian.core.model.BindingInfo;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.ObjectMeta;
import dev.kustodian.core.model.PolicyRule;
import dev.kustodian.core.model.RoleInfo;
import dev.kustodian.core.model.SourceInfo;
import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.output.Manifest;
import dev.kustodian.core.rbac.Identity;
import dev.kustodian.core.rbac.RbacEngine;
import dev.kustodian.core.rbac.Request;
import dev.kustodian.core.yaml.YamlDocument;
import dev.kustodian.core.yaml.YamlReader;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Re-checks generated roles with the RBAC engine: the generated objects (parsed back from the bundle's YAML, i.e.
 * exactly what would be applied) form a snapshot of their own, and the engine evaluates (1) every observed request —
 * each must be allowed — and (2) a sample of requests the subject was never seen making — each must be denied
 * (the generated roles grant nothing beyond what was observed).
 */
public final class RoleRecheck {
    private RoleRecheck() {
    }

    /** Sample size cap for the unobserved requests. */
    public static final int MAX_SAMPLE = 60;

    /** One evaluated request: what it is, whether the generated roles allow it, and what was expected. */
    public record Check(String request, boolean allowed, boolean expectedAllowed) {
        public boolean ok() {
            return allowed == expectedAllowed;
        }
    }

    /** The outcome: observed requests (must be allowed) and the unobserved sample (must be denied). */
    public record Result(List<Check> observed, List<Check> unobserved) {
        public Result {
            observed = List.copyOf(observed);
            unobserved = List.copyOf(unobserved);
        }

        public boolean passed() {
            return observed.stream().allMatch(Check::ok) && unobserved.stream().allMatch(Check::ok);
        }

        public List<Check> failures() {
            List<Check> f = new ArrayList<>();
            observed.stream().filter(c -> !c.ok()).forEach(f::add);
            unobserved.stream().filter(c -> !c.ok()).forEach(f::add);
            return f;
        }

        public String summary() {
            long okObserved = observed.stream().filter(Check::ok).count();
            long okUnobserved = unobserved.stream().filter(Check::ok).count();
            return "Re-check with the RBAC engine: " + okObserved + " of " + observed.size()
                    + " observed requests allowed by the generated roles; " + okUnobserved + " of " + unobserved.size()
                    + " unobserved requests denied" + (passed() ? " — passed." : " — FAILED.");
        }

        public String report() {
            StringBuilder sb = new StringBuilder(summary()).append('\n');
            sb.append("Observed (must be allowed):\n");
            observed.forEach(c -> sb.append(c.ok() ? "  ✓ allowed  " : "  ✗ DENIED   ").append(c.request()).append('\n'));
            sb.append("Not observed (must be denied):\n");
            unobserved.forEach(c -> sb.append(c.ok() ? "  ✓ denied   " : "  ✗ ALLOWED  ").append(c.request()).append('\n'));
            return sb.toString();
        }
    }

    /** Re-checks the generated bundle against the observed use of {@code subject}. */
    public static Result check(RbacSubject subject, Bundle generated, List<ObservedUse> observed, ScopeTable scopes) {
        ClusterSnapshot overlay = overlay(generated);
        RbacEngine engine = RbacEngine.of(overlay);
        Identity id = identity(subject);
        List<Check> obs = new ArrayList<>();
        for (ObservedUse u : observed) {
            for (Request r : requests(u)) {
                obs.add(new Check(r.describe(), engine.allows(id, r), true));
            }
        }
        List<Check> unobs = new ArrayList<>();
        for (Request r : unobservedSample(observed, scopes)) {
            unobs.add(new Check(r.describe(), engine.allows(id, r), false));
        }
        return new Result(obs, unobs);
    }

    /** The identity of the subject with nothing else: only the generated bindings can grant it anything. */
    static Identity identity(RbacSubject s) {
        return switch (s.kind()) {
            case SERVICE_ACCOUNT, USER -> Identity.exactly(s.userName(), List.of());
            case GROUP -> Identity.exactly("kustodian:member-of:" + s.name(), List.of(s.name()));
        };
    }

    /** The requests an observed use stands for: one per named object, else one without a name. */
    static List<Request> requests(ObservedUse u) {
        if (u.nonResource()) {
            return List.of(Request.nonResource(u.verb(), u.url()));
        }
        String[] rs = u.resource().split("/", 2);
        String sub = rs.length > 1 ? rs[1] : "";
        if (u.anyObject() || u.names().isEmpty()) {
            return List.of(Request.resource(u.verb(), u.apiGroup(), rs[0], sub, "", u.namespace()));
        }
        List<Request> out = new ArrayList<>();
        for (String n : u.names()) {
            out.add(Request.resource(u.verb(), u.apiGroup(), rs[0], sub, n, u.namespace()));
        }
        return out;
    }

    private static final List<String> VERBS = List.of("get", "list", "watch", "create", "update", "patch", "delete",
            "deletecollection");

    /**
     * Requests near what was observed but not implied by it: other verbs on the same resources, other objects of
     * name-restricted uses, the same resources in another namespace, secrets, pod exec, escalation, nodes, URLs.
     */
    static List<Request> unobservedSample(List<ObservedUse> observed, ScopeTable scopes) {
        Set<String> namespaces = new LinkedHashSet<>();
        observed.stream().filter(u -> !u.nonResource() && !u.namespace().isEmpty()).forEach(u -> namespaces.add(u.namespace()));
        // most telling first: secrets and escalation, other objects of name-restricted uses, then other
        // namespaces, then the other verbs on the resources that were used
        Set<Request> first = new LinkedHashSet<>();
        for (String ns : namespaces.isEmpty() ? List.of("default") : List.copyOf(namespaces)) {
            first.add(Request.resource("list", "", "secrets", ns));
            first.add(Request.resource("get", "", "secrets", "", "kustodian-unobserved-secret", ns));
            first.add(Request.resource("create", "", "pods", "exec", "", ns));
            first.add(Request.resource("create", "", "pods", ns));
            first.add(Request.resource("create", "rbac.authorization.k8s.io", "rolebindings", ns));
            first.add(Request.resource("impersonate", "", "serviceaccounts", ns));
        }
        first.add(Request.resource("list", "", "secrets", ""));
        first.add(Request.resource("list", "", "nodes", ""));
        first.add(Request.resource("escalate", "rbac.authorization.k8s.io", "clusterroles", ""));
        first.add(Request.resource("delete", "", "namespaces", ""));
        first.add(Request.nonResource("get", "/metrics"));
        first.add(Request.nonResource("post", "/logs"));
        Set<Request> names = new LinkedHashSet<>();
        Set<Request> otherNs = new LinkedHashSet<>();
        Set<Request> verbs = new LinkedHashSet<>();
        for (ObservedUse u : observed) {
            if (u.nonResource()) {
                continue;
            }
            String[] rs = u.resource().split("/", 2);
            String sub = rs.length > 1 ? rs[1] : "";
            if (!u.anyObject() && !u.names().isEmpty()) {
                names.add(Request.resource(u.verb(), u.apiGroup(), rs[0], sub, "kustodian-unobserved-object", u.namespace()));
            }
            if (!u.namespace().isEmpty() && !scopes.clusterScoped(u.apiGroup(), u.resource())) {
                otherNs.add(Request.resource(u.verb(), u.apiGroup(), rs[0], sub, "", "kustodian-other-namespace"));
            }
            for (String v : VERBS) {
                verbs.add(Request.resource(v, u.apiGroup(), rs[0], sub, "", u.namespace()));
            }
        }
        List<Request> out = new ArrayList<>();
        for (Set<Request> group : List.of(first, names, otherNs, verbs)) {
            for (Request r : group) {
                if (out.size() < MAX_SAMPLE && !out.contains(r) && !impliedByObserved(r, observed)) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    /** True when an observed use allows {@code r}: same verb and resource, same (or all) namespaces, name covered. */
    static boolean impliedByObserved(Request r, List<ObservedUse> observed) {
        for (ObservedUse u : observed) {
            if (!u.verb().equals(r.verb())) {
                continue;
            }
            if (u.nonResource() || !r.isResourceRequest()) {
                if (u.nonResource() && !r.isResourceRequest() && u.url().equals(r.path())) {
                    return true;
                }
                continue;
            }
            String res = r.subresource().isEmpty() ? r.resource() : r.resource() + "/" + r.subresource();
            if (!u.apiGroup().equals(r.apiGroup()) || !u.resource().equals(res)) {
                continue;
            }
            if (!u.namespace().isEmpty() && !u.namespace().equals(r.namespace())) {
                continue;
            }
            if (u.anyObject() || u.names().isEmpty() || u.names().contains(r.name())) {
                return true;
            }
        }
        return false;
    }

    /** The generated RBAC objects of {@code bundle}, parsed from their YAML, as a snapshot of their own. */
    public static ClusterSnapshot overlay(Bundle bundle) {
        ClusterSnapshot.Builder b = ClusterSnapshot.builder(new SourceInfo(SourceInfo.Kind.SNAPSHOT,
                "generated roles", "", "", Instant.EPOCH, null));
        addTo(b, bundle);
        return b.build();
    }

    /** Adds the RBAC objects of {@code bundle} to a snapshot builder (an overlay over an existing snapshot). */
    @SuppressWarnings("unchecked")
    public static void addTo(ClusterSnapshot.Builder b, Bundle bundle) {
        for (Manifest m : bundle.objects()) {
            for (YamlDocument d : YamlReader.read(m.content(), m.fileName())) {
                if (!(d.value() instanceof Map<?, ?> raw)) {
                    continue;
                }
                Map<String, Object> obj = (Map<String, Object>) raw;
                String kind = str(obj.get("kind"));
                Map<String, Object> meta = obj.get("metadata") instanceof Map<?, ?> mm ? (Map<String, Object>) mm : Map.of();
                ObjectMeta om = ObjectMeta.of(str(meta.get("namespace")), str(meta.get("name")));
                switch (kind) {
                    case "Role", "ClusterRole" -> {
                        List<PolicyRule> rules = new ArrayList<>();
                        for (Object o : list(obj.get("rules"))) {
                            if (o instanceof Map<?, ?> r) {
                                rules.add(new PolicyRule(strings(r.get("verbs")), strings(r.get("apiGroups")),
                                        strings(r.get("resources")), strings(r.get("resourceNames")),
                                        strings(r.get("nonResourceURLs"))));
                            }
                        }
                        b.roles.add(new RoleInfo(kind, om, rules, null));
                    }
                    case "RoleBinding", "ClusterRoleBinding" -> {
                        Map<?, ?> ref = obj.get("roleRef") instanceof Map<?, ?> rr ? rr : Map.of();
                        List<BindingInfo.Subject> subjects = new ArrayList<>();
                        for (Object o : list(obj.get("subjects"))) {
                            if (o instanceof Map<?, ?> s) {
                                subjects.add(new BindingInfo.Subject(str(s.get("kind")), str(s.get("name")),
                                        str(s.get("namespace")), str(s.get("apiGroup"))));
                            }
                        }
                        b.bindings.add(new BindingInfo(kind, om, new BindingInfo.RoleRef(str(ref.get("apiGroup")),
                                str(ref.get("kind")), str(ref.get("name"))), subjects));
                    }
                    default -> { }
                }
            }
        }
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    private static List<?> list(Object o) {
        return o instanceof List<?> l ? l : List.of();
    }

    private static List<String> strings(Object o) {
        return list(o).stream().map(RoleRecheck::str).toList();
    }

    /** The bundle with the re-check attached: a {@code recheck.txt} side file, and a warning when it failed. */
    public static Bundle attach(Bundle bundle, Result result) {
        List<Manifest> m = new ArrayList<>(bundle.manifests());
        m.add(Manifest.sideFile("recheck.txt", Manifest.Format.TEXT, result.report()));
        List<String> w = new ArrayList<>(bundle.warnings());
        if (!result.passed()) {
            w.add(result.summary() + " See recheck.txt; do not apply these roles before reviewing it.");
        }
        return new Bundle(bundle.title(), m, bundle.problems(), w, bundle.nextSteps());
    }
}
