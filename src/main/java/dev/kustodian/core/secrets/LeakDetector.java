package dev.kustodian.core.secrets;

import dev.kustodian.core.model.LeakHint;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises values that look like credentials outside Secrets (ConfigMap data, env literals, annotations). Runs
 * at load time on values that are then dropped; it returns only the kind of match, never the value.
 */
public final class LeakDetector {
    private LeakDetector() {
    }

    private static final Pattern AWS_KEY = Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b");
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN (RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY( BLOCK)?-----");
    private static final Pattern JWT = Pattern.compile(
            "\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}");
    private static final Pattern URL_PASSWORD = Pattern.compile(
            "\\b[a-zA-Z][a-zA-Z0-9+.-]{0,30}://[^/\\s:@]{1,256}:([^/\\s@]{1,256})@[^\\s]");
    private static final Pattern TOKEN_FORMATS = Pattern.compile(
            "\\b(gh[opsur]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{40,}|xox[baprs]-[A-Za-z0-9-]{10,}"
                    + "|[sr]k_live_[A-Za-z0-9]{20,}|AIza[0-9A-Za-z_-]{35}|glpat-[A-Za-z0-9_-]{20}"
                    + "|npm_[A-Za-z0-9]{36}|sk-(proj-)?[A-Za-z0-9_-]{32,}|hvs\\.[A-Za-z0-9_-]{24,})");
    /** An HTTP Authorization value: Bearer/Basic followed by a token. */
    private static final Pattern AUTH_HEADER = Pattern.compile("(?i)\\b(bearer|basic)\\s+([A-Za-z0-9._~+/=-]{16,})");
    /** Names that hold a reference to a secret rather than the secret itself. */
    private static final Pattern REFERENCE_NAME = Pattern.compile(
            "(?i).*(_FILE|_PATH|_DIR|_NAME|_REF|_URL|_URI|_ENDPOINT|_HOST|_ENABLED|_TTL|_TIMEOUT|_EXPIRY|_EXPIRES"
                    + "|_LENGTH|_HEADER|_MOUNT|_KEY_ID|_NAMESPACE|_VERSION|_TYPE|_PROVIDER|_STORE|_ALGORITHM)$");
    /** A Kubernetes-style object name (a reference to a secret, not a value). */
    private static final Pattern K8S_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final java.util.Set<String> PLACEHOLDERS = java.util.Set.of("password", "passwd", "pass", "secret",
            "changeme", "xxx", "xxxx", "xxxxx", "*****", "******", "********", "redacted", "pw", "pwd", "token");
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?i)(password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|client[_-]?secret)"
                    + "[\"']?\\s*[:=]\\s*[\"']?([^\\s\"',;]{8,})");
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(password|passwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credential).*");

    /** The longest scheme {@link #URL_PASSWORD} matches before "://". */
    private static final int MAX_SCHEME = 31;

    /**
     * Literals one of which every match of {@code pattern} contains (in the lower-cased value for a case-insensitive
     * pattern): a value without any of them cannot match. {@code LeakDetectorTest} checks it on random values.
     */
    record Literals(Pattern pattern, boolean lowerCase, List<String> any) {
        boolean mayFind(String value, String lower) {
            String text = lowerCase ? (lower != null ? lower : value.toLowerCase(Locale.ROOT)) : value;
            for (String literal : any) {
                if (text.contains(literal)) {
                    return true;
                }
            }
            return false;
        }
    }

    static final Literals PEM_LITERALS = new Literals(PEM, false, List.of("-----BEGIN "));
    static final Literals AWS_KEY_LITERALS = new Literals(AWS_KEY, false, List.of("AKIA", "ASIA"));
    static final Literals JWT_LITERALS = new Literals(JWT, false, List.of("eyJ"));
    static final Literals TOKEN_LITERALS = new Literals(TOKEN_FORMATS, false, List.of("gh", "github_pat_", "xox",
            "k_live_", "AIza", "glpat-", "npm_", "sk-", "hvs."));
    static final Literals AUTH_HEADER_LITERALS = new Literals(AUTH_HEADER, true, List.of("bearer", "basic"));
    static final Literals ASSIGNMENT_LITERALS = new Literals(ASSIGNMENT, true, List.of("passw", "pwd", "secret",
            "token", "key"));

    /** Scans a value found at a place with no name hint (ConfigMap data, annotation). */
    public static Optional<LeakHint.Kind> scan(String value) {
        return scan(null, value);
    }

    /**
     * Scans {@code value}; {@code name} is the key or variable name when there is one (an env var called
     * DB_PASSWORD with a literal value of reasonable entropy is a leak even without a recognisable format).
     */
    public static Optional<LeakHint.Kind> scan(String name, String value) {
        if (value == null || value.length() < 8) {
            return Optional.empty();
        }
        // Each pattern runs only when the value contains a literal that every match of it contains (String.indexOf
        // is many times faster than the regular expressions, which try every position): the same results.
        if (PEM_LITERALS.mayFind(value, null) && PEM.matcher(value).find()) {
            return Optional.of(LeakHint.Kind.PRIVATE_KEY_PEM);
        }
        if (AWS_KEY_LITERALS.mayFind(value, null) && AWS_KEY.matcher(value).find()) {
            return Optional.of(LeakHint.Kind.AWS_ACCESS_KEY);
        }
        if (JWT_LITERALS.mayFind(value, null) && JWT.matcher(value).find()) {
            return Optional.of(LeakHint.Kind.JWT);
        }
        if (TOKEN_LITERALS.mayFind(value, null) && TOKEN_FORMATS.matcher(value).find()) {
            return Optional.of(LeakHint.Kind.GENERIC_API_TOKEN);
        }
        int scheme = value.indexOf("://");
        if (scheme >= 0) {
            // a match starts at most 31 characters (its scheme) before its "://"; \b still sees the text before
            Matcher u = URL_PASSWORD.matcher(value).region(Math.max(0, scheme - MAX_SCHEME), value.length())
                    .useTransparentBounds(true).useAnchoringBounds(false);
            while (u.find()) {
                if (!isPlaceholder(u.group(1))) {
                    return Optional.of(LeakHint.Kind.URL_WITH_PASSWORD);
                }
            }
        }
        String lower = value.toLowerCase(Locale.ROOT); // (?i) patterns: ASCII case folding, which this covers
        if (AUTH_HEADER_LITERALS.mayFind(value, lower)) {
            Matcher h = AUTH_HEADER.matcher(value);
            while (h.find()) {
                if (looksRandom(h.group(2))) {
                    return Optional.of(LeakHint.Kind.GENERIC_API_TOKEN);
                }
            }
        }
        if (ASSIGNMENT_LITERALS.mayFind(value, lower)) {
            Matcher a = ASSIGNMENT.matcher(value);
            while (a.find()) {
                if (looksRandom(a.group(2))) {
                    return Optional.of(LeakHint.Kind.PASSWORD_ASSIGNMENT);
                }
            }
        }
        if (name != null && SECRET_NAME.matcher(name).matches() && !REFERENCE_NAME.matcher(name).matches()
                && !looksLikeReference(value) && !isObjectName(value.strip())
                && looksRandom(value.strip())) {
            return Optional.of(LeakHint.Kind.SECRET_NAMED_LITERAL);
        }
        return Optional.empty();
    }

    private static boolean isObjectName(String v) {
        return v.length() <= 253 && K8S_NAME.matcher(v).matches() && v.contains("-");
    }

    /** {@code $VAR}, {@code ${VAR}}, {@code {{ .Values.x }}}, {@code <password>}, {@code %s} or a well-known dummy. */
    static boolean isPlaceholder(String pw) {
        String p = pw.toLowerCase(Locale.ROOT);
        return p.startsWith("$") || p.startsWith("{{") || p.startsWith("<") || p.startsWith("%")
                || p.startsWith("(") || PLACEHOLDERS.contains(p) || p.matches("\\*+|x+");
    }

    private static boolean looksLikeReference(String v) {
        String s = v.strip().toLowerCase(Locale.ROOT);
        return s.startsWith("/") || s.startsWith("$") || s.startsWith("{{") || s.startsWith("file:")
                || s.startsWith("vault:") || s.startsWith("arn:") || s.startsWith("projects/")
                || s.equals("true") || s.equals("false") || s.contains(" ");
    }

    /** Shannon entropy per char >= 3.0 and a mix of character classes: not a word or a placeholder. */
    static boolean looksRandom(String s) {
        if (s.length() < 8 || s.length() > 4096) {
            return false;
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.contains("changeme") || lower.contains("example") || lower.contains("placeholder")
                || lower.startsWith("${") || lower.startsWith("<") || lower.matches("x+|\\*+")) {
            return false;
        }
        int[] counts = new int[128];
        int other = 0;
        for (char c : s.toCharArray()) {
            if (c < 128) {
                counts[c]++;
            } else {
                other++;
            }
        }
        double h = 0;
        for (int c : counts) {
            if (c > 0) {
                double p = (double) c / s.length();
                h -= p * (Math.log(p) / Math.log(2));
            }
        }
        if (other > 0) {
            double p = (double) other / s.length();
            h -= p * (Math.log(p) / Math.log(2));
        }
        int classes = 0;
        if (s.chars().anyMatch(Character::isUpperCase)) {
            classes++;
        }
        if (s.chars().anyMatch(Character::isLowerCase)) {
            classes++;
        }
        if (s.chars().anyMatch(Character::isDigit)) {
            classes++;
        }
        if (s.chars().anyMatch(c -> !Character.isLetterOrDigit(c))) {
            classes++;
        }
        return h >= 3.0 && classes >= 2;
    }
}
