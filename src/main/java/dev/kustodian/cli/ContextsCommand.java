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
        List<KubeconfigContexts.ContextEntry> contexts = KubeconfigContexts.list(kubeconfig);
        PrintWriter out = spec.commandLine().getOut();
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
