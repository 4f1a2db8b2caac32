package dev.kustodian.core.encryption;

import dev.kustodian.core.output.SafeFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Key material for aescbc/aesgcm/secretbox: 32 bytes from a DRBG {@link SecureRandom}, standard base64. A key is
 * shown once and saved only on request ({@link #save}, 0600, atomic); it is never logged.
 */
public final class KeyGenerator {
    public static final int KEY_BYTES = 32;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    private KeyGenerator() {
    }

    /** A generated key. {@code toString} masks the secret. */
    public record GeneratedKey(String name, String secretBase64) {
        @Override
        public String toString() {
            return "GeneratedKey[name=" + name + ", secret=<masked>]";
        }
    }

    static SecureRandom random() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The Java runtime has no DRBG SecureRandom; use Java 9 or later.", e);
        }
    }

    /** 32 random bytes (base64), suitable for aescbc, aesgcm and secretbox. */
    public static GeneratedKey generate(String name) {
        checkName(name);
        byte[] b = new byte[KEY_BYTES];
        random().nextBytes(b);
        String s = Base64.getEncoder().encodeToString(b);
        SafeFiles.wipe(b);
        return new GeneratedKey(name, s);
    }

    /** Throws IllegalArgumentException when {@code name} cannot be a key name. */
    public static void checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("A key name is required.");
        }
        if (name.contains(":")) {
            throw new IllegalArgumentException("Key name '" + name + "' contains ':'; key names become part of the etcd "
                    + "prefix (k8s:enc:<provider>:v1:<name>:) and must not contain ':'.");
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Key name '" + name + "' is not valid: use letters, digits, '.', '_' "
                    + "or '-' (at most 63 characters).");
        }
    }

    /** A name like {@code key-20260101t120000z} that is not in {@code taken} (suffixes -2, -3... when needed). */
    public static String uniqueName(Collection<String> taken, Clock clock) {
        String base = "key-" + DateTimeFormatter.ofPattern("yyyyMMdd't'HHmmss'z'").withZone(ZoneOffset.UTC)
                .format(clock.instant());
        String n = base;
        for (int i = 2; taken.contains(n); i++) {
            n = base + "-" + i;
        }
        return n;
    }

    /** Saves the key (base64 + newline) as a private file; refuses to replace an existing file unless asked. */
    public static void save(GeneratedKey key, Path file, boolean overwrite) throws IOException {
        byte[] content = (key.secretBase64() + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try {
            SafeFiles.writePrivate(file, content, overwrite);
        } finally {
            SafeFiles.wipe(content);
        }
    }
}
