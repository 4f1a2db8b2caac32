package dev.kustodian.core.externalsecrets;

import dev.kustodian.core.output.Bundle.Problem;
import dev.kustodian.core.yaml.YamlException;
import dev.kustodian.core.yaml.YamlReader;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The rules a schema cannot express (ESO webhook and runtime rules, CSI provider parsing rules, Sealed Secrets
 * scopes), checked on the object as a map. Used by the generators (before anything is shown) and by {@code lint}.
 * Sources: GROUND-TRUTH.md sections 1–4.
 */
public final class ProviderRules {
    private ProviderRules() {
    }

    public static final Set<String> SPC_SECRET_TYPES = Set.of("Opaque", "kubernetes.io/basic-auth",
            "bootstrap.kubernetes.io/token", "kubernetes.io/dockerconfigjson", "kubernetes.io/dockercfg",
            "kubernetes.io/ssh-auth", "kubernetes.io/service-account-token", "kubernetes.io/tls");

    /** Rules for one object; objects we know nothing about give no problems. */
    public static List<Problem> check(Map<String, Object> o) {
        String apiVersion = str(o.get("apiVersion"));
        String kind = str(o.get("kind"));
        String group = SchemaValidator.group(apiVersion);
        List<Problem> p = new ArrayList<>();
        if (group.equals("external-secrets.io")) {
            switch (kind) {
                case "SecretStore", "ClusterSecretStore" -> store(o, kind, p);
                case "ExternalSecret" -> externalSecret(map(o.get("spec")), "spec", p);
                case "ClusterExternalSecret" -> clusterExternalSecret(o, p);
                default -> { }
            }
        } else if (group.equals("secrets-store.csi.x-k8s.io") && kind.equals("SecretProviderClass")) {
            secretProviderClass(o, p);
        } else if (group.equals("bitnami.com") && kind.equals("SealedSecret")) {
            sealedSecret(o, p);
        } else if (apiVersion.startsWith("akeyless.io/")) {
            p.add(new Problem("apiVersion", apiVersion + " " + kind + " does not exist: no Akeyless CRD with this"
                    + " apiVersion is published. Use ESO (external-secrets.io/v1 with provider akeyless), the Akeyless"
                    + " CSI provider or the Akeyless secrets operator (secrets.akeyless.io/v1alpha1)", true));
        }
        return p;
    }

    // ------------------------------------------------------------------ ESO stores

    private static void store(Map<String, Object> o, String kind, List<Problem> p) {
        Map<String, Object> spec = map(o.get("spec"));
        Map<String, Object> provider = map(spec.get("provider"));
        if (provider.size() != 1) {
            p.add(new Problem("spec.provider", "a store must have exactly one provider (found "
                    + provider.size() + ")", true));
        }
        String storeNs = str(map(o.get("metadata")).get("namespace"));
        boolean cluster = kind.equals("ClusterSecretStore");
        for (Map.Entry<String, Object> e : provider.entrySet()) {
            String base = "spec.provider." + e.getKey();
            Map<String, Object> prov = map(e.getValue());
            List<String[]> refs = new ArrayList<>();
            collectRefs(prov, base, false, refs);
            for (String[] r : refs) {
                String path = r[0];
                String ns = r[1];
                if (!cluster && !ns.isEmpty() && !ns.equals(storeNs)) {
                    p.add(new Problem(path + ".namespace", "a SecretStore can only reference objects in its own"
                            + " namespace" + (storeNs.isEmpty() ? "" : " (" + storeNs + ")") + "; remove namespace or use a"
                            + " ClusterSecretStore", true));
                }
                if (cluster && e.getKey().equals("akeyless") && ns.isEmpty()
                        && (path.startsWith(base + ".authSecretRef.secretRef.")
                        || path.equals(base + ".authSecretRef.kubernetesAuth.secretRef"))) {
                    p.add(new Problem(path + ".namespace", "a ClusterSecretStore with the akeyless provider needs a"
                            + " namespace on this reference (ESO: \"cluster scope requires namespace\")", true));
                }
            }
            if (e.getKey().equals("vault") && !prov.containsKey("auth")) {
                p.add(new Problem(base + ".auth", "no auth method: the store cannot log in to Vault", false));
            }
            if (e.getKey().equals("aws") && map(map(prov.get("auth")).get("secretRef")).size() > 0) {
                p.add(new Problem(base + ".auth.secretRef", "static AWS access keys in a Secret: prefer IRSA or EKS"
                        + " Pod Identity (no long-lived key to leak or rotate)", false));
            }
            if (e.getKey().equals("azurekv") && "ServicePrincipal".equals(str(prov.getOrDefault("authType",
                    "ServicePrincipal"))) && str(prov.get("tenantId")).isEmpty()) {
                p.add(new Problem(base + ".tenantId", "tenantId is required with authType ServicePrincipal", true));
            }
            if (e.getKey().equals("gcpsm") && map(map(prov.get("auth")).get("secretRef")).size() > 0
                    && str(prov.get("projectID")).isEmpty()) {
                p.add(new Problem(base + ".projectID", "projectID is required with a service-account key", true));
            }
        }
    }

    /** Collects every reference map (SecretKeySelector / ServiceAccountSelector) with its namespace ("" if none). */
    private static void collectRefs(Map<String, Object> m, String path, boolean parentIsRef, List<String[]> out) {
        for (Map.Entry<String, Object> e : m.entrySet()) {
            if (!(e.getValue() instanceof Map<?, ?> child)) {
                continue;
            }
            String key = e.getKey();
            String childPath = path + "." + key;
            boolean isRef = key.endsWith("Ref") || key.equals("caProvider") || parentIsRef;
            if (isRef && child.get("name") instanceof String) {
                Object ns = child.get("namespace");
                out.add(new String[]{childPath, ns == null ? "" : String.valueOf(ns)});
            }
            collectRefs(map(child), childPath, key.equals("secretRef") || key.equals("authSecretRef"), out);
        }
    }

    // ------------------------------------------------------------------ ExternalSecret

    static void externalSecret(Map<String, Object> spec, String base, List<Problem> p) {
        List<Object> data = list(spec.get("data"));
        List<Object> dataFrom = list(spec.get("dataFrom"));
        if (data.isEmpty() && dataFrom.isEmpty()) {
            p.add(new Problem(base, "needs data or dataFrom (ESO webhook rejects it)", true));
        }
        Map<String, Object> target = map(spec.get("target"));
        String creation = str(target.getOrDefault("creationPolicy", "Owner"));
        String deletion = str(target.getOrDefault("deletionPolicy", "Retain"));
        if (deletion.equals("Delete") && !creation.equals("Owner")) {
            p.add(new Problem(base + ".target.deletionPolicy", "deletionPolicy Delete needs creationPolicy Owner"
                    + " (it must not be used when the controller doesn't own the secret)", true));
        }
        if (deletion.equals("Merge") && creation.equals("None")) {
            p.add(new Problem(base + ".target.deletionPolicy", "deletionPolicy Merge cannot be used with"
                    + " creationPolicy None", true));
        }
        Set<String> keys = new HashSet<>();
        boolean itemStores = true;
        for (int i = 0; i < data.size(); i++) {
            Map<String, Object> d = map(data.get(i));
            String k = str(d.get("secretKey"));
            if (!k.isEmpty() && !keys.add(k)) {
                p.add(new Problem(base + ".data[" + i + "].secretKey", "duplicate secretKey '" + k + "'", true));
            }
            itemStores &= d.containsKey("sourceRef");
        }
        for (int i = 0; i < dataFrom.size(); i++) {
            Map<String, Object> d = map(dataFrom.get(i));
            int n = (d.containsKey("extract") ? 1 : 0) + (d.containsKey("find") ? 1 : 0)
                    + (map(d.get("sourceRef")).containsKey("generatorRef") ? 1 : 0);
            if (n != 1) {
                p.add(new Problem(base + ".dataFrom[" + i + "]", "each dataFrom entry needs exactly one of extract,"
                        + " find or sourceRef.generatorRef", true));
            }
            itemStores &= d.containsKey("sourceRef");
        }
        if (!spec.containsKey("secretStoreRef") && !(data.isEmpty() && dataFrom.isEmpty()) && !itemStores) {
            p.add(new Problem(base + ".secretStoreRef", "no secretStoreRef and not every item has a sourceRef:"
                    + " the controller does not know which store to read", true));
        }
        List<Object> templateFrom = list(map(target.get("template")).get("templateFrom"));
        for (int i = 0; i < templateFrom.size(); i++) {
            String t = str(map(templateFrom.get(i)).get("target"));
            if (!t.isEmpty() && !Set.of("Data", "Annotations", "Labels").contains(t)) {
                p.add(new Problem(base + ".target.template.templateFrom[" + i + "].target",
                        "must be Data, Annotations or Labels", true));
            }
        }
        String refresh = str(spec.get("refreshInterval"));
        if (refresh.equals("0") || refresh.equals("0s")) {
            p.add(new Problem(base + ".refreshInterval", "0s fetches once and never refreshes: rotation in the"
                    + " store will not reach the cluster", false));
        }
    }

    private static void clusterExternalSecret(Map<String, Object> o, List<Problem> p) {
        Map<String, Object> spec = map(o.get("spec"));
        externalSecret(map(spec.get("externalSecretSpec")), "spec.externalSecretSpec", p);
        Map<String, Object> esSpec = map(spec.get("externalSecretSpec"));
        if (!"ClusterSecretStore".equals(str(map(esSpec.get("secretStoreRef")).get("kind")))
                && esSpec.containsKey("secretStoreRef")) {
            p.add(new Problem("spec.externalSecretSpec.secretStoreRef.kind", "a ClusterExternalSecret usually needs a"
                    + " ClusterSecretStore: a SecretStore of that name must exist in every selected namespace", false));
        }
        if (list(spec.get("namespaces")).isEmpty() && list(spec.get("namespaceSelectors")).isEmpty()
                && !spec.containsKey("namespaceSelector")) {
            p.add(new Problem("spec.namespaces", "no namespaces and no namespaceSelectors: it selects no namespace",
                    false));
        }
    }

    // ------------------------------------------------------------------ CSI

    private static void secretProviderClass(Map<String, Object> o, List<Problem> p) {
        Map<String, Object> spec = map(o.get("spec"));
        String provider = str(spec.get("provider"));
        Map<String, Object> params = map(spec.get("parameters"));
        for (Map.Entry<String, Object> e : params.entrySet()) {
            if (!(e.getValue() instanceof String)) {
                p.add(new Problem("spec.parameters." + e.getKey(), "every parameter value must be a string (quote it:"
                        + " \"" + e.getValue() + "\")", true));
            }
        }
        if (provider.isEmpty()) {
            p.add(new Problem("spec.provider", "provider is missing (aws, vault, azure, gcp, akeyless)", true));
        }
        String objects = params.get("objects") instanceof String s ? s : null;
        if (objects != null && !provider.equals("azure") && objects.stripLeading().startsWith("array:")) {
            p.add(new Problem("spec.parameters.objects", "'array:' is the Azure provider's format; the " + provider
                    + " provider expects a plain YAML list of objects", true));
        }
        switch (provider) {
            case "azure" -> {
                for (String req : List.of("keyvaultName", "tenantId", "objects")) {
                    if (!params.containsKey(req)) {
                        p.add(new Problem("spec.parameters." + req, "required by the azure provider", true));
                    }
                }
                if (objects != null && !objects.stripLeading().startsWith("array:")) {
                    p.add(new Problem("spec.parameters.objects", "the azure provider expects 'array:' with one YAML"
                            + " string per object", true));
                }
                azureObjects(objects, p);
            }
            case "vault" -> {
                if (!params.containsKey("roleName")) {
                    p.add(new Problem("spec.parameters.roleName", "required by the vault provider", true));
                }
                if (params.containsKey("vaultKubernetesMountPath") && params.containsKey("vaultAuthMountPath")) {
                    p.add(new Problem("spec.parameters.vaultAuthMountPath", "set vaultKubernetesMountPath or"
                            + " vaultAuthMountPath, not both", true));
                }
                List<Object> list = objectList(objects, "spec.parameters.objects", p);
                for (int i = 0; i < list.size(); i++) {
                    String path = str(map(list.get(i)).get("secretPath"));
                    for (String req : List.of("objectName", "secretPath")) {
                        if (str(map(list.get(i)).get(req)).isBlank()) {
                            p.add(new Problem("spec.parameters.objects[" + i + "]" + (map(list.get(i)).containsKey(req)
                                    ? "." + req : ""), req + " is required by the vault provider (objectName: the"
                                    + " file name in the mount; secretPath: the secret's path in Vault)", true));
                        }
                    }
                    if (!path.isEmpty() && !path.contains("/data/")) {
                        p.add(new Problem("spec.parameters.objects[" + i + "].secretPath", "'" + path + "' has no"
                                + " /data/: on a KV v2 mount the CSI provider needs the raw API path (e.g."
                                + " secret/data/app); fine only for KV v1", false));
                    }
                }
            }
            case "aws" -> {
                List<Object> list = objectList(objects, "spec.parameters.objects", p);
                for (int i = 0; i < list.size(); i++) {
                    Map<String, Object> ob = map(list.get(i));
                    String name = str(ob.get("objectName"));
                    String type = str(ob.get("objectType"));
                    if (type.isEmpty() && !name.startsWith("arn:")) {
                        p.add(new Problem("spec.parameters.objects[" + i + "].objectType", "required"
                                + " (secretsmanager or ssmparameter) unless objectName is an ARN", true));
                    } else if (!type.isEmpty() && !AWS_OBJECT_TYPES.contains(type)) {
                        p.add(new Problem("spec.parameters.objects[" + i + "].objectType", "'" + type + "' is not an"
                                + " objectType of the aws provider: use secretsmanager or ssmparameter", true));
                    }
                }
            }
            case "gcp" -> {
                if (!params.containsKey("secrets")) {
                    p.add(new Problem("spec.parameters.secrets", "the gcp provider reads 'secrets' (not 'objects')",
                            true));
                }
                List<Object> list = objectList(params.get("secrets") instanceof String s ? s : null,
                        "spec.parameters.secrets", p);
                for (int i = 0; i < list.size(); i++) {
                    Map<String, Object> ob = map(list.get(i));
                    String name = str(ob.get("resourceName"));
                    if (name.isBlank()) {
                        p.add(new Problem("spec.parameters.secrets[" + i + "]", "resourceName is required by the gcp"
                                + " provider (projects/PROJECT/secrets/NAME/versions/VERSION)", true));
                    } else if (!GCP_RESOURCE_NAME.matcher(name).matches()) {
                        p.add(new Problem("spec.parameters.secrets[" + i + "].resourceName", "'" + name + "' is not a"
                                + " Secret Manager version name: use projects/PROJECT/secrets/NAME/versions/VERSION"
                                + " (VERSION a number or latest; regional secrets: projects/PROJECT/locations/REGION/"
                                + "secrets/NAME/versions/VERSION)", true));
                    }
                }
            }
            default -> { }
        }
        List<Object> sync = list(spec.get("secretObjects"));
        if (!sync.isEmpty()) {
            p.add(new Problem("spec.secretObjects", "synced Secrets exist only while a Pod mounts this class and need"
                    + " the driver's syncSecret.enabled=true; the values end up in a Kubernetes Secret again", false));
        }
        for (int i = 0; i < sync.size(); i++) {
            String t = str(map(sync.get(i)).get("type"));
            if (!t.isEmpty() && !SPC_SECRET_TYPES.contains(t)) {
                p.add(new Problem("spec.secretObjects[" + i + "].type", "type '" + t + "' is not supported by the"
                        + " driver", true));
            }
        }
    }

    private static final Set<String> AWS_OBJECT_TYPES = Set.of("secretsmanager", "ssmparameter");
    private static final Set<String> AZURE_OBJECT_TYPES = Set.of("secret", "key", "cert");
    private static final Set<String> AZURE_ENCODINGS = Set.of("utf-8", "hex", "base64");
    private static final java.util.regex.Pattern GCP_RESOURCE_NAME = java.util.regex.Pattern.compile(
            "projects/[^/\\s]+/(locations/[^/\\s]+/)?secrets/[^/\\s]+/versions/[^/\\s]+");

    /**
     * The azure provider's objects: {@code array:} holds one YAML string per object, each with objectName,
     * objectType (secret, key or cert) and an optional objectEncoding (utf-8, hex or base64); the provider compares
     * both without case and fails the mount on anything else.
     */
    private static void azureObjects(String objects, List<Problem> p) {
        if (objects == null || !objects.stripLeading().startsWith("array:")) {
            return;
        }
        Map<String, Object> root;
        try {
            var docs = YamlReader.read(objects, "spec.parameters.objects");
            root = docs.isEmpty() ? Map.of() : map(docs.get(0).value());
        } catch (YamlException e) {
            p.add(new Problem("spec.parameters.objects", "the embedded YAML does not parse: " + e.getMessage(), true));
            return;
        }
        List<Object> array = list(root.get("array"));
        for (int i = 0; i < array.size(); i++) {
            String at = "spec.parameters.objects.array[" + i + "]";
            if (!(array.get(i) instanceof String one)) {
                p.add(new Problem(at, "each entry of 'array:' must be a YAML string ('- |' then the object's fields)",
                        true));
                continue;
            }
            Map<String, Object> ob;
            try {
                var docs = YamlReader.read(one, at);
                ob = docs.isEmpty() ? Map.of() : map(docs.get(0).value());
            } catch (YamlException e) {
                p.add(new Problem(at, "the embedded YAML does not parse: " + e.getMessage(), true));
                continue;
            }
            if (str(ob.get("objectName")).isBlank()) {
                p.add(new Problem(at, "objectName is required by the azure provider", true));
            }
            String type = str(ob.get("objectType"));
            if (!AZURE_OBJECT_TYPES.contains(type.toLowerCase(Locale.ROOT))) {
                p.add(new Problem(at + (type.isEmpty() ? "" : ".objectType"), (type.isEmpty() ? "objectType is required"
                        : "'" + type + "' is not an objectType") + " of the azure provider: use secret, key or cert",
                        true));
            }
            String enc = str(ob.get("objectEncoding"));
            if (!enc.isEmpty() && !AZURE_ENCODINGS.contains(enc.toLowerCase(Locale.ROOT))) {
                p.add(new Problem(at + ".objectEncoding", "'" + enc + "' is not an objectEncoding of the azure"
                        + " provider: use utf-8, hex or base64 (the file name goes in objectAlias); the driver"
                        + " would fail the mount", true));
            }
        }
    }

    private static List<Object> objectList(String yaml, String path, List<Problem> p) {
        if (yaml == null || yaml.isBlank()) {
            return List.of();
        }
        try {
            var docs = YamlReader.read(yaml, path);
            if (docs.isEmpty()) {
                return List.of();
            }
            Object v = docs.get(0).value();
            if (v instanceof List<?> l) {
                return new ArrayList<>(l);
            }
            if (v instanceof Map<?, ?> m && m.containsKey("array")) {
                return List.of();
            }
            p.add(new Problem(path, "must be a YAML list embedded in a string", true));
        } catch (YamlException e) {
            p.add(new Problem(path, "the embedded YAML does not parse: " + e.getMessage(), true));
        }
        return List.of();
    }

    // ------------------------------------------------------------------ Sealed Secrets

    private static void sealedSecret(Map<String, Object> o, List<Problem> p) {
        Map<String, Object> meta = map(o.get("metadata"));
        Map<String, Object> ann = map(meta.get("annotations"));
        boolean clusterWide = "true".equals(str(ann.get(SealedSecrets.ANN_CLUSTER_WIDE)));
        if (!clusterWide && str(meta.get("namespace")).isEmpty()) {
            p.add(new Problem("metadata.namespace", "a SealedSecret that is not cluster-wide is bound to a namespace:"
                    + " set metadata.namespace to the one it was sealed for", false));
        }
        Map<String, Object> enc = map(map(o.get("spec")).get("encryptedData"));
        for (Map.Entry<String, Object> e : enc.entrySet()) {
            String v = str(e.getValue());
            byte[] raw;
            try {
                raw = java.util.Base64.getDecoder().decode(v);
            } catch (IllegalArgumentException ex) {
                p.add(new Problem("spec.encryptedData." + e.getKey(), "not standard base64: the controller cannot"
                        + " decrypt it", true));
                continue;
            }
            if (raw.length < 2 + 128 + 16) {
                p.add(new Problem("spec.encryptedData." + e.getKey(), "too short to be a sealed value (" + raw.length
                        + " bytes): was it sealed?", true));
            } else {
                int rsaLen = ((raw[0] & 0xff) << 8) | (raw[1] & 0xff);
                if (rsaLen + 2 + 16 > raw.length) {
                    p.add(new Problem("spec.encryptedData." + e.getKey(), "the length prefix does not match the"
                            + " data: not a sealed value", true));
                }
            }
        }
        if (enc.isEmpty()) {
            p.add(new Problem("spec.encryptedData", "no encryptedData: the Secret will be empty", false));
        }
    }

    // ------------------------------------------------------------------ helpers

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return o instanceof List<?> l ? (List<Object>) l : List.of();
    }

    static String str(Object o) {
        return o == null ? "" : String.valueOf(o);
    }
}
