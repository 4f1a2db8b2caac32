package dev.kustodian.ui.reports;

import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.findings.FindingRule;
import dev.kustodian.core.report.Report;
import dev.kustodian.core.report.ReportFormat;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import dev.kustodian.ui.framework.LatestOnly;
import dev.kustodian.ui.framework.NamespaceFiltered;
import dev.kustodian.ui.framework.SameThreadTaskExecutor;
import dev.kustodian.ui.framework.TaskExecutor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The Reports page's state: every finding of the current load (all areas), filtered by text, namespace and the
 * include-system toggle; the selection; and the report of what is shown, in any {@link ReportFormat}. Filtering runs
 * off the FX thread (a load can have 80,000 findings): the text each finding is searched by is built once per load,
 * in the first filtering task; a keystroke's result replaces the shown list when it is the latest.
 */
public final class ReportsViewModel implements NamespaceFiltered {
    public final ObservableList<Finding> findings = FXCollections.observableArrayList();
    /** The findings that pass the filters, in load order (replaced as a whole when a filtering ends). */
    public final ObservableList<Finding> filtered = FXCollections.observableArrayList();
    /**
     * The same findings in the table's order ({@link #setOrder}), sorted in the filtering task: the FX thread only
     * hands the table the finished list (a table sorting 80,000 findings itself took 40-90 ms of the FX thread).
     */
    public final ObservableList<Finding> rows = FXCollections.observableArrayList();
    /** The table's order (null: load order) and what it was built from, to tell a new order from the same one. */
    private Comparator<Finding> order;
    private Object orderKey;
    private final LatestOnly filtering;
    /** Shows a filtering's result: at once by default; the page paces it while its view is kept hidden. */
    private java.util.function.Consumer<Runnable> resultsShown = Runnable::run;
    /** The findings of the current load and, once built, their search text (lower case), in the same order. */
    private volatile Searchable searchable = new Searchable(List.of());
    private Set<Finding> shown = Set.of();
    private long hiddenSystem;
    public final StringProperty filterText = new SimpleStringProperty("");
    public final BooleanProperty includeSystem = new SimpleBooleanProperty(false);
    public final ObjectProperty<Finding> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper headerWrapper = new ReadOnlyStringWrapper("");
    public final ReadOnlyStringProperty header = headerWrapper.getReadOnlyProperty();
    private Predicate<String> namespaceOk = ns -> true;
    private String source = "";
    private String cisBenchmark;
    private dev.kustodian.core.findings.Coverage coverage;

    /** Filters on the calling thread (tests). */
    public ReportsViewModel() {
        this(new SameThreadTaskExecutor());
    }

    /** Filters through {@code tasks} (off the FX thread). */
    public ReportsViewModel(TaskExecutor tasks) {
        this.filtering = new LatestOnly(tasks);
        filterText.addListener((o, a, b) -> applyFilter(null));
        includeSystem.addListener((o, a, b) -> applyFilter(null));
    }

    public void setFindings(List<Finding> all, String source) {
        String keep = selected.get() == null ? null : selected.get().id();
        this.source = source == null ? "" : source;
        findings.setAll(all);
        searchable = new Searchable(List.copyOf(all));
        applyFilter(keep);
    }

    /** What the load could not see: exported reports list the gaps and the rules they blinded. */
    public void setCoverage(dev.kustodian.core.findings.Coverage coverage) {
        this.coverage = coverage;
    }

    @Override
    public void setNamespaceFilter(Predicate<String> ok) {
        this.namespaceOk = ok;
        applyFilter(null);
    }

    /** The findings of one load with the text each is searched by (built on first use, off the FX thread). */
    private static final class Searchable {
        final List<Finding> all;
        private String[] text;

        Searchable(List<Finding> all) {
            this.all = all;
        }

        synchronized String[] text() {
            if (text == null) {
                String[] t = new String[all.size()];
                for (int i = 0; i < t.length; i++) {
                    Finding f = all.get(i);
                    t[i] = (f.rule() + " " + f.area() + " " + f.severity().label() + " " + f.object().display() + " "
                            + f.title()).toLowerCase(Locale.ROOT);
                }
                text = t;
            }
            return text;
        }
    }

    private record Filtered(List<Finding> shown, List<Finding> sorted, Set<Finding> shownSet, long hiddenSystem,
                            Finding keep) {
    }

    /**
     * Sets the order of {@link #rows} (the table's sort order; null: load order) and sorts them again off the FX
     * thread; {@code key} tells the same order from a new one (nothing to do when it did not change). The comparator
     * runs off the FX thread: it must only read the findings.
     */
    public void setOrder(Comparator<Finding> order, Object key) {
        if (java.util.Objects.equals(key, orderKey) && (order == null) == (this.order == null)) {
            return;
        }
        this.order = order;
        this.orderKey = key;
        applyFilter(null);
    }

    /** Hands each filtering's result to {@code shown}, which runs it (FX thread) when the view should follow. */
    public void showResultsThrough(java.util.function.Consumer<Runnable> shown) {
        this.resultsShown = shown;
    }

    /** Re-filters off the FX thread; {@code keepId}: the finding to select afterwards (a new load), else the same. */
    private void applyFilter(String keepId) {
        String text = filterText.get() == null ? "" : filterText.get().trim().toLowerCase(Locale.ROOT);
        boolean sys = includeSystem.get();
        Predicate<String> ns = namespaceOk;
        Searchable data = searchable;
        Comparator<Finding> sort = order;
        filtering.submit("Filtering findings", (p, c) -> {
            String[] search = text.isEmpty() ? null : data.text();
            List<Finding> out = new ArrayList<>();
            long hidden = 0;
            Finding keep = null;
            for (int i = 0; i < data.all.size(); i++) {
                Finding f = data.all.get(i);
                boolean nsOk = ns.test(f.object().namespace());
                if (f.system() && nsOk) {
                    hidden++;
                }
                if ((sys || !f.system()) && nsOk && (search == null || search[i].contains(text))) {
                    out.add(f);
                    if (keepId != null && keep == null && f.id().equals(keepId)) {
                        keep = f;
                    }
                }
            }
            Set<Finding> set = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>(out.size() * 2));
            set.addAll(out);
            List<Finding> sorted = out;
            if (sort != null) {
                sorted = new ArrayList<>(out);
                sorted.sort(sort); // stable: ties stay in load order, as the table's own sort kept them
            }
            return new Filtered(out, sorted, set, hidden, keep);
        }, r -> resultsShown.accept(() -> show(r, keepId != null)), t -> { });
    }

    private void show(Filtered r, boolean newLoad) {
        shown = r.shownSet();
        hiddenSystem = r.hiddenSystem();
        filtered.setAll(r.shown());
        rows.setAll(r.sorted());
        if (newLoad) {
            selected.set(r.keep());
        } else if (selected.get() != null && !shown.contains(selected.get())) {
            selected.set(null);
        }
        boolean sys = includeSystem.get();
        headerWrapper.set(findings.size() + (findings.size() == 1 ? " finding" : " findings")
                + (filtered.size() == findings.size() ? "" : " · " + filtered.size() + " shown")
                + (sys || hiddenSystem == 0 ? "" : " · " + hiddenSystem + " expected system finding(s) hidden"));
    }

    /** True when {@code f} passes the current filters (is in {@link #filtered()}). */
    public boolean isShown(Finding f) {
        return f != null && shown.contains(f);
    }

    /** The report of the findings currently shown (filters applied), as {@code scan} would write it. */
    public Report report(Instant now) {
        List<FindingRule> rules = dev.kustodian.core.analysis.Analysis.allRules();
        return Report.of(List.copyOf(filtered), source, now, rules).withCoverage(coverage).numberedIn(cisBenchmark);
    }

    /** The benchmark the findings' CIS ids are already numbered in (named in every exported format). */
    public void setCisBenchmark(String benchmark) {
        this.cisBenchmark = benchmark;
    }
}
