package dev.kustodian.cli.generate;

import dev.kustodian.cli.common.BundleOutput;
import dev.kustodian.core.externalsecrets.SecretProviderClassRequest;
import dev.kustodian.core.externalsecrets.SecretStoreSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

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
public final class SecretProviderClassCommand implements Callable<Integer> {
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

    /** Request fields whose flag is not the key in kebab case. */
    static final Map<String, String> FLAGS = Map.of("objects", "object");

    @Override
    public Integer call() {
        SecretProviderClassRequest r = new SecretProviderClassRequest(name, namespace, provider, objects, objectType,
                jmes, region, podIdentity, roleName, vaultAddress, vaultAuthMount, vaultMount, vaultVersion,
                keyvaultName, tenantId, clientId, akeylessGateway, akeylessAccessId, akeylessAccessType,
                akeylessK8sConf, syncSecret, syncType, sync, mountPath, serviceAccount);
        return BundleOutput.emit(spec, BundleOutput.generate(r, FLAGS), output, null);
    }
}
