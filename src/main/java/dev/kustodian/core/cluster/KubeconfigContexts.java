package dev.kustodian.core.cluster;

import dev.kustodian.core.util.UserFacingException;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
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
    public record Resolved(List<Path> files, List<ContextEntry> contexts, String currentContext) {
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
                for (var nc : kc.getClusters()) {
                    if (nc != null && nc.getCluster() != null && nc.getCluster().getServer() != null) {
                        serverByCluster.putIfAbsent(nc.getName(), nc.getCluster().getServer());
                    }
                }
            }
            Map<String, String> execByUser = new LinkedHashMap<>();
            if (kc.getUsers() != null) {
                for (NamedAuthInfo u : kc.getUsers()) {
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
        return new Resolved(List.copyOf(files), List.copyOf(list), current);
    }

    /** Lists the contexts (same resolution as a load). */
    public static List<ContextEntry> list(Path explicit) {
        return resolve(explicit).contexts();
    }

    /**
     * The fabric8 config of {@code context} (null: the current context). Unknown contexts list the known ones.
     */
    public static Config config(Resolved resolved, Path explicit, String context) {
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
        try {
            if (explicit != null) {
                return Config.fromKubeconfig(name, explicit.toFile());
            }
            return Config.autoConfigure(name);
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

    private static String names(Resolved r) {
        return String.join(", ", r.contexts().stream().map(ContextEntry::name).toList());
    }

    private static io.fabric8.kubernetes.api.model.Config parse(Path f) {
        try {
            if (Files.size(f) == 0 || Files.readString(f).isBlank()) {
                return null;
            }
        } catch (Exception e) {
            throw UserFacingException.badInput("Could not read the kubeconfig " + f + ": " + e.getClass().getSimpleName()
                    + ". Check the file's permissions.");
        }
        try {
            return KubeConfigUtils.parseConfig(f.toFile());
        } catch (RuntimeException e) {
            throw UserFacingException.badInput("The kubeconfig " + f + " is not valid kubeconfig YAML"
                    + lineOf(e) + ". Fix the file or pass another with --kubeconfig.");
        }
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
        String m = root.getMessage() == null ? "" : root.getMessage();
        m = m.replaceAll("(?i)(token|password|secret)[^\\s,;]*[=:]\\s*\\S+", "$1=<hidden>");
        if (m.length() > 200) {
            m = m.substring(0, 200) + "…";
        }
        return m.isBlank() ? root.getClass().getSimpleName() : m;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
