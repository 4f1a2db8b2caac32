package dev.kustodian.ui.stores;

import dev.kustodian.core.externalsecrets.SecretProviderClassRequest;
import dev.kustodian.core.findings.ObjectRef;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.WorkloadInfo;
import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.output.Manifest;
import dev.kustodian.ui.wizard.Fields;
import dev.kustodian.ui.wizard.FormValues;
import dev.kustodian.ui.wizard.NamedWizard;
import dev.kustodian.ui.wizard.WizardContext;
import dev.kustodian.ui.wizard.WizardForm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Secrets Store CSI Driver SecretProviderClass plus the Pod volume snippet for a chosen workload (its
 * ServiceAccount is the identity the provider uses). Field ids are the keys of
 * {@link SecretProviderClassRequest}'s fields.
 */
public final class SecretProviderClassWizard extends NamedWizard {
    public static final String ID = "secret-provider-class";

    public SecretProviderClassWizard() {
        super(ID, "SecretProviderClass (CSI)",
                "Mount secrets from the store as files with the Secrets Store CSI Driver: a SecretProviderClass and"
                        + " the Pod volume snippet for your workload.");
    }
    private WizardContext context;

    /** Workloads of the namespace as Kind/name (controllers, not their pods). */
    List<String> workloads(String namespace) {
        ClusterSnapshot s = context == null ? null : context.snapshot();
        if (s == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        out.add("");
        s.workloads().stream().filter(w -> w.meta().namespace().equals(namespace) && !w.isControlled())
                .map(w -> w.kind() + "/" + w.meta().name()).sorted().forEach(out::add);
        return out;
    }

    private WorkloadInfo workload(String namespace, String ref) {
        ClusterSnapshot s = context == null ? null : context.snapshot();
        if (s == null || ref == null || !ref.contains("/")) {
            return null;
        }
        String kind = ref.substring(0, ref.indexOf('/'));
        String name = ref.substring(ref.indexOf('/') + 1);
        return s.workloads().stream().filter(w -> w.meta().namespace().equals(namespace) && w.kind().equals(kind)
                && w.meta().name().equals(name)).findFirst().orElse(null);
    }

    @Override
    public void build(WizardForm form, WizardContext context) {
        this.context = context;
        WizardForm.Step what = form.step("Class", "The SecretProviderClass and the provider it uses.");
        what.text("name", "Name", "Name of the SecretProviderClass.", "app-secrets").alias("metadata.name");
        Fields.Choice ns = what.namespace("namespace", "Namespace", "Same namespace as the Pods that mount it.");
        Fields.Choice provider = what.choice("provider", "Provider", "The CSI provider plugin installed for your"
                + " store.", List.of("aws", "vault", "azure", "gcp", "akeyless"));
        provider.valueProperty().set("vault");
        WizardSupport.showWhen(what.text("region", "Region", "aws: region of the secrets.", "eu-central-1"),
                provider, "aws");
        WizardSupport.showWhen(what.checkbox("podIdentity", "Use EKS Pod Identity (default: IRSA)", "aws only.",
                false), provider, "aws");
        var objectType = what.choice("objectType", "Object type", "aws: secretsmanager | ssmparameter; azure:"
                + " secret | key | cert (empty = default).", List.of("", "secretsmanager", "ssmparameter", "secret",
                "key", "cert"));
        WizardSupport.showWhen(objectType, provider, "aws", "azure");
        WizardSupport.showWhen(what.text("roleName", "Vault role", "vault: kubernetes-auth role bound to the Pod's"
                + " ServiceAccount.", "app"), provider, "vault");
        WizardSupport.showWhen(what.text("vaultAddress", "Vault address", "vault: e.g."
                + " https://vault.example:8200.", ""), provider, "vault");
        WizardSupport.showWhen(what.text("vaultMount", "KV mount", "vault: default secret.", "secret"),
                provider, "vault");
        var kv = what.choice("vaultVersion", "KV version", "vault: v2 paths get /data/.", List.of("v2", "v1"));
        kv.valueProperty().set("v2");
        WizardSupport.showWhen(kv, provider, "vault");
        WizardSupport.showWhen(what.text("keyvaultName", "Key Vault name", "azure only.", ""), provider, "azure");
        WizardSupport.showWhen(what.text("tenantId", "Tenant id", "azure only.", ""), provider, "azure");
        WizardSupport.showWhen(what.text("clientId", "Client id", "azure: workload identity client id.", ""),
                provider, "azure");
        WizardSupport.showWhen(what.text("akeylessAccessId", "Access id", "akeyless only.", ""), provider,
                "akeyless");
        WizardSupport.showWhen(what.text("akeylessK8sConf", "K8s auth config", "akeyless only.", ""), provider,
                "akeyless");

        WizardForm.Step objects = form.step("Objects", "What is mounted. aws/azure: NAME[=ALIAS]; vault:"
                + " FILE=PATH#KEY; gcp: projects/P/secrets/S/versions/V=FILE; akeyless: /ITEM/PATH=FILE.");
        objects.list("objects", "Objects", "One file per object.", List::of).alias("spec.parameters");
        objects.text("syncSecret", "Sync to Secret (optional)", "Also create a Kubernetes Secret (secretObjects)."
                + " Needs the driver's syncSecret.enabled=true and exists only while a Pod mounts the volume.", "")
                .alias("spec.secretObjects");
        objects.list("sync", "Synced keys", "OBJECT=KEY entries of the synced Secret.", List::of);

        WizardForm.Step pod = form.step("Workload", "The Pod volume snippet: the workload mounts the class and runs"
                + " as the ServiceAccount the provider trusts.");
        List<String> wlItems = new ArrayList<>();
        Fields.Choice wl = pod.choice("workload", "Workload", "Pick the workload to mount the files into.",
                wlItems);
        Runnable refill = () -> {
            wlItems.clear();
            wlItems.addAll(workloads(ns.valueProperty().get()));
            wl.refreshItems();
        };
        ns.valueProperty().addListener((o, a, b) -> refill.run());
        refill.run();
        pod.serviceAccount("serviceAccount", "ServiceAccount", "The Pod's ServiceAccount (filled from the"
                + " workload).", ns);
        pod.text("mountPath", "Mount path", "Where the files appear (default /mnt/secrets-store).",
                "/mnt/secrets-store");
        // items of the workload choice follow the namespace; picking a workload fills its ServiceAccount
        wl.valueProperty().addListener((o, a, b) -> {
            WorkloadInfo w = workload(ns.valueProperty().get(), b);
            if (w != null && w.spec() != null && w.spec().serviceAccountName() != null) {
                form.field("serviceAccount", Fields.Choice.class).valueProperty().set(w.spec().serviceAccountName());
            }
        });
        this.workloadChoice = wl;
        this.namespaceChoice = ns;
    }

    private Fields.Choice workloadChoice;
    private Fields.Choice namespaceChoice;

    @Override
    public Bundle generate(FormValues v, WizardContext context) {
        Bundle b = SecretProviderClassRequest.from(v).generate();
        String workload = v.string("workload");
        if (workload.isBlank() || b.hasErrors()) {
            return b;
        }
        List<Manifest> ms = new ArrayList<>();
        for (Manifest m : b.manifests()) {
            if (m.fileName().startsWith("pod-volume-")) {
                ms.add(Manifest.sideFile(m.fileName(), m.format(), "# For " + workload + " in namespace "
                        + v.string("namespace") + ": merge into its spec.template.spec (keep your container"
                        + " name).\n" + m.content()));
            } else {
                ms.add(m);
            }
        }
        return new Bundle(b.title(), ms, b.problems(), b.warnings(), b.nextSteps());
    }

    @Override
    public void prefill(WizardForm form, ObjectRef target) {
        if (!target.namespace().isEmpty()) {
            namespaceChoice.valueProperty().set(target.namespace());
        }
        if (List.of("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Pod").contains(target.kind())) {
            workloadChoice.valueProperty().set(target.kind() + "/" + target.name());
        }
    }
}
