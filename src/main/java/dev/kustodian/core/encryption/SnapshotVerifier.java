package dev.kustodian.core.encryption;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.kustodian.core.output.SafeFiles;
import dev.kustodian.core.util.UserFacingException;
import io.etcd.jetcd.api.KeyValue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Classifies the Secrets in an etcd snapshot file (offline, read-only) through {@link BboltReader}: etcd's "key"
 * bucket maps revisions (8-byte main + '_' + 8-byte sub, 't' appended for deletions) to mvccpb.KeyValue protobufs.
 * The newest revision of each key is its current value; older revisions still present (history before compaction)
 * are counted when in plaintext.
 */
public final class SnapshotVerifier {
    private SnapshotVerifier() {
    }

    public static VerificationReport verify(Path snapshot, EncryptionVerifier verifier) {
        String prefix = verifier.secretsPrefix();
        // pass 1: newest revision per key (revisions are visited in ascending order)
        Map<String, byte[]> newest = new HashMap<>();
        try (BboltReader r = new BboltReader(snapshot)) {
            boolean found = r.forEach("key", (rev, value) -> {
                KeyValue kv = parse(value, snapshot);
                String key = kv.getKey().toStringUtf8();
                SafeFiles.wipe(value);
                if (key.startsWith(prefix)) {
                    newest.put(key, BboltReader.isTombstone(rev) ? null : BboltReader.copy(rev));
                }
            });
            if (!found) {
                throw UserFacingException.badInput(snapshot + " is a bbolt database but has no etcd \"key\" bucket; "
                        + "is it an etcd snapshot (etcdctl snapshot save)?");
            }
            // pass 2: classify current values; count older plaintext revisions
            r.forEach("key", (rev, value) -> {
                KeyValue kv = parse(value, snapshot);
                SafeFiles.wipe(value);
                String key = kv.getKey().toStringUtf8();
                if (!key.startsWith(prefix) || BboltReader.isTombstone(rev)) {
                    return;
                }
                byte[] v = kv.getValue().toByteArray();
                byte[] cur = newest.get(key);
                if (cur != null && java.util.Arrays.equals(cur, rev)) {
                    verifier.accept(key, v);
                } else {
                    verifier.acceptHistorical(v);
                }
                SafeFiles.wipe(v);
            });
        }
        return verifier.report(snapshot.toString());
    }

    private static KeyValue parse(byte[] value, Path snapshot) {
        try {
            return KeyValue.parseFrom(value);
        } catch (InvalidProtocolBufferException e) {
            throw UserFacingException.badInput(snapshot + " holds an entry that is not an etcd KeyValue; is it an etcd v3 snapshot?");
        }
    }
}
