package dev.kustodian.core.encryption;

import dev.kustodian.core.encryption.EncryptionConfig.Key;
import dev.kustodian.core.encryption.EncryptionConfig.Provider;
import dev.kustodian.core.encryption.EncryptionConfig.ProviderType;
import dev.kustodian.core.encryption.EncryptionConfig.ResourceEntry;
import dev.kustodian.core.yaml.YamlWriter;

import java.util.ArrayList;
import java.util.List;

/**
 * The official key rotation procedure for a local-key provider, as steps with their config file and how to
 * confirm each took effect: (1) add the new key SECOND and restart all API servers, (2) make it FIRST and restart,
 * (3) rewrite all Secrets, (4) remove the old key. Config files hold key material (write them 0600, never log).
 */
public final class RotationPlan {
    private RotationPlan() {
    }

    /**
     * @param configYaml the config of this step (null for steps without a new file), with key material
     * @param confirm    how to see that the step took effect
     */
    public record Step(int number, String title, String configFileName, String configYaml, String maskedYaml,
                       List<String> actions, List<String> confirm) {
    }

    /**
     * @param current        the valid current config (its secrets entry must exist)
     * @param newType        the provider of the new key (secretbox recommended)
     * @param newKey         the new key (unique name, no ':')
     * @param dropIdentity   remove identity in the final step (only when no plaintext Secret is left)
     */
    public static List<Step> plan(EncryptionConfig current, ProviderType newType, Key newKey, boolean dropIdentity) {
        ResourceEntry entry = EncryptionConfigAnalyzer.entryFor(current, "secrets").orElseThrow(() ->
                new IllegalArgumentException("The current EncryptionConfiguration does not cover secrets; create one "
                        + "with 'kustodian encryption config' instead of rotating."));
        for (Provider p : entry.providers()) {
            for (Key k : p.keys()) {
                if (k.name().equals(newKey.name())) {
                    throw new IllegalArgumentException("Key name '" + newKey.name() + "' is already used in the current "
                            + "config; choose another name.");
                }
            }
        }
        List<Provider> old = entry.providers();
        Provider first = old.get(0);
        String oldDesc = first.type() == ProviderType.IDENTITY ? "identity (plaintext)" : first.describe()
                + (first.keys().isEmpty() ? "" : " key " + first.keys().get(0).name());
        String newPrefix = "k8s:enc:" + newType.field() + ":v1:" + newKey.name();

        // step 1: new key second
        List<Provider> s1 = new ArrayList<>();
        List<Provider> s2 = new ArrayList<>();
        if (first.type() == newType) {
            List<Key> keys1 = new ArrayList<>(first.keys());
            keys1.add(Math.min(1, keys1.size()), newKey);
            s1.add(Provider.keyed(newType, keys1));
            s1.addAll(old.subList(1, old.size()));
            List<Key> keys2 = new ArrayList<>();
            keys2.add(newKey);
            keys2.addAll(first.keys());
            s2.add(Provider.keyed(newType, keys2));
            s2.addAll(old.subList(1, old.size()));
        } else {
            s1.add(first);
            s1.add(Provider.keyed(newType, List.of(newKey)));
            s1.addAll(old.subList(1, old.size()));
            s2.add(Provider.keyed(newType, List.of(newKey)));
            s2.addAll(old);
        }
        List<Provider> s4 = new ArrayList<>();
        s4.add(Provider.keyed(newType, List.of(newKey)));
        if (!dropIdentity) {
            s4.add(Provider.identity());
        }
        List<Step> steps = new ArrayList<>();
        steps.add(step(1, "Add the new key second (every API server can then READ it)", "rotation-1-add-key.yaml",
                replace(current, entry, s1),
                List.of("Copy rotation-1-add-key.yaml over the config file on EVERY control-plane node.",
                        "Restart every kube-apiserver (or wait for the automatic reload)."),
                List.of("Every kube-apiserver is back and Ready.",
                        "Metric apiserver_encryption_config_controller_last_config_info shows the hash of this file on every API server (automatic reload).",
                        "Writes still use the old form: apiserver_storage_transformation_operations_total{transformation_type=\"to_storage\",resource=\"secrets\"} grows for the old prefix.")));
        steps.add(step(2, "Make the new key first (it WRITES from now on)", "rotation-2-new-key-first.yaml",
                replace(current, entry, s2),
                List.of("Only after step 1 is live on ALL API servers: copy rotation-2-new-key-first.yaml to every node.",
                        "Restart every kube-apiserver (or wait for the automatic reload)."),
                List.of("New writes use " + newPrefix + ": the to_storage counter with transformer_prefix=\"" + newPrefix + "\" grows.",
                        "kustodian encryption verify-etcd ... --config rotation-2-new-key-first.yaml shows Secrets written with " + newKey.name() + " (current).")));
        steps.add(new Step(3, "Rewrite all Secrets (each is re-encrypted with the new key)", null, null, null,
                List.of("kustodian encryption rotate rewrite (per namespace, resumable), or: kubectl get secrets -A -o json | kubectl replace -f -"),
                List.of("kustodian encryption verify-etcd ... shows: N of N secrets written with " + newType.field() + " key "
                        + newKey.name() + " (current), 0 with the old key, 0 in plaintext.")));
        steps.add(step(4, "Remove the old key (" + oldDesc + ")", "rotation-3-remove-old-key.yaml",
                replace(current, entry, s4),
                List.of("Only when step 3 shows nothing left with the old key: copy rotation-3-remove-old-key.yaml to every node and restart.",
                        "Keep a secure offline copy of the old key until every etcd backup made before step 3 has expired."),
                List.of("Every kube-apiserver is back and Ready; kubectl get secrets -A still works (reads succeed).",
                        "verify-etcd with this file: every Secret key proved, none 'not in the given config'.")));
        return steps;
    }

    private static EncryptionConfig replace(EncryptionConfig c, ResourceEntry entry, List<Provider> providers) {
        List<ResourceEntry> entries = new ArrayList<>();
        for (ResourceEntry e : c.resources()) {
            entries.add(e == entry ? new ResourceEntry(e.resources(), providers) : e);
        }
        return new EncryptionConfig(EncryptionConfigParser.API_VERSION, EncryptionConfigParser.KIND, entries, false);
    }

    private static Step step(int n, String title, String file, EncryptionConfig c, List<String> actions, List<String> confirm) {
        String header = "Kustodian key rotation, step " + n + ": " + title
                + "\nHolds key material: keep it 0600, root-owned, on control-plane nodes only.";
        return new Step(n, title, file, YamlWriter.write(EncryptionConfigBuilder.toYaml(c, false), header),
                YamlWriter.write(EncryptionConfigBuilder.toYaml(c, true), header), actions, confirm);
    }
}
