package dev.kustodian.cli;

import dev.kustodian.cli.common.CliCommand;
import dev.kustodian.cli.common.SourceOptions;
import dev.kustodian.core.cluster.ClusterLoader;
import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.analysis.Analysis;
import dev.kustodian.core.findings.Coverage;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.findings.FindingRule;
import dev.kustodian.core.findings.Severity;
import dev.kustodian.core.fleet.FleetScan;
import dev.kustodian.core.fleet.FleetScanner;
import dev.kustodian.core.output.SafeFiles;
import dev.kustodian.core.report.Report;
import dev.kustodian.core.report.ReportFormat;
import dev.kustodian.core.report.ReportWriter;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.UserFacingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code kustodian scan}: every finding of every registered rule, as a table, JSON, SARIF, Markdown or HTML.
 * Exit 0, or 4 when a finding reaches {@code --fail-on}; 5 when visibility gaps kept rules from seeing everything
 * (unless {@code --allow-partial}); 2 bad input; 3 cluster unreachable.
 */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Scans a cluster (or snapshot, or the demo) and reports every finding: Secret exposures, RBAC, encryption",
                "at rest and external stores.",
                "Exit codes: 0 done, 4 a finding reached --fail-on, 5 incomplete (visibility gaps kept rules from",
                "running; --allow-partial accepts it), 2 bad input, 3 cluster unreachable, 1 failed.",
                "Fleet (--contexts A,B / --all-contexts): 3 only when every context failed; 5, then 4, as above for",
                "any scanned context.",
                "In a pod (the scanner CronJob): --in-cluster --publish writes PolicyReports/OpenReports into the",
                "cluster; 1 when a report could not be published (each one named on stderr)."})
public final class ScanCommand extends CliCommand {

    public static final int EXIT_THRESHOLD_MET = 4;
    public static final int EXIT_INCOMPLETE = 5;

    @Mixin
    SourceOptions source;

    @Option(names = {"-o", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: table, json, sarif, markdown, html, policyreport (wgpolicyk8s.io/v1alpha2 "
                    + "PolicyReport per namespace + ClusterPolicyReport, multi-document YAML for kubectl apply or "
                    + "GitOps), openreports (openreports.io/v1alpha1 Report + ClusterReport) (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
    Path output;

    @Option(names = "--force", description = "Overwrite --output FILE if it exists.")
    boolean force;

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "Exit with 4 when a reported finding is at least this severe: low, medium, high, critical.")
    String failOn;

    @Option(names = "--allow-partial",
            description = "Accept an incomplete scan (some rules could not see everything: 403, 404...): exit 0/4 "
                    + "instead of 5. The report still lists the gaps and the rules not evaluated.")
    boolean allowPartial;

    @Option(names = "--cis-benchmark", paramLabel = "NAME",
            description = "Number the CIS ids as in this benchmark (cis-1.5 … cis-1.12, eks-…, gke-…, aks-…). Default: "
                    + "the one kube-bench picks from the server version and platform.")
    String cisBenchmark;

    @Option(names = "--include-system",
            description = "Also report the expected findings of system components (hidden by default).")
    boolean includeSystem;

    @Option(names = "--accept", paramLabel = "FILE",
            description = "Accepted risks (repeatable): kept in the report, marked, not counted for --fail-on until they expire.")
    List<Path> accept = new java.util.ArrayList<>();

    @Option(names = "--baseline", paramLabel = "OLD.json",
            description = "A previous `scan -o json`: --fail-on considers only findings that are not in it.")
    Path baseline;

    @Option(names = "--contexts", paramLabel = "A,B,...", split = ",",
            description = "Scan several kubeconfig contexts (a fleet): one report with a context x area matrix, "
                    + "then each context's findings. A context that fails is reported as such; the others go on.")
    List<String> contexts = new java.util.ArrayList<>();

    @Option(names = "--all-contexts", description = "Scan every context of the kubeconfig (a fleet scan).")
    boolean allContexts;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "" + FleetScan.DEFAULT_PARALLEL,
            description = "Fleet scans: how many contexts are loaded at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Mixin
    PublishOptions publishing = new PublishOptions();

    /** The pod's environment for --in-cluster; tests simulate a pod (null: this process's). */
    dev.kustodian.core.cluster.InCluster.Environment inClusterEnvironment;

    /** How the source is opened; tests replace it to scan a snapshot built in memory. */
    interface Opener {
        ClusterSession open(dev.kustodian.core.cluster.SourceSpec spec, dev.kustodian.core.util.Progress progress,
                            Cancellation cancel);
    }

    Opener opener = ClusterLoader::open;

    /** Runs fleet scans; tests give it fakes or short timeouts. */
    FleetScanner fleetScanner = FleetScanner.live();

    @Override
    public Integer call() throws IOException {
        ReportFormat fmt;
        Severity threshold = null;
        try {
            fmt = ReportFormat.parse(format);
            if (failOn != null) {
                threshold = Severity.parse(failOn);
            }
        } catch (IllegalArgumentException e) {
            throw UserFacingException.badInput(e.getMessage());
        }
        if (output != null && Files.exists(output) && !force) {
            throw UserFacingException.badInput("The file " + output + " already exists. Use --force to replace it, "
                    + "or choose another --output file.");
        }
        if (output != null && output.toAbsolutePath().getParent() != null
                && !Files.isDirectory(output.toAbsolutePath().getParent())) {
            throw UserFacingException.badInput("The folder of " + output + " does not exist. Create it first.");
        }
        String benchmark = cisBenchmark == null ? null : dev.kustodian.core.findings.CisBenchmarks.require(cisBenchmark);
        dev.kustodian.core.accept.AcceptedRisks acceptedRisks = dev.kustodian.core.plan.PlanFiles.loadAccepted(accept, null);
        PrintWriter err = spec.commandLine().getErr();
        CliOutput console = CliOutput.of(spec);
        if (allContexts || !contexts.isEmpty()) {
            String flag = allContexts ? "--all-contexts" : "--contexts";
            source.checkFleet(flag);
            if (publishing.inCluster || publishing.publish) {
                throw UserFacingException.badInput((publishing.inCluster ? "--in-cluster" : "--publish") + " scans one cluster: "
                        + "it cannot be combined with " + flag + ". Run the scanner in each cluster (kustodian "
                        + "generate scanner), or publish one context at a time (--context NAME --publish).");
            }
            if (fmt.policyApi() != null) {
                throw UserFacingException.badInput("-o " + fmt.id() + " writes the reports of one cluster, to apply "
                        + "to that cluster: it cannot be combined with " + flag + ". Run one scan per context "
                        + "(--context NAME -o " + fmt.id() + "), or use -o json/sarif/markdown/html/table for the fleet.");
            }
            if (baseline != null) {
                throw UserFacingException.badInput("--baseline compares one cluster's scans: it cannot be combined "
                        + "with " + flag + ". Scan each context with --context NAME --baseline OLD.json.");
            }
            FleetScan request = new FleetScan(source.kubeconfig(), contexts, allContexts, parallel, includeSystem,
                    acceptedRisks, source.deadlines(), benchmark, source.secretsMode());
            return ScanFleet.run(new ScanFleet.Run(request, fleetScanner, fmt, output, threshold, allowPartial, console,
                    spec.commandLine().getOut(), err));
        }
        dev.kustodian.core.report.PolicyReports.Api publishApi = checkPublishing();
        java.util.Set<String> known = baselineIds();
        List<Finding> findings;
        String sourceLabel;
        List<FindingRule> rules = Analysis.allRules();
        Coverage coverage;
        String usedBenchmark;
        Report report;
        List<Finding> shown;
        java.util.Map<String, dev.kustodian.core.accept.Acceptance> acceptances;
        dev.kustodian.core.scanner.ReportPublisher.Outcome published = null;
        try (ClusterSession session = open(console)) {
            sourceLabel = session.snapshot().source().describe();
            console.note("Analysing with " + rules.size() + " rules...");
            Analysis analysis = Analysis.of(session.snapshot());
            findings = analysis.findings();
            usedBenchmark = benchmark != null ? benchmark : analysis.cisBenchmark();
            coverage = Coverage.of(session.snapshot(), rules);
            shown = includeSystem ? findings : findings.stream().filter(f -> !f.system()).toList();
            acceptances = acceptedRisks.match(shown, java.time.LocalDate.now(java.time.ZoneOffset.UTC));
            report = Report.of(shown, sourceLabel, java.time.Instant.now(), rules).withAccepted(acceptances)
                    .withCoverage(coverage).withCisBenchmark(usedBenchmark);
            if (publishing.publish) {
                published = publish(session, report, publishApi, console);
            }
        }
        boolean formatGiven = spec.commandLine().getParseResult() != null
                && spec.commandLine().getParseResult().hasMatchedOption("-o");
        if (output != null) {
            SafeFiles.writeAtomically(output, w -> ReportWriter.write(report, fmt, w));
            console.note("Wrote " + shown.size() + " finding(s) to " + output + ".");
        } else if (published != null && !formatGiven) {
            PrintWriter out = spec.commandLine().getOut();
            published.applied().forEach(o -> out.println(o.object() + ": " + o.message()));
            published.deleted().forEach(o -> out.println(o.object() + ": " + o.message()));
            out.flush();
        } else {
            BufferedWriter out = new BufferedWriter(spec.commandLine().getOut(), 1 << 16);
            ReportWriter.write(report, fmt, out);
        }
        if (published != null) {
            published.notes().forEach(n -> console.note("note: " + n));
            console.note("Published " + published.results() + " result(s) in " + published.applied().size() + " "
                    + published.api().apiVersion() + " report(s); " + published.deleted().size()
                    + " report(s) of an earlier run deleted.");
            if (!published.ok()) {
                err.println("Publishing failed for " + published.failures().size() + " report(s):");
                published.failures().forEach(o -> err.println("  " + o.object() + ": " + o.message()));
                err.flush();
                return UserFacingException.Category.FAILED.exitCode();
            }
        }
        long hidden = findings.size() - shown.size();
        if (hidden > 0) {
            console.note(hidden + " expected finding(s) of system components not shown (--include-system shows them).");
        }
        if (!acceptances.isEmpty()) {
            console.note(report.acceptedCount() + " accepted finding(s) not counted for --fail-on"
                    + (report.expiredCount() > 0 ? "; " + report.expiredCount() + " acceptance(s) expired: those "
                    + "findings count again" : "") + ".");
        }
        acceptedRisks.unmatched(shown).forEach(a -> console.note("note: " + a.source() + ": the accepted risk "
                + a.target() + " matches no finding (fixed? remove the entry)."));
        err.flush();
        if (!coverage.complete()) {
            err.println("Incomplete scan of " + sourceLabel + ": " + coverage.gaps().size()
                    + " visibility gap(s); "
                    + coverage.notEvaluated().size() + " rule(s) could not see everything they check ("
                    + String.join(", ", coverage.notEvaluated().stream().map(Coverage.NotEvaluated::rule).limit(8)
                    .toList()) + (coverage.notEvaluated().size() > 8 ? ", ..." : "") + ")"
                    + (allowPartial ? "; accepted (--allow-partial)." : ": exit code " + EXIT_INCOMPLETE
                    + " (--allow-partial accepts a partial scan)."));
            err.flush();
            if (!allowPartial) {
                return EXIT_INCOMPLETE;
            }
        }
        if (threshold != null) {
            Severity t = threshold;
            long met = thresholdMet(report, t, known);
            if (met > 0) {
                err.println(met + " finding(s) at " + t.label().toLowerCase(java.util.Locale.ROOT)
                        + " or above: exit code " + EXIT_THRESHOLD_MET + ".");
                err.flush();
                return EXIT_THRESHOLD_MET;
            }
        }
        return 0;
    }

    /**
     * Bad input in the --in-cluster/--publish/--report-format combination (before anything is loaded); the requested
     * report API (null: auto).
     */
    private dev.kustodian.core.report.PolicyReports.Api checkPublishing() {
        if (publishing.inCluster && source.given()) {
            throw UserFacingException.badInput("--in-cluster reads the pod's service account: it cannot be combined "
                    + "with --kubeconfig, --context, --snapshot or --demo.");
        }
        if (publishing.reportFormat != null && !publishing.publish) {
            throw UserFacingException.badInput("--report-format chooses the API --publish writes: add --publish, or "
                    + "write the objects with -o policyreport|openreports.");
        }
        if (publishing.publish && !publishing.inCluster && source.toSpec().kind() == dev.kustodian.core.cluster.SourceSpec.Kind.SNAPSHOT) {
            throw UserFacingException.badInput("--publish writes into the scanned cluster, and a snapshot has none: "
                    + "scan the cluster (--context NAME or --in-cluster), or write the reports with -o policyreport.");
        }
        if (!publishing.publish || publishing.reportFormat == null || publishing.reportFormat.trim().equalsIgnoreCase("auto")) {
            return null;
        }
        try {
            return dev.kustodian.core.report.PolicyReports.Api.parse(publishing.reportFormat);
        } catch (IllegalArgumentException e) {
            throw UserFacingException.badInput("Unknown --report-format '" + publishing.reportFormat
                    + "': use auto, policyreport or openreports.");
        }
    }

    private ClusterSession open(CliOutput console) {
        if (publishing.inCluster) {
            return dev.kustodian.core.cluster.InCluster.open(inClusterEnvironment != null ? inClusterEnvironment
                    : dev.kustodian.core.cluster.InCluster.Environment.current(), source.secretsMode(),
                    source.deadlines(), console.progress(), new Cancellation());
        }
        return opener.open(source.toSpec(), console.progress(), new Cancellation());
    }

    private dev.kustodian.core.scanner.ReportPublisher.Outcome publish(ClusterSession session, Report report,
            dev.kustodian.core.report.PolicyReports.Api requested, CliOutput console) {
        dev.kustodian.core.port.ClusterPort port = session.cluster().orElseThrow(() -> UserFacingException.badInput(
                "--publish needs a cluster to write to; this source has none."));
        var api = dev.kustodian.core.scanner.ReportPublisher.choose(requested, port);
        console.note("Publishing to " + port.contextName() + " as " + api.apiVersion() + " " + api.kind() + "/"
                + api.clusterKind() + (requested == null ? " (auto: chosen by API discovery)" : "") + "...");
        return dev.kustodian.core.scanner.ReportPublisher.publish(report, api, requested == null,
                dev.kustodian.core.report.PolicyReports.Limits.DEFAULTS, port, new Cancellation());
    }

    /** Findings of {@code report} at least {@code t}, not in the baseline ({@code known} ids), not accepted. */
    static long thresholdMet(Report report, Severity t, java.util.Set<String> known) {
        return report.findings().stream().filter(f -> f.severity().atLeast(t)).filter(f -> !known.contains(f.id()))
                .filter(f -> report.acceptance(f) == null || report.acceptance(f).expired()).count();
    }

    /** The finding ids of the --baseline scan (empty without one). */
    private java.util.Set<String> baselineIds() {
        if (baseline == null) {
            return java.util.Set.of();
        }
        List<Finding> old = dev.kustodian.core.report.ScanResults.read(baseline).orElseThrow(() ->
                UserFacingException.badInput("The baseline " + baseline + " is not a `kustodian scan -o json` file."));
        java.util.Set<String> ids = new java.util.HashSet<>();
        old.forEach(f -> ids.add(f.id()));
        return ids;
    }
}
