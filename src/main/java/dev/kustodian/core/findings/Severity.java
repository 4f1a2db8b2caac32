package dev.kustodian.core.findings;

import java.util.Locale;

/** Finding severity, lowest first. */
public enum Severity {
    INFO, LOW, MEDIUM, HIGH, CRITICAL;

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    /** Parses "low", "HIGH"... ; throws IllegalArgumentException naming the accepted values. */
    public static Severity parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown severity '" + s + "': use info, low, medium, high or critical.");
        }
    }
}
