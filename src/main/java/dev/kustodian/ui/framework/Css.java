package dev.kustodian.ui.framework;

import javafx.scene.Parent;
import javafx.scene.layout.Region;

import java.net.URL;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Loads a component's CSS file from the classpath (one file per component under dev/kustodian/ui/...). */
public final class Css {
    /** Resource → URL: looked up in the jar once, not for every chip or row that adds its stylesheet. */
    private static final Map<String, String> URLS = new ConcurrentHashMap<>();

    private Css() {
    }

    public static void add(Parent node, String resource) {
        String s = URLS.computeIfAbsent(resource, r -> {
            URL url = Css.class.getResource(r);
            if (url == null) {
                throw new IllegalStateException("Missing stylesheet " + r);
            }
            return url.toExternalForm();
        });
        if (!node.getStylesheets().contains(s)) {
            node.getStylesheets().add(s);
        }
    }

    /** Styles a page's view: the style class {@code NAME-page} and the page's stylesheet {@code ui/NAME/NAME.css}. */
    public static void page(Region view, String name) {
        view.getStyleClass().add(name + "-page");
        add(view, "/dev/kustodian/ui/" + name + "/" + name + ".css");
    }
}
