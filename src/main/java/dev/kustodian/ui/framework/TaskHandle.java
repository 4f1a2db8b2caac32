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
    private final String title;
    private final Cancellation cancellation = new Cancellation();
    final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(true);
    private Runnable onCancel = () -> { };

    public TaskHandle(String title) {
        this.title = title;
        message.set(title);
    }

    public String title() {
        return title;
    }

    public Cancellation cancellation() {
        return cancellation;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
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
