package dev.kustodian.ui.fleet;

import dev.kustodian.core.accept.AcceptedRisks;
import dev.kustodian.core.analysis.Analysis;
import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.cluster.KubeconfigContexts;
import dev.kustodian.core.findings.Coverage;
import dev.kustodian.core.fleet.FleetScan;
import dev.kustodian.core.fleet.FleetScanner;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.SourceInfo;
import dev.kustodian.core.report.FleetReport;
import dev.kustodian.core.scanner.PublishedReports;
import dev.kustodian.core.util.UserFacingException;
import dev.kustodian.ui.framework.AbstractPage;
import dev.kustodian.ui.framework.KubeContexts;
import dev.kustodian.ui.framework.PageContext;
import dev.kustodian.ui.framework.PageInfo;
import dev.kustodian.ui.framework.TaskHandle;
import org.kordamp.ikonli.feather.Feather;

import java.time.Clock;
import java.util.List;

/**
 * Fleet: every kubeconfig context with its posture per area, when it was last scanned and whether it could be
 * reached; "Scan all" runs the core {@link FleetScanner} (the same loader and analysis as the CLI's
 * {@code scan --all-contexts}) through the TaskExecutor with progress and cancel; a row opens its context in the app.
 * Nothing runs before the page is shown; a context the app loads itself counts as scanned.
 */
public final class FleetPage extends AbstractPage<FleetView, FleetViewModel> {
    /** The page's metadata: the navigation shows it before the page is created. */
    public static final PageInfo INFO = new PageInfo("fleet", "Fleet", Feather.GLOBE, 9);
    private final Clock clock;
    private TaskHandle running;
    private TaskHandle reading;

    public FleetPage(PageContext ctx) {
        this(ctx, Clock.systemUTC());
    }

    public FleetPage(PageContext ctx, Clock clock) {
        super(ctx, INFO, new FleetViewModel(), null);
        this.clock = clock;
    }

    @Override
    protected FleetView createView() {
        vm.setContexts(ctx.contexts().list());
        ClusterSnapshot s = ctx.state().snapshot();
        if (s != null) {
            record(s);
        }
        FleetView view = new FleetView(vm, this);
        readPublished();
        return view;
    }

    /**
     * Reads, in the background, what the in-cluster scanner last published to every context (its PolicyReports or
     * OpenReports: a few requests per context, no load), four contexts at a time.
     */
    public void readPublished() {
        if (reading != null && reading.running.get()) {
            return;
        }
        List<String> names = ctx.contexts().list().stream().map(KubeContexts.Entry::name).toList();
        if (names.isEmpty()) {
            return;
        }
        vm.publishedReading(names);
        reading = ctx.tasks().submit("Reading in-cluster scan reports", (progress, cancel) ->
                        PublishedReports.readAll(names, ctx.contexts()::connect, FleetScan.DEFAULT_PARALLEL, cancel),
                results -> results.forEach((context, r) -> vm.publishedRead(context, r.last(),
                        r.last() == null && !r.status().equals("none") ? r.message() : null)),
                t -> names.forEach(n -> vm.publishedRead(n, null, "not read")));
    }
    /** Not prepared ahead: its view reads what the in-cluster scanner published to every context. */
    @Override
    public boolean prepareAhead() {
        return false;
    }

    @Override
    public void onSnapshot(ClusterSnapshot snapshot, ClusterSession session) {
        if (viewIfCreated() != null) {
            record(snapshot);
        }
    }

    /** A live context the app loaded: its findings (already computed by the load's analysis) fill its row. */
    private void record(ClusterSnapshot s) {
        if (s.source().kind() != SourceInfo.Kind.LIVE) {
            return;
        }
        Analysis a = ctx.state().analysisOf(s);
        vm.recordLoad(s.source().label(), a.findings(), Coverage.of(s, Analysis.allRules()),
                s.source().loadedAt() == null ? clock.instant() : s.source().loadedAt());
    }

    /** Scans every context of the list in the background (four at a time). */
    public void scanAll() {
        if (running != null && running.running.get()) {
            return;
        }
        vm.setContexts(ctx.contexts().list());
        List<KubeContexts.Entry> entries = ctx.contexts().list();
        if (entries.isEmpty()) {
            return;
        }
        List<String> names = entries.stream().map(KubeContexts.Entry::name).toList();
        List<KubeconfigContexts.ContextEntry> resolved = entries.stream().map(e -> new KubeconfigContexts.ContextEntry(
                e.name(), "", "", "", e.current(), null, e.server())).toList();
        FleetScan request = new FleetScan(null, names, false, FleetScan.DEFAULT_PARALLEL, false, AcceptedRisks.none());
        FleetScanner scanner = new FleetScanner((spec, p, c) -> ctx.contexts().load(spec.context(), p, c), clock);
        vm.scanStarted(names);
        running = ctx.tasks().submit("Scanning " + names.size() + " context(s)", (progress, cancel) ->
                        scanner.run(request, resolved, new FleetScanner.Listener() {
                            @Override
                            public void finished(FleetReport.Entry e, int done, int total) {
                                progress.update((double) done / total, done + " of " + total + " done · "
                                        + e.context() + ": " + e.status().id());
                            }
                        }, cancel),
                report -> {
                    vm.scanFinished(report);
                    readPublished();
                },
                t -> vm.scanStopped(t instanceof UserFacingException u
                        && u.category() == UserFacingException.Category.CANCELLED
                        ? "Scan cancelled: contexts not finished keep their last result."
                        : "The scan stopped: " + (t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage())));
        if (running.running.get() && viewIfCreated() != null) {
            viewIfCreated().bind(running);
        }
    }

    /** Cancels a running scan. */
    public void cancel() {
        if (running != null) {
            running.cancel();
        }
    }

    /** Switches the app to {@code context}, as the context picker does. */
    public void open(String context) {
        ctx.contexts().open(context);
    }

}
