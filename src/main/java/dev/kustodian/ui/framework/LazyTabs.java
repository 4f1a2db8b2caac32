package dev.kustodian.ui.framework;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Tab;

import java.util.function.Supplier;

/**
 * Tabs whose content joins the scene when the tab is first selected: a TabPane styles and lays out the content of
 * every tab, shown or not, so a page's hidden tabs made its first show slower on large clusters.
 */
public final class LazyTabs {
    private LazyTabs() {
    }

    /** Sets {@code tab}'s content from {@code content} when the tab is first selected (now, if it is selected). */
    public static void contentWhenSelected(Tab tab, Supplier<? extends Node> content) {
        if (tab.isSelected()) {
            tab.setContent(content.get());
            return;
        }
        tab.selectedProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean is) {
                if (is) {
                    tab.selectedProperty().removeListener(this);
                    if (tab.getContent() == null) {
                        tab.setContent(content.get());
                    }
                }
            }
        });
    }
}
