package dev.kustodian.core.externalsecrets;

import dev.kustodian.core.output.Bundle.Problem;
import dev.kustodian.core.yaml.ObjectShape;
import dev.kustodian.core.yaml.YamlDocument;
import dev.kustodian.core.yaml.YamlException;
import dev.kustodian.core.yaml.YamlReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static dev.kustodian.core.externalsecrets.ProviderRules.list;
import static dev.kustodian.core.externalsecrets.ProviderRules.map;
import static dev.kustodian.core.externalsecrets.ProviderRules.str;

/**
 * {@code kustodian lint}: reads manifests (files or folders, multi-document YAML/JSON) and reports problems in ESO,
 * Secrets Store CSI, Sealed Secrets, Akeyless, EncryptionConfiguration and RBAC objects and plaintext Secrets. An
 * error means the object would be rejected, not served, or fail when used; a warning means it works but is risky
 * or deprecated.
 */
public final class ManifestLinter {

    /** An input that could not be read or parsed (exit 2). */
    public record Unreadable(String file, int line, String message) {
    }

    public record LintResult(int files, int objects, List<Problem> problems, List<Unreadable> unreadable,
                         List<String> notes) {
        public long errors() {
            return problems.stream().filter(p -> p.error()).count();
        }

        public long warnings() {
            return problems.stream().filter(p -> !p.error()).count();
        }

        /** 2 unreadable input, 1 error (or warning with strict), else 0. */
        public int exitCode(boolean strict) {
            if (!unreadable.isEmpty()) {
                return 2;
            }
            if (errors() > 0 || (strict && warnings() > 0)) {
                return 1;
            }
            return 0;
        }
    }

    private static final Set<String> EXT = Set.of(".yaml", ".yml", ".json");

    private final List<EncryptionConfigLint> encryptionLints;

    public ManifestLinter(List<EncryptionConfigLint> encryptionLints) {
        this.encryptionLints = List.copyOf(encryptionLints);
    }

    public LintResult lint(List<Path> inputs) {
        List<Path> files = new ArrayList<>();
        List<Unreadable> unreadable = new ArrayList<>();
        for (Path in : inputs) {
            if (Files.isDirectory(in)) {
                try (Stream<Path> s = Files.walk(in)) {
                    int before = files.size();
                    s.filter(Files::isRegularFile).filter(p -> EXT.stream().anyMatch(e -> p.getFileName().toString()
                                    .toLowerCase().endsWith(e)))
                            .filter(p -> !p.toString().contains("/.git/")).sorted().forEach(files::add);
                    if (files.size() == before) {
                        unreadable.add(new Unreadable(in.toString(), 0, "holds no .yaml, .yml or .json file; nothing "
                                + "was checked"));
                    }
                } catch (IOException e) {
                    unreadable.add(new Unreadable(in.toString(), 0, "folder cannot be read ("
                            + dev.kustodian.core.util.IoErrors.reason(e) + ")"));
                }
            } else if (Files.isRegularFile(in)) {
                files.add(in);
            } else {
                unreadable.add(new Unreadable(in.toString(), 0, "does not exist or is not a file or folder"));
            }
        }
        List<Problem> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int objects = 0;
        for (Path f : files) {
            List<YamlDocument> docs;
            try {
                docs = YamlReader.readWithFieldLines(f);
            } catch (YamlException e) {
                unreadable.add(new Unreadable(f.toString(), e.line(), e.getMessage()));
                continue;
            }
            for (YamlDocument d : docs) {
                List<Object> items = new ArrayList<>();
                boolean list = d.value() instanceof Map<?, ?> m && "List".equals(m.get("kind"))
                        && m.get("items") instanceof List<?>;
                if (list) {
                    items.addAll((List<?>) ((Map<?, ?>) d.value()).get("items"));
                } else {
                    items.add(d.value());
                }
                if (d.value() == null) {
                    continue; // an empty document ("---" twice)
                }
                if (d.value() instanceof Map<?, ?> m && "ClusterSnapshot".equals(m.get("kind"))
                        && m.get("apiVersion") instanceof String av && av.startsWith("kustodian.dev/")) {
                    unreadable.add(new Unreadable(f.toString(), d.line(), "is a Kustodian snapshot, not manifests: lint "
                            + "checks the YAML you apply (read a snapshot with 'kustodian scan --snapshot FILE')"));
                    continue;
                }
                if (!list && shapeProblems(d, f.toString(), problems)) {
                    continue;
                }
                for (int i = 0; i < items.size(); i++) {
                    String prefix = list ? "items[" + i + "]" : "";
                    if (list && shapeProblems(new YamlDocument(items.get(i), d.source(), d.lineOf(prefix),
                            prefixed(d.fieldLines(), prefix)), f.toString(), problems)) {
                        continue;
                    }
                    if (items.get(i) instanceof Map<?, ?> m && m.containsKey("apiVersion") && m.containsKey("kind")) {
                        objects++;
                        problems.addAll(lintObject(map(m), f.toString(), path -> d.lineOf(prefix.isEmpty() ? path
                                : path.isEmpty() ? prefix : prefix + "." + path), notes));
                    }
                }
            }
        }
        if (!files.isEmpty() && objects == 0 && problems.isEmpty() && unreadable.isEmpty()) {
            // nothing was checked: passing would hide a wrong path or an empty file
            unreadable.add(new Unreadable(files.size() == 1 ? files.get(0).toString()
                    : inputs.stream().map(Path::toString).collect(java.util.stream.Collectors.joining(", ")), 0,
                    "holds no Kubernetes object (no document with apiVersion and kind); nothing was checked"));
        }
        problems.sort(Comparator.comparing(Problem::file).thenComparingInt(Problem::line));
        return new LintResult(files.size(), objects, problems, unreadable, notes.stream().distinct().toList());
    }

    /**
     * Shape errors of a document (not a mapping, apiVersion/kind/metadata of the wrong type, a list where a mapping
     * belongs...): what kube-apiserver's decoder refuses before any other check. A mapping with neither apiVersion
     * nor kind is not a Kubernetes object (a values file, a patch) and is left alone. True when the document had
     * shape errors (they are added to {@code problems}).
     */
    private static boolean shapeProblems(YamlDocument d, String file, List<Problem> problems) {
        if (d.value() instanceof Map<?, ?> m && !m.containsKey("apiVersion") && !m.containsKey("kind")) {
            return false;
        }
        List<ObjectShape.Problem> shape = ObjectShape.check(d.value());
        if (shape.isEmpty()) {
            return false;
        }
        Map<?, ?> m = d.value() instanceof Map<?, ?> x ? x : Map.of();
        String kind = m.get("kind") instanceof String k ? k : "";
        String name = m.get("metadata") instanceof Map<?, ?> meta && meta.get("name") instanceof String n ? n : "";
        String ns = m.get("metadata") instanceof Map<?, ?> meta && meta.get("namespace") instanceof String n ? n : "";
        for (ObjectShape.Problem p : shape) {
            problems.add(Problem.error(p.path(), (p.path().isEmpty() ? "not a Kubernetes object: it " : "")
                    + p.message() + "; kube-apiserver would refuse it")
                    .at(new Problem.Location(file, d.lineOf(p.path()), kind, ns, name), "object-shape"));
        }
        return true;
    }

    /** The field lines under {@code prefix} ("items[2]"), relative to it. */
    private static Map<String, Integer> prefixed(Map<String, Integer> lines, String prefix) {
        Map<String, Integer> out = new java.util.HashMap<>();
        lines.forEach((k, v) -> {
            if (k.startsWith(prefix + ".")) {
                out.put(k.substring(prefix.length() + 1), v);
            }
        });
        return out;
    }

    /** Every problem of one object. */
    public List<Problem> lintObject(Map<String, Object> o, String file, int line, List<String> notes) {
        return lintObject(o, file, path -> line, notes);
    }

    /** Every problem of one object; {@code lineOf} gives the line of a field path. */
    public List<Problem> lintObject(Map<String, Object> o, String file,
                                        java.util.function.ToIntFunction<String> lineOf, List<String> notes) {
        String apiVersion = str(o.get("apiVersion"));
        String kind = str(o.get("kind"));
        Map<String, Object> meta = map(o.get("metadata"));
        String ns = str(meta.get("namespace"));
        String name = str(meta.get("name"));
        List<Problem> out = new ArrayList<>();
        java.util.function.BiConsumer<String, Problem> add = (rule, p) -> out.add(p.at(new Problem.Location(file,
                embeddedLine(o, p.path(), lineOf), kind, ns, name), rule));
        if (SchemaValidator.knows(apiVersion, kind)) {
            for (Problem p : SchemaValidator.get().validate(o)) {
                add.accept(p.path().equals("apiVersion") ? "unserved-version" : "schema", p);
            }
            SchemaValidator.get().deprecation(apiVersion, kind).ifPresent(w -> add.accept("deprecated-version",
                    new Problem("apiVersion", w, false)));
        } else if (RETIRED_GROUPS.containsKey(SchemaValidator.group(apiVersion))) {
            add.accept("unserved-version", retired(apiVersion, kind));
        } else if (SchemaValidator.group(apiVersion).equals("external-secrets.io")
                && !SchemaValidator.version(apiVersion).equals("v1")
                && Set.of("SecretStore", "ClusterSecretStore", "ExternalSecret", "ClusterExternalSecret").contains(kind)) {
            add.accept("unserved-version", new Problem("apiVersion", apiVersion + " is not served since ESO 0.17; use"
                    + " external-secrets.io/v1", true));
        }
        for (Problem p : ProviderRules.check(o)) {
            add.accept(apiVersion.startsWith("akeyless.io/") ? "nonexistent-api" : "provider-rule", p);
        }
        switch (kind) {
            case "Secret" -> {
                if (apiVersion.equals("v1") && !o.containsKey("sops")
                        && (!map(o.get("data")).isEmpty() || !map(o.get("stringData")).isEmpty())) {
                    add.accept("plaintext-secret", new Problem(o.containsKey("stringData") ? "stringData" : "data",
                            "plaintext Secret in the repository: anyone with read access to it has the values."
                                    + " Use an ExternalSecret, a SealedSecret or SOPS", false));
                }
            }
            case "Role", "ClusterRole" -> {
                if (apiVersion.startsWith("rbac.authorization.k8s.io/")) {
                    RbacLint.check(o).forEach(p -> add.accept(p.rule(), p.problem()));
                }
            }
            case "EncryptionConfiguration" -> {
                if (!apiVersion.equals("apiserver.config.k8s.io/v1")) {
                    add.accept("encryption-config", new Problem("apiVersion", apiVersion + " is not a known"
                            + " EncryptionConfiguration version (use apiserver.config.k8s.io/v1)", true));
                }
                if (encryptionLints.isEmpty()) {
                    notes.add("EncryptionConfiguration: only apiVersion and kind were checked (no encryption"
                            + " validator is installed in this build).");
                } else {
                    for (EncryptionConfigLint l : encryptionLints) {
                        l.check(o).forEach(p -> add.accept("encryption-config", p));
                    }
                }
            }
            default -> { }
        }
        return out;
    }

    /**
     * API groups that no current CRD serves, with the group that replaced them and why: an object in one of them is
     * refused by kube-apiserver ("no matches for kind") on every cluster that runs a current operator.
     */
    static final Map<String, String[]> RETIRED_GROUPS = Map.of(
            "secrets-store.csi.k8s.com", new String[]{"secrets-store.csi.x-k8s.io",
                    "the Secrets Store CSI Driver's group until 2020, renamed to secrets-store.csi.x-k8s.io; no"
                            + " current driver serves it"},
            "kubernetes-client.io", new String[]{"external-secrets.io",
                    "the group of kubernetes-external-secrets, archived in 2022; its ExternalSecret has another"
                            + " spec (rewrite it, e.g. with 'kustodian generate externalsecret')"});

    private static Problem retired(String apiVersion, String kind) {
        String[] to = RETIRED_GROUPS.get(SchemaValidator.group(apiVersion));
        String served = SchemaValidator.get().servedVersion(to[0], kind).map(v -> "; " + kind + " is served as "
                + to[0] + "/" + v).orElse("; " + to[0] + " serves no " + kind);
        return new Problem("apiVersion", apiVersion + " is served by no current CRD: " + to[1] + served, true);
    }

    /**
     * The line of {@code path}, also inside YAML embedded in a multi-line string (a SecretProviderClass's
     * {@code parameters.objects}, and the azure provider's strings inside its {@code array:}): the string's key line
     * plus the field's line in the string (a block scalar starts on the next line). Else {@code lineOf(path)}.
     */
    static int embeddedLine(Object root, String path, java.util.function.ToIntFunction<String> lineOf) {
        for (int cut = path.length(); cut > 0; cut = Math.max(path.lastIndexOf('.', cut - 1),
                path.lastIndexOf('[', cut - 1))) {
            String prefix = path.substring(0, cut);
            if (cut < path.length() && at(root, prefix) instanceof String text && text.contains("\n")) {
                String rest = path.substring(cut).startsWith(".") ? path.substring(cut + 1) : path.substring(cut);
                try {
                    List<YamlDocument> docs = YamlReader.readWithFieldLines(text, prefix);
                    if (!docs.isEmpty()) {
                        YamlDocument d = docs.get(0);
                        return lineOf.applyAsInt(prefix) + embeddedLine(d.value(), rest, d::lineOf);
                    }
                } catch (YamlException e) {
                    return lineOf.applyAsInt(prefix);
                }
            }
        }
        return lineOf.applyAsInt(path);
    }

    /** The value at {@code a.b[0].c} in maps and lists, or null. */
    private static Object at(Object root, String path) {
        Object cur = root;
        for (String part : path.replace("[", ".[").split("\\.")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.startsWith("[") && part.endsWith("]") && cur instanceof List<?> l) {
                int i = Integer.parseInt(part.substring(1, part.length() - 1));
                cur = i < l.size() ? l.get(i) : null;
            } else if (cur instanceof Map<?, ?> m) {
                cur = m.get(part);
            } else {
                return null;
            }
        }
        return cur;
    }

    /** A few risky-RBAC checks on Role/ClusterRole manifests. */
    static final class RbacLint {
        record Hit(String rule, Problem problem) {
        }

        static List<Hit> check(Map<String, Object> o) {
            List<Hit> out = new ArrayList<>();
            List<Object> rules = list(o.get("rules"));
            for (int i = 0; i < rules.size(); i++) {
                Map<String, Object> r = map(rules.get(i));
                List<String> verbs = strings(r.get("verbs"));
                List<String> resources = strings(r.get("resources"));
                List<String> groups = strings(r.get("apiGroups"));
                String base = "rules[" + i + "]";
                if (verbs.contains("*") || resources.contains("*") || groups.contains("*")) {
                    out.add(new Hit("rbac-wildcard", new Problem(base, "wildcard ('*') in "
                            + (verbs.contains("*") ? "verbs" : resources.contains("*") ? "resources" : "apiGroups")
                            + ": grants everything, including Secrets and future resources", false)));
                }
                boolean secrets = (resources.contains("secrets") || resources.contains("*"))
                        && (groups.isEmpty() || groups.contains("") || groups.contains("*"));
                if (secrets && strings(r.get("resourceNames")).isEmpty()
                        && (verbs.contains("list") || verbs.contains("watch") || verbs.contains("*"))) {
                    out.add(new Hit("rbac-secrets-list", new Problem(base, "list/watch on secrets returns every"
                            + " Secret value in " + (str(o.get("kind")).equals("ClusterRole") ? "the cluster (where bound"
                            + " cluster-wide)" : "the namespace") + "; use get with resourceNames", false)));
                }
                for (String v : List.of("escalate", "bind", "impersonate")) {
                    if (verbs.contains(v)) {
                        out.add(new Hit("rbac-escalation", new Problem(base, "verb '" + v + "' lets the holder gain"
                                + " permissions it does not have", false)));
                    }
                }
            }
            return out;
        }

        private static List<String> strings(Object o) {
            return list(o).stream().map(String::valueOf).toList();
        }
    }
}
