package dev.kustodian.core.plan;

import dev.kustodian.core.accept.Acceptance;
import dev.kustodian.core.encryption.EncryptionConfigBuilder;
import dev.kustodian.core.encryption.EncryptionConfig;
import dev.kustodian.core.encryption.EncryptionPosture;
import dev.kustodian.core.encryption.KeyGenerator;
import dev.kustodian.core.encryption.KubeadmPatch;
import dev.kustodian.core.externalsecrets.SecretMigration;
import dev.kustodian.core.externalsecrets.StoreDetection;
import dev.kustodian.core.externalsecrets.StoreInventory;
import dev.kustodian.core.externalsecrets.StoreRules;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.findings.ObjectRef;
import dev.kustodian.core.findings.Severity;
import dev.kustodian.core.model.BindingInfo;
import dev.kustodian.core.model.ClusterIdentity;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.CustomObjectInfo;
import dev.kustodian.core.model.SecretInfo;
import dev.kustodian.core.model.WorkloadInfo;
import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.output.Manifest;
import dev.kustodian.core.roles.RbacSubject;
import dev.kustodian.core.roles.RightSize;
import dev.kustodian.core.roles.RoleSynthesizer;
import dev.kustodian.core.secrets.SecretRules;
import dev.kustodian.core.secrets.SecretUsageIndex;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.Progress;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds the hardening {@link Plan} of a cluster from one analysis (snapshot + findings), the plan state (answers,
 * proofs) and the accepted risks. The order follows risk and dependencies: encryption at rest, critical RBAC
 * exposures, external store adoption, secret hygiene, TLS renewal, keep it so. Every file comes from the existing
 * generators (EncryptionConfigBuilder, KubeadmPatch, RightSize, SecretMigration); nothing here reads a value.
 * The result depends only on its inputs: the same cluster and answers give the same plan.
 */
public final class PlanBuilder {
    public static final String ENCRYPTION = "encryption-at-rest";
    public static final String RBAC = "rbac-critical";
    public static final String STORES = "external-stores";
    public static final String HYGIENE = "secret-hygiene";
    public static final String TLS = "tls-renewal";
    public static final String KEEP = "keep-it-so";

    /** Answer keys of the external-store step (plan state / GUI wizard). */
    public static final String ANSWER_STORE_NAME = "store.name";
    public static final String ANSWER_STORE_KIND = "store.kind";
    public static final String ANSWER_STORE_BACKEND = "store.backend";

    static final String ENC_DIR = "/etc/kubernetes/enc";

    /**
     * Everything the plan is built from.
     *
     * @param findings   every finding of the analysis (system findings are left out of the plan)
     * @param accepted   acceptances by finding id (expired ones included, flagged)
     * @param auditFiles audit logs for right-sizing the subjects of removed grants (may be empty)
     */
    public record Input(ClusterSnapshot snapshot, List<Finding> findings, ClusterIdentity identity, PlanState state,
                        Map<String, Acceptance> accepted, List<Path> auditFiles, Clock clock, Progress progress,
                        Cancellation cancel) {
        public Input {
            findings = List.copyOf(findings);
            accepted = accepted == null ? Map.of() : Map.copyOf(accepted);
            auditFiles = auditFiles == null ? List.of() : List.copyOf(auditFiles);
            state = state == null ? new PlanState() : state;
            progress = progress == null ? (f, m) -> { } : progress;
            cancel = cancel == null ? new Cancellation() : cancel;
        }
    }

    private final Input in;
    private final List<Finding> open;
    private final Set<String> claimed = new LinkedHashSet<>();

    private PlanBuilder(Input in) {
        this.in = in;
        this.open = in.findings().stream().filter(f -> !f.system()).toList();
    }

    public static Plan build(Input in) {
        return new PlanBuilder(in).build();
    }

    private Plan build() {
        List<PlanStep> steps = new ArrayList<>();
        steps.add(encryption(1));
        steps.add(rbac(2));
        steps.add(stores(3));
        steps.add(hygiene(4));
        steps.add(tls(5));
        steps.add(keep(6, steps));
        List<Finding> others = open.stream().filter(f -> !claimed.contains(f.id())).toList();
        return new Plan(in.identity(), in.snapshot().source().describe(), steps, others);
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    private List<Finding> claim(java.util.function.Predicate<Finding> p) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : open) {
            if (!claimed.contains(f.id()) && p.test(f)) {
                out.add(f);
                claimed.add(f.id());
            }
        }
        return out;
    }

    private List<String> acceptedOf(List<Finding> fs) {
        return fs.stream().filter(f -> {
            Acceptance a = in.accepted().get(f.id());
            return a != null && a.active();
        }).map(Finding::id).toList();
    }

    /** Status for a step whose work is resolving {@code fs}: done when none is left, accepted when all are. */
    private record Judged(StepStatus status, String reason) {
    }

    private Judged judge(List<Finding> fs, List<String> accepted, StepStatus whenOpen, String openReason,
                         String doneReason) {
        if (fs.isEmpty()) {
            return new Judged(StepStatus.DONE, doneReason);
        }
        if (accepted.size() == fs.size()) {
            return new Judged(StepStatus.ACCEPTED, "every remaining finding (" + fs.size() + ") is an accepted risk");
        }
        return new Judged(whenOpen, openReason);
    }

    /** True when the step has findings and every one is an accepted risk (the step is accepted, not blocked). */
    private boolean allAccepted(List<Finding> fs) {
        return !fs.isEmpty() && acceptedOf(fs).size() == fs.size();
    }

    private static List<String> ids(List<Finding> fs) {
        return fs.stream().map(Finding::id).toList();
    }

    private PlanStep step(String id, int n, String title, String summary, Judged j, List<Finding> fs,
                          List<Manifest> files, List<PlanStep.KeyFile> keys, List<WorkloadPatch> patches,
                          List<Removal> removals, List<String> manual, List<String> dependsOn, List<String> evidence,
                          String verify) {
        return new PlanStep(id, n, title, summary, j.status(), j.reason(), ids(fs), acceptedOf(fs), files, keys,
                patches, removals, manual, dependsOn, evidence, verify);
    }

    // ---------------------------------------------------------------------------------------------------- 1

    private PlanStep encryption(int n) {
        ClusterSnapshot snap = in.snapshot();
        List<Finding> fs = claim(f -> "encryption".equals(f.area()));
        Optional<EncryptionPosture.Managed> managed = EncryptionPosture.managed(snap);
        List<EncryptionPosture.Apiserver> apis = EncryptionPosture.apiservers(snap);
        List<String> evidence = new ArrayList<>();
        for (EncryptionPosture.Apiserver a : apis) {
            evidence.add("kube-apiserver " + a.pod() + ": " + (a.encryptionConfigured()
                    ? "--encryption-provider-config=" + a.configPath() : "no --encryption-provider-config"));
        }
        managed.ifPresent(m -> evidence.add("managed control plane: " + m.label()));
        String proof = in.state().proofs().get(ENCRYPTION);
        if (proof != null) {
            evidence.add("etcd proof: " + proof);
        }
        String verify = "kustodian encryption verify-etcd --endpoints https://CONTROL-PLANE:2379 "
                + "--cacert /etc/kubernetes/pki/etcd/ca.crt --cert /etc/kubernetes/pki/apiserver-etcd-client.crt "
                + "--key /etc/kubernetes/pki/apiserver-etcd-client.key --config " + GitOpsLayout.KEYS_DIR + "/"
                + EncryptionConfigBuilder.PRIVATE_FILE;
        String title = "Encrypt Secrets at rest";
        boolean configured = fs.stream().noneMatch(f -> "ENC-NOT-CONFIGURED".equals(f.rule()))
                && (!apis.isEmpty() && apis.stream().allMatch(EncryptionPosture.Apiserver::encryptionConfigured));
        if (managed.isPresent() && apis.isEmpty()) {
            List<String> manual = List.of(managed.get().howTo(),
                    "Then rewrite all Secrets so existing ones are encrypted: kubectl get secrets -A -o json | kubectl replace -f -");
            Judged j = proof != null ? new Judged(StepStatus.DONE, "provider encryption recorded: " + proof)
                    : new Judged(StepStatus.MANUAL, managed.get().label() + ": encryption at rest is the provider's "
                    + "setting; Kustodian cannot see the API server flags");
            return step(ENCRYPTION, n, title, "Turn on envelope encryption with the provider's KMS and rewrite "
                    + "all Secrets.", j, fs, List.of(), List.of(), List.of(), List.of(), manual, List.of(), evidence,
                    "kubectl get secrets -A -o json | kubectl replace -f -   (then the provider's encryption status)");
        }
        List<Manifest> files = new ArrayList<>();
        List<PlanStep.KeyFile> keys = new ArrayList<>();
        List<String> manual = new ArrayList<>();
        if (!configured) {
            // the key's generator keeps only the clock: the plan outlives this builder and its input (the load's
            // progress and cancellation, whose task holds the work that built it, with the previous load's plan)
            Clock clock = in.clock();
            Bundle patch = new KubeadmPatch(ENC_DIR, EncryptionConfigBuilder.PRIVATE_FILE, true).bundle();
            files.addAll(patch.manifests());
            keys.add(new PlanStep.KeyFile(EncryptionConfigBuilder.PRIVATE_FILE,
                    "EncryptionConfiguration with a new secretbox key (identity last, so existing Secrets stay "
                            + "readable). Copy it to " + ENC_DIR + "/" + EncryptionConfigBuilder.PRIVATE_FILE
                            + " on every control-plane node (root, 0600); never commit it.",
                    () -> newEncryptionConfig(clock)));
            manual.add("Copy " + GitOpsLayout.KEYS_DIR + "/" + EncryptionConfigBuilder.PRIVATE_FILE + " to " + ENC_DIR
                    + "/ on EVERY control-plane node (sudo install -m 600 -o root -g root).");
            manual.add("Edit " + KubeadmPatch.MANIFEST + " on each node, one node at a time, as in STEPS.txt "
                    + "(flags, read-only hostPath volume); wait for kube-apiserver to be Ready before the next node.");
        }
        manual.add("Rewrite all Secrets so the existing ones get encrypted: kustodian encryption rotate rewrite "
                + "(resumable), or kubectl get secrets -A -o json | kubectl replace -f -");
        manual.add("Prove it in etcd: " + verify + "; then record the proof: kustodian plan ... --record-proof "
                + ENCRYPTION + "=\"<verify-etcd summary>\"");
        Judged j;
        if (!configured) {
            j = judge(fs, acceptedOf(fs), StepStatus.TODO, "Secrets are stored in etcd in plaintext", "");
            if (j.status() == StepStatus.DONE) {
                j = new Judged(StepStatus.TODO, "Kustodian cannot see a kube-apiserver pod, so it cannot tell "
                        + "whether encryption is configured; run the etcd proof");
            }
        } else if (proof == null) {
            j = new Judged(StepStatus.TODO, "encryption is configured (" + apis.get(0).configPath()
                    + "); etcd proof not run yet");
        } else {
            j = judge(fs, acceptedOf(fs), StepStatus.TODO, "encryption is configured and proved; "
                    + fs.size() + " finding(s) left", "encryption configured and proved in etcd: " + proof);
        }
        return step(ENCRYPTION, n, title, "Generate a key and an EncryptionConfiguration (kept outside Git), patch "
                        + "kube-apiserver on every control-plane node, rewrite all Secrets, then prove in etcd that "
                        + "they are encrypted.", j, fs, files, keys, List.of(), List.of(), manual, List.of(),
                evidence, verify);
    }

    static Manifest newEncryptionConfig(Clock clock) {
        KeyGenerator.GeneratedKey k = KeyGenerator.generate(KeyGenerator.uniqueName(List.of(), clock));
        EncryptionConfigBuilder.Generated g = new EncryptionConfigBuilder()
                .keyProvider(EncryptionConfig.ProviderType.SECRETBOX, new EncryptionConfig.Key(k.name(), k.secretBase64()))
                .plaintextDataExists(true).build();
        return g.bundle().manifests().get(0);
    }

    // ---------------------------------------------------------------------------------------------------- 2

    private PlanStep rbac(int n) {
        ClusterSnapshot snap = in.snapshot();
        // the bindings that carry a high or critical RBAC grant
        Map<ObjectRef, BindingInfo> risky = new LinkedHashMap<>();
        for (Finding f : open) {
            if ("rbac".equals(f.area()) && f.severity().atLeast(Severity.HIGH)
                    && (BindingInfo.CLUSTER_ROLE_BINDING.equals(f.object().kind())
                    || BindingInfo.ROLE_BINDING.equals(f.object().kind()))) {
                binding(snap, f.object()).ifPresent(b -> risky.put(f.object(), b));
            }
        }
        Set<String> subjects = new LinkedHashSet<>();
        for (BindingInfo b : risky.values()) {
            for (BindingInfo.Subject s : b.subjects()) {
                subjects.add(subjectRef(s).display());
            }
        }
        List<Finding> fs = claim(f -> risky.containsKey(f.object())
                || SecretRules.READERS_LIST.equals(f.rule()) && subjects.contains(f.object().display()));
        List<Removal> removals = new ArrayList<>();
        for (Map.Entry<ObjectRef, BindingInfo> e : risky.entrySet()) {
            List<String> rules = fs.stream().filter(f -> f.object().equals(e.getKey())).map(Finding::rule)
                    .distinct().toList();
            removals.add(new Removal(e.getKey(), "grants " + e.getValue().roleRef().kind() + "/"
                    + e.getValue().roleRef().name() + " (" + String.join(", ", rules) + ")"));
        }
        List<Manifest> files = new ArrayList<>();
        List<String> manual = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        for (BindingInfo b : risky.values()) {
            for (BindingInfo.Subject s : b.subjects()) {
                RbacSubject who = rbacSubject(s);
                if (who == null || !done.add(who.toString())) {
                    continue;
                }
                if (!in.auditFiles().isEmpty()) {
                    in.cancel().check();
                    RightSize.Outcome o = RightSize.run(snap, who, in.auditFiles(),
                            new RoleSynthesizer.Options(false, 5, false, null), in.progress(), in.cancel());
                    if (!o.generated().hasErrors()) {
                        for (Manifest m : o.generated().manifests()) {
                            if (m.isKubernetesObject()) {
                                files.add(m);
                            }
                        }
                        evidence.add(who + ": right-sized from " + in.auditFiles().size() + " audit log file(s)");
                        continue;
                    }
                    evidence.add(who + ": no request in the audit logs; nothing to grant from them");
                }
                manual.add("Decide what " + who + " really needs before its grant goes: kustodian generate role "
                        + "--subject " + subjectArg(who) + " --from-audit AUDIT.log (or the Roles page's wizard), "
                        + "then add the role to this folder.");
            }
        }
        if (!removals.isEmpty()) {
            manual.add("Remove the bindings from where they are defined (Git, Helm values), or your GitOps tool will "
                    + "recreate them; then run remove.sh (it dry-runs each deletion on the server first).");
        }
        Judged j = judge(fs, acceptedOf(fs), StepStatus.TODO, removals.size() + " binding(s) grant cluster-admin, "
                + "secret reads, impersonation or token creation", "no critical or high RBAC grant is left");
        return step(RBAC, n, "Remove critical RBAC exposures", "Replace cluster-admin, list/get-secrets, impersonate, "
                        + "escalate/bind and token-creation grants by right-sized roles, then remove the bindings.",
                j, fs, files, List.of(), List.of(), removals, manual, List.of(), evidence,
                "kustodian scan <source> -o table   (no RBAC finding of high or critical severity left)");
    }

    private static Optional<BindingInfo> binding(ClusterSnapshot snap, ObjectRef ref) {
        return snap.bindings().stream().filter(b -> b.kind().equals(ref.kind())
                && b.meta().namespace().equals(ref.namespace()) && b.meta().name().equals(ref.name())).findFirst();
    }

    private static ObjectRef subjectRef(BindingInfo.Subject s) {
        return new ObjectRef(s.kind(), "ServiceAccount".equals(s.kind()) ? s.namespace() : "", s.name());
    }

    private static RbacSubject rbacSubject(BindingInfo.Subject s) {
        return switch (s.kind()) {
            case "ServiceAccount" -> RbacSubject.serviceAccount(s.namespace(), s.name());
            case "User" -> RbacSubject.user(s.name());
            case "Group" -> RbacSubject.group(s.name());
            default -> null;
        };
    }

    private static String subjectArg(RbacSubject s) {
        return switch (s.kind()) {
            case SERVICE_ACCOUNT -> "serviceaccount:" + s.namespace() + "/" + s.name();
            case USER -> "user:" + s.name();
            case GROUP -> "group:" + s.name();
        };
    }

    // ---------------------------------------------------------------------------------------------------- 3

    private PlanStep stores(int n) {
        ClusterSnapshot snap = in.snapshot();
        List<Finding> fs = claim(f -> "external-stores".equals(f.area())
                || SecretRules.NO_EXTERNAL_STORE.equals(f.rule()));
        List<String> evidence = new ArrayList<>();
        List<String> manual = new ArrayList<>();
        List<Manifest> files = new ArrayList<>();
        String summary = "Keep application secrets in an external store: one ExternalSecret per Secret (same name "
                + "and keys, so workloads need no change), a PushSecret that uploads the current value once, and "
                + "store-side least privilege.";
        String verify = "kubectl get externalsecrets -A   (all SecretSynced), then kustodian scan <source>";
        StoreDetection.Status eso = StoreDetection.detect(snap).stream()
                .filter(s -> s.product() == StoreDetection.Product.EXTERNAL_SECRETS).findFirst().orElse(null);
        List<SecretInfo> plain = StoreRules.secretsOnlyInCluster(snap);
        evidence.add(plain.size() + " application secret(s) kept only in the cluster");
        if (eso == null || !eso.usable()) {
            manual.add("Install the External Secrets Operator: " + StoreDetection.Product.EXTERNAL_SECRETS.installCommand);
            Judged j = fs.isEmpty() && plain.isEmpty() ? new Judged(StepStatus.DONE, "no application secret to move")
                    : allAccepted(fs) ? judge(fs, acceptedOf(fs), StepStatus.BLOCKED, "", "")
                    : new Judged(StepStatus.BLOCKED, "the External Secrets Operator (external-secrets.io/v1) is not "
                    + "installed");
            return step(STORES, n, "Adopt an external secret store", summary, j, fs, files, List.of(), List.of(),
                    List.of(), manual, List.of(ENCRYPTION), evidence, verify);
        }
        Store store = chooseStore(snap);
        if (store == null) {
            manual.add("Choose the store the secrets move to: create it with the SecretStore wizard (or kustodian "
                    + "generate secretstore), then set " + ANSWER_STORE_NAME + ", " + ANSWER_STORE_KIND + " and "
                    + ANSWER_STORE_BACKEND + " in .kustodian/plan.yaml (answers).");
            Judged j = fs.isEmpty() && plain.isEmpty() ? new Judged(StepStatus.DONE, "no application secret to move")
                    : allAccepted(fs) ? judge(fs, acceptedOf(fs), StepStatus.BLOCKED, "", "")
                    : new Judged(StepStatus.BLOCKED, "no store chosen yet (no SecretStore in the cluster and no answer)");
            return step(STORES, n, "Adopt an external secret store", summary, j, fs, files, List.of(), List.of(),
                    List.of(), manual, List.of(ENCRYPTION), evidence, verify);
        }
        evidence.add("store: " + store.kind() + "/" + store.name() + " (" + store.backend().name().toLowerCase()
                .replace('_', '-') + ", " + store.why() + ")");
        SecretMigration.MigrationSpec spec = new SecretMigration.MigrationSpec(store.backend(), store.name(),
                store.kind(), "{namespace}/{name}", SecretMigration.Upload.PUSH_SECRET, "secret", null, null);
        Map<String, List<String>> remoteKeys = new TreeMap<>();
        for (SecretInfo s : plain) {
            Bundle b = SecretMigration.migrate(s, spec);
            for (Manifest m : b.manifests()) {
                files.add(renamed(m, s.meta().namespace() + "-" + m.fileName()));
            }
            remoteKeys.computeIfAbsent(s.meta().namespace(), k -> new ArrayList<>()).add(SecretMigration.remoteKey(spec, s));
        }
        if (!plain.isEmpty()) {
            manual.add("Give the store write access once for the PushSecrets, apply this folder, wait until every "
                    + "PushSecret is Synced, then delete the PushSecrets and take the write access away.");
            remoteKeys.forEach((ns, keys) -> manual.add("Store-side least privilege for " + ns + ": read access to "
                    + "exactly " + String.join(", ", keys) + " (kustodian generate store-policy)."));
        }
        for (Finding f : fs) {
            if (!StoreRules.NOT_ADOPTED.equals(f.rule())) {
                manual.add(f.title() + ": " + f.remediation());
            }
        }
        Judged j = judge(fs, acceptedOf(fs), StepStatus.TODO, plain.size() + " secret(s) to move to "
                + store.name(), "every application secret comes from an external store");
        return step(STORES, n, "Adopt an external secret store", summary, j, fs, files, List.of(), List.of(),
                List.of(), manual, List.of(ENCRYPTION), evidence, verify);
    }

    private static Manifest renamed(Manifest m, String fileName) {
        return new Manifest(fileName, m.format(), m.kind(), m.namespace(), m.name(), m.content(), m.privateFile(),
                m.maskedContent());
    }

    record Store(String name, String kind, SecretMigration.Backend backend, String why) {
    }

    /** The store from the answers, else the first ClusterSecretStore, else the first SecretStore; null when none. */
    private Store chooseStore(ClusterSnapshot snap) {
        String name = in.state().answer(ANSWER_STORE_NAME);
        if (name != null && !name.isBlank()) {
            String kind = Optional.ofNullable(in.state().answer(ANSWER_STORE_KIND)).orElse("ClusterSecretStore");
            SecretMigration.Backend backend = backend(in.state().answer(ANSWER_STORE_BACKEND));
            if (backend == null) {
                backend = snap.customObjects().stream().filter(o -> o.kind().equals(kind) && o.meta().name().equals(name))
                        .map(PlanBuilder::backendOf).filter(b -> b != null).findFirst().orElse(null);
            }
            if (backend != null) {
                return new Store(name, kind, backend, "from the plan's answers");
            }
        }
        // an existing store, the ones without findings of their own first, then by kind and name (load order varies)
        Set<ObjectRef> withFindings = new LinkedHashSet<>();
        in.findings().forEach(f -> withFindings.add(f.object()));
        List<CustomObjectInfo> stores = new ArrayList<>();
        for (String kind : List.of("ClusterSecretStore", "SecretStore")) {
            snap.customObjects("external-secrets.io", kind).stream().filter(o -> backendOf(o) != null)
                    .sorted(java.util.Comparator.comparing((CustomObjectInfo o) -> o.meta().namespace())
                            .thenComparing(o -> o.meta().name()))
                    .forEach(stores::add);
        }
        stores.sort(java.util.Comparator.comparing((CustomObjectInfo o) -> withFindings.contains(
                new ObjectRef(o.kind(), o.meta().namespace(), o.meta().name()))));
        if (stores.isEmpty()) {
            return null;
        }
        CustomObjectInfo o = stores.get(0);
        if (!"ClusterSecretStore".equals(o.kind())) {
            return null; // a namespaced SecretStore serves its own namespace only: the answers must name the store
        }
        return new Store(o.meta().name(), o.kind(), backendOf(o), "the existing store in the cluster"
                + (withFindings.contains(new ObjectRef(o.kind(), "", o.meta().name())) ? ", with findings of its own"
                : ""));
    }

    static SecretMigration.Backend backend(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return SecretMigration.Backend.valueOf(s.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static SecretMigration.Backend backendOf(CustomObjectInfo store) {
        if (!(store.spec().get("provider") instanceof Map<?, ?> p)) {
            return null;
        }
        if (p.get("aws") instanceof Map<?, ?> aws) {
            return "ParameterStore".equals(aws.get("service")) ? SecretMigration.Backend.AWS_PARAMETER_STORE
                    : SecretMigration.Backend.AWS_SECRETS_MANAGER;
        }
        if (p.containsKey("vault")) {
            return SecretMigration.Backend.VAULT;
        }
        if (p.containsKey("gcpsm")) {
            return SecretMigration.Backend.GCP;
        }
        if (p.containsKey("azurekv")) {
            return SecretMigration.Backend.AZURE;
        }
        if (p.containsKey("akeyless")) {
            return SecretMigration.Backend.AKEYLESS;
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------------- 4

    private PlanStep hygiene(int n) {
        ClusterSnapshot snap = in.snapshot();
        SecretUsageIndex usage = SecretUsageIndex.build(snap);
        Set<ObjectRef> envWorkloads = new LinkedHashSet<>();
        Set<ObjectRef> automount = new LinkedHashSet<>();
        Set<ObjectRef> legacyUnused = new LinkedHashSet<>();
        for (Finding f : open) {
            if (claimed.contains(f.id())) {
                continue;
            }
            if (SecretRules.ENV.equals(f.rule()) && WorkloadPatches.apiVersion(f.object().kind()) != null) {
                envWorkloads.add(f.object());
            } else if (SecretRules.AUTOMOUNT.equals(f.rule()) && WorkloadPatches.apiVersion(f.object().kind()) != null) {
                automount.add(f.object());
            } else if (SecretRules.SA_TOKEN_LEGACY.equals(f.rule()) && "Secret".equals(f.object().kind())
                    && usage.usesOf(f.object().namespace(), f.object().name()).isEmpty()) {
                legacyUnused.add(f.object());
            }
        }
        List<WorkloadPatch> patches = new ArrayList<>();
        Set<ObjectRef> patched = new LinkedHashSet<>();
        for (WorkloadInfo w : snap.workloads()) {
            ObjectRef ref = new ObjectRef(w.kind(), w.meta().namespace(), w.meta().name());
            boolean env = envWorkloads.contains(ref);
            boolean auto = automount.contains(ref);
            if (!env && !auto) {
                continue;
            }
            WorkloadPatch p = WorkloadPatches.patch(w, env, auto);
            if (p != null) {
                patches.add(p);
                patched.add(ref);
            }
        }
        patches.sort(java.util.Comparator.comparing(WorkloadPatch::fileName));
        Set<ObjectRef> tokens = new LinkedHashSet<>(legacyUnused);
        List<Finding> fs = claim(f -> (SecretRules.ENV.equals(f.rule()) || SecretRules.AUTOMOUNT.equals(f.rule()))
                && patched.contains(f.object())
                || (SecretRules.SA_TOKEN_LEGACY.equals(f.rule()) || SecretRules.UNUSED.equals(f.rule()))
                && tokens.contains(f.object()));
        List<Removal> removals = tokens.stream().map(t -> new Removal(t, "long-lived service-account token that "
                + "nothing uses (use kubectl create token / projected tokens instead)")).toList();
        List<String> manual = new ArrayList<>();
        if (!patches.isEmpty()) {
            manual.add("The applications must now read each value from its file under " + WorkloadPatches.MOUNT_ROOT
                    + "<secret>/<key> (many images accept a *_FILE variable); change them before applying the patches.");
            manual.add("Apply the patches where the workloads are defined: add this folder as a kustomize component "
                    + "(components: [<path to this folder>]) to the kustomization that builds them, or run "
                    + "apply-patches.sh against the cluster.");
        }
        List<String> evidence = List.of(patches.size() + " workload patch(es), " + removals.size()
                + " unused legacy token(s) to remove");
        Judged j = judge(fs, acceptedOf(fs), StepStatus.TODO, patches.size() + " workload(s) to patch, "
                + removals.size() + " token(s) to remove", "no secret in env vars, no unused token mount, no unused "
                + "legacy token");
        return step(HYGIENE, n, "Secret hygiene in workloads", "Mount secrets as read-only files instead of "
                        + "environment variables, stop mounting service-account tokens that are not used, and delete "
                        + "legacy token Secrets that nothing uses.", j, fs, List.of(), List.of(), patches, removals,
                manual, List.of(), evidence, "kustodian scan <source>   (no SEC-ENV, SEC-SA-AUTOMOUNT, "
                        + "SEC-SA-TOKEN-LEGACY finding left for these objects)");
    }

    // ---------------------------------------------------------------------------------------------------- 5

    private PlanStep tls(int n) {
        List<Finding> fs = claim(f -> SecretRules.TLS_EXPIRED.equals(f.rule()) || SecretRules.TLS_EXPIRING.equals(f.rule()));
        List<String> manual = new ArrayList<>();
        for (Finding f : fs) {
            SecretInfo s = in.snapshot().secret(f.object().namespace(), f.object().name()).orElse(null);
            boolean certManager = s != null && SecretUsageIndex.managedBy(s)
                    == dev.kustodian.core.secrets.ManagedBy.CERT_MANAGER;
            manual.add("Certificate in " + f.object().namespace() + "/" + f.object().name()
                    + (SecretRules.TLS_EXPIRED.equals(f.rule()) ? " has expired" : " expires soon") + ": " + (certManager
                    ? "cert-manager manages it; check why it did not renew: kubectl describe certificate -n "
                    + f.object().namespace()
                    : "issue a new certificate and replace it (kubectl create secret tls " + f.object().name()
                    + " -n " + f.object().namespace() + " --cert=NEW.crt --key=NEW.key --dry-run=client -o yaml | "
                    + "kubectl apply -f -), or let cert-manager manage it with a Certificate"));
        }
        Judged j = judge(fs, acceptedOf(fs), StepStatus.MANUAL, fs.size() + " certificate(s) expired or expiring",
                "no certificate expired or expiring within 30 days");
        return step(TLS, n, "Renew TLS certificates", "Renew the certificates that have expired or expire soon; "
                        + "prefer cert-manager so renewal is automatic.", j, fs, List.of(), List.of(), List.of(),
                List.of(), manual, List.of(), List.of(), "kustodian scan <source>   (no SEC-TLS-* finding left)");
    }

    // ---------------------------------------------------------------------------------------------------- 6

    private PlanStep keep(int n, List<PlanStep> before) {
        List<String> deps = before.stream().map(PlanStep::id).toList();
        List<String> unsettled = before.stream().filter(s -> !s.status().settled()).map(PlanStep::title).toList();
        List<Manifest> files = List.of(Manifest.sideFile("kustodian-scan.sh", Manifest.Format.SHELL, CI_SCRIPT));
        List<String> manual = new ArrayList<>();
        manual.add("Run kustodian-scan.sh in CI on every change of this folder and nightly (it fails on findings "
                + "that are not in the baseline and not accepted).");
        manual.add("After the steps above are done, refresh the baseline: kustodian scan <source> -o json --output "
                + GitOpsLayout.BASELINE + " --force, and commit it.");
        manual.add("Record the risks you keep in " + GitOpsLayout.ACCEPT + " (reason, who, expiry date).");
        Judged j = unsettled.isEmpty()
                ? new Judged(StepStatus.MANUAL, "wire the CI scan; Kustodian cannot see your CI")
                : new Judged(StepStatus.BLOCKED, "waiting for: " + String.join(", ", unsettled));
        return step(KEEP, n, "Keep it so", "Scan continuously: a CI job scans the cluster with the baseline and the "
                        + "accepted risks and fails on anything new.", j, List.of(), files, List.of(), List.of(),
                List.of(), manual, deps, List.of(), "sh kustodian-scan.sh");
    }

    static final String CI_SCRIPT = """
            #!/bin/sh
            # Generated by Kustodian: the continuous scan of this cluster, for CI (and a nightly job).
            # Needs kustodian on PATH and read access to the cluster (KUBECONFIG, --context) or a snapshot.
            # Fails (exit 4) on a finding of high severity or more that is neither in the baseline nor accepted.
            set -eu
            here=$(cd "$(dirname "$0")/.." && pwd)
            kustodian scan "$@" -o sarif --output kustodian.sarif --force \\
              --baseline "$here/.kustodian/baseline.json" --accept "$here/.kustodian/accept.yaml" --fail-on high
            """;
}
