package dev.kustodian.core.util;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The build's version, from {@code dev/kustodian/build.properties} (filled in by Maven resource filtering), so that
 * {@code kustodian -V}, the About dialog and the packages all show the version the pom declares.
 */
public final class BuildInfo {

    private static final String RESOURCE = "/dev/kustodian/build.properties";
    private static final String VERSION = load();

    private BuildInfo() {
    }

    /** The project version, e.g. {@code 0.1.0} or {@code 0.2.0-SNAPSHOT}. */
    public static String version() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The build did not include " + RESOURCE + "; rebuild with Maven.");
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "").trim();
            if (v.isEmpty() || v.startsWith("${")) {
                throw new IllegalStateException(RESOURCE + " was not filtered by the build; rebuild with Maven.");
            }
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
