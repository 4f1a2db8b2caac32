package dev.kustodian.core.externalsecrets;

import dev.kustodian.core.externalsecrets.CsiSpec.*;
import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.output.FieldValues;
import dev.kustodian.core.output.GenerationRequest;
import dev.kustodian.core.output.InputProblems;
import dev.kustodian.core.output.RequestField;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Secrets Store CSI SecretProviderClass (and the Pod volume snippet) as the user describes it: the provider, the
 * objects in the provider's short syntax (aws/azure {@code NAME[=ALIAS]}, vault {@code FILE=PATH#KEY}, gcp
 * {@code projects/P/secrets/S/versions/V[=FILE]}, akeyless {@code /ITEM/PATH[=FILE]}) and the provider fields.
 */
public record SecretProviderClassRequest(String name, String namespace, String provider, List<String> objects,
                                         String objectType, List<String> jmes, String region, boolean podIdentity,
                                         String roleName, String vaultAddress, String vaultAuthMount,
                                         String vaultMount, SecretStoreSpec.KvVersion vaultVersion,
                                         String keyvaultName, String tenantId, String clientId,
                                         String akeylessGateway, String akeylessAccessId, String akeylessAccessType,
                                         String akeylessK8sConf, String syncSecret, String syncType,
                                         List<String> sync, String mountPath, String serviceAccount)
        implements GenerationRequest<CsiSpec> {

    public enum Field implements RequestField {
        NAME, NAMESPACE, PROVIDER, OBJECTS, OBJECT_TYPE, JMES, REGION, POD_IDENTITY, ROLE_NAME, VAULT_ADDRESS,
        VAULT_AUTH_MOUNT, VAULT_MOUNT, VAULT_VERSION, KEYVAULT_NAME, TENANT_ID, CLIENT_ID, AKEYLESS_GATEWAY,
        AKEYLESS_ACCESS_ID, AKEYLESS_ACCESS_TYPE, AKEYLESS_K8S_CONF, SYNC_SECRET, SYNC_TYPE, SYNC, MOUNT_PATH,
        SERVICE_ACCOUNT;
    }

    public SecretProviderClassRequest {
        objects = Texts.list(objects);
        objectType = Texts.blankToNull(objectType);
        jmes = Texts.list(jmes);
        region = Texts.blankToNull(region);
        vaultAddress = Texts.blankToNull(vaultAddress);
        vaultAuthMount = Texts.blankToNull(vaultAuthMount);
        vaultMount = Texts.or(vaultMount, "secret");
        vaultVersion = vaultVersion == null ? SecretStoreSpec.KvVersion.v2 : vaultVersion;
        clientId = Texts.blankToNull(clientId);
        akeylessGateway = Texts.or(akeylessGateway, "https://api.akeyless.io");
        akeylessAccessType = Texts.or(akeylessAccessType, "k8s");
        akeylessK8sConf = Texts.blankToNull(akeylessK8sConf);
        syncSecret = Texts.blankToNull(syncSecret);
        syncType = Texts.or(syncType, "Opaque");
        sync = Texts.list(sync);
        mountPath = Texts.or(mountPath, "/mnt/secrets-store");
        serviceAccount = Texts.blankToNull(serviceAccount);
    }

    public static SecretProviderClassRequest from(FieldValues v) {
        return new SecretProviderClassRequest(v.textOrNull(Field.NAME), v.textOrNull(Field.NAMESPACE),
                v.textOrNull(Field.PROVIDER), v.list(Field.OBJECTS), v.textOrNull(Field.OBJECT_TYPE),
                v.list(Field.JMES), v.textOrNull(Field.REGION), v.flag(Field.POD_IDENTITY),
                v.textOrNull(Field.ROLE_NAME), v.textOrNull(Field.VAULT_ADDRESS), v.textOrNull(Field.VAULT_AUTH_MOUNT),
                v.textOrNull(Field.VAULT_MOUNT),
                Texts.enumOrNull(SecretStoreSpec.KvVersion.class, v.textOrNull(Field.VAULT_VERSION)),
                v.textOrNull(Field.KEYVAULT_NAME), v.textOrNull(Field.TENANT_ID), v.textOrNull(Field.CLIENT_ID),
                v.textOrNull(Field.AKEYLESS_GATEWAY), v.textOrNull(Field.AKEYLESS_ACCESS_ID),
                v.textOrNull(Field.AKEYLESS_ACCESS_TYPE), v.textOrNull(Field.AKEYLESS_K8S_CONF),
                v.textOrNull(Field.SYNC_SECRET), v.textOrNull(Field.SYNC_TYPE), v.list(Field.SYNC),
                v.textOrNull(Field.MOUNT_PATH), v.textOrNull(Field.SERVICE_ACCOUNT));
    }

    @Override
    public CsiSpec spec(InputProblems p) {
        p.require(name, Field.NAME, "the SecretProviderClass needs a name");
        p.require(namespace, Field.NAMESPACE, "a SecretProviderClass lives in the workload's namespace");
        p.require(provider, Field.PROVIDER, "use aws, vault, azure, gcp or akeyless");
        if (p.hasErrors()) {
            return null;
        }
        if (objects.isEmpty()) {
            p.error(Field.OBJECTS, "Give at least one {objects}.");
            return null;
        }
        List<SyncSecret> syncs = new ArrayList<>();
        if (syncSecret != null) {
            List<SyncKey> keys = new ArrayList<>();
            Map<String, String> pairs = Texts.pairs(sync, Field.SYNC, p);
            if (p.hasErrors()) {
                return null;
            }
            pairs.forEach((k, v) -> keys.add(new SyncKey(k, v)));
            syncs.add(new SyncSecret(syncSecret, syncType, keys));
        }
        CsiProvider pr = provider(p);
        return pr == null || p.hasErrors() ? null : new CsiSpec(name, namespace, pr, syncs, mountPath, serviceAccount);
    }

    @Override
    public Bundle bundle(CsiSpec spec) {
        return CsiGenerator.generate(spec);
    }

    private CsiProvider provider(InputProblems p) {
        switch (provider) {
            case "aws" -> {
                List<AwsObject> list = new ArrayList<>();
                for (String o : objects) {
                    String[] nv = split(o);
                    List<JmesPath> jp = new ArrayList<>();
                    for (String j : jmes) {
                        int c = j.indexOf(':');
                        int e = j.indexOf('=', c);
                        if (c <= 0 || e <= c) {
                            p.error(Field.JMES, "{jmes} expects OBJECT:PATH=ALIAS, got '" + j + "'.");
                            return null;
                        }
                        if (j.substring(0, c).equals(nv[0])) {
                            jp.add(new JmesPath(j.substring(c + 1, e), j.substring(e + 1)));
                        }
                    }
                    list.add(new AwsObject(nv[0], nv[0].startsWith("arn:") ? null
                            : objectType == null ? "secretsmanager" : objectType, nv[1], jp));
                }
                return new AwsCsi(region, podIdentity, list);
            }
            case "vault" -> {
                if (p.require(roleName, Field.ROLE_NAME, "the vault provider logs in with a Vault role") == null) {
                    return null;
                }
                List<VaultObject> list = new ArrayList<>();
                for (String o : objects) {
                    String[] nv = split(o);
                    if (nv[1] == null) {
                        p.error(Field.OBJECTS, "vault {objects} expects FILE=PATH#KEY, got '" + o + "'.");
                        return null;
                    }
                    int h = nv[1].indexOf('#');
                    list.add(new VaultObject(nv[0], vaultMount, h < 0 ? nv[1] : nv[1].substring(0, h),
                            h < 0 ? null : nv[1].substring(h + 1)));
                }
                return new VaultCsi(roleName, vaultAddress, vaultAuthMount, vaultVersion, list);
            }
            case "azure" -> {
                if (p.require(keyvaultName, Field.KEYVAULT_NAME, "the azure provider needs the vault name") == null
                        || p.require(tenantId, Field.TENANT_ID, "the azure provider needs the tenant id") == null) {
                    return null;
                }
                List<AzureObject> list = new ArrayList<>();
                for (String o : objects) {
                    String[] nv = split(o);
                    list.add(new AzureObject(nv[0], objectType == null ? "secret" : objectType, nv[1]));
                }
                return new AzureCsi(keyvaultName, tenantId, clientId, list);
            }
            case "gcp" -> {
                List<GcpSecret> list = new ArrayList<>();
                for (String o : objects) {
                    String[] nv = split(o);
                    list.add(new GcpSecret(nv[0], nv[1] == null ? nv[0].replaceAll(".*/secrets/([^/]+)/.*", "$1")
                            : nv[1]));
                }
                return new GcpCsi(list);
            }
            case "akeyless" -> {
                if (p.require(akeylessAccessId, Field.AKEYLESS_ACCESS_ID, "the akeyless provider needs an access id")
                        == null) {
                    return null;
                }
                List<AkeylessObject> list = new ArrayList<>();
                for (String o : objects) {
                    String[] nv = split(o);
                    list.add(new AkeylessObject(nv[0], nv[1] == null ? nv[0].replaceAll(".*/", "") : nv[1]));
                }
                return new AkeylessCsi(akeylessGateway, akeylessAccessId, akeylessAccessType, akeylessK8sConf, list);
            }
            default -> {
                p.error(Field.PROVIDER, "Unknown {provider} '" + provider + "': use aws, vault, azure, gcp or akeyless.");
                return null;
            }
        }
    }

    private static String[] split(String o) {
        int i = o.indexOf('=');
        return i < 0 ? new String[]{o, null} : new String[]{o.substring(0, i), o.substring(i + 1)};
    }
}
