package dev.kustodian.core.util;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * File-system failures in words ("permission denied", "the disk is full", "read-only location") instead of
 * exception class names, and the {@link UserFacingException} for a file that could not be written.
 */
public final class IoErrors {
    private IoErrors() {
    }

    /** What went wrong, in a few words, without the exception's class name. */
    public static String describe(Throwable e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : m;
        String low = reason.toLowerCase(Locale.ROOT);
        if (low.contains("no space left") || low.contains("disk quota")) {
            return "the disk is full";
        }
        if (low.contains("read-only file system")) {
            return "read-only location";
        }
        if (low.contains("file too large")) {
            return "the file is larger than the file system or the limits (ulimit -f) allow";
        }
        if (e instanceof AccessDeniedException || low.contains("permission denied")
                || low.contains("operation not permitted")) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException || low.contains("no such file")) {
            return "it (or its folder) does not exist";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "it already exists";
        }
        if (e instanceof NotDirectoryException || low.contains("not a directory")) {
            return "a part of the path is a file, not a folder";
        }
        if (e instanceof DirectoryNotEmptyException || low.contains("is a directory")) {
            return "it is a folder";
        }
        if (e instanceof FileSystemLoopException) {
            return "the folder links to itself";
        }
        if (low.contains("input/output error")) {
            return "the device reported an input/output error";
        }
        if (low.contains("too many open files")) {
            return "too many open files";
        }
        return "the system reported an I/O error";
    }

    /**
     * Why any failure happened, in a few words for a message ("permission denied", "not valid YAML or JSON"): never
     * a Java class name. For the "(...)" of sentences like "Cannot read FILE (...)".
     */
    public static String reason(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && (t instanceof java.io.UncheckedIOException
                || t instanceof java.util.concurrent.ExecutionException
                || t instanceof java.util.concurrent.CompletionException)) {
            t = t.getCause();
        }
        if (t instanceof UserFacingException u) {
            return u.getMessage();
        }
        if (t instanceof java.nio.charset.CharacterCodingException) {
            return "not UTF-8 text";
        }
        if (t instanceof IOException io) {
            return describe(io);
        }
        String type = t.getClass().getName();
        if (type.startsWith("com.fasterxml.jackson.") || type.startsWith("tools.jackson.")
                || type.startsWith("org.snakeyaml.") || type.startsWith("org.yaml.")) {
            return "not valid YAML or JSON, or a field has the wrong type";
        }
        if (t instanceof java.security.GeneralSecurityException) {
            return "the certificate or key could not be used";
        }
        if (t instanceof StackOverflowError) {
            return "nested too deeply";
        }
        if (t instanceof OutOfMemoryError) {
            return "out of memory";
        }
        if (t instanceof InterruptedException) {
            return "interrupted";
        }
        if ((t instanceof IllegalArgumentException || t instanceof IllegalStateException) && t.getMessage() != null
                && !t.getMessage().isBlank() && !t.getMessage().matches("(?s).*\\b[a-z]+\\.[a-z]+\\.[A-Z].*")) {
            return t.getMessage().strip();
        }
        return "an internal error";
    }

    /** The error for an output file that could not be written: names it and says what to do. */
    public static UserFacingException writeFailure(Path target, IOException e) {
        String why = describe(e);
        String next = switch (why) {
            case "the disk is full" -> "Free some space or write elsewhere";
            case "read-only location", "permission denied" -> "Choose a location you can write to";
            case "it already exists" -> "Choose another name or allow overwriting (--force)";
            default -> "Check the path or choose another location";
        };
        boolean environment = why.equals("the disk is full") || why.startsWith("the device")
                || why.startsWith("the system") || why.startsWith("too many");
        return new UserFacingException(environment ? UserFacingException.Category.FAILED
                : UserFacingException.Category.BAD_INPUT,
                "Cannot write " + target + ": " + why + ". " + next + "; nothing was written.", false, e);
    }
}
