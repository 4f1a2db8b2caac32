package dev.kustodian.cli;

import dev.kustodian.cli.common.CliCommand;
import dev.kustodian.cli.common.SourceOptions;
import dev.kustodian.core.cluster.ClusterLoader;
import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.encryption.EncryptionConfig;
import dev.kustodian.core.encryption.EncryptionVerifier;
import dev.kustodian.core.encryption.EtcdReader;
import dev.kustodian.core.encryption.KeyGenerator;
import dev.kustodian.core.encryption.KubeadmPatch;
import dev.kustodian.core.encryption.RotationPlan;
import dev.kustodian.core.encryption.SecretRewriter;
import dev.kustodian.core.encryption.SnapshotVerifier;
import dev.kustodian.core.encryption.VerificationReport;
import dev.kustodian.core.output.Manifest;
import dev.kustodian.core.output.SafeFiles;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.Progress;
import dev.kustodian.core.util.UserFacingException;
import dev.kustodian.core.yaml.YamlReader;
import dev.kustodian.core.yaml.YamlWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** etcd verification, the kubeadm patch and key rotation subcommands of {@code kustodian encryption}. */
final class EncryptionEtcdCommands {
    private EncryptionEtcdCommands() {
    }

    /** What verify-etcd and verify-snapshot share: the etcd prefix, the samples per key and the output format. */
    static final class VerifyOptions {
        @Option(names = "--prefix", defaultValue = "/registry", description = "kube-apiserver --etcd-prefix (default /registry)")
        String prefix;

        @Option(names = "--samples", defaultValue = "3", description = "values to decrypt per key (default 3)")
        int samples;

        @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
                description = "text (default) or json (shape: docs/json-schemas.md)")
        String output;

        boolean json() {
            return CliJson.wantsJson("-o", output, "text");
        }

        EncryptionVerifier verifier(EncryptionConfig config) {
            return new EncryptionVerifier(prefix, config, samples);
        }

        /** Prints the report (text, or JSON with the endpoint probes) and returns {@code rc}. */
        int print(VerificationReport r, List<Map<String, Object>> probes, int rc, PrintWriter out, boolean json) {
            if (json) {
                CliJson.print(out, reportJson(r, probes, rc));
            } else {
                r.text().forEach(out::println);
            }
            return rc;
        }
    }

    static int exitCode(VerificationReport r) {
        boolean keyFails = r.lines().stream().anyMatch(l -> l.failed() > 0);
        if (r.plaintext() > 0 || keyFails || (r.withConfig() && !r.allCurrent() && r.total() > 0)) {
            return 1;
        }
        return 0;
    }

    @Command(name = "verify-etcd", mixinStandardHelpOptions = true,
            description = {"Reads every Secret in etcd (read-only) and tells how each is stored: plaintext, aescbc, aesgcm,",
                    "secretbox, KMS v1/v2 and with which key. With --config, proves the keys by decrypting samples.",
                    "Also tells whether etcd answers a client without a certificate. Values are never shown or kept.",
                    "Exit codes: 0 all encrypted (with --config: all with the current key), 1 plaintext left / key failed /",
                    "rotation incomplete / etcd answers without a client certificate, 2 bad input, 3 etcd unreachable or credentials rejected."})
    static final class VerifyEtcd extends CliCommand {
        @Option(names = "--endpoints", required = true, split = ",", description = "etcd client URLs, e.g. https://10.0.0.10:2379")
        List<String> endpoints;

        @Option(names = "--cacert", description = "CA of etcd's server certificate (kubeadm: /etc/kubernetes/pki/etcd/ca.crt)")
        Path cacert;

        @Option(names = "--cert", description = "client certificate (kubeadm: /etc/kubernetes/pki/apiserver-etcd-client.crt)")
        Path cert;

        @Option(names = "--key", description = "client key (kubeadm: /etc/kubernetes/pki/apiserver-etcd-client.key)")
        Path key;

        @Option(names = "--config", description = "the EncryptionConfiguration to prove (its keys decrypt samples)")
        Path config;

        @Option(names = "--timeout", defaultValue = "10", description = "seconds per etcd request (default 10)")
        long timeout;

        @Mixin
        VerifyOptions verify = new VerifyOptions();

        @Override
        public Integer call() {
            boolean json = verify.json();
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            EncryptionConfig c = config == null ? null : EncryptionCommand.loadValid(config, err);
            String endpoint = endpoints.get(0);
            boolean exposed = false;
            List<Map<String, Object>> probes = new ArrayList<>();
            for (String e : endpoints) {
                EtcdReader.Exposure x = EtcdReader.probeWithoutClientCert(e, cacert, Math.min(timeout, 5));
                probes.add(CliJson.object("endpoint", e, "withoutClientCertificate",
                        x.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                        "exposed", x == EtcdReader.Exposure.PLAINTEXT_OPEN || x == EtcdReader.Exposure.TLS_NO_CLIENT_AUTH));
                String verdict = switch (x) {
                    case PLAINTEXT_OPEN -> "EXPOSED: plain http, anyone who reaches this port reads every Secret";
                    case TLS_NO_CLIENT_AUTH -> "EXPOSED: TLS without client-certificate authentication (--client-cert-auth is off)";
                    case CLIENT_CERT_REQUIRED -> "client certificate required (good)";
                    case UNREACHABLE -> "not reachable from here";
                };
                probes.get(probes.size() - 1).put("verdict", verdict);
                if (!json) {
                    out.println(e + ": " + verdict);
                }
                exposed |= x == EtcdReader.Exposure.PLAINTEXT_OPEN || x == EtcdReader.Exposure.TLS_NO_CLIENT_AUTH;
            }
            EncryptionVerifier v = verify.verifier(c);
            err.println("Reading " + v.secretsPrefix() + " from " + endpoint + " ...");
            try (EtcdReader r = new EtcdReader(endpoint, new EtcdReader.Tls(cacert, cert, key), timeout)) {
                r.scan(v.secretsPrefix(), 500, new Cancellation(), v::accept);
            }
            VerificationReport report = v.report(endpoint);
            return verify.print(report, probes, exposed ? 1 : exitCode(report), out, json);
        }
    }

    @Command(name = "verify-snapshot", mixinStandardHelpOptions = true,
            description = {"Classifies the Secrets in an etcd snapshot file (etcdctl snapshot save), offline and read-only,",
                    "including older revisions still in plaintext. Exit codes as verify-etcd (2: not a snapshot)."})
    static final class VerifySnapshot extends CliCommand {
        @Parameters(index = "0", paramLabel = "FILE", description = "the snapshot file")
        Path file;

        @Option(names = "--config", description = "the EncryptionConfiguration to prove")
        Path config;

        @Mixin
        VerifyOptions verify = new VerifyOptions();

        @Override
        public Integer call() {
            boolean json = verify.json();
            if (!Files.isRegularFile(file)) {
                throw UserFacingException.badInput(file + " does not exist or is not a file; give an etcd snapshot (etcdctl snapshot save FILE).");
            }
            EncryptionConfig c = config == null ? null : EncryptionCommand.loadValid(config, spec.commandLine().getErr());
            VerificationReport r = SnapshotVerifier.verify(file, verify.verifier(c));
            return verify.print(r, null, exitCode(r), spec.commandLine().getOut(), json);
        }
    }

    @Command(name = "patch", mixinStandardHelpOptions = true,
            description = {"The kube-apiserver change for kubeadm-style control planes: the flag(s), a read-only hostPath",
                    "volume and mount for the config directory, and the steps per control-plane node.",
                    "With --manifest FILE, writes the patched manifest to --output (never in place)."})
    static final class Patch extends CliCommand {
        @Option(names = "--dir", defaultValue = "/etc/kubernetes/enc", description = "config directory on the nodes (default /etc/kubernetes/enc)")
        String dir;

        @Option(names = "--file-name", defaultValue = "encryption-config.yaml", description = "config file name (default encryption-config.yaml)")
        String fileName;

        @Option(names = "--automatic-reload", description = "also add --encryption-provider-config-automatic-reload=true")
        boolean reload;

        @Option(names = "--manifest", description = "a copy of kube-apiserver.yaml to patch")
        Path manifest;

        @Option(names = "--output", description = "where to write the patched manifest (with --manifest)")
        Path output;

        @Mixin
        ReplaceOutputOption replace = new ReplaceOutputOption();

        @Override
        @SuppressWarnings("unchecked")
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            KubeadmPatch p = new KubeadmPatch(dir, fileName, reload);
            if (manifest != null) {
                if (output == null) {
                    throw UserFacingException.badInput("--manifest needs --output FILE (the manifest is never changed in place).");
                }
                if (output.toAbsolutePath().normalize().equals(manifest.toAbsolutePath().normalize())) {
                    throw UserFacingException.badInput("--output must differ from --manifest; copy the result over the manifest yourself after checking it.");
                }
                if (!replace.force && Files.exists(output)) {
                    throw UserFacingException.badInput(output + " already exists; choose another file or add --force.");
                }
                Map<String, Object> pod = YamlReader.readMap(EncryptionCommand.readFile(manifest), manifest.toString());
                List<String> changes = p.patchManifest(pod);
                SafeFiles.writeAtomically(output, YamlWriter.write(pod, "kube-apiserver static pod, patched by Kustodian for encryption at rest"));
                out.println(changes.isEmpty() ? "Nothing to change: " + manifest + " already has the flags, volume and mount."
                        : "Wrote " + output + ":");
                changes.forEach(c -> out.println("  - " + c));
                out.println("Check it, then on each control-plane node: copy it over " + KubeadmPatch.MANIFEST + " (keep the backup outside that folder).");
                return 0;
            }
            var b = p.bundle();
            for (Manifest m : b.manifests()) {
                out.println("# ---- " + m.fileName() + " ----");
                out.print(m.content());
            }
            b.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = {"Encryption at rest of a cluster: kube-apiserver flags, managed-cluster advice, /metrics (write",
                    "prefixes, loaded config hash compared with --config) and the findings. Exit 0 encrypted, 1 not, 3 unreachable."})
    static final class Status extends CliCommand {
        @Mixin
        SourceOptions source;

        @Option(names = "--config", description = "a config file to compare with the hash the API servers report")
        Path config;

        @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
                description = "text (default) or json (shape: docs/json-schemas.md)")
        String output;

        @Option(names = "--cis-benchmark", paramLabel = "NAME",
                description = "number the findings' CIS ids as in this benchmark (default: the one kube-bench picks "
                        + "from the server version and platform)")
        String cisBenchmark;

        @Override
        public Integer call() throws IOException {
            boolean json = CliJson.wantsJson("-o", output, "text");
            String chosen = cisBenchmark == null ? null : dev.kustodian.core.findings.CisBenchmarks.require(cisBenchmark);
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Progress progress = CliOutput.of(spec).progress();
            java.util.Optional<byte[]> file = config == null ? java.util.Optional.empty()
                    : java.util.Optional.of(EncryptionCommand.readFile(config).getBytes(StandardCharsets.UTF_8));
            try (ClusterSession session = ClusterLoader.open(source.toSpec(), progress, new Cancellation())) {
                var metrics = session.cluster().flatMap(dev.kustodian.core.encryption.ApiserverMetrics::fetch);
                var raw = dev.kustodian.core.encryption.EncryptionStatus.describe(session.snapshot(), metrics, file);
                String benchmark = chosen != null ? chosen
                        : dev.kustodian.core.analysis.Analysis.cisBenchmarkOf(session.snapshot());
                var st = new dev.kustodian.core.encryption.EncryptionStatus.Status(raw.lines(),
                        dev.kustodian.core.findings.CisBenchmarks.translateAll(raw.findings(), benchmark));
                boolean notConfigured = st.findings().stream().anyMatch(f -> f.rule().equals("ENC-NOT-CONFIGURED"));
                if (json) {
                    Map<String, Object> doc = statusJson(session.snapshot(), metrics, file, st, !notConfigured);
                    doc.put("cisBenchmark", benchmark);
                    CliJson.print(out, doc);
                    return notConfigured ? 1 : 0;
                }
                st.lines().forEach(out::println);
                for (var f : st.findings()) {
                    out.println(f.severity().label() + " " + f.rule() + " " + f.object().display() + ": " + f.title()
                            + (f.cis().isEmpty() ? "" : " (CIS " + String.join(", ", f.cis()) + " in " + benchmark + ")"));
                }
                return notConfigured ? 1 : 0;
            }
        }
    }

    /**
     * {@code encryption status -o json}: {@code {"encrypted", "managed", "apiservers": [...], "metrics", "lines",
     * "findings"}}.
     */
    static Map<String, Object> statusJson(dev.kustodian.core.model.ClusterSnapshot snapshot,
                                          java.util.Optional<dev.kustodian.core.encryption.ApiserverMetrics> metrics,
                                          java.util.Optional<byte[]> file,
                                          dev.kustodian.core.encryption.EncryptionStatus.Status st, boolean encrypted) {
        var managed = dev.kustodian.core.encryption.EncryptionPosture.managed(snapshot)
                .map(m -> CliJson.object("platform", m.name(), "label", m.label(), "howTo", m.howTo())).orElse(null);
        List<Object> apis = new ArrayList<>();
        for (var a : dev.kustodian.core.encryption.EncryptionPosture.apiservers(snapshot)) {
            apis.add(CliJson.object("pod", a.pod(), "node", a.node(), "encryptionConfigured", a.encryptionConfigured(),
                    "configPath", a.configPath(), "automaticReload", a.automaticReload()));
        }
        Map<String, Object> m = metrics.map(x -> CliJson.object(
                "secretWritesByPrefix", x.secretWritesByPrefix(),
                "dominantWritePrefix", x.dominantWritePrefix(),
                "configHashReported", !x.configHashes().isEmpty(),
                "configMatches", file.isEmpty() || x.configHashes().isEmpty() ? null : x.reportsConfig(file.get())))
                .orElse(null);
        return CliJson.object("encrypted", encrypted, "managed", managed, "apiservers", apis, "metrics", m,
                "lines", st.lines(), "findings", CliJson.findings(st.findings()));
    }

    /** {@code verify-etcd|verify-snapshot -o json}: the report's counts, forms and (etcd) endpoint exposures. */
    static Map<String, Object> reportJson(VerificationReport r, List<Map<String, Object>> endpoints, int exitCode) {
        List<Object> forms = new ArrayList<>();
        for (VerificationReport.Line l : r.lines()) {
            forms.add(CliJson.object("form", l.form(), "format", l.format().name().toLowerCase(java.util.Locale.ROOT),
                    "keyName", l.keyName(), "kmsKeyId", l.kmsKeyId(), "dekSource", l.dekSource(), "count", l.count(),
                    "current", l.current(), "keyInConfig", l.keyInConfig(), "decrypted", l.decrypted(),
                    "failed", l.failed(), "identityMismatch", l.identityMismatch(), "failure", l.failure()));
        }
        Map<String, Object> o = CliJson.object("source", r.source());
        if (endpoints != null) {
            o.put("endpoints", endpoints);
        }
        o.putAll(CliJson.object("summary", r.summary(), "total", r.total(), "plaintext", r.plaintext(),
                "historicalPlaintext", r.historicalPlaintext(), "currentForm", r.currentForm(),
                "withConfig", r.withConfig(), "allCurrent", r.allCurrent(), "forms", forms,
                "plaintextObjects", r.plaintextObjects(), "ok", exitCode == 0));
        return o;
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = "Key rotation: 'plan' writes the config file of every step, 'rewrite' rewrites all Secrets.",
            subcommands = {RotatePlan.class, RotateRewrite.class})
    static final class Rotate extends GroupCommand {
    }

    @Command(name = "plan", mixinStandardHelpOptions = true,
            description = {"Writes the config files of the official rotation (new key second, then first, rewrite, remove",
                    "the old key) to --output-dir (mode 0600) and prints each step with how to confirm it."})
    static final class RotatePlan extends CliCommand {
        @Option(names = "--current", required = true, description = "the current EncryptionConfiguration")
        Path current;

        @Option(names = "--provider", defaultValue = "secretbox", description = "provider of the new key: secretbox (default), aesgcm, aescbc")
        String provider;

        @Option(names = "--key-name", description = "name of the new key (default key-<UTC timestamp>)")
        String keyName;

        @Option(names = "--drop-identity", description = "remove identity in the last step (only when no plaintext Secret is left)")
        boolean dropIdentity;

        @Option(names = "--output-dir", description = "folder for the step files (mode 0600); without it only the steps are printed, keys masked")
        Path outputDir;

        @Option(names = "--force", description = "replace existing step files")
        boolean force;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            EncryptionConfig cur = EncryptionCommand.loadValid(current, spec.commandLine().getErr());
            List<String> taken = new ArrayList<>();
            cur.resources().forEach(e -> e.providers().forEach(p -> p.keys().forEach(k -> taken.add(k.name()))));
            String n = keyName != null ? keyName : KeyGenerator.uniqueName(taken, Clock.systemUTC());
            KeyGenerator.GeneratedKey k = KeyGenerator.generate(n);
            List<RotationPlan.Step> steps = RotationPlan.plan(cur, EncryptionCommand.providerType(provider),
                    new EncryptionConfig.Key(k.name(), k.secretBase64()), dropIdentity);
            if (outputDir != null) {
                for (RotationPlan.Step s : steps) {
                    if (s.configFileName() != null && !force && Files.exists(outputDir.resolve(s.configFileName()))) {
                        throw UserFacingException.badInput(outputDir.resolve(s.configFileName()) + " already exists; use another --output-dir or --force.");
                    }
                }
                for (RotationPlan.Step s : steps) {
                    if (s.configFileName() != null) {
                        byte[] b = s.configYaml().getBytes(StandardCharsets.UTF_8);
                        try {
                            SafeFiles.writePrivate(outputDir.resolve(s.configFileName()), b, force);
                        } catch (FileAlreadyExistsException e) {
                            throw UserFacingException.badInput(e.getFile() + " already exists; use --force.");
                        } finally {
                            SafeFiles.wipe(b);
                        }
                    }
                }
            }
            for (RotationPlan.Step s : steps) {
                out.println("Step " + s.number() + ": " + s.title()
                        + (s.configFileName() == null ? "" : outputDir == null ? " [" + s.configFileName() + ", not written: add --output-dir]"
                        : " [" + outputDir.resolve(s.configFileName()) + ", mode 0600]"));
                s.actions().forEach(a -> out.println("  do:      " + a));
                s.confirm().forEach(c -> out.println("  confirm: " + c));
            }
            return 0;
        }
    }

    @Command(name = "rewrite", mixinStandardHelpOptions = true,
            description = {"Rewrites every Secret unchanged so kube-apiserver stores it with the current (first) provider.",
                    "Per namespace, retries conflicts, resumable through --state. Shows the count and stops unless --yes."})
    static final class RotateRewrite extends CliCommand {
        @Mixin
        SourceOptions source;

        @Option(names = "--state", defaultValue = "kustodian-rewrite.state", description = "resume file of completed namespaces (default ./kustodian-rewrite.state)")
        Path state;

        @Option(names = "--yes", description = "start without asking (otherwise only the count is shown)")
        boolean yes;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Cancellation cancel = new Cancellation();
            Progress progress = CliOutput.of(spec).progress();
            try (ClusterSession session = ClusterLoader.open(source.toSpec(), progress, cancel)) {
                var client = session.cluster().orElseThrow(() -> UserFacingException.badInput(
                        "Rewriting needs a live cluster (--kubeconfig/--context), not a snapshot file."));
                SecretRewriter r = new SecretRewriter(client, state, 5);
                SecretRewriter.Count count = r.count();
                out.println(count.total() + " Secret(s) in " + count.perNamespace().size() + " namespace(s); "
                        + count.remaining() + " to rewrite" + (count.alreadyDone().isEmpty() ? "" : " ("
                        + count.alreadyDone().size() + " namespace(s) already done according to " + state + ")") + ".");
                if (!yes) {
                    out.println("Add --yes to start.");
                    return 0;
                }
                Thread hook = new Thread(cancel::cancel);
                Runtime.getRuntime().addShutdownHook(hook);
                SecretRewriter.Result res;
                try {
                    res = r.run(count, progress, cancel);
                } finally {
                    try {
                        Runtime.getRuntime().removeShutdownHook(hook);
                    } catch (IllegalStateException shuttingDown) {
                        // the JVM is already exiting (Ctrl-C): the hook has cancelled the run
                    }
                }
                out.println("Rewrote " + res.rewritten() + " Secret(s); " + res.conflictsRetried() + " conflict(s) retried; "
                        + res.vanished() + " deleted meanwhile.");
                res.failures().forEach(f -> out.println("  failed: " + f));
                if (res.cancelled()) {
                    out.println("Cancelled; run again to resume.");
                    return 130;
                }
                return res.failures().isEmpty() ? 0 : 1;
            }
        }
    }
}
