package dev.kustodian.core.encryption;

import dev.kustodian.core.findings.AnalysisContext;
import dev.kustodian.core.findings.AreaRule;
import dev.kustodian.core.findings.Coverage;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.findings.FindingRule;
import dev.kustodian.core.findings.ObjectRef;
import dev.kustodian.core.findings.Rules;
import dev.kustodian.core.findings.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The encryption-at-rest findings of a snapshot (area "encryption"). */
public final class EncryptionRules implements Rules.RuleProvider {
    static final String AREA = "encryption";
    public static final String WIZARD = "encryption-config";

    @Override
    public List<FindingRule> rules() {
        return List.of(new NotConfigured(), new NoAutomaticReload(), new Managed());
    }

    /** What the rules read: the API server pods (their flags) and nodes (managed control planes). */
    static final Set<String> READS = Coverage.reads(List.of("pods", "nodes"));

    static ObjectRef pod(EncryptionPosture.Apiserver a) {
        return new ObjectRef("Pod", "kube-system", a.pod());
    }

    /** ENC-NOT-CONFIGURED: a kube-apiserver without --encryption-provider-config (CIS 1.2.27). */
    static final class NotConfigured extends AreaRule {
        NotConfigured() {
            super("ENC-NOT-CONFIGURED", AREA,
                    "kube-apiserver runs without --encryption-provider-config: Secrets are stored in etcd in plaintext.",
                    READS);
        }

        @Override
        public List<Finding> evaluate(AnalysisContext context) {
            List<Finding> out = new ArrayList<>();
            Optional<EncryptionPosture.Managed> managed = EncryptionPosture.managed(context.snapshot());
            for (EncryptionPosture.Apiserver a : EncryptionPosture.apiservers(context.snapshot())) {
                if (a.encryptionConfigured()) {
                    continue;
                }
                Finding f = finding(Severity.HIGH, pod(a),
                        "Secrets are not encrypted at rest (kube-apiserver " + a.pod() + ")",
                        "kube-apiserver has no --encryption-provider-config, so every Secret is stored in etcd, its "
                                + "backups and snapshots in plaintext. Anyone with etcd or backup access reads them.",
                        managed.map(EncryptionPosture.Managed::howTo).orElse(
                                "Generate an EncryptionConfiguration (secretbox or KMS v2), copy it to every control-plane "
                                        + "node, add --encryption-provider-config to " + KubeadmPatch.MANIFEST
                                        + ", then rewrite all Secrets (kustodian encryption config / patch)."),
                        List.of("1.2.27"));
                out.add(managed.isPresent() ? f : f.withFix(WIZARD));
            }
            return out;
        }
    }

    /** ENC-NO-AUTO-RELOAD: encryption configured without automatic reload (rotation needs restarts). */
    static final class NoAutomaticReload extends AreaRule {
        NoAutomaticReload() {
            super("ENC-NO-AUTO-RELOAD", AREA,
                    "kube-apiserver reads its encryption config without --encryption-provider-config-automatic-reload.",
                    READS);
        }

        @Override
        public List<Finding> evaluate(AnalysisContext context) {
            List<Finding> out = new ArrayList<>();
            for (EncryptionPosture.Apiserver a : EncryptionPosture.apiservers(context.snapshot())) {
                if (a.encryptionConfigured() && !a.automaticReload()) {
                    out.add(finding(Severity.INFO, pod(a),
                            "Encryption config is not reloaded automatically (kube-apiserver " + a.pod() + ")",
                            "Encryption is configured (" + a.configPath() + "), but every key rotation needs a restart of "
                                    + "every API server; with automatic reload they pick up the new file themselves and "
                                    + "report its hash in apiserver_encryption_config_controller_last_config_info.",
                            "Add " + KubeadmPatch.RELOAD_FLAG + "=true to " + KubeadmPatch.MANIFEST
                                    + " on every control-plane node (kustodian encryption patch --automatic-reload).",
                            List.of()));
                }
            }
            return out;
        }
    }

    /** ENC-MANAGED: a managed control plane: encryption is the provider's setting, not a kubeadm patch. */
    static final class Managed extends AreaRule {
        Managed() {
            super("ENC-MANAGED", AREA,
                    "Managed control plane (EKS, GKE, AKS): check envelope encryption with the provider's KMS.",
                    READS);
        }

        @Override
        public List<Finding> evaluate(AnalysisContext context) {
            Optional<EncryptionPosture.Managed> m = EncryptionPosture.managed(context.snapshot());
            if (m.isEmpty() || !EncryptionPosture.apiservers(context.snapshot()).isEmpty()) {
                return List.of();
            }
            return List.of(finding(Severity.INFO, ObjectRef.cluster(),
                    "Encryption at rest is a " + m.get().label() + " setting",
                    "The API servers of " + m.get().label() + " are not visible in the cluster, so Kustodian cannot read "
                            + "their flags. Encryption of Secrets is configured on the provider's side (KMS envelope "
                            + "encryption), not with a kubeadm patch.",
                    m.get().howTo(), List.of("1.2.27")));
        }
    }
}
