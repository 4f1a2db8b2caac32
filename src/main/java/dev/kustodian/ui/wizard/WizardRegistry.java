package dev.kustodian.ui.wizard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Resolves wizard ids (from {@code Finding.fix()}) to wizards. */
public final class WizardRegistry {
    private final Map<String, Supplier<Wizard>> wizards = new LinkedHashMap<>();

    /** Registers a wizard by creating one to learn its id. */
    public WizardRegistry register(Supplier<Wizard> factory) {
        Wizard probe = factory.get();
        wizards.put(probe.id(), factory);
        return this;
    }

    /**
     * Registers a wizard under its id without creating one (the app's start-up creates no wizard); a created wizard
     * whose id differs is refused.
     */
    public WizardRegistry register(String id, Supplier<Wizard> factory) {
        wizards.put(id, () -> {
            Wizard w = factory.get();
            if (!w.id().equals(id)) {
                throw new IllegalStateException("wizard registered as " + id + " has the id " + w.id());
            }
            return w;
        });
        return this;
    }

    public boolean isRegistered(String id) {
        return id != null && wizards.containsKey(id);
    }

    /** A new instance of the wizard, or empty when none is registered under {@code id}. */
    public Optional<Wizard> create(String id) {
        return Optional.ofNullable(id == null ? null : wizards.get(id)).map(Supplier::get);
    }

    public List<String> ids() {
        return List.copyOf(wizards.keySet());
    }
}
