package dev.kustodian.ui.wizard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An immutable copy of a form's values: String, Boolean or List&lt;String&gt; per field id. */
public record FormValues(Map<String, Object> values) {
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

    @SuppressWarnings("unchecked")
    public List<String> list(String id) {
        Object v = values.get(id);
        return v instanceof List<?> l ? (List<String>) l : List.of();
    }
}
