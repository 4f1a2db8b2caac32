package dev.kustodian.ui.stores;

import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.externalsecrets.ManifestLinter;
import dev.kustodian.core.externalsecrets.StoreDetection;
import dev.kustodian.core.externalsecrets.StoreInventory;
import dev.kustodian.core.externalsecrets.StoreRules;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.model.ClusterSnapshot;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.List;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What the External stores page shows (no FX nodes; testable): operator detection, store objects, which Secrets a
 * store manages (adoption), and the problems of the last "Lint a folder".
 */
public final class StoresViewModel {
    public final ObservableList<StoreDetection.Status> operators = FXCollections.observableArrayList();
    private final ObservableList<StoreInventory.StoreObject> allObjects = FXCollections.observableArrayList();
    /** Every secret of the visible namespaces (the filter left aside). */
    public final ObservableList<StoreInventory.Adoption> allSecrets = FXCollections.observableArrayList();
    public final ObservableList<Bundle.Problem> lintProblems = FXCollections.observableArrayList();
    public final ObservableList<Finding> findings = FXCollections.observableArrayList();
    /** The store objects and the secrets that pass the filter. */
    public final FilteredList<StoreInventory.StoreObject> objects = new FilteredList<>(allObjects);
    public final FilteredList<StoreInventory.Adoption> secrets = new FilteredList<>(allSecrets);
    public final StringProperty filter = new SimpleStringProperty("");
    /** The filter's text per row of the current data (lower case, built with the data). */
    private Map<Object, String> searchText = Map.of();
    private long plain;
    public final StringProperty lintSummary = new SimpleStringProperty("Lint a folder of manifests (ESO, CSI,"
            + " Sealed Secrets, EncryptionConfiguration, RBAC) before you commit it.");

    public StoresViewModel() {
        filter.addListener((o, a, b) -> applyFilter());
    }

    /** Recomputes everything from the snapshot; {@code namespaceVisible} is the app's namespace filter. */
    public void update(ClusterSnapshot snap, Predicate<String> namespaceVisible) {
        show(compute(snap, namespaceVisible));
    }

    /**
     * The page's data for a snapshot: operators, store objects and the secrets' adoption in the visible namespaces,
     * with the lower-case text the filter searches in each row (any thread: the page computes it off the FX thread).
     */
    public record Data(List<StoreDetection.Status> operators, List<StoreInventory.StoreObject> objects,
                       List<StoreInventory.Adoption> secrets, Map<Object, String> searchText, long plain,
                       List<Finding> findings) {
    }

    public static Data compute(ClusterSnapshot snap, Predicate<String> namespaceVisible) {
        return compute(snap, null, namespaceVisible);
    }

    /**
     * The page's data with the area's findings among {@code findings}; with null findings, the data leaves the findings
     * shown as they are ({@link #updateFindings} shows them when the analysis arrives).
     */
    public static Data compute(ClusterSnapshot snap, List<Finding> findings, Predicate<String> namespaceVisible) {
        List<StoreInventory.StoreObject> objs = StoreInventory.objects(snap).stream()
                .filter(o -> namespaceVisible.test(o.namespace())).toList();
        List<StoreInventory.Adoption> adoption = StoreInventory.adoption(snap).stream()
                .filter(a -> a.management() != StoreInventory.Management.SYSTEM)
                .filter(a -> namespaceVisible.test(a.namespace())).toList();
        Map<Object, String> text = new IdentityHashMap<>(2 * (objs.size() + adoption.size()));
        for (StoreInventory.StoreObject o : objs) {
            text.put(o, (o.kind() + " " + o.qualifiedName() + " " + o.summary()).toLowerCase(Locale.ROOT));
        }
        for (StoreInventory.Adoption a : adoption) {
            text.put(a, (a.namespace() + "/" + a.name() + " " + a.management() + " " + a.by()).toLowerCase(Locale.ROOT));
        }
        long plain = adoption.stream().filter(a -> a.management() == StoreInventory.Management.PLAIN).count();
        return new Data(StoreDetection.detect(snap), objs, adoption, text, plain,
                findings == null ? null : areaFindings(findings, namespaceVisible));
    }

    private static List<Finding> areaFindings(List<Finding> all, Predicate<String> namespaceVisible) {
        return all == null ? List.of() : all.stream()
                .filter(f -> StoreRules.AREA.equals(f.area()) && !f.system())
                .filter(f -> namespaceVisible.test(f.object().namespace())).toList();
    }

    /** Shows computed data (FX thread). */
    public void show(Data data) {
        // the filters read the search text of the new lists as they pass through: filtered (and the tables sorted)
        // once, not a second time by setting the same filter again (20,000 secrets)
        searchText = data.searchText();
        plain = data.plain();
        if (!operators.equals(data.operators())) { // cluster-wide: a namespace change leaves their cards as they are
            operators.setAll(data.operators());
        }
        allObjects.setAll(data.objects());
        allSecrets.setAll(data.secrets());
        if (data.findings() != null && !findings.equals(data.findings())) {
            findings.setAll(data.findings());
        }
    }

    /** The external stores area's findings (expected system ones left out) in the visible namespaces. */
    public void updateFindings(List<Finding> all, Predicate<String> namespaceVisible) {
        findings.setAll(areaFindings(all, namespaceVisible));
    }

    private void applyFilter() {
        String f = filter.get() == null ? "" : filter.get().trim().toLowerCase(Locale.ROOT);
        objects.setPredicate(o -> f.isEmpty() || searchText.getOrDefault(o, "").contains(f));
        secrets.setPredicate(a -> f.isEmpty() || searchText.getOrDefault(a, "").contains(f));
    }

    /** Runs the linter (call off the FX thread). */
    public static ManifestLinter.LintResult lint(List<java.nio.file.Path> inputs) {
        return dev.kustodian.core.analysis.Linting.manifestLinter().lint(inputs);
    }

    /** Shows a lint report. */
    public void showLint(java.nio.file.Path folder, ManifestLinter.LintResult r) {
        lintProblems.setAll(r.problems());
        lintSummary.set(folder + ": " + r.files() + " file(s), " + r.objects() + " object(s), " + r.errors()
                + " error(s), " + r.warnings() + " warning(s)" + (r.unreadable().isEmpty() ? ""
                : ", " + r.unreadable().size() + " unreadable: " + r.unreadable().stream()
                .map(u -> u.file() + ":" + u.line() + " " + u.message()).reduce((a, b) -> a + "; " + b).orElse(""))
                + (r.errors() == 0 ? " — no errors." : "."));
    }

    /** The plain secrets among {@link #allSecrets} (counted with the data, off the FX thread). */
    public long plainCount() {
        return plain;
    }

    public long managedCount() {
        return allSecrets.size() - plainCount();
    }
}
