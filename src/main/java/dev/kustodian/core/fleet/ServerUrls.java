package dev.kustodian.core.fleet;

import java.net.URI;
import java.net.URISyntaxException;

/** API server URLs as shown in reports: scheme, host, port and path only (no user info, query or fragment). */
public final class ServerUrls {
    private ServerUrls() {
    }

    private static final java.util.regex.Pattern USER_INFO = java.util.regex.Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@\\s]+@");
    private static final java.util.regex.Pattern QUERY = java.util.regex.Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://[^\\s?#]+)[?#][^\\s]*");

    /** A sentence with every URL in it redacted the same way (loader messages name the server they tried). */
    public static String redactIn(String text) {
        if (text == null) {
            return "";
        }
        return QUERY.matcher(USER_INFO.matcher(text).replaceAll("$1")).replaceAll("$1");
    }

    /** {@code https://user:pw@host:6443/k8s?token=x} → {@code https://host:6443/k8s}; "" stays "". */
    public static String redact(String url) {
        if (url == null || url.isBlank()) {
            return "";
        }
        String s = url.trim();
        try {
            URI u = new URI(s);
            if (u.getHost() != null) {
                return new URI(u.getScheme(), null, u.getHost(), u.getPort(), u.getPath(), null, null).toString();
            }
        } catch (URISyntaxException e) {
            // not a URI: cut by hand below
        }
        int scheme = s.indexOf("://");
        int at = s.indexOf('@', Math.max(0, scheme));
        if (at >= 0) {
            s = (scheme >= 0 ? s.substring(0, scheme + 3) : "") + s.substring(at + 1);
        }
        int cut = s.length();
        for (char c : new char[]{'?', '#'}) {
            int i = s.indexOf(c);
            if (i >= 0) {
                cut = Math.min(cut, i);
            }
        }
        return s.substring(0, cut);
    }
}
