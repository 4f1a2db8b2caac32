package dev.kustodian.ui.framework;

import dev.kustodian.core.util.Cancellation;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** A running background task as the UI sees it: progress, message, running flag, cancel. FX-thread properties. */
public class TaskHandle {
    public final String title;
    public final Cancellation cancellation = new Cancellation();
    final ReadOnlyDoubleWrapper progressWrapper = new ReadOnlyDoubleWrapper(-1);
    final ReadOnlyStringWrapper messageWrapper = new ReadOnlyStringWrapper("");
    final ReadOnlyBooleanWrapper runningWrapper = new ReadOnlyBooleanWrapper(true);
    public final ReadOnlyDoubleProperty progress = progressWrapper.getReadOnlyProperty();
    public final ReadOnlyStringProperty message = messageWrapper.getReadOnlyProperty();
    public final ReadOnlyBooleanProperty running = runningWrapper.getReadOnlyProperty();
    private Runnable onCancel = () -> { };

    public TaskHandle(String title) {
        this.title = title;
        messageWrapper.set(title);
    }

    void onCancel(Runnable r) {
        this.onCancel = r;
    }

    /** Asks the work to stop; the task reports a CANCELLED failure. */
    public void cancel() {
        cancellation.cancel();
        onCancel.run();
    }
}
