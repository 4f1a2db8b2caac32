package dev.kustodian.ui.roles;

import dev.kustodian.core.findings.ObjectRef;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.roles.RbacSubject;
import dev.kustodian.core.roles.RightSize;
import dev.kustodian.core.roles.RoleSynthesizer;
import dev.kustodian.core.roles.UnusedPermissions;
import dev.kustodian.ui.framework.DialogService;
import dev.kustodian.ui.framework.TaskExecutor;
import dev.kustodian.ui.wizard.Fields;
import dev.kustodian.ui.wizard.FormValues;
import dev.kustodian.ui.wizard.NamedWizard;
import dev.kustodian.ui.wizard.WizardContext;
import dev.kustodian.ui.wizard.WizardForm;

import java.util.ArrayList;
import java.util.List;

/**
 * Right-size a subject from its audit logs ({@code right-size}; opened from the Roles and Access pages with the
 * subject pre-filled): choose the log files, read them off the FX thread (progress, cancel), see the usage report,
 * the generated least-privilege roles, their re-check with the RBAC engine and the unused permissions with the
 * binding changes; save, copy or apply like every wizard. Same flow as {@code kustodian rbac unused}.
 */
public final class RightSizeWizard extends NamedWizard {
    public static final String ID = "right-size";

    public RightSizeWizard() {
        super(ID, "Right-size from audit logs",
                "What a subject may do versus what its audit logs show it did.");
    }
    private TaskExecutor tasks;
    private DialogService dialogs;
    private WizardContext context;
    private WizardForm form;
    private AuditLogsField logs;
    private ReportField result;

    @Override
    public void build(WizardForm f, WizardContext ctx) {
        this.context = ctx;
        this.form = f;
        this.tasks = ctx.tasks();
        this.dialogs = ctx.dialogs();
        WizardForm.Step who = f.step("Subject", "Whose permissions to right-size.");
        who.choice("subject", "Subject in the cluster", "Service accounts and the subjects of existing bindings.",
                RoleChoices.subjects(ctx.snapshot()));
        who.text("subjectOther", "Or type a subject", "serviceaccount:NAMESPACE/NAME, user:NAME or group:NAME "
                + "(wins over the pick).", "serviceaccount:team-a/backend");
        WizardForm.Step read = f.step("Audit logs", "The API server's audit log files (audit.k8s.io/v1 or v1beta1 "
                + "JSON lines, plain or gzip). Large logs are streamed; reading can be cancelled.");
        read.checkbox("includeDenied", "Also grant requests that were denied (403)",
                "What the workload tried and was refused.", false);
        read.text("maxNames", "Restrict by name up to N objects", "resourceNames only when every request named one "
                + "of at most N objects (0 = never).", "5").valueProperty().set("5");
        read.text("roleName", "Role name", "Leave empty for <subject>-observed.", "<subject>-observed");
        logs = read.custom(new AuditLogsField("logs", "Audit log files", "Add the files, then Read logs.",
                tasks == null ? new dev.kustodian.ui.framework.SameThreadTaskExecutor() : tasks,
                dialogs, this::key, files -> {
                    FormValues v = form.values();
                    RbacSubject s = subjectOrNull(v);
                    RoleSynthesizer.Options o = options(v);
                    ClusterSnapshot snap = context.snapshot();
                    return (p, c) -> {
                        if (s == null) {
                            throw dev.kustodian.core.util.UserFacingException.badInput(
                                    "Choose the subject first (step 1), then read the logs.");
                        }
                        return RightSize.run(snap, s, files, o, p, c);
                    };
                }));
        WizardForm.Step res = f.step("Result", "What was used, what can go, and the re-check of the generated role.");
        result = res.custom(new ReportField("result", "Unused permissions and binding changes",
                "Review the usage report: a log window that misses rare operations gives too few rules."));
        logs.outcome.addListener((o, a, b) -> showResult(b));
    }

    private String key() {
        FormValues v = form.values();
        return v.string("subject") + "|" + v.string("subjectOther") + "|" + v.bool("includeDenied") + "|"
                + v.string("maxNames") + "|" + v.string("roleName");
    }

    private static RbacSubject subjectOrNull(FormValues v) {
        return RoleChoices.subject(v.string("subject"), v.string("subjectOther"), "subject", new ArrayList<>());
    }

    private static RoleSynthesizer.Options options(FormValues v) {
        int max;
        try {
            max = Integer.parseInt(v.string("maxNames").trim());
        } catch (NumberFormatException e) {
            max = 5;
        }
        String name = v.string("roleName").isBlank() ? null : v.string("roleName").trim();
        return new RoleSynthesizer.Options(v.bool("includeDenied"), Math.max(0, max), false, name);
    }

    private void showResult(RightSize.Outcome o) {
        if (o == null) {
            result.headlineProperty().set("");
            result.textProperty().set("");
            return;
        }
        result.headlineProperty().set(headline(o));
        StringBuilder sb = new StringBuilder();
        if (o.recheck() != null) {
            sb.append(o.recheck().summary()).append("\n\n");
        }
        sb.append(o.unused() != null ? o.unused().report() : o.usageReport());
        if (o.recheck() != null) {
            sb.append('\n').append(o.recheck().report());
        }
        result.textProperty().set(sb.toString());
    }

    static String headline(RightSize.Outcome o) {
        List<String> parts = new ArrayList<>();
        if (o.observed().isEmpty()) {
            return "No request by " + o.subject() + " in the logs: nothing to compare.";
        }
        UnusedPermissions.Result u = o.unused();
        if (u != null) {
            parts.add(u.unusedDirectCells() + " of " + u.directCells() + " permissions granted to it directly unused");
            long changes = u.changes().stream().filter(c -> c.action() == UnusedPermissions.Action.DELETE_BINDING
                    || c.action() == UnusedPermissions.Action.REMOVE_SUBJECT).count();
            parts.add(changes + " binding(s) to change");
        }
        if (o.recheck() != null) {
            parts.add("re-check " + (o.recheck().passed() ? "passed" : "FAILED") + " (" + o.recheck().observed().size()
                    + " observed allowed, " + o.recheck().unobserved().size() + " unobserved denied)");
        }
        return String.join(" · ", parts);
    }

    @Override
    public Bundle generate(FormValues v, WizardContext ctx) {
        List<Bundle.Problem> problems = new ArrayList<>();
        RoleChoices.subject(v.string("subject"), v.string("subjectOther"), "subject", problems);
        try {
            if (Integer.parseInt(v.string("maxNames").trim()) < 0) {
                problems.add(new Bundle.Problem("maxNames", "Enter 0 or more.", true));
            }
        } catch (NumberFormatException e) {
            problems.add(new Bundle.Problem("maxNames", "Enter a whole number (default 5).", true));
        }
        RightSize.Outcome o = logs == null ? null : logs.currentOutcome();
        if (o == null) {
            problems.add(new Bundle.Problem("logs", logs != null && logs.stale()
                    ? "The subject, files or options changed since the logs were read: Read logs again."
                    : "Add the audit log files and Read logs.", true));
            return new Bundle(title(), List.of(), problems, List.of(), List.of());
        }
        if (o.observed().isEmpty() || o.generated().hasErrors() && o.unused() == null) {
            o.generated().problems().stream().filter(Bundle.Problem::error)
                    .forEach(p -> problems.add(new Bundle.Problem("logs", p.message(), true)));
            if (problems.stream().noneMatch(Bundle.Problem::error)) {
                problems.add(new Bundle.Problem("logs", "No request by " + o.subject() + " to compare.", true));
            }
            return new Bundle(title(), List.of(), problems, List.of(), List.of());
        }
        Bundle b = o.unused() != null ? o.unused().bundle() : o.generated();
        if (o.recheck() != null && !o.recheck().passed()) {
            problems.add(new Bundle.Problem("result", o.recheck().summary(), false));
        }
        problems.addAll(b.problems());
        return new Bundle(b.title(), b.manifests(), problems, b.warnings(), b.nextSteps());
    }

    @Override
    public void prefill(WizardForm f, ObjectRef target) {
        RoleChoices.subjectFor(target, context == null ? null : context.snapshot()).ifPresent(s -> {
            Fields.Choice pick = f.field("subject", Fields.Choice.class);
            if (pick.items().contains(s)) {
                pick.valueProperty().set(s);
            } else {
                f.field("subjectOther", Fields.Text.class).valueProperty().set(s);
            }
        });
    }

    /** The audit logs field (tests). */
    public AuditLogsField logs() {
        return logs;
    }

    public ReportField result() {
        return result;
    }
}
