package dev.kustodian.core.encryption;

import java.nio.file.Path;

/** Exposes the real-etcd test server (with mutual TLS) and its data to the CLI tests in another package. */
public final class EtcdCliFixture implements AutoCloseable {
    private final EtcdTestServer etcd;

    private EtcdCliFixture(EtcdTestServer etcd) {
        this.etcd = etcd;
    }

    public static EtcdCliFixture start(Path dir) throws Exception {
        return start(dir, true);
    }

    public static EtcdCliFixture start(Path dir, boolean tls) throws Exception {
        EtcdTestServer s = new EtcdTestServer(dir, tls);
        EtcdVerificationTest.populate(s);
        return new EtcdCliFixture(s);
    }

    public String endpoint() {
        return etcd.endpoint();
    }

    public Path ca() {
        return etcd.ca;
    }

    public Path cert() {
        return etcd.clientCert;
    }

    public Path key() {
        return etcd.clientKey;
    }

    public void snapshot(Path file) throws Exception {
        etcd.snapshot(file);
    }

    /** The mid-rotation config (key2 secretbox writes, key1 aesgcm reads) as a 0600 file. */
    public Path writeConfig(Path file) throws Exception {
        String yaml = dev.kustodian.core.yaml.YamlWriter.write(EncryptionConfigBuilder.toYaml(EtcdVerificationTest.rotationConfig(), false));
        dev.kustodian.core.output.SafeFiles.writePrivate(file, yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8), false);
        return file;
    }

    @Override
    public void close() throws Exception {
        etcd.close();
    }
}
