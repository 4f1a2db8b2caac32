package dev.kustodian.core.externalsecrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.kustodian.core.output.Bundle.Problem;
import dev.kustodian.core.yaml.YamlReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates a Kubernetes custom object (as a map) against the {@code openAPIV3Schema} of its CRD, bundled under
 * {@code /kustodian/crds/}. The structural schema is turned into a JSON schema (draft 7) for the networknt validator:
 * <ul>
 *   <li>unknown fields are errors ({@code additionalProperties: false} wherever a schema lists {@code properties}
 *   and is not {@code x-kubernetes-preserve-unknown-fields}), because the API server would silently prune them;</li>
 *   <li>{@code x-kubernetes-int-or-string} becomes integer-or-string, {@code nullable} adds "null";</li>
 *   <li>{@code format} and the CEL {@code x-kubernetes-validations} are not checked (the API server checks them).</li>
 * </ul>
 * Problems carry the field path (e.g. {@code spec.provider.vault.server}). Thread-safe; schemas are compiled once.
 */
public final class SchemaValidator {

    /** A bundled CRD: group, kind, resource file. */
    public record CrdResource(String group, String kind, String file) {
    }

    public static final List<CrdResource> BUNDLED = List.of(
            new CrdResource("external-secrets.io", "SecretStore", "external-secrets.io_secretstores.yaml"),
            new CrdResource("external-secrets.io", "ClusterSecretStore", "external-secrets.io_clustersecretstores.yaml"),
            new CrdResource("external-secrets.io", "ExternalSecret", "external-secrets.io_externalsecrets.yaml"),
            new CrdResource("external-secrets.io", "ClusterExternalSecret",
                    "external-secrets.io_clusterexternalsecrets.yaml"),
            new CrdResource("external-secrets.io", "PushSecret", "external-secrets.io_pushsecrets.yaml"),
            new CrdResource("secrets-store.csi.x-k8s.io", "SecretProviderClass",
                    "secrets-store.csi.x-k8s.io_secretproviderclasses.yaml"),
            new CrdResource("bitnami.com", "SealedSecret", "bitnami.com_sealedsecrets.yaml"),
            new CrdResource("secrets.akeyless.io", "AkeylessSecretStore", "secrets.akeyless.io_akeylesssecretstores.yaml"),
            new CrdResource("secrets.akeyless.io", "ClusterAkeylessSecretStore",
                    "secrets.akeyless.io_clusterakeylesssecretstores.yaml"),
            new CrdResource("secrets.akeyless.io", "AkeylessSecret", "secrets.akeyless.io_akeylesssecrets.yaml"),
            new CrdResource("wgpolicyk8s.io", "PolicyReport", "wgpolicyk8s.io_policyreports.yaml"),
            new CrdResource("wgpolicyk8s.io", "ClusterPolicyReport", "wgpolicyk8s.io_clusterpolicyreports.yaml"),
            new CrdResource("openreports.io", "Report", "openreports.io_reports.yaml"),
            new CrdResource("openreports.io", "ClusterReport", "openreports.io_clusterreports.yaml"));

    private static final SchemaValidator INSTANCE = new SchemaValidator();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, Map<String, Object>> crdCache = new ConcurrentHashMap<>();
    private final Map<String, JsonSchema> schemaCache = new ConcurrentHashMap<>();
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
            .pathType(PathType.LEGACY).formatAssertionsEnabled(false).build();

    public static SchemaValidator get() {
        return INSTANCE;
    }

    /**
     * Loads and compiles every bundled schema for its served versions (from the precompiled index: well under a
     * second; 5 s when the index is missing and the 690 KB store CRDs are parsed). The GUI calls it on a background
     * thread at start; otherwise the first validation of each kind pays its share.
     */
    public void preload() {
        for (CrdResource c : BUNDLED) {
            versions(c.group(), c.kind()).forEach((v, served) -> {
                if (served) {
                    schemaCache.computeIfAbsent(c.file() + "#" + v, k -> compile(c, v));
                }
            });
        }
    }

    /** The bundled CRD for this group and kind, if any. */
    public static Optional<CrdResource> bundled(String group, String kind) {
        return BUNDLED.stream().filter(c -> c.group().equals(group) && c.kind().equals(kind)).findFirst();
    }

    /** Whether we have a schema for this apiVersion's group and this kind. */
    public static boolean knows(String apiVersion, String kind) {
        return bundled(group(apiVersion), kind).isPresent();
    }

    static String group(String apiVersion) {
        int i = apiVersion == null ? -1 : apiVersion.indexOf('/');
        return i < 0 ? "" : apiVersion.substring(0, i);
    }

    static String version(String apiVersion) {
        int i = apiVersion == null ? -1 : apiVersion.indexOf('/');
        return i < 0 ? String.valueOf(apiVersion) : apiVersion.substring(i + 1);
    }

    /** The versions a bundled CRD defines, with their served flag: name → served. */
    public Map<String, Boolean> versions(String group, String kind) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        bundled(group, kind).ifPresent(c -> {
            for (Map<String, Object> v : versionList(c)) {
                out.put(String.valueOf(v.get("name")), Boolean.TRUE.equals(v.get("served")));
            }
        });
        return out;
    }

    /** The version to write for this bundled group and kind: the first served, not deprecated one (else served). */
    public Optional<String> servedVersion(String group, String kind) {
        Optional<CrdResource> res = bundled(group, kind);
        if (res.isEmpty()) {
            return Optional.empty();
        }
        List<Map<String, Object>> served = versionList(res.get()).stream()
                .filter(v -> Boolean.TRUE.equals(v.get("served"))).toList();
        return served.stream().filter(v -> !Boolean.TRUE.equals(v.get("deprecated"))).findFirst()
                .or(() -> served.stream().findFirst()).map(v -> String.valueOf(v.get("name")));
    }

    /** The deprecation warning of a served version (CRD {@code deprecated}/{@code deprecationWarning}), if any. */
    public Optional<String> deprecation(String apiVersion, String kind) {
        Optional<CrdResource> res = bundled(group(apiVersion), kind);
        if (res.isEmpty()) {
            return Optional.empty();
        }
        for (Map<String, Object> v : versionList(res.get())) {
            if (version(apiVersion).equals(v.get("name")) && Boolean.TRUE.equals(v.get("served"))
                    && (Boolean.TRUE.equals(v.get("deprecated")) || v.get("deprecationWarning") != null)) {
                Object w = v.get("deprecationWarning");
                return Optional.of(w != null ? String.valueOf(w) : apiVersion + " " + kind + " is deprecated");
            }
        }
        return Optional.empty();
    }

    /**
     * Validates one object. Unknown group/kind → no problems (not ours). A version the CRD does not define or does
     * not serve is one error and the schema is not checked.
     */
    public List<Problem> validate(Map<String, Object> object) {
        String apiVersion = String.valueOf(object.get("apiVersion"));
        String kind = String.valueOf(object.get("kind"));
        Optional<CrdResource> res = bundled(group(apiVersion), kind);
        if (res.isEmpty()) {
            return List.of();
        }
        String version = version(apiVersion);
        Map<String, Boolean> versions = versions(res.get().group(), kind);
        if (!versions.containsKey(version)) {
            return List.of(new Problem("apiVersion", apiVersion + " is not served for " + kind + " (the current CRD"
                    + " defines " + String.join(", ", versions.keySet()) + "); use " + res.get().group() + "/"
                    + servedVersion(res.get().group(), kind).orElse("?"), true));
        }
        if (!versions.get(version)) {
            return List.of(new Problem("apiVersion", apiVersion + " is not served for " + kind
                    + (res.get().group().equals("external-secrets.io") ? " since ESO 0.17" : "")
                    + "; use " + res.get().group() + "/" + servedVersion(res.get().group(), kind).orElse("?")
                    + " (a plain rename)", true));
        }
        JsonSchema schema = schemaCache.computeIfAbsent(res.get().file() + "#" + version,
                k -> compile(res.get(), version));
        JsonNode node = MAPPER.valueToTree(object);
        Set<ValidationMessage> messages = schema.validate(node);
        List<Problem> problems = new ArrayList<>();
        for (ValidationMessage m : messages) {
            problems.add(toProblem(m));
        }
        problems.sort(Comparator.comparing(Problem::path).thenComparing(Problem::message));
        return problems;
    }

    private static Problem toProblem(ValidationMessage m) {
        String path = m.getInstanceLocation().toString();
        if (path.startsWith("$")) {
            path = path.substring(1);
        }
        if (path.startsWith(".")) {
            path = path.substring(1);
        }
        String type = m.getType();
        String msg = m.getError();
        if (msg == null) {
            msg = m.getMessage();
        }
        if (("additionalProperties".equals(type) || "required".equals(type)) && m.getProperty() != null) {
            path = path.isEmpty() ? m.getProperty() : path + "." + m.getProperty();
            msg = "additionalProperties".equals(type)
                    ? "unknown field (not in the " + "CRD schema; the API server would drop it)"
                    : "required field is missing";
        } else {
            // networknt prefixes the location; keep only the rule
            int i = msg.indexOf(": ");
            if (msg.startsWith("$") && i > 0) {
                msg = msg.substring(i + 2);
            }
        }
        return new Problem(path, msg, true);
    }

    /**
     * The CRD's versions with their served/deprecated flags and the converted JSON schema of each served version:
     * {@code {"versions":[{"name","served","deprecated","deprecationWarning","schema"}]}}. Read from the
     * precompiled index {@code /kustodian/crds/compiled/<file>.json} (about 0.1 s instead of 2-5 s for parsing the
     * 690 KB YAML and converting it); computed from the YAML when the index is missing. A test checks the index
     * matches the YAML ({@link #compileIndex}).
     */
    private Map<String, Object> index(CrdResource c) {
        return crdCache.computeIfAbsent(c.file(), f -> {
            String compiled = "/kustodian/crds/compiled/" + f.replaceAll("\\.yaml$", ".json");
            try (InputStream in = SchemaValidator.class.getResourceAsStream(compiled)) {
                if (in != null) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> m = MAPPER.readValue(in, Map.class);
                    return m;
                }
            } catch (IOException e) {
                // fall back to the YAML below
            }
            return compileIndex(readCrd(f));
        });
    }

    /** Reads a bundled CRD YAML. */
    static Map<String, Object> readCrd(String file) {
        String path = "/kustodian/crds/" + file;
        try (InputStream in = SchemaValidator.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Bundled CRD " + path + " is missing from the jar");
            }
            return YamlReader.readMap(new String(in.readAllBytes(), StandardCharsets.UTF_8), path);
        } catch (IOException e) {
            throw new IllegalStateException("Bundled CRD " + path + " cannot be read", e);
        }
    }

    /** The index of one CRD (see {@link #index}): versions, flags, converted schema of served versions. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> compileIndex(Map<String, Object> crd) {
        List<Object> versions = new ArrayList<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) ((Map<String, Object>) crd.get("spec")).get("versions")) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("name", String.valueOf(v.get("name")));
            boolean served = Boolean.TRUE.equals(v.get("served"));
            out.put("served", served);
            out.put("deprecated", Boolean.TRUE.equals(v.get("deprecated")));
            if (v.get("deprecationWarning") != null) {
                out.put("deprecationWarning", String.valueOf(v.get("deprecationWarning")));
            }
            if (served && v.get("schema") instanceof Map<?, ?> schema
                    && schema.get("openAPIV3Schema") instanceof Map<?, ?> open) {
                Map<String, Object> json = convert((Map<String, Object>) open);
                json.put("$schema", "http://json-schema.org/draft-07/schema#");
                out.put("schema", json);
            }
            versions.add(out);
        }
        Map<String, Object> idx = new LinkedHashMap<>();
        idx.put("versions", versions);
        return idx;
    }

    /** The JSON text of a CRD's index, as shipped under {@code resources/crds/compiled/}. */
    static String indexJson(Map<String, Object> index) {
        try {
            return MAPPER.writeValueAsString(index) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> versionList(CrdResource c) {
        return (List<Map<String, Object>>) index(c).get("versions");
    }

    @SuppressWarnings("unchecked")
    private JsonSchema compile(CrdResource c, String version) {
        Map<String, Object> v = versionList(c).stream().filter(x -> version.equals(x.get("name")))
                .findFirst().orElseThrow();
        return factory.getSchema(MAPPER.valueToTree(v.get("schema")), config);
    }

    /** Structural OpenAPI v3 schema → JSON schema draft 7, recursively (only schema positions are converted). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> convert(Map<String, Object> s) {
        Map<String, Object> out = new LinkedHashMap<>();
        boolean preserve = Boolean.TRUE.equals(s.get("x-kubernetes-preserve-unknown-fields"));
        boolean nullable = Boolean.TRUE.equals(s.get("nullable"));
        for (Map.Entry<String, Object> e : s.entrySet()) {
            String k = e.getKey();
            Object val = e.getValue();
            switch (k) {
                case "properties" -> {
                    Map<String, Object> props = new LinkedHashMap<>();
                    ((Map<String, Object>) val).forEach((name, sub) -> props.put(name, convert((Map<String, Object>) sub)));
                    out.put("properties", props);
                }
                case "items", "not" -> out.put(k, val instanceof Map ? convert((Map<String, Object>) val) : val);
                case "additionalProperties" -> out.put(k, val instanceof Map ? convert((Map<String, Object>) val) : val);
                case "oneOf", "anyOf", "allOf" -> {
                    List<Object> list = new ArrayList<>();
                    for (Object o : (List<Object>) val) {
                        list.add(convert((Map<String, Object>) o));
                    }
                    out.put(k, list);
                }
                case "type", "enum", "required", "pattern", "maxLength", "minLength", "maximum", "minimum",
                     "maxItems", "minItems", "maxProperties", "minProperties", "exclusiveMaximum",
                     "exclusiveMinimum", "multipleOf", "uniqueItems" -> out.put(k, val);
                default -> {
                    // description, default, format, x-kubernetes-*: not validated here
                }
            }
        }
        if (Boolean.TRUE.equals(s.get("x-kubernetes-int-or-string"))) {
            out.remove("type");
            out.put("type", List.of("integer", "string"));
        }
        if (nullable && out.get("type") instanceof String t) {
            out.put("type", List.of(t, "null"));
        }
        if (nullable && out.containsKey("enum")) {
            List<Object> en = new ArrayList<>((List<Object>) out.get("enum"));
            en.add(null);
            out.put("enum", en);
        }
        if (out.containsKey("properties") && !preserve && !s.containsKey("additionalProperties")) {
            out.put("additionalProperties", false);
        }
        return out;
    }
}
