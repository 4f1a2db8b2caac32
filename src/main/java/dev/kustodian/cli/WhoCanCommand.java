package dev.kustodian.cli;

import dev.kustodian.cli.common.CliCommand;
import dev.kustodian.cli.common.SourceOptions;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.rbac.Grant;
import dev.kustodian.core.rbac.RbacEngine;
import dev.kustodian.core.rbac.Request;
import dev.kustodian.core.rbac.SubjectRef;
import dev.kustodian.core.util.UserFacingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;

/** {@code kustodian who-can VERB RESOURCE ... [-o table|json]}: every subject allowed, with its paths. */
@Command(name = "who-can", mixinStandardHelpOptions = true,
        description = {"Lists every subject (User, Group, ServiceAccount) allowed to do an action, with each path",
                "(binding → role). Group system:masters is always listed: the apiserver allows it everything."})
public final class WhoCanCommand extends CliCommand {

    @Mixin
    RbacQueryOptions query;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table", description = "table (default) or json.")
    String output;

    @Mixin
    SourceOptions source;

    @Override
    public Integer call() {
        if (!"table".equals(output) && !"json".equals(output)) {
            throw UserFacingException.badInput("Unknown output format '" + output + "': use table or json.");
        }
        Request request = query.request(source);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return RbacCli.withSnapshot(source, err, s -> run(s, request, "json".equals(output), out, err));
    }

    public static int run(ClusterSnapshot snapshot, Request request, boolean json, PrintWriter out, PrintWriter err) {
        RbacEngine engine = RbacCli.engine(snapshot, err);
        List<RbacEngine.SubjectAccess> result = engine.whoCan(request);
        out.print(json ? toJson(result) : toTable(result));
        out.flush();
        return 0;
    }

    /** The documented JSON shape: a list of {kind, name, namespace (ServiceAccount only), via: [{binding, role}]}. */
    public static String toJson(List<RbacEngine.SubjectAccess> result) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < result.size(); i++) {
            RbacEngine.SubjectAccess a = result.get(i);
            SubjectRef s = a.subject();
            b.append(i == 0 ? "\n" : ",\n").append("  {\"kind\": ").append(RbacCli.json(s.kind()))
                    .append(", \"name\": ").append(RbacCli.json(s.name()));
            if (SubjectRef.SERVICE_ACCOUNT.equals(s.kind())) {
                b.append(", \"namespace\": ").append(RbacCli.json(s.namespace()));
            }
            b.append(", \"via\": [");
            for (int j = 0; j < a.via().size(); j++) {
                Grant g = a.via().get(j);
                b.append(j == 0 ? "" : ", ").append("{\"binding\": ").append(RbacCli.json(g.binding()))
                        .append(", \"role\": ").append(RbacCli.json(g.role())).append('}');
            }
            b.append("]}");
        }
        return b.append(result.isEmpty() ? "]\n" : "\n]\n").toString();
    }

    public static String toTable(List<RbacEngine.SubjectAccess> result) {
        int kw = 4, nw = 4, sw = 9;
        for (RbacEngine.SubjectAccess a : result) {
            kw = Math.max(kw, a.subject().kind().length());
            nw = Math.max(nw, a.subject().name().length());
            sw = Math.max(sw, a.subject().namespace().length());
        }
        String fmt = "%-" + kw + "s  %-" + sw + "s  %-" + nw + "s  %s%n";
        StringBuilder b = new StringBuilder(String.format(fmt, "KIND", "NAMESPACE", "NAME", "VIA"));
        for (RbacEngine.SubjectAccess a : result) {
            boolean first = true;
            for (Grant g : a.via()) {
                String via = g.isMasters() ? "system:masters (apiserver: allowed before RBAC)" : g.binding() + " → " + g.role();
                b.append(first ? String.format(fmt, a.subject().kind(), a.subject().namespace(), a.subject().name(), via)
                        : String.format(fmt, "", "", "", via));
                first = false;
            }
        }
        return b.toString();
    }
}
