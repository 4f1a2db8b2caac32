package dev.kustodian.cli.generate;

import dev.kustodian.core.externalsecrets.ExternalSecretRequest;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * The ExternalSecret flags, shared by {@code generate externalsecret} and {@code generate clusterexternalsecret}; the
 * parsing of {@code KEY=REMOTE[#PROPERTY][@VERSION]} is the core {@link ExternalSecretRequest}'s.
 */
public final class ExternalSecretOptions {
    @Option(names = "--store", required = true, description = "Name of the SecretStore / ClusterSecretStore.")
    String store;
    @Option(names = "--store-kind", defaultValue = "SecretStore",
            description = "SecretStore | ClusterSecretStore (default ${DEFAULT-VALUE}).")
    String storeKind;
    @Option(names = "--refresh-interval", defaultValue = "1h",
            description = "How often ESO re-reads the store, Go duration (default ${DEFAULT-VALUE}; 0s = once).")
    String refreshInterval;
    @Option(names = "--target", description = "Name of the Secret to create (default: the ExternalSecret's name).")
    String target;
    @Option(names = "--creation-policy", description = "Owner (default) | Orphan | Merge | None.")
    String creationPolicy;
    @Option(names = "--deletion-policy", description = "Retain (default) | Delete | Merge.")
    String deletionPolicy;
    @Option(names = "--template-type", description = "Type of the created Secret, e.g. kubernetes.io/tls (default Opaque).")
    String templateType;
    @Option(names = "--data", paramLabel = "KEY=REMOTE[#PROPERTY][@VERSION]",
            description = "One key of the target Secret from a remote key (repeatable). PROPERTY selects a JSON field.")
    List<String> data = new ArrayList<>();
    @Option(names = "--extract", paramLabel = "REMOTE[#PROPERTY][@VERSION]",
            description = "dataFrom.extract: every JSON field of a remote secret becomes a key (repeatable).")
    List<String> extract = new ArrayList<>();
    @Option(names = "--find-name", paramLabel = "REGEXP", description = "dataFrom.find: remote secrets whose name matches.")
    String findName;
    @Option(names = "--find-path", paramLabel = "PATH", description = "dataFrom.find: remote secrets under this path.")
    String findPath;
    @Option(names = "--find-tag", paramLabel = "KEY=VALUE", description = "dataFrom.find: remote secrets with this tag (repeatable).")
    List<String> findTags = new ArrayList<>();

    /** The flags as the core request (an ExternalSecret named {@code name} in {@code namespace}). */
    ExternalSecretRequest toRequest(String name, String namespace) {
        return new ExternalSecretRequest(name, namespace, store, storeKind, refreshInterval, target, creationPolicy,
                deletionPolicy, templateType, data, extract, findName, findPath, findTags);
    }
}
