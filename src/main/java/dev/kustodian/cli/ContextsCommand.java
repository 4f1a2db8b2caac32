package dev.kustodian.cli;

import dev.kustodian.cli.common.CliCommand;
import dev.kustodian.core.cluster.KubeconfigContexts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code kustodian contexts}: the kubeconfig's contexts, like {@code kubectl config get-contexts}. */
@Command(name = "contexts", mixinStandardHelpOptions = true,
        description = {"List the contexts of the kubeconfig (--kubeconfig, else $KUBECONFIG merged, else ~/.kube/config).",
                "The current context is marked with *.",
                "--published adds, per context, what the in-cluster scanner (kustodian generate scanner) last published:",
                "when, and its findings by severity, read from its PolicyReports/OpenReports (a few requests, no load)."})
public final class ContextsCommand extends CliCommand {
    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Kubeconfig file (default: $KUBECONFIG, else ~/.kube/config).")
    Path kubeconfig;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default) or json (shape: docs/json-schemas.md).")
    String output;

    @Option(names = "--published",
            description = "Also read each context's last in-cluster scan from the reports the scanner published "
                    + "(four contexts at a time, --request-timeout each; a context that cannot be read says why).")
    boolean published;

    @Option(names = "--request-timeout", paramLabel = "DURATION", defaultValue = "10s",
            description = "With --published: give up on a context's API server after this long (default: ${DEFAULT-VALUE}).")
    String requestTimeout;

    /** Connects to a context for --published; tests replace it. */
    java.util.function.Function<String, dev.kustodian.core.cluster.ClusterConnection> connector;

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
        java.util.Map<String, dev.kustodian.core.scanner.PublishedReports.ContextResult> reports = published ? readPublished(contexts) : java.util.Map.of();
        if (json) {
            List<Object> items = new ArrayList<>();
            String current = null;
            for (KubeconfigContexts.ContextEntry c : contexts) {
                java.util.Map<String, Object> item = CliJson.object("name", c.name(), "cluster", c.cluster(),
                        "user", c.user(), "namespace", c.namespace(), "current", c.current());
                if (published) {
                    var p = reports.get(c.name());
                    item.put("inClusterScan", CliJson.object("status", p.status(), "message", p.message(),
                            "last", p.last() == null ? null : CliJson.object(
                                    "scannedAt", p.last().scannedAt() == null ? null : p.last().scannedAt().toString(),
                                    "api", p.last().api().apiVersion(), "reports", p.last().reports(),
                                    "findings", p.last().fail(), "bySeverity", p.last().bySeverity(),
                                    "gaps", p.last().gaps(), "complete", p.last().complete())));
                }
                items.add(item);
                current = c.current() ? c.name() : current;
            }
            CliJson.print(out, CliJson.object("currentContext", current, "contexts", items));
            return 0;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(published ? new String[]{"CURRENT", "NAME", "CLUSTER", "USER", "NAMESPACE", "LAST IN-CLUSTER SCAN",
                "FINDINGS"} : new String[]{"CURRENT", "NAME", "CLUSTER", "USER", "NAMESPACE"});
        for (KubeconfigContexts.ContextEntry c : contexts) {
            if (!published) {
                rows.add(new String[]{c.current() ? "*" : "", c.name(), c.cluster(), c.user(), c.namespace()});
                continue;
            }
            var p = reports.get(c.name());
            rows.add(new String[]{c.current() ? "*" : "", c.name(), c.cluster(), c.user(), c.namespace(),
                    p.last() == null ? p.status() : p.last().scannedAt() == null ? "(time unknown)"
                            : p.last().scannedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(),
                    p.last() == null ? p.message() : p.last().counts()});
        }
        Tables.print(out, rows);
        out.flush();
        return 0;
    }

    /** Every context's last in-cluster scan, four at a time; a failure is that context's status, never the command's. */
    private java.util.Map<String, dev.kustodian.core.scanner.PublishedReports.ContextResult> readPublished(List<KubeconfigContexts.ContextEntry> contexts) {
        int timeout = (int) Math.min(Integer.MAX_VALUE,
                dev.kustodian.core.util.Durations.parse("--request-timeout", requestTimeout).toMillis());
        java.util.function.Function<String, dev.kustodian.core.cluster.ClusterConnection> connect = connector != null
                ? connector : name -> dev.kustodian.core.cluster.ClusterConnection.open(
                dev.kustodian.core.cluster.SourceSpec.live(kubeconfig, name), timeout);
        return dev.kustodian.core.scanner.PublishedReports.readAll(contexts.stream()
                .map(KubeconfigContexts.ContextEntry::name).toList(), connect, 4, new dev.kustodian.core.util.Cancellation());
    }
}
