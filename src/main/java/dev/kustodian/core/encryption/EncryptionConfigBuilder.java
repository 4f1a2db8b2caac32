package dev.kustodian.core.encryption;

import dev.kustodian.core.encryption.EncryptionConfig.Key;
import dev.kustodian.core.encryption.EncryptionConfig.Kms;
import dev.kustodian.core.encryption.EncryptionConfig.Provider;
import dev.kustodian.core.encryption.EncryptionConfig.ProviderType;
import dev.kustodian.core.encryption.EncryptionConfig.ResourceEntry;
import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.output.Manifest;
import dev.kustodian.core.output.SafeFiles;
import dev.kustodian.core.yaml.Commented;
import dev.kustodian.core.yaml.YamlWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The model of the "encryption-config" wizard (and of {@code kustodian encryption config}): which resources, which
 * new provider writes, which old providers stay for reading, whether identity stays last. {@link #build()} returns
 * the EncryptionConfiguration as a {@link Bundle}; the file holds key material, so it is a PRIVATE side file
 * ({@link #PRIVATE_FILE}, written 0600 by {@link #writePrivate}) and {@link Generated#maskedYaml()} is what a
 * preview shows.
 */
public final class EncryptionConfigBuilder {
    /** The bundle's file name; any file of this name must be written with {@link #writePrivate}, never logged. */
    public static final String PRIVATE_FILE = "encryption-config.yaml";
    public static final String MASK = "<masked: shown once, saved 0600>";

    private final List<String> resources = new ArrayList<>(List.of("secrets"));
    private ProviderType provider = ProviderType.SECRETBOX;
    private Key key;
    private Kms kms;
    private final List<Provider> oldProviders = new ArrayList<>();
    private boolean plaintextExists = true;

    public EncryptionConfigBuilder resources(List<String> r) {
        resources.clear();
        resources.addAll(r);
        return this;
    }

    public EncryptionConfigBuilder addResource(String r) {
        if (!resources.contains(r)) {
            resources.add(r);
        }
        return this;
    }

    /** A local-key provider (secretbox recommended, aesgcm, aescbc) with its (generated) key. */
    public EncryptionConfigBuilder keyProvider(ProviderType type, Key k) {
        if (type != ProviderType.SECRETBOX && type != ProviderType.AESGCM && type != ProviderType.AESCBC) {
            throw new IllegalArgumentException("keyProvider takes secretbox, aesgcm or aescbc, not " + type.field());
        }
        this.provider = type;
        this.key = k;
        this.kms = null;
        return this;
    }

    /** KMS v2: name (no ':'), unix:// endpoint of the plugin socket, timeout. */
    public EncryptionConfigBuilder kmsV2(String name, String endpoint, Duration timeout) {
        this.provider = ProviderType.KMS;
        this.kms = new Kms("v2", name, endpoint, null, timeout, formatDuration(timeout));
        this.key = null;
        return this;
    }

    /** Providers of the current configuration, kept after the new one so existing data stays readable. */
    public EncryptionConfigBuilder keepForReading(List<Provider> providers) {
        providers.stream().filter(p -> p.type() != ProviderType.IDENTITY).forEach(oldProviders::add);
        return this;
    }

    /** While data written before encryption exists, identity must stay (last) so it can be read. */
    public EncryptionConfigBuilder plaintextDataExists(boolean b) {
        this.plaintextExists = b;
        return this;
    }

    public record Generated(Bundle bundle, String maskedYaml, EncryptionConfig config) {
        /** The file names of the bundle that hold key material. */
        public Set<String> privateFiles() {
            return Set.of(PRIVATE_FILE);
        }
    }

    public EncryptionConfig config() {
        List<Provider> providers = new ArrayList<>();
        providers.add(provider == ProviderType.KMS ? Provider.kms(kms) : Provider.keyed(provider, List.of(key)));
        providers.addAll(oldProviders);
        if (plaintextExists) {
            providers.add(Provider.identity());
        }
        return new EncryptionConfig(EncryptionConfigParser.API_VERSION, EncryptionConfigParser.KIND,
                List.of(new ResourceEntry(resources, providers)), false);
    }

    public Generated build() {
        if (provider != ProviderType.KMS && key == null) {
            throw new IllegalStateException("No key: generate one with KeyGenerator first.");
        }
        EncryptionConfig c = config();
        List<Bundle.Problem> problems = new ArrayList<>();
        for (Bundle.Problem e : EncryptionConfigValidator.validate(c, false)) {
            problems.add(e);
        }
        List<String> warnings = new ArrayList<>();
        switch (provider) {
            case AESCBC -> warnings.add("aescbc is weak (padding-oracle attacks) and not recommended; prefer secretbox or KMS v2.");
            case AESGCM -> warnings.add("aesgcm must be rotated before 200,000 writes with the same key; prefer secretbox unless you rotate automatically.");
            case KMS -> warnings.add("KMS v2 needs the KMS plugin running on every control-plane node at " + kms.endpoint()
                    + " before kube-apiserver restarts, or the API server will not start.");
            default -> {
            }
        }
        if (plaintextExists) {
            warnings.add("identity stays last so Secrets written before encryption remain readable; after "
                    + "'rewrite all secrets' remove it.");
        }
        String header = """
                EncryptionConfiguration generated by Kustodian.
                kube-apiserver reads it from --encryption-provider-config. The FIRST provider of each entry encrypts
                every new write; the others are only tried, in order, to read data written earlier.
                This file holds key material: keep it 0600, owned by root, on every control-plane node only;
                never commit it to git. Back it up securely: losing the key means losing the encrypted data.""";
        String yaml = YamlWriter.write(toYaml(c, false), header);
        String masked = YamlWriter.write(toYaml(c, true), header);
        Manifest m = Manifest.privateFile(PRIVATE_FILE, Manifest.Format.YAML, yaml, masked);
        List<String> next = nextSteps(PRIVATE_FILE);
        return new Generated(new Bundle("EncryptionConfiguration", List.of(m), problems, warnings, next), masked, c);
    }

    /** What to do with the written file, named as the user named it ({@code file}: its path or name). */
    public static List<String> nextSteps(String file) {
        String name = java.nio.file.Path.of(file).getFileName().toString();
        return List.of(
                "Copy " + file + " to /etc/kubernetes/enc/ on every control-plane node (chmod 600).",
                "Patch /etc/kubernetes/manifests/kube-apiserver.yaml (kustodian encryption patch"
                        + (name.equals(PRIVATE_FILE) ? "" : " --file-name " + name)
                        + ") and wait for the API server to restart.",
                "Rewrite all Secrets so existing ones get encrypted (kustodian encryption rotate rewrite).",
                "Prove it in etcd: kustodian encryption verify-etcd ... --config " + file);
    }

    /** Renders a config as the YAML map tree; {@code mask} replaces every key secret by {@link #MASK}. */
    public static Map<String, Object> toYaml(EncryptionConfig c, boolean mask) {
        List<Object> entries = new ArrayList<>();
        for (ResourceEntry e : c.resources()) {
            List<Object> providers = new ArrayList<>();
            for (int j = 0; j < e.providers().size(); j++) {
                Provider p = e.providers().get(j);
                Map<String, Object> body = new LinkedHashMap<>();
                if (p.type() == ProviderType.KMS) {
                    body.put("apiVersion", p.kms().apiVersion());
                    body.put("name", p.kms().name());
                    body.put("endpoint", p.kms().endpoint());
                    if (p.kms().cachesize() != null && "v1".equals(p.kms().apiVersion())) {
                        body.put("cachesize", p.kms().cachesize());
                    }
                    body.put("timeout", p.kms().timeoutText() != null ? p.kms().timeoutText()
                            : formatDuration(p.kms().timeout()));
                } else if (p.type() != ProviderType.IDENTITY) {
                    List<Object> keys = new ArrayList<>();
                    for (Key k : p.keys()) {
                        keys.add(YamlWriter.map("name", k.name(), "secret", mask ? MASK : k.secret()));
                    }
                    body.put("keys", keys);
                }
                String comment = j == 0 ? "writes: every new or updated object is encrypted with "
                        + (p.type() == ProviderType.KMS ? "this KMS plugin" : p.type() == ProviderType.IDENTITY
                        ? "nothing (plaintext!)" : "the first key below")
                        : p.type() == ProviderType.IDENTITY ? "reads objects stored before encryption (plaintext); remove after rewriting all"
                        : "read-only: decrypts data written with an older key; remove after rewriting all";
                Map<String, Object> item = new LinkedHashMap<>();
                item.put(p.type().field(), body);
                providers.add(new Commented(item, comment));
            }
            entries.add(YamlWriter.map("resources", e.resources(), "providers", providers));
        }
        return YamlWriter.map("apiVersion", c.apiVersion(), "kind", c.kind(), "resources", entries);
    }

    /** Writes the generated file as a private file (0600, atomic); refuses to overwrite unless asked. */
    public static void writePrivate(Generated g, Path file, boolean overwrite) throws IOException {
        byte[] b = g.bundle().manifests().get(0).content().getBytes(StandardCharsets.UTF_8);
        try {
            SafeFiles.writePrivate(file, b, overwrite);
        } finally {
            SafeFiles.wipe(b);
        }
    }

    static String formatDuration(Duration d) {
        if (d.toMillis() % 1000 != 0) {
            return d.toMillis() + "ms";
        }
        return d.toSeconds() + "s";
    }
}
