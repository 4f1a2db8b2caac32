package dev.kustodian.ui.framework;

import javafx.scene.Parent;

import java.net.URL;

/** Loads a component's CSS file from the classpath (one file per component under dev/kustodian/ui/...). */
public final class Css {
    private Css() {
    }

    public static void add(Parent node, String resource) {
        URL url = Css.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("Missing stylesheet " + resource);
        }
        String s = url.toExternalForm();
        if (!node.getStylesheets().contains(s)) {
            node.getStylesheets().add(s);
        }
    }
}
