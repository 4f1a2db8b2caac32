package dev.kustodian.core.encryption;

import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.encryption.EncryptionConfig.Key;
import dev.kustodian.core.encryption.EncryptionConfig.Kms;
import dev.kustodian.core.encryption.EncryptionConfig.Provider;
import dev.kustodian.core.encryption.EncryptionConfig.ResourceEntry;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * kube-apiserver's validation of an EncryptionConfiguration (staging/src/k8s.io/apiserver/pkg/apis/apiserver/
 * validation/validation_encryption.go) plus the loader's masking check (encryptionconfig/config.go), with the same
 * field paths and messages. Key material is never part of a message (upstream prints "REDACTED" as the value).
 */
public final class EncryptionConfigValidator {
    static final String MORE_THAN_ONE = "more than one provider specified in a single element, should split into different list elements";
    static final String KEY_LEN = "secret is not of the expected length, got %d, expected one of %s";
    static final String UNSUPPORTED_SCHEME = "unsupported scheme \"%s\" for KMS provider, only unix is supported";
    static final String UNSUPPORTED_KMS_API = "unsupported apiVersion %s for KMS provider, only v1 and v2 are supported";
    static final String AT_LEAST_ONE = "at least one %s is required";
    static final String INVALID_URL = "invalid endpoint for kms provider, error: %s";
    static final String MANDATORY = "%s is a mandatory field for a %s";
    static final String BASE64 = "secrets must be base64 encoded";
    static final String ZERO_OR_NEGATIVE = "%s should be a positive value";
    static final String NON_ZERO = "%s should be a positive value, or negative to disable";
    static final String INVALID_KMS_NAME = "invalid KMS provider name %s, must not contain ':'";
    static final String DUPLICATE_KMS_NAME = "duplicate KMS provider name %s, names must be unique";
    static final String EVENTS_GROUP = "'*.events.k8s.io' objects are stored using the 'events' API group in etcd. Use 'events' instead in the config file";
    static final String EXTENSIONS_GROUP = "'extensions' group has been removed and cannot be used for encryption";
    static final String STAR_RESOURCE = "use '*.' to encrypt all the resources from core API group or *.* to encrypt all resources";
    static final String OVERLAP = "using overlapping resources such as 'secrets' and '*.' in the same resource list is not allowed as they will be masked";
    static final String NON_REST = "resources which do not have REST API/s cannot be encrypted";
    static final String RESOURCE_NAME = "resource name should not contain capital letters";
    static final String ACROSS_GROUPS = "encrypting the same resource across groups is not supported";
    static final String DUPLICATE_RESOURCE = "the same resource cannot be specified multiple times";
    static final String NO_PROVIDER = "provider does not contain any of the expected providers: KMS, AESGCM, AESCBC, Secretbox, Identity";

    static final List<Integer> AES_SIZES = List.of(16, 24, 32);
    static final List<Integer> SECRETBOX_SIZES = List.of(32);

    private EncryptionConfigValidator() {
    }

    /** A group/resource as schema.ParseGroupResource splits it: "secrets" → ("", secrets), "*.apps" → (apps, *). */
    record GroupResource(String group, String resource) {
        static GroupResource parse(String s) {
            int i = s.indexOf('.');
            return i < 0 ? new GroupResource("", s) : new GroupResource(s.substring(i + 1), s.substring(0, i));
        }

        /** grYAMLString of the loader. */
        String yaml() {
            if (group.isEmpty() && resource.equals("*")) {
                return "*.";
            }
            return group.isEmpty() ? resource : resource + "." + group;
        }
    }

    static final GroupResource ANY_ANY = new GroupResource("*", "*");

    /**
     * Validates a decoded config. {@code reload} is {@code --encryption-provider-config-automatic-reload} (it makes
     * KMS v1 names subject to the uniqueness rule too).
     */
    public static List<Bundle.Problem> validate(EncryptionConfig c, boolean reload) {
        List<Bundle.Problem> errs = new ArrayList<>();
        if (c == null) {
            errs.add(Bundle.Problem.required("resources", "EncryptionConfiguration can't be nil"));
            return errs;
        }
        if (c.resources().isEmpty()) {
            errs.add(Bundle.Problem.required("resources", AT_LEAST_ONE.formatted("resources")));
            return errs;
        }
        Set<String> kmsNames = new HashSet<>();
        for (int i = 0; i < c.resources().size(); i++) {
            ResourceEntry conf = c.resources().get(i);
            String r = "resources[" + i + "].resources";
            String p = "resources[" + i + "].providers";
            if (conf.resources().isEmpty()) {
                errs.add(Bundle.Problem.required(r, AT_LEAST_ONE.formatted(r)));
            }
            errs.addAll(validateResourceOverlap(conf.resources(), r));
            errs.addAll(validateResourceNames(conf.resources(), r));
            if (conf.providers().isEmpty()) {
                errs.add(Bundle.Problem.required(p, AT_LEAST_ONE.formatted(p)));
            }
            for (int j = 0; j < conf.providers().size(); j++) {
                Provider provider = conf.providers().get(j);
                String path = p + "[" + j + "]";
                errs.addAll(validateSingleProvider(provider, path));
                if (provider.type() == null) {
                    continue;
                }
                switch (provider.type()) {
                    case KMS -> {
                        Kms kms = provider.kms();
                        errs.addAll(validateKms(kms, path + ".kms", kmsNames, reload));
                        kmsNames.add(kms.name());
                    }
                    case AESGCM -> errs.addAll(validateKeys(provider.keys(), path + ".aesgcm.keys", AES_SIZES));
                    case AESCBC -> errs.addAll(validateKeys(provider.keys(), path + ".aescbc.keys", AES_SIZES));
                    case SECRETBOX -> errs.addAll(validateKeys(provider.keys(), path + ".secretbox.keys", SECRETBOX_SIZES));
                    default -> {
                    }
                }
            }
        }
        errs.addAll(validateMasking(c));
        return errs;
    }

    /** The loader's check: a resource listed after an earlier {@code *.group} or {@code *.*} entry is masked. */
    static List<Bundle.Problem> validateMasking(EncryptionConfig c) {
        List<Bundle.Problem> errs = new ArrayList<>();
        Map<GroupResource, Boolean> seen = new HashMap<>();
        for (int i = 0; i < c.resources().size(); i++) {
            List<String> names = c.resources().get(i).resources();
            for (int j = 0; j < names.size(); j++) {
                GroupResource gr = GroupResource.parse(names.get(j));
                GroupResource anyInGroup = new GroupResource(gr.group(), "*");
                String path = "resources[" + i + "].resources[" + j + "]";
                if (seen.containsKey(anyInGroup)) {
                    errs.add(Bundle.Problem.error(path, "resource \"" + gr.yaml() + "\" is masked by earlier rule \""
                            + anyInGroup.yaml() + "\""));
                    return errs;
                }
                if (seen.containsKey(ANY_ANY)) {
                    errs.add(Bundle.Problem.error(path, "resource \"" + gr.yaml() + "\" is masked by earlier rule \""
                            + ANY_ANY.yaml() + "\""));
                    return errs;
                }
            }
            for (String n : names) {
                seen.put(GroupResource.parse(n), true);
            }
        }
        return errs;
    }

    static List<Bundle.Problem> validateResourceOverlap(List<String> resources, String path) {
        List<Bundle.Problem> errs = new ArrayList<>();
        if (resources.size() < 2) {
            return errs;
        }
        List<GroupResource> r = resources.stream().map(GroupResource::parse).toList();
        boolean overlap = false;
        boolean duplicate = false;
        for (int i = 0; i < r.size(); i++) {
            for (int j = 0; j < r.size(); j++) {
                if (i == j) {
                    continue;
                }
                GroupResource r1 = r.get(i);
                GroupResource r2 = r.get(j);
                if (r1.equals(r2) && !duplicate) {
                    duplicate = true;
                    continue;
                }
                if (overlap) {
                    continue;
                }
                if (r1.equals(ANY_ANY)) {
                    overlap = true;
                    continue;
                }
                if (!r1.group().equals(r2.group())) {
                    continue;
                }
                if (r1.resource().equals("*") || r2.resource().equals("*")) {
                    overlap = true;
                }
            }
        }
        String joined = String.join(",", resources);
        if (duplicate) {
            errs.add(Bundle.Problem.invalid(path, joined, DUPLICATE_RESOURCE));
        }
        if (overlap) {
            errs.add(Bundle.Problem.invalid(path, joined, OVERLAP));
        }
        return errs;
    }

    static List<Bundle.Problem> validateResourceNames(List<String> resources, String path) {
        List<Bundle.Problem> errs = new ArrayList<>();
        for (int j = 0; j < resources.size(); j++) {
            String res = resources.get(j);
            String jj = path + "[" + j + "]";
            if (!res.equals(res.toLowerCase(java.util.Locale.ROOT))) {
                errs.add(Bundle.Problem.invalid(jj, res, RESOURCE_NAME));
                continue;
            }
            if (res.equals("*")) {
                errs.add(Bundle.Problem.invalid(jj, res, STAR_RESOURCE));
                continue;
            }
            if (res.equals("apiserveripinfo") || res.equals("serviceipallocations")
                    || res.equals("servicenodeportallocations")) {
                errs.add(Bundle.Problem.invalid(jj, res, NON_REST));
                continue;
            }
            GroupResource gr = GroupResource.parse(res);
            if (gr.group().equals("events.k8s.io")) {
                errs.add(Bundle.Problem.invalid(jj, res, EVENTS_GROUP));
                continue;
            }
            if (gr.group().equals("extensions")) {
                errs.add(Bundle.Problem.invalid(jj, res, EXTENSIONS_GROUP));
                continue;
            }
            if (gr.group().equals("*") && !gr.resource().equals("*")) {
                errs.add(Bundle.Problem.invalid(jj, res, ACROSS_GROUPS));
            }
        }
        return errs;
    }

    static List<Bundle.Problem> validateSingleProvider(Provider p, String path) {
        if (p.present().isEmpty()) {
            return List.of(Bundle.Problem.invalid(path, "Provider", NO_PROVIDER));
        }
        if (p.present().size() > 1) {
            return List.of(Bundle.Problem.invalid(path, "Provider", MORE_THAN_ONE));
        }
        return List.of();
    }

    static List<Bundle.Problem> validateKeys(List<Key> keys, String path, List<Integer> sizes) {
        List<Bundle.Problem> errs = new ArrayList<>();
        if (keys.isEmpty()) {
            errs.add(Bundle.Problem.required(path, AT_LEAST_ONE.formatted("keys")));
            return errs;
        }
        for (int i = 0; i < keys.size(); i++) {
            errs.addAll(validateKey(keys.get(i), path + "[" + i + "]", sizes));
        }
        return errs;
    }

    static List<Bundle.Problem> validateKey(Key key, String path, List<Integer> sizes) {
        List<Bundle.Problem> errs = new ArrayList<>();
        if (key.name() == null || key.name().isEmpty()) {
            errs.add(Bundle.Problem.required(path + ".name", MANDATORY.formatted("name", "key")));
        }
        if (key.secret() == null || key.secret().isEmpty()) {
            errs.add(Bundle.Problem.required(path + ".secret", MANDATORY.formatted("secret", "key")));
            return errs;
        }
        byte[] secret;
        try {
            secret = Base64.getDecoder().decode(key.secret());
        } catch (IllegalArgumentException e) {
            errs.add(Bundle.Problem.invalid(path + ".secret", "REDACTED", BASE64));
            return errs;
        }
        int len = secret.length;
        java.util.Arrays.fill(secret, (byte) 0);
        if (!sizes.contains(len)) {
            errs.add(Bundle.Problem.invalid(path + ".secret", "REDACTED", KEY_LEN.formatted(len,
                    sizes.toString().replace(",", ""))));
        }
        return errs;
    }

    static List<Bundle.Problem> validateKms(Kms c, String path, Set<String> names, boolean reload) {
        List<Bundle.Problem> errs = new ArrayList<>();
        // name
        if (c.name().isEmpty()) {
            errs.add(Bundle.Problem.required(path + ".name", MANDATORY.formatted("name", "provider")));
        }
        if (!"v1".equals(c.apiVersion()) && c.name().contains(":")) {
            errs.add(Bundle.Problem.invalid(path + ".name", c.name(), INVALID_KMS_NAME.formatted(c.name())));
        }
        if ((reload || !"v1".equals(c.apiVersion())) && names.contains(c.name())) {
            errs.add(Bundle.Problem.invalid(path + ".name", c.name(), DUPLICATE_KMS_NAME.formatted(c.name())));
        }
        // timeout
        if (c.timeout().isZero() || c.timeout().isNegative()) {
            errs.add(Bundle.Problem.invalid(path + ".timeout", c.timeoutText() == null ? "0s" : c.timeoutText(),
                    ZERO_OR_NEGATIVE.formatted("timeout")));
        }
        // endpoint
        errs.addAll(validateEndpoint(c.endpoint(), path + ".endpoint"));
        // cachesize
        if (!"v1".equals(c.apiVersion()) && c.cachesize() != null) {
            errs.add(Bundle.Problem.invalid(path + ".cachesize", c.cachesize(), "cachesize is not supported in v2"));
        }
        if ("v1".equals(c.apiVersion()) && c.cachesize() != null && c.cachesize() == 0) {
            errs.add(Bundle.Problem.invalid(path + ".cachesize", 0, NON_ZERO.formatted("cachesize")));
        }
        // apiVersion
        if (!"v1".equals(c.apiVersion()) && !"v2".equals(c.apiVersion())) {
            errs.add(Bundle.Problem.invalid(path + ".apiVersion", c.apiVersion(), UNSUPPORTED_KMS_API.formatted("apiVersion")));
        }
        return errs;
    }

    static List<Bundle.Problem> validateEndpoint(String endpoint, String path) {
        if (endpoint == null || endpoint.isEmpty()) {
            return List.of(Bundle.Problem.invalid(path, "", MANDATORY.formatted("endpoint", "kms")));
        }
        String scheme;
        try {
            URI u = new URI(endpoint);
            scheme = u.getScheme() == null ? "" : u.getScheme();
        } catch (URISyntaxException e) {
            return List.of(Bundle.Problem.invalid(path, endpoint, INVALID_URL.formatted(e.getReason())));
        }
        if (!scheme.equals("unix")) {
            return List.of(Bundle.Problem.invalid(path, endpoint, UNSUPPORTED_SCHEME.formatted(scheme)));
        }
        return List.of();
    }

    /**
     * Extra checks Kustodian adds (not upstream errors, reported as warnings): key names containing ':' (they end up
     * inside the etcd prefix {@code k8s:enc:aescbc:v1:<name>:}) and duplicate key names in one provider.
     */
    public static List<Bundle.Problem> extraWarnings(EncryptionConfig c) {
        List<Bundle.Problem> w = new ArrayList<>();
        for (int i = 0; i < c.resources().size(); i++) {
            List<Provider> ps = c.resources().get(i).providers();
            for (int j = 0; j < ps.size(); j++) {
                Provider p = ps.get(j);
                if (p.type() == null || p.keys().isEmpty()) {
                    continue;
                }
                Set<String> names = new HashSet<>();
                for (int k = 0; k < p.keys().size(); k++) {
                    String n = p.keys().get(k).name();
                    String path = "resources[" + i + "].providers[" + j + "]." + p.type().field() + ".keys[" + k + "].name";
                    if (n != null && n.contains(":")) {
                        w.add(Bundle.Problem.warning(path, "key name \"" + n + "\" contains ':'; it becomes part of the etcd "
                                + "prefix and makes stored values ambiguous. Use a name without ':'."));
                    }
                    if (n != null && !n.isEmpty() && !names.add(n)) {
                        w.add(Bundle.Problem.warning(path, "key name \"" + n + "\" is used twice in this provider; values "
                                + "are tagged with the key name, so the second key can never be told apart."));
                    }
                }
            }
        }
        return w;
    }
}
