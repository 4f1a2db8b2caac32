package dev.kustodian.robust;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Issue 16's sweep, part one: every hostile file of {@code src/test/resources/hostile/} (plus the ones generated
 * here: nesting and alias bombs, FIFOs, devices, folders, sparse giants) handed to every command that reads that
 * kind of file, in-process through the picocli entry point. Each case must end with the right exit code, in bounded
 * time, with a sentence naming the input, no stack trace or class name or library log line, no secret value and no
 * partial output file. Run alone: {@code mvn -B -o -q test -Dtest=RobustnessSweepTest}; the tally is printed and
 * written to {@code target/robustness-sweep.txt}.
 */
@Tag("robustness")
class RobustnessSweepTest {
    @TempDir
    static Path tmp;

    static final String GOOD_SNAPSHOT = """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: Secret
              metadata: {name: db, namespace: shop}
              type: Opaque
              data: {password: %s}
            - apiVersion: rbac.authorization.k8s.io/v1
              kind: Role
              metadata: {name: reader, namespace: shop}
              rules: [{apiGroups: [""], resources: [secrets], verbs: [get]}]
            - apiVersion: rbac.authorization.k8s.io/v1
              kind: RoleBinding
              metadata: {name: alice-reads, namespace: shop}
              roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
              subjects: [{kind: User, name: alice, apiGroup: rbac.authorization.k8s.io}]
            """.formatted(Sweep.CANARY_B64);

    /**
     * A command that reads one kind of file; {F} is the file, {OUT} a fresh output folder, {GOOD} a good snapshot.
     * {@code invalid}: the exit code of a file that is read but holds the wrong content, where the command documents
     * one (lint and encryption validate: 1 "invalid"); else 2 like any bad input.
     */
    record Command(String name, String template, String output, int invalid) {
        Command(String name, String template, String output) {
            this(name, template, output, 2);
        }
    }

    static final List<Command> MANIFEST = List.of(
            new Command("summary --snapshot", "summary --snapshot {F}", null),
            new Command("scan --snapshot --output", "scan --snapshot {F} -o json --output {OUT}/report.json", "report.json"),
            new Command("lint", "lint {F}", null, 1),
            new Command("snapshot --output", "snapshot --snapshot {F} --output {OUT}/snap.yaml", "snap.yaml"));
    static final List<Command> KUBECONFIG = List.of(
            // listed like kubectl config get-contexts (exit 0) with a warning naming the file, or unreadable (2)
            new Command("contexts --kubeconfig", "contexts --kubeconfig {F}", null, 0),
            new Command("summary --kubeconfig", "summary --kubeconfig {F}", null),
            new Command("scan --kubeconfig --output", "scan --kubeconfig {F} -o html --output {OUT}/r.html", "r.html"));
    static final List<Command> ENCRYPTION = List.of(
            new Command("encryption validate", "encryption validate {F}", null, 1));
    static final List<Command> PEM = List.of(
            new Command("seal --cert", "seal --cert {F} --name db -n shop --from-file password={VALUE}", null));
    static final List<Command> AUDIT = List.of(
            new Command("rbac unused --from-audit", "rbac unused --from-audit {F} --snapshot {GOOD} --subject user:alice", null),
            new Command("generate role --from-audit",
                    "generate role --from-audit {F} --snapshot {GOOD} --subject user:alice -o {OUT}/role", "role"));

    static List<Command> all() {
        List<Command> l = new ArrayList<>();
        Stream.of(MANIFEST, KUBECONFIG, ENCRYPTION, PEM, AUDIT).forEach(l::addAll);
        return l;
    }

    static int counter;

    @TestFactory
    Stream<DynamicTest> hostileFiles() throws Exception {
        Path root = Path.of(RobustnessSweepTest.class.getResource("/hostile").toURI());
        Path good = tmp.resolve("good.yaml");
        Files.writeString(good, GOOD_SNAPSHOT);
        Path value = tmp.resolve("value.txt");
        Files.writeString(value, Sweep.CANARY);
        List<Sweep.Case> cases = new ArrayList<>();
        for (Path f : list(root.resolve("any"))) {
            for (Command c : all()) {
                cases.add(hostile("file " + f.getFileName(), f, c, good, value));
            }
        }
        for (Path f : generated(tmp)) {
            for (Command c : all()) {
                cases.add(hostile("generated " + f.getFileName(), f, c, good, value));
            }
        }
        addFolder(cases, root.resolve("manifest"), MANIFEST, good, value);
        addFolder(cases, root.resolve("kubeconfig"), KUBECONFIG, good, value);
        addFolder(cases, root.resolve("encryption"), ENCRYPTION, good, value);
        // lint of the broken encryption configs (wrong-kind.yaml is a valid Secret manifest there: lint passes it
        // with a plaintext-Secret warning, so it is left out)
        for (Path f : list(root.resolve("encryption"))) {
            if (!f.getFileName().toString().equals("wrong-kind.yaml")) {
                cases.add(hostile("encryption " + f.getFileName(), f, MANIFEST.get(2), good, value));
            }
        }
        addFolder(cases, root.resolve("pem"), PEM, good, value);
        cases.addAll(auditCases(root.resolve("audit"), good));
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> Sweep.check(c)));
    }

    @AfterAll
    static void tally() {
        Sweep.printTally();
    }

    private static void addFolder(List<Sweep.Case> cases, Path dir, List<Command> commands, Path good, Path value)
            throws IOException {
        for (Path f : list(dir)) {
            for (Command c : commands) {
                cases.add(hostile(dir.getFileName() + " " + f.getFileName(), f, c, good, value));
            }
        }
    }

    /** Audit logs with bad lines among good ones: the bad lines are skipped and counted, the run succeeds. */
    private static List<Sweep.Case> auditCases(Path dir, Path good) throws IOException {
        List<Sweep.Case> cases = new ArrayList<>();
        for (Path f : list(dir)) {
            for (Command c : AUDIT) {
                Path out = tmp.resolve("out" + (++counter));
                List<String> args = expand(c.template(), f, out, good, null);
                cases.add(new Sweep.Case("audit " + c.name(), f.getFileName().toString(), args, Set.of(0), null, null,
                        List.of()));
            }
        }
        return cases;
    }

    private static Sweep.Case hostile(String group, Path f, Command c, Path good, Path value) {
        Path out = tmp.resolve("out" + (++counter));
        List<String> args = expand(c.template(), f, out, good, value);
        return new Sweep.Case(group.substring(0, group.indexOf(' ')) + " × " + c.name(), group + " → " + c.name(),
                args, c.invalid() == 2 ? Set.of(2) : Set.of(2, c.invalid()), f.getFileName().toString(), c.output() == null ? null : out.resolve(c.output()),
                List.of());
    }

    static List<String> expand(String template, Path f, Path out, Path good, Path value) {
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> args = new ArrayList<>();
        for (String a : template.split(" ")) {
            args.add(a.replace("{F}", f.toString()).replace("{OUT}", out.toString())
                    .replace("{GOOD}", good.toString()).replace("{VALUE}", value == null ? "" : value.toString()));
        }
        return args;
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** Files too big, too special or too deep to check in. */
    static List<Path> generated(Path base) throws IOException, InterruptedException {
        Path g = Files.createDirectories(base.resolve("generated"));
        List<Path> l = new ArrayList<>();
        l.add(write(g, "deep-flow.yaml", "[".repeat(20_000) + "]".repeat(20_000) + "\n"));
        StringBuilder block = new StringBuilder();
        for (int i = 0; i < 3_000; i++) {
            block.append("  ".repeat(i)).append("k").append(":\n");
        }
        block.append("  ".repeat(3_000)).append("v\n");
        l.add(write(g, "deep-block.yaml", block.toString()));
        l.add(write(g, "deep.json", "{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000)));
        l.add(write(g, "deep-array.json", "[".repeat(100_000) + "]".repeat(100_000)));
        StringBuilder lol = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            lol.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                lol.append(i == 0 ? "" : ",").append('*').append(p);
            }
            lol.append("]\n");
        }
        l.add(write(g, "billion-laughs.yaml", lol.toString()));
        StringBuilder chain = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  a0: &a0 [x, y]\n");
        for (int i = 1; i <= 60; i++) {
            chain.append("  a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a").append(i - 1).append("]\n");
        }
        l.add(write(g, "doubling-aliases.yaml", chain.toString()));
        Path fifo = g.resolve("fifo.yaml");
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
        l.add(fifo);
        l.add(Files.createDirectories(g.resolve("a-folder.yaml")));
        l.add(g.resolve("does-not-exist.yaml"));
        Path sparse = g.resolve("sparse-2g.yaml");
        try (RandomAccessFile r = new RandomAccessFile(sparse.toFile(), "rw")) {
            r.setLength(2L << 30);
        }
        l.add(sparse);
        Path loop = g.resolve("loop.yaml");
        Files.createSymbolicLink(loop, loop.getFileName());
        l.add(loop);
        l.add(write(g, "long-line.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: [" + "x,".repeat(200_000) + "]}\n"));
        l.add(Path.of("/dev/zero"));
        l.add(Path.of("/dev/null"));
        l.add(Path.of("/proc/self/mem"));
        return l;
    }

    private static Path write(Path dir, String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

}
