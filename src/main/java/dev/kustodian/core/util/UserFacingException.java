package dev.kustodian.core.util;

/**
 * An error meant for the user: the message is one or two clear sentences that name the input and say what to do.
 * Never carries a secret value. {@link Category} maps to CLI exit codes and UI states.
 */
public class UserFacingException extends RuntimeException {

    public enum Category {
        /** bad usage or input (exit 2) */
        BAD_INPUT(2),
        /** the cluster could not be reached or rejected the credentials (exit 3) */
        CLUSTER_UNREACHABLE(3),
        /** the user cancelled */
        CANCELLED(130),
        /** anything else (exit 1) */
        FAILED(1);

        private final int exitCode;

        Category(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    private final Category category;
    private final boolean retryable;

    public UserFacingException(Category category, String message) {
        this(category, message, false, null);
    }

    public UserFacingException(Category category, String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.category = category;
        this.retryable = retryable;
    }

    public Category category() {
        return category;
    }

    public boolean retryable() {
        return retryable;
    }

    public static UserFacingException badInput(String message) {
        return new UserFacingException(Category.BAD_INPUT, message);
    }
}
