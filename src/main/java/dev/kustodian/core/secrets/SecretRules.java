package dev.kustodian.core.secrets;

import dev.kustodian.core.findings.AnalysisContext;
import dev.kustodian.core.findings.AreaRule;
import dev.kustodian.core.findings.Coverage;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.findings.FindingRule;
import dev.kustodian.core.findings.ObjectRef;
import dev.kustodian.core.findings.Rules;
import dev.kustodian.core.findings.Severity;
import dev.kustodian.core.model.BindingInfo;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.ConfigMapInfo;
import dev.kustodian.core.model.HasMeta;
import dev.kustodian.core.model.LeakHint;
import dev.kustodian.core.model.ObjectMeta;
import dev.kustodian.core.model.PodSpecInfo;
import dev.kustodian.core.model.SecretInfo;
import dev.kustodian.core.model.ServiceAccountInfo;
import dev.kustodian.core.model.WorkloadInfo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The secret-exposure rules (area {@code secrets}). Every rule is a pure function of the snapshot, the clock and
 * (for the two reader rules) a {@link SecretReadersSource}. Findings name objects, keys and locations, never values.
 */
public final class SecretRules implements Rules.RuleProvider {

    public static final String AREA = "secrets";

    public static final String ENV = "SEC-ENV";
    public static final String SA_TOKEN_LEGACY = "SEC-SA-TOKEN-LEGACY";
    public static final String AUTOMOUNT = "SEC-SA-AUTOMOUNT";
    public static final String UNUSED = "SEC-UNUSED";
    public static final String DANGLING = "SEC-DANGLING-REF";
    public static final String LEAK = "SEC-VALUE-OUTSIDE-SECRET";
    public static final String TLS_EXPIRED = "SEC-TLS-EXPIRED";
    public static final String TLS_EXPIRING = "SEC-TLS-EXPIRING";
    public static final String DOCKER_INLINE = "SEC-REGISTRY-CREDS-INLINE";
    public static final String READERS_MANY = "SEC-READERS-MANY";
    public static final String READERS_LIST = "SEC-READERS-LIST";
    public static final String DEFAULT_NS = "SEC-DEFAULT-NAMESPACE";
    public static final String SHARED_VALUE = "SEC-SHARED-VALUE";
    public static final String OLD = "SEC-NOT-ROTATED";
    public static final String NO_EXTERNAL_STORE = "SEC-NO-EXTERNAL-STORE";

    /** Non-system subjects at which a secret counts as readable by many. */
    public static final int MANY_READERS = 5;
    public static final Duration EXPIRY_WARNING = Duration.ofDays(30);
    public static final Duration ROTATION_AGE = Duration.ofDays(90);

    /** What the rules that look into secrets' data read. */
    static final Set<String> SECRETS_WITH_VALUES = Coverage.reads(List.of("secrets"), List.of(Coverage.SECRET_VALUES));

    static final Set<String> SYSTEM_NAMESPACES = Set.of("kube-system", "kube-public", "kube-node-lease");

    /** The wizard hints. */
    public static final String FIX_EXTERNAL_SECRET = "external-secret";
    public static final String FIX_ROLE = "role";

    @Override
    public List<FindingRule> rules() {
        return List.of(new EnvRule(), new LegacyTokenRule(), new AutomountRule(), new UnusedRule(),
                new DanglingRule(), new LeakRule(), new TlsExpiredRule(), new TlsExpiringRule(),
                new DockerInlineRule(), new ReadersManyRule(), new ReadersListRule(), new DefaultNamespaceRule(),
                new SharedValueRule(), new NotRotatedRule(), new NoExternalStoreRule());
    }

    static boolean systemNamespace(String ns) {
        return SYSTEM_NAMESPACES.contains(ns);
    }

    static ObjectRef ref(String kind, HasMeta o) {
        return new ObjectRef(kind, o.namespace(), o.name());
    }

    static Finding mark(Finding f, boolean system, String fix) {
        Finding out = system ? f.asSystem() : f;
        return fix == null ? out : out.withFix(fix);
    }

    static String secretName(SecretInfo s) {
        return s.namespace() + "/" + s.name();
    }

    static String joinLimited(List<String> items, int max) {
        return AreaRule.joinLimited(items, max);
    }

    /** Base: a rule of the secrets area. */
    abstract static class Rule extends AreaRule {
        Rule(String id, String description, Set<String> reads) {
            super(id, AREA, description, reads);
        }
    }

    /**
     * A rule that looks at each secret on its own: at most one finding per secret, in the snapshot's order, marked
     * as a system finding in the system namespaces and with the rule's wizard hint.
     */
    abstract static class PerSecretRule extends Rule {
        private final String fix;

        PerSecretRule(String id, String description, String fix) {
            super(id, description, SECRETS_WITH_VALUES);
            this.fix = fix;
        }

        /** The finding about {@code s}, or null. */
        abstract Finding check(SecretInfo s, AnalysisContext ctx);

        @Override
        public List<Finding> evaluate(AnalysisContext ctx) {
            List<Finding> out = new ArrayList<>();
            for (SecretInfo s : ctx.snapshot().secrets()) {
                Finding f = check(s, ctx);
                if (f != null) {
                    out.add(mark(f, systemNamespace(s.namespace()), fix));
                }
            }
            return out;
        }
    }

    // ------------------------------------------------------------------------------------------------------------

    /** CIS 5.4.1: secrets as files rather than environment variables. */
    static final class EnvRule extends Rule {
        EnvRule() {
            super(ENV, "Secrets consumed through environment variables (CIS 5.4.1: prefer mounted files).",
                    Coverage.reads(Coverage.WORKLOADS, List.of("secrets")));
        }

        @Override
        public List<Finding> evaluate(AnalysisContext ctx) {
            SecretUsageIndex idx = SecretUsageIndex.of(ctx);
            List<Finding> out = new ArrayList<>();
            for (SecretInfo s : ctx.snapshot().secrets()) {
                Map<ObjectRef, List<SecretUse>> byUser = new LinkedHashMap<>();
                for (SecretUse u : idx.usesOf(s.namespace(), s.name())) {
                    if (u.how().isEnv()) {
                        byUser.computeIfAbsent(u.user(), k -> new ArrayList<>()).add(u);
                    }
                }
                byUser.forEach((user, uses) -> {
                    Set<String> containers = new TreeSet<>();
                    Set<String> keys = new TreeSet<>();
                    boolean whole = false;
                    for (SecretUse u : uses) {
                        containers.add(u.where());
                        keys.addAll(u.keys());
                        whole |= u.how() == SecretUse.How.ENV_FROM;
                    }
                    String what = whole ? "all keys (envFrom)" : "key(s) " + String.join(", ", keys);
                    out.add(mark(finding(Severity.MEDIUM, user,
                            user.display() + " reads secret " + s.name() + " through environment variables",
                            "Container(s) " + String.join(", ", containers) + " get " + what + " of secret "
                                    + secretName(s) + " as environment variables. Environment variables end up in "
                                    + "crash dumps, debug endpoints, child processes and `kubectl describe`-style "
                                    + "tooling far more often than files do.",
                            "Mount the secret as a volume (readOnly) and have the application read the file; "
                                    + "remove the secretKeyRef/envFrom entries.",
                            List.of("5.4.1")).withIdSuffix(s.name()), systemNamespace(s.namespace()), null));
                });
            }
            return out;
        }
    }

    /** Long-lived service-account token secrets. */
    static final class LegacyTokenRule extends PerSecretRule {
        LegacyTokenRule() {
            super(SA_TOKEN_LEGACY, "Legacy long-lived kubernetes.io/service-account-token secrets.", null);
        }

        @Override
        Finding check(SecretInfo s, AnalysisContext ctx) {
            if (!SecretInfo.TYPE_SA_TOKEN.equals(s.type())) {
                return null;
            }
            String sa = s.serviceAccountName() != null ? s.serviceAccountName()
                    : s.meta().annotation("kubernetes.io/service-account.name");
            return finding(Severity.MEDIUM, ref("Secret", s),
                    "Long-lived service-account token " + secretName(s),
                    "Secret " + secretName(s) + " holds a token for service account "
                            + (sa == null ? "(unknown)" : sa) + " that never expires and works until the "
                            + "secret is deleted. Anyone who can read it acts as that account.",
                    "Use short-lived tokens (projected service-account token volumes, or `kubectl create "
                            + "token`) and delete this secret once nothing uses it.",
                    List.of("5.1.6"));
        }
    }

    /** CIS 5.1.6: pods that automount the default service account's token without needing it. */
    static final class AutomountRule extends Rule {
        AutomountRule() {
            super(AUTOMOUNT, "Workloads that automount the default service account's token they do not need "
                    + "(CIS 5.1.6).",
                    Coverage.reads(Coverage.WORKLOADS, List.of("serviceaccounts"), Coverage.RBAC));
        }

        @Override
        public List<Finding> evaluate(AnalysisContext ctx) {
            ClusterSnapshot snap = ctx.snapshot();
            Set<String> boundDefaults = new HashSet<>();
            for (BindingInfo b : snap.bindings()) {
                for (BindingInfo.Subject sub : b.subjects()) {
                    if ("ServiceAccount".equals(sub.kind()) && "default".equals(sub.name())) {
                        boundDefaults.add(sub.namespace().isEmpty() ? b.meta().namespace() : sub.namespace());
                    }
                }
            }
            List<Finding> out = new ArrayList<>();
            SecretUsageIndex idx = SecretUsageIndex.of(ctx);
            idx.workloadRoots().forEach((root, spec) -> {
                if (!"default".equals(spec.serviceAccountName()) || spec.automountServiceAccountToken() != null
                        || boundDefaults.contains(root.namespace())) {
                    return; // another account, an explicit choice, or the default account has API permissions
                }
                Optional<ServiceAccountInfo> sa = snap.serviceAccount(root.namespace(), "default");
                if (sa.isPresent() && Boolean.FALSE.equals(sa.get().automountToken())) {
                    return;
                }
                out.add(mark(finding(Severity.LOW, root,
                        root.display() + " mounts a service-account token it does not use",
                        root.display() + " runs as the default service account of " + root.namespace()
                                + ", which has no role bindings, and does not set automountServiceAccountToken: "
                                + "every container gets an API token that only helps an attacker.",
                        "Set `automountServiceAccountToken: false` in the pod template (or on the default "
                                + "ServiceAccount of the namespace).",
                        List.of("5.1.6")), systemNamespace(root.namespace()), null));
            });
            return out;
        }
    }

    /** Secrets nothing refers to. */
    static final class UnusedRule extends Rule {
        private static final Set<String> SKIPPED_TYPES = Set.of(SecretInfo.TYPE_SA_TOKEN, SecretInfo.TYPE_HELM_RELEASE,
                SecretInfo.TYPE_BOOTSTRAP_TOKEN, SecretInfo.TYPE_TLS);

        UnusedRule() {
            super(UNUSED, "Secrets no workload, service account, custom resource or owner refers to.",
                    Coverage.reads(List.of("secrets", "serviceaccounts"), Coverage.WORKLOADS, Coverage.STORE_OBJECTS,
                            List.of(Coverage.SECRET_VALUES)));
        }

        @Override
        public List<Finding> evaluate(AnalysisContext ctx) {
            ClusterSnapshot snap = ctx.snapshot();
            SecretUsageIndex idx = SecretUsageIndex.of(ctx);
            List<Finding> out = new ArrayList<>();
            for (SecretInfo s : snap.secrets()) {
                if (SKIPPED_TYPES.contains(s.type()) || !s.meta().owners().isEmpty()
                        || SecretUsageIndex.managedBy(s) != ManagedBy.NONE
                        || !idx.usesOf(s.namespace(), s.name()).isEmpty()
                        || snap.isHidden("pods", s.namespace())) {
                    continue;
                }
                out.add(mark(finding(Severity.LOW, ref("Secret", s), "Secret " + secretName(s) + " is not used",
                        "No workload, service account or custom resource in the snapshot refers to "
                                + secretName(s) + " and it has no owner. Unused secrets are credentials nobody "
                                + "rotates. (Ingress and Gateway TLS references are not analysed; TLS secrets "
                                + "are therefore not reported.)",
                        "Check that nothing outside the cluster needs it, then delete it "
                                + "(`kubectl delete secret -n " + s.namespace() + " " + s.name() + "`) and revoke "
                                + "the credential it holds.",
                        List.of()), systemNamespace(s.namespace()), null));
            }
            return out;
        }
    }

    /** References to secrets or keys that do not exist. */
    static final class DanglingRule extends Rule {
        private static final String CREATE_SECRET = "Create the secret (or fix the name), or mark the reference "
                + "`optional: true` if the workload can run without it.";
        private static final String CREATE_KEY = "Create the key (or fix the name), or mark the reference "
                + "`optional: true` if the workload can run without it.";

        DanglingRule() {
            super(DANGLING, "Workloads that refer to a secret or key that does not exist (non-optional references).",
                    Coverage.reads(Coverage.WORKLOADS, List.of("secrets"), List.of(Coverage.SECRET_VALUES)));
        }

        @Override
        public List<Finding> evaluate(AnalysisContext ctx) {
            List<Finding> out = new ArrayList<>();
            for (DanglingRef d : SecretUsageIndex.of(ctx).dangling()) {
                // String.join builds each text in one array of its final size: the jar's string concatenation
                // starts a StringBuilder at 16 chars and grows it several times, for 60,000 findings of a large
                // cluster (docs/performance.md, the one-shot scan, ninth pass)
                String user = d.user().display();
                String target = d.key() == null ? String.join("", "secret ", d.namespace(), "/", d.secretName())
                        : String.join("", "key ", d.key(), " of secret ", d.namespace(), "/", d.secretName());
                String where = d.where().isEmpty() ? d.how().label() : String.join(" ", d.how().label(), d.where());
                String consequence = d.blocksStart()
                        ? "Its pods cannot start (CreateContainerConfigError or a volume mount failure) until it exists."
                        : "Image pulls from a registry that needs these credentials fail.";
                out.add(mark(finding(d.blocksStart() ? Severity.HIGH : Severity.LOW, d.user(),
                        String.join("", user, " refers to missing ", target),
                        String.join("", user, " refers to ", target, " (", where, "), which does not exist and "
                                + "is not marked optional. ", consequence),
                        d.key() == null ? CREATE_SECRET : CREATE_KEY,
                        List.of()).withIdSuffix(String.join("", d.secretName(), d.key() == null ? "" : "/",
                        d.key() == null ? "" : d.key(), ":", d.how().name().toLowerCase(java.util.Locale.ROOT),
                        d.where().isEmpty() ? "" : ":", d.where())),
                        systemNamespace(d.namespace()), null));
            }
            return out;
        }
    }

    /** Values that look like credentials outside secrets (from the load-time leak detector). */
    static final class LeakRule extends Rule {
        LeakRule() {
            super(LEAK, "Credential-like values outside secrets: ConfigMap data, env literals, annotations.",
                    Coverage.reads(Coverage.WORKLOADS, List.of("configmaps")));
        }

        @Override
        public List<Finding> evaluate(AnalysisContext ctx) {
            ClusterSnapshot snap = ctx.snapshot();
            Map<String, Finding> out = new LinkedHashMap<>();
            for (ConfigMapInfo cm : snap.configMaps()) {
                ObjectRef o = ref("ConfigMap", cm);
                for (LeakHint h : cm.leaks()) {
                    add(out, o, h.location(), h.kind().description(), "ConfigMap");
                }
                annotations(out, o, cm.meta());
            }
            SecretUsageIndex idx = SecretUsageIndex.of(ctx);
            for (WorkloadInfo w : snap.workloads()) {
                if (w.spec() != null && !w.spec().leaks().isEmpty()) {
                    ObjectRef root = idx.rootOf(w);
                    // a pod made by a visible controller carries its template's values: report them once, on the root
                    boolean fromTemplate = w.isPod() && !"Pod".equals(root.kind());
                    if (!fromTemplate) {
                        for (LeakHint h : w.spec().leaks()) {
                            add(out, root, h.location(), h.kind().description(), "pod specification");
                        }
                    }
                }
                if (!w.meta().annotations().isEmpty()) {
                    annotations(out, ref(w.kind(), w), w.meta());
                }
            }
            for (ServiceAccountInfo sa : snap.serviceAccounts()) {
                annotations(out, ref("ServiceAccount", sa), sa.meta());
            }
            for (var ns : snap.namespaces()) {
                annotations(out, new ObjectRef("Namespace", "", ns.name()), ns.meta());
            }
            for (var co : snap.customObjects()) {
                annotations(out, ref(co.kind(), co), co.meta());
            }
            return new ArrayList<>(out.values());
        }

        private void annotations(Map<String, Finding> out, ObjectRef o, ObjectMeta meta) {
            meta.annotations().forEach((k, v) -> {
                if (ObjectMeta.REDACTED.equals(v)) {
                    add(out, o, "metadata.annotations[" + k + "]", "credential", o.kind());
                }
            });
        }

        private void add(Map<String, Finding> out, ObjectRef o, String location, String what, String place) {
            String id = LEAK + ":" + o.display() + ":" + location;
            if (out.containsKey(id)) {
                return;
            }
            out.put(id, mark(finding(Severity.HIGH, o,
                    "Credential-like value in " + o.display() + " at " + location,
                    "The value at " + location + " of " + o.display() + " looks like a " + what + ". Values in a "
                            + place + " are readable by everyone who can read that object, are not encrypted at "
                            + "rest by secret encryption, and show up in `kubectl get -o yaml`. Kustodian neither "
                            + "shows nor keeps the value.",
                    "Move the value into a Secret (better: an external secret store) and reference it; then rotate "
                            + "the credential, since it has been readable.",
                    List.of("5.4.1")).withIdSuffix(location), systemNamespace(o.namespace()), FIX_EXTERNAL_SECRET));
        }
    }

    static final class TlsExpiredRule extends PerSecretRule {
        TlsExpiredRule() {
            super(TLS_EXPIRED, "TLS certificates in secrets that have expired.", null);
        }

        @Override
        Finding check(SecretInfo s, AnalysisContext ctx) {
            Instant now = ctx.now();
            if (s.tls() == null || s.tls().notAfter() == null || !s.tls().notAfter().isBefore(now)) {
                return null;
            }
            return finding(Severity.HIGH, ref("Secret", s), "Certificate in " + secretName(s) + " has expired",
                    "The certificate (subject " + s.tls().subject() + ") expired on "
                            + s.tls().notAfter().truncatedTo(ChronoUnit.SECONDS) + ". Clients that verify it "
                            + "reject the connection.",
                    "Renew the certificate and update the secret; let cert-manager manage it so it renews "
                            + "automatically.",
                    List.of());
        }
    }

    static final class TlsExpiringRule extends PerSecretRule {
        TlsExpiringRule() {
            super(TLS_EXPIRING, "TLS certificates in secrets that expire within 30 days.", null);
        }

        @Override
        Finding check(SecretInfo s, AnalysisContext ctx) {
            Instant now = ctx.now();
            Instant limit = now.plus(EXPIRY_WARNING);
            if (s.tls() == null || s.tls().notAfter() == null) {
                return null;
            }
            Instant na = s.tls().notAfter();
            if (na.isBefore(now) || na.isAfter(limit)) {
                return null;
            }
            long days = Duration.between(now, na).toDays();
            boolean managed = SecretUsageIndex.managedBy(s) == ManagedBy.CERT_MANAGER;
            return finding(managed ? Severity.LOW : Severity.MEDIUM, ref("Secret", s),
                    "Certificate in " + secretName(s) + " expires in " + days + " day(s)",
                    "The certificate (subject " + s.tls().subject() + ") expires on "
                            + na.truncatedTo(ChronoUnit.SECONDS) + "."
                            + (managed ? " cert-manager manages it and should renew it: check the Certificate's "
                            + "status if it does not." : " Nothing in the snapshot renews it automatically."),
                    "Renew the certificate before it expires, or let cert-manager manage it.",
                    List.of());
        }
    }

    static final class DockerInlineRule extends PerSecretRule {
        DockerInlineRule() {
            super(DOCKER_INLINE, "Registry credentials stored inline in dockerconfigjson secrets.",
                    FIX_EXTERNAL_SECRET);
        }

        @Override
        Finding check(SecretInfo s, AnalysisContext ctx) {
            if (s.dockerConfig() == null || !s.dockerConfig().inlineAuth()) {
                return null;
            }
            String regs = s.dockerConfig().registries().isEmpty() ? "(none listed)"
                    : joinLimited(s.dockerConfig().registries(), 5);
            return finding(Severity.MEDIUM, ref("Secret", s),
                    "Registry credentials stored inline in " + secretName(s),
                    "Secret " + secretName(s) + " holds a long-lived registry password or auth token for "
                            + regs + ". Anyone who can read the secret can pull (and often push) images.",
                    "Prefer short-lived credentials: a kubelet credential provider, workload identity, or an "
                            + "ExternalSecret with a registry token generator (e.g. ECR/GCR/ACR) that refreshes "
                            + "it; at least use a read-only, pull-only token.",
                    List.of());
        }
    }

    /** Secrets readable by many non-system subjects (RBAC). */
    static final class ReadersManyRule extends Rule {
        ReadersManyRule() {
            super(READERS_MANY, "Secrets readable by " + MANY_READERS + " or more non-system subjects (RBAC).",
                    Coverage.reads(List.of("secrets"), Coverage.RBAC));
        }

        @Override
        public List<Finding> evaluate(AnalysisContext ctx) {
            SecretReadersSource src = SecretReadersSource.of(ctx);
            if (!src.available()) {
                return List.of();
            }
            List<Finding> out = new ArrayList<>();
            // secrets of a namespace usually share one readers list: count its subjects once
            Map<List<SecretReader>, List<String>> counted = new java.util.IdentityHashMap<>();
            for (SecretInfo s : ctx.snapshot().secrets()) {
                List<String> subjects = counted.computeIfAbsent(src.readers(s.namespace(), s.name()),
                        l -> l.stream().filter(r -> !r.system()).map(SecretReader::display).distinct().sorted()
                                .toList());
                if (subjects.size() < MANY_READERS) {
                    continue;
                }
                out.add(mark(finding(Severity.MEDIUM, ref("Secret", s),
                        "Secret " + secretName(s) + " is readable by " + subjects.size() + " subjects",
                        subjects.size() + " non-system subjects can read " + secretName(s) + ": "
                                + joinLimited(subjects, 10) + ". Every one of them is a way to the value.",
                        "Narrow the roles that grant get/list/watch on secrets (use resourceNames, namespace-scoped "
                                + "Roles instead of ClusterRoles, separate namespaces for sensitive secrets).",
                        List.of("5.1.2")), systemNamespace(s.namespace()), FIX_ROLE));
            }
            return out;
        }
    }

    /** Non-system subjects that can list or watch secrets: they read every value of a namespace. */
    static final class ReadersListRule extends Rule {
        ReadersListRule() {
            super(READERS_LIST, "Non-system subjects that can list or watch secrets (and so read all their values).",
                    Coverage.reads(Coverage.RBAC));
        }

        @Override
        public List<Finding> evaluate(AnalysisContext ctx) {
            SecretReadersSource src = SecretReadersSource.of(ctx);
            if (!src.available()) {
                return List.of();
            }
            Map<String, SecretReader> subjects = new TreeMap<>();
            Map<String, Set<String>> namespaces = new HashMap<>();
            Map<String, Set<String>> paths = new HashMap<>();
            // secrets of a namespace usually share one readers list (the same instance): look at it once per namespace
            Map<String, Set<List<SecretReader>>> seen = new HashMap<>();
            for (SecretInfo s : ctx.snapshot().secrets()) {
                List<SecretReader> readers = src.readers(s.namespace(), s.name());
                if (!seen.computeIfAbsent(s.namespace(), k -> java.util.Collections.newSetFromMap(
                        new java.util.IdentityHashMap<>())).add(readers)) {
                    continue;
                }
                for (SecretReader r : readers) {
                    if (r.system() || !r.canListOrWatch()) {
                        continue;
                    }
                    String key = r.display();
                    subjects.putIfAbsent(key, r);
                    namespaces.computeIfAbsent(key, k -> new TreeSet<>()).add(s.namespace());
                    paths.computeIfAbsent(key, k -> new TreeSet<>()).addAll(r.paths());
                }
            }
            List<Finding> out = new ArrayList<>();
            subjects.forEach((key, r) -> {
                List<String> nss = new ArrayList<>(namespaces.get(key));
                ObjectRef o = new ObjectRef(r.subjectKind(), r.subjectNamespace(), r.subjectName());
                List<String> via = new ArrayList<>(paths.get(key));
                out.add(finding(Severity.HIGH, o,
                        key + " can list or watch secrets in " + nss.size() + " namespace(s)",
                        key + " can list or watch secrets in " + joinLimited(nss, 10) + ". A list or watch returns "
                                + "every value, so this subject reads all secrets there"
                                + (via.isEmpty() ? "." : ", through " + joinLimited(via, 5) + "."),
                        "Grant `get` on named secrets (resourceNames) instead of list/watch, or move the "
                                + "subject's work to a controller that does not need it.",
                        List.of("5.1.2")).withFix(FIX_ROLE));
            });
            return out;
        }
    }

    /** CIS 5.7.4: secrets in the default namespace. */
    static final class DefaultNamespaceRule extends PerSecretRule {
        DefaultNamespaceRule() {
            super(DEFAULT_NS, "Secrets in the default namespace (CIS 5.7.4).", null);
        }

        @Override
        Finding check(SecretInfo s, AnalysisContext ctx) {
            if (!"default".equals(s.namespace()) || SecretInfo.TYPE_SA_TOKEN.equals(s.type())
                    || SecretInfo.TYPE_HELM_RELEASE.equals(s.type())) {
                return null;
            }
            return finding(Severity.LOW, ref("Secret", s), "Secret " + s.name() + " is in the default namespace",
                    "The default namespace is where everything lands by accident; RBAC granted there (often "
                            + "broadly) reaches this secret.",
                    "Move the secret and its workloads to a dedicated namespace with its own RBAC.",
                    List.of("5.7.4"));
        }
    }

    /** The same value in several secrets. */
    static final class SharedValueRule extends Rule {
        private static final Set<String> IGNORED_KEYS = Set.of("ca.crt", "tls.crt", "namespace", "service-ca.crt");
        private static final Set<String> IGNORED_TYPES = Set.of(SecretInfo.TYPE_SA_TOKEN, SecretInfo.TYPE_HELM_RELEASE);
        private static final long MIN_SIZE = 8;
        private static final Comparator<Place> PLACE_ORDER = Comparator.comparing((Place e) -> e.ns)
                .thenComparing(e -> e.name).thenComparing(e -> e.key);

        private record Place(String ns, String name, String key) {
        }

        SharedValueRule() {
            super(SHARED_VALUE, "The same value (by keyed fingerprint) in several secrets: shared credentials.",
                    SECRETS_WITH_VALUES);
        }

        @Override
        public List<Finding> evaluate(AnalysisContext ctx) {
            // first occurrence per fingerprint without allocating a list; a list only for repeated values
            Map<String, Object> groups = new HashMap<>(ctx.snapshot().secrets().size() * 3);
            for (SecretInfo s : ctx.snapshot().secrets()) {
                if (IGNORED_TYPES.contains(s.type())) {
                    continue;
                }
                for (SecretInfo.SecretKeyInfo k : s.keys()) {
                    if (k.fingerprint() == null || k.fingerprint().isEmpty() || k.size() < MIN_SIZE
                            || IGNORED_KEYS.contains(k.name())) {
                        continue;
                    }
                    Place p = new Place(s.namespace(), s.name(), k.name());
                    Object prev = groups.putIfAbsent(k.fingerprint(), p);
                    if (prev instanceof Place first) {
                        List<Place> l = new ArrayList<>(4);
                        l.add(first);
                        l.add(p);
                        groups.put(k.fingerprint(), l);
                    } else if (prev instanceof List<?> l) {
                        @SuppressWarnings("unchecked")
                        List<Place> places = (List<Place>) l;
                        places.add(p);
                    }
                }
            }
            List<Finding> out = new ArrayList<>();
            for (Object o : groups.values()) {
                if (!(o instanceof List<?> raw)) {
                    continue;
                }
                @SuppressWarnings("unchecked")
                List<Place> g = (List<Place>) raw;
                long secrets = g.stream().map(e -> e.ns + "/" + e.name).distinct().count();
                if (secrets < 2) {
                    continue;
                }
                g.sort(PLACE_ORDER);
                Place first = g.get(0);
                List<String> places = g.stream().map(e -> e.ns + "/" + e.name + "[" + e.key + "]").toList();
                boolean allSystem = g.stream().allMatch(e -> systemNamespace(e.ns));
                out.add(mark(finding(Severity.MEDIUM, new ObjectRef("Secret", first.ns, first.name),
                        "The same value is stored in " + secrets + " secrets",
                        "Keys " + joinLimited(places, 10) + " hold the same value (compared by a keyed fingerprint; "
                                + "the value itself is not read into Kustodian). A shared credential cannot be "
                                + "rotated or revoked for one consumer without breaking the others, and a leak of "
                                + "one copy exposes all.",
                        "Give each consumer its own credential; if they must share one, keep a single secret (or "
                                + "one external-store entry) as the source of truth.",
                        List.of()).withIdSuffix(first.key), allSystem, null));
            }
            out.sort(Comparator.comparing(Finding::id));
            return out;
        }
    }

    /** Opaque secrets not changed for 90 days or more: rotation hint. */
    static final class NotRotatedRule extends PerSecretRule {
        NotRotatedRule() {
            super(OLD, "Opaque secrets not changed for 90 days or more (rotation hint).", FIX_EXTERNAL_SECRET);
        }

        @Override
        Finding check(SecretInfo s, AnalysisContext ctx) {
            Instant limit = ctx.now().minus(ROTATION_AGE);
            if (!SecretInfo.TYPE_OPAQUE.equals(s.type())
                    || SecretUsageIndex.managedBy(s) == ManagedBy.EXTERNAL_SECRET) {
                return null;
            }
            Instant changed = s.meta().lastModified() != null ? s.meta().lastModified() : s.meta().created();
            // (a secret created before the limit and never modified also counts)
            if (changed == null || changed.isAfter(limit)) {
                return null;
            }
            long days = Duration.between(changed, ctx.now()).toDays();
            return finding(Severity.LOW, ref("Secret", s),
                    "Secret " + secretName(s) + " has not changed for " + days + " days",
                    "Secret " + secretName(s) + " was last changed on " + java.time.LocalDate.ofInstant(changed,
                            java.time.ZoneOffset.UTC) + ". Credentials that are never rotated stay valid "
                            + "for whoever copied them.",
                    "Rotate the credential it holds; an external secret store with automatic rotation "
                            + "(synced by an ExternalSecret) makes this routine.",
                    List.of());
        }
    }

    /** CIS 5.4.2: no external secret manager installed. */
    static final class NoExternalStoreRule extends Rule {
        static final Set<String> GROUPS = Set.of("external-secrets.io", "secrets-store.csi.x-k8s.io",
                "secrets.hashicorp.com", "secrets.akeyless.io", "bitnami.com");

        NoExternalStoreRule() {
            super(NO_EXTERNAL_STORE, "No external secret manager installed (CIS 5.4.2).",
                    Coverage.reads(List.of("customresourcedefinitions")));
        }

        @Override
        public List<Finding> evaluate(AnalysisContext ctx) {
            ClusterSnapshot snap = ctx.snapshot();
            if (snap.isHidden("customresourcedefinitions", "")) {
                return List.of(); // cannot tell
            }
            boolean installed = Stream.concat(snap.crds().stream().map(c -> c.group()),
                            snap.apiResources().stream().map(a -> a.group()))
                    .anyMatch(GROUPS::contains)
                    || snap.workloads().stream().anyMatch(NoExternalStoreRule::injectorOrCsi);
            if (installed) {
                return List.of();
            }
            return List.of(finding(Severity.LOW, ObjectRef.cluster(), "No external secret manager is installed",
                    "No External Secrets Operator, Secrets Store CSI Driver, Sealed Secrets, Vault (injector or "
                            + "Secrets Operator) or Akeyless integration was found. All secret values live only in "
                            + "Kubernetes Secrets, i.e. in etcd.",
                    "Keep secrets in an external store (Vault, a cloud secret manager, Akeyless...) and sync them "
                            + "with External Secrets Operator or mount them with the Secrets Store CSI Driver.",
                    List.of("5.4.2")).withFix(FIX_EXTERNAL_SECRET));
        }

        private static boolean injectorOrCsi(WorkloadInfo w) {
            Map<String, String> a = w.meta().annotations();
            if ("true".equals(a.get("vault.hashicorp.com/agent-inject")) || "true".equals(a.get("akeyless/enabled"))
                    || w.name().contains("vault-agent-injector") || w.name().contains("akeyless-secrets-injection")) {
                return true;
            }
            PodSpecInfo spec = w.spec();
            if (spec == null) {
                return false;
            }
            return spec.volumes().stream().anyMatch(v -> "csi".equals(v.kind())
                    && "secrets-store.csi.k8s.io".equals(v.csiDriver()));
        }
    }
}
