package dev.kustodian.core.fleet;

import dev.kustodian.core.analysis.Analysis;
import dev.kustodian.core.cluster.ClusterLoader;
import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.cluster.KubeconfigContexts;
import dev.kustodian.core.cluster.SourceSpec;
import dev.kustodian.core.findings.Coverage;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.findings.FindingRule;
import dev.kustodian.core.report.FleetReport;
import dev.kustodian.core.report.Report;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.Progress;
import dev.kustodian.core.util.Urls;
import dev.kustodian.core.util.UserFacingException;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Runs a {@link FleetScan}: each context is loaded through the one {@link ClusterLoader} and analysed by its own
 * {@link Analysis} (the same rules and findings as {@code kustodian scan --context NAME}), at most
 * {@code parallel} contexts at once. A context that fails (unreachable, 401, a kubeconfig entry that cannot be used,
 * anything unexpected) becomes that context's entry with its status and message; the others go on. Only the
 * findings of a context are kept once it is analysed: its snapshot is dropped.
 */
public final class FleetScanner {

    /** Opens one source (tests put fakes or short timeouts here); {@link ClusterLoader#open} by default. */
    @FunctionalInterface
    public interface Opener {
        ClusterSession open(SourceSpec spec, Progress progress, Cancellation cancel);
    }

    /** What a front end hears while the fleet is scanned; called from worker threads. */
    public interface Listener {
        /** A context's load started. */
        default void started(String context) {
        }

        /** Progress of one context's load. */
        default void progress(String context, double fraction, String message) {
        }

        /** A context is done ({@code done} of {@code total} finished so far). */
        default void finished(FleetReport.Entry entry, int done, int total) {
        }
    }

    private final Opener opener;
    private final Clock clock;

    public FleetScanner(Opener opener, Clock clock) {
        this.opener = opener;
        this.clock = clock;
    }

    /** Scans with the real loader and the system clock. */
    public static FleetScanner live() {
        return new FleetScanner(ClusterLoader::open, Clock.systemUTC());
    }

    /**
     * Resolves the request's contexts (bad input for unknown names, before anything is loaded) and scans them.
     * Cancelling stops the contexts not yet finished and throws CANCELLED.
     */
    public FleetReport run(FleetScan scan, Listener listener, Cancellation cancel) {
        return run(scan, scan.resolve(), listener, cancel);
    }

    /**
     * Scans {@code entries} (already resolved: the GUI passes the contexts it lists) with the request's
     * concurrency and options; the request's own context list is not read.
     */
    public FleetReport run(FleetScan scan, List<KubeconfigContexts.ContextEntry> entries, Listener listener,
                           Cancellation cancel) {
        int threads = Math.min(scan.parallel(), entries.size());
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "kustodian-fleet");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<FleetReport.Entry>> futures = new ArrayList<>();
            for (KubeconfigContexts.ContextEntry e : entries) {
                futures.add(pool.submit(() -> {
                    FleetReport.Entry r = scanOne(scan, e, listener, cancel);
                    listener.finished(r, done.incrementAndGet(), entries.size());
                    return r;
                }));
            }
            List<FleetReport.Entry> out = new ArrayList<>();
            for (Future<FleetReport.Entry> f : futures) {
                out.add(await(f, cancel));
            }
            return new FleetReport(out, clock.instant());
        } finally {
            pool.shutdownNow();
        }
    }

    private static FleetReport.Entry await(Future<FleetReport.Entry> f, Cancellation cancel) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel.cancel();
            throw new UserFacingException(UserFacingException.Category.CANCELLED, "The fleet scan was cancelled.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UserFacingException u) {
                throw u; // only CANCELLED gets here: every other failure is the context's entry
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** One context: load, analyse, report; or the entry that says why not. Rethrows only a cancellation. */
    FleetReport.Entry scanOne(FleetScan scan, KubeconfigContexts.ContextEntry e, Listener listener,
                              Cancellation cancel) {
        String name = e.name();
        String server = Urls.serverAddress(e.server());
        cancel.check(); // a context not started when the scan was cancelled is not loaded
        long start = System.nanoTime();
        listener.started(name);
        Progress progress = (fraction, message) -> listener.progress(name, fraction, message);
        try {
            Report report;
            try (ClusterSession session = opener.open(SourceSpec.live(scan.kubeconfig(), name)
                    .withDeadlines(scan.deadlines()).withSecrets(scan.secrets()), progress, cancel)) {
                report = report(scan, session);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (seesNothing(report.coverage())) {
                return new FleetReport.Entry(name, server, FleetReport.Status.UNAUTHORIZED, "The credentials were "
                        + "accepted but may list nothing: 403 Forbidden on every kind (" + report.coverage().gaps().size()
                        + " visibility gaps). Bind the user to a role that can read the cluster (e.g. view), then retry.",
                        report, took);
            }
            return new FleetReport.Entry(name, server, FleetReport.Status.OK, "", report, took);
        } catch (UserFacingException ex) {
            if (ex.category() == UserFacingException.Category.CANCELLED || cancel.isCancelled()) {
                throw new UserFacingException(UserFacingException.Category.CANCELLED, "The fleet scan was cancelled.");
            }
            return new FleetReport.Entry(name, server, status(ex), Objects.requireNonNullElse(Urls.redact(ex.getMessage()), ""), null,
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (RuntimeException ex) {
            if (cancel.isCancelled()) {
                throw new UserFacingException(UserFacingException.Category.CANCELLED, "The fleet scan was cancelled.");
            }
            return new FleetReport.Entry(name, server, FleetReport.Status.ERROR, "Scanning context \"" + name
                    + "\" failed unexpectedly (" + ex.getClass().getSimpleName() + "). Run `kustodian scan --context "
                    + name + " --verbose` to see more.", null, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /**
     * The same report a single {@code kustodian scan} of the context writes: findings, acceptances, coverage, the CIS
     * benchmark (the request's, else the one kube-bench would pick for this cluster).
     */
    private Report report(FleetScan scan, ClusterSession session) {
        List<FindingRule> rules = Analysis.allRules();
        Analysis analysis = Analysis.of(session.snapshot());
        List<Finding> findings = analysis.findings();
        Coverage coverage = Coverage.of(session.snapshot(), rules);
        List<Finding> shown = scan.includeSystem() ? findings : findings.stream().filter(f -> !f.system()).toList();
        var acceptances = scan.accepted().match(shown, LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        return Report.of(shown, session.snapshot().source().describe(), clock.instant(), rules)
                .withAccepted(acceptances).withCoverage(coverage)
                .withCisBenchmark(scan.cisBenchmark() != null ? scan.cisBenchmark() : analysis.cisBenchmark());
    }

    /** True when every rule was blinded and every gap is a 403: the identity may list nothing at all. */
    static boolean seesNothing(Coverage c) {
        return c != null && !c.gaps().isEmpty() && c.gaps().stream().allMatch(g -> g.status() == 403)
                && c.notEvaluated().size() == Analysis.allRules().size()
                && c.notEvaluated().stream().noneMatch(Coverage.NotEvaluated::partial);
    }

    /**
     * The status of a context whose load failed. The loader's errors are categories with sentences; credentials
     * rejected (401) and a failing credential plugin are told apart from the rest of "cluster unreachable" by
     * what the sentence reports.
     */
    /**
     * The loader's sentences for a 401: "(401)", "(401 Unauthorized)", ": 401 Unauthorized". Not any "401": the
     * server's address is in most sentences, and a port such as 34012 is not a rejected credential.
     */
    private static final Pattern CREDENTIALS_REJECTED =
            Pattern.compile("\\(401[ )]|\\b401 Unauthorized");

    static FleetReport.Status status(UserFacingException ex) {
        String m = ex.getMessage() == null ? "" : ex.getMessage();
        if (CREDENTIALS_REJECTED.matcher(m).find() || m.contains("rejected the credentials")
                || m.contains("credential plugin")) {
            return FleetReport.Status.UNAUTHORIZED;
        }
        return ex.category() == UserFacingException.Category.CLUSTER_UNREACHABLE
                ? FleetReport.Status.UNREACHABLE : FleetReport.Status.ERROR;
    }
}
