package dev.kustodian.ui.roles;

import dev.kustodian.core.roles.RightSize;
import dev.kustodian.core.errors.ErrorTranslator;
import dev.kustodian.core.util.InputFiles;
import dev.kustodian.core.util.UserFacingException;
import dev.kustodian.ui.framework.DialogService;
import dev.kustodian.ui.framework.TaskExecutor;
import dev.kustodian.ui.framework.TaskHandle;
import dev.kustodian.ui.wizard.FormField;
import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The audit log files of the right-size wizard: Add (through {@link DialogService}), Remove, and Read — reading runs
 * through the {@link TaskExecutor} (off the FX thread) with a progress bar and Cancel. The value is the file list;
 * the outcome of the last read, and the key it was read for (subject + options), are kept here.
 */
public final class AuditLogsField extends FormField {
    public final ObservableList<String> files = FXCollections.observableArrayList();
    public final ObjectProperty<RightSize.Outcome> outcome = new SimpleObjectProperty<>();
    public final StringProperty status = new SimpleStringProperty("No logs read yet.");
    private final IntegerProperty version = new SimpleIntegerProperty();
    private final javafx.beans.property.DoubleProperty progress = new javafx.beans.property.SimpleDoubleProperty(0);
    private final javafx.beans.property.BooleanProperty running = new javafx.beans.property.SimpleBooleanProperty();
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final Supplier<String> key;
    private final Function<List<Path>, TaskExecutor.Work<RightSize.Outcome>> work;
    private String readKey;
    private TaskHandle handle;

    /**
     * @param key  what the outcome depends on besides the files (subject and options), compared to detect stale results
     * @param work the reading for a list of files
     */
    public AuditLogsField(String id, String label, String help, TaskExecutor tasks, DialogService dialogs,
                          Supplier<String> key, Function<List<Path>, TaskExecutor.Work<RightSize.Outcome>> work) {
        super(id, label, help);
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.key = key;
        this.work = work;
        files.addListener((javafx.collections.ListChangeListener<String>) c -> version.set(version.get() + 1));
        outcome.addListener((o, a, b) -> version.set(version.get() + 1));
    }

    public boolean running() {
        return running.get();
    }

    /** The outcome when it was read for the current files, subject and options; else null. */
    public RightSize.Outcome currentOutcome() {
        return outcome.get() != null && currentKey().equals(readKey) ? outcome.get() : null;
    }

    /** True when logs were read but the files, subject or options changed since. */
    public boolean stale() {
        return outcome.get() != null && !currentKey().equals(readKey);
    }

    private String currentKey() {
        return key.get() + "\n" + String.join("\n", files);
    }

    public void add(String file) {
        String f = file == null ? "" : file.trim();
        if (!f.isEmpty() && !files.contains(f)) {
            files.add(f);
        }
    }

    /** Asks for a file through the dialog service and adds it. */
    public void chooseAndAdd() {
        dialogs.chooseFile("Add an audit log file (JSON lines, plain or .gz)", null).ifPresent(p -> add(p.toString()));
    }

    /** Reads the files off the FX thread; the outcome replaces the previous one on success. */
    public void read() {
        if (files.isEmpty()) {
            status.set("Add at least one audit log file first.");
            return;
        }
        if (running.get()) {
            return;
        }
        String k = currentKey();
        List<Path> paths;
        try {
            paths = files.stream().map(f -> InputFiles.path(f, "audit log")).toList();
        } catch (UserFacingException e) {
            status.set(e.getMessage());
            dialogs.showError("Cannot read the audit logs", e.getMessage());
            return;
        }
        running.set(true);
        progress.set(-1);
        status.set("Reading " + paths.size() + " file(s)…");
        TaskExecutor.Work<RightSize.Outcome> w = work.apply(paths);
        double[] last = {-2};
        handle = tasks.submit("Read audit logs", (p, c) -> w.run((f, m) -> {
            if (Math.abs(f - last[0]) >= 0.01) { // the executor brings progress to the FX thread: not every line
                last[0] = f;
                p.update(f, m);
            }
        }, c), res -> {
            running.set(false);
            progress.unbind();
            progress.set(1);
            readKey = k;
            outcome.set(res);
            status.set("Read " + res.read().events() + " audit events from " + res.read().files() + " file(s); "
                    + res.observed().size() + " distinct request kind(s) by " + res.subject() + ".");
        }, t -> {
            running.set(false);
            progress.unbind();
            progress.set(0);
            boolean cancelled = t instanceof UserFacingException u && u.category() == UserFacingException.Category.CANCELLED;
            // the sentence `kustodian generate role --from-audit` prints for the same file
            String msg = cancelled ? "Reading cancelled; nothing changed."
                    : ErrorTranslator.translate(t, "the audit logs").getMessage();
            status.set(msg);
            if (!cancelled) {
                dialogs.showError("Cannot read the audit logs", msg);
            }
        });
        if (handle.running.get()) {
            progress.bind(handle.progress);
        }
    }

    public void cancel() {
        if (handle != null) {
            handle.cancel();
        }
    }

    @Override
    public Object value() {
        return List.copyOf(files);
    }

    @Override
    public void setFromText(String text) {
        files.clear();
        if (text != null) {
            Arrays.stream(text.split(",")).forEach(this::add);
        }
        if (!files.isEmpty()) {
            // answers replayed: read once the other fields are loaded too
            Platform.runLater(this::read);
        }
    }

    @Override
    public String toText() {
        return String.join(",", files);
    }

    @Override
    public Observable observable() {
        return version;
    }

    @Override
    protected Node control() {
        ListView<String> list = new ListView<>(files);
        list.setPrefHeight(110);
        Button add = new Button("Add log file…", new FontIcon(Feather.FILE_PLUS));
        add.setId("field-" + id() + "-add");
        add.setOnAction(e -> chooseAndAdd());
        Button remove = new Button("Remove", new FontIcon(Feather.TRASH_2));
        remove.setId("field-" + id() + "-remove");
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> files.removeAll(List.copyOf(list.getSelectionModel().getSelectedItems())));
        Button read = new Button("Read logs", new FontIcon(Feather.PLAY));
        read.setId("field-" + id() + "-read");
        read.getStyleClass().add("accent");
        read.disableProperty().bind(running.or(javafx.beans.binding.Bindings.isEmpty(files)));
        read.setOnAction(e -> read());
        Button cancel = new Button("Cancel", new FontIcon(Feather.X_CIRCLE));
        cancel.setId("field-" + id() + "-cancel");
        cancel.disableProperty().bind(running.not());
        cancel.setOnAction(e -> cancel());
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(progress);
        bar.visibleProperty().bind(running);
        bar.setMaxWidth(Double.MAX_VALUE);
        Label st = new Label();
        st.setId("field-" + id() + "-status");
        st.textProperty().bind(status);
        st.setWrapText(true);
        st.getStyleClass().add("field-help");
        HBox buttons = new HBox(6, add, remove, read, cancel);
        HBox.setHgrow(bar, Priority.ALWAYS);
        return new VBox(6, buttons, list, bar, st);
    }
}
