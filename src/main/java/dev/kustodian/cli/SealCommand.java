package dev.kustodian.cli;

import dev.kustodian.cli.common.CliCommand;
import dev.kustodian.cli.common.SourceOptions;
import dev.kustodian.cli.common.BundleOutput;
import dev.kustodian.core.externalsecrets.SealedSecrets;
import dev.kustodian.core.output.SafeFiles;
import dev.kustodian.core.util.UserFacingException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Command(name = "seal", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Seal values offline into a Bitnami SealedSecret (bitnami.com/v1alpha1) with the controller's",
                "certificate. Values come only from files or stdin, never from the command line.",
                "The certificate comes from --cert FILE or, with --fetch-cert, from the controller through the API",
                "server's service proxy (like kubeseal; needs a live cluster: --kubeconfig/--context).",
                "Example: kustodian seal --fetch-cert --name db -n team-a --from-file password=./password.txt",
                "         kustodian seal --cert cert.pem --name db -n team-a --from-file password=./password.txt",
                "Exit codes: 0 sealed, 1 failed, 2 bad input."})
public final class SealCommand extends CliCommand {
    @Option(names = "--cert", paramLabel = "FILE", description = "Controller certificate (PEM), from `kubeseal --fetch-cert`.")
    Path cert;
    @Option(names = "--fetch-cert", description = "Fetch the certificate from the controller in the cluster instead of --cert.")
    boolean fetchCert;
    @Option(names = "--controller-namespace", defaultValue = "kube-system", description = "With --fetch-cert: namespace of the controller's Service (default ${DEFAULT-VALUE}).")
    String controllerNamespace;
    @Option(names = "--controller-name", defaultValue = "sealed-secrets-controller", description = "With --fetch-cert: name of the controller's Service (default ${DEFAULT-VALUE}).")
    String controllerName;
    @CommandLine.Mixin
    SourceOptions source = new SourceOptions();
    @Option(names = "--name", required = true, description = "Name of the Secret (and SealedSecret).")
    String name;
    @Option(names = {"-n", "--namespace"}, description = "Namespace (required unless --scope cluster-wide).")
    String namespace;
    @Option(names = "--scope", defaultValue = "strict", description = "strict (default) | namespace-wide | cluster-wide.")
    String scope;
    @Option(names = "--type", defaultValue = "Opaque", description = "Secret type (default ${DEFAULT-VALUE}).")
    String type;
    @Option(names = "--from-file", paramLabel = "KEY=PATH", description = "Seal the bytes of PATH as KEY (repeatable).")
    List<String> fromFile = new ArrayList<>();
    @Option(names = "--from-stdin", paramLabel = "KEY", description = "Seal standard input as KEY.")
    String fromStdin;
    @Option(names = "--label", paramLabel = "KEY=VALUE", description = "Label of the created Secret (repeatable).")
    List<String> labels = new ArrayList<>();
    @CommandLine.Mixin
    BundleOutput.Options output = new BundleOutput.Options();

    /** for tests: stdin replacement */
    InputStream stdin = System.in;
    /** How a cluster session is opened for --fetch-cert (tests substitute a mock server session). */
    static final java.util.function.Function<dev.kustodian.core.cluster.SourceSpec, dev.kustodian.core.cluster.ClusterSession>
            OPENER_DEFAULT = spec -> dev.kustodian.core.cluster.ClusterLoader.open(spec, (f, m) -> { },
            new dev.kustodian.core.util.Cancellation());
    static java.util.function.Function<dev.kustodian.core.cluster.SourceSpec, dev.kustodian.core.cluster.ClusterSession>
            opener = OPENER_DEFAULT;

    private X509Certificate certificate() {
        if ((cert == null) == !fetchCert) {
            throw UserFacingException.badInput("Give the controller certificate: either --cert FILE or --fetch-cert"
                    + " (from the cluster), not both and not neither.");
        }
        if (fetchCert) {
            dev.kustodian.core.cluster.SourceSpec from = source.toSpec();
            if (from.kind() != dev.kustodian.core.cluster.SourceSpec.Kind.LIVE) {
                // the demo cluster and snapshots have no Sealed Secrets controller to ask
                throw UserFacingException.badInput("--fetch-cert needs a live cluster running the Sealed Secrets "
                        + "controller (--kubeconfig/--context), not " + from.describe() + ". Use --cert FILE instead.");
            }
            try (dev.kustodian.core.cluster.ClusterSession session = opener.apply(from)) {
                var client = session.cluster().orElseThrow(() -> UserFacingException.badInput("--fetch-cert needs"
                        + " a live cluster (--kubeconfig/--context), not " + session.spec().describe()
                        + ". Use --cert FILE instead."));
                return SealedSecrets.fetchCertificate(client, controllerNamespace, controllerName);
            }
        }
        return SealedSecrets.readCertificate(cert);
    }

    @Override
    public Integer call() {
        X509Certificate c = certificate();
        String expired = SealedSecrets.validityWarning(c, cert != null ? "The certificate " + cert
                : "The controller's certificate", java.time.Instant.now());
        if (expired != null) {
            spec.commandLine().getErr().println("warning: " + expired);
        }
        Map<String, byte[]> values = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, String> e : BundleOutput.pairs(fromFile, "--from-file").entrySet()) {
                values.put(e.getKey(), SealedSecrets.readValue(dev.kustodian.core.util.InputFiles.path(e.getValue(),
                        "value file of key " + e.getKey()), e.getKey()));
            }
            if (fromStdin != null) {
                try {
                    values.put(fromStdin, stdin.readAllBytes());
                } catch (IOException ex) {
                    throw UserFacingException.badInput("Cannot read standard input for key " + fromStdin + ".");
                }
            }
            for (String k : values.keySet()) {
                if (!k.matches("[-._a-zA-Z0-9]+")) {
                    throw UserFacingException.badInput("'" + k + "' is not a valid Secret key (letters, digits, '-', '_', '.').");
                }
            }
            var bundle = SealedSecrets.sealedSecret(c, new SealedSecrets.SealSpec(name, namespace, type,
                    SealedSecrets.Scope.parse(scope), values, BundleOutput.pairs(labels, "--label")));
            return BundleOutput.emit(spec, bundle, output, null);
        } finally {
            values.values().forEach(SafeFiles::wipe);
        }
    }
}
