package dev.kustodian.core.externalsecrets;

import dev.kustodian.core.model.SecretInfo;
import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.output.Manifest;

import java.util.ArrayList;
import java.util.List;

/**
 * Migrates an existing Secret (key names only, from the snapshot) to an external store: an ExternalSecret that
 * reproduces its keys, and either a PushSecret or provider CLI commands that upload the values. The commands read the
 * values from the live Secret with kubectl when they run; Kustodian never sees or writes a value.
 */
public final class SecretMigration {
    private SecretMigration() {
    }

    public enum Backend { AWS_SECRETS_MANAGER, AWS_PARAMETER_STORE, VAULT, GCP, AZURE, AKEYLESS }

    public enum Upload { PUSH_SECRET, CLI }

    /**
     * @param remoteKeyConvention remote name pattern with {namespace} and {name}, e.g. "{namespace}/{name}"
     * @param vaultMount          Vault KV mount (VAULT only), default "secret"
     * @param azureVault          Key Vault name (AZURE only)
     */
    public record MigrationSpec(Backend backend, String storeName, String storeKind, String remoteKeyConvention,
                                Upload upload, String vaultMount, String azureVault, String gcpProject) {
    }

    /** The remote key for a Secret under a convention; GCP/Azure names cannot contain "/", so it becomes "-". */
    public static String remoteKey(MigrationSpec m, SecretInfo s) {
        String conv = m.remoteKeyConvention() == null || m.remoteKeyConvention().isBlank() ? "{namespace}/{name}"
                : m.remoteKeyConvention();
        String k = conv.replace("{namespace}", s.meta().namespace()).replace("{name}", s.meta().name());
        if (m.backend() == Backend.GCP || m.backend() == Backend.AZURE) {
            k = k.replaceAll("[^A-Za-z0-9_-]", "-");
        }
        if (m.backend() == Backend.AWS_PARAMETER_STORE || m.backend() == Backend.AKEYLESS) {
            k = "/" + k.replaceAll("^/+", "");
        }
        return k;
    }

    public static Bundle migrate(SecretInfo secret, MigrationSpec m) {
        String ns = secret.meta().namespace();
        String name = secret.meta().name();
        String remote = remoteKey(m, secret);
        List<ExternalSecretSpec.Data> data = new ArrayList<>();
        List<ExternalSecretGenerator.Push> push = new ArrayList<>();
        for (SecretInfo.SecretKeyInfo k : secret.keys()) {
            if (m.backend() == Backend.AWS_PARAMETER_STORE) {
                data.add(new ExternalSecretSpec.Data(k.name(), remote + "/" + k.name(), null, null));
                push.add(new ExternalSecretGenerator.Push(k.name(), remote + "/" + k.name(), null));
            } else {
                data.add(new ExternalSecretSpec.Data(k.name(), remote, k.name(), null));
                push.add(new ExternalSecretGenerator.Push(k.name(), remote, k.name()));
            }
        }
        String storeKind = m.storeKind() == null ? "SecretStore" : m.storeKind();
        String type = SecretInfo.TYPE_OPAQUE.equals(secret.type()) ? null : secret.type();
        // same target name: the ExternalSecret takes the existing Secret over (creationPolicy Owner)
        Bundle es = ExternalSecretGenerator.externalSecret(new ExternalSecretSpec(name, ns, m.storeName(), storeKind,
                "1h", name, "Owner", null, type, data, List.of()));
        List<String> warnings = new ArrayList<>();
        Bundle upload;
        if (m.upload() == Upload.PUSH_SECRET) {
            upload = ExternalSecretGenerator.pushSecret(new ExternalSecretGenerator.PushSpec(name + "-push", ns,
                    m.storeName(), storeKind, name, "1h", "IfNotExists", "None", push));
        } else {
            upload = new Bundle("upload", List.of(Manifest.sideFile("upload-" + ns + "-" + name + ".sh",
                    Manifest.Format.SHELL, commands(secret, m, remote))), List.of(), List.of(), List.of());
        }
        if (secret.keys().isEmpty()) {
            warnings.add("Secret " + ns + "/" + name + " has no keys: nothing to migrate.");
        }
        List<String> next = new ArrayList<>();
        next.add("1. Upload the values: " + (m.upload() == Upload.PUSH_SECRET ? "apply the PushSecret and wait for"
                + " Synced (its store needs write access), then delete the PushSecret."
                : "run the upload script with kubectl access to " + ns + " and store write access."));
        next.add("2. Check the values are in the store (remote key " + remote + ").");
        next.add("3. Apply the ExternalSecret: ESO takes the existing Secret " + name + " over (same name, so workloads"
                + " keep working) and keeps it in sync with the store.");
        next.add("4. Check `kubectl get externalsecret " + name + " -n " + ns + "` is SecretSynced and restart the"
                + " workloads once to be sure they read the new Secret.");
        next.add("5. Remove the old Secret manifest from Git (and from any Helm values); the ExternalSecret now owns it.");
        next.add("6. Rotate the value in the store if the old Secret was ever committed or widely readable.");
        Bundle all = es.plus(upload);
        return new Bundle("Migrate " + ns + "/" + name, all.manifests(), all.problems(),
                concat(all.warnings(), warnings), next);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> l = new ArrayList<>(a);
        l.addAll(b);
        return l;
    }

    /** Shell that reads the live Secret with kubectl at run time and uploads it; no value is in the script. */
    static String commands(SecretInfo s, MigrationSpec m, String remote) {
        String ns = s.meta().namespace();
        String name = s.meta().name();
        String json = "kubectl get secret " + name + " -n " + ns + " -o json | jq -c '.data | map_values(@base64d)'";
        StringBuilder sh = new StringBuilder("#!/bin/sh\n# Generated by Kustodian: uploads Secret " + ns + "/" + name
                + " to the store.\n# The values are read from the cluster when this runs and piped, never written"
                + " to disk.\nset -eu\n");
        switch (m.backend()) {
            case AWS_SECRETS_MANAGER -> sh.append(json).append(" | aws secretsmanager create-secret --name ")
                    .append(remote).append(" --secret-string file:///dev/stdin\n");
            case AWS_PARAMETER_STORE -> {
                for (SecretInfo.SecretKeyInfo k : s.keys()) {
                    sh.append("kubectl get secret ").append(name).append(" -n ").append(ns)
                            .append(" -o jsonpath='{.data.").append(k.name().replace(".", "\\.")).append("}' | base64 -d")
                            .append(" | aws ssm put-parameter --type SecureString --name ").append(remote).append('/')
                            .append(k.name()).append(" --value file:///dev/stdin\n");
                }
            }
            case VAULT -> sh.append(json).append(" | vault kv put -mount=")
                    .append(m.vaultMount() == null ? "secret" : m.vaultMount()).append(' ').append(remote).append(" -\n");
            case GCP -> sh.append(json).append(" | gcloud secrets create ").append(remote)
                    .append(m.gcpProject() == null ? "" : " --project " + m.gcpProject())
                    .append(" --replication-policy automatic --data-file=-\n");
            case AZURE -> sh.append(json).append(" | az keyvault secret set --vault-name ")
                    .append(m.azureVault() == null ? "<vault>" : m.azureVault()).append(" --name ").append(remote)
                    .append(" --file /dev/stdin\n");
            case AKEYLESS -> sh.append("akeyless create-secret --name ").append(remote).append(" --value \"$(")
                    .append(json).append(")\"\n# note: the value is briefly visible in this machine's process list\n");
        }
        return sh.toString();
    }
}
