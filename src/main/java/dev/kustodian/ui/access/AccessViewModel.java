package dev.kustodian.ui.access;

import dev.kustodian.core.model.BindingInfo;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.NamespaceInfo;
import dev.kustodian.core.model.SecretInfo;
import dev.kustodian.core.rbac.Grant;
import dev.kustodian.core.rbac.Identity;
import dev.kustodian.core.rbac.RbacEngine;
import dev.kustodian.core.rbac.RbacMatch;
import dev.kustodian.core.rbac.Reader;
import dev.kustodian.core.rbac.Request;
import dev.kustodian.core.rbac.RequestQuery;
import dev.kustodian.core.rbac.RuleText;
import dev.kustodian.core.rbac.SecretReaders;
import dev.kustodian.core.rbac.SubjectRef;
import dev.kustodian.core.rbac.SubjectRisk;
import dev.kustodian.ui.framework.LatestOnly;
import dev.kustodian.ui.framework.NamespaceFiltered;
import dev.kustodian.ui.framework.TaskExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Everything the Access page shows, as JavaFX properties without nodes (testable without a scene): the ranked risky
 * subjects with their filters, the selected subject's effective rules, access matrix and binding paths, the
 * who-can query and the readers of a secret. The expensive part ({@link #analyse}) runs off the FX thread.
 */
public final class AccessViewModel implements NamespaceFiltered {
    public static final String ALL_KINDS = "All kinds";
    public static final List<String> KINDS = List.of(ALL_KINDS, SubjectRef.USER, SubjectRef.GROUP,
            SubjectRef.SERVICE_ACCOUNT);
    /** Choice for "evaluate at cluster scope" in namespace pickers. */
    public static final String CLUSTER_SCOPE = "(cluster scope)";
    public static final String RIGHT_SIZE_WIZARD = "right-size";

    /**
     * The analysis of one snapshot: engine, ranking, readers index, and the pickers' choices (every secret as
     * {@code namespace/name} and every namespace, sorted, before the namespace filter), and each ranked subject's
     * text for the filter ({@link #searchText}). Immutable; built off the FX thread.
     */
    public record Analysis(ClusterSnapshot snapshot, RbacEngine engine, List<SubjectRisk> ranking,
                           SecretReaders readers, List<String> secretKeys, List<String> namespaces,
                           List<String> searchText) {
    }

    /** Separates the parts of {@link #searchText}; a filter text cannot contain it (see {@link #matches}). */
    private static final char SEARCH_SEPARATOR = '\u0000';

    /**
     * What the text filter searches in one ranked subject: its display name and each reason, lower case, joined by
     * {@link #SEARCH_SEPARATOR}. Built once per analysis off the FX thread, so a keystroke does not lower-case every
     * subject's reasons again.
     */
    static String searchText(SubjectRisk r) {
        StringBuilder b = new StringBuilder(r.subject().display().toLowerCase(Locale.ROOT));
        for (String reason : r.reasons()) {
            b.append(SEARCH_SEPARATOR).append(reason.toLowerCase(Locale.ROOT));
        }
        return b.toString();
    }

    /** Whether the subject's display name or one of its reasons contains {@code text} (lower case, not empty). */
    private static boolean matches(SubjectRisk r, String searchText, String text) {
        if (text.indexOf(SEARCH_SEPARATOR) < 0) {
            return searchText.contains(text);
        }
        return r.subject().display().toLowerCase(Locale.ROOT).contains(text)
                || r.reasons().stream().anyMatch(x -> x.toLowerCase(Locale.ROOT).contains(text));
    }

    /** A row of the access matrix: resource (display form) and verb → allowed. */
    public record MatrixRow(String resource, Map<String, Boolean> verbs) {
    }

    /** A binding path: the binding, the subject it names that matched ({@code via}), the role and its rules. */
    public record PathBinding(String binding, String via, String role, boolean roleFound, List<String> rules) {
    }

    public final ObjectProperty<Analysis> analysis = new SimpleObjectProperty<>();
    public final ObservableList<SubjectRisk> subjects = FXCollections.observableArrayList();
    public final ObservableList<SubjectRisk> systemSubjects = FXCollections.observableArrayList();
    public final StringProperty kindFilter = new SimpleStringProperty(ALL_KINDS);
    public final BooleanProperty showSystem = new SimpleBooleanProperty(false);
    public final StringProperty textFilter = new SimpleStringProperty("");
    public final IntegerProperty totalRanked = new SimpleIntegerProperty();
    private Predicate<String> namespaceVisible = ns -> true;
    /** Filters in the background when set ({@link #filterInBackground}). */
    private LatestOnly filtering;

    public final ObjectProperty<SubjectRef> selected = new SimpleObjectProperty<>();
    public final StringProperty subjectNamespace = new SimpleStringProperty(CLUSTER_SCOPE);
    public final ObservableList<RbacEngine.EffectiveRule> effectiveRules = FXCollections.observableArrayList();
    public final ObservableList<MatrixRow> matrix = FXCollections.observableArrayList();
    public final ObservableList<PathBinding> paths = FXCollections.observableArrayList();
    public final ObjectProperty<SubjectRisk> selectedRisk = new SimpleObjectProperty<>();

    public final StringProperty whoVerb = new SimpleStringProperty("get");
    public final StringProperty whoResource = new SimpleStringProperty("secrets");
    public final StringProperty whoSubresource = new SimpleStringProperty("");
    public final StringProperty whoName = new SimpleStringProperty("");
    public final StringProperty whoNamespace = new SimpleStringProperty(CLUSTER_SCOPE);
    public final ObservableList<RbacEngine.SubjectAccess> whoCan = FXCollections.observableArrayList();
    public final StringProperty whoMessage = new SimpleStringProperty("");

    public final ObservableList<String> secretChoices = FXCollections.observableArrayList();
    public final ObservableList<String> namespaceChoices = FXCollections.observableArrayList();
    public final StringProperty selectedSecret = new SimpleStringProperty();
    public final ObservableList<Reader> secretReaders = FXCollections.observableArrayList();
    public final ObservableList<ReaderRow> readerRows = FXCollections.observableArrayList();
    public final IntegerProperty hiddenSystemReaders = new SimpleIntegerProperty();

    public AccessViewModel() {
        kindFilter.addListener((o, a, b) -> filterChanged());
        showSystem.addListener((o, a, b) -> {
            filterChanged();
            refreshSecretReaders();
        });
        textFilter.addListener((o, a, b) -> filterChanged());
        selected.addListener((o, a, b) -> {
            if (b != null && !java.util.Objects.equals(a, b)) {
                subjectNamespace.set(SubjectRef.SERVICE_ACCOUNT.equals(b.kind()) ? b.namespace() : CLUSTER_SCOPE);
            }
            refreshSubject();
        });
        subjectNamespace.addListener((o, a, b) -> refreshSubject());
        selectedSecret.addListener((o, a, b) -> refreshSecretReaders());
    }

    // ------------------------------------------------------------------ analysis

    /** The expensive part, for the TaskExecutor: engine, risks and ranking, readers index. */
    public static Analysis analyse(dev.kustodian.core.analysis.Analysis analysis) {
        ClusterSnapshot snapshot = analysis.snapshot();
        RbacEngine engine = analysis.rbac();
        List<String> secrets = new ArrayList<>(snapshot.secrets().size());
        Set<String> namespaces = new TreeSet<>();
        for (SecretInfo s : snapshot.secrets()) {
            secrets.add(s.meta().namespace() + "/" + s.meta().name());
            namespaces.add(s.meta().namespace());
        }
        secrets.sort(String::compareTo);
        for (NamespaceInfo n : snapshot.namespaces()) {
            namespaces.add(n.meta().name());
        }
        namespaces.addAll(engine.namespacesWithRoleBindings());
        namespaces.remove("");
        List<SubjectRisk> ranking = SubjectRisk.rank(analysis.risks());
        List<String> searchText = new ArrayList<>(ranking.size());
        for (SubjectRisk r : ranking) {
            searchText.add(searchText(r));
        }
        return new Analysis(snapshot, engine, ranking, analysis.secretReaders(), List.copyOf(secrets),
                List.copyOf(namespaces), List.copyOf(searchText));
    }

    /** Installs a new analysis (FX thread); the selected subject and secret survive when they still exist. */
    public void setAnalysis(Analysis a) {
        analysis.set(a);
        totalRanked.set(a == null ? 0 : a.ranking().size());
        refreshChoices();
        refilter();
        refreshSubject();
        refreshSecretReaders();
        if (!whoCan.isEmpty() || !whoMessage.get().isEmpty()) {
            runWhoCan();
        }
    }

    @Override
    public void setNamespaceFilter(Predicate<String> visible) {
        this.namespaceVisible = visible == null ? ns -> true : visible;
        refreshChoices();
        filterChanged();
    }

    private void refreshChoices() {
        Analysis a = analysis.get();
        List<String> secrets = new ArrayList<>(a == null ? 0 : a.secretKeys().size());
        List<String> ns = new ArrayList<>();
        ns.add(CLUSTER_SCOPE);
        if (a != null) {
            // sorted off the FX thread (analyse); here only the namespace filter, keys are "namespace/name"
            for (String key : a.secretKeys()) {
                if (namespaceVisible.test(key.substring(0, key.indexOf('/')))) {
                    secrets.add(key);
                }
            }
            a.namespaces().stream().filter(namespaceVisible).forEach(ns::add);
        }
        secretChoices.setAll(secrets);
        namespaceChoices.setAll(ns);
        if (a != null && selectedSecret.get() != null
                && java.util.Collections.binarySearch(secrets, selectedSecret.get()) < 0) {
            selectedSecret.set(null);
        }
    }

    /**
     * Filters the ranked subjects in the background from now on (the page's executor; without it, on the calling
     * thread, as the tests do): on the large cluster the text filter tests a few thousand subjects' names and reasons,
     * up to 24 ms of FX CPU for a keystroke before the JIT has compiled it. A result arriving after a newer filter
     * change or a new analysis is dropped.
     */
    public void filterInBackground(TaskExecutor tasks) {
        filtering = new LatestOnly(tasks);
    }

    /** A filter changed: the subjects are filtered again (in the background when {@link #filterInBackground}). */
    private void filterChanged() {
        Analysis a = analysis.get();
        if (filtering == null || a == null) {
            refilter();
            return;
        }
        Filter f = filter();
        filtering.submit("Filtering subjects", (p, c) -> f.apply(a), this::showFiltered, e -> refilter());
    }

    /** Filters on the calling thread (a new analysis); a background filter still running is dropped. */
    private void refilter() {
        if (filtering != null) {
            filtering.invalidate();
        }
        Analysis a = analysis.get();
        showFiltered(a == null ? new Filtered(List.of(), List.of()) : filter().apply(a));
    }

    private void showFiltered(Filtered f) {
        subjects.setAll(f.main());
        systemSubjects.setAll(f.system());
    }

    private Filter filter() {
        String text = textFilter.get() == null ? "" : textFilter.get().trim().toLowerCase(Locale.ROOT);
        return new Filter(kindFilter.get(), text, showSystem.get(), namespaceVisible);
    }

    /** The ranked subjects a filter lets through: ranked with the others, and the system group. */
    private record Filtered(List<SubjectRisk> main, List<SubjectRisk> system) {
    }

    /** The subjects filters as they are at one moment (immutable: applied off the FX thread). */
    private record Filter(String kind, String text, boolean showSystem, Predicate<String> namespaceVisible) {
        Filtered apply(Analysis a) {
            List<SubjectRisk> main = new ArrayList<>();
            List<SubjectRisk> sys = new ArrayList<>();
            List<SubjectRisk> ranking = a.ranking();
            for (int i = 0; i < ranking.size(); i++) {
                SubjectRisk r = ranking.get(i);
                if (kind != null && !ALL_KINDS.equals(kind) && !kind.equals(r.subject().kind())) {
                    continue;
                }
                if (!text.isEmpty() && !matches(r, a.searchText().get(i), text)) {
                    continue;
                }
                if (!inVisibleNamespace(r, namespaceVisible)) {
                    continue;
                }
                (r.system() && !showSystem ? sys : main).add(r);
            }
            return new Filtered(main, sys);
        }
    }

    /** Service accounts by their namespace; users and groups when any of their risky bindings is visible. */
    private static boolean inVisibleNamespace(SubjectRisk r, Predicate<String> namespaceVisible) {
        if (SubjectRef.SERVICE_ACCOUNT.equals(r.subject().kind())) {
            return namespaceVisible.test(r.subject().namespace());
        }
        for (String b : r.bindings()) {
            if (!b.startsWith("RoleBinding/")) {
                return true;
            }
            String[] p = b.split("/", 3);
            if (p.length == 3 && namespaceVisible.test(p[1])) {
                return true;
            }
        }
        return r.bindings().isEmpty();
    }

    // ------------------------------------------------------------------ subject view

    private void refreshSubject() {
        Analysis a = analysis.get();
        SubjectRef s = selected.get();
        if (a == null || s == null) {
            effectiveRules.clear();
            matrix.clear();
            paths.clear();
            selectedRisk.set(null);
            return;
        }
        selectedRisk.set(a.ranking().stream().filter(r -> r.subject().equals(s)).findFirst().orElse(null));
        Identity id = s.identity();
        String ns = namespaceOf(subjectNamespace.get());
        effectiveRules.setAll(a.engine().rulesFor(id, ns));
        List<MatrixRow> rows = new ArrayList<>();
        a.engine().matrix(id, ns, null).forEach((res, verbs) -> rows.add(new MatrixRow(res.display(), verbs)));
        matrix.setAll(rows);
        paths.setAll(pathsOf(a.engine(), s));
    }

    /** Every binding that applies to the subject (directly or through its groups), with its role and rules. */
    static List<PathBinding> pathsOf(RbacEngine engine, SubjectRef s) {
        Identity id = s.identity();
        List<PathBinding> out = new ArrayList<>();
        if (id.isMaster()) {
            out.add(new PathBinding(Grant.MASTERS_BINDING, null, Grant.MASTERS_ROLE, true,
                    List.of("everything (the apiserver allows group system:masters before RBAC)")));
        }
        for (RbacEngine.Bound b : engine.bindings()) {
            SubjectRef via = null;
            boolean matched = false;
            for (BindingInfo.Subject bs : b.binding().subjects()) {
                if (RbacMatch.subjectMatches(bs, b.namespace(), id)) {
                    SubjectRef ref = SubjectRef.of(bs, b.namespace());
                    matched = true;
                    if (s.equals(ref)) {
                        via = null;
                        break;
                    }
                    via = ref;
                }
            }
            if (!matched) {
                continue;
            }
            List<String> rules = b.roleFound() ? b.rules().stream().map(RuleText::of).toList()
                    : List.of("(the role does not exist: this binding grants nothing)");
            out.add(new PathBinding(b.bindingRef(), via == null ? null : via.display(), b.roleRef(), b.roleFound(),
                    rules));
        }
        // direct bindings first, then those through a group; each part in binding order
        List<PathBinding> sorted = new ArrayList<>(out.stream().filter(p -> p.via() == null).toList());
        sorted.addAll(out.stream().filter(p -> p.via() != null).toList());
        return sorted;
    }

    static String namespaceOf(String choice) {
        return choice == null || CLUSTER_SCOPE.equals(choice) ? "" : choice;
    }

    // ------------------------------------------------------------------ who-can

    /** How the query bar's fields are named in its messages. */
    static final RequestQuery.Labels QUERY_BAR = new RequestQuery.Labels("Give a verb, such as get, list or create.",
            "Give a resource, such as secrets, deployments.apps or secrets/NAME.", "API group", "subresource",
            "name", "put the subresource in its own field (e.g. pods, subresource exec)");

    /**
     * Parses the query bar into a request, as {@code kustodian who-can} does ({@code RESOURCE[.GROUP][/NAME]} or a
     * URL; the subresource in its own field); throws IllegalArgumentException with a user sentence.
     */
    public static Request parseQuery(String verb, String resource, String subresource, String name, String namespace) {
        return RequestQuery.parse(verb == null ? "" : verb.trim(), resource == null ? "" : resource.trim(), null,
                blankToNull(subresource), blankToNull(name), namespaceOf(namespace), QUERY_BAR);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Runs the query bar: fills {@link #whoCan()} and {@link #whoMessageProperty()}. */
    public void runWhoCan() {
        Analysis a = analysis.get();
        if (a == null) {
            whoCan.clear();
            whoMessage.set("Nothing loaded yet.");
            return;
        }
        Request r;
        try {
            r = parseQuery(whoVerb.get(), whoResource.get(), whoSubresource.get(), whoName.get(), whoNamespace.get());
        } catch (IllegalArgumentException e) {
            whoCan.clear();
            whoMessage.set(e.getMessage());
            return;
        }
        List<RbacEngine.SubjectAccess> result = a.engine().whoCan(r);
        whoCan.setAll(result);
        whoMessage.set(result.size() + (result.size() == 1 ? " subject can " : " subjects can ") + r.describe()
                + ".");
    }

    // ------------------------------------------------------------------ secret readers

    private void refreshSecretReaders() {
        Analysis a = analysis.get();
        String s = selectedSecret.get();
        if (a == null || s == null || !s.contains("/")) {
            secretReaders.clear();
            readerRows.clear();
            hiddenSystemReaders.set(0);
            return;
        }
        String[] p = s.split("/", 2);
        List<Reader> all = a.readers().readers(p[0], p[1]);
        List<Reader> shown = new ArrayList<>();
        int hidden = 0;
        for (Reader r : all) {
            if (r.system() && !showSystem.get()) {
                hidden++;
            } else {
                shown.add(r);
            }
        }
        hiddenSystemReaders.set(hidden);
        readerRows.setAll(group(shown));
        secretReaders.setAll(shown);
    }

    /** One row of the readers view: a subject's direct (or indirect) ways to read the secret, and their paths. */
    public record ReaderRow(SubjectRef subject, boolean direct, List<String> how, List<String> paths,
                            boolean system) {
    }

    /** The readers of the selected secret, one row per subject and kind of access (direct rows first). */
    public static List<ReaderRow> group(List<Reader> readers) {
        Map<String, List<Reader>> m = new LinkedHashMap<>();
        for (boolean direct : new boolean[]{true, false}) {
            for (Reader r : readers) {
                if (r.direct() == direct) {
                    m.computeIfAbsent(direct + "\n" + r.subject().display(), k -> new ArrayList<>()).add(r);
                }
            }
        }
        List<ReaderRow> out = new ArrayList<>();
        for (List<Reader> l : m.values()) {
            Set<String> how = new java.util.LinkedHashSet<>();
            Set<String> paths = new java.util.LinkedHashSet<>();
            boolean system = true;
            for (Reader r : l) {
                how.add(r.how());
                r.via().forEach(g -> paths.add(g.describe()));
                system &= r.system();
            }
            out.add(new ReaderRow(l.get(0).subject(), l.get(0).direct(), List.copyOf(how), List.copyOf(paths),
                    system));
        }
        return out;
    }

    // ------------------------------------------------------------------ properties
}
