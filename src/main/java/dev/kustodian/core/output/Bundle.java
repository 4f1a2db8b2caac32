package dev.kustodian.core.output;

import dev.kustodian.core.yaml.YamlWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * What a wizard or generator produces: files to commit, plus the warnings and next steps to show beside them.
 * Every wizard, every {@code kustodian generate ...} command and every fix produce a Bundle; previews, copy,
 * "save to folder" ({@link FolderWriter}) and "apply" ({@code ClusterPort.apply}) take one.
 *
 * @param problems validation errors; a bundle with problems must not be saved or applied
 */
public record Bundle(String title, List<Manifest> manifests, List<Problem> problems, List<String> warnings,
                     List<String> nextSteps) {

    public Bundle {
        manifests = List.copyOf(manifests);
        problems = problems == null ? List.of() : List.copyOf(problems);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        nextSteps = nextSteps == null ? List.of() : List.copyOf(nextSteps);
    }

    public static Bundle of(String title, List<Manifest> manifests) {
        return new Bundle(title, manifests, List.of(), List.of(), List.of());
    }

    /**
     * The one problem type (generation requests, kube-apiserver-style validation, lint): {@code path} the field, like
     * {@code spec.provider.vault.server} or {@code resources[0].providers[1].aescbc.keys[0].secret}; a message that
     * names the rule; error or warning; optionally where it is ({@link Location}: file, line, object) and the id of
     * the rule that found it (lint). Key material and secret values are never part of it.
     */
    public record Problem(String path, String message, boolean error, Location location, String rule) {
        private static final java.util.regex.Pattern FIELD = java.util.regex.Pattern.compile("\\{([A-Za-z0-9]+)}");

        /** Where a problem is: a file and line (0: unknown), and the object it is about (empty when none). */
        public record Location(String file, int line, String kind, String namespace, String name) {
        }

        public Problem(String path, String message, boolean error) {
            this(path, message, error, null, null);
        }

        /** An error at {@code path}. */
        public static Problem error(String path, String message) {
            return new Problem(path, message, true);
        }

        /** A warning at {@code path}. */
        public static Problem warning(String path, String message) {
            return new Problem(path, message, false);
        }

        /** kube-apiserver's field.Error "Required value: ..." at {@code path}. */
        public static Problem required(String path, String detail) {
            return error(path, "Required value: " + detail);
        }

        /** kube-apiserver's field.Error "Invalid value: "x": ..." at {@code path}. */
        public static Problem invalid(String path, Object value, String detail) {
            String v = value instanceof String s ? "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""
                    : String.valueOf(value);
            return error(path, "Invalid value: " + v + ": " + detail);
        }

        /** This problem located in a file (and object), found by {@code rule}. */
        public Problem at(Location where, String ruleId) {
            return new Problem(path, message, error, where, ruleId);
        }

        public String file() {
            return location == null ? "" : location.file();
        }

        public int line() {
            return location == null ? 0 : location.line();
        }

        public String kind() {
            return location == null ? "" : location.kind();
        }

        public String namespace() {
            return location == null ? "" : location.namespace();
        }

        public String name() {
            return location == null ? "" : location.name();
        }

        /** The field, or "" for the whole object or file. */
        public String field() {
            return path == null ? "" : path;
        }

        /** "error" or "warning", as the CLI prints it. */
        public String level() {
            return error ? "error" : "warning";
        }

        /** kube-apiserver's field.Error form: "path: message", the message alone without a path. */
        public String describe() {
            return path == null || path.isEmpty() ? message : path + ": " + message;
        }

        /**
         * This problem with the {@code {key}} field tokens of a request's message named for the reader: the CLI
         * names flags ({@code --vault-server}), a wizard its field labels; a token {@code fieldName} gives null for
         * stays as it is.
         */
        public Problem render(java.util.function.Function<String, String> fieldName) {
            if (message == null || message.indexOf('{') < 0) {
                return this;
            }
            java.util.regex.Matcher m = FIELD.matcher(message);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String name = fieldName.apply(m.group(1));
                m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(name == null ? m.group() : name));
            }
            m.appendTail(sb);
            return new Problem(path, sb.toString(), error, location, rule);
        }

        @Override
        public String toString() {
            return (error ? "error: " : "warning: ") + (path == null || path.isEmpty() ? "" : path + ": ") + message;
        }
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::error);
    }

    public List<Manifest> objects() {
        return manifests.stream().filter(Manifest::isKubernetesObject).toList();
    }

    /** All Kubernetes objects as one multi-document YAML stream (what preview/copy/stdout show). */
    public String combinedYaml() {
        StringBuilder sb = new StringBuilder();
        for (Manifest m : objects()) {
            if (sb.length() > 0) {
                sb.append("---\n");
            }
            sb.append(m.content());
            if (!m.content().endsWith("\n")) {
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * Everything, objects and side files, for a text preview; side files are introduced by a comment line. Private
     * files (key material) show their masked content only.
     */
    public String previewText() {
        return withSideFiles("\n", m -> m.privateFile() ? " (private: saved 0600, keys masked here) ----\n" : " ----\n",
                shown -> shown.endsWith("\n") ? shown : shown + "\n");
    }

    /**
     * What a generator prints to stdout: a stream {@code kubectl apply -f -} accepts. The Kubernetes objects are
     * YAML documents; every side file (Pod snippet, policy, script, README) follows as YAML comment lines under a
     * {@code # ---- NAME (not a Kubernetes object, ...) ----} header, so it is readable but never applied. Private files show
     * their masked content only.
     */
    public String applyableText() {
        return withSideFiles("#\n", m -> (m.privateFile() ? " (private, keys masked; " : " (")
                + "not a Kubernetes object, not applied; --output DIR saves it) ----\n", shown -> {
                    StringBuilder sb = new StringBuilder();
                    String text = shown.endsWith("\n") ? shown.substring(0, shown.length() - 1) : shown;
                    for (String line : text.split("\n", -1)) {
                        sb.append(line.isEmpty() ? "#" : "# " + line).append('\n');
                    }
                    return sb.toString();
                });
    }

    /**
     * The objects' YAML, then each side file: after {@code separator} (unless nothing precedes it), a
     * {@code # ---- NAME} line ending with {@code header} of the file, and its masked content as {@code body} shows it.
     */
    private String withSideFiles(String separator, Function<Manifest, String> header, UnaryOperator<String> body) {
        StringBuilder sb = new StringBuilder(combinedYaml());
        for (Manifest m : manifests) {
            if (!m.isKubernetesObject()) {
                sb.append(sb.length() > 0 ? separator : "").append("# ---- ").append(m.fileName())
                        .append(header.apply(m)).append(body.apply(m.previewContent()));
            }
        }
        return sb.toString();
    }

    /** This bundle plus a {@code kustomization.yaml} listing its object files (when it has any objects). */
    public Bundle withKustomization() {
        if (objects().isEmpty() || manifests.stream().anyMatch(m -> m.fileName().equals("kustomization.yaml"))) {
            return this;
        }
        List<String> resources = objects().stream().map(Manifest::fileName).toList();
        String yaml = YamlWriter.write(YamlWriter.map(
                "apiVersion", "kustomize.config.k8s.io/v1beta1",
                "kind", "Kustomization",
                "resources", resources), "Generated by Kustodian: " + title);
        List<Manifest> all = new ArrayList<>(manifests);
        all.add(Manifest.sideFile("kustomization.yaml", Manifest.Format.YAML, yaml));
        return new Bundle(title, all, problems, warnings, nextSteps);
    }

    public Bundle plus(Bundle other) {
        List<Manifest> m = new ArrayList<>(manifests);
        m.addAll(other.manifests);
        List<Problem> p = new ArrayList<>(problems);
        p.addAll(other.problems);
        List<String> w = new ArrayList<>(warnings);
        w.addAll(other.warnings);
        List<String> n = new ArrayList<>(nextSteps);
        n.addAll(other.nextSteps);
        return new Bundle(title, m, p, w, n);
    }

    /** Shortcut for a map object rendered with {@link YamlWriter}. */
    public static Manifest yamlObject(String fileName, Map<String, Object> object, String header) {
        @SuppressWarnings("unchecked")
        Map<String, Object> meta = (Map<String, Object>) object.getOrDefault("metadata", Map.of());
        return Manifest.object(fileName, String.valueOf(object.get("kind")),
                (String) meta.getOrDefault("namespace", ""), (String) meta.getOrDefault("name", ""),
                YamlWriter.write(object, header));
    }
}
