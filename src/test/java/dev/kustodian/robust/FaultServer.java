package dev.kustodian.robust;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A misbehaving Kubernetes API server on 127.0.0.1 (raw sockets, so it can reset, stall and drip): answers
 * {@code /version}, discovery and access reviews like a real server, and lists according to its {@link Mode}.
 * Bounded: at most {@link #MAX_CONNECTIONS} connections at once, and every stalled answer ends when the server
 * is closed.
 */
final class FaultServer implements AutoCloseable {
    static final int MAX_CONNECTIONS = 64;

    enum Mode {
        /** A healthy, small cluster. */
        OK,
        /** 500 on every list. */
        LIST_500,
        /** 429 with Retry-After of a billion seconds on every list. */
        LIST_429_HUGE_RETRY_AFTER,
        /** Lists: headers and half the body, then a TCP reset. */
        LIST_RESET_MID_BODY,
        /** Lists: a complete HTTP answer whose JSON stops in the middle. */
        LIST_TRUNCATED_JSON,
        /** Lists: an empty page with the same continue token, forever. */
        LIST_ENDLESS_CONTINUE,
        /** Secrets lists: empty pages with a new continue token each time, forever. */
        LIST_ENDLESS_NEW_CONTINUE,
        /** Reads requests and never answers anything. */
        BLACK_HOLE,
        /** Answers /version, then never answers a list. */
        LIST_BLACK_HOLE,
        /** 401 on everything. */
        UNAUTHORIZED,
        /** 403 on listing secrets (and the access review says no), the rest is fine. */
        FORBIDDEN_SECRETS,
        /** 200 with an HTML page on everything. */
        NON_JSON,
        /** Lists: JSON with items as a string and metadata as a number. */
        LIST_WRONG_TYPES,
        /** Lists: items whose fields have the wrong types (metadata a string, data a list). */
        ITEM_WRONG_TYPES,
        /** Lists: the answer drips at one byte per second. */
        LIST_DRIP,
        /** /version drips at one byte per second. */
        VERSION_DRIP,
        /** 500 on /version. */
        VERSION_500,
        /** Closes every connection without a byte. */
        EMPTY_REPLY,
        /** 404 on everything. */
        NOT_FOUND,
        /** /version and discovery answered, 404 on every list (a proxy that forwards only some paths). */
        LIST_NOT_FOUND,
        /** Secrets lists: a 64 MiB answer of white space. */
        LIST_HUGE_BODY
    }

    private final ServerSocket server;
    private final Mode mode;
    private final ExecutorService pool = Executors.newFixedThreadPool(MAX_CONNECTIONS, r -> {
        Thread t = new Thread(r, "fault-server");
        t.setDaemon(true);
        return t;
    });
    private final List<Socket> open = new ArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    final AtomicLong requests = new AtomicLong();
    final AtomicLong listRequests = new AtomicLong();
    private volatile boolean closed;
    /** A value the server puts in every Secret it lists: it must never be printed. */
    final String secretValue;

    FaultServer(Mode mode, String secretValue) throws IOException {
        this.mode = mode;
        this.secretValue = secretValue;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptLoop, "fault-server-accept");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                if (connections.incrementAndGet() > MAX_CONNECTIONS) {
                    connections.decrementAndGet();
                    s.close();
                    continue;
                }
                synchronized (open) {
                    open.add(s);
                }
                pool.submit(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            s.setSoTimeout(60_000);
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            while (!closed) {
                String requestLine = readRequest(in);
                if (requestLine == null) {
                    return;
                }
                requests.incrementAndGet();
                if (!answer(requestLine, s, out)) {
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client went away or the server closed
        } finally {
            connections.decrementAndGet();
            synchronized (open) {
                open.remove(s);
            }
        }
    }

    /** Reads one request (line, headers, body by Content-Length); null at the end of the connection. */
    private static String readRequest(InputStream in) throws IOException {
        String line = readLine(in);
        if (line == null || line.isEmpty()) {
            return null;
        }
        int length = 0;
        for (String h; (h = readLine(in)) != null && !h.isEmpty(); ) {
            String low = h.toLowerCase(Locale.ROOT);
            if (low.startsWith("content-length:")) {
                length = Integer.parseInt(h.substring(15).trim());
            }
        }
        in.readNBytes(Math.min(length, 1 << 20));
        return line;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c; (c = in.read()) != -1; ) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            if (b.size() > 65_536) {
                return null;
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }

    /** Answers one request; false to drop the connection. */
    private boolean answer(String requestLine, Socket s, OutputStream out) throws IOException, InterruptedException {
        String[] parts = requestLine.split(" ");
        String method = parts[0];
        String target = parts.length > 1 ? parts[1] : "/";
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        boolean list = method.equals("GET") && isList(path);
        if (list) {
            listRequests.incrementAndGet();
        }
        switch (mode) {
            case BLACK_HOLE -> {
                stall();
                return false;
            }
            case EMPTY_REPLY -> {
                return false;
            }
            case UNAUTHORIZED -> {
                return send(out, 401, status(401, "Unauthorized"));
            }
            case NOT_FOUND -> {
                return send(out, 404, status(404, "NotFound"));
            }
            case NON_JSON -> {
                return send(out, 200, "text/html", "<!DOCTYPE html><html><body>Sign in to continue</body></html>");
            }
            case VERSION_500 -> {
                if (path.equals("/version")) {
                    return send(out, 500, status(500, "InternalError"));
                }
            }
            case VERSION_DRIP -> {
                if (path.equals("/version")) {
                    drip(out, version());
                    return false;
                }
            }
            default -> {
            }
        }
        if (path.equals("/version")) {
            return send(out, 200, version());
        }
        if (method.equals("POST") && path.endsWith("/selfsubjectaccessreviews")) {
            boolean deny = mode == Mode.FORBIDDEN_SECRETS; // the body is not parsed: deny all, lists decide
            return send(out, 201, "{\"apiVersion\":\"authorization.k8s.io/v1\",\"kind\":\"SelfSubjectAccessReview\","
                    + "\"status\":{\"allowed\":" + !deny + "}}");
        }
        if (method.equals("POST") && path.endsWith("/selfsubjectreviews")) {
            return send(out, 201, "{\"apiVersion\":\"authentication.k8s.io/v1\",\"kind\":\"SelfSubjectReview\","
                    + "\"status\":{\"userInfo\":{\"username\":\"alice\",\"groups\":[\"system:authenticated\"]}}}");
        }
        if (path.equals("/api")) {
            return send(out, 200, "{\"kind\":\"APIVersions\",\"versions\":[\"v1\"]}");
        }
        if (path.equals("/apis")) {
            return send(out, 200, "{\"kind\":\"APIGroupList\",\"apiVersion\":\"v1\",\"groups\":[]}");
        }
        if (path.equals("/api/v1")) {
            return send(out, 200, "{\"kind\":\"APIResourceList\",\"groupVersion\":\"v1\",\"resources\":["
                    + "{\"name\":\"secrets\",\"namespaced\":true,\"kind\":\"Secret\",\"verbs\":[\"get\",\"list\"]}]}");
        }
        if (!list) {
            return send(out, 404, status(404, "NotFound"));
        }
        String kind = path.substring(path.lastIndexOf('/') + 1);
        switch (mode) {
            case LIST_NOT_FOUND -> {
                return send(out, 404, status(404, "NotFound"));
            }
            case LIST_500 -> {
                return send(out, 500, status(500, "InternalError"));
            }
            case LIST_429_HUGE_RETRY_AFTER -> {
                String body = status(429, "TooManyRequests");
                byte[] b = body.getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/json\r\nRetry-After: 1000000000\r\n"
                        + "Content-Length: " + b.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(b);
                out.flush();
                return true;
            }
            case LIST_RESET_MID_BODY -> {
                byte[] b = list(kind, null).getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + b.length
                        + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(b, 0, b.length / 2);
                out.flush();
                s.setSoLinger(true, 0);
                return false;
            }
            case LIST_TRUNCATED_JSON -> {
                String body = list(kind, null);
                return send(out, 200, body.substring(0, body.length() / 2));
            }
            case LIST_ENDLESS_CONTINUE -> {
                return send(out, 200, emptyPage(kind, "same-token"));
            }
            case LIST_ENDLESS_NEW_CONTINUE -> {
                // one kind is enough to show the loop is bounded (every kind would only multiply the paced requests)
                return send(out, 200, kind.equals("secrets") ? emptyPage(kind, "token-" + listRequests.get())
                        : list(kind, null));
            }
            case LIST_BLACK_HOLE -> {
                stall();
                return false;
            }
            case FORBIDDEN_SECRETS -> {
                if (kind.equals("secrets")) {
                    return send(out, 403, status(403, "Forbidden"));
                }
                return send(out, 200, list(kind, null));
            }
            case LIST_WRONG_TYPES -> {
                return send(out, 200, "{\"kind\":\"List\",\"apiVersion\":\"v1\",\"metadata\":7,\"items\":\"none\"}");
            }
            case ITEM_WRONG_TYPES -> {
                return send(out, 200, "{\"kind\":\"List\",\"apiVersion\":\"v1\",\"metadata\":{},\"items\":[{\"apiVersion\":"
                        + "\"v1\",\"kind\":\"Secret\",\"metadata\":\"db\",\"data\":[\"" + b64(secretValue) + "\"]}]}");
            }
            case LIST_DRIP -> {
                drip(out, list(kind, null));
                return false;
            }
            case LIST_HUGE_BODY -> {
                if (!kind.equals("secrets")) {
                    return send(out, 200, list(kind, null));
                }
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + (64 << 20)
                        + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                byte[] spaces = new byte[1 << 16];
                java.util.Arrays.fill(spaces, (byte) ' ');
                for (int i = 0; i < 1024 && !closed; i++) {
                    out.write(spaces);
                }
                out.flush();
                return false;
            }
            default -> {
                return send(out, 200, list(kind, null));
            }
        }
    }

    private static boolean isList(String path) {
        String[] seg = path.split("/");
        // /api/v1/secrets, /api/v1/namespaces/x/secrets, /apis/g/v/kind, /apis/g/v/namespaces/x/kind
        if (path.startsWith("/api/v1/")) {
            return seg.length == 4 || (seg.length == 6 && seg[3].equals("namespaces"));
        }
        if (path.startsWith("/apis/")) {
            return seg.length == 5 || (seg.length == 7 && seg[4].equals("namespaces"));
        }
        return false;
    }

    private void stall() throws InterruptedException {
        while (!closed) {
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    private void drip(OutputStream out, String body) throws IOException, InterruptedException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + b.length + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        for (int i = 0; i < b.length && !closed; i++) {
            out.write(b[i]);
            out.flush();
            TimeUnit.SECONDS.sleep(1);
        }
    }

    private static String version() {
        return "{\"major\":\"1\",\"minor\":\"32\",\"gitVersion\":\"v1.32.0\",\"platform\":\"linux/amd64\"}";
    }

    private static String status(int code, String reason) {
        return "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"" + reason
                + "\",\"code\":" + code + "}";
    }

    private String list(String kind, String cont) {
        String items = "";
        if (kind.equals("secrets")) {
            items = "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"db\",\"namespace\":\"shop\"},"
                    + "\"type\":\"Opaque\",\"data\":{\"password\":\"" + b64(secretValue) + "\"}}";
        } else if (kind.equals("namespaces")) {
            items = "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"shop\"}}";
        }
        return "{\"kind\":\"List\",\"apiVersion\":\"v1\",\"metadata\":{" + (cont == null ? "" : "\"continue\":\"" + cont + "\"")
                + "},\"items\":[" + items + "]}";
    }

    private static String emptyPage(String kind, String cont) {
        return "{\"kind\":\"List\",\"apiVersion\":\"v1\",\"metadata\":{\"continue\":\"" + cont + "\"},\"items\":[]}";
    }

    private static String b64(String s) {
        return java.util.Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean send(OutputStream out, int code, String json) throws IOException {
        return send(out, code, "application/json", json);
    }

    private static boolean send(OutputStream out, int code, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + code + " X\r\nContent-Type: " + type + "\r\nContent-Length: " + b.length + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.write(b);
        out.flush();
        return true;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        synchronized (open) {
            for (Socket s : open) {
                try {
                    s.close();
                } catch (SocketException ignored) {
                    // already gone
                }
            }
        }
        pool.shutdownNow();
    }
}
