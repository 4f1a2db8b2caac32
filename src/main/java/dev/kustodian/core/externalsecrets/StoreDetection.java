package dev.kustodian.core.externalsecrets;

import dev.kustodian.core.model.ApiResourceInfo;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.CrdInfo;

import java.util.ArrayList;
import java.util.List;

/** Which secret-store operators are installed (CRDs + discovery), which versions they serve, how to install. */
public final class StoreDetection {
    private StoreDetection() {
    }

    /** A product we generate for, identified by one CRD. */
    public enum Product {
        EXTERNAL_SECRETS("External Secrets Operator", "external-secrets.io", "ExternalSecret", "v1",
                "helm repo add external-secrets https://charts.external-secrets.io && helm install external-secrets"
                        + " external-secrets/external-secrets -n external-secrets --create-namespace"),
        SECRETS_STORE_CSI("Secrets Store CSI Driver", "secrets-store.csi.x-k8s.io", "SecretProviderClass", "v1",
                "helm repo add secrets-store-csi-driver https://kubernetes-sigs.github.io/secrets-store-csi-driver/charts"
                        + " && helm install csi-secrets-store secrets-store-csi-driver/secrets-store-csi-driver"
                        + " -n kube-system (add --set syncSecret.enabled=true only if you need secretObjects), then the"
                        + " provider plugin for your store"),
        SEALED_SECRETS("Sealed Secrets", "bitnami.com", "SealedSecret", "v1alpha1",
                "helm repo add sealed-secrets https://bitnami-labs.github.io/sealed-secrets && helm install"
                        + " sealed-secrets-controller sealed-secrets/sealed-secrets -n kube-system"),
        AKEYLESS_OPERATOR("Akeyless secrets operator", "secrets.akeyless.io", "AkeylessSecret", "v1alpha1",
                "see github.com/akeyless-community/akeyless-secrets-operator (community project; no chart name"
                        + " verified by Kustodian)");

        public final String title;
        public final String group;
        public final String kind;
        public final String wantedVersion;
        public final String installCommand;

        Product(String title, String group, String kind, String wantedVersion, String installCommand) {
            this.title = title;
            this.group = group;
            this.kind = kind;
            this.wantedVersion = wantedVersion;
            this.installCommand = installCommand;
        }
    }

    /**
     * @param installed      the CRD (or the API resource) is there
     * @param servedVersions versions the API server serves
     * @param usable         the version Kustodian generates is served
     */
    public record Status(Product product, boolean installed, List<String> servedVersions, boolean usable,
                         String advice) {
    }

    public static List<Status> detect(ClusterSnapshot snap) {
        List<Status> out = new ArrayList<>();
        for (Product p : Product.values()) {
            List<String> served = new ArrayList<>();
            boolean installed = false;
            for (CrdInfo c : snap.crds()) {
                if (c.group().equals(p.group) && c.kind().equals(p.kind)) {
                    installed = true;
                    c.versions().stream().filter(CrdInfo.Version::served).forEach(v -> served.add(v.name()));
                }
            }
            for (ApiResourceInfo r : snap.apiResources()) {
                if (r.group().equals(p.group) && r.kind().equals(p.kind) && !r.isSubresource()) {
                    installed = true;
                    if (!served.contains(r.version())) {
                        served.add(r.version());
                    }
                }
            }
            boolean usable = served.contains(p.wantedVersion);
            String advice;
            if (!installed) {
                advice = "Not installed. Install: " + p.installCommand;
            } else if (!usable) {
                advice = p.title + " serves " + served + " but not " + p.group + "/" + p.wantedVersion
                        + (p == Product.EXTERNAL_SECRETS ? ": upgrade ESO to 0.17 or later" : ": upgrade it");
            } else {
                advice = "Installed; " + p.group + "/" + p.wantedVersion + " is served.";
            }
            out.add(new Status(p, installed, List.copyOf(served), usable, advice));
        }
        return out;
    }
}
