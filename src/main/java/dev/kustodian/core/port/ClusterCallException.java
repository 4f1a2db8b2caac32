package dev.kustodian.core.port;

/**
 * A call through the {@link ClusterPort} failed: the HTTP status ({@code 0} when the server could not be reached)
 * and the Kubernetes status reason (e.g. {@code Forbidden}), never the server's message text.
 */
public final class ClusterCallException extends RuntimeException {
    private final int code;
    private final String reason;

    public ClusterCallException(int code, String reason, Throwable cause) {
        super("HTTP " + code + (reason == null || reason.isEmpty() ? "" : " " + reason), cause);
        this.code = code;
        this.reason = reason == null ? "" : reason;
    }

    public int code() {
        return code;
    }

    public String reason() {
        return reason;
    }
}
