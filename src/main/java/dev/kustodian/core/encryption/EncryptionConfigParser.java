package dev.kustodian.core.encryption;

import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.encryption.EncryptionConfig.Key;
import dev.kustodian.core.encryption.EncryptionConfig.Kms;
import dev.kustodian.core.encryption.EncryptionConfig.Provider;
import dev.kustodian.core.encryption.EncryptionConfig.ProviderType;
import dev.kustodian.core.encryption.EncryptionConfig.ResourceEntry;
import dev.kustodian.core.yaml.YamlDocument;
import dev.kustodian.core.yaml.YamlException;
import dev.kustodian.core.yaml.YamlReader;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strict decoding of an EncryptionConfiguration file, as kube-apiserver's loader does it: an empty file is an
 * error, apiVersion/kind must be {@code apiserver.config.k8s.io/v1 EncryptionConfiguration} (the legacy
 * {@code v1 EncryptionConfig} is accepted), unknown fields are rejected, types must match. Defaults are applied like
 * upstream (KMS apiVersion v1, timeout 3s, cachesize 1000 for v1).
 */
public final class EncryptionConfigParser {
    public static final String API_VERSION = "apiserver.config.k8s.io/v1";
    public static final String KIND = "EncryptionConfiguration";

    private EncryptionConfigParser() {
    }

    /** The result: a config (null when the file could not be decoded at all) and the decoding errors. */
    public record Result(EncryptionConfig config, List<Bundle.Problem> errors) {
        public Result {
            errors = List.copyOf(errors);
        }

        public boolean ok() {
            return config != null && errors.isEmpty();
        }

        /**
         * When the file holds no configuration at all (not YAML, empty, not a mapping): the sentence both front ends
         * show (bad input, not an invalid configuration); null when a configuration was read.
         */
        public String unreadable(Object file) {
            if (config != null) {
                return null;
            }
            return file + " could not be read as an EncryptionConfiguration: " + (errors.isEmpty()
                    ? "no configuration found" : errors.get(0).message()
                    .replaceFirst("^error decoding encryption provider configuration file: ", ""))
                    + ". Give the file passed to kube-apiserver with --encryption-provider-config.";
        }
    }

    /** How an EncryptionConfiguration file is named in messages. */
    public static final String FILE = "EncryptionConfiguration file";

    /**
     * The bytes of an EncryptionConfiguration file through the one input layer (regular files only, 16 MiB): an
     * {@link dev.kustodian.core.util.InputFiles.InputException} names the file and what to do. The caller wipes them
     * (the file holds keys).
     */
    public static byte[] readBytes(java.nio.file.Path file) {
        return dev.kustodian.core.util.InputFiles.readBytes(file, FILE, dev.kustodian.core.util.InputFiles.CONFIG_BUDGET);
    }

    /** The text of {@code bytes} read from {@code file} (UTF-8, or UTF-16 with a byte-order mark), or a refusal. */
    public static String decode(byte[] bytes, java.nio.file.Path file) {
        return dev.kustodian.core.util.InputFiles.decode(bytes, file.toString(), FILE);
    }

    /**
     * Reads and parses a file: what the input layer refuses (not a regular file, too large, not UTF-8 text) is
     * thrown; what is wrong with the YAML or the configuration is in the result's errors. The CLI and the GUI both
     * read files this way.
     */
    public static Result parseFile(java.nio.file.Path file) {
        byte[] b = readBytes(file);
        try {
            return parse(decode(b, file), file.toString());
        } finally {
            java.util.Arrays.fill(b, (byte) 0);
        }
    }

    public static Result parse(String text, String label) {
        List<Bundle.Problem> errors = new ArrayList<>();
        if (text == null || text.isBlank()) {
            errors.add(Bundle.Problem.error("", "encryption provider configuration file \"" + label + "\" is empty"));
            return new Result(null, errors);
        }
        List<YamlDocument> docs;
        try {
            docs = YamlReader.read(text, label);
        } catch (YamlException e) {
            // the YAML parser's message quotes at most the offending token; it never prints a whole value
            errors.add(Bundle.Problem.error("", "error decoding encryption provider configuration file: " + e.getMessage()));
            return new Result(null, errors);
        }
        if (docs.isEmpty()) {
            errors.add(Bundle.Problem.error("", "encryption provider configuration file \"" + label + "\" is empty"));
            return new Result(null, errors);
        }
        if (docs.size() > 1) {
            errors.add(Bundle.Problem.error("", "the file holds " + docs.size()
                    + " YAML documents; kube-apiserver reads exactly one EncryptionConfiguration"));
        }
        if (!(docs.get(0).value() instanceof Map<?, ?> root)) {
            errors.add(Bundle.Problem.error("", "the file is not a YAML mapping (expected an EncryptionConfiguration object)"));
            return new Result(null, errors);
        }
        Object apiVersion = root.get("apiVersion");
        Object kind = root.get("kind");
        boolean legacy = false;
        if (apiVersion == null || kind == null) {
            errors.add(Bundle.Problem.error(apiVersion == null ? "apiVersion" : "kind",
                    "Object '" + (apiVersion == null ? "apiVersion" : "Kind") + "' is missing; expected apiVersion: "
                            + API_VERSION + " and kind: " + KIND));
            return new Result(null, errors);
        }
        if ("v1".equals(apiVersion) && "EncryptionConfig".equals(kind)) {
            legacy = true;
        } else if (!API_VERSION.equals(apiVersion)) {
            errors.add(Bundle.Problem.invalid("apiVersion", String.valueOf(apiVersion),
                    "unsupported apiVersion; expected " + API_VERSION + " (or the legacy v1 with kind EncryptionConfig)"));
            return new Result(null, errors);
        } else if (!KIND.equals(kind)) {
            errors.add(Bundle.Problem.invalid("kind", String.valueOf(kind),
                    "no kind \"" + kind + "\" is registered for version \"" + API_VERSION + "\"; expected " + KIND));
            return new Result(null, errors);
        }
        unknown(root, Set.of("apiVersion", "kind", "resources"), "", errors);
        List<ResourceEntry> entries = new ArrayList<>();
        Object res = root.get("resources");
        if (res != null) {
            List<?> list = list(res, "resources", errors);
            for (int i = 0; i < list.size(); i++) {
                String p = "resources[" + i + "]";
                Map<?, ?> m = map(list.get(i), p, errors);
                unknown(m, Set.of("resources", "providers"), p, errors);
                List<String> names = new ArrayList<>();
                List<?> rl = list(m.get("resources"), p + ".resources", errors);
                for (int j = 0; j < rl.size(); j++) {
                    names.add(string(rl.get(j), p + ".resources[" + j + "]", errors));
                }
                List<Provider> providers = new ArrayList<>();
                List<?> pl = list(m.get("providers"), p + ".providers", errors);
                for (int j = 0; j < pl.size(); j++) {
                    providers.add(provider(pl.get(j), p + ".providers[" + j + "]", errors));
                }
                entries.add(new ResourceEntry(names, providers));
            }
        }
        return new Result(new EncryptionConfig(String.valueOf(apiVersion), String.valueOf(kind), entries, legacy),
                errors);
    }

    private static Provider provider(Object o, String p, List<Bundle.Problem> errors) {
        Map<?, ?> m = map(o, p, errors);
        unknown(m, Set.of("aesgcm", "aescbc", "secretbox", "identity", "kms"), p, errors);
        List<ProviderType> present = new ArrayList<>();
        List<Key> keys = new ArrayList<>();
        Kms kms = null;
        for (ProviderType t : ProviderType.values()) {
            if (!m.containsKey(t.field()) || m.get(t.field()) == null) {
                continue;
            }
            present.add(t);
            String fp = p + "." + t.field();
            Map<?, ?> body = map(m.get(t.field()), fp, errors);
            switch (t) {
                case IDENTITY -> unknown(body, Set.of(), fp, errors);
                case AESGCM, AESCBC, SECRETBOX -> {
                    unknown(body, Set.of("keys"), fp, errors);
                    List<?> kl = list(body.get("keys"), fp + ".keys", errors);
                    for (int k = 0; k < kl.size(); k++) {
                        String kp = fp + ".keys[" + k + "]";
                        Map<?, ?> km = map(kl.get(k), kp, errors);
                        unknown(km, Set.of("name", "secret"), kp, errors);
                        keys.add(new Key(string(km.get("name"), kp + ".name", errors),
                                string(km.get("secret"), kp + ".secret", errors)));
                    }
                }
                case KMS -> {
                    unknown(body, Set.of("apiVersion", "name", "cachesize", "endpoint", "timeout"), fp, errors);
                    String av = string(body.get("apiVersion"), fp + ".apiVersion", errors);
                    if (av.isEmpty()) {
                        av = "v1";
                    }
                    Integer cache = null;
                    if (body.get("cachesize") != null) {
                        if (body.get("cachesize") instanceof Number n && n.longValue() == n.doubleValue()
                                && n.longValue() <= Integer.MAX_VALUE && n.longValue() >= Integer.MIN_VALUE) {
                            cache = n.intValue();
                        } else {
                            errors.add(Bundle.Problem.error(fp + ".cachesize", "cannot decode: expected a 32-bit integer"));
                        }
                    } else if ("v1".equals(av)) {
                        cache = 1000;
                    }
                    Duration timeout = Duration.ofSeconds(3);
                    String timeoutText = null;
                    if (body.get("timeout") != null) {
                        if (body.get("timeout") instanceof String s) {
                            timeoutText = s;
                            timeout = parseGoDuration(s);
                            if (timeout == null) {
                                errors.add(Bundle.Problem.error(fp + ".timeout", "cannot decode: time: invalid duration \""
                                        + s + "\" (use e.g. 3s, 500ms, 1m)"));
                                timeout = Duration.ofSeconds(3);
                            }
                        } else {
                            errors.add(Bundle.Problem.error(fp + ".timeout", "cannot decode: expected a duration string such as \"3s\""));
                        }
                    }
                    kms = new Kms(av, string(body.get("name"), fp + ".name", errors),
                            string(body.get("endpoint"), fp + ".endpoint", errors), cache, timeout, timeoutText);
                }
                default -> {
                }
            }
        }
        return new Provider(present, keys, kms);
    }

    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");

    /** Go's time.ParseDuration ("3s", "1m30s", "-2s", "0"); null when invalid. */
    public static Duration parseGoDuration(String s) {
        String t = s.trim();
        boolean neg = false;
        if (t.startsWith("-") || t.startsWith("+")) {
            neg = t.startsWith("-");
            t = t.substring(1);
        }
        if (t.equals("0")) {
            return Duration.ZERO;
        }
        if (t.isEmpty()) {
            return null;
        }
        Matcher m = DURATION_PART.matcher(t);
        int pos = 0;
        BigDecimal nanos = BigDecimal.ZERO;
        while (pos < t.length()) {
            if (!m.find(pos) || m.start() != pos) {
                return null;
            }
            BigDecimal v = new BigDecimal(m.group(1).endsWith(".") ? m.group(1) + "0" : m.group(1));
            long unit = switch (m.group(2)) {
                case "ns" -> 1L;
                case "us", "µs", "μs" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                default -> 3_600_000_000_000L;
            };
            nanos = nanos.add(v.multiply(BigDecimal.valueOf(unit)));
            pos = m.end();
        }
        Duration d = Duration.ofNanos(nanos.longValue());
        return neg ? d.negated() : d;
    }

    private static void unknown(Map<?, ?> m, Set<String> known, String path, List<Bundle.Problem> errors) {
        for (Object k : m.keySet()) {
            if (!known.contains(String.valueOf(k))) {
                errors.add(Bundle.Problem.error(path.isEmpty() ? String.valueOf(k) : path + "." + k,
                        "strict decoding error: unknown field \"" + (path.isEmpty() ? "" : path + ".") + k + "\""));
            }
        }
    }

    private static Map<?, ?> map(Object o, String path, List<Bundle.Problem> errors) {
        if (o == null) {
            return Map.of();
        }
        if (o instanceof Map<?, ?> m) {
            return m;
        }
        errors.add(Bundle.Problem.error(path, "cannot decode: expected an object"));
        return Map.of();
    }

    private static List<?> list(Object o, String path, List<Bundle.Problem> errors) {
        if (o == null) {
            return List.of();
        }
        if (o instanceof List<?> l) {
            return l;
        }
        errors.add(Bundle.Problem.error(path, "cannot decode: expected a list"));
        return List.of();
    }

    private static String string(Object o, String path, List<Bundle.Problem> errors) {
        if (o == null) {
            return "";
        }
        if (o instanceof String s) {
            return s;
        }
        // never echo the value: this may be a key secret
        errors.add(Bundle.Problem.error(path, "cannot decode: expected a string"));
        return "";
    }
}
