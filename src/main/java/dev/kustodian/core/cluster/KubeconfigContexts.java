package dev.kustodian.core.cluster;

import dev.kustodian.core.util.UserFacingException;
import dev.kustodian.core.util.InputFiles;
import dev.kustodian.core.yaml.ObjectShape;
import dev.kustodian.core.yaml.YamlDocument;
import dev.kustodian.core.yaml.YamlReader;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubeconfig resolution like kubectl, through fabric8: {@code --kubeconfig FILE}, else {@code KUBECONFIG} (several
 * files merged, the first file that names a context wins), else {@code ~/.kube/config}. Lists contexts for the CLI
 * and the GUI's context picker and builds the fabric8 {@link Config} of one context. Never parses kubeconfig by hand:
 * files are read with fabric8's {@link KubeConfigUtils}; this class only validates and explains.
 */
public final class KubeconfigContexts {

    /** One context of the kubeconfig; {@code server} is its cluster's API server URL as written ("" if none). */
    public record ContextEntry(String name, String cluster, String user, String namespace, boolean current,
                               String execCommand, String server) {
    }

    /** The files that were read and the merged contexts. */
    public record Resolved(List<Path> files, List<ContextEntry> contexts, String currentContext,
                           Map<String, NamedCluster> clusters, Map<String, NamedAuthInfo> users,
                           Map<String, Path> userFiles) {
        public Resolved(List<Path> files, List<ContextEntry> contexts, String currentContext) {
            this(files, contexts, currentContext, Map.of(), Map.of(), Map.of());
        }

        public ContextEntry find(String name) {
            return contexts.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
        }

        public String describeFiles() {
            return files.size() == 1 ? files.get(0).toString()
                    : String.join(File.pathSeparator, files.stream().map(Path::toString).toList());
        }
    }

    private KubeconfigContexts() {
    }

    /** The kubeconfig files kubectl would read: the explicit one, else KUBECONFIG's existing files, else ~/.kube/config. */
    public static List<Path> candidateFiles(Path explicit) {
        if (explicit != null) {
            return List.of(explicit);
        }
        List<Path> files = new ArrayList<>();
        for (String f : Config.getKubeconfigFilenames()) {
            if (f != null && !f.isBlank()) {
                files.add(Path.of(f));
            }
        }
        return files;
    }

    /** True when some kubeconfig file exists (for "use the demo when there is no kubeconfig"). */
    public static boolean anyKubeconfigExists() {
        return candidateFiles(null).stream().anyMatch(Files::isRegularFile);
    }

    /**
     * Reads and merges the kubeconfig. Missing or malformed files are {@link UserFacingException}s (BAD_INPUT) naming
     * the file and the reason.
     */
    public static Resolved resolve(Path explicit) {
        List<Path> candidates = candidateFiles(explicit);
        List<Path> files = new ArrayList<>();
        if (explicit != null) {
            if (!Files.exists(explicit)) {
                throw UserFacingException.badInput("The kubeconfig file " + explicit
                        + " does not exist. Pass an existing file with --kubeconfig, or use --demo.");
            }
            if (!Files.isRegularFile(explicit) || !Files.isReadable(explicit)) {
                throw UserFacingException.badInput("The kubeconfig " + explicit
                        + " is not a readable file. Check the path and its permissions.");
            }
            files.add(explicit);
        } else {
            for (Path p : candidates) {
                if (Files.isRegularFile(p) && Files.isReadable(p)) {
                    files.add(p);
                }
            }
            if (files.isEmpty()) {
                throw UserFacingException.badInput("No kubeconfig found (looked at "
                        + (candidates.isEmpty() ? "~/.kube/config" : String.join(", ",
                        candidates.stream().map(Path::toString).toList()))
                        + "). Pass --kubeconfig FILE, set KUBECONFIG, or try the embedded demo with --demo.");
            }
        }
        Map<String, ContextEntry> contexts = new LinkedHashMap<>();
        Map<String, String> serverByCluster = new LinkedHashMap<>(); // merged like kubectl: the first file wins
        Map<String, NamedCluster> clusters = new LinkedHashMap<>();
        Map<String, NamedAuthInfo> users = new LinkedHashMap<>();
        Map<String, Path> userFiles = new LinkedHashMap<>();
        String current = null;
        for (Path f : files) {
            io.fabric8.kubernetes.api.model.Config kc = parse(f);
            if (kc == null) {
                continue; // an empty file: kubectl skips it too
            }
            if (current == null && kc.getCurrentContext() != null && !kc.getCurrentContext().isBlank()) {
                current = kc.getCurrentContext();
            }
            if (kc.getClusters() != null) {
                for (NamedCluster c : kc.getClusters()) {
                    if (c != null && c.getName() != null) {
                        clusters.putIfAbsent(c.getName(), c);
                    }
                    if (c != null && c.getCluster() != null && c.getCluster().getServer() != null) {
                        // shown (fleet): without user information or query string
                        serverByCluster.putIfAbsent(c.getName(), dev.kustodian.core.util.Urls.redact(c.getCluster().getServer()));
                    }
                }
            }
            Map<String, String> execByUser = new LinkedHashMap<>();
            if (kc.getUsers() != null) {
                for (NamedAuthInfo u : kc.getUsers()) {
                    if (u != null && u.getName() != null && !users.containsKey(u.getName())) {
                        users.put(u.getName(), u);
                        userFiles.put(u.getName(), f);
                    }
                    if (u != null && u.getUser() != null && u.getUser().getExec() != null) {
                        execByUser.put(u.getName(), u.getUser().getExec().getCommand());
                    }
                }
            }
            if (kc.getContexts() != null) {
                for (NamedContext nc : kc.getContexts()) {
                    if (nc == null || nc.getName() == null || contexts.containsKey(nc.getName())) {
                        continue;
                    }
                    var c = nc.getContext();
                    String user = c == null ? "" : nz(c.getUser());
                    String cluster = c == null ? "" : nz(c.getCluster());
                    contexts.put(nc.getName(), new ContextEntry(nc.getName(), cluster, user,
                            c == null ? "" : nz(c.getNamespace()), false, execByUser.get(user), ""));
                }
            }
        }
        List<ContextEntry> list = new ArrayList<>();
        for (ContextEntry e : contexts.values()) {
            list.add(new ContextEntry(e.name(), e.cluster(), e.user(), e.namespace(), e.name().equals(current),
                    e.execCommand(), nz(serverByCluster.get(e.cluster()))));
        }
        return new Resolved(List.copyOf(files), List.copyOf(list), current, clusters, users, userFiles);
    }

    /** Lists the contexts (same resolution as a load). */
    public static List<ContextEntry> list(Path explicit) {
        return resolve(explicit).contexts();
    }

    /**
     * The fabric8 config of {@code context} (null: the current context) with the default exec plugin deadline.
     */
    public static Config config(Resolved resolved, Path explicit, String context) {
        return config(resolved, explicit, context, Deadlines.DEFAULT_EXEC);
    }

    /**
     * The fabric8 config of {@code context} (null: the current context); an exec credential plugin is run once with
     * {@code execTimeout} first. Unknown contexts list the known ones.
     */
    public static Config config(Resolved resolved, Path explicit, String context, java.time.Duration execTimeout) {
        String name = context != null ? context : resolved.currentContext();
        if (resolved.contexts().isEmpty()) {
            throw UserFacingException.badInput("The kubeconfig " + resolved.describeFiles()
                    + " defines no contexts. Add one (kubectl config set-context) or pass another file with --kubeconfig.");
        }
        if (name == null || name.isBlank()) {
            throw UserFacingException.badInput("The kubeconfig " + resolved.describeFiles()
                    + " has no current context. Choose one with --context NAME (known: " + names(resolved) + ").");
        }
        if (resolved.find(name) == null) {
            throw UserFacingException.badInput("The context \"" + name + "\" is not in the kubeconfig "
                    + resolved.describeFiles() + ". Known contexts: " + names(resolved) + ".");
        }
        checkContext(resolved, resolved.find(name), execTimeout);
        try {
            if (explicit != null) {
                return Config.fromKubeconfig(name, explicit.toFile());
            }
            return Config.autoConfigure(name);
        } catch (UserFacingException e) {
            throw e;
        } catch (RuntimeException e) {
            ContextEntry entry = resolved.find(name);
            if (entry != null && entry.execCommand() != null) {
                throw UserFacingException.badInput("The credential plugin \"" + entry.execCommand()
                        + "\" of user \"" + entry.user() + "\" (context " + name + ") failed: " + safeReason(e)
                        + ". Run it by hand to see why (is it installed and logged in?).");
            }
            throw UserFacingException.badInput("Could not use context \"" + name + "\" of the kubeconfig "
                    + resolved.describeFiles() + ": " + safeReason(e) + ". Check the file's cluster and user entries.");
        }
    }

    /**
     * What kubectl would refuse or what makes the client fail obscurely, as kubeconfig errors (exit 2): a context
     * whose cluster is missing, a cluster without a server or with a scheme other than https/http, a broken OIDC
     * auth-provider; and an exec credential plugin that is missing, hangs or prints garbage (run once, with a
     * deadline, before the client runs it).
     */
    static void checkContext(Resolved r, ContextEntry ctx, java.time.Duration execTimeout) {
        String problem = problem(r, ctx);
        if (problem != null) {
            throw UserFacingException.badInput(problem);
        }
        NamedAuthInfo user = r.users().get(ctx.user());
        if (user != null && user.getUser() != null && user.getUser().getExec() != null) {
            ExecPlugin.check(user.getUser().getExec(), ctx.user(), ctx.name(), r.userFiles().get(ctx.user()),
                    execTimeout);
        }
    }

    /**
     * What is wrong with a context without running anything (the checks of {@link #checkContext} but the exec
     * plugin's run), as a sentence; null when nothing is. {@code contexts} shows these as warnings.
     */
    public static String problem(Resolved r, ContextEntry ctx) {
        if (r.files().isEmpty()) {
            return null; // built in memory, without the entries
        }
        String where = "the kubeconfig " + r.describeFiles();
        if (ctx.cluster().isEmpty()) {
            return "The context \"" + ctx.name() + "\" of " + where + " names no cluster. "
                    + "Set contexts[].context.cluster to one of the clusters in the file.";
        }
        NamedCluster nc = r.clusters().get(ctx.cluster());
        if (nc == null || nc.getCluster() == null) {
            return "The context \"" + ctx.name() + "\" uses the cluster \"" + ctx.cluster()
                    + "\", which " + where + " does not define" + (nc == null ? "" : " (the entry is empty)")
                    + ". Add it under clusters:, or fix the context's cluster name"
                    + (r.clusters().isEmpty() ? "." : " (known: " + String.join(", ", r.clusters().keySet()) + ").");
        }
        String server = nc.getCluster().getServer();
        if (server == null || server.isBlank()) {
            return "The cluster \"" + ctx.cluster() + "\" in " + where + " has no server "
                    + "URL. Set clusters[].cluster.server to the API server's https:// address.";
        }
        String scheme;
        try {
            java.net.URI uri = new java.net.URI(server.strip());
            scheme = uri.getScheme();
            if (scheme != null && uri.getHost() == null) {
                scheme = "no-host";
            }
        } catch (java.net.URISyntaxException e) {
            scheme = "invalid";
        }
        if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))) {
            return "The cluster \"" + ctx.cluster() + "\" in " + where + " has the server \""
                    + dev.kustodian.core.util.Urls.redact(server.strip()) + "\", which is not an https:// (or http://) URL "
                    + "with a host. Fix clusters[].cluster.server (for example https://10.0.0.1:6443).";
        }
        NamedAuthInfo user = r.users().get(ctx.user());
        if (user == null || user.getUser() == null) {
            return null; // kubectl connects anonymously too
        }
        var ap = user.getUser().getAuthProvider();
        if (ap != null) {
            Map<String, String> cfg = ap.getConfig() == null ? Map.of() : ap.getConfig();
            if (ap.getName() == null || ap.getName().isBlank()) {
                return "The user \"" + ctx.user() + "\" in " + where + " has an "
                        + "auth-provider without a name. Fix or remove users[].user.auth-provider.";
            }
            if (ap.getName().equals("oidc") && blank(cfg.get("id-token"))
                    && (blank(cfg.get("idp-issuer-url")) || blank(cfg.get("client-id")) || blank(cfg.get("refresh-token")))) {
                return "The OIDC auth-provider of user \"" + ctx.user() + "\" in " + where
                        + " has neither an id-token nor idp-issuer-url, client-id and refresh-token. Log in again "
                        + "with your OIDC login tool (for example kubectl oidc-login) to refresh the kubeconfig.";
            }
        }
        var exec = user.getUser().getExec();
        return exec == null ? null : ExecPlugin.installProblem(exec, ctx.user(), ctx.name(), r.userFiles().get(ctx.user()));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String names(Resolved r) {
        return String.join(", ", r.contexts().stream().map(ContextEntry::name).toList());
    }

    private static io.fabric8.kubernetes.api.model.Config parse(Path f) {
        String text = InputFiles.readText(f, "kubeconfig", InputFiles.CONFIG_BUDGET);
        if (text.isBlank()) {
            return null;
        }
        checkStructure(YamlReader.readWithFieldLines(text, f.toString()), f.toString());
        try {
            return KubeConfigUtils.parseConfigFromString(text);
        } catch (RuntimeException e) {
            throw UserFacingException.badInput("The kubeconfig " + f + " is not valid kubeconfig YAML"
                    + lineOf(e) + ". Fix the file or pass another with --kubeconfig.");
        }
    }

    /**
     * The shape kubectl expects, checked on our own parse (nesting, aliases, duplicate keys and encoding are
     * checked there): one mapping; clusters, contexts and users lists of named mappings; no YAML merge keys.
     */
    private static void checkStructure(List<YamlDocument> docs, String file) {
        if (docs.isEmpty()) {
            return;
        }
        if (docs.size() > 1) {
            throw new InputFiles.InputException(file, docs.get(1).line(), "a kubeconfig is one YAML document, "
                    + "this file has " + docs.size() + ". Keep one (kubectl config view --raw writes one).");
        }
        YamlDocument d = docs.get(0);
        if (!(d.value() instanceof Map<?, ?> root)) {
            throw new InputFiles.InputException(file, d.line(), "a kubeconfig must be a YAML mapping (apiVersion, "
                    + "clusters, contexts, users), found " + typeName(d.value()) + ". Check that this is a kubeconfig.");
        }
        findMergeKey(root, "", d, file, 0);
        for (String list : List.of("clusters", "contexts", "users")) {
            Object v = root.get(list);
            if (v == null) {
                continue;
            }
            if (!(v instanceof List<?> items)) {
                throw new InputFiles.InputException(file, d.lineOf(list), list + " must be a list, found "
                        + typeName(v) + ". Fix the file or regenerate it with kubectl config.");
            }
            String inner = list.substring(0, list.length() - 1);
            for (int i = 0; i < items.size(); i++) {
                String at = list + "[" + i + "]";
                if (!(items.get(i) instanceof Map<?, ?> item)) {
                    throw new InputFiles.InputException(file, d.lineOf(at), "each entry of " + list + " must be a "
                            + "mapping with name and " + inner + ", found " + typeName(items.get(i)) + ".");
                }
                Object body = item.get(inner);
                if (body != null && !(body instanceof Map)) {
                    throw new InputFiles.InputException(file, d.lineOf(at + "." + inner), at + "." + inner
                            + " must be a mapping, found " + typeName(body) + ".");
                }
                if (body instanceof Map<?, ?> b && b.get("server") != null && !(b.get("server") instanceof String)) {
                    throw new InputFiles.InputException(file, d.lineOf(at + "." + inner + ".server"), at + "." + inner
                            + ".server must be a URL string, found " + typeName(b.get("server")) + ".");
                }
            }
        }
    }

    private static void findMergeKey(Object node, String path, YamlDocument d, String file, int depth) {
        if (depth > 64) {
            return;
        }
        if (node instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String p = path.isEmpty() ? String.valueOf(e.getKey()) : path + "." + e.getKey();
                if ("<<".equals(e.getKey())) {
                    throw new InputFiles.InputException(file, d.lineOf(p), "uses a YAML merge key (<<), which "
                            + "Kubernetes clients read differently. Write the merged fields out (kubectl config view "
                            + "--raw prints the file with them written out).");
                }
                findMergeKey(e.getValue(), p, d, file, depth + 1);
            }
        } else if (node instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                findMergeKey(l.get(i), path + "[" + i + "]", d, file, depth + 1);
            }
        }
    }

    /** {@link ObjectShape#describe}'s words, as kubeconfig messages put them: "nothing", else "a value" when unusual. */
    static String typeName(Object v) {
        if (v == null) {
            return "nothing";
        }
        boolean usual = v instanceof Map || v instanceof List || v instanceof String || v instanceof Number
                || v instanceof Boolean;
        return usual ? ObjectShape.describe(v) : "a value";
    }

    private static final Pattern LINE = Pattern.compile("line:? (\\d+)");

    /** " (near line N)" from a parser exception, without quoting the file's content (it may hold a token). */
    private static String lineOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null) {
                Matcher matcher = LINE.matcher(m);
                if (matcher.find()) {
                    return " (near line " + matcher.group(1) + ")";
                }
            }
        }
        return "";
    }

    /** A reason without file content: the innermost exception's type and a short message without tokens. */
    static String safeReason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String type = root.getClass().getName();
        if (type.startsWith("com.fasterxml.jackson.") || type.startsWith("tools.jackson.")) {
            // the parser's message names Java types and may quote the answer
            return "the answer was not the JSON a Kubernetes API server sends";
        }
        if (root instanceof java.io.IOException io
                && !dev.kustodian.core.util.IoErrors.describe(io).equals("the system reported an I/O error")) {
            return dev.kustodian.core.util.IoErrors.describe(io);
        }
        String m = root.getMessage() == null ? "" : root.getMessage();
        m = m.replaceAll("(?i)(token|password|secret)[^\\s,;]*[=:]\\s*\\S+", "$1=<hidden>");
        // no Java type names in a sentence for the user
        m = m.replaceAll("`?\\b(?:[a-z_$][\\w$]*\\.){2,}[A-Z][\\w$]*`?", "a value")
                .replaceAll("\\b[A-Z]\\w*(?:Exception|Error)\\b:?\\s*", "");
        if (m.length() > 200) {
            m = m.substring(0, 200) + "…";
        }
        return m.isBlank() ? "no reason was given" : m.strip();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
