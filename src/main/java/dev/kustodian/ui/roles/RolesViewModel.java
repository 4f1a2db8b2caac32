package dev.kustodian.ui.roles;

import dev.kustodian.core.findings.ObjectRef;
import dev.kustodian.core.model.BindingInfo;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.PolicyRule;
import dev.kustodian.core.model.ServiceAccountInfo;
import dev.kustodian.core.rbac.RbacEngine;
import dev.kustodian.core.rbac.RuleText;
import dev.kustodian.core.rbac.SubjectRef;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** The Roles page's state: subjects with their bindings, the text filter and the selection (kept across loads). */
public final class RolesViewModel {

    /** One binding of a subject: binding → role, scope, the role's rules as text. */
    public record BindingRow(String binding, String role, String scope, List<String> rules, boolean broad) {
    }

    /**
     * One subject row; {@code search} is what the filter looks in, in lower case (the subject, then its roles), built
     * with the row off the FX thread: a keystroke tests every row of the large cluster.
     */
    public record Row(SubjectRef subject, String text, List<BindingRow> bindings, boolean broad, String search) {
        public String kind() {
            return subject.kind();
        }

        public String namespace() {
            return subject.namespace();
        }

        public String name() {
            return subject.name();
        }

        public ObjectRef ref() {
            return new ObjectRef(subject.kind(), subject.namespace(), subject.name());
        }

        public int bindingCount() {
            return bindings.size();
        }
    }

    private final ObservableList<Row> all = FXCollections.observableArrayList();
    /** The rows that pass the filters. */
    public final FilteredList<Row> rows = new FilteredList<>(all);
    public final StringProperty filter = new SimpleStringProperty("");
    public final ObjectProperty<Row> selected = new SimpleObjectProperty<>();
    public final StringProperty header = new SimpleStringProperty("Subjects");
    private Predicate<String> namespaceVisible = ns -> true;

    public RolesViewModel() {
        filter.addListener((o, a, b) -> applyFilter());
    }

    public List<Row> allRows() {
        return List.copyOf(all);
    }

    /** Rebuilds the rows from a snapshot; the selected subject stays selected when it still exists. */
    public void update(dev.kustodian.core.analysis.Analysis s, Predicate<String> namespaceVisible) {
        show(rows(s), namespaceVisible);
    }

    /** Shows rows built by {@link #rows} (off the FX thread); the selected subject stays selected when it still exists. */
    public void show(List<Row> rows, Predicate<String> namespaceVisible) {
        this.namespaceVisible = namespaceVisible == null ? ns -> true : namespaceVisible;
        String keep = selected.get() == null ? null : selected.get().text();
        all.setAll(rows);
        applyFilter();
        Row again = keep == null ? null : rows.stream().filter(r -> r.text().equals(keep)).findFirst().orElse(null);
        selected.set(again);
    }

    public void refilter(Predicate<String> namespaceVisible) {
        this.namespaceVisible = namespaceVisible;
        applyFilter();
    }

    private void applyFilter() {
        String f = filter.get() == null ? "" : filter.get().trim().toLowerCase(Locale.ROOT);
        Predicate<String> ns = namespaceVisible;
        rows.setPredicate(f.isEmpty()
                ? r -> r.namespace().isEmpty() || ns.test(r.namespace())
                : r -> (r.namespace().isEmpty() || ns.test(r.namespace())) && r.search().contains(f));
        header.set("Subjects (" + rows.size() + (rows.size() == all.size() ? "" : " of " + all.size()) + ")");
    }

    static List<Row> rows(dev.kustodian.core.analysis.Analysis analysis) {
        if (analysis == null) {
            return List.of();
        }
        ClusterSnapshot s = analysis.snapshot();
        RbacEngine engine = analysis.rbac();
        Map<String, SubjectRef> subjects = new TreeMap<>();
        Map<String, List<BindingRow>> bindings = new TreeMap<>();
        for (ServiceAccountInfo sa : s.serviceAccounts()) {
            SubjectRef r = SubjectRef.serviceAccount(sa.meta().namespace(), sa.meta().name());
            subjects.put(RoleChoices.text(r), r);
        }
        for (RbacEngine.Bound b : engine.bindings()) {
            BindingInfo bi = b.binding();
            for (BindingInfo.Subject sub : bi.subjects()) {
                SubjectRef r = SubjectRef.of(sub, b.namespace());
                if (r == null) {
                    continue;
                }
                String key = RoleChoices.text(r);
                subjects.putIfAbsent(key, r);
                List<String> rules = b.rules().stream().map(RuleText::of).toList();
                bindings.computeIfAbsent(key, k -> new ArrayList<>()).add(new BindingRow(b.bindingRef(), b.roleRef(),
                        b.namespace().isEmpty() ? "cluster-wide" : "namespace " + b.namespace(),
                        b.roleFound() ? rules : List.of("(role not found: grants nothing)"),
                        b.rules().stream().anyMatch(RolesViewModel::broad)));
            }
        }
        List<Row> out = new ArrayList<>();
        subjects.forEach((k, r) -> {
            List<BindingRow> bs = bindings.getOrDefault(k, List.of());
            out.add(new Row(r, k, bs, bs.stream().anyMatch(BindingRow::broad), search(k, bs)));
        });
        return out;
    }

    /**
     * The filter's text of a row: the subject and each role's name in lower case, separated by a character no filter
     * holds, so that a filter matches within one of them, as when each was tested on its own.
     */
    static String search(String subject, List<BindingRow> bindings) {
        StringBuilder b = new StringBuilder(subject.toLowerCase(Locale.ROOT));
        for (BindingRow row : bindings) {
            b.append('\0').append(row.role().toLowerCase(Locale.ROOT));
        }
        return b.toString();
    }

    /** Wildcards, or reading every secret. */
    static boolean broad(PolicyRule r) {
        boolean wildcard = r.verbs().contains("*") || r.resources().contains("*") || r.apiGroups().contains("*")
                || r.nonResourceURLs().contains("*");
        boolean secrets = (r.apiGroups().contains("") || r.apiGroups().contains("*"))
                && (r.resources().contains("secrets") || r.resources().contains("*"))
                && r.resourceNames().isEmpty()
                && (r.verbs().contains("list") || r.verbs().contains("watch") || r.verbs().contains("*"));
        return wildcard || secrets;
    }
}
