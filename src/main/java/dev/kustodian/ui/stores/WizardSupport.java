package dev.kustodian.ui.stores;

import dev.kustodian.core.findings.ObjectRef;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.SecretInfo;
import dev.kustodian.ui.wizard.WizardForm;
import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.model.CustomObjectInfo;
import dev.kustodian.ui.wizard.Fields;
import dev.kustodian.ui.wizard.FormField;
import dev.kustodian.ui.wizard.FormValues;
import dev.kustodian.ui.wizard.WizardContext;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Shared helpers of the store wizards: fields shown only for some choices (e.g. the Vault fields when the provider is
 * vault), the Keys/Policies steps of the ExternalSecret wizards, and pickers from the snapshot.
 */
final class WizardSupport {
    private WizardSupport() {
    }

    /** Shows {@code field} only while {@code choice} has one of {@code values} (hidden fields take no space). */
    static void showWhen(FormField field, Fields.Choice choice, String... values) {
        Node n = field.node();
        List<String> allowed = List.of(values);
        n.visibleProperty().bind(Bindings.createBooleanBinding(() -> allowed.contains(choice.valueProperty().get()),
                choice.valueProperty()));
        n.managedProperty().bind(n.visibleProperty());
    }

    /**
     * The Keys and Policies steps an ExternalSecret and a ClusterExternalSecret share; {@code spec} is where the
     * ExternalSecret spec sits in the generated object ({@code spec.} or {@code spec.externalSecretSpec.}).
     */
    static void keysAndPolicySteps(WizardForm form, String spec, String dataExample, String createdSecrets) {
        WizardForm.Step data = form.step("Keys", "Each entry KEY=REMOTE[#PROPERTY][@VERSION]: the Secret key KEY"
                + " gets the remote secret REMOTE (its PROPERTY for JSON secrets).");
        data.list("data", "Data", "e.g. " + dataExample, List::of).alias(spec + "data");
        data.list("extract", "Extract", "Every property of a remote JSON secret: REMOTE[#PROPERTY][@VERSION].",
                List::of).alias(spec + "dataFrom");
        WizardForm.Step pol = form.step("Policies", "What ESO does with the created " + createdSecrets + ".");
        Fields.Choice cp = pol.choice("creationPolicy", "Creation policy", "Owner (default): ESO owns the Secret;"
                + " Orphan, Merge, None.", List.of("Owner", "Orphan", "Merge", "None"));
        cp.valueProperty().set("Owner");
        cp.alias(spec + "target.creationPolicy");
        Fields.Choice dp = pol.choice("deletionPolicy", "Deletion policy", "When the remote secret is gone: Retain"
                + " (default), Delete (Owner only), Merge.", List.of("Retain", "Delete", "Merge"));
        dp.valueProperty().set("Retain");
        dp.alias(spec + "target.deletionPolicy");
    }

    /** Shows {@code field} only while {@code check} is ticked. */
    static void showWhen(FormField field, Fields.Check check) {
        Node n = field.node();
        n.visibleProperty().bind(check.valueProperty());
        n.managedProperty().bind(n.visibleProperty());
    }

    /** SecretStores of {@code namespace} and all ClusterSecretStores, as "name (Kind)". */
    static List<String> stores(WizardContext ctx) {
        ClusterSnapshot s = ctx.snapshot();
        if (s == null) {
            return List.of();
        }
        TreeSet<String> out = new TreeSet<>();
        for (CustomObjectInfo o : s.customObjects("external-secrets.io", "SecretStore")) {
            out.add(o.meta().name());
        }
        for (CustomObjectInfo o : s.customObjects("external-secrets.io", "ClusterSecretStore")) {
            out.add(o.meta().name());
        }
        return List.copyOf(out);
    }

    /** The kind of the store with this name in the snapshot (namespace first), or null. */
    static String storeKind(WizardContext ctx, String namespace, String name) {
        ClusterSnapshot s = ctx.snapshot();
        if (s == null) {
            return null;
        }
        for (CustomObjectInfo o : s.customObjects("external-secrets.io", "SecretStore")) {
            if (o.meta().name().equals(name) && o.meta().namespace().equals(namespace)) {
                return "SecretStore";
            }
        }
        for (CustomObjectInfo o : s.customObjects("external-secrets.io", "ClusterSecretStore")) {
            if (o.meta().name().equals(name)) {
                return "ClusterSecretStore";
            }
        }
        return null;
    }

    /** All Secrets as namespace/name. */
    static List<String> secrets(WizardContext ctx) {
        ClusterSnapshot s = ctx.snapshot();
        return s == null ? List.of() : s.secrets().stream().map(x -> x.meta().namespace() + "/" + x.meta().name())
                .sorted().toList();
    }

    /**
     * The pre-fill the ExternalSecret and ClusterExternalSecret wizards share: a store finding sets the store; a
     * Secret sets the name, one data entry per key and the template type. Returns that Secret when there was one.
     */
    static Optional<SecretInfo> prefillExternalSecret(WizardForm form, ObjectRef target, ClusterSnapshot snapshot) {
        if ("SecretStore".equals(target.kind()) || "ClusterSecretStore".equals(target.kind())) {
            form.field("store", Fields.Text.class).valueProperty().set(target.name());
            form.field("storeKind", Fields.Choice.class).valueProperty().set(target.kind());
            return Optional.empty();
        }
        if (!"Secret".equals(target.kind())) {
            return Optional.empty();
        }
        form.field("name", Fields.Text.class).valueProperty().set(target.name());
        Optional<SecretInfo> secret = snapshot == null ? Optional.empty()
                : snapshot.secret(target.namespace(), target.name());
        secret.ifPresent(s -> {
            var data = form.field("data", Fields.ListEditor.class);
            for (SecretInfo.SecretKeyInfo k : s.keys()) {
                data.add(k.name() + "=" + target.namespace() + "/" + target.name() + "#" + k.name());
            }
            if (!SecretInfo.TYPE_OPAQUE.equals(s.type())) {
                form.field("templateType", Fields.Choice.class).valueProperty().set(s.type());
            }
        });
        return secret;
    }
}
