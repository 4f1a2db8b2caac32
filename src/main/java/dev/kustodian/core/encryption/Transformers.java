package dev.kustodian.core.encryption;

import dev.kustodian.core.output.SafeFiles;
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;
import java.util.function.Function;

/**
 * kube-apiserver's local-key transformers, byte for byte (k8s.io/apiserver/pkg/storage/value/encrypt/aes and
 * secretbox), after the {@code k8s:enc:<provider>:v1:<key>:} prefix:
 * <ul>
 * <li>aescbc: IV (16) + AES-CBC ciphertext with PKCS#7 padding;</li>
 * <li>aesgcm: nonce (12) + AES-GCM ciphertext + tag (16), additional data = the etcd key;</li>
 * <li>secretbox: nonce (24) + NaCl secretbox (Poly1305 tag (16) + XSalsa20 ciphertext).</li>
 * </ul>
 * Decryption is used to prove a key works; callers must drop the plaintext at once (only the object's
 * namespace/name are read from it). Encryption exists for tests and demos (the same formats).
 */
public final class Transformers {
    private static final SecureRandom RANDOM = KeyGenerator.random();

    private Transformers() {
    }

    /** Thrown when a value cannot be decrypted with the given key (wrong key or corrupt data). */
    public static final class DecryptionFailed extends Exception {
        public DecryptionFailed(String message) {
            super(message);
        }
    }

    public static byte[] encrypt(StoredValue.Format format, String keyName, byte[] key, byte[] plain, String etcdKey) {
        byte[] payload = switch (format) {
            case AESCBC -> aescbcEncrypt(key, plain);
            case AESGCM -> aesgcmEncrypt(key, plain, etcdKey.getBytes(StandardCharsets.UTF_8));
            case SECRETBOX -> secretboxSeal(key, plain);
            default -> throw new IllegalArgumentException("no local-key transformer for " + format);
        };
        byte[] prefix = new StoredValue(format, keyName, null, null).prefix().getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(prefix, prefix.length + payload.length);
        System.arraycopy(payload, 0, out, prefix.length, payload.length);
        return out;
    }

    /** Decrypts a whole stored value (prefix included) with {@code key}. */
    public static byte[] decrypt(byte[] stored, byte[] key, String etcdKey) throws DecryptionFailed {
        StoredValue sv = StoredValue.classify(stored);
        byte[] payload = Arrays.copyOfRange(stored, sv.payloadOffset(), stored.length);
        return switch (sv.format()) {
            case AESCBC -> aescbcDecrypt(key, payload);
            case AESGCM -> aesgcmDecrypt(key, payload, etcdKey.getBytes(StandardCharsets.UTF_8));
            case SECRETBOX -> secretboxOpen(key, payload);
            default -> throw new DecryptionFailed("values stored as " + sv.format().label() + " cannot be decrypted with a local key");
        };
    }

    static byte[] aescbcEncrypt(byte[] key, byte[] plain) {
        return encryptAfterRandomIv("AES/CBC/PKCS5Padding", "AES-CBC", key, 16, IvParameterSpec::new, null, plain);
    }

    /**
     * AES under {@code transformation} with a fresh random IV (nonce) of {@code ivLength} bytes, returned in front of
     * the ciphertext: the layout of aescbc and aesgcm values.
     */
    private static byte[] encryptAfterRandomIv(String transformation, String name, byte[] key, int ivLength,
                                               Function<byte[], AlgorithmParameterSpec> params, byte[] aad,
                                               byte[] plain) {
        try {
            byte[] iv = new byte[ivLength];
            RANDOM.nextBytes(iv);
            Cipher c = Cipher.getInstance(transformation);
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), params.apply(iv));
            if (aad != null) {
                c.updateAAD(aad);
            }
            byte[] ct = c.doFinal(plain);
            byte[] out = Arrays.copyOf(iv, ivLength + ct.length);
            System.arraycopy(ct, 0, out, ivLength, ct.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(name + " is not available", e);
        }
    }

    static byte[] aescbcDecrypt(byte[] key, byte[] payload) throws DecryptionFailed {
        if (payload.length < 32 || payload.length % 16 != 0) {
            throw new DecryptionFailed("the aescbc payload has an invalid length");
        }
        try {
            Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(payload, 0, 16));
            return c.doFinal(payload, 16, payload.length - 16);
        } catch (GeneralSecurityException e) {
            throw new DecryptionFailed("aescbc decryption failed (wrong key or corrupt value)");
        }
    }

    static byte[] aesgcmEncrypt(byte[] key, byte[] plain, byte[] aad) {
        return encryptAfterRandomIv("AES/GCM/NoPadding", "AES-GCM", key, 12, n -> new GCMParameterSpec(128, n), aad,
                plain);
    }

    static byte[] aesgcmDecrypt(byte[] key, byte[] payload, byte[] aad) throws DecryptionFailed {
        if (payload.length < 12 + 16) {
            throw new DecryptionFailed("the aesgcm payload is too short");
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, payload, 0, 12));
            c.updateAAD(aad);
            return c.doFinal(payload, 12, payload.length - 12);
        } catch (GeneralSecurityException e) {
            throw new DecryptionFailed("aesgcm authentication failed (wrong key, wrong etcd key, or corrupt value)");
        }
    }

    static byte[] secretboxSeal(byte[] key, byte[] plain) {
        byte[] nonce = new byte[24];
        RANDOM.nextBytes(nonce);
        return secretboxSeal(key, nonce, plain);
    }

    static byte[] secretboxSeal(byte[] key, byte[] nonce, byte[] plain) {
        XSalsa20Engine x = new XSalsa20Engine();
        x.init(true, new ParametersWithIV(new KeyParameter(key), nonce));
        byte[] polyKey = new byte[32];
        x.processBytes(new byte[32], 0, 32, polyKey, 0);
        byte[] ct = new byte[plain.length];
        x.processBytes(plain, 0, plain.length, ct, 0);
        byte[] tag = poly1305(polyKey, ct);
        SafeFiles.wipe(polyKey);
        byte[] out = new byte[24 + 16 + ct.length];
        System.arraycopy(nonce, 0, out, 0, 24);
        System.arraycopy(tag, 0, out, 24, 16);
        System.arraycopy(ct, 0, out, 40, ct.length);
        return out;
    }

    static byte[] secretboxOpen(byte[] key, byte[] payload) throws DecryptionFailed {
        if (key.length != 32) {
            throw new DecryptionFailed("secretbox needs a 32-byte key");
        }
        if (payload.length < 24 + 16) {
            throw new DecryptionFailed("the secretbox payload is too short");
        }
        byte[] nonce = Arrays.copyOfRange(payload, 0, 24);
        byte[] tag = Arrays.copyOfRange(payload, 24, 40);
        byte[] ct = Arrays.copyOfRange(payload, 40, payload.length);
        XSalsa20Engine x = new XSalsa20Engine();
        x.init(false, new ParametersWithIV(new KeyParameter(key), nonce));
        byte[] polyKey = new byte[32];
        x.processBytes(new byte[32], 0, 32, polyKey, 0);
        byte[] expected = poly1305(polyKey, ct);
        SafeFiles.wipe(polyKey);
        if (!MessageDigest.isEqual(expected, tag)) {
            throw new DecryptionFailed("secretbox authentication failed (wrong key or corrupt value)");
        }
        byte[] plain = new byte[ct.length];
        x.processBytes(ct, 0, ct.length, plain, 0);
        return plain;
    }

    private static byte[] poly1305(byte[] polyKey, byte[] msg) {
        Poly1305 mac = new Poly1305();
        mac.init(new KeyParameter(polyKey));
        mac.update(msg, 0, msg.length);
        byte[] tag = new byte[16];
        mac.doFinal(tag, 0);
        return tag;
    }
}
