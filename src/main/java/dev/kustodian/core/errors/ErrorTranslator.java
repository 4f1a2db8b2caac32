package dev.kustodian.core.errors;

import dev.kustodian.core.cluster.ClusterErrors;
import dev.kustodian.core.util.IoErrors;
import dev.kustodian.core.util.Urls;
import dev.kustodian.core.util.UserFacingException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.regex.Pattern;

/**
 * The one translator at the CLI/GUI boundary: whatever reaches the user becomes a {@link UserFacingException} whose
 * message is a sentence naming the input (when known) and the next step. No exception class names, no stack frames,
 * no URLs with credentials or query strings, whatever the cause. Both front ends use it: the CLI's execution
 * exception handler and the GUI's error states.
 */
public final class ErrorTranslator {
    private ErrorTranslator() {
    }

    /** A Java class name in a message ("java.io.IOException", "MismatchedInputException:"). */
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)\\b:?|\\b[A-Z][A-Za-z0-9]*(?:Exception|Error)\\b:?");
    /** A stack frame or parser location quoting the input ("[Source: ...", "at line 3, column"). */
    private static final Pattern NOISE = Pattern.compile("\\s*\\[Source: .*|\\s+at \\[Source:.*|\\n\\s+at .*",
            Pattern.DOTALL);

    /** The user-facing form of any failure; {@code input} names what was being read (may be null). */
    public static UserFacingException translate(Throwable e, String input) {
        if (e instanceof UserFacingException u) {
            String m = clean(u.getMessage());
            return m.equals(u.getMessage()) ? u : new UserFacingException(u.category(), m, u.retryable(), u);
        }
        Throwable t = unwrap(e);
        if (t != e) {
            return translate(t, input);
        }
        String in = input == null || input.isBlank() ? "the input" : input;
        if (t instanceof StackOverflowError) {
            return bad(cap(in) + " is nested too deeply to be read. Check that it is the right file (a Kubernetes "
                    + "object is rarely more than a few dozen levels deep).");
        }
        if (t instanceof OutOfMemoryError) {
            return new UserFacingException(UserFacingException.Category.FAILED, "Kustodian ran out of memory while "
                    + "working on " + in + ". Check that it is the right input, or give Java more memory "
                    + "(JAVA_TOOL_OPTIONS=-Xmx4g) and retry.", false, null);
        }
        if (t instanceof CharacterCodingException) {
            return bad(cap(in) + " is not UTF-8 text. Save it as UTF-8 and retry.");
        }
        if (t instanceof IOException io) {
            return new UserFacingException(UserFacingException.Category.FAILED, "Reading or writing " + in
                    + " failed: " + IoErrors.describe(io) + ". Check the path and retry.", false, null);
        }
        UserFacingException cluster = ClusterErrors.translate(t);
        if (cluster != null) {
            return cluster;
        }
        String cn = t.getClass().getName();
        if (cn.startsWith("com.fasterxml.jackson.") || cn.startsWith("tools.jackson.")
                || cn.startsWith("org.snakeyaml.") || cn.startsWith("org.yaml.")) {
            return bad(cap(in) + " does not have the expected structure (a field has the wrong type, or the "
                    + "document is not valid YAML/JSON). Check the file against the Kubernetes object it should be.");
        }
        if (t instanceof IllegalArgumentException || t instanceof IllegalStateException) {
            String m = clean(t.getMessage());
            if (!m.isBlank() && m.length() > 12) {
                return t instanceof IllegalArgumentException ? bad(m)
                        : new UserFacingException(UserFacingException.Category.FAILED, m, false, null);
            }
        }
        if (t instanceof InterruptedException) {
            return new UserFacingException(UserFacingException.Category.CANCELLED, "Interrupted.", false, null);
        }
        return new UserFacingException(UserFacingException.Category.FAILED, "Kustodian hit an internal error "
                + "while working on " + in + " and stopped; nothing was written. Please report it with the steps that "
                + "led to it (on the command line, --verbose shows the details).", false, null);
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof UncheckedIOException || t instanceof java.util.concurrent.ExecutionException
                || t instanceof java.util.concurrent.CompletionException
                || t instanceof java.lang.reflect.InvocationTargetException
                || (t.getClass() == RuntimeException.class && t.getMessage() != null && t.getCause() != null
                && t.getMessage().equals(t.getCause().toString())))
                && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    /** A message without class names, parser source quotes, stack frames or credentials in URLs. */
    public static String clean(String message) {
        if (message == null) {
            return "";
        }
        String m = NOISE.matcher(message).replaceAll("");
        m = CLASS_NAME.matcher(m).replaceAll("");
        m = Urls.redact(m).replaceAll("\\(\\s*[:;,]?\\s*\\)", "").replaceAll("[ \\t]+([.,;])(?=\\s|$)", "$1")
                .replaceAll("[ \\t]{2,}", " ").trim();
        return m;
    }

    private static String cap(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static UserFacingException bad(String m) {
        return new UserFacingException(UserFacingException.Category.BAD_INPUT, m, false, null);
    }
}
