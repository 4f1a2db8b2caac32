package dev.kustodian.cli;

import dev.kustodian.core.cluster.KubeconfigContexts;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code kustodian contexts}: the kubeconfig's contexts, like {@code kubectl config get-contexts}. */
@Command(name = "contexts", mixinStandardHelpOptions = true,
        description = {"List the contexts of the kubeconfig (--kubeconfig, else $KUBECONFIG merged, else ~/.kube/config).",
                "The current context is marked with *."})
public final class ContextsCommand implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Kubeconfig file (default: $KUBECONFIG, else ~/.kube/config).")
    Path kubeconfig;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default) or json (shape: docs/json-schemas.md).")
    String output;

    @Override
    public Integer call() {
        boolean json = CliJson.wantsJson("-o", output, "table");
        KubeconfigContexts.Resolved resolved = KubeconfigContexts.resolve(kubeconfig);
        List<KubeconfigContexts.ContextEntry> contexts = resolved.contexts();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // listed like kubectl config get-contexts; what a load would refuse is said on stderr
        if (contexts.isEmpty()) {
            err.println("warning: the kubeconfig " + resolved.describeFiles() + " defines no contexts.");
        } else if (resolved.currentContext() != null && !resolved.currentContext().isBlank()
                && resolved.find(resolved.currentContext()) == null) {
            err.println("warning: the current context \"" + resolved.currentContext() + "\" of the kubeconfig "
                    + resolved.describeFiles() + " is not one of its contexts.");
        }
        for (KubeconfigContexts.ContextEntry c : contexts) {
            String problem = KubeconfigContexts.problem(resolved, c);
            if (problem != null) {
                err.println("warning: " + problem);
            }
        }
        err.flush();
        if (json) {
            List<Object> items = new ArrayList<>();
            String current = null;
            for (KubeconfigContexts.ContextEntry c : contexts) {
                items.add(CliJson.object("name", c.name(), "cluster", c.cluster(), "user", c.user(),
                        "namespace", c.namespace(), "current", c.current()));
                current = c.current() ? c.name() : current;
            }
            CliJson.print(out, CliJson.object("currentContext", current, "contexts", items));
            return 0;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"CURRENT", "NAME", "CLUSTER", "USER", "NAMESPACE"});
        for (KubeconfigContexts.ContextEntry c : contexts) {
            rows.add(new String[]{c.current() ? "*" : "", c.name(), c.cluster(), c.user(), c.namespace()});
        }
        Tables.print(out, rows);
        out.flush();
        return 0;
    }
}
