package dev.kustodian.cli;

import dev.kustodian.cli.common.CliCommand;
import dev.kustodian.cli.common.SourceOptions;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.rbac.Grant;
import dev.kustodian.core.rbac.Identity;
import dev.kustodian.core.rbac.RbacEngine;
import dev.kustodian.core.rbac.Request;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

/** {@code kustodian can-i VERB RESOURCE|/url --as USER ...}: yes (exit 0) or no (exit 1); 2 for bad input. */
@Command(name = "can-i", mixinStandardHelpOptions = true,
        description = {"Checks whether a user can do an action, with the kube-apiserver's RBAC semantics.",
                "Prints yes (exit 0) or no (exit 1); exit 2 for bad usage or input.",
                "RESOURCE accepts kubectl's RESOURCE.GROUP and RESOURCE/NAME forms; a leading / means a non-resource URL."})
public final class CanICommand extends CliCommand {

    @Mixin
    RbacQueryOptions query;

    @Mixin
    ImpersonationOptions user;

    @Option(names = "--no-implicit-groups", description = "Evaluate exactly the groups given (no system:authenticated, system:serviceaccounts...).")
    boolean noImplicitGroups;

    @Option(names = "--explain", description = "Print the binding → role → rule path(s) that allow it.")
    boolean explain;

    @Mixin
    SourceOptions source;

    @Override
    public Integer call() {
        Request request = query.request(source);
        Identity id = user.identity(noImplicitGroups);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return RbacCli.withSnapshot(source, err, s -> run(s, id, request, explain, out, err));
    }

    /** The command's logic over a snapshot: prints yes/no (and the paths), returns 0 for yes and 1 for no. */
    public static int run(ClusterSnapshot snapshot, Identity id, Request request, boolean explain, PrintWriter out,
                          PrintWriter err) {
        RbacEngine engine = dev.kustodian.core.analysis.Analysis.of(snapshot).rbac();
        if (explain) {
            RbacCli.printNotes(engine, err);
            RbacEngine.Decision d = engine.explain(id, request);
            out.println(d.allowed() ? "yes" : "no");
            for (Grant g : d.paths()) {
                out.println("  via " + g.describe());
            }
            if (!d.allowed()) {
                out.println("  no rule of any binding that applies to " + id.user() + " (groups: "
                        + String.join(", ", id.groups()) + ") allows " + request.describe());
            }
            out.flush();
            return d.allowed() ? 0 : 1;
        }
        boolean yes = engine.allows(id, request);
        out.println(yes ? "yes" : "no");
        out.flush();
        return yes ? 0 : 1;
    }
}
