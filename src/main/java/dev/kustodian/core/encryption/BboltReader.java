package dev.kustodian.core.encryption;

import dev.kustodian.core.util.UserFacingException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * A minimal, read-only reader of bbolt database files (etcd's backend, and the format of {@code etcdctl snapshot
 * save}). No Java bbolt library exists, so this reads the documented on-disk layout directly:
 * <ul>
 * <li>page header (16 bytes, little-endian): id u64, flags u16 (branch 0x01, leaf 0x02, meta 0x04, freelist 0x10),
 * count u16, overflow u32; a page spans (overflow + 1) × pageSize bytes;</li>
 * <li>pages 0 and 1 are meta pages: magic 0xED0CDAED, version 2, pageSize, flags, root bucket (root pgid,
 * sequence), freelist pgid, high-water pgid, txid, FNV-1a 64 checksum; the valid one with the higher txid wins;</li>
 * <li>branch elements (16 bytes): pos u32, ksize u32, pgid u64;</li>
 * <li>leaf elements (16 bytes): flags u32 (0x01 = nested bucket), pos u32, ksize u32, vsize u32 — key and value
 * at the element's address + pos; a bucket value is (root pgid u64, sequence u64) followed, when root is 0, by an
 * inline page.</li>
 * </ul>
 * The file is opened read-only and memory-mapped; nothing is written.
 */
public final class BboltReader implements AutoCloseable {
    static final int MAGIC = 0xED0CDAED;
    static final int PAGE_HEADER = 16;
    static final int BRANCH = 0x01;
    static final int LEAF = 0x02;
    static final int META = 0x04;
    static final int BUCKET_LEAF_FLAG = 0x01;

    private final FileChannel channel;
    private final ByteBuffer buf;
    private final int pageSize;
    private final long rootBucketPage;
    private final long txid;
    private final Path file;

    /** Callback for key/value pairs of a bucket; {@code value} is a fresh copy the callee may wipe. */
    public interface Visitor {
        void visit(byte[] key, byte[] value);
    }

    public BboltReader(Path file) {
        this.file = file;
        // regular files only: opening a FIFO would block until something writes to it
        dev.kustodian.core.util.InputFiles.requireRegularFile(file, "etcd snapshot");
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            long size = channel.size();
            if (size < 4096 * 2L && size < 1024) {
                throw bad("is too small to be an etcd snapshot");
            }
            if (size > Integer.MAX_VALUE) {
                throw bad("is larger than 2 GiB, which this reader does not support");
            }
            buf = channel.map(FileChannel.MapMode.READ_ONLY, 0, size).order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw UserFacingException.badInput(file + " cannot be read (" + dev.kustodian.core.util.IoErrors.reason(e)
                    + "); check the path and permissions.");
        }
        Meta m0 = meta(0, -1);
        int ps = m0 != null ? m0.pageSize : 4096;
        Meta m1 = meta(ps, ps);
        Meta best = m0 == null ? m1 : m1 == null ? m0 : (m1.txid > m0.txid ? m1 : m0);
        if (best == null) {
            close();
            throw bad("is not a bbolt database (no valid meta page); is it an etcd snapshot (etcdctl snapshot save)?");
        }
        pageSize = best.pageSize;
        rootBucketPage = best.root;
        txid = best.txid;
    }

    private UserFacingException bad(String what) {
        return UserFacingException.badInput(file + " " + what + ".");
    }

    record Meta(int pageSize, long root, long txid) {
    }

    private Meta meta(int offset, int expectedPageSize) {
        if (offset + PAGE_HEADER + 64 > buf.capacity()) {
            return null;
        }
        int flags = Short.toUnsignedInt(buf.getShort(offset + 8));
        if ((flags & META) == 0) {
            return null;
        }
        int m = offset + PAGE_HEADER;
        if (buf.getInt(m) != MAGIC || buf.getInt(m + 4) != 2) {
            return null;
        }
        int ps = buf.getInt(m + 8);
        if (expectedPageSize > 0 && ps != expectedPageSize) {
            return null;
        }
        long root = buf.getLong(m + 16);
        long tx = buf.getLong(m + 48);
        long checksum = buf.getLong(m + 56);
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < 56; i++) {
            h ^= (buf.get(m + i) & 0xff);
            h *= 0x100000001b3L;
        }
        if (h != checksum) {
            return null;
        }
        return new Meta(ps, root, tx);
    }

    public int pageSize() {
        return pageSize;
    }

    public long txid() {
        return txid;
    }

    /** Visits every key/value of the top-level bucket {@code name} (e.g. etcd's "key" bucket); false if absent. */
    public boolean forEach(String name, Visitor visitor) {
        byte[] target = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long[] bucketRoot = {-1};
        int[] inlineOffset = {-1};
        walk(rootBucketPage, -1, new HashSet<>(), (flags, kOff, kLen, vOff, vLen) -> {
            if ((flags & BUCKET_LEAF_FLAG) != 0 && kLen == target.length && equalsAt(kOff, target)) {
                long root = buf.getLong(vOff);
                bucketRoot[0] = root;
                if (root == 0) {
                    inlineOffset[0] = vOff + 16;
                }
            }
        });
        if (bucketRoot[0] < 0) {
            return false;
        }
        Element e = (flags, kOff, kLen, vOff, vLen) -> {
            if ((flags & BUCKET_LEAF_FLAG) != 0) {
                return; // nested buckets are not used by etcd's key bucket
            }
            byte[] k = new byte[kLen];
            buf.get(kOff, k);
            byte[] v = new byte[vLen];
            buf.get(vOff, v);
            visitor.visit(k, v);
        };
        if (bucketRoot[0] == 0) {
            walk(-1, inlineOffset[0], new HashSet<>(), e);
        } else {
            walk(bucketRoot[0], -1, new HashSet<>(), e);
        }
        return true;
    }

    private boolean equalsAt(int off, byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if (buf.get(off + i) != b[i]) {
                return false;
            }
        }
        return true;
    }

    private interface Element {
        void accept(int flags, int keyOffset, int keyLength, int valueOffset, int valueLength);
    }

    /** Depth-first, in key order, over a page id (or an inline page at {@code inline} when pgid is -1). */
    private void walk(long pgid, int inline, Set<Long> seen, Element element) {
        int p;
        if (pgid >= 0) {
            if (!seen.add(pgid)) {
                throw bad("is corrupt (page " + pgid + " is referenced twice)");
            }
            long off = pgid * (long) pageSize;
            if (off + PAGE_HEADER > buf.capacity()) {
                throw bad("is truncated (page " + pgid + " is beyond the end of the file)");
            }
            p = (int) off;
        } else {
            p = inline;
        }
        int flags = Short.toUnsignedInt(buf.getShort(p + 8));
        int count = Short.toUnsignedInt(buf.getShort(p + 10));
        int elems = p + PAGE_HEADER;
        if ((flags & BRANCH) != 0) {
            for (int i = 0; i < count; i++) {
                int el = elems + i * 16;
                long child = buf.getLong(el + 8);
                walk(child, -1, seen, element);
            }
        } else if ((flags & LEAF) != 0) {
            for (int i = 0; i < count; i++) {
                int el = elems + i * 16;
                int f = buf.getInt(el);
                int pos = buf.getInt(el + 4);
                int ksize = buf.getInt(el + 8);
                int vsize = buf.getInt(el + 12);
                int kOff = el + pos;
                if (pos < 0 || ksize < 0 || vsize < 0 || (long) kOff + ksize + vsize > buf.capacity()) {
                    throw bad("is corrupt (a leaf element points outside the file)");
                }
                element.accept(f, kOff, ksize, kOff + ksize, vsize);
            }
        } else {
            throw bad("is corrupt (page " + pgid + " is neither a branch nor a leaf page, flags " + flags + ")");
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // read-only: nothing to lose
        }
    }

    /** True when the etcd revision key marks a tombstone (deletion): 17 bytes + 't'. */
    static boolean isTombstone(byte[] revKey) {
        return revKey.length == 18 && revKey[17] == 't';
    }

    static byte[] copy(byte[] b) {
        return Arrays.copyOf(b, b.length);
    }
}
