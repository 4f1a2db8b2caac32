package dev.kustodian.ui.secrets;

import dev.kustodian.core.analysis.Analysis;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.SecretInfo;
import dev.kustodian.core.rbac.Reader;
import dev.kustodian.core.rbac.SecretReaders;
import dev.kustodian.core.secrets.SecretUsage;
import dev.kustodian.core.secrets.SecretUsageIndex;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.ui.framework.NamespaceFiltered;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The Secrets page's state (no nodes; testable): the inventory rows, the text/type/namespace filters, the selection
 * (kept across refreshes by namespace/name), the readers of the selected secret and the safe reveal.
 */
public final class SecretsViewModel implements NamespaceFiltered {
    public static final String ALL_TYPES = "All types";

    /**
     * The result of one analysis (computed off the FX thread): the rows, the sorted secret types the type filter
     * offers, and each row's lower-case filter text (built once, not per keystroke).
     */
    public record Inventory(List<SecretRow> rows, SecretReaders readers, String readersProblem, Clock clock,
                            List<String> types, Map<SecretRow, String> searchTexts) {
    }

    public final ObservableList<SecretRow> rows = FXCollections.observableArrayList();
    public final FilteredList<SecretRow> filtered = new FilteredList<>(rows, r -> true);
    public final StringProperty filterText = new SimpleStringProperty("");
    public final StringProperty typeFilter = new SimpleStringProperty(ALL_TYPES);
    public final ObservableList<String> types = FXCollections.observableArrayList(ALL_TYPES);
    public final ObjectProperty<SecretRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper headerWrapper = new ReadOnlyStringWrapper("");
    public final ReadOnlyStringProperty header = headerWrapper.getReadOnlyProperty();
    public final RevealViewModel reveal;
    private Predicate<String> namespaceOk = ns -> true;
    private Map<SecretRow, String> searchTexts = Map.of();
    private SecretReaders readers;
    private String readersProblem;
    private Clock clock = Clock.systemUTC();

    public SecretsViewModel(RevealViewModel reveal) {
        this.reveal = reveal;
        filterText.addListener((o, a, b) -> applyFilter());
        typeFilter.addListener((o, a, b) -> applyFilter());
        selected.addListener((o, a, b) -> {
            if (b == null) {
                reveal.setTarget(null, null);
            } else if (a == null || !a.key().equals(b.key())) {
                reveal.setTarget(b.namespace(), b.name());
            }
        });
    }

    /** Builds the inventory of {@code snapshot} with its findings: the usage index and the RBAC readers. */
    public static Inventory analyse(Analysis analysis, List<Finding> findings, Clock clock,
                                    Cancellation cancel) {
        ClusterSnapshot snapshot = analysis.snapshot();
        SecretUsageIndex index = analysis.usage();
        SecretReaders readers;
        String problem = null;
        try {
            readers = analysis.secretReaders();
        } catch (RuntimeException e) {
            readers = null; // the readers column then says "n/a"; never guess
            problem = "the RBAC analysis failed (" + dev.kustodian.core.util.IoErrors.reason(e) + ")";
        }
        Map<String, List<Finding>> bySecret = new HashMap<>();
        for (Finding f : findings) {
            if ("Secret".equals(f.object().kind())) {
                bySecret.computeIfAbsent(f.object().namespace() + "/" + f.object().name(), k -> new ArrayList<>())
                        .add(f);
            }
        }
        Comparator<Finding> worstFirst = Comparator.comparing(Finding::severity).reversed();
        List<SecretRow> out = new ArrayList<>(snapshot.secrets().size());
        for (SecretInfo s : snapshot.secrets()) {
            if (cancel != null) {
                cancel.check();
            }
            SecretUsage u = index.usage(s);
            int count = -1;
            int system = 0;
            if (readers != null) {
                Set<Object> subjects = new HashSet<>();
                Set<Object> systemSubjects = new HashSet<>();
                for (Reader r : readers.readers(s.namespace(), s.name())) {
                    (r.system() ? systemSubjects : subjects).add(r.subject());
                }
                systemSubjects.removeAll(subjects);
                count = subjects.size();
                system = systemSubjects.size();
            }
            List<Finding> fs = new ArrayList<>(bySecret.getOrDefault(s.namespace() + "/" + s.name(), List.of()));
            fs.sort(worstFirst);
            out.add(new SecretRow(s, u.managedBy(), u.uses(), count, system, fs));
        }
        TreeSet<String> types = new TreeSet<>();
        Map<SecretRow, String> searchTexts = new IdentityHashMap<>(out.size() * 2);
        for (SecretRow r : out) {
            types.add(r.type());
            searchTexts.put(r, r.searchText());
        }
        return new Inventory(out, readers, problem, clock, List.copyOf(types), searchTexts);
    }

    /** Shows a new inventory; the selection survives when the same secret is still there. */
    public void setInventory(Inventory inv) {
        String keep = selected.get() == null ? null : selected.get().key();
        reveal.hide();
        this.readers = inv.readers();
        this.readersProblem = inv.readersProblem();
        this.clock = inv.clock();
        this.searchTexts = inv.searchTexts();
        List<String> typeList = new ArrayList<>(inv.types().size() + 1);
        typeList.add(ALL_TYPES);
        typeList.addAll(inv.types());
        types.setAll(typeList);
        if (!types.contains(typeFilter.get())) {
            typeFilter.set(ALL_TYPES);
        }
        // the filter of the new inventory first (on the previous rows: none on a first show), then the new rows,
        // filtered and sorted once: setting them first filtered and sorted 20,000 rows twice on the FX thread
        filtered.setPredicate(predicate());
        rows.setAll(inv.rows());
        filtered();
        SecretRow again = keep == null ? null
                : filtered.stream().filter(r -> r.key().equals(keep)).findFirst().orElse(null);
        selected.set(again);
    }

    /**
     * A newer load arrived while the page is not shown: its inventory is built when the page is shown next; until then
     * the rows stay, but the previous load's readers (its RBAC engine, and through it the whole previous snapshot) are
     * let go.
     */
    public void releasePreviousLoad() {
        readers = null;
        readersProblem = "the readers of the new load are being analysed";
    }

    @Override
    public void setNamespaceFilter(Predicate<String> ok) {
        this.namespaceOk = ok;
        applyFilter();
    }

    private void applyFilter() {
        filtered.setPredicate(predicate());
        filtered();
    }

    /** After the rows or the filter changed: the selection if the filter hides it, the header's counts. */
    private void filtered() {
        // the selection is one of the rows: the filter's predicate tells whether it is shown (a list's contains
        // compared it with up to 20,000 rows, field by field)
        SecretRow sel = selected.get();
        if (sel != null && (filtered.getPredicate() != null && !filtered.getPredicate().test(sel)
                || filtered.isEmpty())) {
            selected.set(null);
        }
        int withFindings = 0;
        for (SecretRow r : filtered) {
            if (!r.findings().isEmpty()) {
                withFindings++;
            }
        }
        headerWrapper.set(rows.size() + (rows.size() == 1 ? " secret" : " secrets")
                + (filtered.size() == rows.size() ? "" : " · " + filtered.size() + " shown")
                + " · " + withFindings + " with findings");
    }

    /** The rows the filters let through, as they are now. */
    private Predicate<SecretRow> predicate() {
        String text = filterText.get() == null ? "" : filterText.get().trim().toLowerCase(Locale.ROOT);
        String type = typeFilter.get();
        Predicate<String> ns = namespaceOk;
        Map<SecretRow, String> search = searchTexts;
        boolean anyType = type == null || ALL_TYPES.equals(type);
        boolean anyText = text.isEmpty();
        return r -> ns.test(r.namespace()) && (anyType || type.equals(r.type()))
                && (anyText || search.getOrDefault(r, "").contains(text));
    }

    /** The readers of the selected secret, grouped by subject (empty when none or RBAC not analysed). */
    public List<ReaderEntry> readersOf(SecretRow row) {
        if (readers == null || row == null) {
            return List.of();
        }
        return ReaderEntry.of(readers.readers(row.namespace(), row.name()));
    }

    /** Why the readers are not known (null when they are). */
    public String readersProblem() {
        return readers != null ? null : readersProblem == null ? "the RBAC analysis is not available" : readersProblem;
    }

    public boolean readersAvailable() {
        return readers != null;
    }

    public Clock clock() {
        return clock;
    }

    /** Human age: 5m, 3h, 12d, 2y; "" when unknown. */
    public static String age(java.time.Instant created, java.time.Instant now) {
        if (created == null) {
            return "";
        }
        long s = Math.max(0, java.time.Duration.between(created, now).getSeconds());
        if (s < 3600) {
            return (s / 60) + "m";
        }
        if (s < 86_400) {
            return (s / 3600) + "h";
        }
        long d = s / 86_400;
        return d < 730 ? d + "d" : (d / 365) + "y";
    }

    /** 1.2 KiB style sizes. */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }
}
