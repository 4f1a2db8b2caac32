package dev.kustodian.core.cluster;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback Kubernetes API server for benchmarks, run as its own process: serves {@link SyntheticClusterJson}'s
 * cluster (list pages of 500 with continue tokens), discovery for {@code kubectl} (/api, /apis, resource lists),
 * {@code /version}, and allows every SelfSubjectAccessReview; it answers what {@code kubectl get ... -A} and
 * {@code kustodian} ask. Other kinds are empty lists; unknown paths 404. Plain HTTP on 127.0.0.1 only.
 * <p>
 * {@code java -cp target/test-classes dev.kustodian.core.cluster.SyntheticApiServer PORT_FILE [small]}: writes the
 * port to PORT_FILE once it serves, runs until killed.
 */
public final class SyntheticApiServer {

    private static final Pattern LIST = Pattern.compile("(/api/v1|/apis/[^/]+/[^/]+)(?:/namespaces/([^/]+))?/([a-z]+)");
    private static final String[][] GROUPS = {
            {"apps", "v1", "deployments:Deployment:true,statefulsets:StatefulSet:true,daemonsets:DaemonSet:true,"
                    + "replicasets:ReplicaSet:true"},
            {"batch", "v1", "jobs:Job:true,cronjobs:CronJob:true"},
            {"rbac.authorization.k8s.io", "v1", "roles:Role:true,rolebindings:RoleBinding:true,"
                    + "clusterroles:ClusterRole:false,clusterrolebindings:ClusterRoleBinding:false"},
            {"apiextensions.k8s.io", "v1", "customresourcedefinitions:CustomResourceDefinition:false"},
            {"authorization.k8s.io", "v1", "selfsubjectaccessreviews:SelfSubjectAccessReview:false"},
            {"authentication.k8s.io", "v1", "selfsubjectreviews:SelfSubjectReview:false"}};
    private static final String CORE = "namespaces:Namespace:false,nodes:Node:false,secrets:Secret:true,"
            + "configmaps:ConfigMap:true,pods:Pod:true,serviceaccounts:ServiceAccount:true";

    private final Map<String, SyntheticClusterJson.Listing> listings;
    private final Set<String> unknown = new LinkedHashSet<>();

    private SyntheticApiServer(Map<String, SyntheticClusterJson.Listing> listings) {
        this.listings = listings;
    }

    public static void main(String[] args) throws IOException {
        SyntheticClusterJson.Counts counts = args.length > 1 && args[1].equals("small")
                ? new SyntheticClusterJson.Counts(10, 200, 300, 100, 20, 25, 50, 3, 5)
                : SyntheticClusterJson.Counts.LARGE;
        HttpServer http = serve(counts);
        Path tmp = Path.of(args[0] + ".tmp");
        Files.writeString(tmp, Integer.toString(http.getAddress().getPort()));
        Files.move(tmp, Path.of(args[0]), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        System.err.printf("SyntheticApiServer: http://127.0.0.1:%d serving the synthetic cluster%n",
                http.getAddress().getPort());
    }

    /** Serves the synthetic cluster of {@code counts} on a loopback port (in this process; stop it when done). */
    static HttpServer serve(SyntheticClusterJson.Counts counts) throws IOException {
        SyntheticApiServer s = new SyntheticApiServer(SyntheticClusterJson.build(counts));
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        http.createContext("/", s::handle);
        http.setExecutor(Executors.newFixedThreadPool(4));
        http.start();
        return http;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            Map<String, String> q = query(ex.getRequestURI().getRawQuery());
            try (InputStream in = ex.getRequestBody()) {
                in.readAllBytes();
            }
            if (ex.getRequestMethod().equals("POST")) {
                if (path.endsWith("/selfsubjectaccessreviews")) {
                    send(ex, 201, "{\"apiVersion\":\"authorization.k8s.io/v1\",\"kind\":\"SelfSubjectAccessReview\","
                            + "\"spec\":{},\"status\":{\"allowed\":true}}");
                } else if (path.endsWith("/selfsubjectreviews")) {
                    send(ex, 201, "{\"apiVersion\":\"authentication.k8s.io/v1\",\"kind\":\"SelfSubjectReview\","
                            + "\"status\":{\"userInfo\":{\"username\":\"bench-admin\",\"groups\":[\"system:masters\","
                            + "\"system:authenticated\"]}}}");
                } else {
                    notFound(ex, path);
                }
                return;
            }
            switch (path) {
                case "/version" -> send(ex, 200, "{\"major\":\"1\",\"minor\":\"31\",\"gitVersion\":\"v1.31.4\","
                        + "\"platform\":\"linux/amd64\"}");
                case "/api" -> send(ex, 200, "{\"kind\":\"APIVersions\",\"versions\":[\"v1\"],"
                        + "\"serverAddressByClientCIDRs\":[{\"clientCIDR\":\"0.0.0.0/0\",\"serverAddress\":\"127.0.0.1\"}]}");
                case "/apis" -> send(ex, 200, groups());
                case "/api/v1" -> send(ex, 200, resources("v1", CORE));
                default -> list(ex, path, q);
            }
        }
    }

    private void list(HttpExchange ex, String path, Map<String, String> q) throws IOException {
        for (String[] g : GROUPS) {
            if (path.equals("/apis/" + g[0] + "/" + g[1])) {
                send(ex, 200, resources(g[0] + "/" + g[1], g[2]));
                return;
            }
        }
        Matcher m = LIST.matcher(path);
        if (!m.matches()) {
            notFound(ex, path);
            return;
        }
        String clusterWide = m.group(1) + "/" + m.group(3);
        SyntheticClusterJson.Listing l = listings.get(clusterWide);
        if (l == null || m.group(2) != null) {
            // kinds the cluster has none of (and per-namespace lists, which the benchmark clients do not need)
            String apiVersion = m.group(1).equals("/api/v1") ? "v1" : m.group(1).substring("/apis/".length());
            send(ex, 200, "{\"apiVersion\":\"" + apiVersion + "\",\"kind\":\"List\",\"metadata\":"
                    + "{\"resourceVersion\":\"1000\"},\"items\":[]}");
            return;
        }
        String cont = q.getOrDefault("continue", "");
        int page = cont.isEmpty() ? 0 : Integer.parseInt(cont.substring(3));
        int limit = Integer.parseInt(q.getOrDefault("limit", "0"));
        if (limit != 0 && limit != SyntheticClusterJson.PAGE || page >= l.pages().size()) {
            send(ex, 400, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":"
                    + "\"this benchmark server serves pages of " + SyntheticClusterJson.PAGE + " only\",\"code\":400}");
            return;
        }
        send(ex, 200, l.pages().get(page));
    }

    private void notFound(HttpExchange ex, String path) throws IOException {
        synchronized (unknown) {
            if (unknown.add(path)) {
                System.err.println("SyntheticApiServer: 404 " + ex.getRequestMethod() + " " + path);
            }
        }
        send(ex, 404, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"NotFound\","
                + "\"code\":404}");
    }

    private static String groups() {
        StringBuilder sb = new StringBuilder("{\"kind\":\"APIGroupList\",\"apiVersion\":\"v1\",\"groups\":[");
        for (int i = 0; i < GROUPS.length; i++) {
            String gv = GROUPS[i][0] + "/" + GROUPS[i][1];
            sb.append(i == 0 ? "" : ",").append("{\"name\":\"").append(GROUPS[i][0]).append("\",\"versions\":[{")
                    .append("\"groupVersion\":\"").append(gv).append("\",\"version\":\"").append(GROUPS[i][1])
                    .append("\"}],\"preferredVersion\":{\"groupVersion\":\"").append(gv).append("\",\"version\":\"")
                    .append(GROUPS[i][1]).append("\"}}");
        }
        return sb.append("]}").toString();
    }

    private static String resources(String groupVersion, String spec) {
        StringBuilder sb = new StringBuilder("{\"kind\":\"APIResourceList\",\"apiVersion\":\"v1\",\"groupVersion\":\"")
                .append(groupVersion).append("\",\"resources\":[");
        String[] rs = spec.split(",");
        for (int i = 0; i < rs.length; i++) {
            String[] r = rs[i].split(":");
            boolean review = r[0].endsWith("reviews");
            sb.append(i == 0 ? "" : ",").append("{\"name\":\"").append(r[0]).append("\",\"singularName\":\"\",")
                    .append("\"namespaced\":").append(r[2]).append(",\"kind\":\"").append(r[1]).append("\",\"verbs\":")
                    .append(review ? "[\"create\"]" : "[\"create\",\"delete\",\"get\",\"list\",\"patch\",\"update\",\"watch\"]")
                    .append('}');
        }
        return sb.append("]}").toString();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> m = new HashMap<>();
        if (raw != null) {
            for (String p : raw.split("&")) {
                int eq = p.indexOf('=');
                if (eq > 0) {
                    m.put(p.substring(0, eq), URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return m;
    }

    private static void send(HttpExchange ex, int code, String body) throws IOException {
        send(ex, code, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int code, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(code, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }
}
