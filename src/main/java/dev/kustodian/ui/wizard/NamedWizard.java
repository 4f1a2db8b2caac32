package dev.kustodian.ui.wizard;

/** A wizard whose id, title and one-sentence description are data, given once to the constructor. */
public abstract class NamedWizard implements Wizard {
    private record Names(String id, String title, String description) {
    }

    private final Names names;

    protected NamedWizard(String id, String title, String description) {
        names = new Names(id, title, description);
    }

    @Override
    public final String id() {
        return names.id();
    }

    @Override
    public final String title() {
        return names.title();
    }

    @Override
    public final String description() {
        return names.description();
    }
}
