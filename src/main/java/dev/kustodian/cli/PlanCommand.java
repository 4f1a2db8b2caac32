package dev.kustodian.cli;

import dev.kustodian.cli.common.CliCommand;
import dev.kustodian.cli.common.SourceOptions;
import dev.kustodian.core.accept.AcceptedRisks;
import dev.kustodian.core.accept.Acceptance;
import dev.kustodian.core.cluster.ClusterIdentities;
import dev.kustodian.core.analysis.Analysis;
import dev.kustodian.core.cluster.ClusterLoader;
import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.findings.FindingRule;
import dev.kustodian.core.model.ClusterIdentity;
import dev.kustodian.core.plan.GitOpsWriter;
import dev.kustodian.core.plan.Plan;
import dev.kustodian.core.plan.PlanBuilder;
import dev.kustodian.core.plan.PlanFiles;
import dev.kustodian.core.plan.PlanRenderer;
import dev.kustodian.core.plan.PlanState;
import dev.kustodian.core.report.Report;
import dev.kustodian.core.report.ReportFormat;
import dev.kustodian.core.report.ReportWriter;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.UserFacingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code kustodian plan}: the ordered hardening plan of a cluster (encryption at rest, critical RBAC, external
 * stores, secret hygiene, TLS, keep it so), as text, JSON or Markdown, and with {@code --output DIR} the GitOps
 * folder. Progress (answers, proofs) is kept per cluster identity in the user's config directory.
 */
@Command(name = "plan", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The hardening plan of a cluster: ordered steps with their status (todo, done, accepted, "
                + "manual, blocked),",
                "the findings each resolves, the files it generates and the manual steps. --output DIR writes the",
                "GitOps folder (README.md, one folder per step with kustomization.yaml; keys in DIR/.kustodian/keys/,",
                "never committed). Rerunning gives identical files; keys are generated once.",
                "Exit codes: 0 done, 2 bad input, 3 cluster unreachable."})
public final class PlanCommand extends CliCommand {

    @Mixin
    SourceOptions source;

    @Option(names = {"-o", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json or markdown (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--output", paramLabel = "DIR", description = "Write the GitOps folder to DIR.")
    Path output;

    @Option(names = "--force", description = "With --output: replace files whose content changed (keys are never replaced).")
    boolean force;

    @Option(names = "--accept", paramLabel = "FILE", description = "Accepted risks (repeatable); DIR/.kustodian/accept.yaml is read too.")
    List<Path> accept = new ArrayList<>();

    @Option(names = "--from-audit", arity = "1..*", paramLabel = "FILE",
            description = "Audit logs: right-size the subjects of the removed grants from what they did.")
    List<Path> audit = new ArrayList<>();

    @Option(names = "--answer", paramLabel = "KEY=VALUE",
            description = "An answer kept in the plan state (repeatable): store.name, store.kind, store.backend.")
    Map<String, String> answers = new LinkedHashMap<>();

    @Option(names = "--record-proof", paramLabel = "STEP=TEXT",
            description = "Record the proof of a step, e.g. encryption-at-rest=\"verify-etcd: 42 of 42 secretbox key1\".")
    Map<String, String> proofs = new LinkedHashMap<>();

    @Override
    public Integer call() throws IOException {
        if (!List.of("text", "json", "markdown", "md").contains(format)) {
            throw UserFacingException.badInput("Unknown format '" + format + "': use text, json or markdown.");
        }
        for (Path f : audit) {
            if (!Files.isReadable(f)) {
                throw UserFacingException.badInput("The audit log " + f + " cannot be read. Check the path given to --from-audit.");
            }
        }
        for (String step : proofs.keySet()) {
            if (!PlanBuilder.ENCRYPTION.equals(step)) {
                throw UserFacingException.badInput("--record-proof takes " + PlanBuilder.ENCRYPTION + "=TEXT; '" + step
                        + "' has no proof to record (its findings are the evidence).");
            }
        }
        if (output != null && Files.exists(output) && !Files.isDirectory(output)) {
            throw UserFacingException.badInput(output + " is a file; --output needs a folder (it is created when missing).");
        }
        AcceptedRisks accepted = PlanFiles.loadAccepted(accept, output);
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        Plan plan;
        PlanState state;
        Report baseline;
        try (ClusterSession session = ClusterLoader.open(source.toSpec(), CliOutput.of(spec).progress(), new Cancellation())) {
            ClusterIdentity id = ClusterIdentities.of(session);
            state = PlanFiles.loadState(id, output);
            state.answers().putAll(answers);
            state.proofs().putAll(proofs);
            List<FindingRule> rules = Analysis.allRules();
            List<Finding> findings = Analysis.of(session.snapshot()).findings();
            Map<String, Acceptance> acc = accepted.match(findings, LocalDate.now(ZoneOffset.UTC));
            plan = PlanBuilder.build(new PlanBuilder.Input(session.snapshot(), findings, id, state, acc, audit,
                    Clock.systemUTC(), CliOutput.of(spec).progress(), new Cancellation()));
            List<Finding> shown = findings.stream().filter(f -> !f.system()).toList();
            baseline = Report.of(shown, session.snapshot().source().describe(), java.time.Instant.now(), rules);
            if (!answers.isEmpty() || !proofs.isEmpty()) {
                PlanFiles.saveUserState(id, state);
            }
        }
        if (output != null) {
            Report b = baseline;
            GitOpsWriter.Result r = GitOpsWriter.write(plan, output, state,
                    () -> ReportWriter.toString(b, ReportFormat.JSON), changed -> force);
            if (!r.declined().isEmpty()) {
                throw UserFacingException.badInput(r.declined().size() + " file(s) in " + output + " would change (e.g. "
                        + output.toAbsolutePath().normalize().relativize(r.declined().get(0)) + "): the cluster or the answers changed, or the files"
                        + " were edited. Review and add --force to rewrite them (keys are never rewritten).");
            }
            err.println("Wrote " + r.written().size() + " file(s) to " + output + " (" + r.unchanged().size()
                    + " unchanged" + (r.keysKept().isEmpty() ? "" : ", " + r.keysKept().size() + " key file(s) kept")
                    + ").");
        }
        String text = switch (format) {
            case "json" -> PlanRenderer.json(plan);
            case "markdown", "md" -> PlanRenderer.markdown(plan);
            default -> PlanRenderer.text(plan);
        };
        out.print(text);
        out.flush();
        err.flush();
        return 0;
    }
}
