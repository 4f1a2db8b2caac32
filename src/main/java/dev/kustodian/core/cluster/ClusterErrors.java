package dev.kustodian.core.cluster;

import dev.kustodian.core.util.UserFacingException;
import io.fabric8.kubernetes.client.KubernetesClientException;

import javax.net.ssl.SSLException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.util.concurrent.TimeoutException;

/**
 * Failures of the Kubernetes client in words: the HTTP status or the network problem, never the client's class
 * names or its (URL-bearing) messages. Used by the error translator at the CLI/GUI boundary for whatever a command
 * did not explain itself.
 */
public final class ClusterErrors {
    private ClusterErrors() {
    }

    /** The translated error, or null when {@code e} is not a client or network failure. */
    public static UserFacingException translate(Throwable e) {
        KubernetesClientException k = null;
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof KubernetesClientException kce) {
                k = kce;
                break;
            }
        }
        int code = k == null ? 0 : k.getCode();
        if (code == 401) {
            return unreachable("The API server rejected the credentials (401 Unauthorized). Log in again or refresh "
                    + "the token or credential plugin of the kubeconfig user, then retry.");
        }
        if (code == 403) {
            return new UserFacingException(UserFacingException.Category.FAILED, "The API server refused the request "
                    + "(403 Forbidden): the kubeconfig user lacks the permission. Ask for it, or use a context that has it.",
                    false, null);
        }
        if (code == 404) {
            return new UserFacingException(UserFacingException.Category.FAILED, "The API server does not know the "
                    + "requested object or kind (404 Not Found). Check the name, the namespace and the cluster version.",
                    false, null);
        }
        if (code == 429 || code >= 500) {
            return unreachable("The API server failed to answer (HTTP " + code + "). Wait a moment and retry; "
                    + "if it persists, check the API server's health.");
        }
        if (code > 0) {
            return new UserFacingException(UserFacingException.Category.FAILED, "The API server answered HTTP " + code
                    + " to a request. Check the server URL and the cluster version.", false, null);
        }
        String network = network(e);
        if (network != null) {
            return unreachable("The API server " + network + ". Check that the cluster is running and reachable "
                    + "(VPN, proxy, firewall), then retry.");
        }
        if (k != null) {
            return unreachable("The conversation with the API server failed (the answer was cut off or not "
                    + "understood). Check the server URL points at a Kubernetes API server, then retry.");
        }
        return null;
    }

    /** "refused the connection" etc. for a network failure anywhere in the cause chain, else null. */
    static String network(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SSLException || t instanceof CertificateException) {
                return "could not be reached over TLS (certificate or TLS setup rejected; check "
                        + "certificate-authority(-data) in the kubeconfig)";
            }
            if (t instanceof UnknownHostException) {
                return "has a host name that does not resolve";
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return "refused the connection or could not be reached";
            }
            if (t instanceof InterruptedIOException || t instanceof TimeoutException) {
                return "did not answer in time";
            }
            if (t instanceof SocketException) {
                return "closed the connection unexpectedly";
            }
            String cn = t.getClass().getName();
            if (cn.startsWith("io.vertx.") || cn.startsWith("io.netty.")) {
                String m = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
                if (m.contains("closed") || m.contains("reset")) {
                    return "closed the connection unexpectedly";
                }
                if (m.contains("timeout") || m.contains("timed out")) {
                    return "did not answer in time";
                }
            }
        }
        return null;
    }

    private static UserFacingException unreachable(String message) {
        return new UserFacingException(UserFacingException.Category.CLUSTER_UNREACHABLE, message, true, null);
    }
}
