package dev.kustodian.core.output;

import java.util.List;

/**
 * A request's field values by key, as a wizard form or an answers file holds them: text ("" when unset), lists and
 * check boxes. Requests read them with their {@code from(FieldValues)} factories.
 */
public interface FieldValues {
    String text(RequestField field);

    List<String> list(RequestField field);

    boolean flag(RequestField field);

    /** The text, or null when blank. */
    default String textOrNull(RequestField field) {
        String s = text(field);
        return s == null || s.isBlank() ? null : s.trim();
    }
}
