package dev.kustodian.core.rbac;

import dev.kustodian.core.findings.AnalysisContext;
import dev.kustodian.core.findings.Severity;
import dev.kustodian.core.model.BindingInfo;
import dev.kustodian.core.model.PolicyRule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.kustodian.core.findings.Severity.CRITICAL;
import static dev.kustodian.core.findings.Severity.HIGH;
import static dev.kustodian.core.findings.Severity.LOW;
import static dev.kustodian.core.findings.Severity.MEDIUM;

/**
 * The risky-permission catalogue and its evaluation over every binding: one {@link Hit} per (check, binding), with
 * the rules that trigger it. A binding is system access when all its subjects are system subjects, or when it is a
 * bootstrap binding ({@code kubernetes.io/bootstrapping=rbac-defaults}) of system subjects or the public groups.
 */
public final class RbacRisks {

    private static final String RBAC = "rbac.authorization.k8s.io";
    private static final String NS = "\u0000ns"; // placeholder replaced by the binding's namespace
    public static final Set<String> PRIVILEGED_NAMESPACES = Set.of("kube-system", "kube-public", "kube-node-lease");

    private static Request r(String verb, String group, String resource) {
        String[] rs = resource.split("/", 2);
        return Request.resource(verb, group, rs[0], rs.length > 1 ? rs[1] : "", "", NS);
    }

    private static Request c(String verb, String group, String resource) {
        String[] rs = resource.split("/", 2);
        return Request.resource(verb, group, rs[0], rs.length > 1 ? rs[1] : "", "", "");
    }

    private static List<Request> verbs(List<String> verbs, String group, String... resources) {
        List<Request> l = new ArrayList<>();
        for (String v : verbs) {
            for (String res : resources) {
                l.add(r(v, group, res));
            }
        }
        return l;
    }

    public static final RiskCheck CLUSTER_ADMIN = new RiskCheck("RBAC-CLUSTER-ADMIN",
            "cluster-admin granted", HIGH,
            "cluster-admin allows every action on every resource, including reading every secret.",
            List.of("5.1.1"), "Bind a narrower role; keep cluster-admin for break-glass accounts only.", List.of());
    public static final RiskCheck SECRETS_LIST = new RiskCheck("RBAC-SECRETS-LIST",
            "list/watch on secrets", HIGH,
            "list and watch return the values of every secret in scope, not just names.",
            List.of("5.1.2"), "Remove list/watch on secrets; grant get with resourceNames for the secrets needed.",
            verbs(List.of("list", "watch"), "", "secrets"));
    public static final RiskCheck SECRETS_GET = new RiskCheck("RBAC-SECRETS-GET",
            "get on any secret", MEDIUM,
            "get without resourceNames reads any secret in scope.",
            List.of("5.1.2"), "Restrict get on secrets with resourceNames to the secrets the subject needs.",
            List.of(r("get", "", "secrets")));
    public static final RiskCheck SECRETS_WRITE_PRIVILEGED = new RiskCheck("RBAC-SECRETS-WRITE-PRIVILEGED",
            "create/update secrets in a privileged namespace", MEDIUM,
            "writing secrets in kube-system (or cluster-wide) can replace credentials control-plane components trust.",
            List.of(), "Remove write access to secrets in kube-system and other system namespaces.",
            verbs(List.of("create", "update", "patch"), "", "secrets"));
    public static final RiskCheck WILDCARD = new RiskCheck("RBAC-WILDCARD",
            "wildcard in verbs, resources or apiGroups", MEDIUM,
            "'*' grants every current and future verb, resource or API group, including secrets and new CRDs.",
            List.of("5.1.3"), "Replace '*' with the explicit verbs, resources and API groups needed.", List.of());
    public static final RiskCheck CREATE_PODS = new RiskCheck("RBAC-CREATE-PODS",
            "create/update pods or workload controllers", MEDIUM,
            "a pod can mount any secret of its namespace and run as any service account there.",
            List.of("5.1.4"), "Limit workload creation to CI/CD identities; use admission policy to restrict mounts.",
            workloadRequests());
    public static final RiskCheck DEFAULT_SA = new RiskCheck("RBAC-DEFAULT-SA",
            "default service account has a grant", LOW,
            "every pod that names no service account runs as 'default' and inherits this grant.",
            List.of("5.1.5"), "Bind a dedicated service account instead and set automountServiceAccountToken: false on 'default'.",
            List.of());
    public static final RiskCheck SA_TOKEN_MOUNT = new RiskCheck("RBAC-SA-TOKEN-MOUNT",
            "pod mounts a token of a service account with grants", LOW,
            "anyone who can exec into the pod or escape its container can use the service account's permissions.",
            List.of("5.1.6"), "Set automountServiceAccountToken: false unless the pod calls the API.", List.of());
    public static final RiskCheck SYSTEM_MASTERS = new RiskCheck("RBAC-SYSTEM-MASTERS",
            "binding to group system:masters", HIGH,
            "members of system:masters bypass RBAC entirely; the grant can never be revoked by RBAC.",
            List.of("5.1.7"), "Do not use system:masters for users; bind a revocable group instead.", List.of());
    public static final RiskCheck IMPERSONATE = new RiskCheck("RBAC-IMPERSONATE",
            "impersonate users, groups or service accounts", HIGH,
            "impersonation acts as another identity, e.g. group system:masters.",
            List.of("5.1.8"), "Remove impersonate, or restrict it with resourceNames.",
            List.of(c("impersonate", "", "users"), c("impersonate", "", "groups"), r("impersonate", "", "serviceaccounts"),
                    c("impersonate", "authentication.k8s.io", "userextras/scopes"), c("impersonate", "authentication.k8s.io", "uids")));
    public static final RiskCheck ESCALATE_BIND = new RiskCheck("RBAC-ESCALATE-BIND",
            "escalate or bind on roles", HIGH,
            "escalate and bind bypass RBAC's privilege-escalation prevention: the subject can grant itself anything.",
            List.of("5.1.8"), "Remove escalate and bind; grant bind with resourceNames for specific roles only.",
            verbs(List.of("escalate", "bind"), RBAC, "roles", "clusterroles"));
    public static final RiskCheck RBAC_WRITE = new RiskCheck("RBAC-RBAC-WRITE",
            "create/update roles or bindings", MEDIUM,
            "with bind or escalate, or a role it already holds, the subject can widen its own access.",
            List.of(), "Limit RBAC object writes to cluster administrators and GitOps identities.",
            verbs(List.of("create", "update", "patch"), RBAC, "roles", "clusterroles", "rolebindings", "clusterrolebindings"));
    public static final RiskCheck POD_EXEC = new RiskCheck("RBAC-POD-EXEC",
            "exec/attach into pods or add ephemeral containers", MEDIUM,
            "a shell in a pod reads the secrets it mounts and its service account token.",
            List.of(), "Remove pods/exec, pods/attach and pods/ephemeralcontainers except for break-glass roles.",
            List.of(r("create", "", "pods/exec"), r("get", "", "pods/exec"), r("create", "", "pods/attach"),
                    r("update", "", "pods/ephemeralcontainers"), r("patch", "", "pods/ephemeralcontainers")));
    public static final RiskCheck PV_CREATE = new RiskCheck("RBAC-PV-CREATE",
            "create persistent volumes", MEDIUM,
            "a hostPath PersistentVolume exposes the node's filesystem, including kubelet credentials.",
            List.of("5.1.9"), "Remove create on persistentvolumes; use StorageClasses and PVCs.",
            List.of(c("create", "", "persistentvolumes")));
    public static final RiskCheck NODES_PROXY = new RiskCheck("RBAC-NODES-PROXY",
            "nodes/proxy access", HIGH,
            "nodes/proxy reaches the kubelet API: exec into any pod on the node, bypassing audit and admission.",
            List.of("5.1.10"), "Remove nodes/proxy; use metrics endpoints that do not need it.",
            List.of(c("get", "", "nodes/proxy"), c("create", "", "nodes/proxy")));
    public static final RiskCheck CSR_APPROVE = new RiskCheck("RBAC-CSR-APPROVE",
            "approve certificate signing requests", HIGH,
            "approving CSRs mints client certificates, e.g. for system:masters or a node.",
            List.of("5.1.11"), "Remove update on certificatesigningrequests/approval and approve on signers.",
            List.of(c("update", "certificates.k8s.io", "certificatesigningrequests/approval"),
                    c("patch", "certificates.k8s.io", "certificatesigningrequests/approval"),
                    c("approve", "certificates.k8s.io", "signers")));
    public static final RiskCheck WEBHOOK_CONFIG = new RiskCheck("RBAC-WEBHOOK-CONFIG",
            "change admission webhook configurations", HIGH,
            "a mutating webhook sees and can rewrite every object sent to the API, secrets included.",
            List.of("5.1.12"), "Limit webhook configuration writes to cluster administrators.",
            verbs(List.of("create", "update", "patch", "delete"), "admissionregistration.k8s.io",
                    "mutatingwebhookconfigurations", "validatingwebhookconfigurations").stream()
                    .map(q -> q.withNamespace("")).toList());
    public static final RiskCheck SA_TOKEN_CREATE = new RiskCheck("RBAC-SA-TOKEN-CREATE",
            "create service account tokens", HIGH,
            "serviceaccounts/token create mints a token for any service account in scope, and with it its access.",
            List.of("5.1.13"), "Remove create on serviceaccounts/token, or restrict it with resourceNames.",
            List.of(r("create", "", "serviceaccounts/token")));
    public static final RiskCheck PUBLIC_GROUP = new RiskCheck("RBAC-PUBLIC-GROUP",
            "grant to system:authenticated, system:unauthenticated or system:anonymous", HIGH,
            "every authenticated (or even anonymous) caller gets this grant.",
            List.of(), "Bind the role to a specific group instead of everyone.", List.of());
    public static final RiskCheck DANGLING = new RiskCheck("RBAC-DANGLING-BINDING",
            "binding to a missing role", LOW,
            "the binding grants nothing today, but whoever creates a role of that name gets it.",
            List.of(), "Delete the binding or create the intended role.", List.of());

    public static final List<RiskCheck> CATALOGUE = List.of(CLUSTER_ADMIN, SECRETS_LIST, SECRETS_GET,
            SECRETS_WRITE_PRIVILEGED, WILDCARD, CREATE_PODS, DEFAULT_SA, SA_TOKEN_MOUNT, SYSTEM_MASTERS, IMPERSONATE,
            ESCALATE_BIND, RBAC_WRITE, POD_EXEC, PV_CREATE, NODES_PROXY, CSR_APPROVE, WEBHOOK_CONFIG, SA_TOKEN_CREATE,
            PUBLIC_GROUP, DANGLING);

    private static List<Request> workloadRequests() {
        List<Request> l = new ArrayList<>();
        for (String[] w : SecretReaders.WORKLOAD_RESOURCES) {
            for (String v : List.of("create", "update", "patch")) {
                l.add(r(v, w[0], w[1]));
            }
        }
        return l;
    }

    /** One check triggered by one binding; {@code rules} are the role's rules that trigger it (empty for binding checks). */
    public record Hit(RiskCheck check, RbacEngine.Bound bound, Severity severity, List<PolicyRule> rules,
                      List<SubjectRef> subjects, boolean system, String detail) {
    }

    private final List<Hit> hits = new ArrayList<>();

    public RbacRisks(RbacEngine engine) {
        for (RbacEngine.Bound b : engine.bindings()) {
            List<SubjectRef> subjects = new ArrayList<>();
            for (BindingInfo.Subject s : b.binding().subjects()) {
                SubjectRef ref = SubjectRef.of(s, b.namespace());
                if (ref != null) {
                    subjects.add(ref);
                }
            }
            boolean system = isSystem(b, subjects);
            if (!b.roleFound()) {
                hits.add(new Hit(DANGLING, b, LOW, List.of(), subjects, system, "refers to missing " + b.roleRef()));
                continue;
            }
            if (subjects.isEmpty()) {
                continue;
            }
            evaluate(b, subjects, system);
        }
    }

    public static RbacRisks of(AnalysisContext context) {
        return context.derived(RbacRisks.class, s -> new RbacRisks(RbacEngine.of(context)));
    }

    public List<Hit> hits() {
        return List.copyOf(hits);
    }

    public List<Hit> hits(RiskCheck check) {
        return hits.stream().filter(h -> h.check() == check).toList();
    }

    /** All subjects system (public groups excepted), or a bootstrap binding of system subjects and public groups. */
    public static boolean isSystem(RbacEngine.Bound b, List<SubjectRef> subjects) {
        if (subjects.isEmpty()) {
            return "rbac-defaults".equals(b.binding().meta().label("kubernetes.io/bootstrapping"));
        }
        if (subjects.stream().allMatch(SubjectRef::isSystem)) {
            return true;
        }
        return "rbac-defaults".equals(b.binding().meta().label("kubernetes.io/bootstrapping"))
                && subjects.stream().allMatch(s -> s.isSystem() || s.isPublicGroup());
    }

    private void evaluate(RbacEngine.Bound b, List<SubjectRef> subjects, boolean system) {
        String ns = b.namespace();
        boolean clusterWide = ns.isEmpty();
        // subject checks: at most one hit per check and binding
        if (subjects.contains(SubjectRef.group(Identity.MASTERS))) {
            hits.add(new Hit(SYSTEM_MASTERS, b, HIGH, List.of(), subjects, system, "binds group system:masters"));
        }
        List<SubjectRef> defaults = subjects.stream()
                .filter(s -> SubjectRef.SERVICE_ACCOUNT.equals(s.kind()) && "default".equals(s.name())).toList();
        if (!defaults.isEmpty() && !b.rules().isEmpty()) {
            hits.add(new Hit(DEFAULT_SA, b, LOW, List.of(), subjects, system, "grants " + b.roleRef() + " to "
                    + String.join(", ", defaults.stream().map(SubjectRef::display).toList())));
        }
        List<SubjectRef> publics = subjects.stream().filter(SubjectRef::isPublicGroup).toList();
        if (!publics.isEmpty() && !b.rules().isEmpty()) {
            boolean anonymous = publics.stream().anyMatch(s -> Identity.UNAUTHENTICATED.equals(s.name())
                    || Identity.ANONYMOUS.equals(s.name()));
            hits.add(new Hit(PUBLIC_GROUP, b, anonymous ? CRITICAL : HIGH, List.of(), subjects, system,
                    "grants " + b.roleRef() + " to " + String.join(", ", publics.stream().map(SubjectRef::display).toList())));
        }
        if ("ClusterRole/cluster-admin".equals(b.roleRef())) {
            hits.add(new Hit(CLUSTER_ADMIN, b, clusterWide ? CRITICAL : HIGH, List.of(), subjects, system,
                    clusterWide ? "cluster-wide" : "in namespace " + ns));
            return; // every other check is implied
        }
        List<PolicyRule> wildcards = b.rules().stream().filter(RbacRisks::hasWildcard).toList();
        if (!wildcards.isEmpty()) {
            boolean full = wildcards.stream().anyMatch(r -> r.verbs().contains("*") && r.resources().contains("*")
                    && r.apiGroups().contains("*"));
            hits.add(new Hit(WILDCARD, b, full ? (clusterWide ? CRITICAL : HIGH) : MEDIUM, wildcards, subjects, system,
                    full ? "equivalent to " + (clusterWide ? "cluster-admin" : "admin of namespace " + ns) : "wildcards"));
            if (full) {
                return;
            }
        }
        for (RiskCheck check : CATALOGUE) {
            if (check.requests().isEmpty()) {
                continue;
            }
            if (check == SECRETS_WRITE_PRIVILEGED && !clusterWide && !PRIVILEGED_NAMESPACES.contains(ns)) {
                continue;
            }
            List<PolicyRule> matching = new ArrayList<>();
            for (PolicyRule rule : b.rules()) {
                for (Request q : check.requests()) {
                    Request req = NS.equals(q.namespace()) ? q.withNamespace(clusterWide ? "" : ns) : q;
                    if (RbacMatch.ruleAllows(rule, req)) {
                        matching.add(rule);
                        break;
                    }
                }
            }
            if (matching.isEmpty()) {
                continue;
            }
            Severity sev = check.severity();
            if (check == SECRETS_LIST || check == SECRETS_GET) {
                sev = clusterWide ? (check == SECRETS_LIST ? CRITICAL : HIGH) : check.severity();
            }
            hits.add(new Hit(check, b, sev, matching, subjects, system, clusterWide ? "cluster-wide" : "in namespace " + ns));
        }
    }

    static boolean hasWildcard(PolicyRule r) {
        return r.verbs().contains("*") || r.resources().contains("*") || r.apiGroups().contains("*");
    }

    /** Hits grouped by check id, in catalogue order. */
    public Map<String, List<Hit>> byCheck() {
        Map<String, List<Hit>> m = new LinkedHashMap<>();
        for (RiskCheck c : CATALOGUE) {
            m.put(c.id(), hits(c));
        }
        return m;
    }
}
