package dev.kustodian.ui.wizard;

import dev.kustodian.core.output.FieldValues;
import dev.kustodian.core.output.RequestField;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable copy of a form's values: String, Boolean or List&lt;String&gt; per field id. Field ids of the
 * generator wizards are the keys of their core request's fields, so a request reads a form directly.
 */
public record FormValues(Map<String, Object> values) implements FieldValues {
    public FormValues {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public String string(String id) {
        Object v = values.get(id);
        return v == null ? "" : v.toString();
    }

    public boolean bool(String id) {
        return Boolean.TRUE.equals(values.get(id));
    }

    @Override
    public String text(RequestField field) {
        return string(field.key());
    }

    @Override
    public List<String> list(RequestField field) {
        return list(field.key());
    }

    @Override
    public boolean flag(RequestField field) {
        return bool(field.key());
    }

    /** These values with {@code id} set to {@code value} (null removes it). */
    public FormValues with(String id, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(values);
        if (value == null) {
            m.remove(id);
        } else {
            m.put(id, value);
        }
        return new FormValues(m);
    }

    @SuppressWarnings("unchecked")
    public List<String> list(String id) {
        Object v = values.get(id);
        return v instanceof List<?> l ? (List<String>) l : List.of();
    }
}
