package dev.kustodian.ui.framework;

import java.util.function.Predicate;

/**
 * A page's view model that filters its rows by the app's namespace filter: {@link AbstractPage} hands it the live
 * predicate when the page is created and again whenever the filter changes.
 */
public interface NamespaceFiltered {
    /** Shows only the rows of namespaces {@code visible} accepts (FX thread). */
    void setNamespaceFilter(Predicate<String> visible);
}
