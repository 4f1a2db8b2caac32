package dev.kustodian.cli.common;

import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.output.FolderWriter;
import dev.kustodian.core.output.GenerationRequest;
import dev.kustodian.core.output.RequestField;
import dev.kustodian.core.output.Manifest;
import dev.kustodian.core.util.UserFacingException;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;

/**
 * Prints a Bundle (stdout) or saves it (--output DIR, --force), with warnings and next steps on stderr; and turns a
 * core {@link GenerationRequest}'s input problems into the CLI's bad-input errors (exit 2) naming flags.
 */
public final class BundleOutput {
    private BundleOutput() {
    }

    /** Options every generate command shares. */
    public static final class Options {
        @CommandLine.Option(names = {"-O", "--output"}, paramLabel = "DIR",
                description = "Write one file per object plus kustomization.yaml into DIR instead of printing.")
        public Path output;

        @CommandLine.Option(names = "--force", description = "Overwrite existing files in --output DIR.")
        public boolean force;
    }

    /** @param stdoutOnly when set, print only this side file to stdout (e.g. the IAM policy JSON) */
    public static int emit(CommandLine.Model.CommandSpec spec, Bundle bundle, Options o, String stdoutOnly) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Bundle.Problem p : bundle.problems()) {
            err.println(p);
        }
        if (bundle.hasErrors()) {
            err.println("error: the generated configuration is not valid (see above); nothing was written.");
            err.flush();
            return 1;
        }
        for (String w : bundle.warnings()) {
            err.println("warning: " + w);
        }
        if (o != null && o.output != null) {
            try {
                FolderWriter.Result r = FolderWriter.write(bundle, o.output, files -> o.force);
                if (!r.declined().isEmpty()) {
                    throw UserFacingException.badInput("These files exist already: " + r.declined()
                            + ". Use --force to overwrite them or choose another --output folder.");
                }
                for (Path p : r.written()) {
                    err.println("wrote " + p);
                }
            } catch (IOException e) {
                throw new UserFacingException(UserFacingException.Category.BAD_INPUT, "Cannot write to the output "
                        + "folder " + o.output + ": " + dev.kustodian.core.util.IoErrors.describe(e)
                        + ". Choose a writable folder with --output.", false, e);
            }
        } else if (stdoutOnly != null) {
            bundle.manifests().stream().filter(m -> m.fileName().equals(stdoutOnly)).findFirst()
                    .ifPresent(m -> out.print(m.content()));
            for (Manifest m : bundle.manifests()) {
                if (!m.fileName().equals(stdoutOnly)) {
                    err.println("also generated (use --output DIR to save it): " + m.fileName());
                }
            }
        } else {
            out.print(bundle.applyableText());
        }
        for (String n : bundle.nextSteps()) {
            err.println("next: " + n);
        }
        out.flush();
        err.flush();
        return 0;
    }

    /**
     * The request's bundle; its first input problem is a bad-input error (exit 2) whose {@code {field}} tokens are
     * the command's flags: {@code --} + the key in kebab case, or the flag named in {@code flags} (key → flag).
     */
    public static Bundle generate(GenerationRequest<?> request, Map<String, String> flags) {
        for (Bundle.Problem p : request.validate()) {
            if (p.error()) {
                throw UserFacingException.badInput(p.render(k -> flag(k, flags)).message());
            }
        }
        return request.generate();
    }

    /** The flag of a request field key (with dashes). */
    public static String flag(String key, Map<String, String> flags) {
        return "--" + flags.getOrDefault(key, RequestField.kebab(key));
    }

    /** Parses KEY=VALUE options. */
    public static Map<String, String> pairs(List<String> values, String option) {
        Map<String, String> m = new LinkedHashMap<>();
        if (values == null) {
            return m;
        }
        for (String v : values) {
            int i = v.indexOf('=');
            if (i <= 0) {
                throw UserFacingException.badInput(option + " expects KEY=VALUE, got '" + v + "'.");
            }
            m.put(v.substring(0, i), v.substring(i + 1));
        }
        return m;
    }

    public static String require(String value, String option, String why) {
        if (value == null || value.isBlank()) {
            throw UserFacingException.badInput("Missing " + option + ": " + why + ".");
        }
        return value;
    }
}
