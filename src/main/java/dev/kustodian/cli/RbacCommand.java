package dev.kustodian.cli;

import dev.kustodian.cli.common.CliCommand;
import dev.kustodian.cli.common.SourceOptions;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.PolicyRule;
import dev.kustodian.core.rbac.Identity;
import dev.kustodian.core.rbac.RbacEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code kustodian rbac rules|matrix --as USER ...}: effective rules and a verbs × resources grid. */
@Command(name = "rbac", mixinStandardHelpOptions = true,
        description = "Effective RBAC permissions of a user: rules (like kubectl auth can-i --list) and matrix (like rakkess).",
        subcommands = {RbacCommand.RulesCommand.class, RbacCommand.MatrixCommand.class, RbacUnusedCommand.class})
public final class RbacCommand extends GroupCommand {

    /** Options shared by both subcommands (with the user of {@link ImpersonationOptions}). */
    static class IdentityOptions {
        @Option(names = "--no-implicit-groups", description = "Evaluate exactly the groups given.")
        boolean noImplicitGroups;

        @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "Namespace (default: cluster scope for snapshots, else default).")
        String namespace;

        @Option(names = {"-A", "--all-namespaces"}, description = "Cluster scope (ClusterRoleBindings only).")
        boolean all;

        @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
                description = "table (default) or json (shape: docs/json-schemas.md).")
        String output;

        boolean json() {
            return CliJson.wantsJson("-o", output, "table");
        }
    }

    /** What both subcommands do: read the identity, namespace and source, then print as text or JSON. */
    abstract static class ForIdentity extends CliCommand {
        /** Prints what the identity can do in the namespace of the snapshot; returns the exit code. */
        interface Printer {
            int print(ClusterSnapshot snapshot, Identity id, String ns, PrintWriter out, PrintWriter err);
        }

        @Mixin
        ImpersonationOptions user;
        @Mixin
        IdentityOptions who;
        @Mixin
        SourceOptions source;
        private final Printer text;
        private final Printer json;

        ForIdentity(Printer text, Printer json) {
            this.text = text;
            this.json = json;
        }

        @Override
        public Integer call() {
            Identity id = user.identity(who.noImplicitGroups);
            String ns = RbacCli.namespace(who.namespace, who.all, source);
            Printer p = who.json() ? json : text;
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            return RbacCli.withSnapshot(source, err, s -> p.print(s, id, ns, out, err));
        }
    }

    /** The identity and namespace as the JSON outputs name them. */
    static java.util.Map<String, Object> subjectJson(Identity id, String ns) {
        return CliJson.object("user", id.user(), "groups", id.groups().stream().sorted().toList(), "namespace", ns,
                "systemMasters", id.isMaster());
    }

    @Command(name = "rules", mixinStandardHelpOptions = true,
            description = "The rules that apply to the user in the namespace, with the binding and role each comes from.")
    public static final class RulesCommand extends ForIdentity {
        public RulesCommand() {
            super(RulesCommand::run, RulesCommand::runJson);
        }

        /** {@code -o json}: {@code {"subject": {...}, "rules": [{apiGroups, resources, ..., binding, role}]}}. */
        public static int runJson(ClusterSnapshot snapshot, Identity id, String ns, PrintWriter out, PrintWriter err) {
            RbacEngine engine = RbacCli.engine(snapshot, err);
            List<Object> rules = new ArrayList<>();
            for (RbacEngine.EffectiveRule r : engine.rulesFor(id, ns)) {
                PolicyRule p = r.rule();
                rules.add(CliJson.object("apiGroups", p.apiGroups(), "resources", p.resources(),
                        "resourceNames", p.resourceNames(), "nonResourceURLs", p.nonResourceURLs(), "verbs", p.verbs(),
                        "binding", r.binding(), "role", r.role(), "bindingNamespace", r.namespace()));
            }
            CliJson.print(out, CliJson.object("subject", subjectJson(id, ns), "rules", rules));
            return 0;
        }

        public static int run(ClusterSnapshot snapshot, Identity id, String ns, PrintWriter out, PrintWriter err) {
            RbacEngine engine = RbacCli.engine(snapshot, err);
            if (id.isMaster()) {
                out.println("# member of system:masters: the apiserver allows everything before RBAC");
            }
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[]{"Resources", "Non-Resource URLs", "Resource Names", "Verbs", "Via"});
            for (RbacEngine.EffectiveRule r : engine.rulesFor(id, ns)) {
                PolicyRule p = r.rule();
                List<String> res = new ArrayList<>();
                for (String g : p.apiGroups().isEmpty() ? List.of("") : p.apiGroups()) {
                    for (String x : p.resources()) {
                        res.add(g.isEmpty() ? x : x + "." + g);
                    }
                }
                rows.add(new String[]{list(res), list(p.nonResourceURLs()), list(p.resourceNames()), list(p.verbs()),
                        r.binding() + " → " + r.role()});
            }
            printTable(rows, out);
            out.flush();
            return 0;
        }

        private static String list(List<String> l) {
            return "[" + String.join(" ", l) + "]";
        }
    }

    @Command(name = "matrix", mixinStandardHelpOptions = true,
            description = "A verbs × resources grid of what the user can do in the namespace (yes or -).")
    public static final class MatrixCommand extends ForIdentity {
        public MatrixCommand() {
            super(MatrixCommand::run, MatrixCommand::runJson);
        }

        /** {@code -o json}: {@code {"subject": {...}, "verbs": [...], "resources": [{group, resource, allowed: {verb: bool}}]}}. */
        public static int runJson(ClusterSnapshot snapshot, Identity id, String ns, PrintWriter out, PrintWriter err) {
            RbacEngine engine = RbacCli.engine(snapshot, err);
            List<Object> rows = new ArrayList<>();
            for (Map.Entry<RbacEngine.Resource, Map<String, Boolean>> e : engine.matrix(id, ns, null).entrySet()) {
                rows.add(CliJson.object("group", e.getKey().group(), "resource", e.getKey().resource(),
                        "allowed", e.getValue()));
            }
            CliJson.print(out, CliJson.object("subject", subjectJson(id, ns), "verbs", RbacEngine.MATRIX_VERBS,
                    "resources", rows));
            return 0;
        }

        public static int run(ClusterSnapshot snapshot, Identity id, String ns, PrintWriter out, PrintWriter err) {
            RbacEngine engine = RbacCli.engine(snapshot, err);
            List<String[]> rows = new ArrayList<>();
            List<String> header = new ArrayList<>(List.of("RESOURCE"));
            RbacEngine.MATRIX_VERBS.forEach(v -> header.add(v.toUpperCase(java.util.Locale.ROOT)));
            rows.add(header.toArray(String[]::new));
            for (Map.Entry<RbacEngine.Resource, Map<String, Boolean>> e : engine.matrix(id, ns, null).entrySet()) {
                List<String> row = new ArrayList<>(List.of(e.getKey().display()));
                e.getValue().values().forEach(b -> row.add(b ? "yes" : "-"));
                rows.add(row.toArray(String[]::new));
            }
            printTable(rows, out);
            out.flush();
            return 0;
        }
    }

    static void printTable(List<String[]> rows, PrintWriter out) {
        int cols = rows.get(0).length;
        int[] w = new int[cols];
        for (String[] r : rows) {
            for (int i = 0; i < cols; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < cols; i++) {
                b.append(i == cols - 1 ? r[i] : String.format("%-" + w[i] + "s  ", r[i]));
            }
            out.println(b.toString().stripTrailing());
        }
    }
}
