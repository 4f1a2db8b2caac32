package dev.kustodian.core.encryption;

import dev.kustodian.core.findings.AnalysisContext;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.findings.Rules;
import dev.kustodian.core.model.ClusterSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The encryption posture in words (what the Encryption page and {@code kustodian encryption status} show): the
 * kube-apiserver flags per pod, the managed-cluster case, the metrics (write prefixes, loaded config hash) when
 * readable, and the findings.
 */
public final class EncryptionStatus {
    private EncryptionStatus() {
    }

    public record Status(List<String> lines, List<Finding> findings) {
    }

    /**
     * @param metrics    parsed /metrics, when readable
     * @param configFile the bytes of a config file to compare with the loaded hash, when given
     */
    public static Status describe(ClusterSnapshot snapshot, Optional<ApiserverMetrics> metrics, Optional<byte[]> configFile) {
        List<String> lines = new ArrayList<>();
        Optional<EncryptionPosture.Managed> managed = EncryptionPosture.managed(snapshot);
        managed.ifPresent(m -> lines.add("Managed control plane: " + m.label() + ". " + m.howTo()));
        List<EncryptionPosture.Apiserver> apis = EncryptionPosture.apiservers(snapshot);
        if (apis.isEmpty() && managed.isEmpty()) {
            lines.add("No kube-apiserver pod is visible in kube-system (label component=kube-apiserver): Kustodian "
                    + "cannot tell from the cluster whether encryption at rest is configured. Check the control-plane "
                    + "nodes, or verify etcd directly (kustodian encryption verify-etcd).");
        }
        for (EncryptionPosture.Apiserver a : apis) {
            lines.add("kube-apiserver " + a.pod() + (a.node() == null ? "" : " on " + a.node()) + ": "
                    + (a.encryptionConfigured() ? "--encryption-provider-config=" + a.configPath()
                    + (a.automaticReload() ? ", automatic reload on" : ", automatic reload off")
                    : "NO --encryption-provider-config (Secrets stored in plaintext)"));
        }
        metrics.ifPresentOrElse(m -> {
            if (m.secretWritesByPrefix().isEmpty()) {
                lines.add("Metrics: no Secret writes recorded since the API server started.");
            } else {
                StringBuilder sb = new StringBuilder("Metrics: Secret writes by transformer prefix: ");
                List<String> parts = new ArrayList<>();
                for (Map.Entry<String, Double> e : m.secretWritesByPrefix().entrySet()) {
                    parts.add(e.getKey() + " × " + Math.round(e.getValue()));
                }
                lines.add(sb.append(String.join(", ", parts)).toString());
                if ("identity".equals(m.dominantWritePrefix())) {
                    lines.add("Metrics: most Secret writes are NOT encrypted (identity).");
                }
            }
            configFile.ifPresent(f -> lines.add(m.configHashes().isEmpty()
                    ? "Metrics: no loaded-config hash reported (needs --encryption-provider-config-automatic-reload)."
                    : m.reportsConfig(f) ? "Metrics: the API server reports having loaded exactly the given config file."
                    : "Metrics: the API server's loaded config differs from the given file (not yet reloaded, or another file)."));
        }, () -> lines.add("Metrics: /metrics not read (not allowed for this identity, or not a live cluster)."));
        List<Finding> findings = Rules.evaluate(AnalysisContext.of(snapshot), new EncryptionRules().rules());
        return new Status(lines, findings);
    }
}
