package dev.kustodian.ui.roles;

import dev.kustodian.core.findings.ObjectRef;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.roles.EnginePermissionChecker;
import dev.kustodian.core.roles.Guidance;
import dev.kustodian.core.roles.Permission;
import dev.kustodian.core.roles.PermissionChecker;
import dev.kustodian.core.roles.RbacSubject;
import dev.kustodian.core.roles.RoleGenerator;
import dev.kustodian.core.roles.RolePresets;
import dev.kustodian.core.roles.RoleRequest;
import dev.kustodian.core.roles.ScopeTable;
import dev.kustodian.core.util.UserFacingException;
import dev.kustodian.ui.wizard.Fields;
import dev.kustodian.ui.wizard.FormValues;
import dev.kustodian.ui.wizard.NamedWizard;
import dev.kustodian.ui.wizard.WizardContext;
import dev.kustodian.ui.wizard.WizardForm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The least-privilege role wizard ({@code role}, the fix of RBAC findings): subject, scope, permissions (resources
 * from API discovery incl. CRDs and subresources, verbs, resourceNames, presets), guidance shown live at the
 * fields, Roles/ClusterRole and bindings with a comment per rule. Same generator as {@code kustodian generate role}.
 */
public final class RoleWizard extends NamedWizard {
    public static final String ID = "role";

    public RoleWizard() {
        super(ID, "Least-privilege role",
                "Exactly the permissions one subject needs, with guidance as you pick.");
    }
    private WizardContext context;
    private GuidanceField guidance;

    @Override
    public void build(WizardForm form, WizardContext ctx) {
        this.context = ctx;
        WizardForm.Step who = form.step("Subject", "Who gets the access. Pick from the cluster, or type a subject.");
        who.choice("subject", "Subject in the cluster", "Service accounts and the subjects of existing bindings.",
                RoleChoices.subjects(ctx.snapshot()));
        who.text("subjectOther", "Or type a subject", "serviceaccount:NAMESPACE/NAME, user:NAME or group:NAME "
                + "(wins over the pick).", "serviceaccount:team-a/backend");
        WizardForm.Step scope = form.step("Scope", "Where the permissions apply: one Role + RoleBinding per "
                + "namespace, or cluster-wide. Cluster-scoped resources always go into a ClusterRole.");
        scope.list("namespaces", "Namespaces", "One Role and RoleBinding in each.", ctx::namespaces).alias("scope");
        scope.checkbox("clusterWide", "Cluster-wide (ClusterRole + ClusterRoleBinding instead)",
                "Grants the permissions in every namespace, present and future.", false);
        WizardForm.Step perms = form.step("Permissions", "Pick resources, verbs and (optionally) object names, "
                + "or start from a preset. Warnings appear as you pick.");
        guidance = perms.custom(new GuidanceField("guidance", "Guidance", "Updated as you pick; the API server "
                + "enforces none of this, so read it before applying."));
        perms.choice("preset", "Preset", "A common job; combine it with your own picks.", presetIds());
        perms.text("presetArg", "Preset argument", "read-secret: the secret name(s), comma-separated.", "db-credentials");
        Fields.ListEditor resources = perms.list("resources", "Resources", "From the cluster's API discovery, CRDs "
                + "and subresources included (resource[/subresource][.group]).", () -> RoleChoices.resources(ctx.snapshot()));
        resources.alias("permissions");
        // long suggestions (CRD groups) must not widen the input past its buttons
        if (resources.node().lookup("#field-resources-input") instanceof javafx.scene.control.ComboBox<?> c) {
            c.setPrefWidth(160);
        }
        perms.list("verbs", "Verbs", "What the subject may do on those resources.", () -> RoleChoices.VERBS);
        perms.list("resourceNames", "Object names (resourceNames)", "Optional: only these objects. Names do not "
                + "restrict list, watch, create or deletecollection.", () -> names(ctx.snapshot()));
        perms.list("rules", "More rules", "Advanced: apiGroup:resources:verbs[:names], e.g. apps:deployments:get,patch",
                List::of);
        WizardForm.Step name = form.step("Name", "The name of the generated roles and bindings.");
        name.text("roleName", "Role name", "Leave empty for <subject>-access.", "<subject>-access").alias("name");
    }

    private static List<String> presetIds() {
        List<String> l = new ArrayList<>();
        l.add("");
        RolePresets.all().forEach(p -> l.add(p.name()));
        return l;
    }

    private static List<String> names(ClusterSnapshot s) {
        return s == null ? List.of() : s.secrets().stream().map(x -> x.meta().name()).distinct().sorted().toList();
    }

    @Override
    public Bundle generate(FormValues v, WizardContext ctx) {
        List<Bundle.Problem> problems = new ArrayList<>();
        RbacSubject subject = RoleChoices.subject(v.string("subject"), v.string("subjectOther"), "subject", problems);
        List<Permission> perms = new ArrayList<>();
        String preset = v.string("preset").trim();
        if (!preset.isEmpty()) {
            String arg = v.string("presetArg").trim();
            try {
                perms.addAll(RolePresets.permissions(arg.isEmpty() ? preset : preset + "=" + arg));
            } catch (UserFacingException e) {
                problems.add(new Bundle.Problem("presetArg", e.getMessage(), true));
            }
        }
        List<String> verbs = v.list("verbs");
        List<String> names = v.list("resourceNames");
        Map<String, List<String>> byGroup = new LinkedHashMap<>();
        for (String r : v.list("resources")) {
            String[] gr = RoleChoices.parse(r);
            byGroup.computeIfAbsent(gr[0], k -> new ArrayList<>()).add(gr[1]);
        }
        if (!byGroup.isEmpty() && verbs.isEmpty()) {
            problems.add(new Bundle.Problem("verbs", "Pick at least one verb for the resources.", true));
        }
        if (byGroup.isEmpty() && (!verbs.isEmpty() || !names.isEmpty())) {
            problems.add(new Bundle.Problem("resources", "Pick the resources these verbs apply to.", true));
        }
        if (!byGroup.isEmpty() && !verbs.isEmpty()) {
            byGroup.forEach((g, res) -> perms.add(new Permission(g, res, verbs, names, List.of(),
                    "chosen in the wizard: " + String.join(", ", verbs) + " on " + String.join(", ", res)
                            + (g.isEmpty() ? "" : " (" + g + ")") + (names.isEmpty() ? "" : ", only " + String.join(", ", names)))));
        }
        for (String r : v.list("rules")) {
            try {
                perms.add(Permission.parse(r));
            } catch (UserFacingException e) {
                problems.add(new Bundle.Problem("rules", e.getMessage(), true));
            }
        }
        String title = "Role";
        if (subject == null || problems.stream().anyMatch(Bundle.Problem::error)) {
            if (subject != null) {
                problems.addAll(RoleGenerator.problems(new RoleRequest(subject, v.list("namespaces"),
                        v.bool("clusterWide"), perms, v.string("roleName"))));
            }
            showGuidance(List.of());
            return new Bundle(title, List.of(), problems, List.of(), List.of());
        }
        RoleRequest req = new RoleRequest(subject, v.list("namespaces"), v.bool("clusterWide"), perms,
                v.string("roleName").isBlank() ? null : v.string("roleName").trim());
        ScopeTable scopes = ScopeTable.of(ctx.snapshot());
        PermissionChecker checker = EnginePermissionChecker.forApplier(ctx.snapshot());
        Bundle b = RoleGenerator.generate(req, scopes, checker);
        problems.addAll(b.problems());
        List<String> live = new ArrayList<>();
        if (!b.hasErrors()) {
            // guidance live at the fields it is about and in the Guidance box (the Review step lists them again)
            for (Guidance.Warning w : Guidance.warnings(RoleGenerator.scopedRules(req, scopes), checker)) {
                problems.add(new Bundle.Problem(fieldOf(w.code()), w.message(), false));
                live.add(w.message());
            }
        }
        showGuidance(live);
        return new Bundle(b.title(), b.manifests(), problems, b.warnings(), b.nextSteps());
    }

    private void showGuidance(List<String> warnings) {
        if (guidance != null) {
            guidance.show(warnings);
        }
    }

    /** The live guidance box (tests). */
    public GuidanceField guidance() {
        return guidance;
    }

    static String fieldOf(String code) {
        return switch (code) {
            case "names-do-not-restrict" -> "resourceNames";
            case "wildcard" -> "resources";
            case "applier-lacks" -> "resources";
            default -> "verbs";
        };
    }

    @Override
    public void prefill(WizardForm form, ObjectRef target) {
        RoleChoices.subjectFor(target, context == null ? null : context.snapshot()).ifPresent(s -> {
            Fields.Choice pick = form.field("subject", Fields.Choice.class);
            if (pick.items().contains(s)) {
                pick.valueProperty().set(s);
            } else {
                form.field("subjectOther", Fields.Text.class).valueProperty().set(s);
            }
            if (s.startsWith("serviceaccount:")) {
                String ns = s.substring("serviceaccount:".length(), s.indexOf('/'));
                form.field("namespaces", Fields.ListEditor.class).add(ns);
            } else if (target != null && !target.namespace().isEmpty()) {
                form.field("namespaces", Fields.ListEditor.class).add(target.namespace());
            }
        });
    }
}
