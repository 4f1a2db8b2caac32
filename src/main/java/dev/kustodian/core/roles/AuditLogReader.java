package dev.kustodian.core.roles;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.Progress;
import dev.kustodian.core.util.UserFacingException;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Streams Kubernetes audit logs: {@code audit.k8s.io/v1} (and {@code v1beta1}) Event objects, one JSON object per
 * line as the log backend writes them ({@code EventList} lines as a webhook would send are accepted too), plain or
 * gzip (detected by magic bytes), several files in order.
 *
 * <p>Memory stays bounded whatever the size of the logs: lines are never read into a String, each line is parsed
 * with Jackson's streaming parser and only the facts of {@link AuditEvent} are kept; request and response bodies
 * ({@code requestObject}, {@code responseObject}: they can hold secret values at the RequestResponse level) are
 * skipped token by token and never materialised. Malformed lines are counted and reported by file:line, without
 * their content. Each request is counted once: only events at stage {@code ResponseComplete} or {@code Panic} (or
 * without a stage) are passed on.
 */
public final class AuditLogReader {
    /** How many malformed-line locations are kept for the report. */
    public static final int MAX_SAMPLES = 20;
    /** Bytes looked at for a NUL byte (a binary file) before reading lines. */
    private static final int BINARY_PROBE = 4096;

    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .build()
            .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);

    private final Progress progress;
    private final Cancellation cancel;

    public AuditLogReader(Progress progress, Cancellation cancel) {
        this.progress = progress == null ? Progress.NONE : progress;
        this.cancel = cancel == null ? Cancellation.none() : cancel;
    }

    /**
     * What was read.
     *
     * @param events         audit events found (any stage)
     * @param passed         events passed to the consumer (final stage)
     * @param skippedStage   events skipped because they were not the request's final stage
     * @param malformed      lines that were not an audit event
     * @param problems       up to {@link #MAX_SAMPLES} "file:line: reason" entries, then damaged-file notes
     */
    public record Result(int files, long bytes, long lines, long events, long passed, long skippedStage,
                         long malformed, List<String> problems, Instant first, Instant last) {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    /** Reads the files in order and passes each request's final event to {@code sink}. */
    public Result read(List<Path> files, Consumer<AuditEvent> sink) {
        long total = 0;
        for (Path f : files) {
            total += dev.kustodian.core.util.InputFiles.requireRegularFile(f, "audit log").size();
        }
        State st = new State(total);
        for (Path f : files) {
            try (InputStream in = Files.newInputStream(f)) {
                readStream(in, f.toString(), st, sink);
            } catch (IOException e) {
                throw new UserFacingException(UserFacingException.Category.BAD_INPUT,
                        "Cannot read the audit log " + f + ": " + dev.kustodian.core.util.IoErrors.describe(e)
                                + ". Check that the file is readable.",
                        false, e);
            }
            st.files++;
        }
        progress.update(1.0, "Read " + st.events + " audit events from " + files.size() + " file(s)");
        Result r = st.result();
        if (r.events() == 0) {
            // without a single event every permission would look unused: refuse rather than advise removing all
            String names = files.size() == 1 ? "The audit log " + files.get(0) + " holds"
                    : "The audit logs " + files.stream().map(Path::toString).collect(java.util.stream.Collectors.joining(", "))
                    + " hold";
            throw UserFacingException.badInput(names + " no audit event (" + r.lines() + " line"
                    + (r.lines() == 1 ? "" : "s") + (r.malformed() > 0 ? ", " + r.malformed() + " not an audit event"
                    + (r.problems().isEmpty() ? "" : "; first: " + r.problems().get(0)) : "")
                    + "). Give the file kube-apiserver writes with --audit-log-path (JSON lines, one event per line).");
        }
        return r;
    }

    /** Reads one stream (plain or gzip); {@code label} names it in the problems. */
    public Result read(InputStream in, String label, Consumer<AuditEvent> sink) throws IOException {
        State st = new State(-1);
        readStream(in, label, st, sink);
        st.files++;
        return st.result();
    }

    private void readStream(InputStream raw, String label, State st, Consumer<AuditEvent> sink) throws IOException {
        Counting counting = new Counting(raw, st);
        PushbackInputStream pb = new PushbackInputStream(counting, BINARY_PROBE);
        byte[] magic = new byte[BINARY_PROBE];
        int n = pb.readNBytes(magic, 0, BINARY_PROBE);
        if (n > 0) {
            pb.unread(magic, 0, n);
        }
        InputStream in = pb;
        if (n >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            in = new GZIPInputStream(pb, 1 << 16);
        } else {
            for (int i = 0; i < n; i++) {
                if (magic[i] == 0) {
                    // JSON lines never hold a NUL byte: a binary file (or an image of zeros) is not read to its end
                    throw UserFacingException.badInput(label + ": holds a NUL byte near the start: this is a binary "
                            + "file, not an audit log. Give the file kube-apiserver writes with --audit-log-path "
                            + "(JSON lines, plain or gzip).");
                }
            }
        }
        LineInput lines = new LineInput(in);
        long lineNo = 0;
        while (true) {
            boolean more;
            try {
                more = lines.nextLine();
            } catch (IOException e) {
                st.problem(label + ": damaged after line " + lineNo + " (" + describe(e) + "); the rest of this file was skipped");
                return;
            }
            if (!more) {
                return;
            }
            lineNo++;
            st.lines++;
            if ((st.lines & 0x3ff) == 0) {
                cancel.check();
                st.report();
            }
            try (JsonParser p = JSON.createParser(lines)) {
                JsonToken t = p.nextToken();
                if (t == null) {
                    continue; // blank line
                }
                if (t != JsonToken.START_OBJECT) {
                    st.malformed(label, lineNo, "not a JSON object");
                    lines.skipRest();
                    continue;
                }
                int before = st.eventsFound;
                st.reason = null;
                AuditEvent e = parseEvent(p, st, sink);
                if (e != null) {
                    st.accept(e, sink);
                } else if (st.eventsFound == before) {
                    st.malformed(label, lineNo, st.reason != null ? st.reason : "not an audit event (no verb)");
                }
                lines.skipRest();
            } catch (IOException e) {
                if (lines.ioError != null) {
                    st.problem(label + ": damaged after line " + (lineNo - 1) + " (" + describe(lines.ioError)
                            + "); the rest of this file was skipped");
                    return;
                }
                // never include the parser's message: it can quote the line's content
                st.malformed(label, lineNo, e instanceof JsonEOFException ? "incomplete JSON" : "not valid JSON");
                try {
                    lines.skipRest();
                } catch (IOException io) {
                    st.problem(label + ": damaged after line " + lineNo + " (" + describe(io) + "); the rest of this file was skipped");
                    return;
                }
            }
        }
    }

    private static String describe(IOException e) {
        if (e instanceof java.util.zip.ZipException) {
            return "the gzip data is damaged";
        }
        if (e instanceof java.io.EOFException) {
            return "the compressed data ends early: a truncated file";
        }
        return dev.kustodian.core.util.IoErrors.describe(e);
    }

    /** Parses the object the parser is at; EventList items are passed to the state directly. */
    private AuditEvent parseEvent(JsonParser p, State st, Consumer<AuditEvent> sink) throws IOException {
        String stage = "", verb = null, requestURI = null;
        String apiGroup = null, resource = null, sub = null, ns = null, name = null;
        Identity user = null, imp = null;
        int code = 0;
        String stageTs = null, receivedTs = null, legacyTs = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken t = p.nextToken();
            switch (f) {
                case "stage" -> stage = text(p, t);
                case "verb" -> verb = text(p, t);
                case "requestURI" -> requestURI = text(p, t);
                case "user" -> user = identity(p, t);
                case "impersonatedUser" -> imp = identity(p, t);
                case "stageTimestamp" -> stageTs = text(p, t);
                case "requestReceivedTimestamp" -> receivedTs = text(p, t);
                case "timestamp" -> legacyTs = text(p, t);
                case "responseStatus" -> {
                    if (t == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String g = p.currentName();
                            JsonToken v = p.nextToken();
                            if (g.equals("code") && v == JsonToken.VALUE_NUMBER_INT) {
                                code = p.getIntValue();
                            } else {
                                p.skipChildren();
                            }
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                case "objectRef" -> {
                    if (t == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String g = p.currentName();
                            JsonToken v = p.nextToken();
                            switch (g) {
                                case "apiGroup" -> apiGroup = text(p, v);
                                case "resource" -> resource = text(p, v);
                                case "subresource" -> sub = text(p, v);
                                case "namespace" -> ns = text(p, v);
                                case "name" -> name = text(p, v);
                                default -> p.skipChildren();
                            }
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                case "items" -> {
                    if (t == JsonToken.START_ARRAY) {
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            AuditEvent item = parseEvent(p, st, sink);
                            if (item != null) {
                                st.accept(item, sink);
                            }
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren(); // requestObject, responseObject, annotations...: skipped unread
            }
        }
        if (stage == null) {
            st.reason = "\"stage\" is not a string";
            return null;
        }
        if (verb == null || verb.isEmpty()) {
            return null;
        }
        Identity who = imp != null && imp.name != null && !imp.name.isEmpty() ? imp : user;
        String path = null;
        if (resource == null || resource.isEmpty()) {
            resource = null;
            path = requestURI == null ? "" : stripQuery(requestURI);
        }
        Instant time = instant(stageTs);
        if (time == null) {
            time = instant(receivedTs);
        }
        if (time == null) {
            time = instant(legacyTs);
        }
        return new AuditEvent(stage, verb, apiGroup, resource, sub, ns, name, path,
                who == null ? "" : who.name, who == null ? List.of() : who.groups, code, time);
    }

    private static String stripQuery(String uri) {
        int q = uri.indexOf('?');
        return q < 0 ? uri : uri.substring(0, q);
    }

    private record Identity(String name, List<String> groups) {
    }

    private static Identity identity(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        String name = null;
        List<String> groups = new ArrayList<>(4);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = p.nextToken();
            if (f.equals("username")) {
                name = text(p, v);
            } else if (f.equals("groups") && v == JsonToken.START_ARRAY) {
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    if (p.currentToken() == JsonToken.VALUE_STRING) {
                        groups.add(p.getText());
                    } else {
                        p.skipChildren();
                    }
                }
            } else {
                p.skipChildren(); // uid, extra (extra can hold tokens' claims: not kept)
            }
        }
        return new Identity(name, groups);
    }

    private static String text(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        p.skipChildren();
        return null;
    }

    /** Parses RFC 3339 times ({@link dev.kustodian.core.util.Timestamps#parse}); null when it is not one. */
    static Instant instant(String s) {
        return dev.kustodian.core.util.Timestamps.parse(s);
    }

    /** Mutable counters of one read. */
    private final class State {
        final long total;
        int files;
        long bytes, lines, events, passed, skippedStage, malformed;
        int eventsFound;
        /** Why the last object was not an event, when more specific than "no verb". */
        String reason;
        long nextReport;
        final List<String> problems = new ArrayList<>();
        Instant first, last;

        State(long total) {
            this.total = total;
        }

        void accept(AuditEvent e, Consumer<AuditEvent> sink) {
            events++;
            eventsFound++;
            String stage = e.stage();
            if (!stage.isEmpty() && !stage.equals("ResponseComplete") && !stage.equals("Panic")) {
                skippedStage++;
                return;
            }
            passed++;
            first = EventTimes.earlier(first, e.time());
            last = EventTimes.later(last, e.time());
            sink.accept(e);
        }

        void malformed(String label, long line, String reason) {
            malformed++;
            if (malformed <= MAX_SAMPLES) {
                problems.add(label + ":" + line + ": " + reason);
            }
        }

        void problem(String text) {
            problems.add(text);
        }

        void report() {
            if (total > 0 && bytes >= nextReport) {
                nextReport = bytes + Math.max(1 << 20, total / 200);
                progress.update(Math.min(1.0, (double) bytes / total),
                        String.format(Locale.ROOT, "Reading audit logs: %s of %s, %,d events", mb(bytes), mb(total), events));
            }
        }

        Result result() {
            return new Result(files, bytes, lines, events, passed, skippedStage, malformed, problems, first, last);
        }
    }

    static String mb(long bytes) {
        return bytes >= (1L << 30) ? String.format(Locale.ROOT, "%.2f GB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20));
    }

    /** Counts the raw (possibly compressed) bytes read, for progress. */
    private static final class Counting extends FilterInputStream {
        private final State st;

        Counting(InputStream in, State st) {
            super(in);
            this.st = st;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                st.bytes++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                st.bytes += n;
            }
            return n;
        }
    }

    /**
     * The current line of a stream as an InputStream that ends at the newline, so each line gets its own parser
     * (a malformed line cannot swallow the next) without the line ever being held as a whole.
     */
    static final class LineInput extends InputStream {
        private final InputStream in;
        private final byte[] buf = new byte[1 << 16];
        private int pos, lim;
        private boolean eof, atLineEnd = true;
        IOException ioError;

        LineInput(InputStream in) {
            this.in = in;
        }

        private void fill() throws IOException {
            if (eof) {
                return;
            }
            try {
                int n = in.read(buf, 0, buf.length);
                if (n < 0) {
                    eof = true;
                    pos = lim = 0;
                } else {
                    pos = 0;
                    lim = n;
                }
            } catch (IOException e) {
                ioError = e;
                eof = true;
                pos = lim = 0;
                throw e;
            }
        }

        /** Moves to the next line (skipping what is left of the current one); false at the end of the stream. */
        boolean nextLine() throws IOException {
            skipRest();
            if (pos >= lim) {
                fill();
            }
            if (pos >= lim) {
                return false;
            }
            atLineEnd = false;
            return true;
        }

        void skipRest() throws IOException {
            while (!atLineEnd) {
                if (pos >= lim) {
                    fill();
                    if (pos >= lim) {
                        atLineEnd = true;
                        return;
                    }
                }
                for (int i = pos; i < lim; i++) {
                    if (buf[i] == '\n') {
                        pos = i + 1;
                        atLineEnd = true;
                        return;
                    }
                }
                pos = lim;
            }
        }

        @Override
        public int read() throws IOException {
            if (atLineEnd) {
                return -1;
            }
            if (pos >= lim) {
                fill();
                if (pos >= lim) {
                    atLineEnd = true;
                    return -1;
                }
            }
            byte b = buf[pos++];
            if (b == '\n') {
                atLineEnd = true;
                return -1;
            }
            return b & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (atLineEnd) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            if (pos >= lim) {
                fill();
                if (pos >= lim) {
                    atLineEnd = true;
                    return -1;
                }
            }
            int end = Math.min(lim, pos + len);
            int i = pos;
            while (i < end && buf[i] != '\n') {
                i++;
            }
            int n = i - pos;
            System.arraycopy(buf, pos, b, off, n);
            pos = i;
            if (i < end) { // found the newline
                pos++;
                atLineEnd = true;
                return n == 0 ? -1 : n;
            }
            return n;
        }

        @Override
        public void close() {
            // the underlying stream is closed by the reader's caller
        }
    }
}
