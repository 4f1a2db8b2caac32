package dev.kustodian.core.plan;

import dev.kustodian.core.accept.AcceptedRisk;
import dev.kustodian.core.accept.AcceptedRisks;
import dev.kustodian.core.accept.Acceptance;
import dev.kustodian.core.cluster.ClusterIdentities;
import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.model.ClusterIdentity;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.Progress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The hardening plan of one load of a cluster, with the state it was built from: what the desktop app builds once
 * per load (off the FX thread, next to the analysis) and what its Onboarding page and Overview show. The state and
 * the accepted risks the user recorded live in the config directory under the cluster's identity
 * ({@code plans/<key>.yaml}, {@code plans/<key>.accept.yaml}), so progress survives a restart and follows the
 * cluster, not the context name; without a config directory (tests, screenshots) they live in memory for the session.
 *
 * @param firstSeen true when no state of this cluster existed before this load (the app opens the Onboarding page)
 * @param configDir where the state is kept, or null when nothing is written
 */
public record ClusterPlan(ClusterIdentity identity, Plan plan, PlanState state, AcceptedRisks risks,
                          Map<String, Acceptance> accepted, boolean firstSeen, Path configDir) {

    public ClusterPlan {
        accepted = Map.copyOf(accepted);
    }

    /**
     * Builds the plan of a load. When {@code previous} is the plan of the same cluster, every step whose open
     * findings changed gets a verification (before → after) in the state: a reload after applying a step is its
     * verification. The state file is written when it did not exist (the cluster is now "seen") or changed.
     */
    public static ClusterPlan load(ClusterSession session, List<Finding> findings, Path configDir,
                                   ClusterPlan previous, Clock clock, Progress progress, Cancellation cancel)
            throws IOException {
        ClusterIdentity id = ClusterIdentities.of(session);
        boolean same = previous != null && previous.identity().equals(id);
        Path stateFile = configDir == null ? null : PlanState.defaultFile(configDir, id.key());
        boolean firstSeen = stateFile != null && !Files.exists(stateFile);
        PlanState state;
        AcceptedRisks risks;
        if (configDir != null) {
            state = PlanState.read(stateFile);
            risks = PlanFiles.loadUserAccepted(configDir, id);
        } else {
            state = same ? copy(previous.state()) : new PlanState();
            risks = same ? previous.risks() : AcceptedRisks.none();
        }
        state.cluster(id.server());
        Map<String, Acceptance> accepted = risks.match(findings, LocalDate.now(clock));
        Plan plan = PlanBuilder.build(new PlanBuilder.Input(session.snapshot(), findings, id, state, accepted,
                List.of(), clock, progress, cancel));
        boolean changed = false;
        if (same) {
            for (PlanStep s : plan.steps()) {
                PlanStep before = previous.plan().step(s.id()).orElse(null);
                if (before != null && before.openFindings().size() != s.openFindings().size()) {
                    state.verifications().put(s.id(), new PlanState.Verification(clock.instant().toString(),
                            before.openFindings().size(), s.openFindings().size(), s.status().id()));
                    changed = true;
                }
            }
        }
        if (stateFile != null && (firstSeen || changed)) {
            state.write(stateFile);
        }
        return new ClusterPlan(id, plan, state, risks, accepted, firstSeen, configDir);
    }

    /** The same load's plan rebuilt after the state or the accepted risks changed (worker thread). */
    public ClusterPlan rebuild(ClusterSession session, List<Finding> findings, Clock clock, Progress progress,
                               Cancellation cancel) {
        Map<String, Acceptance> acc = risks.match(findings, LocalDate.now(clock));
        Plan p = PlanBuilder.build(new PlanBuilder.Input(session.snapshot(), findings, identity, state, acc,
                List.of(), clock, progress, cancel));
        return new ClusterPlan(identity, p, state, risks, acc, firstSeen, configDir);
    }

    /** Records an accepted risk for this cluster (persisted when there is a config directory); rebuild after. */
    public ClusterPlan accept(AcceptedRisk entry) throws IOException {
        if (configDir != null) {
            PlanFiles.addUserAccepted(configDir, identity, entry);
            return new ClusterPlan(identity, plan, state, PlanFiles.loadUserAccepted(configDir, identity), accepted,
                    firstSeen, configDir);
        }
        List<AcceptedRisk> all = new java.util.ArrayList<>(risks.entries());
        all.removeIf(a -> a.target().equals(entry.target()));
        all.add(entry);
        return new ClusterPlan(identity, plan, state, new AcceptedRisks(all), accepted, firstSeen, configDir);
    }

    /** Records a verification of a step (before → after open findings) and saves the state. */
    public void recordVerification(String stepId, int before, Clock clock) throws IOException {
        PlanStep s = plan.step(stepId).orElseThrow(() -> new IllegalArgumentException("no step " + stepId));
        state.verifications().put(stepId, new PlanState.Verification(clock.instant().toString(), before,
                s.openFindings().size(), s.status().id()));
        save();
    }

    /** Records the proof of a step (e.g. the etcd verification of encryption at rest) and saves the state. */
    public void recordProof(String stepId, String proof) throws IOException {
        state.proofs().put(stepId, proof);
        save();
    }

    /** Records a wizard answer the plan uses (e.g. {@code store.name}) and saves the state. */
    public void recordAnswer(String key, String value) throws IOException {
        state.answers().put(key, value);
        save();
    }

    private void save() throws IOException {
        if (configDir != null) {
            state.write(PlanState.defaultFile(configDir, identity.key()));
        }
    }

    private static PlanState copy(PlanState s) {
        return new PlanState().merge(s);
    }
}
