package dev.kustodian.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;

import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes the elements of a JSON array that is open in a pretty-printing generator, large arrays formatted in chunks
 * on worker threads (the idle cores of a one-shot {@code scan -o json|sarif}) and written in order by the calling
 * thread: the same characters as writing each element through the generator.
 *
 * <p>How: the first element goes through the generator itself, so every later one starts with the array's value
 * separator. Each chunk gets its own generator (same mapper, so the same pretty printer) into a char buffer, opened
 * to the same nesting as the array (objects and arrays; the field names do not matter), with one dummy element; what
 * it writes after that dummy is exactly what the caller's generator would have written for those elements, and goes
 * out with {@link JsonGenerator#writeRaw(char[], int, int)}. At most two chunks per worker are in memory at once.
 * Small arrays and one-core machines (or {@code -Dkustodian.reportThreads=1}) write element by element.
 */
final class ParallelArray {
    /** Elements per chunk (a SARIF result is ~1.3 KB of text: ~2.6 MB of chars per chunk). */
    static volatile int chunk = 1_000;
    /** Arrays with fewer elements are written element by element. */
    static volatile int minElements = 6_000;
    /** Worker threads; 0: one per available processor, at most {@link #MAX_WORKERS}; 1: none, element by element. */
    static volatile int threads = Integer.getInteger("kustodian.reportThreads", 0);
    /**
     * Workers when {@link #threads} is 0: each keeps up to two chunks (~2.6 MB of chars each, 5 MB of heap) in memory,
     * so a 64-core machine would hold ~650 MB of chunks; four workers already outpace the one thread that writes.
     */
    static final int MAX_WORKERS = 4;
    private static final int SLICE = 8_192;

    private ParallelArray() {
    }

    @FunctionalInterface
    interface Element<T> {
        void write(JsonGenerator g, T element) throws IOException;
    }

    static <T> void write(JsonGenerator g, List<T> elements, Element<T> element) throws IOException {
        int workers = threads > 0 ? threads : Math.min(MAX_WORKERS, Runtime.getRuntime().availableProcessors());
        int n = elements.size();
        if (workers < 2 || n < Math.max(2, minElements)) {
            for (T t : elements) {
                element.write(g, t);
            }
            return;
        }
        element.write(g, elements.get(0));
        List<JsonStreamContext> path = path(g.getOutputContext());
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "report-writer");
            t.setDaemon(true);
            return t;
        });
        ArrayDeque<Future<Chunk>> inFlight = new ArrayDeque<>();
        // the buffers of written chunks are used again: no ~1.5 KB of new chars per element (fewer collections)
        Queue<Buffer> free = new ConcurrentLinkedQueue<>();
        try {
            int next = 1;
            while (next < n || !inFlight.isEmpty()) {
                while (next < n && inFlight.size() < 2 * workers) {
                    List<T> part = elements.subList(next, Math.min(n, next + chunk));
                    inFlight.add(pool.submit(() -> format(path, part, element, free.poll())));
                    next += part.size();
                }
                Chunk c = take(inFlight.poll());
                // in slices: the writers stream, no single write carries a large part of the report
                char[] chars = c.buffer.chars();
                for (int i = 0; i < c.length; i += SLICE) {
                    g.writeRaw(chars, c.from + i, Math.min(SLICE, c.length - i));
                }
                free.add(c.buffer);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The contexts from the outermost structure down to the open array (the root context left out). */
    private static List<JsonStreamContext> path(JsonStreamContext c) {
        List<JsonStreamContext> path = new ArrayList<>();
        for (; c != null && !c.inRoot(); c = c.getParent()) {
            path.add(c);
        }
        Collections.reverse(path);
        return path;
    }

    private record Chunk(Buffer buffer, int from, int length) {
    }

    private static <T> Chunk format(List<JsonStreamContext> path, List<T> part, Element<T> element, Buffer reused)
            throws IOException {
        Buffer out = reused != null ? reused : new Buffer(part.size() * 1_536);
        out.reset();
        try (JsonGenerator w = ReportWriter.jsonGenerator(out)) {
            w.disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT);
            for (JsonStreamContext c : path) {
                if (c.getParent() != null && c.getParent().inObject()) {
                    w.writeFieldName("x");
                }
                if (c.inArray()) {
                    w.writeStartArray();
                } else {
                    w.writeStartObject();
                }
            }
            w.writeNumber(0);
            w.flush();
            int from = out.size();
            for (T t : part) {
                element.write(w, t);
            }
            w.flush();
            return new Chunk(out, from, out.size() - from);
        }
    }

    private static Chunk take(Future<Chunk> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing the report");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException(cause);
        }
    }

    /** A {@link CharArrayWriter} whose chars are read in place (no copy). */
    private static final class Buffer extends CharArrayWriter {
        Buffer(int size) {
            super(size);
        }

        char[] chars() {
            return buf;
        }
    }
}
