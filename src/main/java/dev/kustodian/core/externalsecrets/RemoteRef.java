package dev.kustodian.core.externalsecrets;

import dev.kustodian.core.output.InputProblems;
import dev.kustodian.core.output.RequestField;

import java.util.ArrayList;
import java.util.List;

/**
 * A reference to a remote secret as users type it: {@code REMOTE[#PROPERTY][@VERSION]} (PROPERTY selects a JSON
 * field), and the {@code KEY=REMOTE...} entries of ExternalSecret, PushSecret and AkeylessSecret data.
 */
public record RemoteRef(String key, String property, String version) {

    /** One data entry: Secret key {@code secretKey} ← {@code remote}. */
    public record Entry(String secretKey, RemoteRef remote) {
    }

    /** {@code REMOTE[#PROPERTY][@VERSION]}; a blank REMOTE is an error naming {@code field} (null returned). */
    public static RemoteRef parse(String s, RequestField field, InputProblems p) {
        String version = null;
        String property = null;
        int at = s.lastIndexOf('@');
        if (at > 0) {
            version = s.substring(at + 1);
            s = s.substring(0, at);
        }
        int hash = s.indexOf('#');
        if (hash > 0) {
            property = s.substring(hash + 1);
            s = s.substring(0, hash);
        }
        if (s.isBlank()) {
            p.error(field, "{" + field.key() + "} needs a remote key.");
            return null;
        }
        return new RemoteRef(s, property, version);
    }

    /**
     * {@code KEY=REMOTE[#PROPERTY][@VERSION]} entries; {@code format} is how the field's entries are described in the
     * error about a malformed one (e.g. {@code KEY=REMOTE[#PROPERTY]}).
     */
    public static List<Entry> entries(List<String> values, RequestField field, String format, InputProblems p) {
        List<Entry> out = new ArrayList<>();
        for (String s : values) {
            int i = s.indexOf('=');
            if (i <= 0) {
                p.error(field, "{" + field.key() + "} expects " + format + ", got '" + s + "'.");
                return out;
            }
            RemoteRef r = parse(s.substring(i + 1), field, p);
            if (r == null) {
                return out;
            }
            out.add(new Entry(s.substring(0, i), r));
        }
        return out;
    }
}
