package dev.kustodian.core.encryption;

import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.NodeInfo;
import dev.kustodian.core.model.PodSpecInfo;
import dev.kustodian.core.model.WorkloadInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the snapshot says about encryption at rest: the kube-apiserver pods' flags, and managed-cluster detection. */
public final class EncryptionPosture {
    private EncryptionPosture() {
    }

    public enum Managed {
        EKS("Amazon EKS", "EKS encrypts all Kubernetes API data with KMS v2 envelope encryption by default since Kubernetes 1.28; "
                + "for your own key, associate a customer-managed AWS KMS key: aws eks associate-encryption-config "
                + "--cluster-name NAME --encryption-config '[{\"resources\":[\"secrets\"],\"provider\":{\"keyArn\":\"KEY_ARN\"}}]'."),
        GKE("Google GKE", "GKE encrypts etcd at the storage layer; add application-layer Secrets encryption with a Cloud KMS key: "
                + "gcloud container clusters update NAME --database-encryption-key projects/P/locations/L/keyRings/R/cryptoKeys/K."),
        AKS("Azure AKS", "Enable KMS etcd encryption with an Azure Key Vault key: az aks update --name NAME --resource-group RG "
                + "--enable-azure-keyvault-kms --azure-keyvault-kms-key-id KEY_ID.");

        private final String label;
        private final String howTo;

        Managed(String label, String howTo) {
            this.label = label;
            this.howTo = howTo;
        }

        public String label() {
            return label;
        }

        public String howTo() {
            return howTo;
        }
    }

    /** Managed control plane recognised from node labels and provider IDs (empty for self-managed clusters). */
    public static Optional<Managed> managed(ClusterSnapshot s) {
        for (NodeInfo n : s.nodes()) {
            var labels = n.meta().labels();
            String pid = n.providerId() == null ? "" : n.providerId();
            if (labels.containsKey("eks.amazonaws.com/nodegroup") || labels.containsKey("eks.amazonaws.com/compute-type")
                    || (pid.startsWith("aws://") && labels.keySet().stream().anyMatch(k -> k.startsWith("eks.amazonaws.com/")))) {
                return Optional.of(Managed.EKS);
            }
            if (labels.containsKey("cloud.google.com/gke-nodepool") || labels.containsKey("cloud.google.com/gke-os-distribution")) {
                return Optional.of(Managed.GKE);
            }
            if (labels.containsKey("kubernetes.azure.com/cluster") || labels.containsKey("kubernetes.azure.com/agentpool")
                    || (pid.startsWith("azure://") && labels.keySet().stream().anyMatch(k -> k.startsWith("kubernetes.azure.com/")))) {
                return Optional.of(Managed.AKS);
            }
        }
        return Optional.empty();
    }

    /** One kube-apiserver pod and its encryption flags. */
    public record Apiserver(String pod, String node, String configPath, boolean automaticReload) {
        public boolean encryptionConfigured() {
            return configPath != null && !configPath.isEmpty();
        }
    }

    /** A kube-apiserver pod and its command line (the flags every feature reads through {@link #flag}). */
    public record ApiserverPod(String pod, String node, List<String> command) {
        /** The value of flag {@code name} ({@code --name=value} or {@code --name value}); null when absent. */
        public String flag(String name) {
            return EncryptionPosture.flag(command, name);
        }
    }

    /** The kube-apiserver pods in kube-system with their flags, in snapshot order. */
    public static List<ApiserverPod> apiserverPods(ClusterSnapshot s) {
        List<ApiserverPod> out = new ArrayList<>();
        for (WorkloadInfo w : s.workloads()) {
            if (!w.isPod() || !"kube-system".equals(w.meta().namespace())) {
                continue;
            }
            boolean labelled = "kube-apiserver".equals(w.meta().label("component"));
            PodSpecInfo.Container c = w.spec().containers().stream().filter(x -> "kube-apiserver".equals(x.name()))
                    .findFirst().orElse(null);
            if (!labelled && c == null) {
                continue;
            }
            List<String> cmd = c != null ? c.command()
                    : w.spec().containers().isEmpty() ? List.of() : w.spec().containers().get(0).command();
            out.add(new ApiserverPod(w.meta().name(), w.spec().nodeName(), cmd));
        }
        return out;
    }

    /** The kube-apiserver pods in kube-system (label component=kube-apiserver, or a name/container kube-apiserver). */
    public static List<Apiserver> apiservers(ClusterSnapshot s) {
        List<Apiserver> out = new ArrayList<>();
        for (ApiserverPod p : apiserverPods(s)) {
            out.add(new Apiserver(p.pod(), p.node(), p.flag(KubeadmPatch.FLAG),
                    "true".equalsIgnoreCase(String.valueOf(p.flag(KubeadmPatch.RELOAD_FLAG)))
                            || p.command().contains(KubeadmPatch.RELOAD_FLAG)));
        }
        return out;
    }

    /** The value of {@code --name=value} or {@code --name value}; null when absent. */
    public static String flag(List<String> cmd, String name) {
        for (int i = 0; i < cmd.size(); i++) {
            String a = cmd.get(i);
            if (a.startsWith(name + "=")) {
                return a.substring(name.length() + 1);
            }
            if (a.equals(name) && i + 1 < cmd.size() && !cmd.get(i + 1).startsWith("--")) {
                return cmd.get(i + 1);
            }
        }
        return null;
    }
}
