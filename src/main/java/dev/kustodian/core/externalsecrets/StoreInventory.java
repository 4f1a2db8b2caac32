package dev.kustodian.core.externalsecrets;

import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.CustomObjectInfo;
import dev.kustodian.core.model.ObjectMeta;
import dev.kustodian.core.model.SecretInfo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the cluster already has of the secret stores: the store objects (SecretStores, ClusterSecretStores,
 * ExternalSecrets, PushSecrets, SecretProviderClasses, SealedSecrets, Akeyless operator objects) and, for each Secret,
 * whether a store manages it ("adoption"). Pure function of the snapshot; no values.
 */
public final class StoreInventory {
    private StoreInventory() {
    }

    /** Kinds listed, in display order: group, kind. */
    public static final List<String[]> KINDS = List.of(
            new String[]{"external-secrets.io", "ClusterSecretStore"},
            new String[]{"external-secrets.io", "SecretStore"},
            new String[]{"external-secrets.io", "ExternalSecret"},
            new String[]{"external-secrets.io", "ClusterExternalSecret"},
            new String[]{"external-secrets.io", "PushSecret"},
            new String[]{"secrets-store.csi.x-k8s.io", "SecretProviderClass"},
            new String[]{"bitnami.com", "SealedSecret"},
            new String[]{"secrets.akeyless.io", "AkeylessSecretStore"},
            new String[]{"secrets.akeyless.io", "AkeylessSecret"});

    /** One store object with a one-line summary (provider, store, target...). */
    public record StoreObject(String kind, String apiVersion, String namespace, String name, String summary) {
        public String qualifiedName() {
            return namespace.isEmpty() ? name : namespace + "/" + name;
        }
    }

    /** How a Secret is managed. */
    public enum Management { EXTERNAL_SECRET, SEALED_SECRET, CSI_SYNC, AKEYLESS, SYSTEM, PLAIN }

    /** A Secret and who manages it ({@code by}: the managing object, empty for plain). */
    public record Adoption(String namespace, String name, String type, int keys, Management management, String by) {
    }

    public static List<StoreObject> objects(ClusterSnapshot snap) {
        List<StoreObject> out = new ArrayList<>();
        for (String[] gk : KINDS) {
            for (CustomObjectInfo o : snap.customObjects(gk[0], gk[1])) {
                out.add(new StoreObject(o.kind(), o.apiVersion(), o.meta().namespace(), o.meta().name(), summary(o)));
            }
        }
        return out;
    }

    /** Counts per kind (kinds with none included, as 0). */
    public static Map<String, Integer> counts(ClusterSnapshot snap) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (String[] gk : KINDS) {
            m.put(gk[1], snap.customObjects(gk[0], gk[1]).size());
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    static String summary(CustomObjectInfo o) {
        Map<String, Object> spec = o.spec();
        switch (o.kind()) {
            case "SecretStore", "ClusterSecretStore" -> {
                Map<String, Object> p = ProviderRules.map(spec.get("provider"));
                return p.isEmpty() ? "no provider" : "provider " + String.join(", ", p.keySet());
            }
            case "ExternalSecret", "PushSecret" -> {
                Map<String, Object> ref = ProviderRules.map(spec.get("secretStoreRef"));
                if (ref.isEmpty() && spec.get("secretStoreRefs") instanceof List<?> l && !l.isEmpty()) {
                    ref = ProviderRules.map(l.get(0));
                }
                String store = ProviderRules.str(ref.get("kind")).isEmpty() ? "SecretStore"
                        : ProviderRules.str(ref.get("kind"));
                String target = ProviderRules.str(ProviderRules.map(spec.get("target")).get("name"));
                if (target.isEmpty() && "ExternalSecret".equals(o.kind())) {
                    target = o.meta().name();
                }
                if ("PushSecret".equals(o.kind())) {
                    target = ProviderRules.str(ProviderRules.map(ProviderRules.map(spec.get("selector"))
                            .get("secret")).get("name"));
                    return "pushes Secret " + target + " to " + store + " " + ProviderRules.str(ref.get("name"));
                }
                return store + " " + ProviderRules.str(ref.get("name")) + " → Secret " + target;
            }
            case "ClusterExternalSecret" -> {
                return "template ExternalSecret in selected namespaces";
            }
            case "SecretProviderClass" -> {
                String sync = spec.get("secretObjects") instanceof List<?> l && !l.isEmpty()
                        ? ", syncs " + l.size() + " Secret(s)" : "";
                return "provider " + ProviderRules.str(spec.get("provider")) + sync;
            }
            case "SealedSecret" -> {
                Map<String, Object> enc = ProviderRules.map(spec.get("encryptedData"));
                return enc.size() + " sealed key(s)";
            }
            default -> {
                return o.apiVersion();
            }
        }
    }

    /** Every Secret (sorted by namespace, name) with the store that manages it, if any. */
    public static List<Adoption> adoption(ClusterSnapshot snap) {
        Map<String, String[]> managed = new LinkedHashMap<>();
        for (CustomObjectInfo o : snap.customObjects("external-secrets.io", "ExternalSecret")) {
            String target = ProviderRules.str(ProviderRules.map(o.spec().get("target")).get("name"));
            managed.put(o.meta().namespace() + "/" + (target.isEmpty() ? o.meta().name() : target),
                    new String[]{Management.EXTERNAL_SECRET.name(), "ExternalSecret " + o.meta().name()});
        }
        for (CustomObjectInfo o : snap.customObjects("bitnami.com", "SealedSecret")) {
            managed.put(o.meta().namespace() + "/" + o.meta().name(),
                    new String[]{Management.SEALED_SECRET.name(), "SealedSecret " + o.meta().name()});
        }
        for (CustomObjectInfo o : snap.customObjects("secrets-store.csi.x-k8s.io", "SecretProviderClass")) {
            if (o.spec().get("secretObjects") instanceof List<?> l) {
                for (Object so : l) {
                    String n = ProviderRules.str(ProviderRules.map(so).get("secretName"));
                    if (!n.isEmpty()) {
                        managed.put(o.meta().namespace() + "/" + n, new String[]{Management.CSI_SYNC.name(),
                                "SecretProviderClass " + o.meta().name()});
                    }
                }
            }
        }
        for (CustomObjectInfo o : snap.customObjects("secrets.akeyless.io", "AkeylessSecret")) {
            String target = ProviderRules.str(ProviderRules.map(o.spec().get("target")).get("name"));
            managed.put(o.meta().namespace() + "/" + (target.isEmpty() ? o.meta().name() : target),
                    new String[]{Management.AKEYLESS.name(), "AkeylessSecret " + o.meta().name()});
        }
        List<Adoption> out = new ArrayList<>();
        for (SecretInfo s : snap.secrets()) {
            ObjectMeta m = s.meta();
            String[] by = managed.get(m.namespace() + "/" + m.name());
            Management mg;
            String who = "";
            if (by != null) {
                mg = Management.valueOf(by[0]);
                who = by[1];
            } else {
                ObjectMeta.OwnerRef owner = m.owners().stream().filter(ObjectMeta.OwnerRef::controller).findFirst()
                        .orElse(null);
                if (owner != null && owner.kind().equals("ExternalSecret")
                        || m.annotations().containsKey("reconcile.external-secrets.io/data-hash")
                        || m.labels().containsKey("reconcile.external-secrets.io/created-by")) {
                    mg = Management.EXTERNAL_SECRET;
                    who = owner != null ? "ExternalSecret " + owner.name() : "ExternalSecret (ESO labels)";
                } else if (owner != null && owner.kind().equals("SealedSecret")) {
                    mg = Management.SEALED_SECRET;
                    who = "SealedSecret " + owner.name();
                } else if (isSystem(s)) {
                    mg = Management.SYSTEM;
                    who = owner != null ? owner.kind() + " " + owner.name() : s.type();
                } else {
                    mg = Management.PLAIN;
                }
            }
            out.add(new Adoption(m.namespace(), m.name(), s.type(), s.keys().size(), mg, who));
        }
        out.sort(Comparator.comparing(Adoption::namespace).thenComparing(Adoption::name));
        return out;
    }

    /** Secrets Kubernetes or a tool manages itself (tokens, Helm releases, owned by another controller). */
    static boolean isSystem(SecretInfo s) {
        return SecretInfo.TYPE_SA_TOKEN.equals(s.type()) || SecretInfo.TYPE_HELM_RELEASE.equals(s.type())
                || SecretInfo.TYPE_BOOTSTRAP_TOKEN.equals(s.type())
                || s.meta().owners().stream().anyMatch(ObjectMeta.OwnerRef::controller);
    }
}
