package dev.kustodian.cli.generate;

import dev.kustodian.core.externalsecrets.ExternalSecretSpec;
import dev.kustodian.core.util.UserFacingException;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** The ExternalSecret fields, shared by {@code generate externalsecret} and {@code generate clusterexternalsecret}. */
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

    ExternalSecretSpec toSpec(String name, String namespace) {
        List<ExternalSecretSpec.Data> d = new ArrayList<>();
        for (String s : data) {
            int i = s.indexOf('=');
            if (i <= 0) {
                throw UserFacingException.badInput("--data expects KEY=REMOTE[#PROPERTY][@VERSION], got '" + s + "'.");
            }
            String[] r = remote(s.substring(i + 1), "--data");
            d.add(new ExternalSecretSpec.Data(s.substring(0, i), r[0], r[1], r[2]));
        }
        List<ExternalSecretSpec.DataFrom> df = new ArrayList<>();
        for (String s : extract) {
            String[] r = remote(s, "--extract");
            df.add(new ExternalSecretSpec.Extract(r[0], r[1], r[2]));
        }
        if (findName != null || findPath != null || !findTags.isEmpty()) {
            df.add(new ExternalSecretSpec.Find(findName, findPath, BundleOutput.pairs(findTags, "--find-tag")));
        }
        if (d.isEmpty() && df.isEmpty()) {
            throw UserFacingException.badInput("Give at least one --data, --extract or --find-name/--find-path/--find-tag.");
        }
        return new ExternalSecretSpec(name, namespace, store, storeKind, refreshInterval, target, creationPolicy,
                deletionPolicy, templateType, d, df);
    }

    /** REMOTE[#PROPERTY][@VERSION] → {key, property, version} */
    static String[] remote(String s, String option) {
        String version = null;
        String property = null;
        int at = s.lastIndexOf('@');
        if (at > 0) {
            version = s.substring(at + 1);
            s = s.substring(0, at);
        }
        int hash = s.indexOf('#');
        if (hash > 0) {
            property = s.substring(hash + 1);
            s = s.substring(0, hash);
        }
        if (s.isBlank()) {
            throw UserFacingException.badInput(option + " needs a remote key.");
        }
        return new String[]{s, property, version};
    }
}
