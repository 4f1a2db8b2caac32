package dev.kustodian.core.plan;

import dev.kustodian.core.findings.ObjectRef;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A strategic-merge patch for one workload (Deployment, StatefulSet, DaemonSet, CronJob...): the patch document
 * (apiVersion, kind, metadata and the changed fields only, so kustomize finds its target), its file name and the
 * changes in words.
 */
public record WorkloadPatch(ObjectRef target, String apiVersion, String fileName, Map<String, Object> patch,
                            List<String> changes) {

    public WorkloadPatch {
        changes = List.copyOf(changes);
    }

    /** The kubectl command that applies the patch file (strategic merge). */
    public String kubectl(String path, boolean dryRun) {
        return "kubectl patch " + target.kind().toLowerCase(Locale.ROOT) + " " + target.name() + " -n "
                + target.namespace() + " --type strategic --patch-file " + path + (dryRun ? " --dry-run=server" : "");
    }
}
