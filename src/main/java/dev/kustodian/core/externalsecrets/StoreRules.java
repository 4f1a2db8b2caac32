package dev.kustodian.core.externalsecrets;

import dev.kustodian.core.findings.AnalysisContext;
import dev.kustodian.core.findings.AreaRule;
import dev.kustodian.core.findings.Coverage;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.findings.FindingRule;
import dev.kustodian.core.findings.ObjectRef;
import dev.kustodian.core.findings.Rules;
import dev.kustodian.core.findings.Severity;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.CustomObjectInfo;
import dev.kustodian.core.model.SecretInfo;
import dev.kustodian.core.secrets.ManagedBy;
import dev.kustodian.core.secrets.SecretUsageIndex;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Findings of the external stores area (External Secrets Operator objects as the snapshot has them): how far secrets
 * have moved to an external store, stores that keep their own key in a Kubernetes Secret, ClusterSecretStores every
 * namespace can use, and ExternalSecrets whose store does not exist. Field rules follow ESO v1 (see
 * {@link ProviderRules}).
 */
public final class StoreRules implements Rules.RuleProvider {
    public static final String AREA = "external-stores";
    public static final String NOT_ADOPTED = "EXT-NOT-ADOPTED";
    public static final String STATIC_CREDENTIALS = "EXT-STATIC-STORE-CREDENTIALS";
    public static final String OPEN_CLUSTER_STORE = "EXT-CLUSTER-STORE-ALL-NAMESPACES";
    public static final String MISSING_STORE = "EXT-STORE-MISSING";

    private static final String ESO = "external-secrets.io";
    private static final Set<String> SYSTEM_NAMESPACES = Set.of("kube-system", "kube-public", "kube-node-lease");

    @Override
    public List<FindingRule> rules() {
        return List.of(new NotAdopted(), new StaticCredentials(), new OpenClusterStore(), new MissingStore());
    }

    private abstract static class Rule extends AreaRule {
        Rule(String id, String description, Set<String> reads) {
            super(id, AREA, description, reads);
        }

        Finding finding(Severity severity, ObjectRef object, String title, String explanation, String remediation,
                        List<String> cis, String fix) {
            Finding f = finding(severity, object, title, explanation, remediation, cis);
            return fix == null ? f : f.withFix(fix);
        }
    }

    private static ObjectRef ref(CustomObjectInfo o) {
        return new ObjectRef(o.kind(), o.meta().namespace(), o.meta().name());
    }

    private static List<CustomObjectInfo> stores(ClusterSnapshot snap) {
        List<CustomObjectInfo> out = new ArrayList<>(snap.customObjects(ESO, "SecretStore"));
        out.addAll(snap.customObjects(ESO, "ClusterSecretStore"));
        return out;
    }

    // ------------------------------------------------------------------------------------------------------------

    /**
     * True for a secret an application uses as a credential (not a system namespace's, not a Helm release, token or
     * cert-manager certificate), whether or not a store manages it.
     */
    static boolean isApplicationSecret(StoreInventory.Adoption a, SecretInfo s) {
        if (a.management() == StoreInventory.Management.SYSTEM || SYSTEM_NAMESPACES.contains(a.namespace())
                || s == null) {
            return false;
        }
        ManagedBy by = SecretUsageIndex.managedBy(s);
        // Helm releases, service-account tokens, cert-manager certificates: not credentials to move
        return a.management() != StoreInventory.Management.PLAIN
                || by == ManagedBy.NONE || by == ManagedBy.EXTERNAL_SECRET || by == ManagedBy.SEALED_SECRET;
    }

    /** The application secrets that exist only in the cluster (what EXT-NOT-ADOPTED counts), by namespace and name. */
    public static List<SecretInfo> secretsOnlyInCluster(ClusterSnapshot snap) {
        Map<String, SecretInfo> byName = new HashMap<>();
        snap.secrets().forEach(s -> byName.put(s.namespace() + "/" + s.name(), s));
        List<SecretInfo> out = new ArrayList<>();
        for (StoreInventory.Adoption a : StoreInventory.adoption(snap)) {
            SecretInfo s = byName.get(a.namespace() + "/" + a.name());
            if (a.management() == StoreInventory.Management.PLAIN && isApplicationSecret(a, s)) {
                out.add(s);
            }
        }
        return out;
    }

    /** CIS 5.4.2 as a measure: application secrets that no external store manages. */
    static final class NotAdopted extends Rule {
        NotAdopted() {
            super(NOT_ADOPTED, "Application secrets kept only in the cluster (no external store manages them).",
                    Coverage.reads(List.of("secrets", Coverage.SECRET_VALUES), Coverage.STORE_OBJECTS,
                            Coverage.WORKLOADS));
        }

        @Override
        public List<Finding> evaluate(AnalysisContext ctx) {
            ClusterSnapshot snap = ctx.snapshot();
            Map<String, SecretInfo> byName = new HashMap<>();
            snap.secrets().forEach(s -> byName.put(s.namespace() + "/" + s.name(), s));
            int applicationSecrets = 0;
            int fromStore = 0;
            Map<String, Integer> plainPerNamespace = new TreeMap<>();
            for (StoreInventory.Adoption a : StoreInventory.adoption(snap)) {
                if (!isApplicationSecret(a, byName.get(a.namespace() + "/" + a.name()))) {
                    continue;
                }
                applicationSecrets++;
                if (a.management() == StoreInventory.Management.PLAIN) {
                    plainPerNamespace.merge(a.namespace(), 1, Integer::sum);
                } else {
                    fromStore++;
                }
            }
            int plain = applicationSecrets - fromStore;
            if (plain == 0) {
                return List.of();
            }
            List<String> worst = plainPerNamespace.entrySet().stream()
                    .sorted((x, y) -> y.getValue() - x.getValue())
                    .map(e -> e.getKey() + " (" + e.getValue() + ")").toList();
            int percent = (int) Math.round(100.0 * fromStore / applicationSecrets);
            boolean storeInstalled = StoreDetection.detect(snap).stream().anyMatch(StoreDetection.Status::installed);
            return List.of(finding(Severity.MEDIUM, ObjectRef.cluster(),
                    plain + " of " + applicationSecrets + " application secrets are kept only in the cluster",
                    fromStore + " of " + applicationSecrets + " application secrets (" + percent + "%) come from an "
                            + "external store (ExternalSecret, SealedSecret, Secrets Store CSI sync or Akeyless). The "
                            + "other " + plain + " exist only as Kubernetes Secrets, by namespace: " + joinLimited(worst, 10)
                            + ". Their values live in etcd and in whatever produced them, without central rotation "
                            + "or audit." + (storeInstalled ? ""
                            : " No external secret manager is installed yet (see SEC-NO-EXTERNAL-STORE)."),
                    "Store each value in the external store, then replace the Secret by an ExternalSecret that "
                            + "recreates it (the Secrets page's \"Move to external store\" walks through it, keeping "
                            + "the Secret's name and keys so workloads need no change).",
                    List.of("5.4.2"), "external-secret"));
        }
    }

    /** Stores whose own credential to the external store sits in a Kubernetes Secret. */
    static final class StaticCredentials extends Rule {
        StaticCredentials() {
            super(STATIC_CREDENTIALS, "SecretStores and ClusterSecretStores that authenticate with a long-lived "
                    + "credential kept in a Kubernetes Secret.",
                    Coverage.reads(Coverage.STORE_OBJECTS, List.of("secrets")));
        }

        /** What the store authenticates with, when it is a stored credential: {how, refs...}; null when not. */
        static List<String> staticAuth(Map<String, Object> spec) {
            Map<String, Object> provider = ProviderRules.map(spec.get("provider"));
            for (Map.Entry<String, Object> e : provider.entrySet()) {
                Map<String, Object> p = ProviderRules.map(e.getValue());
                Map<String, Object> auth = ProviderRules.map(p.get("auth"));
                switch (e.getKey()) {
                    case "aws" -> {
                        if (auth.containsKey("secretRef")) {
                            return withRefs("static AWS access keys", auth.get("secretRef"));
                        }
                    }
                    case "vault" -> {
                        if (auth.containsKey("tokenSecretRef")) {
                            return withRefs("a static Vault token", auth.get("tokenSecretRef"));
                        }
                        if (auth.containsKey("appRole")) {
                            return withRefs("a Vault AppRole secret ID",
                                    ProviderRules.map(auth.get("appRole")).get("secretRef"));
                        }
                        if (auth.containsKey("userPass")) {
                            return withRefs("a Vault username and password", auth.get("userPass"));
                        }
                        if (auth.containsKey("ldap")) {
                            return withRefs("an LDAP username and password", auth.get("ldap"));
                        }
                        if (auth.containsKey("cert")) {
                            return withRefs("a TLS client certificate", auth.get("cert"));
                        }
                        Map<String, Object> jwt = ProviderRules.map(auth.get("jwt"));
                        if (jwt.containsKey("secretRef")) {
                            return withRefs("a stored JWT", jwt.get("secretRef"));
                        }
                        Map<String, Object> k8s = ProviderRules.map(auth.get("kubernetes"));
                        if (k8s.containsKey("secretRef")) {
                            return withRefs("a long-lived service-account token", k8s.get("secretRef"));
                        }
                        Map<String, Object> iam = ProviderRules.map(auth.get("iam"));
                        if (iam.containsKey("secretRef")) {
                            return withRefs("static AWS access keys (Vault IAM auth)", iam.get("secretRef"));
                        }
                    }
                    case "gcpsm" -> {
                        if (auth.containsKey("secretRef")) {
                            return withRefs("a GCP service-account key", auth.get("secretRef"));
                        }
                        Map<String, Object> wif = ProviderRules.map(auth.get("workloadIdentityFederation"));
                        if (wif.containsKey("awsSecurityCredentials")) {
                            return withRefs("static AWS credentials (workload identity federation)",
                                    wif.get("awsSecurityCredentials"));
                        }
                    }
                    case "azurekv" -> {
                        String type = ProviderRules.str(p.get("authType"));
                        Map<String, Object> ref = ProviderRules.map(p.get("authSecretRef"));
                        if ((type.isEmpty() || "ServicePrincipal".equals(type))
                                && (ref.containsKey("clientSecret") || ref.containsKey("clientCertificate"))) {
                            return withRefs("an Azure service-principal secret", ref);
                        }
                    }
                    // akeyless: the access type itself is kept in the Secret, so whether the stored item is a
                    // key or only a configuration name cannot be told from the store
                    default -> {
                    }
                }
            }
            return null;
        }

        private static List<String> withRefs(String how, Object refs) {
            Set<String> names = new LinkedHashSet<>();
            collectSecretNames(refs, names, 0);
            List<String> out = new ArrayList<>();
            out.add(how);
            out.addAll(names);
            return out;
        }

        /** Names of the Secrets in a SecretKeySelector tree ({name, key, namespace} maps). */
        private static void collectSecretNames(Object node, Set<String> out, int depth) {
            if (depth > 4) {
                return;
            }
            if (node instanceof Map<?, ?> m) {
                if (m.get("name") instanceof String n && !n.isEmpty() && m.containsKey("key")) {
                    Object ns = m.get("namespace");
                    out.add((ns instanceof String s && !s.isEmpty() ? s + "/" : "") + n);
                }
                for (Object v : m.values()) {
                    collectSecretNames(v, out, depth + 1);
                }
            }
        }

        @Override
        public List<Finding> evaluate(AnalysisContext ctx) {
            List<Finding> out = new ArrayList<>();
            for (CustomObjectInfo store : stores(ctx.snapshot())) {
                List<String> auth = staticAuth(store.spec());
                if (auth == null) {
                    continue;
                }
                List<String> secrets = auth.subList(1, auth.size());
                String where = secrets.isEmpty() ? "a Kubernetes Secret"
                        : "Secret " + joinLimited(secrets.stream().map(n -> n.contains("/") || store.meta().namespace().isEmpty()
                        ? n : store.meta().namespace() + "/" + n).toList(), 3);
                ObjectRef o = ref(store);
                out.add(finding(Severity.MEDIUM, o, o.display() + " authenticates with " + auth.get(0),
                        o.display() + " authenticates to its external store with " + auth.get(0) + " kept in "
                                + where + ". Whoever can read that Secret can act as the store's identity and read "
                                + "every secret it can reach, from outside the cluster too, until the credential is "
                                + "revoked; nothing rotates it.",
                        "Use a workload identity instead of a stored credential: IRSA or EKS Pod Identity (AWS), "
                                + "Vault Kubernetes or JWT auth with the service account's own token, GKE Workload "
                                + "Identity, Azure Workload Identity, Akeyless Kubernetes auth. Then delete the "
                                + "Secret and revoke the credential.",
                        List.of(), "secret-store"));
            }
            return out;
        }
    }

    /** ClusterSecretStores without conditions: an ExternalSecret in any namespace can read through them. */
    static final class OpenClusterStore extends Rule {
        OpenClusterStore() {
            super(OPEN_CLUSTER_STORE, "ClusterSecretStores without conditions: every namespace can read through them.",
                    Coverage.reads(Coverage.STORE_OBJECTS));
        }

        @Override
        public List<Finding> evaluate(AnalysisContext ctx) {
            List<Finding> out = new ArrayList<>();
            for (CustomObjectInfo store : ctx.snapshot().customObjects(ESO, "ClusterSecretStore")) {
                if (!allowsEveryNamespace(ProviderRules.list(store.spec().get("conditions")))) {
                    continue;
                }
                ObjectRef o = ref(store);
                out.add(finding(Severity.HIGH, o, o.display() + " can be used from every namespace",
                        o.display() + " has no spec.conditions that limit it (none, or one that matches every "
                                + "namespace), so an ExternalSecret in any namespace can use it. "
                                + "Anyone allowed to create ExternalSecrets (often every namespace admin, through the "
                                + "aggregated edit role) can copy any value the store's identity can read into a "
                                + "Secret of their own namespace.",
                        "Add spec.conditions listing the namespaces that may use it (namespaces, namespaceSelector "
                                + "or namespaceRegexes), or replace it by namespaced SecretStores with their own "
                                + "narrowly scoped identities.",
                        List.of(), null));
            }
            return out;
        }
    }

    private static final Set<String> MATCH_ALL = Set.of(".*", "^.*$", "^.*", ".*$", ".+", "^.+$", "^.+", ".+$");

    /**
     * True when no condition is set, or one condition lets every namespace in: an empty namespaceSelector, or a
     * namespaceRegexes entry that matches any name. (An empty condition {@code {}} lets none in.)
     */
    static boolean allowsEveryNamespace(List<Object> conditions) {
        if (conditions.isEmpty()) {
            return true;
        }
        for (Object c : conditions) {
            Map<String, Object> cond = ProviderRules.map(c);
            if (cond.containsKey("namespaceSelector")) {
                Map<String, Object> sel = ProviderRules.map(cond.get("namespaceSelector"));
                if (ProviderRules.map(sel.get("matchLabels")).isEmpty()
                        && ProviderRules.list(sel.get("matchExpressions")).isEmpty()) {
                    return true;
                }
            }
            for (Object r : ProviderRules.list(cond.get("namespaceRegexes"))) {
                if (MATCH_ALL.contains(ProviderRules.str(r).trim())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** ExternalSecrets (and PushSecrets) that name a store the snapshot does not have. */
    static final class MissingStore extends Rule {
        MissingStore() {
            super(MISSING_STORE, "ExternalSecrets and PushSecrets that refer to a SecretStore that does not exist.",
                    Coverage.reads(Coverage.STORE_OBJECTS));
        }

        @Override
        public List<Finding> evaluate(AnalysisContext ctx) {
            ClusterSnapshot snap = ctx.snapshot();
            Set<String> existing = new HashSet<>();
            for (CustomObjectInfo s : stores(snap)) {
                existing.add(s.kind() + "/" + s.meta().namespace() + "/" + s.meta().name());
            }
            List<Finding> out = new ArrayList<>();
            List<CustomObjectInfo> users = new ArrayList<>(snap.customObjects(ESO, "ExternalSecret"));
            users.addAll(snap.customObjects(ESO, "PushSecret"));
            for (CustomObjectInfo es : users) {
                String ns = es.meta().namespace();
                Set<String> missing = new LinkedHashSet<>();
                for (Map<String, Object> r : storeRefs(es)) {
                    String kind = ProviderRules.str(r.get("kind"));
                    kind = kind.isEmpty() ? "SecretStore" : kind;
                    String name = ProviderRules.str(r.get("name"));
                    if (name.isEmpty() || !"SecretStore".equals(kind) && !"ClusterSecretStore".equals(kind)) {
                        continue; // generators and other kinds are not checked
                    }
                    boolean cluster = "ClusterSecretStore".equals(kind);
                    if (snap.isHidden(cluster ? "clustersecretstores" : "secretstores", cluster ? "" : ns)) {
                        continue;
                    }
                    if (!existing.contains(kind + "/" + (cluster ? "" : ns) + "/" + name)) {
                        missing.add(kind + "/" + (cluster ? "" : ns + "/") + name);
                    }
                }
                if (missing.isEmpty()) {
                    continue;
                }
                ObjectRef o = ref(es);
                String stores = String.join(", ", missing);
                out.add(finding(Severity.MEDIUM, o, o.display() + " refers to a store that does not exist",
                        o.display() + " uses " + stores + ", which is not in the cluster. The operator cannot sync it: "
                                + ("PushSecret".equals(es.kind()) ? "nothing is pushed."
                                : "its Secret is not created or refreshed, and workloads that need it fail or run "
                                + "with stale values."),
                        "Create the store (the SecretStore wizard writes one), or point secretStoreRef at an "
                                + "existing store.",
                        List.of(), "secret-store"));
            }
            return out;
        }

        /** spec.secretStoreRef, spec.secretStoreRefs[] (PushSecret), and per-item sourceRef.storeRef. */
        private static List<Map<String, Object>> storeRefs(CustomObjectInfo o) {
            List<Map<String, Object>> refs = new ArrayList<>();
            Map<String, Object> main = ProviderRules.map(o.spec().get("secretStoreRef"));
            if (!main.isEmpty()) {
                refs.add(main);
            }
            for (Object r : ProviderRules.list(o.spec().get("secretStoreRefs"))) {
                refs.add(ProviderRules.map(r));
            }
            for (String items : List.of("data", "dataFrom")) {
                for (Object item : ProviderRules.list(o.spec().get(items))) {
                    Map<String, Object> store = ProviderRules.map(ProviderRules.map(ProviderRules.map(item)
                            .get("sourceRef")).get("storeRef"));
                    if (!store.isEmpty()) {
                        refs.add(store);
                    }
                }
            }
            return refs;
        }
    }
}
