package dev.kustodian.ui.app;

import dev.kustodian.ui.framework.AppState;
import dev.kustodian.ui.framework.KubeContexts;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.Progress;
import dev.kustodian.ui.framework.TaskExecutor;
import dev.kustodian.ui.framework.TaskHandle;
import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.cluster.SourceSpec;
import dev.kustodian.core.analysis.Analysis;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.SourceInfo;
import dev.kustodian.core.model.VisibilityGap;
import dev.kustodian.core.plan.ClusterPlan;
import dev.kustodian.core.util.UserFacingException;
import dev.kustodian.ui.overview.OverviewViewModel;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The shell's state and actions: which source is open, loading (through the executor, with progress and cancel),
 * the error state, the context banner, the status bar texts and the namespace list. No FX nodes; testable.
 */
public final class ShellViewModel {

    /** What the page area shows when loading failed: what happened, why, and whether Retry makes sense. */
    public record LoadError(String title, String message, SourceSpec spec, boolean cancelled) {
    }

    public enum Connection { NOT_CONNECTED, LOADING, CONNECTED, SNAPSHOT, ERROR }

    public final AppState state;
    private final TaskExecutor tasks;
    private final SessionOpener opener;
    private final ContextSource contexts;
    private final Settings settings;

    public final BooleanProperty loading = new SimpleBooleanProperty();
    public final DoubleProperty progress = new SimpleDoubleProperty(-1);
    public final StringProperty progressMessage = new SimpleStringProperty("");
    public final ObjectProperty<LoadError> error = new SimpleObjectProperty<>();
    public final ObjectProperty<Connection> connection = new SimpleObjectProperty<>(Connection.NOT_CONNECTED);
    public final StringProperty sourceLabel = new SimpleStringProperty("nothing loaded");
    public final StringProperty identity = new SimpleStringProperty("");
    public final StringProperty gapsText = new SimpleStringProperty("");
    public final StringProperty bannerText = new SimpleStringProperty("");
    public final StringProperty statusMessage = new SimpleStringProperty("");
    public final ObservableList<String> contextItems = FXCollections.observableArrayList();
    public final ObservableList<String> namespaces = FXCollections.observableArrayList();
    private final List<Consumer<ClusterSession>> loadedListeners = new ArrayList<>();
    private TaskHandle current;
    /** Runs work once what the FX thread just set is on screen (the view sets it; default: now). */
    private Consumer<Runnable> afterShown = Runnable::run;
    /** Increments per load: callbacks of a superseded load are ignored. */
    private int generation;

    public ShellViewModel(AppState state, TaskExecutor tasks, SessionOpener opener, ContextSource contexts,
                          Settings settings) {
        this.state = state;
        this.tasks = tasks;
        this.opener = opener;
        this.contexts = contexts;
        this.settings = settings;
        contextItems.setAll(contexts.contexts());
        state.theme.set("dark".equals(settings.theme()) ? AppState.Theme.DARK : AppState.Theme.LIGHT);
        state.theme.addListener((o, a, b) -> settings.setTheme(b == AppState.Theme.DARK ? "dark" : "light"));
    }

    /** Start-up: the current kubeconfig context when a kubeconfig exists, else the demo cluster. */
    public void startUp() {
        open(startUpSpec(contexts));
    }

    /** What the app opens at start-up: the current kubeconfig context when a kubeconfig exists, else the demo. */
    static SourceSpec startUpSpec(ContextSource contexts) {
        return contexts.kubeconfigExists() ? SourceSpec.live(null, contexts.current().orElse(null)) : SourceSpec.demo();
    }

    /**
     * Start-up with the load the app began before its window existed ({@link StartupLoad}): shown like any load
     * (progress, cancel, errors), only begun earlier.
     */
    void startUpWith(StartupLoad early) {
        open(early.spec(), early::await);
    }

    /** Loads {@code spec} in the background; the current session stays until the new one is ready. */
    public void open(SourceSpec spec) {
        ClusterPlan previousPlan = state.plan();
        Path planDir = settings.planDir();
        open(spec, (p, c) -> load(opener, spec, planDir, previousPlan, p, c));
    }

    /**
     * One load, off the FX thread: the session, its analysis (the rules and every index they share) and its
     * hardening plan.
     */
    static Loaded load(SessionOpener opener, SourceSpec spec, Path planDir, ClusterPlan previousPlan, Progress p,
                       Cancellation c) throws java.io.IOException {
        ClusterSession session = opener.open(spec, p, c);
        if (c.isCancelled()) {
            session.close();
            c.check();
        }
        p.update(-1, "Analysing…");
        Analysis analysis = Analysis.of(session.snapshot());
        analysis.findings(); // the rules, and every index they share, computed here: off the FX thread
        analysis.findingsInItsBenchmark(); // and their CIS numbering, which every page shows
        p.update(-1, "Building the hardening plan…");
        ClusterPlan plan = ClusterPlan.load(session, analysis.findings(), planDir, previousPlan,
                Clock.systemUTC(), p, c);
        // the namespace pickers' choices (a walk over every object: 14-28 ms on the 20,000-secret cluster)
        List<String> namespaces = dev.kustodian.ui.framework.SnapshotNames.namespaces(session.snapshot());
        return new Loaded(session, analysis, plan, namespaces);
    }

    private void open(SourceSpec spec, TaskExecutor.Work<Loaded> work) {
        if (current != null && current.running.get()) {
            current.cancel();
        }
        loading.set(true);
        error.set(null);
        connection.set(Connection.LOADING);
        progress.set(-1);
        progressMessage.set("Loading " + spec.describe() + "…");
        state.source.set(spec);
        int gen = ++generation;
        TaskHandle handle = tasks.submit("Loading " + spec.describe(), work, loaded -> {
            if (gen == generation) {
                loaded(spec, loaded);
            } else {
                loaded.session().close(); // superseded by a newer load
            }
        }, t -> {
            if (gen == generation) {
                failed(spec, t);
            }
        });
        if (handle.running.get()) {
            current = handle;
            progress.bind(handle.progress);
            handle.message.addListener((o, a, b) -> progressMessage.set(b));
            handle.running.addListener((o, a, b) -> {
                if (!b) {
                    progress.unbind();
                }
            });
        }
    }

    /** What a load produces. */
    record Loaded(ClusterSession session, Analysis analysis, ClusterPlan plan, List<String> namespaces) {
    }

    private void loaded(SourceSpec spec, Loaded l) {
        loading.set(false);
        progress.unbind();
        current = null;
        ClusterSession old = state.session();
        ClusterSnapshot s = l.session().snapshot();
        List<String> nsNames = l.namespaces();
        namespaces.setAll(nsNames);
        state.namespaceFilter.retainAll(nsNames);
        state.analysis.set(l.analysis());
        state.plan.set(l.plan());
        String ctx = spec.kind() == SourceSpec.Kind.LIVE ? l.session().contextName() : null;
        state.selectedContext.set(ctx);
        state.production.set(ctx != null && settings.isProduction(ctx));
        state.session.set(l.session());
        if (old != null && old != l.session()) {
            try {
                old.close();
            } catch (RuntimeException ignored) {
                // closing an old client must not break the new session
            }
        }
        SourceInfo src = s.source();
        connection.set(spec.kind() == SourceSpec.Kind.SNAPSHOT ? Connection.SNAPSHOT : Connection.CONNECTED);
        sourceLabel.set(OverviewViewModel.describe(src));
        identity.set(src.identity() == null ? "identity unknown" : "as " + src.identity().user());
        long kinds = s.gaps().stream().map(VisibilityGap::resource).distinct().count();
        gapsText.set(kinds == 0 ? "" : kinds + (kinds == 1 ? " kind" : " kinds") + " not visible — details");
        updateBanner();
        statusMessage.set("Loaded " + spec.describe() + ".");
        for (Consumer<ClusterSession> c : List.copyOf(loadedListeners)) {
            c.accept(l.session());
        }
        if (spec.kind() == SourceSpec.Kind.DEMO) {
            // the demo was read from its files: its API server (reveal, apply) starts once the data is on screen
            afterShown.accept(dev.kustodian.core.cluster.DemoCluster::startInBackground);
        }
    }

    private void failed(SourceSpec spec, Throwable t) {
        loading.set(false);
        progress.unbind();
        current = null;
        boolean cancelled = t instanceof UserFacingException u && u.category() == UserFacingException.Category.CANCELLED;
        if (cancelled && state.session() != null) {
            connection.set(state.session().cluster().isPresent() ? Connection.CONNECTED : Connection.SNAPSHOT);
            statusMessage.set("Loading cancelled; still showing the previous data.");
            return;
        }
        connection.set(cancelled ? Connection.NOT_CONNECTED : Connection.ERROR);
        error.set(toError(spec, t));
        statusMessage.set(error.get().title());
    }

    /** Turns any failure into what happened, why, and what to do — never a stack trace. */
    public static LoadError toError(SourceSpec spec, Throwable t) {
        Throwable cause = t;
        while (!(cause instanceof UserFacingException) && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (!(cause instanceof UserFacingException)) {
            cause = dev.kustodian.core.errors.ErrorTranslator.translate(t, spec.describe());
        }
        if (cause instanceof UserFacingException u) {
            String title = switch (u.category()) {
                case BAD_INPUT -> "Cannot read " + spec.describe();
                case CLUSTER_UNREACHABLE -> "Cannot reach " + spec.describe();
                case CANCELLED -> "Loading cancelled";
                case FAILED -> "Loading " + spec.describe() + " failed";
            };
            return new LoadError(title, u.getMessage(), spec, u.category() == UserFacingException.Category.CANCELLED);
        }
        return new LoadError("Loading " + spec.describe() + " failed",
                "Kustodian could not load " + spec.describe() + " (" + dev.kustodian.core.util.IoErrors.reason(t)
                        + "). Retry, open a snapshot file or the demo cluster.", spec, false);
    }

    public void refresh() {
        SourceSpec spec = state.source.get();
        if (spec != null) {
            open(spec);
        }
    }

    public void cancel() {
        if (current != null) {
            current.cancel();
        }
    }

    public void openDemo() {
        open(SourceSpec.demo());
    }

    public void openSnapshot(Path path) {
        open(SourceSpec.snapshot(path));
    }

    /**
     * The kubeconfig's contexts for the Fleet page: names and servers from the {@link ContextSource}, production
     * marks from the settings, switching through {@link #switchContext}, loads through this shell's opener (same
     * kubeconfig file as the current source, if any).
     */
    public KubeContexts kubeContexts() {
        return new KubeContexts() {
            @Override
            public List<Entry> list() {
                String current = contexts.current().orElse(null);
                return contexts.contexts().stream().map(c -> new Entry(c,
                        dev.kustodian.core.util.Urls.serverAddress(contexts.server(c)), c.equals(current),
                        settings.isProduction(c))).toList();
            }

            @Override
            public void open(String context) {
                switchContext(context);
            }

            @Override
            public ClusterSession load(String context, Progress progress, Cancellation cancel) {
                return opener.open(SourceSpec.live(currentKubeconfig(), context), progress, cancel);
            }

            @Override
            public dev.kustodian.core.cluster.ClusterConnection connect(String context) {
                return contexts.connect(currentKubeconfig(), context);
            }
        };
    }

    /** The kubeconfig file of the current live source (null: the default resolution). */
    private Path currentKubeconfig() {
        SourceSpec cur = state.source.get();
        return cur != null && cur.kind() == SourceSpec.Kind.LIVE ? cur.kubeconfig() : null;
    }

    /** Switches to another kubeconfig context (same kubeconfig file as the current source, if any). */
    public void switchContext(String context) {
        if (context == null || context.equals(state.selectedContext.get()) && !loading.get()
                && state.session() != null) {
            return;
        }
        open(SourceSpec.live(currentKubeconfig(), context));
    }

    /** Marks the current context as production (or not), persisted in the settings. */
    public void setProduction(boolean production) {
        String ctx = state.selectedContext.get();
        if (ctx == null) {
            return;
        }
        settings.setProduction(ctx, production);
        state.production.set(settings.isProduction(ctx));
        updateBanner();
    }

    private void updateBanner() {
        SourceSpec spec = state.source.get();
        String ctx = state.selectedContext.get();
        if (spec == null) {
            bannerText.set("");
        } else if (spec.kind() == SourceSpec.Kind.DEMO) {
            bannerText.set("Demo cluster — an in-process sample cluster, safe to explore and change");
        } else if (spec.kind() == SourceSpec.Kind.SNAPSHOT) {
            bannerText.set("Snapshot file — read-only, nothing can be applied");
        } else if (state.isProduction()) {
            bannerText.set("PRODUCTION context " + ctx + " — every change needs a dry run and your confirmation");
        } else {
            bannerText.set("Context " + (ctx == null ? "(current)" : ctx));
        }
    }

    /** How to run work once the current changes are drawn (the shell's view: after the next pulse). */
    void setAfterShown(Consumer<Runnable> afterShown) {
        this.afterShown = afterShown;
    }

    public void addLoadedListener(Consumer<ClusterSession> listener) {
        loadedListeners.add(listener);
    }

    public List<VisibilityGap> gaps() {
        return state.snapshot() == null ? List.of() : state.snapshot().gaps();
    }
}
