package dev.kustodian.core.encryption;

/**
 * A validation error in kube-apiserver's own form: {@code path} like
 * {@code resources[0].providers[1].aescbc.keys[0].secret} and the body as field.Error prints it
 * ({@code Required value: ...} / {@code Invalid value: "x": ...}). Key material is never part of it.
 */
public record FieldError(String path, String message) {
    @Override
    public String toString() {
        return path == null || path.isEmpty() ? message : path + ": " + message;
    }

    static FieldError required(String path, String detail) {
        return new FieldError(path, "Required value: " + detail);
    }

    static FieldError invalid(String path, Object value, String detail) {
        String v = value instanceof String s ? "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""
                : String.valueOf(value);
        return new FieldError(path, "Invalid value: " + v + ": " + detail);
    }
}
