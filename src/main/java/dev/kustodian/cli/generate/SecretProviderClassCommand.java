package dev.kustodian.cli.generate;

import dev.kustodian.cli.common.Flag;
import dev.kustodian.cli.common.RequestCommand;
import dev.kustodian.core.externalsecrets.SecretProviderClassRequest;
import dev.kustodian.core.externalsecrets.SecretProviderClassRequest.Field;
import dev.kustodian.core.externalsecrets.SecretStoreSpec;
import picocli.CommandLine.Command;

import java.util.List;

@Command(name = "secretproviderclass", description = {"A Secrets Store CSI Driver SecretProviderClass (secrets-store.csi.x-k8s.io/v1) and the Pod",
                "volume snippet. --object per provider:",
                "  aws      NAME[=ALIAS]                 (with --object-type secretsmanager|ssmparameter)",
                "  vault    FILE=PATH#KEY                (PATH under --vault-mount; KV v2 adds /data/)",
                "  azure    NAME[=ALIAS]                 (with --object-type secret|key|cert)",
                "  gcp      projects/P/secrets/S/versions/V=FILE",
                "  akeyless /ITEM/PATH=FILE",
                "Example: kustodian generate secretproviderclass --name app -n team-a --provider vault \\",
                "           --role-name app --vault-address https://vault:8200 --object password=team-a/db#password"})
public final class SecretProviderClassCommand extends RequestCommand {
    static final List<Flag> FLAGS = List.of(
            Flag.text(Field.NAME, "--name", "SecretProviderClass name.").required(),
            Flag.text(Field.NAMESPACE, "-n, --namespace", "Namespace (the workload's namespace).").required(),
            Flag.text(Field.PROVIDER, "--provider", "aws | vault | azure | gcp | akeyless.").required(),
            Flag.list(Field.OBJECTS, "--object", "An object to mount (repeatable; format per provider above).").label("SPEC"),
            Flag.text(Field.OBJECT_TYPE, "--object-type", "aws: secretsmanager (default) | ssmparameter; azure: secret (default) | key | cert."),
            Flag.list(Field.JMES, "--jmes", "aws: extract a JSON field of OBJECT into file ALIAS (repeatable).").label("OBJECT:PATH=ALIAS"),
            Flag.text(Field.REGION, "--region", "aws: region (default: the node's topology.kubernetes.io/region)."),
            Flag.check(Field.POD_IDENTITY, "--pod-identity", "aws: use EKS Pod Identity instead of IRSA."),
            Flag.text(Field.ROLE_NAME, "--role-name", "vault: Vault kubernetes-auth role."),
            Flag.text(Field.VAULT_ADDRESS, "--vault-address", "vault: server URL."),
            Flag.text(Field.VAULT_AUTH_MOUNT, "--vault-auth-mount", "vault: auth mount path (default kubernetes)."),
            Flag.text(Field.VAULT_MOUNT, "--vault-mount", "vault: KV mount (default ${DEFAULT-VALUE}).").or("secret"),
            Flag.choice(Field.VAULT_VERSION, "--vault-version", SecretStoreSpec.KvVersion.class, "vault: KV version v1 | v2 (default ${DEFAULT-VALUE}).").or("v2"),
            Flag.text(Field.KEYVAULT_NAME, "--keyvault-name", "azure: Key Vault name."),
            Flag.text(Field.TENANT_ID, "--tenant-id", "azure: tenant id."),
            Flag.text(Field.CLIENT_ID, "--client-id", "azure: workload identity client id."),
            Flag.text(Field.AKEYLESS_GATEWAY, "--akeyless-gateway", "akeyless: gateway URL (default ${DEFAULT-VALUE}).").or("https://api.akeyless.io"),
            Flag.text(Field.AKEYLESS_ACCESS_ID, "--akeyless-access-id", "akeyless: access id."),
            Flag.text(Field.AKEYLESS_ACCESS_TYPE, "--akeyless-access-type", "akeyless: access type (default ${DEFAULT-VALUE}).").or("k8s"),
            Flag.text(Field.AKEYLESS_K8S_CONF, "--akeyless-k8s-conf", "akeyless: k8s auth config name."),
            Flag.text(Field.SYNC_SECRET, "--sync-secret", "Also sync into this Kubernetes Secret (secretObjects; needs syncSecret.enabled)."),
            Flag.text(Field.SYNC_TYPE, "--sync-type", "Type of the synced Secret (default ${DEFAULT-VALUE}).").or("Opaque"),
            Flag.list(Field.SYNC, "--sync", "Mounted file OBJECT → key in the synced Secret (repeatable).").label("OBJECT=KEY"),
            Flag.text(Field.MOUNT_PATH, "--mount-path", "Mount path in the snippet (default ${DEFAULT-VALUE}).").or("/mnt/secrets-store"),
            Flag.text(Field.SERVICE_ACCOUNT, "--service-account", "The workload's service account (the identity the provider uses)."));

    public SecretProviderClassCommand() {
        super(FLAGS, SecretProviderClassRequest::from);
    }
}
