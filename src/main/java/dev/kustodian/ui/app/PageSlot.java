package dev.kustodian.ui.app;

import dev.kustodian.ui.framework.Page;
import dev.kustodian.ui.framework.PageInfo;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A page of the window's navigation: its metadata, and the page itself once created (on first use, on the FX
 * thread). The shell hands a page the current load right after creating it.
 */
final class PageSlot {
    private final PageInfo info;
    private final Supplier<Page> factory;
    private Page page;
    private Consumer<Page> onCreated = p -> { };

    PageSlot(PageInfo info, Supplier<Page> factory) {
        this.info = info;
        this.factory = factory;
    }

    static PageSlot of(Page page) {
        PageSlot s = new PageSlot(new PageInfo(page.id(), page.title(), page.icon(), page.order()), () -> page);
        s.page = page;
        return s;
    }

    PageInfo info() {
        return info;
    }

    String id() {
        return info.id();
    }

    void onCreated(Consumer<Page> action) {
        onCreated = action;
    }

    /** The page, created now if it was not yet. */
    Page page() {
        if (page == null) {
            page = factory.get();
            onCreated.accept(page);
        }
        return page;
    }

    /** The page when created, else null. */
    Page pageIfCreated() {
        return page;
    }
}
