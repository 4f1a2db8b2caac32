package dev.kustodian.core.util;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * URLs as they may be shown: without user information ({@code https://user:password@host}) and without the query
 * string (it can hold tokens). Applied to every server URL Kustodian prints, reports or logs: {@link #serverAddress}
 * for an API server's address as a column or field (scheme, host, port, path), {@link #redact} for text that may hold
 * URLs (messages).
 */
public final class Urls {
    private Urls() {
    }

    private static final Pattern URL = Pattern.compile(
            "\\b([a-zA-Z][a-zA-Z0-9+.-]{0,20}://)([^\\s?#\"'<>]*@)?([^\\s?#\"'<>]*)(\\?[^\\s#\"'<>]*)?(#[^\\s\"'<>]*)?");

    /** One URL (or any text holding URLs) with user information and query strings replaced by "…". */
    public static String redact(String text) {
        if (text == null || text.indexOf("://") < 0) {
            return text;
        }
        Matcher m = URL.matcher(text);
        StringBuilder sb = new StringBuilder(text.length());
        while (m.find()) {
            String r = m.group(1) + (m.group(2) != null ? "…@" : "") + m.group(3)
                    + (m.group(4) != null ? "?…" : "") + (m.group(5) != null ? "#…" : "");
            m.appendReplacement(sb, Matcher.quoteReplacement(r));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** {@code https://user:pw@host:6443/k8s?token=x#f} → {@code https://host:6443/k8s}; null or blank → "". */
    public static String serverAddress(String url) {
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
