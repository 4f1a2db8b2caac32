package dev.kustodian.core.externalsecrets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.output.Manifest;
import dev.kustodian.core.util.UserFacingException;
import dev.kustodian.core.yaml.Commented;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.kustodian.core.yaml.YamlWriter.map;

/**
 * Store-side least privilege, generated beside the manifests: read access to exactly the named secrets for the
 * identity the store (or the CSI Pod) uses, and the Kubernetes side of that identity (service account annotation).
 */
public final class StorePolicies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StorePolicies() {
    }

    public sealed interface PolicySpec permits AwsPolicy, VaultPolicy, GcpPolicy, AzurePolicy {
    }

    /**
     * @param secretNames secret names (Secrets Manager) or parameter names (Parameter Store), or full ARNs
     * @param kmsKeyArn   customer-managed KMS key the secrets are encrypted with (null = AWS managed key)
     * @param roleArn     IAM role for IRSA (annotated on the service account)
     */
    public record AwsPolicy(SecretStoreSpec.AwsService service, String region, String accountId,
                            List<String> secretNames, String kmsKeyArn, String roleArn, String saNamespace,
                            String saName) implements PolicySpec {
    }

    public record VaultPolicy(String policyName, String mount, SecretStoreSpec.KvVersion kvVersion, List<String> paths,
                              String authMount, String role, String saNamespace, String saName, String ttl)
            implements PolicySpec {
    }

    /** gsaEmail = the Google service account; ksa = the Kubernetes service account (Workload Identity). */
    public record GcpPolicy(String project, List<String> secretIds, String gsaEmail, String saNamespace, String saName)
            implements PolicySpec {
    }

    /**
     * @param principalId object id of the managed identity / app that reads the vault
     * @param clientId    its client id (workload identity annotation)
     */
    public record AzurePolicy(String subscriptionId, String resourceGroup, String vaultName, String principalId,
                              String clientId, String tenantId, String saNamespace, String saName,
                              String identityName, String oidcIssuer) implements PolicySpec {
    }

    public static Bundle generate(PolicySpec spec) {
        if (spec instanceof AwsPolicy a) {
            return aws(a);
        }
        if (spec instanceof VaultPolicy v) {
            return vault(v);
        }
        if (spec instanceof GcpPolicy g) {
            return gcp(g);
        }
        return azure((AzurePolicy) spec);
    }

    /** The exact resource ARNs. Secrets Manager ARNs end with a 6-character random suffix, hence "-??????". */
    public static List<String> awsArns(AwsPolicy a) {
        List<String> arns = new ArrayList<>();
        for (String n : a.secretNames()) {
            if (n.startsWith("arn:")) {
                arns.add(n);
            } else if (a.service() == SecretStoreSpec.AwsService.SecretsManager) {
                arns.add("arn:aws:secretsmanager:" + a.region() + ":" + a.accountId() + ":secret:" + n + "-??????");
            } else {
                arns.add("arn:aws:ssm:" + a.region() + ":" + a.accountId() + ":parameter/" + n.replaceAll("^/+", ""));
            }
        }
        return arns;
    }

    static Bundle aws(AwsPolicy a) {
        if (a.secretNames().isEmpty()) {
            throw UserFacingException.badInput("Name at least one secret or parameter (--secret): a policy on '*'"
                    + " is not least privilege.");
        }
        List<Object> statements = new ArrayList<>();
        boolean sm = a.service() == SecretStoreSpec.AwsService.SecretsManager;
        statements.add(map("Sid", sm ? "ReadExactSecrets" : "ReadExactParameters", "Effect", "Allow",
                "Action", sm ? List.of("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret")
                        : List.of("ssm:GetParameter", "ssm:GetParameters"),
                "Resource", awsArns(a)));
        if (a.kmsKeyArn() != null && !a.kmsKeyArn().isBlank()) {
            statements.add(map("Sid", "DecryptWithTheSecretsKey", "Effect", "Allow", "Action", List.of("kms:Decrypt"),
                    "Resource", List.of(a.kmsKeyArn()),
                    "Condition", map("StringEquals", map("kms:ViaService", (sm ? "secretsmanager." : "ssm.")
                            + a.region() + ".amazonaws.com"))));
        }
        String json = json(map("Version", "2012-10-17", "Statement", statements));
        List<Validation.Obj> objs = new ArrayList<>();
        List<String> next = new ArrayList<>();
        if (a.saName() != null && !a.saName().isBlank()) {
            objs.add(serviceAccount(a.saNamespace(), a.saName(), map("eks.amazonaws.com/role-arn", a.roleArn()),
                    null, "IRSA: pods (or ESO's jwt auth) using this service account assume " + a.roleArn()));
        }
        next.add("aws iam create-policy --policy-name kustodian-read --policy-document file://iam-policy.json");
        next.add("aws iam attach-role-policy --role-name <role of " + a.roleArn() + "> --policy-arn <policy arn>");
        next.add("The role's trust policy must allow the cluster OIDC provider with sub system:serviceaccount:"
                + a.saNamespace() + ":" + a.saName() + ".");
        return Validation.bundle("AWS IAM policy", objs, List.of(Manifest.sideFile("iam-policy.json",
                Manifest.Format.JSON, json)), List.of(), next);
    }

    static Bundle vault(VaultPolicy v) {
        if (v.paths().isEmpty()) {
            throw UserFacingException.badInput("Name at least one secret path (--path).");
        }
        StringBuilder hcl = new StringBuilder("# Generated by Kustodian: read-only access to exactly these KV "
                + v.kvVersion() + " secrets.\n");
        for (String p : v.paths()) {
            hcl.append("path \"").append(CsiGenerator.vaultPath(v.mount(), p, v.kvVersion()))
                    .append("\" {\n  capabilities = [\"read\"]\n}\n");
        }
        String auth = v.authMount() == null || v.authMount().isBlank() ? "kubernetes" : v.authMount();
        String policy = v.policyName();
        String cmds = "#!/bin/sh\n# Generated by Kustodian: Vault policy and Kubernetes auth role.\nset -e\n"
                + "vault policy write " + policy + " " + policy + ".hcl\n"
                + "vault write auth/" + auth + "/role/" + v.role()
                + " \\\n  bound_service_account_names=" + v.saName()
                + " \\\n  bound_service_account_namespaces=" + v.saNamespace()
                + " \\\n  policies=" + policy
                + " \\\n  ttl=" + (v.ttl() == null || v.ttl().isBlank() ? "1h" : v.ttl()) + "\n";
        return Validation.bundle("Vault policy " + policy, List.of(), List.of(
                        Manifest.sideFile(policy + ".hcl", Manifest.Format.HCL, hcl.toString()),
                        Manifest.sideFile("vault-setup.sh", Manifest.Format.SHELL, cmds)), List.of(),
                List.of("Run vault-setup.sh with a Vault token allowed to write policies and auth roles."));
    }

    static Bundle gcp(GcpPolicy g) {
        if (g.secretIds().isEmpty()) {
            throw UserFacingException.badInput("Name at least one secret id (--secret).");
        }
        StringBuilder sh = new StringBuilder("#!/bin/sh\n# Generated by Kustodian: secretAccessor on exactly these"
                + " secrets, and Workload Identity for the Kubernetes service account.\nset -e\n");
        for (String s : g.secretIds()) {
            sh.append("gcloud secrets add-iam-policy-binding ").append(s).append(" --project ").append(g.project())
                    .append(" \\\n  --role roles/secretmanager.secretAccessor --member serviceAccount:")
                    .append(g.gsaEmail()).append('\n');
        }
        sh.append("gcloud iam service-accounts add-iam-policy-binding ").append(g.gsaEmail())
                .append(" \\\n  --role roles/iam.workloadIdentityUser --member \"serviceAccount:").append(g.project())
                .append(".svc.id.goog[").append(g.saNamespace()).append('/').append(g.saName()).append("]\"\n");
        return Validation.bundle("GCP IAM bindings", List.of(serviceAccount(g.saNamespace(), g.saName(),
                        map("iam.gke.io/gcp-service-account", g.gsaEmail()), null,
                        "GKE Workload Identity: this service account acts as " + g.gsaEmail())),
                List.of(Manifest.sideFile("gcp-iam.sh", Manifest.Format.SHELL, sh.toString())), List.of(),
                List.of("Run gcp-iam.sh as a project IAM admin."));
    }

    static Bundle azure(AzurePolicy z) {
        String scope = "/subscriptions/" + z.subscriptionId() + "/resourceGroups/" + z.resourceGroup()
                + "/providers/Microsoft.KeyVault/vaults/" + z.vaultName();
        StringBuilder sh = new StringBuilder("#!/bin/sh\n# Generated by Kustodian: Key Vault Secrets User scoped to"
                + " the vault (not the subscription), and the workload identity federation.\nset -e\n");
        sh.append("az role assignment create --role \"Key Vault Secrets User\" \\\n  --assignee-object-id ")
                .append(z.principalId()).append(" --assignee-principal-type ServicePrincipal \\\n  --scope ")
                .append(scope).append('\n');
        if (z.identityName() != null && !z.identityName().isBlank()) {
            sh.append("az identity federated-credential create --name kustodian-").append(z.saName())
                    .append(" \\\n  --identity-name ").append(z.identityName()).append(" --resource-group ")
                    .append(z.resourceGroup()).append(" \\\n  --issuer ")
                    .append(z.oidcIssuer() == null ? "\"$(az aks show -n <cluster> -g <rg> --query oidcIssuerProfile.issuerUrl -o tsv)\""
                            : z.oidcIssuer())
                    .append(" \\\n  --subject system:serviceaccount:").append(z.saNamespace()).append(':')
                    .append(z.saName()).append(" --audience api://AzureADTokenExchange\n");
        }
        Map<String, Object> ann = new LinkedHashMap<>();
        ann.put("azure.workload.identity/client-id", z.clientId());
        if (z.tenantId() != null && !z.tenantId().isBlank()) {
            ann.put("azure.workload.identity/tenant-id", z.tenantId());
        }
        return Validation.bundle("Azure role assignment", List.of(serviceAccount(z.saNamespace(), z.saName(), ann,
                        null, "Azure workload identity; Pods using it need the label azure.workload.identity/use: \"true\"")),
                List.of(Manifest.sideFile("azure-role.sh", Manifest.Format.SHELL, sh.toString())),
                List.of(), List.of("Run azure-role.sh; the vault must use Azure RBAC (not access policies).",
                        "Label the Pod template: azure.workload.identity/use: \"true\"."));
    }

    static Validation.Obj serviceAccount(String ns, String name, Map<String, Object> annotations,
                                         Map<String, Object> labels, String comment) {
        Map<String, Object> obj = map("apiVersion", "v1", "kind", "ServiceAccount",
                "metadata", map("name", name, "namespace", ns, "labels", labels, "annotations", annotations));
        return new Validation.Obj(Validation.fileName("ServiceAccount", name), obj, "Generated by Kustodian: " + comment);
    }

    static String json(Object o) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(Validation.strip(o)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unused")
    private static Commented c(Object v, String comment) {
        return new Commented(v, comment);
    }
}
