package dev.kustodian.core.output;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects a request's input problems in the order a user meets them (the CLI reports the first one, exit 2; a wizard
 * shows each at its field). Messages name fields as {@code {key}} tokens.
 */
public final class InputProblems {
    private final List<Bundle.Problem> problems = new ArrayList<>();

    /** {@code value}, or an error "Missing {field}: why." when it is blank. */
    public String require(String value, RequestField field, String why) {
        if (value == null || value.isBlank()) {
            error(field, "Missing {" + field.key() + "}: " + why + ".");
        }
        return value;
    }

    public void error(RequestField field, String message) {
        problems.add(new Bundle.Problem(field.key(), message, true));
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Bundle.Problem::error);
    }

    public List<Bundle.Problem> list() {
        return List.copyOf(problems);
    }

    /** A bundle with no files holding these problems. */
    public Bundle bundle(String title) {
        return new Bundle(title, List.of(), problems, List.of(), List.of());
    }
}
