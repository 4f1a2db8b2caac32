package dev.kustodian.ui.onboarding;

import dev.kustodian.core.accept.AcceptedRisk;
import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.findings.ObjectRef;
import dev.kustodian.core.model.ClusterIdentity;
import dev.kustodian.core.plan.ClusterPlan;
import dev.kustodian.core.plan.GitOpsWriter;
import dev.kustodian.core.plan.PlanBuilder;
import dev.kustodian.core.plan.PlanState;
import dev.kustodian.core.plan.PlanStep;
import dev.kustodian.core.plan.StepApply;
import dev.kustodian.core.port.ClusterPort;
import dev.kustodian.core.util.UserFacingException;
import dev.kustodian.ui.framework.AppState;
import dev.kustodian.ui.framework.DialogService;
import dev.kustodian.ui.framework.LatestOnly;
import dev.kustodian.ui.framework.TaskExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The Onboarding page's model over the load's {@link ClusterPlan} ({@link AppState#planProperty()}): per step the
 * wizard to open, Write files (the GitOps folder), Apply (server-side dry run, confirmation naming the context, then
 * the real apply through the {@link ClusterPort}), Verify (the shell's reload; the step's before → after is recorded
 * in the cluster's plan state), Accept risk (an accepted-risks entry with reason, who and expiry), and the etcd
 * proof of encryption at rest. Work off the FX thread goes through the executor; FX thread only otherwise.
 */
public final class OnboardingViewModel {
    /** A Verify in flight: the step and its open findings before the reload. */
    record PendingVerify(ClusterIdentity cluster, String stepId, int before) {
    }

    private final AppState state;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final Runnable reload;
    private final Clock clock;
    private final LatestOnly rebuilds;
    public final StringProperty status = new SimpleStringProperty("");
    public final BooleanProperty busy = new SimpleBooleanProperty();
    private PendingVerify pending;

    public OnboardingViewModel(AppState state, TaskExecutor tasks, DialogService dialogs, Runnable reload, Clock clock) {
        this.state = state;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.reload = reload;
        this.clock = clock;
        this.rebuilds = new LatestOnly(tasks);
        state.plan.addListener((o, a, b) -> planChanged(b));
    }

    /** A new load arrived: a rebuild of the previous load's plan still running is dropped. */
    public void loaded() {
        rebuilds.invalidate();
    }

    public ClusterPlan plan() {
        return state.plan();
    }

    /** The recorded verification of a step (before → after), or null. */
    public PlanState.Verification verification(String stepId) {
        ClusterPlan p = state.plan();
        return p == null ? null : p.state().verifications().get(stepId);
    }

    /** The findings of a step as the analysis has them (ids of findings the load no longer has are left out). */
    public List<Finding> findings(PlanStep step) {
        List<Finding> all = state.findings();
        return step.findings().stream().map(id -> all.stream().filter(f -> f.id().equals(id)).findFirst()
                .orElse(null)).filter(f -> f != null).toList();
    }

    /** The accepted-risk entry of a finding of the plan, or null. */
    public AcceptedRisk acceptance(String findingId) {
        ClusterPlan p = state.plan();
        var a = p == null ? null : p.accepted().get(findingId);
        return a == null ? null : a.entry();
    }

    // ------------------------------------------------------------------------------------------------ wizard

    /** A wizard and its target for "Open wizard". */
    public record WizardChoice(String wizardId, ObjectRef target) {
    }

    /**
     * The wizard that does a step's work, pre-filled for the object of its first open finding that names a wizard;
     * else the step's own wizard (encryption config, a secret migration for the first secret to move).
     */
    public Optional<WizardChoice> wizardFor(PlanStep step, Predicate<String> registered) {
        for (Finding f : findings(step)) {
            if (f.fix() != null && registered.test(f.fix()) && !step.accepted().contains(f.id())) {
                return Optional.of(new WizardChoice(f.fix(), f.object()));
            }
        }
        String fallback = switch (step.id()) {
            case PlanBuilder.ENCRYPTION -> "encryption-config";
            case PlanBuilder.STORES -> "migrate-secret";
            case PlanBuilder.RBAC -> "role";
            default -> null;
        };
        return fallback != null && registered.test(fallback) ? Optional.of(new WizardChoice(fallback, null))
                : Optional.empty();
    }

    // ------------------------------------------------------------------------------------------------ files

    /** Writes the plan's GitOps folder (the step folders, README, kustomizations; keys 0600 under .kustodian/keys). */
    public GitOpsWriter.Result write(Path dir, Predicate<List<Path>> confirmChanges) throws IOException {
        ClusterPlan p = state.plan();
        return GitOpsWriter.write(p.plan(), dir, p.state(), null, confirmChanges);
    }

    // ------------------------------------------------------------------------------------------------ apply

    public boolean canApply(PlanStep step) {
        ClusterSession s = state.session();
        return s != null && s.cluster().isPresent() && StepApply.applicable(step);
    }

    /** Server-side dry run, the outcome shown, a confirmation naming the context, then the real apply. */
    public void apply(PlanStep step) {
        ClusterSession session = state.session();
        if (session == null || session.cluster().isEmpty()) {
            dialogs.showError("Cannot apply", "This source has no cluster connection (a snapshot file). Write the "
                    + "plan files and apply them with kubectl, or connect to the cluster.");
            return;
        }
        ClusterPort port = session.cluster().orElseThrow();
        String context = session.contextName() == null ? "(current)" : session.contextName();
        boolean production = state.isProduction();
        busy.set(true);
        status.set("Server-side dry run of step " + step.number() + " on " + context + "…");
        tasks.submit("Dry run: " + step.title(), (p, c) -> StepApply.run(step, port, true, c), dry -> {
            String summary = summary(dry);
            if (dry.stream().anyMatch(o -> !o.ok())) {
                busy.set(false);
                status.set("The dry run was rejected; nothing was changed.");
                dialogs.showError("Dry run rejected", summary);
                return;
            }
            boolean ok = dialogs.confirm((production ? "PRODUCTION: " : "") + "Apply step " + step.number()
                            + " to context " + context + "?", "The dry run passed:\n" + summary + "\n\nChange "
                            + dry.size() + " object(s) in context " + context + " now?", "Apply to " + context,
                    production);
            if (!ok) {
                busy.set(false);
                status.set("Not applied.");
                return;
            }
            tasks.submit("Apply: " + step.title(), (p2, c2) -> StepApply.run(step, port, false, c2), res -> {
                busy.set(false);
                long failed = res.stream().filter(o -> !o.ok()).count();
                status.set(failed == 0 ? "Applied step " + step.number() + " (" + res.size() + " object(s)) to "
                        + context + ". Verify to reload and check its findings."
                        : failed + " object(s) were rejected; see the details.");
                if (failed > 0) {
                    dialogs.showError("Apply partly failed", summary(res));
                }
            }, this::failed);
        }, this::failed);
    }

    private static String summary(List<ClusterPort.ApplyOutcome> outcomes) {
        return outcomes.stream().map(o -> (o.ok() ? "✓ " : "✗ ") + o.object() + ": " + o.message())
                .collect(Collectors.joining("\n"));
    }

    private void failed(Throwable t) {
        busy.set(false);
        String msg = t instanceof UserFacingException u ? u.getMessage()
                : "The operation failed (" + t.getClass().getSimpleName() + "). Nothing else was changed.";
        status.set(msg);
        dialogs.showError("Apply failed", msg);
    }

    // ------------------------------------------------------------------------------------------------ verify

    /** Verify: reloads the cluster; when the new plan arrives, the step's before → after is recorded. */
    public void verify(PlanStep step) {
        ClusterPlan p = state.plan();
        if (p == null) {
            return;
        }
        pending = new PendingVerify(p.identity(), step.id(), step.openFindings().size());
        status.set("Reloading to verify step " + step.number() + "…");
        reload.run();
    }

    private void planChanged(ClusterPlan p) {
        PendingVerify v = pending;
        if (v == null || p == null) {
            return;
        }
        pending = null;
        if (!p.identity().equals(v.cluster())) {
            status.set("A different cluster was loaded; the verification was not recorded.");
            return;
        }
        PlanStep s = p.plan().step(v.stepId()).orElse(null);
        if (s == null) {
            return;
        }
        int after = s.openFindings().size();
        status.set("Verified step " + s.number() + ": " + v.before() + " → " + after + " open finding(s) — "
                + (s.status().settled() ? s.status().id() : "not done yet (" + s.statusReason() + ")") + ".");
        tasks.submit("Recording the verification", (pr, c) -> {
            p.recordVerification(v.stepId(), v.before(), clock);
            return p;
        }, this::republish, e -> dialogs.showError("Verification not saved", "The plan state could not be saved: "
                + e.getMessage()));
    }

    /** Shows the same plan again so views re-read its state (a verification or proof was recorded). */
    private void republish(ClusterPlan p) {
        if (state.plan() == p) {
            state.plan.set(null);
            state.plan.set(p);
        }
    }

    // ------------------------------------------------------------------------------------------------ accept, proof

    /** Problems of an accept form, by field ("reason", "by", "expires", "findings"); empty when it can be saved. */
    public List<String> acceptProblems(List<String> findingIds, String reason, String by, LocalDate expires) {
        List<String> out = new ArrayList<>();
        if (findingIds.isEmpty()) {
            out.add("Choose at least one finding to accept.");
        }
        if (reason == null || reason.isBlank()) {
            out.add("Say why the risk is accepted (the reason is kept with the entry).");
        }
        if (by == null || by.isBlank()) {
            out.add("Say who accepts it (a name or e-mail).");
        }
        if (expires == null) {
            out.add("Give an expiry date: accepted risks are reviewed when they expire.");
        } else if (!expires.isAfter(LocalDate.now(clock))) {
            out.add("The expiry date must be in the future.");
        }
        return out;
    }

    /** Records accepted risks for the findings and rebuilds the plan (they show as accepted; the step may settle). */
    public void accept(PlanStep step, List<String> findingIds, String reason, String by, LocalDate expires) {
        List<String> problems = acceptProblems(findingIds, reason, by, expires);
        if (!problems.isEmpty()) {
            dialogs.showError("Risk not accepted", String.join(" ", problems));
            return;
        }
        ClusterPlan p = state.plan();
        busy.set(true);
        rebuild("Accepting " + findingIds.size() + " risk(s)", () -> {
            ClusterPlan cp = p;
            for (String id : findingIds) {
                cp = cp.accept(new AcceptedRisk(id, null, null, reason.strip(), by.strip(), expires, "Kustodian"));
            }
            return cp;
        }, "Accepted " + findingIds.size() + " finding(s) of step " + step.number() + " until " + expires + ".");
    }

    /** Records the proof of a step (the etcd verification summary of encryption at rest) and rebuilds the plan. */
    public void recordProof(PlanStep step, String proof) {
        if (proof == null || proof.isBlank()) {
            dialogs.showError("No proof recorded", "Paste the summary of kustodian encryption verify-etcd (or the "
                    + "provider's encryption status) first.");
            return;
        }
        ClusterPlan p = state.plan();
        busy.set(true);
        rebuild("Recording the proof", () -> {
            p.recordProof(step.id(), proof.strip());
            return p;
        }, "Proof recorded for step " + step.number() + ".");
    }

    private interface Change {
        ClusterPlan apply() throws IOException;
    }

    private void rebuild(String title, Change change, String done) {
        ClusterSession session = state.session();
        List<Finding> findings = state.findings();
        rebuilds.submit(title, (pr, c) -> change.apply().rebuild(session, findings, clock, pr, c), rebuilt -> {
            busy.set(false);
            state.plan.set(rebuilt);
            status.set(done);
        }, e -> {
            busy.set(false);
            String msg = e instanceof UserFacingException u ? u.getMessage() : String.valueOf(e.getMessage());
            status.set(msg);
            dialogs.showError("Not saved", msg);
        });
    }
}
