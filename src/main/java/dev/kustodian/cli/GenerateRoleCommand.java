package dev.kustodian.cli;

import dev.kustodian.cli.common.CliCommand;
import dev.kustodian.cli.common.SourceOptions;

import dev.kustodian.core.cluster.ClusterLoader;
import dev.kustodian.core.roles.EnginePermissionChecker;
import dev.kustodian.core.roles.PermissionChecker;
import dev.kustodian.core.roles.RoleRecheck;
import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.roles.AuditLogReader;
import dev.kustodian.core.roles.Permission;
import dev.kustodian.core.roles.RbacSubject;
import dev.kustodian.core.roles.RoleGenerator;
import dev.kustodian.core.roles.RolePresets;
import dev.kustodian.core.roles.RoleRequest;
import dev.kustodian.core.roles.RoleSynthesizer;
import dev.kustodian.core.roles.ScopeTable;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.UserFacingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code kustodian generate role}: the role wizard on the command line, or rules synthesized from audit logs. */
@Command(name = "role", mixinStandardHelpOptions = true,
        description = {"Generate a least-privilege Role/ClusterRole and its binding for one subject,",
                "from rules and presets, or from what the subject was seen doing in audit logs (--from-audit).",
                "YAML goes to stdout (or --output DIR), warnings and the usage report to stderr.",
                "Exit codes: 0 generated, 1 nothing to generate (e.g. no request by the subject), 2 bad input."})
public final class GenerateRoleCommand extends CliCommand {
    @Option(names = "--subject", required = true, paramLabel = "SUBJECT",
            description = "serviceaccount:NAMESPACE/NAME, user:NAME or group:NAME.")
    String subject;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS",
            description = "Namespace for a Role + RoleBinding (repeatable: one of each per namespace).")
    List<String> namespaces = new ArrayList<>();

    @Option(names = "--cluster", description = "One ClusterRole + ClusterRoleBinding instead of namespaced Roles.")
    boolean cluster;

    @Option(names = "--rule", paramLabel = "GROUP:RESOURCES:VERBS[:NAMES]",
            description = "A permission (repeatable), e.g. ':secrets:get:db-creds', 'apps:deployments,deployments/scale:get,patch', ':/metrics:get'. The core group is '' or 'core'.")
    List<String> rules = new ArrayList<>();

    @Option(names = "--preset", paramLabel = "NAME[=ARG]",
            description = "Preset permissions (repeatable): read-secret=NAME[,NAME], ci-deployer, auditor, eso-controller, cert-manager-issuer.")
    List<String> presets = new ArrayList<>();

    @Option(names = "--name", paramLabel = "NAME", description = "Name of the roles and bindings (default: from the subject).")
    String name;

    @Option(names = "--from-audit", arity = "1..*", paramLabel = "FILE",
            description = "Audit log files (audit.k8s.io/v1 or v1beta1 JSON lines, plain or gzip): generate the smallest rules that allow what the subject did.")
    List<Path> auditFiles = new ArrayList<>();

    @Option(names = "--include-denied", description = "With --from-audit: also grant the requests that were denied (403).")
    boolean includeDenied;

    @Option(names = "--max-names", paramLabel = "N", defaultValue = "5",
            description = "With --from-audit: restrict a rule to resourceNames only when at most N objects were named (default ${DEFAULT-VALUE}; 0: never).")
    int maxNames;

    @Option(names = "--include-default-urls",
            description = "With --from-audit: also write rules for discovery/health URLs (/api, /apis, /healthz, /version...) that every authenticated user already has.")
    boolean includeDefaultUrls;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Write the files (and kustomization.yaml) to DIR instead of stdout.")
    Path output;

    @Mixin
    RoleFolderOutput folder = new RoleFolderOutput();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "yaml",
            description = "yaml (default) or json: with --from-audit, the usage report and the generated YAML as one "
                    + "JSON object on stdout (shape: docs/json-schemas.md).")
    String format;

    @Mixin
    SourceOptions source;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RbacSubject who = RbacSubject.parse(subject);
        boolean json = CliJson.wantsJson("--format", format, "yaml");
        if (json && auditFiles.isEmpty()) {
            throw UserFacingException.badInput("--format json is the usage report of --from-audit: add --from-audit FILE, "
                    + "or leave out --format.");
        }
        Map<String, Object> usage = null;
        ClusterSnapshot snap = snapshot(err);
        ScopeTable scopes = snap == null ? ScopeTable.builtIn() : ScopeTable.of(snap);
        // the applying user's permissions (from the session's identity): "applier-lacks" guidance
        PermissionChecker checker = EnginePermissionChecker.forApplier(snap);
        Bundle bundle;
        if (!auditFiles.isEmpty()) {
            if (!rules.isEmpty() || !presets.isEmpty() || !namespaces.isEmpty() || cluster) {
                throw UserFacingException.badInput("--from-audit decides rules and scope from the logs: leave out "
                        + "--rule, --preset, --namespace and --cluster.");
            }
            if (maxNames < 0) {
                throw UserFacingException.badInput("--max-names must be 0 or more.");
            }
            RoleSynthesizer.Options options = new RoleSynthesizer.Options(includeDenied, maxNames, includeDefaultUrls, name);
            RoleSynthesizer.Collector collector = new RoleSynthesizer.Collector(who, options);
            AuditLogReader.Result read = new AuditLogReader(CliOutput.of(spec).progress(), new Cancellation()).read(auditFiles, collector);
            bundle = RoleSynthesizer.bundle(collector, read, scopes, checker);
            if (!bundle.hasErrors()) {
                RoleRecheck.Result recheck = RoleRecheck.check(who, bundle, collector.observed(), scopes);
                bundle = RoleRecheck.attach(bundle, recheck);
                err.println(recheck.summary());
                usage = RolesJson.usage(who, read, collector.observed(), recheck);
            } else {
                usage = RolesJson.usage(who, read, collector.observed(), null);
            }
            for (Bundle.Problem p : bundle.problems()) {
                if (p.error() && "--name".equals(p.path())) {
                    throw UserFacingException.badInput(p.message());
                }
            }
            if (!json) {
                bundle.manifests().stream().filter(m -> m.fileName().equals("usage-report.txt"))
                        .forEach(m -> err.print(m.content()));
            }
        } else {
            if (includeDenied || includeDefaultUrls) {
                throw UserFacingException.badInput("--include-denied and --include-default-urls only apply with --from-audit.");
            }
            List<Permission> perms = new ArrayList<>();
            for (String p : presets) {
                perms.addAll(RolePresets.permissions(p));
            }
            for (String r : rules) {
                perms.add(Permission.parse(r));
            }
            RoleRequest req = new RoleRequest(who, namespaces, cluster, perms, name);
            bundle = RoleGenerator.generate(req, scopes, checker);
            if (bundle.hasErrors()) {
                bundle.problems().forEach(p -> err.println(p));
                throw UserFacingException.badInput("Nothing generated: fix the problems above.");
            }
        }
        if (bundle.hasErrors()) {
            bundle.problems().forEach(p -> err.println(p));
            if (json) {
                Map<String, Object> doc = CliJson.object("usage", usage);
                doc.putAll(RolesJson.bundle(bundle, List.of()));
                doc.put("yaml", null);
                CliJson.print(out, doc);
            }
            return 1;
        }
        bundle.problems().forEach(p -> err.println(p));
        bundle.warnings().forEach(w -> err.println("warning: " + w));
        List<Path> written = output == null ? null : folder.write(bundle, output);
        if (json) {
            Map<String, Object> doc = CliJson.object("usage", usage);
            doc.putAll(RolesJson.bundle(bundle, written));
            CliJson.print(out, doc);
        } else if (written == null) {
            out.print(bundle.combinedYaml());
        } else {
            written.forEach(p -> out.println("wrote " + p));
        }
        out.flush();
        bundle.nextSteps().forEach(s -> err.println("next: " + s));
        err.flush();
        return 0;
    }

    /** The named cluster or snapshot (API discovery, the applier's permissions), or null when none is named. */
    private ClusterSnapshot snapshot(PrintWriter err) {
        if (source == null || !source.given()) {
            return null;
        }
        try (ClusterSession s = ClusterLoader.open(source.toSpec(), CliOutput.of(spec).progress(), new Cancellation())) {
            return s.snapshot();
        }
    }
}
