package dev.kustodian.core.secrets;

/** Who creates and maintains a secret, as far as the snapshot tells. */
public enum ManagedBy {
    EXTERNAL_SECRET("External Secrets Operator"),
    SEALED_SECRET("Sealed Secrets"),
    HELM("Helm release"),
    SERVICE_ACCOUNT_TOKEN("service-account token"),
    CERT_MANAGER("cert-manager"),
    NONE("none");

    private final String label;

    ManagedBy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
