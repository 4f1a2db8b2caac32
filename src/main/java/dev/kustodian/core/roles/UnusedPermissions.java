package dev.kustodian.core.roles;

import dev.kustodian.core.model.BindingInfo;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.PolicyRule;
import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.output.Manifest;
import dev.kustodian.core.rbac.Identity;
import dev.kustodian.core.rbac.RbacEngine;
import dev.kustodian.core.rbac.RbacMatch;
import dev.kustodian.core.rbac.Request;
import dev.kustodian.core.rbac.RuleText;
import dev.kustodian.core.rbac.SubjectRef;
import dev.kustodian.core.yaml.YamlWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code rbac unused}: the subject's effective permissions (from the RBAC engine: every binding that reaches it,
 * directly or through a group) minus what the audit logs show it used → the permissions that can go, and the
 * binding changes that remove them: the bindings to delete (or to remove the subject from, when they have other
 * subjects) and the generated least-privilege role to create in their place.
 */
public final class UnusedPermissions {
    private UnusedPermissions() {
    }

    /** One rule of a binding's role: which of its verb × resource cells were used, which were not. */
    public record RuleUse(PolicyRule rule, List<String> used, List<String> unused, List<String> broader) {
        public RuleUse {
            used = List.copyOf(used);
            unused = List.copyOf(unused);
            broader = List.copyOf(broader);
        }

        public boolean wildcard() {
            return rule.verbs().contains("*") || rule.resources().contains("*") || rule.apiGroups().contains("*")
                    || rule.nonResourceURLs().stream().anyMatch(u -> u.endsWith("*"));
        }
    }

    /**
     * A binding that grants the subject something.
     *
     * @param via      how it reaches the subject: "directly" or the group subject, e.g. "Group/system:authenticated"
     * @param others   other subjects of the same binding
     */
    public record BindingUse(BindingInfo binding, String role, String namespace, String via, boolean direct,
                             List<String> others, List<RuleUse> rules) {
        public long usedCells() {
            return rules.stream().mapToLong(r -> r.used().size()).sum();
        }

        public long unusedCells() {
            return rules.stream().mapToLong(r -> r.unused().size()).sum();
        }

        /** Used permissions granted more widely than used (every namespace, every object). */
        public long broaderCells() {
            return rules.stream().mapToLong(r -> r.broader().size()).sum();
        }

        public String ref() {
            return binding.ref();
        }
    }

    public enum Action { DELETE_BINDING, REMOVE_SUBJECT, CREATE, KEEP }

    /** One binding change; {@code object} names it (e.g. RoleBinding/shop/api-edit). */
    public record Change(Action action, String object, String reason) {
        public String describe() {
            String verb = switch (action) {
                case DELETE_BINDING -> "delete";
                case REMOVE_SUBJECT -> "remove the subject from";
                case CREATE -> "create";
                case KEEP -> "keep";
            };
            return verb + " " + object + ": " + reason;
        }
    }

    public record Result(RbacSubject subject, List<BindingUse> bindings, List<Change> changes, Bundle bundle,
                         String report) {
        public long unusedCells() {
            return bindings.stream().mapToLong(BindingUse::unusedCells).sum();
        }

        /** Unused permissions of the bindings that name the subject itself (the ones it can lose alone). */
        public long unusedDirectCells() {
            return bindings.stream().filter(BindingUse::direct).mapToLong(BindingUse::unusedCells).sum();
        }

        public long directCells() {
            return bindings.stream().filter(BindingUse::direct).mapToLong(b -> b.usedCells() + b.unusedCells()).sum();
        }
    }

    /** The identity the API server sees for the subject (service accounts with their implicit groups). */
    public static Identity identity(RbacSubject s) {
        return switch (s.kind()) {
            case SERVICE_ACCOUNT -> Identity.serviceAccount(s.namespace(), s.name());
            case USER -> Identity.of(s.name(), List.of());
            case GROUP -> Identity.exactly("", List.of(s.name()));
        };
    }

    /**
     * Compares the subject's effective permissions in {@code snapshot} with its observed use.
     *
     * @param generated the least-privilege bundle from {@link RoleSynthesizer#bundle} (created in place of the
     *                  bindings that go); may have errors when nothing was observed
     */
    public static Result compute(ClusterSnapshot snapshot, RbacSubject subject, List<ObservedUse> observed,
                                 Bundle generated, String usageReport) {
        RbacEngine engine = RbacEngine.of(snapshot);
        Identity id = identity(subject);
        List<Request> used = new ArrayList<>();
        for (ObservedUse u : observed) {
            if (u.count() > u.denied()) {
                used.addAll(RoleRecheck.requests(u));
            }
        }
        List<BindingUse> bindings = new ArrayList<>();
        for (RbacEngine.Bound b : engine.allBoundsOf(id)) {
            String ns = b.namespace();
            String via = "directly";
            boolean direct = false;
            List<String> others = new ArrayList<>();
            for (BindingInfo.Subject s : b.binding().subjects()) {
                boolean matches = RbacMatch.subjectMatches(s, ns, id);
                boolean self = matches && isSelf(s, ns, subject);
                if (self) {
                    direct = true;
                } else {
                    SubjectRef ref = SubjectRef.of(s, ns);
                    others.add(ref == null ? s.kind() + "/" + s.name() : ref.display());
                    if (matches && !direct) {
                        via = ref == null ? s.kind() + "/" + s.name() : ref.display();
                    }
                }
            }
            if (direct) {
                via = "directly";
            }
            List<RuleUse> rules = new ArrayList<>();
            for (PolicyRule rule : b.rules()) {
                rules.add(ruleUse(rule, ns, used));
            }
            bindings.add(new BindingUse(b.binding(), b.roleRef(), ns, via, direct, others, rules));
        }
        // bindings that name the subject first: those are the ones a right-size can change
        bindings.sort(java.util.Comparator.comparing((BindingUse b) -> !b.direct()));
        List<Change> changes = new ArrayList<>();
        List<Manifest> extra = new ArrayList<>();
        List<String> deletes = new ArrayList<>();
        boolean replacing = false;
        for (BindingUse bu : bindings) {
            String obj = bu.ref();
            boolean system = bu.binding().meta().name().startsWith("system:");
            if (system) {
                changes.add(new Change(Action.KEEP, obj, "a Kubernetes system binding; leave it to the control plane"));
                continue;
            }
            if (!bu.direct()) {
                changes.add(new Change(Action.KEEP, obj, "reaches the subject through " + bu.via()
                        + ", which other identities share: it cannot be removed for this subject alone; review the binding itself"
                        + (bu.unusedCells() > 0 ? " (" + bu.unusedCells() + " permission(s) unused by this subject)" : "")));
                continue;
            }
            if (bu.unusedCells() == 0 && bu.broaderCells() == 0 && bu.rules().stream().noneMatch(RuleUse::wildcard)) {
                changes.add(new Change(Action.KEEP, obj, "every permission it grants was used"));
                continue;
            }
            String why = bu.usedCells() == 0 ? "nothing it grants was used in the logs"
                    : (bu.unusedCells() > 0 ? bu.unusedCells() + " permission(s) it grants were not used"
                    : bu.broaderCells() + " permission(s) it grants more widely than they were used")
                    + (bu.rules().stream().anyMatch(RuleUse::wildcard) ? " (and it grants wildcards)" : "")
                    + "; the generated role grants what was used";
            replacing = true;
            if (bu.others().isEmpty()) {
                changes.add(new Change(Action.DELETE_BINDING, obj, why));
                deletes.add("kubectl delete " + bu.binding().kind().toLowerCase(Locale.ROOT) + " "
                        + bu.binding().meta().name() + (bu.namespace().isEmpty() ? "" : " -n " + bu.namespace()));
            } else {
                changes.add(new Change(Action.REMOVE_SUBJECT, obj, why + "; the binding stays for " + String.join(", ", bu.others())));
                extra.add(withoutSubject(bu, subject));
            }
        }
        List<Manifest> created = generated.hasErrors() ? List.of() : generated.objects();
        if (replacing || bindings.isEmpty()) {
            for (Manifest m : created) {
                changes.add(new Change(Action.CREATE, m.kind() + "/" + (m.namespace().isEmpty() ? "" : m.namespace() + "/")
                        + m.name(), "the least-privilege replacement: exactly what the logs show the subject used"));
            }
        }
        String report = report(subject, bindings, changes, deletes, generated, usageReport);
        List<Manifest> manifests = new ArrayList<>();
        if (replacing || bindings.isEmpty()) {
            manifests.addAll(created);
        }
        manifests.addAll(extra);
        manifests.add(Manifest.sideFile("unused-permissions.txt", Manifest.Format.TEXT, report));
        if (!deletes.isEmpty()) {
            manifests.add(Manifest.sideFile("delete-bindings.sh", Manifest.Format.SHELL,
                    "#!/bin/sh\n# Run after the new role is applied and the workload was checked for 403s.\nset -e\n"
                            + String.join("\n", deletes) + "\n"));
        }
        manifests.addAll(generated.manifests().stream().filter(m -> !m.isKubernetesObject()).toList());
        List<String> warnings = new ArrayList<>(generated.warnings());
        List<String> next = new ArrayList<>();
        next.add("Apply the new role and bindings first (server-side dry-run, then apply).");
        if (!deletes.isEmpty()) {
            next.add("Then delete the broad bindings: " + String.join("; ", deletes) + " (also in delete-bindings.sh).");
        }
        next.add("Watch the audit log for new 403s by " + subject + " for a while; the logs may have missed rare operations.");
        Bundle bundle = new Bundle("Unused permissions of " + subject, manifests,
                generated.problems().stream().filter(p -> !p.error()).toList(), warnings, next);
        return new Result(subject, bindings, changes, bundle, report);
    }

    private static boolean isSelf(BindingInfo.Subject s, String bindingNs, RbacSubject subject) {
        return switch (subject.kind()) {
            case SERVICE_ACCOUNT -> "ServiceAccount".equals(s.kind()) && s.name().equals(subject.name())
                    && (s.namespace().isEmpty() ? bindingNs : s.namespace()).equals(subject.namespace());
            case USER -> "User".equals(s.kind()) && s.name().equals(subject.name());
            case GROUP -> "Group".equals(s.kind()) && s.name().equals(subject.name());
        };
    }

    static RuleUse ruleUse(PolicyRule rule, String bindingNs, List<Request> used) {
        List<String> u = new ArrayList<>();
        List<String> n = new ArrayList<>();
        List<String> wider = new ArrayList<>();
        for (Map.Entry<String, PolicyRule> cell : cells(rule).entrySet()) {
            boolean any = false;
            boolean allNamespaced = true;
            boolean allNamed = true;
            java.util.Set<String> namespaces = new java.util.TreeSet<>();
            java.util.Set<String> names = new java.util.TreeSet<>();
            for (Request r : used) {
                boolean inScope = !r.isResourceRequest() || bindingNs.isEmpty() || bindingNs.equals(r.namespace());
                if (inScope && RbacMatch.ruleAllows(cell.getValue(), r)) {
                    any = true;
                    if (!r.isResourceRequest() || r.namespace().isEmpty()) {
                        allNamespaced = false;
                    } else {
                        namespaces.add(r.namespace());
                    }
                    if (!r.isResourceRequest() || r.name().isEmpty()) {
                        allNamed = false;
                    } else {
                        names.add(r.name());
                    }
                }
            }
            (any ? u : n).add(cell.getKey());
            if (any && rule.nonResourceURLs().isEmpty()) {
                if (bindingNs.isEmpty() && allNamespaced) {
                    wider.add(cell.getKey() + ": granted in every namespace, used only in " + String.join(", ", namespaces));
                } else if (rule.resourceNames().isEmpty() && allNamed
                        && !RoleSynthesizer.UNNAMEABLE_VERBS.contains(cell.getValue().verbs().get(0))) {
                    wider.add(cell.getKey() + ": granted on every object, used only on " + String.join(", ", names));
                }
            }
        }
        return new RuleUse(rule, u, n, wider);
    }

    /** The rule split into one rule per verb × group × resource (or verb × URL), keyed by a readable name. */
    static Map<String, PolicyRule> cells(PolicyRule rule) {
        Map<String, PolicyRule> out = new java.util.LinkedHashMap<>();
        for (String v : rule.verbs()) {
            if (!rule.nonResourceURLs().isEmpty()) {
                for (String url : rule.nonResourceURLs()) {
                    out.put(v + " " + url, new PolicyRule(List.of(v), List.of(), List.of(), List.of(), List.of(url)));
                }
                continue;
            }
            for (String g : rule.apiGroups()) {
                for (String res : rule.resources()) {
                    String names = rule.resourceNames().isEmpty() ? "" : " " + rule.resourceNames();
                    out.put(v + " " + res + (g.isEmpty() ? "" : "." + g) + names,
                            new PolicyRule(List.of(v), List.of(g), List.of(res), rule.resourceNames(), List.of()));
                }
            }
        }
        return out;
    }

    private static Manifest withoutSubject(BindingUse bu, RbacSubject subject) {
        BindingInfo b = bu.binding();
        List<Object> subjects = new ArrayList<>();
        for (BindingInfo.Subject s : b.subjects()) {
            if (isSelf(s, bu.namespace(), subject)) {
                continue;
            }
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("kind", s.kind());
            if (!s.apiGroup().isEmpty()) {
                m.put("apiGroup", s.apiGroup());
            }
            m.put("name", s.name());
            if (!s.namespace().isEmpty()) {
                m.put("namespace", s.namespace());
            }
            subjects.add(m);
        }
        Map<String, Object> meta = new java.util.LinkedHashMap<>();
        meta.put("name", b.meta().name());
        if (!bu.namespace().isEmpty()) {
            meta.put("namespace", bu.namespace());
        }
        Map<String, Object> obj = YamlWriter.map("apiVersion", RbacManifests.RBAC_GROUP + "/v1", "kind", b.kind(),
                "metadata", meta, "roleRef", YamlWriter.map("apiGroup", b.roleRef().apiGroup(), "kind",
                        b.roleRef().kind(), "name", b.roleRef().name()), "subjects", subjects);
        String lower = b.kind().toLowerCase(Locale.ROOT);
        String file = lower + "-" + (bu.namespace().isEmpty() ? "" : bu.namespace() + "-") + b.meta().name() + ".yaml";
        return Manifest.object(file, b.kind(), bu.namespace(), b.meta().name(), YamlWriter.write(obj,
                b.kind() + " " + b.meta().name() + " without " + subject + " (its other subjects keep their access)"));
    }

    private static String report(RbacSubject subject, List<BindingUse> bindings, List<Change> changes,
                                 List<String> deletes, Bundle generated, String usageReport) {
        StringBuilder sb = new StringBuilder();
        sb.append("Unused permissions of ").append(subject).append('\n');
        long used = bindings.stream().mapToLong(BindingUse::usedCells).sum();
        long unused = bindings.stream().mapToLong(BindingUse::unusedCells).sum();
        long direct = bindings.stream().filter(BindingUse::direct).count();
        sb.append("Effective permissions: ").append(bindings.size()).append(" binding(s) (").append(direct)
                .append(" naming the subject, ").append(bindings.size() - direct).append(" through its groups), ")
                .append(used + unused)
                .append(" verb × resource permission(s): ").append(used).append(" used, ").append(unused)
                .append(" unused in the logs\n");
        if (bindings.isEmpty()) {
            sb.append("No binding grants ").append(subject).append(" anything in this snapshot.\n");
        }
        for (BindingUse bu : bindings) {
            sb.append('\n').append(bu.ref()).append(" → ").append(bu.role()).append(" (")
                    .append(bu.direct() ? "directly" : "through " + bu.via())
                    .append(bu.namespace().isEmpty() ? ", cluster-wide" : ", in " + bu.namespace()).append(")\n");
            for (RuleUse r : bu.rules()) {
                sb.append("  rule ").append(RuleText.of(r.rule())).append(r.wildcard() ? "  [wildcard]" : "").append('\n');
                if (!r.used().isEmpty()) {
                    sb.append("    used:      ").append(String.join(", ", r.used())).append('\n');
                }
                if (!r.unused().isEmpty()) {
                    sb.append("    can go:    ").append(String.join(", ", r.unused())).append('\n');
                }
                for (String w : r.broader()) {
                    sb.append("    too wide:  ").append(w).append('\n');
                }
            }
        }
        sb.append("\nBinding changes:\n");
        if (changes.isEmpty()) {
            sb.append("  none\n");
        }
        changes.forEach(c -> sb.append("  ").append(c.describe()).append('\n'));
        if (!deletes.isEmpty()) {
            sb.append("\nAfter applying the new role:\n");
            deletes.forEach(d -> sb.append("  ").append(d).append('\n'));
        }
        if (generated.hasErrors()) {
            sb.append("\nNo replacement role: ");
            generated.problems().stream().filter(Bundle.Problem::error).forEach(p -> sb.append(p.message()).append(' '));
            sb.append('\n');
        }
        if (usageReport != null && !usageReport.isEmpty()) {
            sb.append('\n').append(usageReport);
        }
        return sb.toString();
    }
}
