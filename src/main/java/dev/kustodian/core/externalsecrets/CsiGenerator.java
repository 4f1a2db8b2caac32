package dev.kustodian.core.externalsecrets;

import dev.kustodian.core.externalsecrets.CsiSpec.*;
import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.output.Manifest;
import dev.kustodian.core.yaml.Commented;
import dev.kustodian.core.yaml.YamlWriter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.kustodian.core.externalsecrets.StoreGenerator.blankToNull;
import static dev.kustodian.core.yaml.YamlWriter.map;

/** SecretProviderClass + Pod volume snippet. Every parameter value is a string; object lists are embedded YAML. */
public final class CsiGenerator {
    public static final String API = "secrets-store.csi.x-k8s.io/v1";
    public static final String DRIVER = "secrets-store.csi.k8s.io";

    private CsiGenerator() {
    }

    public static Bundle generate(CsiSpec s) {
        Map<String, Object> params = new LinkedHashMap<>();
        String provider;
        List<String> warnings = new ArrayList<>();
        List<String> next = new ArrayList<>();
        CsiProvider p = s.provider();
        if (p instanceof AwsCsi a) {
            provider = "aws";
            List<Object> objs = new ArrayList<>();
            for (AwsObject o : a.objects()) {
                Map<String, Object> m = map("objectName", o.objectName(), "objectType", blankToNull(o.objectType()),
                        "objectAlias", blankToNull(o.objectAlias()));
                if (!o.jmesPath().isEmpty()) {
                    List<Object> j = new ArrayList<>();
                    o.jmesPath().forEach(x -> j.add(map("path", x.path(), "objectAlias", x.objectAlias())));
                    m.put("jmesPath", j);
                }
                objs.add(m);
            }
            params.put("region", blankToNull(a.region()));
            params.put("usePodIdentity", new Commented(String.valueOf(a.usePodIdentity()),
                    "\"true\" = EKS Pod Identity, \"false\" = IRSA (service account annotated eks.amazonaws.com/role-arn)"));
            params.put("objects", YamlWriter.write(objs));
        } else if (p instanceof VaultCsi v) {
            provider = "vault";
            params.put("roleName", new Commented(v.roleName(), "Vault kubernetes-auth role bound to the Pod's service account"));
            params.put("vaultAddress", blankToNull(v.vaultAddress()));
            params.put("vaultAuthMountPath", blankToNull(v.authMountPath()));
            List<Object> objs = new ArrayList<>();
            for (VaultObject o : v.objects()) {
                objs.add(map("objectName", o.objectName(), "secretPath", vaultPath(o.mount(), o.path(), v.kvVersion()),
                        "secretKey", blankToNull(o.secretKey())));
            }
            params.put("objects", new Commented(YamlWriter.write(objs), v.kvVersion() == SecretStoreSpec.KvVersion.v2
                    ? "KV v2: secretPath is the raw API path <mount>/data/<path>" : "KV v1: secretPath is <mount>/<path>"));
        } else if (p instanceof AzureCsi z) {
            provider = "azure";
            params.put("usePodIdentity", "false");
            params.put("clientID", new Commented(blankToNull(z.clientId()), "workload identity client id"));
            params.put("keyvaultName", z.keyvaultName());
            params.put("tenantId", z.tenantId());
            List<Object> docs = new ArrayList<>();
            for (AzureObject o : z.objects()) {
                docs.add(YamlWriter.write(map("objectName", o.objectName(),
                        "objectType", blankToNull(o.objectType()) == null ? "secret" : o.objectType(),
                        "objectAlias", blankToNull(o.objectAlias()))));
            }
            params.put("objects", new Commented(YamlWriter.write(map("array", docs)),
                    "azure only: 'array:' of YAML documents given as strings"));
        } else if (p instanceof GcpCsi g) {
            provider = "gcp";
            List<Object> secrets = new ArrayList<>();
            g.secrets().forEach(x -> secrets.add(map("resourceName", x.resourceName(), "path", x.path())));
            params.put("secrets", YamlWriter.write(secrets));
        } else {
            AkeylessCsi k = (AkeylessCsi) p;
            provider = "akeyless";
            params.put("akeylessGatewayURL", k.gatewayUrl());
            params.put("akeylessAccessID", k.accessId());
            params.put("akeylessAccessType", blankToNull(k.accessType()) == null ? "k8s" : k.accessType());
            params.put("akeylessK8sAuthConfigName", blankToNull(k.k8sAuthConfigName()));
            List<Object> objs = new ArrayList<>();
            k.objects().forEach(x -> objs.add(map("secretPath", x.secretPath(), "fileName", x.fileName())));
            params.put("objects", YamlWriter.write(objs));
        }
        params.values().removeIf(x -> x == null || x instanceof Commented c && c.value() == null);
        Map<String, Object> spec = map("provider", provider, "parameters", params);
        if (!s.secretObjects().isEmpty()) {
            List<Object> sync = new ArrayList<>();
            for (SyncSecret ss : s.secretObjects()) {
                List<Object> data = new ArrayList<>();
                ss.data().forEach(d -> data.add(map("objectName", d.objectName(), "key", d.key())));
                sync.add(map("secretName", ss.secretName(), "type", blankToNull(ss.type()) == null ? "Opaque" : ss.type(),
                        "data", data));
            }
            spec.put("secretObjects", new Commented(sync, "synced only while a Pod mounts this class;"
                    + " needs the driver's syncSecret.enabled=true"));
            // the warning comes from ProviderRules (spec.secretObjects), shown with the problems
        }
        Map<String, Object> obj = map("apiVersion", API, "kind", "SecretProviderClass",
                "metadata", map("name", s.name(), "namespace", s.namespace()), "spec", spec);
        String header = "Generated by Kustodian: Secrets Store CSI SecretProviderClass (provider " + provider + ").\n"
                + "The provider validates parameters only when a Pod mounts the volume (FailedMount events).";
        Manifest snippet = Manifest.sideFile("pod-volume-" + s.name() + ".snippet.yaml", Manifest.Format.YAML,
                podSnippet(s));
        next.add("Add the volume and volumeMount from " + snippet.fileName() + " to the workload's Pod template in"
                + " namespace " + s.namespace() + ".");
        next.add("kubectl describe pod <pod> -n " + s.namespace() + ": look for FailedMount events if the files"
                + " do not appear.");
        return Validation.bundle("SecretProviderClass " + s.name(), List.of(new Validation.Obj(
                Validation.fileName("SecretProviderClass", s.name()), obj, header)), List.of(snippet), warnings, next);
    }

    /** KV v2 needs the raw API path with /data/. */
    public static String vaultPath(String mount, String path, SecretStoreSpec.KvVersion version) {
        String m = mount == null ? "secret" : mount.replaceAll("^/+|/+$", "");
        String rest = path.replaceAll("^/+", "");
        if (rest.startsWith(m + "/")) {
            rest = rest.substring(m.length() + 1);
        }
        if (version == SecretStoreSpec.KvVersion.v2) {
            if (rest.startsWith("data/")) {
                rest = rest.substring(5);
            }
            return m + "/data/" + rest;
        }
        return m + "/" + rest;
    }

    /** The pod spec fragment (merge it into the workload's template.spec). */
    public static String podSnippet(CsiSpec s) {
        String mount = blankToNull(s.mountPath()) == null ? "/mnt/secrets-store" : s.mountPath();
        Map<String, Object> podSpec = map(
                "serviceAccountName", new Commented(blankToNull(s.workloadServiceAccount()) == null ? "default"
                        : s.workloadServiceAccount(), "the identity the provider uses"),
                "containers", List.of(map("name", "app", "volumeMounts", List.of(map("name", "secrets-store",
                        "mountPath", mount, "readOnly", true)))),
                "volumes", List.of(map("name", "secrets-store", "csi", map("driver", DRIVER, "readOnly", true,
                        "volumeAttributes", map("secretProviderClass", s.name())))));
        return YamlWriter.write(map("spec", podSpec), "Merge into the Pod template (spec.template.spec) of your"
                + " workload in namespace " + s.namespace() + ".\nThe files appear under " + mount + ".");
    }
}
