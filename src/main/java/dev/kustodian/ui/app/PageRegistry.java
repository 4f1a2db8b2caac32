package dev.kustodian.ui.app;

import dev.kustodian.ui.framework.Page;
import dev.kustodian.ui.framework.PageContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** The registered pages (as factories), created per window in navigation order. */
public final class PageRegistry {
    private final List<Function<PageContext, Page>> factories = new ArrayList<>();

    public PageRegistry register(Function<PageContext, Page> factory) {
        factories.add(factory);
        return this;
    }

    public List<Page> create(PageContext context) {
        List<Page> pages = new ArrayList<>();
        for (Function<PageContext, Page> f : factories) {
            pages.add(f.apply(context));
        }
        pages.sort(Comparator.comparingInt(Page::order));
        return pages;
    }
}
