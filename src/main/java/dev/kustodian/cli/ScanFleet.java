package dev.kustodian.cli;

import dev.kustodian.core.fleet.FleetScan;
import dev.kustodian.core.fleet.FleetScanner;
import dev.kustodian.core.findings.Severity;
import dev.kustodian.core.output.SafeFiles;
import dev.kustodian.core.report.FleetReport;
import dev.kustodian.core.report.FleetReportWriter;
import dev.kustodian.core.report.ReportFormat;
import dev.kustodian.core.util.Cancellation;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The fleet side of {@code kustodian scan --contexts A,B | --all-contexts}: runs the core {@link FleetScanner},
 * says per context on stderr how it went, writes the {@link FleetReport} and picks the exit code. Precedence:
 * 3 when no context could be scanned; else 5 when a scanned context has visibility gaps (unless --allow-partial);
 * else 4 when a finding of any context reaches --fail-on; else 0. A context that could not be scanned while others
 * could does not change the exit code: its row and a line on stderr say so.
 */
final class ScanFleet {
    private ScanFleet() {
    }

    /** What the scan command passes on: its output settings and the request. */
    record Run(FleetScan request, FleetScanner scanner, ReportFormat format, Path output, Severity threshold,
               boolean allowPartial, CliOutput console, PrintWriter out, PrintWriter err) {
    }

    static int run(Run run) throws IOException {
        CliOutput console = run.console();
        FleetReport fleet = run.scanner().run(run.request(), listener(console, run.err()), new Cancellation());
        if (run.output() != null) {
            SafeFiles.writeAtomically(run.output(), w -> FleetReportWriter.write(fleet, run.format(), w));
            console.note("Wrote the fleet report of " + fleet.contexts().size() + " context(s) to " + run.output() + ".");
        } else {
            Writer out = new BufferedWriter(run.out(), 1 << 16);
            FleetReportWriter.write(fleet, run.format(), out);
        }
        return exitCode(fleet, run, run.err());
    }

    private static FleetScanner.Listener listener(CliOutput console, PrintWriter err) {
        return new FleetScanner.Listener() {
            @Override
            public void started(String context) {
                console.note(context + ": scanning...");
            }

            @Override
            public void progress(String context, double fraction, String message) {
                console.detail(context + ": " + (fraction >= 0 ? Math.round(fraction * 100) + "% " : "") + message);
            }

            @Override
            public void finished(FleetReport.Entry e, int done, int total) {
                String head = "[" + done + "/" + total + "] " + e.context() + ": ";
                String took = String.format(Locale.ROOT, " (%.1f s)", e.took().toMillis() / 1000.0);
                if (e.ok()) {
                    console.note(head + "ok, " + e.report().findings().size() + " finding(s)"
                            + (e.incomplete() ? ", " + e.report().coverage().gaps().size() + " visibility gap(s)" : "")
                            + took);
                } else {
                    synchronized (err) { // a context that failed is an error: shown even with --quiet
                        console.endLine();
                        err.println(head + e.status().id() + took + ": " + e.message());
                        err.flush();
                    }
                }
            }
        };
    }

    static int exitCode(FleetReport fleet, Run run, PrintWriter err) {
        if (fleet.allFailed()) {
            err.println("No context could be scanned (" + fleet.contexts().size() + " failed): exit code 3.");
            err.flush();
            return 3;
        }
        if (fleet.failedCount() > 0) {
            err.println(fleet.failedCount() + " of " + fleet.contexts().size() + " context(s) could not be scanned: "
                    + String.join(", ", fleet.contexts().stream().filter(e -> !e.ok())
                    .map(e -> e.context() + " (" + e.status().id() + ")").toList()) + ".");
        }
        var incomplete = fleet.contexts().stream().filter(e -> e.ok() && e.incomplete()).toList();
        if (!incomplete.isEmpty()) {
            err.println("Incomplete scan in " + incomplete.size() + " context(s): " + String.join(", ", incomplete.stream()
                    .map(e -> e.context() + " (" + e.report().coverage().gaps().size() + " visibility gap(s), "
                            + e.report().coverage().notEvaluated().size() + " rule(s) not fully evaluated)").toList())
                    + (run.allowPartial() ? "; accepted (--allow-partial)." : ": exit code "
                    + ScanCommand.EXIT_INCOMPLETE + " (--allow-partial accepts a partial scan)."));
            if (!run.allowPartial()) {
                err.flush();
                return ScanCommand.EXIT_INCOMPLETE;
            }
        }
        if (run.threshold() != null) {
            long met = 0;
            for (FleetReport.Entry e : fleet.contexts()) {
                long n = e.report() == null ? 0 : ScanCommand.thresholdMet(e.report(), run.threshold(), java.util.Set.of());
                if (n > 0) {
                    err.println(e.context() + ": " + n + " finding(s) at "
                            + run.threshold().label().toLowerCase(Locale.ROOT) + " or above.");
                }
                met += n;
            }
            if (met > 0) {
                err.println(met + " finding(s) at " + run.threshold().label().toLowerCase(Locale.ROOT)
                        + " or above in the fleet: exit code " + ScanCommand.EXIT_THRESHOLD_MET + ".");
                err.flush();
                return ScanCommand.EXIT_THRESHOLD_MET;
            }
        }
        err.flush();
        return 0;
    }
}
