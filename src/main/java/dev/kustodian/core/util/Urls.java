package dev.kustodian.core.util;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * URLs as they may be shown: without user information ({@code https://user:password@host}) and without the query
 * string (it can hold tokens). Applied to every server URL Kustodian prints, reports or logs.
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
}
