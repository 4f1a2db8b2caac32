package dev.kustodian.cli;

import dev.kustodian.cli.common.CliCommand;
import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.encryption.EncryptionConfig;
import dev.kustodian.core.encryption.EncryptionConfigAnalyzer;
import dev.kustodian.core.encryption.EncryptionConfigBuilder;
import dev.kustodian.core.encryption.EncryptionConfigParser;
import dev.kustodian.core.encryption.EncryptionConfigValidator;
import dev.kustodian.core.encryption.KeyGenerator;
import dev.kustodian.core.findings.Severity;
import dev.kustodian.core.util.UserFacingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@code kustodian encryption ...}: encryption at rest (issue 5). */
@Command(name = "encryption", mixinStandardHelpOptions = true,
        description = "Encryption at rest: validate and build EncryptionConfiguration files, generate keys, "
                + "patch kube-apiserver, verify etcd and snapshots.",
        subcommands = {
                EncryptionCommand.Validate.class,
                EncryptionCommand.Keygen.class,
                EncryptionCommand.Config.class,
                EncryptionEtcdCommands.VerifyEtcd.class,
                EncryptionEtcdCommands.VerifySnapshot.class,
                EncryptionEtcdCommands.Patch.class,
                EncryptionEtcdCommands.Status.class,
                EncryptionEtcdCommands.Rotate.class,
        })
public final class EncryptionCommand extends GroupCommand {

    /** Reads a config file; unreadable → exit 2. */
    static String readFile(Path file) {
        return dev.kustodian.core.util.InputFiles.readText(file, EncryptionConfigParser.FILE,
                dev.kustodian.core.util.InputFiles.CONFIG_BUDGET);
    }

    /** Writes a key-bearing {@code --output} file: one that exists without --force is bad input, others fail (exit 1). */
    static void writePrivate(Path output, Write write) {
        try {
            write.run();
        } catch (FileAlreadyExistsException e) {
            throw UserFacingException.badInput(output + " already exists; choose another file or add --force to replace it.");
        } catch (IOException e) {
            throw new UserFacingException(UserFacingException.Category.FAILED, output + " could not be written ("
                    + dev.kustodian.core.util.IoErrors.reason(e) + "); check the folder and its permissions.");
        }
    }

    /** A file write that may fail. */
    interface Write {
        void run() throws IOException;
    }

    /** Parses and validates; throws exit 1 with the errors when invalid. */
    static EncryptionConfig loadValid(Path file, PrintWriter err) {
        EncryptionConfigParser.Result r = EncryptionConfigParser.parseFile(file);
        List<Bundle.Problem> errors = new ArrayList<>(r.errors());
        if (r.config() != null) {
            errors.addAll(EncryptionConfigValidator.validate(r.config(), false));
        }
        if (!errors.isEmpty()) {
            errors.forEach(e -> err.println(e.describe()));
            throw new UserFacingException(UserFacingException.Category.FAILED, file
                    + " is not a valid EncryptionConfiguration (" + errors.size() + " error(s) above); run "
                    + "'kustodian encryption validate " + file + "'.");
        }
        return r.config();
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Validates an EncryptionConfiguration with kube-apiserver's own rules.",
                    "Prints '<field path>: <message>' per error; warnings on stderr.",
                    "Exit codes: 0 valid, 1 invalid, 2 unreadable."})
    static final class Validate extends CliCommand {
        @Parameters(index = "0", paramLabel = "FILE", description = "the EncryptionConfiguration file")
        Path file;

        @Option(names = "--automatic-reload", description = "validate as with --encryption-provider-config-automatic-reload (KMS v1 names must be unique too)")
        boolean reload;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            EncryptionConfigParser.Result r = EncryptionConfigParser.parseFile(file);
            if (r.config() == null) {
                // not YAML, empty or not a mapping: unreadable (exit 2), not an invalid configuration (exit 1)
                throw UserFacingException.badInput(r.unreadable(file));
            }
            List<Bundle.Problem> errors = new ArrayList<>(r.errors());
            errors.addAll(EncryptionConfigValidator.validate(r.config(), reload));
            for (Bundle.Problem e : errors) {
                out.println(e.describe());
            }
            if (r.config() != null) {
                EncryptionConfigValidator.extraWarnings(r.config()).forEach(w -> err.println("warning: " + w.describe()));
                if (r.config().legacy()) {
                    err.println("warning: apiVersion v1 / kind EncryptionConfig is the legacy form; use apiVersion: "
                            + EncryptionConfigParser.API_VERSION + " and kind: " + EncryptionConfigParser.KIND + ".");
                }
                EncryptionConfigAnalyzer.Analysis a = EncryptionConfigAnalyzer.analyze(r.config());
                for (EncryptionConfigAnalyzer.Observation o : a.observations()) {
                    if (o.severity().atLeast(Severity.LOW)) {
                        err.println("warning: " + o.message());
                    }
                }
            }
            if (errors.isEmpty()) {
                out.println(file + ": valid EncryptionConfiguration");
                return 0;
            }
            err.println(file + ": " + errors.size() + " error(s); kube-apiserver would refuse to start with this file.");
            return 1;
        }
    }

    @Command(name = "keygen", mixinStandardHelpOptions = true,
            description = {"Generates a 32-byte key (SecureRandom DRBG, base64) for aescbc, aesgcm or secretbox.",
                    "Printed once to stdout unless --output is given (then written 0600, nothing printed)."})
    static final class Keygen extends CliCommand {
        @Option(names = "--provider", defaultValue = "secretbox", description = "secretbox (default), aesgcm or aescbc")
        String provider;

        @Option(names = "--name", description = "key name (default key-<UTC timestamp>); no ':'")
        String name;

        @Option(names = "--output", description = "save the key (base64) to this file, mode 0600")
        Path output;

        @Mixin
        ReplaceOutputOption replace = new ReplaceOutputOption();

        @Override
        public Integer call() {
            EncryptionConfig.ProviderType t = providerType(provider);
            String n = name != null ? name : KeyGenerator.uniqueName(List.of(), Clock.systemUTC());
            KeyGenerator.GeneratedKey key = KeyGenerator.generate(n);
            PrintWriter out = spec.commandLine().getOut();
            if (output != null) {
                writePrivate(output, () -> KeyGenerator.save(key, output, replace.force));
                out.println("Saved key '" + n + "' (32 bytes, " + t.field() + ") to " + output + " (mode 0600).");
                return 0;
            }
            spec.commandLine().getErr().println("Key '" + n + "' for " + t.field() + " (shown once; it is not stored anywhere):");
            out.println("- name: " + n);
            out.println("  secret: " + key.secretBase64());
            return 0;
        }
    }

    static EncryptionConfig.ProviderType providerType(String p) {
        return switch (p.toLowerCase(java.util.Locale.ROOT)) {
            case "secretbox" -> EncryptionConfig.ProviderType.SECRETBOX;
            case "aesgcm" -> EncryptionConfig.ProviderType.AESGCM;
            case "aescbc" -> EncryptionConfig.ProviderType.AESCBC;
            default -> throw new IllegalArgumentException("Unknown provider '" + p + "': use secretbox, aesgcm or aescbc.");
        };
    }

    @Command(name = "config", mixinStandardHelpOptions = true,
            description = {"Builds an EncryptionConfiguration with a new key (or KMS v2) and writes it 0600 to --output.",
                    "Without --output only the masked preview is printed."})
    static final class Config extends CliCommand {
        @Option(names = "--provider", defaultValue = "secretbox", description = "secretbox (recommended), aesgcm, aescbc or kms")
        String provider;

        @Option(names = "--resource", description = "resources to encrypt (repeatable; default secrets)")
        List<String> resources;

        @Option(names = "--configmaps", description = "also encrypt configmaps")
        boolean configmaps;

        @Option(names = "--key-name", description = "name of the new key (default key-<UTC timestamp>)")
        String keyName;

        @Option(names = "--kms-name", description = "KMS v2 provider name")
        String kmsName;

        @Option(names = "--kms-endpoint", description = "KMS v2 plugin endpoint, unix:///path/to/socket")
        String kmsEndpoint;

        @Option(names = "--kms-timeout", defaultValue = "3s", description = "KMS v2 timeout (default 3s)")
        String kmsTimeout;

        @Option(names = "--current", description = "the current EncryptionConfiguration; its providers stay for reading")
        Path current;

        @Option(names = "--no-identity", description = "do not keep identity last (only when no plaintext data is left)")
        boolean noIdentity;

        @Option(names = "--output", description = "write the config here (mode 0600)")
        Path output;

        @Mixin
        ReplaceOutputOption replace = new ReplaceOutputOption();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            EncryptionConfigBuilder b = new EncryptionConfigBuilder();
            List<String> res = new ArrayList<>(resources == null || resources.isEmpty() ? List.of("secrets") : resources);
            if (configmaps && !res.contains("configmaps")) {
                res.add("configmaps");
            }
            b.resources(res);
            List<String> taken = new ArrayList<>();
            if (current != null) {
                EncryptionConfig cur = loadValid(current, err);
                EncryptionConfigAnalyzer.entryFor(cur, "secrets").ifPresent(e -> {
                    b.keepForReading(e.providers());
                    e.providers().forEach(p -> p.keys().forEach(k -> taken.add(k.name())));
                });
            }
            if (provider.equalsIgnoreCase("kms")) {
                if (kmsName == null || kmsEndpoint == null) {
                    throw UserFacingException.badInput("--provider kms needs --kms-name and --kms-endpoint unix:///path/to/plugin.sock.");
                }
                Duration d = EncryptionConfigParser.parseGoDuration(kmsTimeout);
                if (d == null) {
                    throw UserFacingException.badInput("--kms-timeout '" + kmsTimeout + "' is not a duration; use e.g. 3s or 500ms.");
                }
                b.kmsV2(kmsName, kmsEndpoint, d);
            } else {
                String n = keyName != null ? keyName : KeyGenerator.uniqueName(taken, Clock.systemUTC());
                if (taken.contains(n)) {
                    throw UserFacingException.badInput("Key name '" + n + "' is already used in " + current + "; choose another --key-name.");
                }
                KeyGenerator.GeneratedKey k = KeyGenerator.generate(n);
                b.keyProvider(providerType(provider), new EncryptionConfig.Key(k.name(), k.secretBase64()));
            }
            b.plaintextDataExists(!noIdentity);
            EncryptionConfigBuilder.Generated g = b.build();
            g.bundle().problems().forEach(p -> err.println(p));
            if (g.bundle().hasErrors()) {
                return 1;
            }
            g.bundle().warnings().forEach(w -> err.println("warning: " + w));
            if (output == null) {
                out.println("# kube-apiserver --encryption-provider-config file: not for kubectl apply (keys masked)");
                out.print(g.maskedYaml());
                out.flush();
                err.println("Preview only (keys masked). Add --output FILE to write the real file (mode 0600).");
                return 0;
            }
            writePrivate(output, () -> EncryptionConfigBuilder.writePrivate(g, output, replace.force));
            out.println("Wrote " + output + " (mode 0600). Next steps:");
            for (String s : EncryptionConfigBuilder.nextSteps(output.toString())) {
                out.println("  - " + s);
            }
            return 0;
        }
    }
}
