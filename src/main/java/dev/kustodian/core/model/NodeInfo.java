package dev.kustodian.core.model;

/** A node: labels (for managed-cluster detection), providerID, kubelet version, control-plane role. */
public record NodeInfo(ObjectMeta meta, String providerId, String kubeletVersion, String osImage) implements HasMeta {
    public boolean isControlPlane() {
        return meta.labels().containsKey("node-role.kubernetes.io/control-plane")
                || meta.labels().containsKey("node-role.kubernetes.io/master");
    }
}
