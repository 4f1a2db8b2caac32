package dev.kustodian.cli;

import dev.kustodian.cli.common.CliCommand;
import dev.kustodian.cli.common.SourceOptions;
import dev.kustodian.core.cluster.ClusterLoader;
import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.roles.RbacSubject;
import dev.kustodian.core.roles.RightSize;
import dev.kustodian.core.roles.RoleSynthesizer;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.Progress;
import dev.kustodian.core.util.UserFacingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code kustodian rbac unused --subject S --from-audit FILE... [source]}: the subject's effective permissions
 * minus what the audit logs show it used, and the binding changes that remove the rest.
 */
@Command(name = "unused", mixinStandardHelpOptions = true,
        description = "Permissions a subject holds but did not use in the audit logs, and the binding changes that "
                + "remove them (replace broad bindings by a generated least-privilege role).")
public final class RbacUnusedCommand extends CliCommand {
    @Option(names = "--subject", required = true, paramLabel = "SUBJECT",
            description = "serviceaccount:NAMESPACE/NAME (or sa:), user:NAME or group:NAME.")
    String subject;

    @Option(names = "--from-audit", arity = "1..*", required = true, paramLabel = "FILE",
            description = "Audit log files (audit.k8s.io/v1 or v1beta1 Event JSON lines, plain or gzip).")
    List<Path> auditFiles = new ArrayList<>();

    @Option(names = "--max-names", paramLabel = "N", defaultValue = "5",
            description = "Restrict the generated role by resourceNames when at most N objects were named (default 5; 0 = never).")
    int maxNames;

    @Option(names = "--name", paramLabel = "NAME", description = "Name of the generated role (default <subject>-observed).")
    String name;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Write the generated role, the changed bindings and the reports to DIR.")
    Path output;

    @Mixin
    RoleFolderOutput folder = new RoleFolderOutput();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default) or json: the report, the usage report and the changes as one JSON object "
                    + "on stdout (shape: docs/json-schemas.md).")
    String format;

    @Mixin
    SourceOptions source;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RbacSubject who = RbacSubject.parse(subject);
        boolean json = CliJson.wantsJson("--format", format, "text");
        if (maxNames < 0) {
            throw UserFacingException.badInput("--max-names must be 0 or more.");
        }
        Progress progress = CliOutput.of(spec).progress();
        RightSize.Outcome o;
        try (ClusterSession session = ClusterLoader.open(source.toSpec(), progress, new Cancellation())) {
            o = RightSize.run(session.snapshot(), who, auditFiles,
                    new RoleSynthesizer.Options(false, maxNames, false, name), progress, new Cancellation());
        }
        for (Bundle.Problem p : o.generated().problems()) {
            if (p.error() && "--name".equals(p.path())) {
                throw UserFacingException.badInput(p.message());
            }
        }
        if (o.generated().hasErrors() && o.observed().isEmpty()) {
            err.print(o.usageReport());
            o.generated().problems().forEach(p -> err.println(p));
            err.println("Nothing to compare: without observed use every permission would look unused.");
            err.flush();
            return 1;
        }
        if (o.recheck() != null) {
            err.println(o.recheck().summary());
        }
        Bundle bundle = o.unused().bundle();
        bundle.warnings().forEach(w -> err.println("warning: " + w));
        if (json) {
            List<Path> written = output == null ? null : folder.write(bundle, output);
            java.util.Map<String, Object> doc = CliJson.object("subject", who.toString(),
                    "usage", RolesJson.usage(who, o.read(), o.observed(), o.recheck()));
            doc.putAll(RolesJson.unused(o.unused()));
            doc.putAll(RolesJson.bundle(bundle, written));
            CliJson.print(out, doc);
        } else if (output == null) {
            out.print(o.unused().report());
            if (!bundle.objects().isEmpty()) {
                out.println();
                out.println("# The changes as YAML (apply with a server-side dry-run first):");
                out.print(bundle.combinedYaml());
            }
        } else {
            folder.write(bundle, output).forEach(p -> out.println("wrote " + p));
        }
        out.flush();
        bundle.nextSteps().forEach(s -> err.println("next: " + s));
        err.flush();
        return 0;
    }
}
