package dev.kustodian.core.util;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The one way files handed to Kustodian by an admin are opened: kubeconfigs, manifests and snapshots, audit logs,
 * EncryptionConfigurations, PEM certificates and keys. Only regular files are read (a FIFO, a device or a folder
 * where a file is expected is refused before it is opened, so nothing blocks), at most a size budget is read (also
 * when the file system reports no size, as /proc does), and text is decoded as UTF-8, or UTF-16/UTF-8 when it
 * starts with a byte-order mark. Every refusal is an {@link InputException}: {@code file[:line]: what is wrong}
 * in words, with what to do next; never the file's content.
 */
public final class InputFiles {
    /** Kubeconfigs, EncryptionConfigurations, single manifests. */
    public static final long CONFIG_BUDGET = 16L << 20;
    /** Snapshot files and manifest streams (kubectl get -A -o yaml of a large cluster). */
    public static final long SNAPSHOT_BUDGET = 1L << 30;
    /** PEM certificates and keys. */
    public static final long PEM_BUDGET = 1L << 20;

    private InputFiles() {
    }

    /**
     * An input that cannot be used; the message names the file (and line) and says what to do. Subclassed by the
     * YAML reader's {@code YamlException}.
     */
    public static class InputException extends UserFacingException {
        private final String file;
        private final int line;

        public InputException(String file, int line, String what) {
            super(Category.BAD_INPUT, file + (line > 0 ? ":" + line : "") + ": " + what);
            this.file = file;
            this.line = line;
        }

        public String file() {
            return file;
        }

        public int line() {
            return line;
        }
    }

    /**
     * Refuses anything but an existing, readable regular file (symbolic links are followed). {@code what} names the
     * role of the file in the sentence ("kubeconfig", "sealing certificate").
     */
    public static BasicFileAttributes requireRegularFile(Path file, String what) {
        String name = String.valueOf(file);
        if (file == null) {
            throw new InputException("(no file)", 0, "no " + asFile(what) + " was given.");
        }
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new InputException(name, 0, "the " + what + " does not exist. Check the path.");
        } catch (AccessDeniedException e) {
            throw new InputException(name, 0, "the " + what + " cannot be opened: permission denied. "
                    + "Check the permissions of the file and its folders.");
        } catch (IOException | SecurityException e) {
            throw new InputException(name, 0, "the " + what + " cannot be opened (" + IoErrors.describe(e)
                    + "). Check the path.");
        }
        if (a.isDirectory()) {
            throw new InputException(name, 0, "is a folder, but " + article(asFile(what)) + " is expected. Give the file's path.");
        }
        if (!a.isRegularFile()) {
            throw new InputException(name, 0, "is not a regular file (a pipe, socket or device), so it is not read as "
                    + "the " + what + ". Save the content to a file and give that file.");
        }
        if (!Files.isReadable(file)) {
            throw new InputException(name, 0, "the " + what + " is not readable: permission denied. "
                    + "Check its permissions (it may be readable by root only).");
        }
        return a;
    }

    /**
     * The path typed or picked for {@code what} (a GUI field, a {@code KEY=PATH} argument): a text that cannot be a
     * path on this system (a NUL character, say) is an {@link InputException}, not an exception on the FX thread.
     */
    public static Path path(String text, String what) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            throw new InputException("(no file)", 0, "no " + asFile(what) + " was given.");
        }
        try {
            return Path.of(t);
        } catch (java.nio.file.InvalidPathException e) {
            String shown = t.replaceAll("\\p{Cntrl}", "?");
            throw new InputException(shown, 0, "is not a valid path for the " + what + " (it holds a character no "
                    + "file name can have). Check the path.");
        }
    }

    /** The bytes of a regular file, refused beyond {@code budget} bytes. */
    public static byte[] readBytes(Path file, String what, long budget) {
        BasicFileAttributes a = requireRegularFile(file, what);
        if (a.size() > budget) {
            throw tooLarge(file.toString(), what, budget);
        }
        try (InputStream in = Files.newInputStream(file)) {
            // the reported size may be 0 (/proc) or change while reading: never read more than the budget
            byte[] b = in.readNBytes((int) Math.min(budget + 1, Integer.MAX_VALUE - 16));
            if (b.length > budget) {
                throw tooLarge(file.toString(), what, budget);
            }
            return b;
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, "the " + what + " cannot be read ("
                    + IoErrors.describe(e) + "). Check the file.");
        }
    }

    /** The text of a regular file (UTF-8, or as its byte-order mark says), refused beyond {@code budget} bytes. */
    public static String readText(Path file, String what, long budget) {
        return decode(readBytes(file, what, budget), file.toString(), what);
    }

    private static InputException tooLarge(String name, String what, long budget) {
        return new InputException(name, 0, "is larger than " + human(budget) + ", more than any " + what
                + " should be; it is not read. Check that this is the right file.");
    }

    static String human(long bytes) {
        if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + " GiB";
        }
        if (bytes >= 1L << 20) {
            return (bytes >> 20) + " MiB";
        }
        return (bytes >> 10) + " KiB";
    }

    /**
     * Decodes text: a UTF-8 byte-order mark is dropped, UTF-16 with a byte-order mark is decoded as such, anything
     * else must be valid UTF-8. A NUL byte or invalid UTF-8 is refused with the line it is on.
     */
    public static String decode(byte[] b, String name, String what) {
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return strict(b, 2, StandardCharsets.UTF_16BE, name, what, "UTF-16");
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return strict(b, 2, StandardCharsets.UTF_16LE, name, what, "UTF-16");
        }
        int start = b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF ? 3 : 0;
        for (int i = start; i < b.length; i++) {
            if (b[i] == 0) {
                throw new InputException(name, lineAt(b, start, i), "holds a NUL byte: this is a binary file (or "
                        + "UTF-16 text without a byte-order mark), not " + article(what) + ". Give the text file, saved as UTF-8.");
            }
        }
        return strict(b, start, StandardCharsets.UTF_8, name, what, "UTF-8");
    }

    private static String strict(byte[] b, int start, Charset cs, String name, String what, String label) {
        CharsetDecoder d = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b, start, b.length - start);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16L,
                (long) ((b.length - start) * (double) d.maxCharsPerByte()) + 1));
        CoderResult r = d.decode(in, out, true);
        if (!r.isError()) {
            r = d.flush(out);
        }
        if (r.isError()) {
            int at = in.position();
            throw new InputException(name, label.equals("UTF-8") ? lineAt(b, start, at) : 0,
                    "is not " + label + " text (invalid byte sequence). Save the " + what
                            + " as UTF-8 (for example with iconv -t UTF-8) and try again.");
        }
        out.flip();
        return out.toString();
    }

    /** 1-based line of byte {@code at} (counting '\n'). */
    private static int lineAt(byte[] b, int start, int at) {
        int line = 1;
        for (int i = start; i < at && i < b.length; i++) {
            if (b[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * A reader over a regular file's text for streaming parsers: UTF-8 (a UTF-8 byte-order mark is dropped) or
     * UTF-16 with a byte-order mark; invalid text, a NUL character (binary files) or more than {@code budget}
     * characters stop the reading with an {@link InputException} naming the line.
     */
    public static Reader openText(Path file, String what, long budget) {
        BasicFileAttributes a = requireRegularFile(file, what);
        if (a.size() > budget) {
            throw tooLarge(file.toString(), what, budget);
        }
        InputStream raw = null;
        try {
            raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            raw.mark(4);
            byte[] head = raw.readNBytes(3);
            raw.reset();
            Charset cs = StandardCharsets.UTF_8;
            int skip = 0;
            if (head.length >= 2 && (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF) {
                cs = StandardCharsets.UTF_16BE;
                skip = 2;
            } else if (head.length >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE) {
                cs = StandardCharsets.UTF_16LE;
                skip = 2;
            } else if (head.length == 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB
                    && (head[2] & 0xff) == 0xBF) {
                skip = 3;
            }
            raw.skipNBytes(skip);
            CharsetDecoder d = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            return new CheckedReader(new InputStreamReader(raw, d), file.toString(), what, budget,
                    cs == StandardCharsets.UTF_8 ? "UTF-8" : "UTF-16");
        } catch (IOException e) {
            closeQuietly(raw);
            throw new InputException(file.toString(), 0, "the " + what + " cannot be read ("
                    + IoErrors.describe(e) + "). Check the file.");
        }
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // nothing was read
            }
        }
    }

    /** Counts lines and characters, turns decoding failures into {@link InputException}s with the line. */
    private static final class CheckedReader extends Reader {
        private final Reader in;
        private final String name;
        private final String what;
        private final long budget;
        private final String charset;
        private long chars;
        private int line = 1;

        CheckedReader(Reader in, String name, String what, long budget, String charset) {
            this.in = in;
            this.name = name;
            this.what = what;
            this.budget = budget;
            this.charset = charset;
        }

        @Override
        public int read(char[] buf, int off, int len) {
            int n;
            try {
                n = in.read(buf, off, len);
            } catch (CharacterCodingException e) {
                throw new InputException(name, line, "is not " + charset + " text (invalid byte sequence near this "
                        + "line). Save the " + what + " as UTF-8 (for example with iconv -t UTF-8) and try again.");
            } catch (IOException e) {
                throw new InputException(name, line, "the " + what + " could not be read to the end ("
                        + IoErrors.describe(e) + "). Check the file.");
            }
            for (int i = off; i < off + n; i++) {
                char c = buf[i];
                if (c == '\n') {
                    line++;
                } else if (c == 0) {
                    throw new InputException(name, line, "holds a NUL character: this is a binary file (or UTF-16 "
                            + "text without a byte-order mark), not " + article(what) + ". Give the text file, saved as UTF-8.");
                }
            }
            if (n > 0) {
                chars += n;
                if (chars > budget) {
                    throw tooLarge(name, what, budget);
                }
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** "a kubeconfig", "an EncryptionConfiguration file". */
    static String article(String what) {
        return (!what.isEmpty() && "aeiouAEIOU".indexOf(what.charAt(0)) >= 0 ? "an " : "a ") + what;
    }

    /** "kubeconfig file", "EncryptionConfiguration file" (not "... file file"). */
    static String asFile(String what) {
        return what.endsWith(" file") ? what : what + " file";
    }
}
