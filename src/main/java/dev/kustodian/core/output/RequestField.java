package dev.kustodian.core.output;

import java.util.Locale;

/**
 * A field of a {@link GenerationRequest}: its {@link #key()} is the request component's name. Keys name the field in
 * problem paths and messages ({@code {key}} tokens, see {@link Bundle.Problem#render}), in the wizards (field ids) and
 * in answers files. The CLI maps each key to its flag (by default the key in kebab case: {@code vaultServer} →
 * {@code --vault-server}).
 */
public interface RequestField {
    /** The key; for an enum of fields, its constant in camel case ({@code VAULT_SERVER} → {@code vaultServer}). */
    default String key() {
        return keyOf((Enum<?>) this);
    }

    /** {@code vaultServer} → {@code vault-server}. */
    static String kebab(String key) {
        StringBuilder sb = new StringBuilder();
        for (char c : key.toCharArray()) {
            if (Character.isUpperCase(c)) {
                sb.append('-').append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** {@code vault-server} or {@code gcp_kms} → {@code vaultServer}, {@code gcpKms} (old answers files were keyed by CLI flag names). */
    static String camel(String kebab) {
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-' || c == '_') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
    }

    /** The enum constant name as a camel-case key: {@code VAULT_SERVER} → {@code vaultServer}. */
    static String keyOf(Enum<?> e) {
        return camel(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
}
