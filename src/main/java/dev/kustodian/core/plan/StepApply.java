package dev.kustodian.core.plan;

import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.port.ClusterPort;
import dev.kustodian.core.util.Cancellation;

import java.util.ArrayList;
import java.util.List;

/**
 * What "Apply" of a plan step sends to a cluster through the {@link ClusterPort}, in order: the step's objects
 * (server-side apply), its workload patches (strategic merge), then its deletions (risky bindings, unused tokens).
 * Run it once with {@code dryRun} (the server validates, nothing changes), show the outcomes, and only after the
 * user confirmed, for real. Node-level work (the encryption key on the control-plane nodes) is never applied here:
 * it is in the step's manual steps.
 */
public final class StepApply {
    private StepApply() {
    }

    /** The step's Kubernetes objects as a bundle (scripts and kustomization files left out). */
    public static Bundle objects(PlanStep step) {
        return Bundle.of(step.title(), step.files().stream().filter(m -> m.isKubernetesObject()).toList());
    }

    /** True when the step has something to send to the API server. */
    public static boolean applicable(PlanStep step) {
        return !objects(step).objects().isEmpty() || !step.patches().isEmpty() || !step.removals().isEmpty();
    }

    /** What the step would change, one line per object, for the confirmation. */
    public static List<String> describe(PlanStep step) {
        List<String> out = new ArrayList<>();
        objects(step).objects().forEach(m -> out.add("apply " + m.kind() + "/" + (m.namespace().isEmpty() ? ""
                : m.namespace() + "/") + m.name()));
        step.patches().forEach(p -> out.add("patch " + p.target().display()));
        step.removals().forEach(r -> out.add("delete " + r.target().display()));
        return out;
    }

    /** Sends the step to the cluster ({@code dryRun}: validated only); one outcome per object. */
    public static List<ClusterPort.ApplyOutcome> run(PlanStep step, ClusterPort port, boolean dryRun,
                                                     Cancellation cancel) {
        List<ClusterPort.ApplyOutcome> out = new ArrayList<>();
        Bundle objects = objects(step);
        if (!objects.objects().isEmpty()) {
            out.addAll(port.apply(objects, dryRun, cancel));
        }
        for (WorkloadPatch p : step.patches()) {
            out.add(port.patch(p.apiVersion(), p.target().kind(), p.target().namespace(), p.target().name(),
                    p.patch(), dryRun, cancel));
        }
        for (Removal r : step.removals()) {
            out.add(port.delete(r.apiVersion(), r.target().kind(), r.target().namespace(), r.target().name(), dryRun,
                    cancel));
        }
        return out;
    }
}
