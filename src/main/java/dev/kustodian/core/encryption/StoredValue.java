package dev.kustodian.core.encryption;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * How kube-apiserver stored one value in etcd, told from its prefix, without keeping the value:
 * plaintext protobuf ({@code k8s\0} + runtime.Unknown), plaintext JSON, {@code k8s:enc:aescbc:v1:<key>:},
 * {@code k8s:enc:aesgcm:v1:<key>:}, {@code k8s:enc:secretbox:v1:<key>:}, {@code k8s:enc:kms:v1:<name>:} and
 * {@code k8s:enc:kms:v2:<name>:} (with the EncryptedObject's keyID and DEK source type).
 *
 * @param keyName  the key name (aescbc/aesgcm/secretbox) or KMS provider name; null for plaintext
 * @param kmsKeyId the KMS v2 EncryptedObject keyID (the KMS plugin's key id), else null
 * @param dekSource the KMS v2 DEK source type (AES_GCM_KEY or HKDF_SHA256_XNONCE_AES_GCM_SEED), else null
 */
public record StoredValue(Format format, String keyName, String kmsKeyId, String dekSource) {

    public enum Format {
        PLAINTEXT_PROTOBUF("plaintext (protobuf)"),
        PLAINTEXT_JSON("plaintext (JSON)"),
        AESCBC("aescbc"),
        AESGCM("aesgcm"),
        SECRETBOX("secretbox"),
        KMS_V1("kms v1"),
        KMS_V2("kms v2"),
        UNKNOWN_ENCRYPTED("unknown k8s:enc provider"),
        UNRECOGNISED("unrecognised");

        private final String label;

        Format(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Stored under a {@code k8s:enc:} prefix: every format but the two plaintext ones and the unrecognised. */
        public boolean encrypted() {
            return !plaintext() && this != UNRECOGNISED;
        }

        public boolean plaintext() {
            return this == PLAINTEXT_PROTOBUF || this == PLAINTEXT_JSON;
        }
    }

    public static final byte[] PROTOBUF_MAGIC = {'k', '8', 's', 0};
    static final String ENC = "k8s:enc:";

    /** "aesgcm key2", "kms v2 vault (key id k-1)", "plaintext (protobuf)". */
    public String describe() {
        return switch (format) {
            case AESCBC, AESGCM, SECRETBOX -> format.label() + " key " + keyName;
            case KMS_V1 -> "kms v1 " + keyName;
            case KMS_V2 -> "kms v2 " + keyName + (kmsKeyId == null ? "" : " (key id " + kmsKeyId + ")");
            default -> format.label();
        };
    }

    /** The transformer prefix kube-apiserver wrote, e.g. {@code k8s:enc:aesgcm:v1:key1:}, or "" for plaintext. */
    public String prefix() {
        return switch (format) {
            case AESCBC -> ENC + "aescbc:v1:" + keyName + ":";
            case AESGCM -> ENC + "aesgcm:v1:" + keyName + ":";
            case SECRETBOX -> ENC + "secretbox:v1:" + keyName + ":";
            case KMS_V1 -> ENC + "kms:v1:" + keyName + ":";
            case KMS_V2 -> ENC + "kms:v2:" + keyName + ":";
            default -> "";
        };
    }

    public static StoredValue classify(byte[] v) {
        if (startsWith(v, PROTOBUF_MAGIC)) {
            return new StoredValue(Format.PLAINTEXT_PROTOBUF, null, null, null);
        }
        if (startsWith(v, ENC.getBytes(StandardCharsets.US_ASCII))) {
            // k8s:enc:<provider>:v<n>:<name>:
            int p1 = indexOf(v, ':', ENC.length());
            if (p1 < 0) {
                return new StoredValue(Format.UNKNOWN_ENCRYPTED, null, null, null);
            }
            String provider = ascii(v, ENC.length(), p1);
            int p2 = indexOf(v, ':', p1 + 1);
            int p3 = p2 < 0 ? -1 : indexOf(v, ':', p2 + 1);
            if (p3 < 0) {
                return new StoredValue(Format.UNKNOWN_ENCRYPTED, null, null, null);
            }
            String version = ascii(v, p1 + 1, p2);
            String name = ascii(v, p2 + 1, p3);
            Format f = switch (provider + ":" + version) {
                case "aescbc:v1" -> Format.AESCBC;
                case "aesgcm:v1" -> Format.AESGCM;
                case "secretbox:v1" -> Format.SECRETBOX;
                case "kms:v1" -> Format.KMS_V1;
                case "kms:v2" -> Format.KMS_V2;
                default -> Format.UNKNOWN_ENCRYPTED;
            };
            if (f == Format.KMS_V2) {
                String[] eo = parseEncryptedObject(v, p3 + 1);
                return new StoredValue(f, name, eo[0], eo[1]);
            }
            return new StoredValue(f, f == Format.UNKNOWN_ENCRYPTED ? provider + ":" + version + ":" + name : name,
                    null, null);
        }
        int i = 0;
        while (i < v.length && Character.isWhitespace(v[i])) {
            i++;
        }
        if (i < v.length && v[i] == '{') {
            return new StoredValue(Format.PLAINTEXT_JSON, null, null, null);
        }
        return new StoredValue(Format.UNRECOGNISED, null, null, null);
    }

    /** Offset of the payload after the prefix (0 for plaintext). */
    public int payloadOffset() {
        return prefix().getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * KMS v2 EncryptedObject: encryptedData=1, keyID=2, encryptedDEKSource=3, annotations=4,
     * encryptedDEKSourceType=5. Returns {keyID, source type}; bytes fields are skipped, never kept.
     */
    static String[] parseEncryptedObject(byte[] v, int off) {
        String keyId = null;
        int type = 0;
        try {
            CodedInputStream in = CodedInputStream.newInstance(v, off, v.length - off);
            while (true) {
                int tag = in.readTag();
                if (tag == 0) {
                    break;
                }
                switch (WireFormat.getTagFieldNumber(tag)) {
                    case 2 -> keyId = in.readStringRequireUtf8();
                    case 5 -> type = in.readEnum();
                    default -> in.skipField(tag);
                }
            }
        } catch (IOException e) {
            return new String[]{null, "unparseable EncryptedObject"};
        }
        String source = switch (type) {
            case 0 -> "AES_GCM_KEY";
            case 1 -> "HKDF_SHA256_XNONCE_AES_GCM_SEED";
            default -> "type " + type;
        };
        return new String[]{keyId, source};
    }

    /** namespace and name of a decoded plaintext object (k8s\0 + runtime.Unknown{raw: object}), or null. */
    public record ObjectIdentity(String apiVersion, String kind, String namespace, String name) {
    }

    /**
     * Reads apiVersion/kind and metadata.namespace/name from plaintext storage bytes (protobuf). Only those
     * fields are read; data fields are skipped and nothing of them is kept.
     */
    public static ObjectIdentity identity(byte[] plain) {
        if (!startsWith(plain, PROTOBUF_MAGIC)) {
            return null;
        }
        try {
            CodedInputStream in = CodedInputStream.newInstance(plain, 4, plain.length - 4);
            String apiVersion = null;
            String kind = null;
            byte[] raw = null;
            while (true) {
                int tag = in.readTag();
                if (tag == 0) {
                    break;
                }
                int field = WireFormat.getTagFieldNumber(tag);
                if (field == 1) {
                    CodedInputStream tm = in.readBytes().newCodedInput();
                    while (true) {
                        int t = tm.readTag();
                        if (t == 0) {
                            break;
                        }
                        switch (WireFormat.getTagFieldNumber(t)) {
                            case 1 -> apiVersion = tm.readString();
                            case 2 -> kind = tm.readString();
                            default -> tm.skipField(t);
                        }
                    }
                } else if (field == 2) {
                    raw = in.readByteArray();
                } else {
                    in.skipField(tag);
                }
            }
            String ns = null;
            String name = null;
            if (raw != null) {
                CodedInputStream obj = CodedInputStream.newInstance(raw);
                while (true) {
                    int t = obj.readTag();
                    if (t == 0) {
                        break;
                    }
                    if (WireFormat.getTagFieldNumber(t) == 1) {
                        CodedInputStream meta = obj.readBytes().newCodedInput();
                        while (true) {
                            int mt = meta.readTag();
                            if (mt == 0) {
                                break;
                            }
                            switch (WireFormat.getTagFieldNumber(mt)) {
                                case 1 -> name = meta.readString();
                                case 3 -> ns = meta.readString();
                                default -> meta.skipField(mt);
                            }
                        }
                        break; // metadata read; the rest (data) is not looked at
                    } else {
                        obj.skipField(t);
                    }
                }
                Arrays.fill(raw, (byte) 0);
            }
            return new ObjectIdentity(apiVersion, kind, ns == null ? "" : ns, name == null ? "" : name);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Plaintext storage bytes of a Secret as kube-apiserver writes them (k8s\0 + runtime.Unknown with the v1 Secret
     * protobuf). Used by tests and the demo; {@code data} entries go to the Secret's data map.
     */
    public static byte[] secretProtobuf(String namespace, String name, java.util.Map<String, byte[]> data) {
        try {
            ByteArrayOutputStream meta = new ByteArrayOutputStream();
            CodedOutputStream m = CodedOutputStream.newInstance(meta);
            m.writeString(1, name);
            m.writeString(3, namespace);
            m.flush();
            ByteArrayOutputStream secret = new ByteArrayOutputStream();
            CodedOutputStream s = CodedOutputStream.newInstance(secret);
            s.writeByteArray(1, meta.toByteArray());
            for (var e : data.entrySet()) {
                ByteArrayOutputStream entry = new ByteArrayOutputStream();
                CodedOutputStream en = CodedOutputStream.newInstance(entry);
                en.writeString(1, e.getKey());
                en.writeByteArray(2, e.getValue());
                en.flush();
                s.writeByteArray(2, entry.toByteArray());
            }
            s.writeString(3, "Opaque");
            s.flush();
            ByteArrayOutputStream typeMeta = new ByteArrayOutputStream();
            CodedOutputStream t = CodedOutputStream.newInstance(typeMeta);
            t.writeString(1, "v1");
            t.writeString(2, "Secret");
            t.flush();
            ByteArrayOutputStream unknown = new ByteArrayOutputStream();
            unknown.write(PROTOBUF_MAGIC);
            CodedOutputStream u = CodedOutputStream.newInstance(unknown);
            u.writeByteArray(1, typeMeta.toByteArray());
            u.writeByteArray(2, secret.toByteArray());
            u.writeString(3, "");
            u.writeString(4, "");
            u.flush();
            return unknown.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean startsWith(byte[] v, byte[] p) {
        if (v.length < p.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (v[i] != p[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] v, char c, int from) {
        for (int i = from; i < v.length && i < from + 256; i++) {
            if (v[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static String ascii(byte[] v, int from, int to) {
        return new String(v, from, to - from, StandardCharsets.UTF_8);
    }
}
