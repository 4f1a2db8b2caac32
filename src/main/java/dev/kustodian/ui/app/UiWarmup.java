package dev.kustodian.ui.app;

import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Skin;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.control.skin.ButtonSkin;
import javafx.scene.control.skin.CheckBoxSkin;
import javafx.scene.control.skin.ComboBoxListViewSkin;
import javafx.scene.control.skin.HyperlinkSkin;
import javafx.scene.control.skin.ListCellSkin;
import javafx.scene.control.skin.ListViewSkin;
import javafx.scene.control.skin.ProgressBarSkin;
import javafx.scene.control.skin.ScrollPaneSkin;
import javafx.scene.control.skin.SplitPaneSkin;
import javafx.scene.control.skin.TabPaneSkin;
import javafx.scene.control.skin.TableCellSkin;
import javafx.scene.control.skin.TableRowSkin;
import javafx.scene.control.skin.TableViewSkin;
import javafx.scene.control.skin.TextAreaSkin;
import javafx.scene.control.skin.TextFieldSkin;
import javafx.scene.control.skin.TitledPaneSkin;
import javafx.scene.control.skin.ToggleButtonSkin;
import javafx.scene.control.skin.TreeCellSkin;
import javafx.scene.control.skin.TreeViewSkin;
import dev.kustodian.ui.framework.TaskExecutor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Warms the JVM up for the pages' first show, as a task of the app's task executor (off the FX thread), once the window shows its first load: the first
 * show of a page otherwise loads hundreds of classes (controls, skins, behaviours, the page's own classes) and spins
 * hundreds of lambda classes (a text field's behaviour alone has 80) on the FX thread, in the pulse that shows it.
 * Loading a class and linking a lambda call site is the same work on any thread; controls and skins that are not in a
 * scene may be built on any thread. So the task loads the classes the pages load when first shown
 * ({@code warmup-classes.txt}, without running their static initialisers) and builds one throw-away control of each
 * kind the pages use, with its skin (which creates the behaviour and its key mappings). Nothing it builds is kept or
 * shown; a failure only means less warm-up.
 * <p>
 * Only controls whose skins measure no text are built off the FX thread: JavaFX measures text through shared static
 * state (the controls' one {@code TextLayout} in {@code Utils}, the text layouts' string cache of shaped runs), and
 * the FX thread uses it in every layout pass, so a skin that measures text off the FX thread can corrupt a layout on
 * it (an {@code ArrayIndexOutOfBoundsException} in {@code TextRun.getWidth} was seen once). The text field's and the
 * text area's skins measure their text when built: only their behaviours (their key mappings, most of their lambdas)
 * are built off the FX thread, their skins on the FX thread afterwards, one per pulse ({@link #FX_CONTROLS}).
 */
final class UiWarmup {
    static final String CLASSES = "/dev/kustodian/ui/app/warmup-classes.txt";
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static final CountDownLatch DONE = new CountDownLatch(1);

    private UiWarmup() {
    }

    /**
     * Submits the warm-up to the app's task executor (once per JVM; later calls do nothing).
     * {@code -Dkustodian.uiWarmup=false} turns it off (to compare).
     */
    static void startOnce(TaskExecutor tasks) {
        startOnce(tasks, () -> { });
    }

    /**
     * Submits the warm-up (once per JVM) and runs {@code then} on the FX thread when it is done; when the warm-up is
     * off or was started before, runs {@code then} now.
     */
    static void startOnce(TaskExecutor tasks, Runnable then) {
        if (!"false".equals(System.getProperty("kustodian.uiWarmup")) && STARTED.compareAndSet(false, true)) {
            tasks.submit("Warming up the pages", (progress, cancel) -> run(),
                    warmed -> onFxThread(FX_CONTROLS, then), failure -> onFxThread(FX_CONTROLS, then));
        } else {
            then.run();
        }
    }

    /**
     * Builds {@code controls} on the FX thread, one per pulse (each its own {@code runLater}), then runs {@code then}.
     */
    private static void onFxThread(List<Supplier<Control>> controls, Runnable then) {
        if (controls.isEmpty()) {
            DONE.countDown();
            then.run();
            return;
        }
        try {
            controls.get(0).get();
        } catch (RuntimeException | LinkageError e) {
            // best effort, as off the FX thread
        }
        javafx.application.Platform.runLater(() -> onFxThread(controls.subList(1, controls.size()), then));
    }

    /** Waits until the warm-up, if one was started, has finished (benchmarks: a user reads the first page). */
    static void awaitDone() throws InterruptedException {
        if (STARTED.get()) {
            DONE.await();
        }
    }

    /**
     * Does the warm-up's part off the FX thread on the calling thread (not the FX thread); returns how many classes,
     * controls and behaviours it warmed.
     */
    static int run() {
        int done = 0;
        ClassLoader loader = UiWarmup.class.getClassLoader();
        for (String name : classNames()) {
            try {
                Class.forName(name, false, loader);
                done++;
            } catch (ClassNotFoundException | LinkageError e) {
                // a class of another JavaFX build or platform: nothing to warm
            }
        }
        for (Supplier<Control> control : CONTROLS) {
            try {
                control.get();
                done++;
            } catch (RuntimeException | LinkageError e) {
                // best effort: the control is built again, normally, when a page shows it
            }
        }
        for (Supplier<Object> behaviour : BEHAVIOURS) {
            try {
                if (behaviour.get() != null) {
                    done++;
                }
            } catch (RuntimeException | LinkageError e) {
                // e.g. JavaFX's internal package not open to the app: the skin builds it on the FX thread
            }
        }
        return done;
    }

    /** The class names listed in {@link #CLASSES}. */
    static List<String> classNames() {
        try (InputStream in = UiWarmup.class.getResourceAsStream(CLASSES)) {
            if (in == null) {
                return List.of();
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One control of each kind the pages show, with its skin, whose skin measures no text (off the FX thread). */
    static final List<Supplier<Control>> CONTROLS = List.of(
            () -> skinned(table(), TableViewSkin::new),
            () -> skinned(new TableRow<String>(), TableRowSkin::new),
            () -> skinned(new TableCell<String, String>(), TableCellSkin::new),
            () -> skinned(new TreeView<>(new TreeItem<>("warm-up")), TreeViewSkin::new),
            () -> skinned(new TreeCell<String>(), TreeCellSkin::new),
            () -> skinned(new ListView<String>(), ListViewSkin::new),
            () -> skinned(new ListCell<String>(), ListCellSkin::new),
            () -> skinned(new TabPane(new Tab("warm-up")), TabPaneSkin::new),
            () -> skinned(new SplitPane(), SplitPaneSkin::new),
            () -> skinned(new ComboBox<String>(), ComboBoxListViewSkin::new),
            () -> skinned(new CheckBox(), CheckBoxSkin::new),
            () -> skinned(new TitledPane(), TitledPaneSkin::new),
            () -> skinned(new ScrollPane(), ScrollPaneSkin::new),
            () -> skinned(new ProgressBar(), ProgressBarSkin::new),
            () -> skinned(new Button(), ButtonSkin::new),
            () -> skinned(new ToggleButton(), ToggleButtonSkin::new),
            () -> skinned(new Hyperlink(), HyperlinkSkin::new));

    /**
     * The behaviours of the controls whose skins measure text (their key mappings: a text field's alone spins ~80
     * lambda classes), built off the FX thread without their skins; null when JavaFX's internal class is not there.
     */
    static final List<Supplier<Object>> BEHAVIOURS = List.of(
            () -> behaviour("com.sun.javafx.scene.control.behavior.TextFieldBehavior", TextField.class,
                    new TextField()),
            () -> behaviour("com.sun.javafx.scene.control.behavior.TextAreaBehavior", TextArea.class,
                    new TextArea()));

    /** The controls whose skins measure text when built: on the FX thread, one per pulse, after the rest. */
    static final List<Supplier<Control>> FX_CONTROLS = List.of(
            () -> skinned(new TextField(), TextFieldSkin::new),
            () -> skinned(new TextArea(), TextAreaSkin::new));

    private static <C extends Control> Object behaviour(String className, Class<C> type, C control) {
        try {
            return Class.forName(className, true, UiWarmup.class.getClassLoader()).getConstructor(type)
                    .newInstance(control);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static TableView<String> table() {
        TableView<String> t = new TableView<>();
        t.getColumns().add(new TableColumn<String, String>("warm-up"));
        return t;
    }

    private static <C extends Control> Control skinned(C control, Function<C, ? extends Skin<?>> skin) {
        control.setSkin(skin.apply(control));
        return control;
    }
}
