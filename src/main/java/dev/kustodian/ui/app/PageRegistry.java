package dev.kustodian.ui.app;

import dev.kustodian.ui.framework.Page;
import dev.kustodian.ui.framework.PageContext;
import dev.kustodian.ui.framework.PageInfo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The registered pages (as factories), per window in navigation order. A page registered with its {@link PageInfo}
 * is created when it is first needed (shown, looked up, or navigated to) or, once a load is on screen, when the shell
 * prepares it ahead in idle pulses ({@link PagePreparation}): the first frame builds only the shell.
 */
public final class PageRegistry {
    private record Entry(PageInfo info, Function<PageContext, Page> factory) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** A page created when first needed; {@code info} is what the navigation shows until then. */
    public PageRegistry register(PageInfo info, Function<PageContext, Page> factory) {
        entries.add(new Entry(info, factory));
        return this;
    }

    /** A page whose metadata is only known from an instance: created with the window. */
    public PageRegistry register(Function<PageContext, Page> factory) {
        entries.add(new Entry(null, factory));
        return this;
    }

    /** One slot per page for a window, in navigation order; pages registered with their info are not created yet. */
    List<PageSlot> slots(PageContext context) {
        List<PageSlot> slots = new ArrayList<>();
        for (Entry e : entries) {
            slots.add(e.info() == null ? PageSlot.of(e.factory().apply(context))
                    : new PageSlot(e.info(), () -> e.factory().apply(context)));
        }
        slots.sort(Comparator.comparingInt(s -> s.info().order()));
        return slots;
    }

    /** Every page, created now, in navigation order. */
    public List<Page> create(PageContext context) {
        return slots(context).stream().map(PageSlot::page).toList();
    }
}
