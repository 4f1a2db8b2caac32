package dev.kustodian.cli;

import dev.kustodian.core.cluster.DemoCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every example command of README.md and docs/*.md runs as written: extracted from the pages (command lines of code
 * blocks, and inline {@code `kustodian ...`} spans with at least one option outside tables), run in this JVM through
 * the picocli entry point, each page's commands in order in a copy of {@code docs/examples/<page>/} (the files the
 * examples name). The kubeconfig they read by default is the embedded demo cluster with the contexts the docs use
 * (prod, prod-eu, prod-us, staging). Each must end with its documented exit code and print no stack trace.
 * Usage synopses ({@code FILE}, {@code [--force]}, {@code <source>}, {@code ...}) are not examples; the few commands
 * that need a real etcd, a live controller or to run inside a Pod are listed in {@link #SKIPPED} with the reason.
 */
class DocExamplesTest {

    /** Commands that cannot run here, by a part of their text, with the reason. */
    static final Map<String, String> SKIPPED = Map.of(
            "encryption verify-etcd --endpoints https://10.0.0.10:2379",
            "reads a real etcd member over TLS with the control plane's client certificate (EtcdVerifierTest runs a real etcd)",
            "demo --kubeconfig-out",
            "runs until Ctrl-C (ClusterCommandsTest starts it with --no-wait)",
            "scan --in-cluster --publish",
            "runs inside a Pod with its service account token (InClusterPublishTest)",
            "seal --fetch-cert",
            "fetches the certificate from a live Sealed Secrets controller (FetchCertificateTest)");

    /** Exit codes the docs give for examples that do not end with 0 (by a part of their text). */
    static final Map<String, Set<Integer>> EXIT = Map.of(
            "--as bob", Set.of(1), // can-i: "no" is exit 1
            "encryption validate upstream-example.yaml", Set.of(1), // the upstream example is invalid
            "encryption status", Set.of(0, 1), // 1: an API server runs without encryption (the demo's)
            "--fail-on", Set.of(0, 4)); // 4: a finding reached the threshold

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static Path home;
    private static Path kubeconfig;
    private static String previousKubeconfig;
    private static final Map<String, Path> WORKDIRS = new HashMap<>();

    /** An example: its page, line, text and code block (a number per page; 0 for inline spans and indented code). */
    record Example(String page, int line, String text, int block) {
        String label() {
            return page + ":" + line + " " + text;
        }
    }

    @BeforeAll
    static void cluster() throws IOException {
        DemoCluster demo = DemoCluster.start();
        home = Files.createTempDirectory("kustodian-doc-examples");
        kubeconfig = home.resolve("kubeconfig");
        StringBuilder kc = new StringBuilder("apiVersion: v1\nkind: Config\nclusters:\n- name: demo\n  cluster:\n"
                + "    server: " + demo.url() + "\nusers:\n- name: demo\n  user:\n"
                + "    token: kustodian-demo-token-not-a-secret\ncontexts:\n");
        for (String c : List.of("prod", "prod-eu", "prod-us", "staging")) {
            kc.append("- name: ").append(c).append("\n  context:\n    cluster: demo\n    user: demo\n");
        }
        kc.append("current-context: prod\n");
        Files.writeString(kubeconfig, kc.toString());
        previousKubeconfig = System.getProperty("kubeconfig");
        System.setProperty("kubeconfig", kubeconfig.toString()); // what fabric8 reads before $KUBECONFIG
    }

    @AfterAll
    static void restore() {
        if (previousKubeconfig == null) {
            System.clearProperty("kubeconfig");
        } else {
            System.setProperty("kubeconfig", previousKubeconfig);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyExampleCommandRunsAsDocumented() throws IOException {
        return examples().stream().map(e -> DynamicTest.dynamicTest(e.label(), () -> run(e)));
    }

    @Test
    void theExamplesAreFoundAndFewAreSkipped() throws IOException {
        List<Example> all = examples();
        assertThat(all).hasSizeGreaterThan(60);
        // every skip names an example that exists (no stale entries) and they stay few
        for (String s : SKIPPED.keySet()) {
            assertThat(all).as(s).anyMatch(e -> e.text().contains(s));
        }
        assertThat(all.stream().filter(e -> skipReason(e) != null)).hasSizeLessThanOrEqualTo(SKIPPED.size() + 1);
        // the extractor: continuation lines joined, shell prefixes dropped, synopses and table cells left out
        assertThat(all).anyMatch(e -> e.text().startsWith("kustodian generate secretstore --name vault -n team-a"
                + " --provider vault --vault-server https://vault.example:8200"));
        assertThat(all).noneMatch(e -> e.text().contains("VERB RESOURCE"));
        assertThat(all).anyMatch(e -> e.page().equals("docs/ci.md")
                && e.text().equals("kustodian scan --snapshot cluster.json --fail-on high -o markdown >> \"$GITHUB_STEP_SUMMARY\""));
    }

    // ------------------------------------------------------------------------------------------------ extraction

    private static final Pattern INLINE = Pattern.compile("`((?:kubectl )?kustodian [^`]+)`");

    static List<Example> examples() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(ROOT.resolve("README.md"));
        try (Stream<Path> s = Files.list(ROOT.resolve("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<Example> out = new ArrayList<>();
        for (Path page : pages) {
            String name = ROOT.relativize(page).toString();
            List<String> lines = Files.readAllLines(page);
            boolean fence = false;
            int block = 0;
            StringBuilder pending = null;
            int start = 0;
            for (int i = 0; i < lines.size(); i++) {
                String raw = lines.get(i);
                String l = raw.strip();
                if (l.startsWith("```")) {
                    fence = !fence;
                    block += fence ? 1 : 0;
                    continue;
                }
                if (pending != null) {
                    pending.append(' ').append(l.endsWith("\\") ? l.substring(0, l.length() - 1).strip() : l);
                    if (!l.endsWith("\\")) {
                        add(out, name, start, pending.toString(), fence ? block : 0);
                        pending = null;
                    }
                    continue;
                }
                boolean indentedCode = !fence && raw.startsWith("    ") && l.startsWith("kustodian ");
                if (fence || indentedCode) {
                    String cmd = commandOf(l);
                    if (cmd != null) {
                        if (cmd.endsWith("\\")) {
                            pending = new StringBuilder(cmd.substring(0, cmd.length() - 1).strip());
                            start = i + 1;
                        } else {
                            add(out, name, i + 1, cmd, fence ? block : 0);
                        }
                    }
                } else if (!l.startsWith("|")) { // a table cell names a command, it does not show how to run it
                    Matcher m = INLINE.matcher(raw);
                    while (m.find()) {
                        String cmd = m.group(1);
                        if (cmd.contains(" -")) { // `kustodian scan` alone names the command
                            add(out, name, i + 1, cmd, 0);
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The command on a code line ("$ ", "sudo ", "run: ", "- " dropped), or null when it runs no kustodian. */
    private static String commandOf(String line) {
        String l = line;
        for (String prefix : List.of("$ ", "- ", "run: ", "sudo ")) {
            if (l.startsWith(prefix)) {
                l = l.substring(prefix.length()).strip();
            }
        }
        if (l.startsWith("kustodian ") || l.startsWith("kubectl kustodian ")) {
            return l;
        }
        return l.startsWith("printf ") && l.contains("| kustodian ") ? l : null;
    }

    private static void add(List<Example> out, String page, int line, String cmd, int block) {
        if (!synopsis(tokens(cmd))) {
            out.add(new Example(page, line, cmd, block));
        }
    }

    /** A usage line: metavariables (FILE, NS), optional parts ([...]), alternatives (a|b), placeholders (<x>, ...). */
    static boolean synopsis(List<Token> tokens) {
        for (Token t : tokens) {
            if (t.operator()) {
                return false;
            }
            String s = t.text();
            if (s.contains("...") || s.contains("…")) {
                return true;
            }
            if (t.quoted() || s.startsWith("-")) {
                continue;
            }
            if (s.startsWith("[") || s.endsWith("]") || (s.startsWith("<") && s.endsWith(">"))
                    || s.matches("[A-Z][A-Z0-9_]*([|,][A-Z0-9_]+)*") || s.contains("|")) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------------------------------------ shell

    /** A word of a command line; operators are |, ;, &&, ||, >, >>, 2>, < and # (a comment). */
    record Token(String text, boolean quoted, boolean operator) {
    }

    static List<Token> tokens(String line) {
        List<Token> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\'' || c == '"') {
                int end = line.indexOf(c, i + 1);
                end = end < 0 ? line.length() : end;
                cur.append(c == '"' ? line.substring(i + 1, end) : line.substring(i + 1, end).replace("$", "\u0000"));
                quoted = true;
                any = true;
                i = end + 1;
            } else if (c == '$' && i + 1 < line.length() && line.charAt(i + 1) == '(') {
                int end = line.indexOf(')', i);
                end = end < 0 ? line.length() - 1 : end;
                cur.append(line, i, end + 1);
                any = true;
                i = end + 1;
            } else if (Character.isWhitespace(c) || "|;&<>".indexOf(c) >= 0 || (c == '#' && !any)) {
                if (any) {
                    out.add(new Token(cur.toString(), quoted, false));
                    cur.setLength(0);
                    quoted = false;
                    any = false;
                }
                if (!Character.isWhitespace(c)) {
                    int j = i;
                    while (j < line.length() && "|;&<>".indexOf(line.charAt(j)) >= 0) {
                        j++;
                    }
                    out.add(new Token(c == '#' ? "#" : line.substring(i, Math.max(j, i + 1)), false, true));
                    if (c == '#') {
                        break;
                    }
                    i = Math.max(j, i + 1);
                    continue;
                }
                i++;
            } else {
                cur.append(c);
                any = true;
                i++;
            }
        }
        if (any) {
            out.add(new Token(cur.toString(), quoted, false));
        }
        return out;
    }

    /** The kustodian arguments of a command line, with stdin (a {@code printf %s X |} in front) and paths in dir. */
    record Invocation(List<String> args, String stdin) {
    }

    static Invocation invocation(String line, Path dir) throws IOException {
        List<Token> all = tokens(line);
        String stdin = null;
        int from = 0;
        if (!all.isEmpty() && all.get(0).text().equals("printf")) {
            int pipe = 0;
            while (pipe < all.size() && !(all.get(pipe).operator() && all.get(pipe).text().equals("|"))) {
                pipe++;
            }
            stdin = expand(all.get(pipe - 1).text(), dir);
            from = pipe + 1;
        }
        List<String> args = new ArrayList<>();
        int i = from;
        if (all.get(i).text().equals("kubectl")) {
            i++;
        }
        i++; // "kustodian"
        String previous = "";
        for (; i < all.size() && !all.get(i).operator(); i++) {
            String a = expand(all.get(i).text(), dir);
            if (a.contains("*")) {
                args.addAll(glob(a, dir));
            } else {
                args.add(path(previous, a, dir));
            }
            previous = a;
        }
        return new Invocation(args, stdin);
    }

    private static final Set<String> OUTPUT_OPTIONS = Set.of("--output", "-O", "--kubeconfig-out");

    /** A relative path that exists in dir, or the value of an output option, made absolute in dir. */
    private static String path(String previous, String arg, Path dir) {
        if (OUTPUT_OPTIONS.contains(previous)) {
            Path p = Path.of(arg);
            return (p.isAbsolute() ? dir.resolve(p.getFileName()) : dir.resolve(arg)).toString();
        }
        int eq = arg.indexOf('=');
        String value = arg.startsWith("-") || eq < 0 ? arg : arg.substring(eq + 1);
        if (arg.startsWith("-") || value.isEmpty() || Path.of(value).isAbsolute()) {
            return arg;
        }
        if (Files.exists(dir.resolve(value))) {
            return arg.substring(0, arg.length() - value.length()) + dir.resolve(value).normalize();
        }
        return arg;
    }

    private static List<String> glob(String pattern, Path dir) throws IOException {
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        try (Stream<Path> s = Files.list(dir)) {
            List<String> found = s.filter(p -> m.matches(p.getFileName())).map(Path::toString).sorted().toList();
            assertThat(found).as("files matching " + pattern).isNotEmpty();
            return found;
        }
    }

    /** $VAR, ${VAR} and $(...) as the CI examples set them. */
    private static String expand(String s, Path dir) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("RUNNER_TEMP", dir.toString());
        env.put("KUBECONFIG_FILE", dir.resolve("kubeconfig").toString());
        env.put("TOKEN", "example-token-not-a-secret");
        String out = s.replaceAll("\\$\\([^)]*\\)", "2026-12-05");
        for (Map.Entry<String, String> e : env.entrySet()) {
            out = out.replace("${" + e.getKey() + "}", e.getValue()).replace("$" + e.getKey(), e.getValue());
        }
        return out.replace('\u0000', '$');
    }

    // ------------------------------------------------------------------------------------------------ running

    private static String skipReason(Example e) {
        return SKIPPED.entrySet().stream().filter(s -> e.text().contains(s.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    private static Set<Integer> expectedExit(Example e) {
        return EXIT.entrySet().stream().filter(x -> e.text().contains(x.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(Set.of(0));
    }

    /**
     * The working folder of a code block (one job: a CI snippet, a shell session; the inline examples of a page share
     * one): a fresh copy of docs/examples/<page name>/, in which the block's commands build on each other in order.
     */
    private static Path workdir(Example e) throws IOException {
        String key = e.page() + "#" + e.block();
        Path existing = WORKDIRS.get(key);
        if (existing != null) {
            return existing;
        }
        String stem = Path.of(e.page()).getFileName().toString().replaceFirst("\\.md$", "").toLowerCase();
        Path dir = Files.createDirectories(home.resolve(stem + "-" + e.block()));
        Path src = ROOT.resolve("docs/examples").resolve(stem);
        if (Files.isDirectory(src)) {
            try (Stream<Path> s = Files.walk(src)) {
                for (Path p : s.toList()) {
                    Path target = dir.resolve(src.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target);
                    }
                }
            }
        }
        Files.copy(kubeconfig, dir.resolve("kubeconfig"));
        WORKDIRS.put(key, dir);
        return dir;
    }

    private static void run(Example e) throws IOException {
        String skip = skipReason(e);
        org.junit.jupiter.api.Assumptions.assumeTrue(skip == null, () -> "skipped: " + skip);
        Path dir = workdir(e);
        Invocation inv = invocation(e.text(), dir);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        InputStream in = System.in;
        // commands capture System.in when they are built (seal --from-stdin): an example without a pipe reads an
        // empty stdin, never the test runner's (surefire's stdin never ends)
        System.setIn(new ByteArrayInputStream((inv.stdin() == null ? "" : inv.stdin()).getBytes(StandardCharsets.UTF_8)));
        CommandLine cl = KustodianCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        PrintStream sysOut = System.out;
        PrintStream sysErr = System.err;
        ByteArrayOutputStream stray = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(stray, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stray, true, StandardCharsets.UTF_8));
            code = cl.execute(inv.args().toArray(String[]::new));
        } finally {
            System.setIn(in);
            System.setOut(sysOut);
            System.setErr(sysErr);
        }
        String all = out + "\n" + err + "\n" + stray.toString(StandardCharsets.UTF_8);
        assertThat(code).as(e.label() + "\nargs: " + inv.args() + "\nstderr: " + err).isIn(expectedExit(e).toArray());
        assertThat(all).as(e.label() + ": no stack trace").doesNotContain("\tat ", "Exception in thread")
                .doesNotContainPattern("(?m)^[a-z]+(\\.[a-z0-9]+)+\\.[A-Z][A-Za-z]*(Exception|Error)\\b");
    }
}
