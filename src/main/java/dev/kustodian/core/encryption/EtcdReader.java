package dev.kustodian.core.encryption;

import com.google.protobuf.ByteString;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.UserFacingException;
import io.etcd.jetcd.api.KVGrpc;
import io.etcd.jetcd.api.KeyValue;
import io.etcd.jetcd.api.RangeRequest;
import io.etcd.jetcd.api.RangeResponse;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.shaded.io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Reads etcd over its gRPC API with jetcd's generated stubs (jetcd-core's client needs Vert.x 4, which conflicts
 * with fabric8's Vert.x 5). Read-only: Range requests, paged. Values go straight to the consumer.
 */
public final class EtcdReader implements AutoCloseable {
    private final ManagedChannel channel;
    private final String endpoint;
    private final long timeoutSeconds;

    /** TLS material: all null for a plaintext endpoint (http://). */
    public record Tls(Path caCert, Path clientCert, Path clientKey) {
    }

    public EtcdReader(String endpoint, Tls tls, long timeoutSeconds) {
        this(endpoint, tls, timeoutSeconds, false);
    }

    /** {@code trustAll} only for the exposure probe (no value is read): any server certificate is accepted. */
    private EtcdReader(String endpoint, Tls tls, long timeoutSeconds, boolean trustAll) {
        this.endpoint = endpoint;
        this.timeoutSeconds = timeoutSeconds;
        URI u = parse(endpoint);
        ChannelCredentials creds = credentials(u, tls, trustAll);
        this.channel = Grpc.newChannelBuilderForAddress(u.getHost(), u.getPort() < 0 ? 2379 : u.getPort(), creds)
                .maxInboundMessageSize(256 * 1024 * 1024).build();
    }

    static URI parse(String endpoint) {
        String e = endpoint.contains("://") ? endpoint : "https://" + endpoint;
        try {
            URI u = new URI(e);
            if (u.getHost() == null) {
                throw new IllegalArgumentException();
            }
            return u;
        } catch (Exception ex) {
            throw UserFacingException.badInput("etcd endpoint '" + endpoint + "' is not valid; use e.g. https://10.0.0.10:2379.");
        }
    }

    static ChannelCredentials credentials(URI u, Tls tls, boolean trustAll) {
        if ("http".equals(u.getScheme())) {
            return InsecureChannelCredentials.create();
        }
        try {
            TlsChannelCredentials.Builder b = TlsChannelCredentials.newBuilder();
            if (tls != null && tls.caCert() != null) {
                b.trustManager(readable(tls.caCert(), "--cacert").toFile());
            } else if (trustAll) {
                b.trustManager(InsecureTrustManagerFactory.INSTANCE.getTrustManagers());
            } // else: the JVM's default trust store
            if (tls != null && tls.clientCert() != null) {
                if (tls.clientKey() == null) {
                    throw UserFacingException.badInput("--cert needs --key (the client certificate's private key).");
                }
                byte[] pkcs8 = pkcs8Pem(readable(tls.clientKey(), "--key"));
                try {
                    b.keyManager(Files.newInputStream(readable(tls.clientCert(), "--cert")), new ByteArrayInputStream(pkcs8));
                } finally {
                    Arrays.fill(pkcs8, (byte) 0);
                }
            }
            return b.build();
        } catch (IOException e) {
            throw UserFacingException.badInput("The TLS files for " + u + " cannot be read (" + dev.kustodian.core.util.IoErrors.reason(e)
                    + "); check --cacert, --cert and --key.");
        }
    }

    private static Path readable(Path p, String option) {
        if (Files.exists(p)) {
            // a FIFO, a device or a folder is refused before it is opened (nothing blocks)
            dev.kustodian.core.util.InputFiles.requireRegularFile(p, "etcd client file given as " + option);
        }
        if (!Files.isReadable(p)) {
            throw UserFacingException.badInput(option + " " + p + " does not exist or is not readable (etcd client "
                    + "files are usually readable by root only: run with sudo or copy them).");
        }
        return p;
    }

    /** Any PEM private key (PKCS#1 RSA, SEC1 EC, PKCS#8) as PKCS#8 PEM bytes, which Netty reads. */
    static byte[] pkcs8Pem(Path keyFile) throws IOException {
        try (Reader r = Files.newBufferedReader(keyFile, StandardCharsets.US_ASCII); PEMParser p = new PEMParser(r)) {
            Object o = p.readObject();
            PrivateKeyInfo info;
            if (o instanceof PEMKeyPair kp) {
                info = kp.getPrivateKeyInfo();
            } else if (o instanceof PrivateKeyInfo pki) {
                info = pki;
            } else {
                throw UserFacingException.badInput(keyFile + " is not an unencrypted PEM private key.");
            }
            byte[] der = info.getEncoded();
            String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der)
                    + "\n-----END PRIVATE KEY-----\n";
            Arrays.fill(der, (byte) 0);
            return pem.getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** The end of the range of all keys starting with {@code prefix}. */
    static ByteString rangeEnd(ByteString prefix) {
        byte[] b = prefix.toByteArray();
        for (int i = b.length - 1; i >= 0; i--) {
            if (b[i] != (byte) 0xff) {
                b[i]++;
                return ByteString.copyFrom(b, 0, i + 1);
            }
        }
        return ByteString.copyFrom(new byte[]{0});
    }

    /** Visits every key under {@code prefix} (pages of {@code pageSize}); returns the number of keys. */
    public int scan(String prefix, int pageSize, Cancellation cancel, BiConsumer<String, byte[]> consumer) {
        KVGrpc.KVBlockingStub kv = KVGrpc.newBlockingStub(channel);
        ByteString start = ByteString.copyFromUtf8(prefix);
        ByteString end = rangeEnd(start);
        long revision = 0;
        int n = 0;
        while (true) {
            if (cancel != null && cancel.isCancelled()) {
                throw new UserFacingException(UserFacingException.Category.CANCELLED, "Cancelled.");
            }
            RangeRequest req = RangeRequest.newBuilder().setKey(start).setRangeEnd(end).setLimit(pageSize)
                    .setRevision(revision).build();
            RangeResponse resp = call(() -> kv.withDeadlineAfter(timeoutSeconds, TimeUnit.SECONDS).range(req));
            if (revision == 0) {
                revision = resp.getHeader().getRevision(); // a consistent view across pages
            }
            for (KeyValue k : resp.getKvsList()) {
                consumer.accept(k.getKey().toStringUtf8(), k.getValue().toByteArray());
                n++;
            }
            if (!resp.getMore() || resp.getKvsCount() == 0) {
                return n;
            }
            start = resp.getKvs(resp.getKvsCount() - 1).getKey().concat(ByteString.copyFrom(new byte[]{0}));
        }
    }

    /** Counts keys under a prefix (a keys-only count request), e.g. to test access. */
    public long count(String prefix) {
        KVGrpc.KVBlockingStub kv = KVGrpc.newBlockingStub(channel);
        ByteString start = ByteString.copyFromUtf8(prefix);
        RangeRequest req = RangeRequest.newBuilder().setKey(start).setRangeEnd(rangeEnd(start)).setCountOnly(true).build();
        return call(() -> kv.withDeadlineAfter(timeoutSeconds, TimeUnit.SECONDS).range(req)).getCount();
    }

    private <T> T call(java.util.function.Supplier<T> s) {
        try {
            return s.get();
        } catch (StatusRuntimeException e) {
            Status.Code c = e.getStatus().getCode();
            String why = switch (c) {
                case UNAVAILABLE -> "cannot be reached or refused the TLS handshake (check the endpoint, --cacert, --cert and --key)";
                case DEADLINE_EXCEEDED -> "did not answer within " + timeoutSeconds + "s";
                case UNAUTHENTICATED, PERMISSION_DENIED -> "rejected the credentials (" + e.getStatus().getDescription() + ")";
                default -> "failed: " + c + (e.getStatus().getDescription() == null ? "" : " (" + e.getStatus().getDescription() + ")");
            };
            throw new UserFacingException(UserFacingException.Category.CLUSTER_UNREACHABLE, "etcd at " + endpoint + " " + why + ".",
                    true, null);
        }
    }

    /** How etcd's client port answers a client without a certificate. */
    public enum Exposure {
        /** plain http: anyone who reaches the port reads everything */
        PLAINTEXT_OPEN,
        /** TLS, but no client certificate required */
        TLS_NO_CLIENT_AUTH,
        /** a client without a certificate is refused */
        CLIENT_CERT_REQUIRED,
        /** the port could not be reached at all */
        UNREACHABLE
    }

    /**
     * Probes {@code endpoint} without a client certificate: a count-only range on {@code /registry/} (no value is
     * read). Trusts {@code caCert} when given, anything otherwise (the question is only whether etcd lets us in).
     */
    public static Exposure probeWithoutClientCert(String endpoint, Path caCert, long timeoutSeconds) {
        URI u = parse(endpoint);
        String plainEndpoint = "http://" + u.getHost() + ":" + (u.getPort() < 0 ? 2379 : u.getPort());
        try (EtcdReader r = new EtcdReader(plainEndpoint, null, timeoutSeconds)) {
            r.count("/registry/");
            return Exposure.PLAINTEXT_OPEN;
        } catch (UserFacingException e) {
            // not plaintext (or not reachable): try TLS without a client certificate
        }
        String tlsEndpoint = "https://" + u.getHost() + ":" + (u.getPort() < 0 ? 2379 : u.getPort());
        try (EtcdReader r = new EtcdReader(tlsEndpoint, new Tls(caCert, null, null), timeoutSeconds, caCert == null)) {
            r.count("/registry/");
            return Exposure.TLS_NO_CLIENT_AUTH;
        } catch (UserFacingException e) {
            return reachable(u) ? Exposure.CLIENT_CERT_REQUIRED : Exposure.UNREACHABLE;
        }
    }

    private static boolean reachable(URI u) {
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress(u.getHost(), u.getPort() < 0 ? 2379 : u.getPort()), 3000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
