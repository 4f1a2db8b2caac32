package dev.kustodian.core.output;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Set;

/**
 * Atomic file writes: content goes to a temporary file in the same folder (created 0600 for private files), then
 * is moved over the target. Callers decide about overwriting before calling ({@link FolderWriter} asks).
 */
public final class SafeFiles {
    private SafeFiles() {
    }

    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rw-------");

    public static void writeAtomically(Path target, String content) throws IOException {
        writeAtomically(target, content.getBytes(StandardCharsets.UTF_8), false);
    }

    /**
     * Writes {@code content} atomically; with {@code privateFile} the file is 0600 from its creation (never
     * world-readable, not even for a moment). The byte array is not kept; callers should clear theirs.
     */
    public static void writeAtomically(Path target, byte[] content, boolean privateFile) throws IOException {
        writeAtomically(target, privateFile, tmp -> Files.write(tmp, content));
    }

    /** What goes into a file, written as it is produced (UTF-8) instead of being held as one string. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    /**
     * Streams {@code content} (UTF-8) into a temporary file next to {@code target} and moves it over the target
     * when complete: a failure midway leaves no partial file and the previous file untouched.
     */
    public static void writeAtomically(Path target, Content content) throws IOException {
        writeAtomically(target, false, tmp -> {
            // an OutputStreamWriter replaces what UTF-8 cannot encode, as String.getBytes does
            try (Writer w = new BufferedWriter(new OutputStreamWriter(new BufferedOutputStream(
                    Files.newOutputStream(tmp), 1 << 18), StandardCharsets.UTF_8), 1 << 16)) {
                content.writeTo(w);
            }
        });
    }

    private interface TempWriter {
        void write(Path tmp) throws IOException;
    }

    private static void writeAtomically(Path target, boolean privateFile, TempWriter body) throws IOException {
        try {
            write(target, privateFile, body);
        } catch (IOException e) {
            // the target is untouched and no temporary file is left; say why in words
            throw dev.kustodian.core.util.IoErrors.writeFailure(target, e);
        }
    }

    private static void write(Path target, boolean privateFile, TempWriter body) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp;
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (posix) {
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp",
                    PosixFilePermissions.asFileAttribute(privateFile ? PRIVATE
                            : PosixFilePermissions.fromString("rw-r--r--")));
        } else {
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        }
        try {
            body.write(tmp);
            if (posix && privateFile) {
                Files.setPosixFilePermissions(tmp, PRIVATE);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Makes a written script executable (rwxr-xr-x) where the file system has POSIX permissions. */
    public static void makeExecutable(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /** Writes a private file (0600) and refuses to replace an existing one unless {@code overwrite}. */
    public static void writePrivate(Path target, byte[] content, boolean overwrite) throws IOException {
        if (!overwrite && Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString(), null, "exists; not overwritten");
        }
        writeAtomically(target, content, true);
    }

    public static void wipe(byte[] b) {
        if (b != null) {
            Arrays.fill(b, (byte) 0);
        }
    }

    public static void wipe(char[] c) {
        if (c != null) {
            Arrays.fill(c, '\0');
        }
    }
}
