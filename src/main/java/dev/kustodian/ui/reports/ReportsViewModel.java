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
import javafx.collections.transformation.FilteredList;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The Reports page's state: every finding of the current load (all areas), filtered by text, namespace and the
 * include-system toggle; the selection; and the report of what is shown, in any {@link ReportFormat}.
 */
public final class ReportsViewModel {
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final FilteredList<Finding> filtered = new FilteredList<>(findings, f -> true);
    private final StringProperty filterText = new SimpleStringProperty("");
    private final BooleanProperty includeSystem = new SimpleBooleanProperty(false);
    private final ObjectProperty<Finding> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper header = new ReadOnlyStringWrapper("");
    private Predicate<String> namespaceOk = ns -> true;
    private String source = "";
    private String cisBenchmark;
    private dev.kustodian.core.findings.Coverage coverage;

    public ReportsViewModel() {
        filterText.addListener((o, a, b) -> applyFilter());
        includeSystem.addListener((o, a, b) -> applyFilter());
    }

    public void setFindings(List<Finding> all, String source) {
        String keep = selected.get() == null ? null : selected.get().id();
        this.source = source == null ? "" : source;
        findings.setAll(all);
        applyFilter();
        selected.set(keep == null ? null : filtered.stream().filter(f -> f.id().equals(keep)).findFirst().orElse(null));
    }

    /** What the load could not see: exported reports list the gaps and the rules they blinded. */
    public void setCoverage(dev.kustodian.core.findings.Coverage coverage) {
        this.coverage = coverage;
    }

    public void setNamespaceFilter(Predicate<String> ok) {
        this.namespaceOk = ok;
        applyFilter();
    }

    private void applyFilter() {
        String text = filterText.get() == null ? "" : filterText.get().trim().toLowerCase(Locale.ROOT);
        boolean sys = includeSystem.get();
        Predicate<String> ns = namespaceOk;
        filtered.setPredicate(f -> (sys || !f.system()) && ns.test(f.object().namespace())
                && (text.isEmpty() || (f.rule() + " " + f.area() + " " + f.severity().label() + " "
                + f.object().display() + " " + f.title()).toLowerCase(Locale.ROOT).contains(text)));
        if (selected.get() != null && !filtered.contains(selected.get())) {
            selected.set(null);
        }
        long hiddenSystem = findings.stream().filter(f -> f.system() && ns.test(f.object().namespace())).count();
        header.set(findings.size() + (findings.size() == 1 ? " finding" : " findings")
                + (filtered.size() == findings.size() ? "" : " · " + filtered.size() + " shown")
                + (sys || hiddenSystem == 0 ? "" : " · " + hiddenSystem + " expected system finding(s) hidden"));
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

    public ObservableList<Finding> findings() {
        return findings;
    }

    public FilteredList<Finding> filtered() {
        return filtered;
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    public BooleanProperty includeSystemProperty() {
        return includeSystem;
    }

    public ObjectProperty<Finding> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty headerProperty() {
        return header.getReadOnlyProperty();
    }
}
