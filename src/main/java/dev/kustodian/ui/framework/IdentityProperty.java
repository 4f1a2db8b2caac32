package dev.kustodian.ui.framework;

import javafx.beans.InvalidationListener;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;

import java.util.ArrayList;
import java.util.List;

/**
 * An object property whose change listeners hear of every new value that is not the same object as the old one, without
 * comparing the two with {@code equals}. A plain property compares them before telling its change listeners: for the
 * findings of a load (80,000 records) that comparison took ~270 ms of the FX thread when the same cluster was loaded
 * again (every finding equal, so nobody was even told).
 */
public final class IdentityProperty<T> extends SimpleObjectProperty<T> {
    private final List<ChangeListener<? super T>> changeListeners = new ArrayList<>();
    private T last;

    public IdentityProperty(T initial) {
        super(initial);
        last = initial;
        super.addListener((InvalidationListener) o -> changed());
    }

    private void changed() {
        T now = get(); // validates the property again: the next set invalidates it again
        T was = last;
        if (now == was) {
            return;
        }
        last = now;
        for (ChangeListener<? super T> l : List.copyOf(changeListeners)) {
            l.changed(this, was, now);
        }
    }

    @Override
    public void addListener(ChangeListener<? super T> listener) {
        changeListeners.add(listener);
    }

    @Override
    public void removeListener(ChangeListener<? super T> listener) {
        changeListeners.remove(listener);
    }
}
