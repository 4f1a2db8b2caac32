package dev.kustodian.core.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListMeta;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * List pages of the built-in kinds read without fabric8's typed model: the page is requested through the session's
 * fabric8 HTTP client (its kubeconfig, authentication, TLS and proxy settings) and its body parsed with Jackson's
 * streaming parser, item by item, into plain maps ({@link CompactJson}) that {@link RawModelConverter} turns into the model. fabric8's
 * typed deserialisation was a third of a large load's CPU. Errors are {@link KubernetesClientException}s with the
 * HTTP status, as fabric8's own listing throws them, so the loader's retries and visibility gaps stay the same.
 */
final class StreamedLists {

    /** The parsers of list pages (Jackson's default limits on nesting, string and number lengths). */
    private static final JsonFactory JSON_FACTORY = new JsonFactory();

    /** The apiVersion of the built-in kinds read this way (the rest, e.g. CRDs and custom objects, go through fabric8). */
    private static final Map<String, String> API_VERSIONS = Map.ofEntries(
            Map.entry("Namespace", "v1"), Map.entry("Node", "v1"), Map.entry("Secret", "v1"),
            Map.entry("ConfigMap", "v1"), Map.entry("Pod", "v1"), Map.entry("ServiceAccount", "v1"),
            Map.entry("Deployment", "apps/v1"), Map.entry("StatefulSet", "apps/v1"),
            Map.entry("DaemonSet", "apps/v1"), Map.entry("ReplicaSet", "apps/v1"),
            Map.entry("Job", "batch/v1"), Map.entry("CronJob", "batch/v1"),
            Map.entry("Role", "rbac.authorization.k8s.io/v1"), Map.entry("ClusterRole", "rbac.authorization.k8s.io/v1"),
            Map.entry("RoleBinding", "rbac.authorization.k8s.io/v1"),
            Map.entry("ClusterRoleBinding", "rbac.authorization.k8s.io/v1"));

    /**
     * The Accept header of a metadata-only list, without a fallback to whole objects: a server that cannot answer
     * it says 406 (a visibility gap) rather than sending values.
     */
    static final String METADATA_ACCEPT = "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1";

    /** Off only in tests that compare with fabric8's typed listing. */
    static volatile boolean enabled = true;

    private StreamedLists() {
    }

    /** One page: its items as parsed JSON, and the continue token (null on the last page). */
    static final class Page implements KubernetesResourceList<HasMetadata> {
        final String apiVersion;
        final List<Map<String, Object>> items;
        private final ListMeta metadata;

        Page(String apiVersion, List<Map<String, Object>> items, String continueToken) {
            this.apiVersion = apiVersion;
            this.items = items;
            this.metadata = new ListMeta();
            this.metadata.setContinue(continueToken);
        }

        /** The typed items: none (the parsed items are in {@link #items}). */
        @Override
        public List<HasMetadata> getItems() {
            return List.of();
        }

        @Override
        public ListMeta getMetadata() {
            return metadata;
        }
    }

    /** Whether pages of {@code kind} are read this way. */
    static boolean streams(String kind) {
        return enabled && API_VERSIONS.containsKey(kind);
    }

    /**
     * Lists one page of the built-in {@code kind} ({@code resource}, e.g. secrets) in {@code namespace} (null: all
     * namespaces or a cluster-scoped kind).
     */
    static Page list(KubernetesClient client, String kind, String resource, String namespace, ListOptions options) {
        return list(client, kind, resource, namespace, options, false);
    }

    /**
     * {@code metadataOnly}: asks for a {@code PartialObjectMetadataList} (the {@code Accept} header kubectl's
     * {@code get -o name} and client-go's metadata informers send): the API server sends each object's metadata only,
     * so no Secret value reaches this process. The model keeps only the metadata of secrets read
     * this way.
     */
    static Page list(KubernetesClient client, String kind, String resource, String namespace, ListOptions options,
                     boolean metadataOnly) {
        String apiVersion = API_VERSIONS.get(kind);
        StringBuilder url = new StringBuilder(client.getMasterUrl().toString().replaceAll("/+$", ""));
        url.append(apiVersion.equals("v1") ? "/api/v1" : "/apis/" + apiVersion);
        if (namespace != null) {
            url.append("/namespaces/").append(encode(namespace));
        }
        url.append('/').append(resource);
        char sep = '?';
        if (options.getLimit() != null) {
            url.append(sep).append("limit=").append(options.getLimit());
            sep = '&';
        }
        if (options.getContinue() != null && !options.getContinue().isEmpty()) {
            url.append(sep).append("continue=").append(encode(options.getContinue()));
        }
        HttpRequest.Builder request = client.getHttpClient().newHttpRequestBuilder().uri(url.toString())
                .header("Accept", metadataOnly ? METADATA_ACCEPT : "application/json");
        int timeout = client.getConfiguration().getRequestTimeout();
        if (timeout > 0) {
            request.timeout(timeout, TimeUnit.MILLISECONDS);
        }
        // the page as one byte array (fabric8 joins the HTTP client's buffers with bulk copies), not as an InputStream:
        // fabric8's stream (HttpClientReadableByteChannel.read) copies the body one byte at a time, ~40 % of the
        // request threads' CPU on a large cluster under C1; a page is ~0.5 MB (500 items)
        HttpResponse<byte[]> response;
        try {
            response = timeout > 0
                    ? client.getHttpClient().sendAsync(request.build(), byte[].class).get(timeout, TimeUnit.MILLISECONDS)
                    : client.getHttpClient().sendAsync(request.build(), byte[].class).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KubernetesClientException("interrupted while listing " + resource, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof KubernetesClientException k ? k
                    : new KubernetesClientException("listing " + resource + " failed: "
                    + KubeconfigContexts.safeReason(e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            throw new KubernetesClientException("no answer within " + timeout + " ms listing " + resource, e);
        }
        try (InputStream body = new java.io.ByteArrayInputStream(response.body() == null ? new byte[0] : response.body())) {
            if (response.code() != 200) {
                // the body is a Status; its message may name objects but carries no secret value: it is not kept
                throw new KubernetesClientException("HTTP " + response.code() + " listing " + resource,
                        response.code(), null);
            }
            return parse(body, apiVersion);
        } catch (IOException | RuntimeException e) {
            if (e instanceof KubernetesClientException k) {
                throw k;
            }
            // a broken or cut answer: transient (retried, then a gap)
            throw new KubernetesClientException("the answer listing " + resource + " could not be read: "
                    + KubeconfigContexts.safeReason(e), e);
        }
    }

    /** A list page ({@code {"metadata":{"continue":...},"items":[...]}}) read item by item. */
    @SuppressWarnings("unchecked")
    static Page parse(InputStream body, String apiVersion) {
        List<Map<String, Object>> items = new ArrayList<>();
        String cont = null;
        try (JsonParser p = JSON_FACTORY.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new KubernetesClientException("the answer is not a list");
            }
            String name;
            while ((name = p.nextName()) != null) {
                JsonToken t = p.nextToken();
                if (name.equals("items") && t == JsonToken.START_ARRAY) {
                    JsonToken item;
                    while ((item = p.nextToken()) != JsonToken.END_ARRAY) {
                        if (item != JsonToken.START_OBJECT) {
                            throw new KubernetesClientException("the answer's items are not objects");
                        }
                        items.add(CompactJson.readObject(p));
                    }
                } else if (name.equals("metadata") && t == JsonToken.START_OBJECT) {
                    Object c = CompactJson.readObject(p).get("continue");
                    cont = c instanceof String s && !s.isEmpty() ? s : null;
                } else {
                    p.skipChildren();
                }
            }
        }
        return new Page(apiVersion, items, cont);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
