package dev.kustodian.core.plan;

import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.model.ClusterIdentity;

import java.util.List;
import java.util.Optional;

/**
 * The hardening plan of one cluster: ordered steps (risk first, then dependencies), built from one analysis by
 * {@link PlanBuilder}. Holds names and generated configuration only, never a secret value; key material is produced
 * only when the GitOps folder is written.
 *
 * @param source    where the analysis came from ("live: prod-eu", "demo: kustodian-demo")
 * @param others    open findings no step resolves (shown in the README so nothing is silently dropped)
 */
public record Plan(ClusterIdentity cluster, String source, List<PlanStep> steps, List<Finding> others) {

    public Plan {
        steps = List.copyOf(steps);
        others = List.copyOf(others);
    }

    public Optional<PlanStep> step(String id) {
        return steps.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** Steps that are done or accepted. */
    public long settledCount() {
        return steps.stream().filter(s -> s.status().settled()).count();
    }

    /** Progress 0..1: settled steps over all steps. */
    public double progress() {
        return steps.isEmpty() ? 1.0 : (double) settledCount() / steps.size();
    }
}
