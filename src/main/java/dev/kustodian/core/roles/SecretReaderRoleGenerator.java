package dev.kustodian.core.roles;

import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.output.Manifest;
import dev.kustodian.core.yaml.Commented;
import dev.kustodian.core.yaml.YamlWriter;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Generates a least-privilege "secret reader" Role: {@code get} on the named secrets only (resourceNames), bound to
 * one ServiceAccount with a RoleBinding. Problem paths are the input names: {@code namespace}, {@code secretNames},
 * {@code serviceAccount}, {@code serviceAccountNamespace}, {@code roleName}.
 */
public final class SecretReaderRoleGenerator {
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");

    private SecretReaderRoleGenerator() {
    }

    /**
     * @param namespace               namespace of the secrets (and of the Role and RoleBinding)
     * @param secretNames             the secrets the account may read
     * @param serviceAccount          the ServiceAccount that gets the access
     * @param serviceAccountNamespace its namespace; null or blank means {@code namespace}
     * @param roleName                name of the Role and RoleBinding; null or blank means
     *                                {@code <serviceAccount>-secret-reader}
     */
    public record Input(String namespace, List<String> secretNames, String serviceAccount,
                        String serviceAccountNamespace, String roleName) {
        public Input {
            secretNames = secretNames == null ? List.of() : List.copyOf(secretNames);
        }
    }

    /** Generates the bundle; {@code snapshot} (nullable) is used only to warn about names it does not contain. */
    public static Bundle generate(Input in, ClusterSnapshot snapshot) {
        List<Bundle.Problem> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String ns = trim(in.namespace());
        String sa = trim(in.serviceAccount());
        String saNs = trim(in.serviceAccountNamespace()).isEmpty() ? ns : trim(in.serviceAccountNamespace());
        List<String> names = new ArrayList<>(new LinkedHashSet<>(in.secretNames().stream()
                .map(SecretReaderRoleGenerator::trim).filter(s -> !s.isEmpty()).toList()));
        String role = trim(in.roleName()).isEmpty() ? (sa.isEmpty() ? "secret-reader" : sa + "-secret-reader")
                : trim(in.roleName());

        if (ns.isEmpty()) {
            problems.add(new Bundle.Problem("namespace", "Choose the namespace that holds the secrets.", true));
        } else if (!isLabel(ns)) {
            problems.add(new Bundle.Problem("namespace", "'" + ns + "' is not a valid namespace name "
                    + "(lower-case letters, digits and '-', at most 63 characters).", true));
        }
        if (names.isEmpty()) {
            problems.add(new Bundle.Problem("secretNames", "Name at least one secret: the Role grants get on the "
                    + "listed secrets only (resourceNames), never on every secret of the namespace.", true));
        }
        for (String n : names) {
            if (!isSubdomain(n)) {
                problems.add(new Bundle.Problem("secretNames", "'" + n + "' is not a valid secret name "
                        + "(lower-case letters, digits, '-' and '.', at most 253 characters).", true));
            } else if (snapshot != null && !ns.isEmpty() && snapshot.secrets().stream()
                    .noneMatch(s -> s.meta().namespace().equals(ns) && s.meta().name().equals(n))) {
                warnings.add("Secret " + ns + "/" + n + " does not exist in the loaded cluster; the Role still works "
                        + "once it is created.");
            }
        }
        if (sa.isEmpty()) {
            problems.add(new Bundle.Problem("serviceAccount", "Choose the ServiceAccount that needs to read the "
                    + "secrets.", true));
        } else if (!isSubdomain(sa)) {
            problems.add(new Bundle.Problem("serviceAccount", "'" + sa + "' is not a valid ServiceAccount name.",
                    true));
        }
        if (!saNs.isEmpty() && !isLabel(saNs)) {
            problems.add(new Bundle.Problem("serviceAccountNamespace", "'" + saNs
                    + "' is not a valid namespace name.", true));
        }
        if (!isSubdomain(role)) {
            problems.add(new Bundle.Problem("roleName", "'" + role + "' is not a valid Role name "
                    + "(lower-case letters, digits, '-' and '.').", true));
        }
        if (snapshot != null && !sa.isEmpty() && !saNs.isEmpty() && snapshot.serviceAccount(saNs, sa).isEmpty()) {
            warnings.add("ServiceAccount " + saNs + "/" + sa + " does not exist in the loaded cluster.");
        }

        String title = "Secret reader Role " + (ns.isEmpty() ? "" : ns + "/") + role;
        List<Manifest> manifests = new ArrayList<>();
        if (problems.stream().noneMatch(Bundle.Problem::error)) {
            var roleObj = YamlWriter.map(
                    "apiVersion", "rbac.authorization.k8s.io/v1",
                    "kind", "Role",
                    "metadata", YamlWriter.map("name", role, "namespace", ns,
                            "labels", YamlWriter.map("app.kubernetes.io/managed-by", "kustodian")),
                    "rules", List.of(new Commented(YamlWriter.map(
                            "apiGroups", List.of(""),
                            "resources", List.of("secrets"),
                            "verbs", List.of("get"),
                            "resourceNames", names),
                            "get on these names only; list or watch would expose every secret")));
            var bindingObj = YamlWriter.map(
                    "apiVersion", "rbac.authorization.k8s.io/v1",
                    "kind", "RoleBinding",
                    "metadata", YamlWriter.map("name", role, "namespace", ns,
                            "labels", YamlWriter.map("app.kubernetes.io/managed-by", "kustodian")),
                    "roleRef", YamlWriter.map("apiGroup", "rbac.authorization.k8s.io", "kind", "Role",
                            "name", role),
                    "subjects", List.of(YamlWriter.map("kind", "ServiceAccount", "name", sa,
                            "namespace", saNs)));
            manifests.add(Bundle.yamlObject("role-" + role + ".yaml", roleObj,
                    "Lets " + saNs + "/" + sa + " read " + names.size() + " named secret(s) in " + ns + "."));
            manifests.add(Bundle.yamlObject("rolebinding-" + role + ".yaml", bindingObj, null));
        }
        List<String> next = List.of(
                "Commit the files and apply them with kubectl apply -k <folder> (or Apply here, after a dry run).",
                "Check: kubectl auth can-i get secret/" + (names.isEmpty() ? "NAME" : names.get(0)) + " -n " + ns
                        + " --as system:serviceaccount:" + saNs + ":" + sa);
        return new Bundle(title, manifests, problems, warnings, next);
    }

    private static boolean isLabel(String s) {
        return s.length() <= 63 && DNS_LABEL.matcher(s).matches();
    }

    private static boolean isSubdomain(String s) {
        return s.length() <= 253 && DNS_SUBDOMAIN.matcher(s).matches();
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }
}
