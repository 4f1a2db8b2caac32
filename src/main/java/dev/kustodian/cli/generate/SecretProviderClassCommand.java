package dev.kustodian.cli.generate;

import dev.kustodian.core.externalsecrets.CsiGenerator;
import dev.kustodian.core.externalsecrets.CsiSpec;
import dev.kustodian.core.externalsecrets.CsiSpec.*;
import dev.kustodian.core.externalsecrets.SecretStoreSpec;
import dev.kustodian.core.util.UserFacingException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static dev.kustodian.cli.generate.BundleOutput.require;

@Command(name = "secretproviderclass", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"A Secrets Store CSI Driver SecretProviderClass (secrets-store.csi.x-k8s.io/v1) and the Pod",
                "volume snippet. --object per provider:",
                "  aws      NAME[=ALIAS]                 (with --object-type secretsmanager|ssmparameter)",
                "  vault    FILE=PATH#KEY                (PATH under --vault-mount; KV v2 adds /data/)",
                "  azure    NAME[=ALIAS]                 (with --object-type secret|key|cert)",
                "  gcp      projects/P/secrets/S/versions/V=FILE",
                "  akeyless /ITEM/PATH=FILE",
                "Example: kustodian generate secretproviderclass --name app -n team-a --provider vault \\",
                "           --role-name app --vault-address https://vault:8200 --object password=team-a/db#password"})
public final class SecretProviderClassCommand implements Callable<Integer>, BundleSource {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @Option(names = "--name", required = true, description = "SecretProviderClass name.")
    String name;
    @Option(names = {"-n", "--namespace"}, required = true, description = "Namespace (the workload's namespace).")
    String namespace;
    @Option(names = "--provider", required = true, description = "aws | vault | azure | gcp | akeyless.")
    String provider;
    @Option(names = "--object", paramLabel = "SPEC", description = "An object to mount (repeatable; format per provider above).")
    List<String> objects = new ArrayList<>();
    @Option(names = "--object-type", description = "aws: secretsmanager (default) | ssmparameter; azure: secret (default) | key | cert.")
    String objectType;
    @Option(names = "--jmes", paramLabel = "OBJECT:PATH=ALIAS", description = "aws: extract a JSON field of OBJECT into file ALIAS (repeatable).")
    List<String> jmes = new ArrayList<>();
    @Option(names = "--region", description = "aws: region (default: the node's topology.kubernetes.io/region).")
    String region;
    @Option(names = "--pod-identity", description = "aws: use EKS Pod Identity instead of IRSA.")
    boolean podIdentity;
    @Option(names = "--role-name", description = "vault: Vault kubernetes-auth role.")
    String roleName;
    @Option(names = "--vault-address", description = "vault: server URL.")
    String vaultAddress;
    @Option(names = "--vault-auth-mount", description = "vault: auth mount path (default kubernetes).")
    String vaultAuthMount;
    @Option(names = "--vault-mount", defaultValue = "secret", description = "vault: KV mount (default ${DEFAULT-VALUE}).")
    String vaultMount;
    @Option(names = "--vault-version", defaultValue = "v2", description = "vault: KV version v1 | v2 (default ${DEFAULT-VALUE}).")
    SecretStoreSpec.KvVersion vaultVersion;
    @Option(names = "--keyvault-name", description = "azure: Key Vault name.")
    String keyvaultName;
    @Option(names = "--tenant-id", description = "azure: tenant id.")
    String tenantId;
    @Option(names = "--client-id", description = "azure: workload identity client id.")
    String clientId;
    @Option(names = "--akeyless-gateway", defaultValue = "https://api.akeyless.io", description = "akeyless: gateway URL (default ${DEFAULT-VALUE}).")
    String akeylessGateway;
    @Option(names = "--akeyless-access-id", description = "akeyless: access id.")
    String akeylessAccessId;
    @Option(names = "--akeyless-access-type", defaultValue = "k8s", description = "akeyless: access type (default ${DEFAULT-VALUE}).")
    String akeylessAccessType;
    @Option(names = "--akeyless-k8s-conf", description = "akeyless: k8s auth config name.")
    String akeylessK8sConf;
    @Option(names = "--sync-secret", description = "Also sync into this Kubernetes Secret (secretObjects; needs syncSecret.enabled).")
    String syncSecret;
    @Option(names = "--sync-type", defaultValue = "Opaque", description = "Type of the synced Secret (default ${DEFAULT-VALUE}).")
    String syncType;
    @Option(names = "--sync", paramLabel = "OBJECT=KEY", description = "Mounted file OBJECT → key in the synced Secret (repeatable).")
    List<String> sync = new ArrayList<>();
    @Option(names = "--mount-path", defaultValue = "/mnt/secrets-store", description = "Mount path in the snippet (default ${DEFAULT-VALUE}).")
    String mountPath;
    @Option(names = "--service-account", description = "The workload's service account (the identity the provider uses).")
    String serviceAccount;
    @CommandLine.Mixin
    BundleOutput.Options output = new BundleOutput.Options();

    @Override
    public Integer call() {
        return BundleOutput.emit(spec, bundle(), output, null);
    }

    @Override
    public dev.kustodian.core.output.Bundle bundle() {
        if (objects.isEmpty()) {
            throw UserFacingException.badInput("Give at least one --object.");
        }
        List<SyncSecret> syncs = new ArrayList<>();
        if (syncSecret != null) {
            List<SyncKey> keys = new ArrayList<>();
            BundleOutput.pairs(sync, "--sync").forEach((k, v) -> keys.add(new SyncKey(k, v)));
            syncs.add(new SyncSecret(syncSecret, syncType, keys));
        }
        CsiSpec s = new CsiSpec(name, namespace, provider(), syncs, mountPath, serviceAccount);
        return CsiGenerator.generate(s);
    }

    private CsiProvider provider() {
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
                            throw UserFacingException.badInput("--jmes expects OBJECT:PATH=ALIAS, got '" + j + "'.");
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
                require(roleName, "--role-name", "the vault provider logs in with a Vault role");
                List<VaultObject> list = new ArrayList<>();
                for (String o : objects) {
                    String[] nv = split(o);
                    if (nv[1] == null) {
                        throw UserFacingException.badInput("vault --object expects FILE=PATH#KEY, got '" + o + "'.");
                    }
                    int h = nv[1].indexOf('#');
                    list.add(new VaultObject(nv[0], vaultMount, h < 0 ? nv[1] : nv[1].substring(0, h),
                            h < 0 ? null : nv[1].substring(h + 1)));
                }
                return new VaultCsi(roleName, vaultAddress, vaultAuthMount, vaultVersion, list);
            }
            case "azure" -> {
                require(keyvaultName, "--keyvault-name", "the azure provider needs the vault name");
                require(tenantId, "--tenant-id", "the azure provider needs the tenant id");
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
                    list.add(new GcpSecret(nv[0], nv[1] == null ? nv[0].replaceAll(".*/secrets/([^/]+)/.*", "$1") : nv[1]));
                }
                return new GcpCsi(list);
            }
            case "akeyless" -> {
                require(akeylessAccessId, "--akeyless-access-id", "the akeyless provider needs an access id");
                List<AkeylessObject> list = new ArrayList<>();
                for (String o : objects) {
                    String[] nv = split(o);
                    list.add(new AkeylessObject(nv[0], nv[1] == null ? nv[0].replaceAll(".*/", "") : nv[1]));
                }
                return new AkeylessCsi(akeylessGateway, akeylessAccessId, akeylessAccessType, akeylessK8sConf, list);
            }
            default -> throw UserFacingException.badInput("Unknown --provider '" + provider
                    + "': use aws, vault, azure, gcp or akeyless.");
        }
    }

    private static String[] split(String o) {
        int i = o.indexOf('=');
        return i < 0 ? new String[]{o, null} : new String[]{o.substring(0, i), o.substring(i + 1)};
    }

    @SuppressWarnings("unused")
    private static Map<String, String> unused() {
        return Map.of();
    }
}
