package dev.kustodian.core.model;

/**
 * A place outside a Secret where a value looked like a credential. Says where and what kind, never what.
 *
 * @param location e.g. {@code data[db.properties]}, {@code spec.containers[app].env[DB_PASSWORD]},
 *                 {@code metadata.annotations[example.com/token]}
 * @param kind     the detector that fired
 */
public record LeakHint(String location, Kind kind) {

    public enum Kind {
        AWS_ACCESS_KEY("AWS access key id"),
        PRIVATE_KEY_PEM("private key (PEM block)"),
        JWT("JSON Web Token"),
        URL_WITH_PASSWORD("URL with an embedded password"),
        PASSWORD_ASSIGNMENT("password-like assignment with a high-entropy value"),
        SECRET_NAMED_LITERAL("literal value in a variable named like a secret"),
        GENERIC_API_TOKEN("well-known API token format");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }
}
