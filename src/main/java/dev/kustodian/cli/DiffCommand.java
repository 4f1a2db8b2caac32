package dev.kustodian.cli;

import dev.kustodian.cli.common.CliCommand;
import dev.kustodian.core.cluster.ClusterLoader;
import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.cluster.SourceSpec;
import dev.kustodian.core.findings.CisBenchmarks;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.findings.Severity;
import dev.kustodian.core.report.FindingDiff;
import dev.kustodian.core.report.ScanResults;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.UserFacingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code kustodian diff OLD NEW}: new, resolved and unchanged findings between two scans (or snapshots). */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compares two scans: OLD and NEW are `kustodian scan -o json` files or snapshots (scanned with",
                "the current rules, system findings left out). Prints the new, resolved and unchanged findings.",
                "Exit codes: 0 done, 4 a new finding reached --fail-on-new, 2 bad input."})
public final class DiffCommand extends CliCommand {

    @Parameters(index = "0", paramLabel = "OLD", description = "The earlier scan JSON or snapshot.")
    Path before;

    @Parameters(index = "1", paramLabel = "NEW", description = "The later scan JSON or snapshot.")
    Path after;

    @Option(names = {"-o", "--format"}, defaultValue = "table", paramLabel = "FORMAT",
            description = "table or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--fail-on-new", paramLabel = "SEVERITY",
            description = "Exit with 4 when a new finding is at least this severe: low, medium, high, critical.")
    String failOnNew;

    @Option(names = "--cis-benchmark", paramLabel = "NAME",
            description = "Number CIS ids as in this benchmark (cis-1.5 … cis-1.12, eks-…, gke-…, aks-…; default: the"
                    + " NEW scan's benchmark, for a snapshot the one kube-bench picks for its cluster).")
    String cisBenchmark;

    /** The benchmark of the NEW side when it names one (a scan file), or of its cluster (a snapshot). */
    private String newBenchmark;

    @Override
    public Integer call() throws IOException {
        if (!format.equals("table") && !format.equals("json")) {
            throw UserFacingException.badInput("Unknown format '" + format + "': use table or json.");
        }
        Severity threshold = null;
        if (failOnNew != null) {
            try {
                threshold = Severity.parse(failOnNew);
            } catch (IllegalArgumentException e) {
                throw UserFacingException.badInput(e.getMessage());
            }
        }
        String chosen = cisBenchmark == null ? null : CisBenchmarks.require(cisBenchmark);
        List<Finding> old = findings(before);
        newBenchmark = null;
        List<Finding> now = findings(after);
        String benchmark = chosen != null ? chosen : newBenchmark != null ? newBenchmark : CisBenchmarks.LATEST;
        FindingDiff diff = FindingDiff.of(CisBenchmarks.translateAll(old, benchmark),
                CisBenchmarks.translateAll(now, benchmark));
        BufferedWriter out = new BufferedWriter(spec.commandLine().getOut());
        if (format.equals("json")) {
            diff.writeJson(out, benchmark);
        } else {
            diff.writeTable(out);
        }
        PrintWriter err = spec.commandLine().getErr();
        if (threshold != null && diff.newAtLeast(threshold) > 0) {
            err.println(diff.newAtLeast(threshold) + " new finding(s) at " + threshold.label().toLowerCase(Locale.ROOT)
                    + " or above: exit code " + ScanCommand.EXIT_THRESHOLD_MET + ".");
            err.flush();
            return ScanCommand.EXIT_THRESHOLD_MET;
        }
        return 0;
    }

    /** The findings of a scan JSON file, or of the snapshot in the file (scanned now, without system findings). */
    private List<Finding> findings(Path file) {
        var scanned = ScanResults.readScan(file);
        if (scanned.isPresent()) {
            newBenchmark = scanned.get().cisBenchmark();
            return scanned.get().findings();
        }
        try (ClusterSession s = ClusterLoader.open(SourceSpec.snapshot(file), (f, m) -> { }, new Cancellation())) {
            var analysis = dev.kustodian.core.analysis.Analysis.of(s.snapshot());
            newBenchmark = analysis.cisBenchmark();
            return analysis.findings().stream().filter(f -> !f.system()).toList();
        }
    }
}
