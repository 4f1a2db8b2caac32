package dev.kustodian.core.model;

/**
 * A pod or a workload controller (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, ...) with the
 * pod template that matters for secrets. For a Pod, {@code phase} is its status phase; for controllers null.
 */
public record WorkloadInfo(String kind, ObjectMeta meta, PodSpecInfo spec, String phase) implements HasMeta {

    public boolean isPod() {
        return "Pod".equals(kind);
    }

    /** True for a pod created by a controller (it has a controlling owner reference). */
    public boolean isControlled() {
        return meta.owners().stream().anyMatch(ObjectMeta.OwnerRef::controller);
    }
}
