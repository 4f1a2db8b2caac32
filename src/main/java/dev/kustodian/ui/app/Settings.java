package dev.kustodian.ui.app;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * User settings in {@code ~/.config/kustodian/settings} (a properties file; the path can be overridden with
 * {@code -Dkustodian.settings=FILE}): theme and the contexts the user marked as production (or explicitly not).
 * Contexts named like prod/production/prd/live count as production unless the user unmarked them.
 */
public final class Settings {
    private static final Pattern PROD_NAME = Pattern.compile("(^|[^a-z0-9])(prod|production|prd|live)([^a-z0-9]|$)");

    private final Path file;
    private final Path planDir;
    private final Properties props = new Properties();

    public Settings(Path file) {
        this(file, file == null ? null : dev.kustodian.core.plan.PlanState.configDir());
    }

    /**
     * @param planDir the config directory where each cluster's plan state and accepted risks are kept
     *                ({@code plans/<identity key>.yaml}); null: kept in memory only (tests, screenshots)
     */
    public Settings(Path file, Path planDir) {
        this.file = file;
        this.planDir = planDir;
        if (file != null && Files.isReadable(file)) {
            try (Reader r = Files.newBufferedReader(file)) {
                props.load(r);
            } catch (IOException | IllegalArgumentException e) {
                // unreadable settings: start from defaults, the file is rewritten on the next change
            }
        }
    }

    /** The default settings file (or {@code -Dkustodian.settings}). */
    public static Settings load() {
        String override = System.getProperty("kustodian.settings");
        Path p = override != null ? Path.of(override)
                : Path.of(System.getProperty("user.home"), ".config", "kustodian", "settings");
        return new Settings(p);
    }

    /** Settings that are never written (tests, screenshots). */
    public static Settings inMemory() {
        return new Settings(null);
    }

    /** The config directory of the per-cluster plan state, or null when plan state is not persisted. */
    public Path planDir() {
        return planDir;
    }

    /** True when the name looks like a production context (prod, production, prd, live as a word). */
    public static boolean looksLikeProduction(String context) {
        return context != null && PROD_NAME.matcher(context.toLowerCase(Locale.ROOT)).find();
    }

    public boolean isProduction(String context) {
        if (context == null || context.isEmpty()) {
            return false;
        }
        if (set("contexts.production").contains(context)) {
            return true;
        }
        if (set("contexts.notProduction").contains(context)) {
            return false;
        }
        return looksLikeProduction(context);
    }

    public void setProduction(String context, boolean production) {
        Set<String> prod = set("contexts.production");
        Set<String> notProd = set("contexts.notProduction");
        prod.remove(context);
        notProd.remove(context);
        if (production != looksLikeProduction(context)) {
            (production ? prod : notProd).add(context);
        }
        props.setProperty("contexts.production", String.join(",", prod));
        props.setProperty("contexts.notProduction", String.join(",", notProd));
        save();
    }

    public String theme() {
        return props.getProperty("theme", "light");
    }

    public void setTheme(String theme) {
        props.setProperty("theme", theme);
        save();
    }

    private Set<String> set(String key) {
        String v = props.getProperty(key, "");
        return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private void save() {
        if (file == null) {
            return;
        }
        try {
            StringWriter w = new StringWriter();
            props.store(w, "Kustodian settings");
            dev.kustodian.core.output.SafeFiles.writeAtomically(file, w.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the settings to " + file + ": " + e.getMessage(), e);
        }
    }

    Set<String> markedProduction() {
        return new LinkedHashSet<>(set("contexts.production"));
    }
}
