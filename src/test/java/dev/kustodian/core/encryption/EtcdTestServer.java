package dev.kustodian.core.encryption;

import com.google.protobuf.ByteString;
import io.etcd.jetcd.api.KVGrpc;
import io.etcd.jetcd.api.PutRequest;
import io.etcd.jetcd.api.RangeRequest;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real etcd (Debian's etcd-server, /usr/bin/etcd) on free loopback ports for tests, optionally with TLS and
 * client-certificate authentication (CA, server and client certificates generated here with BouncyCastle).
 * Fails (never skips) when etcd is not installed: CI installs it.
 */
final class EtcdTestServer implements AutoCloseable {
    static final Path ETCD = Path.of(System.getenv().getOrDefault("KUSTODIAN_ETCD", "/usr/bin/etcd"));
    static final Path ETCDCTL = Path.of(System.getenv().getOrDefault("KUSTODIAN_ETCDCTL", "/usr/bin/etcdctl"));

    final Process process;
    final int clientPort;
    final boolean tls;
    final Path dir;
    Path ca;
    Path clientCert;
    Path clientKey;
    private final ManagedChannel channel;

    static void requireEtcd() {
        if (!Files.isExecutable(ETCD)) {
            throw new AssertionError("etcd is not installed at " + ETCD + ": these tests need a real etcd. Install it with "
                    + "'apt-get install -y etcd-server etcd-client' (CI does) or set KUSTODIAN_ETCD to its path.");
        }
    }

    EtcdTestServer(Path dir, boolean tls) throws Exception {
        requireEtcd();
        this.dir = dir;
        this.tls = tls;
        clientPort = freePort();
        int peerPort = freePort();
        String scheme = tls ? "https" : "http";
        List<String> cmd = new ArrayList<>(List.of(ETCD.toString(), "--name", "kustodian-test",
                "--data-dir", dir.resolve("data").toString(),
                "--listen-client-urls", scheme + "://127.0.0.1:" + clientPort,
                "--advertise-client-urls", scheme + "://127.0.0.1:" + clientPort,
                "--listen-peer-urls", "http://127.0.0.1:" + peerPort,
                "--initial-advertise-peer-urls", "http://127.0.0.1:" + peerPort,
                "--initial-cluster", "kustodian-test=http://127.0.0.1:" + peerPort,
                "--log-level", "warn"));
        if (tls) {
            writeCertificates();
            cmd.addAll(List.of("--cert-file", dir.resolve("server.crt").toString(),
                    "--key-file", dir.resolve("server.key").toString(),
                    "--client-cert-auth", "--trusted-ca-file", ca.toString()));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("etcd.log").toFile());
        pb.environment().put("ETCD_UNSUPPORTED_ARCH", System.getProperty("os.arch").contains("arm") ? "arm64" : "");
        process = pb.start();
        channel = Grpc.newChannelBuilderForAddress("127.0.0.1", clientPort, credentials()).build();
        waitReady();
    }

    String endpoint() {
        return (tls ? "https" : "http") + "://127.0.0.1:" + clientPort;
    }

    EtcdReader.Tls tlsFiles() {
        return tls ? new EtcdReader.Tls(ca, clientCert, clientKey) : null;
    }

    private ChannelCredentials credentials() throws IOException {
        if (!tls) {
            return InsecureChannelCredentials.create();
        }
        return TlsChannelCredentials.newBuilder().trustManager(ca.toFile())
                .keyManager(clientCert.toFile(), dir.resolve("client-pkcs8.key").toFile()).build();
    }

    /** Waits until etcd answers (gRPC wait-for-ready with a deadline; no sleeping). */
    private void waitReady() {
        KVGrpc.KVBlockingStub kv = KVGrpc.newBlockingStub(channel).withWaitForReady();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("etcd exited with " + process.exitValue() + "; log: " + log());
            }
            try {
                kv.withDeadlineAfter(5, TimeUnit.SECONDS).range(RangeRequest.newBuilder()
                        .setKey(ByteString.copyFromUtf8("/")).setCountOnly(true).build());
                return;
            } catch (RuntimeException e) {
                last = e;
            }
        }
        throw new AssertionError("etcd did not become ready in 60s: " + last + "; log: " + log());
    }

    String log() {
        try {
            return Files.readString(dir.resolve("etcd.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    void put(String key, byte[] value) {
        KVGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS).put(PutRequest.newBuilder()
                .setKey(ByteString.copyFromUtf8(key)).setValue(ByteString.copyFrom(value)).build());
    }

    /** etcdctl snapshot save (ETCDCTL_API=3) into {@code file}. */
    void snapshot(Path file) throws Exception {
        if (!Files.isExecutable(ETCDCTL)) {
            throw new AssertionError("etcdctl is not installed at " + ETCDCTL + ": install etcd-client.");
        }
        List<String> cmd = new ArrayList<>(List.of(ETCDCTL.toString(), "--endpoints", endpoint(), "snapshot", "save",
                file.toString()));
        if (tls) {
            cmd.addAll(List.of("--cacert", ca.toString(), "--cert", clientCert.toString(), "--key", clientKey.toString()));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("etcdctl.log").toFile());
        pb.environment().put("ETCDCTL_API", "3");
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new AssertionError("etcdctl snapshot save failed: " + Files.readString(dir.resolve("etcdctl.log")));
        }
    }

    @Override
    public void close() throws Exception {
        channel.shutdownNow();
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void writeCertificates() throws Exception {
        KeyPair caKey = ecKey();
        X509CertificateHolder caCert = cert("CN=kustodian-test-etcd-ca", caKey, "CN=kustodian-test-etcd-ca", caKey.getPrivate(), true, null);
        KeyPair serverKey = ecKey();
        X509CertificateHolder server = cert("CN=etcd-server", serverKey, "CN=kustodian-test-etcd-ca", caKey.getPrivate(), false,
                KeyPurposeId.id_kp_serverAuth);
        KeyPair clientKeyPair = rsaKey(); // kubeadm's apiserver-etcd-client key is RSA (PKCS#1 PEM)
        X509CertificateHolder client = cert("CN=kube-apiserver-etcd-client", clientKeyPair, "CN=kustodian-test-etcd-ca",
                caKey.getPrivate(), false, KeyPurposeId.id_kp_clientAuth);
        ca = dir.resolve("ca.crt");
        Files.writeString(ca, pem(caCert));
        Files.writeString(dir.resolve("server.crt"), pem(server));
        Files.writeString(dir.resolve("server.key"), pem(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(serverKey.getPrivate(), null)));
        clientCert = dir.resolve("client.crt");
        Files.writeString(clientCert, pem(client));
        clientKey = dir.resolve("client.key");
        // PKCS#1 "RSA PRIVATE KEY" (as kubeadm writes it); EtcdReader converts it to PKCS#8 itself
        Files.writeString(clientKey, pem(new org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator(clientKeyPair)));
        Files.writeString(dir.resolve("client-pkcs8.key"), pem(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(clientKeyPair.getPrivate(), null)));
    }

    private static KeyPair rsaKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    private static KeyPair ecKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static X509CertificateHolder cert(String subject, KeyPair key, String issuer, PrivateKey issuerKey, boolean isCa,
                                              KeyPurposeId purpose) throws Exception {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                BigInteger.valueOf(now.toEpochMilli() ^ subject.hashCode()).abs(), Date.from(now.minus(1, ChronoUnit.HOURS)),
                Date.from(now.plus(1, ChronoUnit.DAYS)), new X500Name(subject), key.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
        if (isCa) {
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
        } else {
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[]{
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}));
        }
        return b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey));
    }

    private static String pem(Object o) throws IOException {
        StringWriter sw = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
            w.writeObject(o);
        }
        return sw.toString();
    }

    static Map<String, byte[]> data(String k, String v) {
        return Map.of(k, v.getBytes());
    }
}
