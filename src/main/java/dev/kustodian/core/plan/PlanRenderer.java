package dev.kustodian.core.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kustodian.core.findings.Finding;

import java.util.List;

/** The plan as text (terminal), Markdown (the GitOps folder's README) and JSON ({@code plan -o json}). */
public final class PlanRenderer {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PlanRenderer() {
    }

    public static String json(Plan plan) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode c = root.putObject("cluster");
        c.put("label", plan.cluster().label());
        c.put("server", plan.cluster().server());
        c.put("caFingerprint", plan.cluster().caFingerprint());
        c.put("key", plan.cluster().key());
        c.put("source", plan.source());
        ObjectNode p = root.putObject("progress");
        p.put("settled", plan.settledCount());
        p.put("steps", plan.steps().size());
        ArrayNode steps = root.putArray("steps");
        for (PlanStep s : plan.steps()) {
            ObjectNode n = steps.addObject();
            n.put("id", s.id());
            n.put("number", s.number());
            n.put("title", s.title());
            n.put("status", s.status().id());
            n.put("statusReason", s.statusReason());
            n.put("summary", s.summary());
            strings(n.putArray("findings"), s.findings());
            strings(n.putArray("accepted"), s.accepted());
            strings(n.putArray("generates"), s.generates());
            strings(n.putArray("manual"), s.manual());
            strings(n.putArray("dependsOn"), s.dependsOn());
            strings(n.putArray("evidence"), s.evidence());
            ArrayNode removes = n.putArray("removes");
            s.removals().forEach(r -> removes.addObject().put("object", r.target().display()).put("reason", r.reason()));
            ArrayNode patches = n.putArray("patches");
            s.patches().forEach(x -> {
                ObjectNode o = patches.addObject();
                o.put("object", x.target().display());
                o.put("file", s.folder() + "/" + x.fileName());
                strings(o.putArray("changes"), x.changes());
            });
            n.put("verify", s.verify());
        }
        strings(root.putArray("otherFindings"), plan.others().stream().map(Finding::id).toList());
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }

    private static String mark(StepStatus s) {
        return switch (s) {
            case DONE -> "[done]";
            case ACCEPTED -> "[accepted]";
            case MANUAL -> "[manual]";
            case BLOCKED -> "[blocked]";
            case TODO -> "[todo]";
        };
    }

    public static String text(Plan plan) {
        StringBuilder sb = new StringBuilder();
        sb.append("Hardening plan for ").append(plan.cluster().label()).append(" (").append(plan.source()).append(")\n");
        sb.append(plan.settledCount()).append(" of ").append(plan.steps().size()).append(" steps settled\n\n");
        for (PlanStep s : plan.steps()) {
            sb.append(s.number()).append(". ").append(mark(s.status())).append(' ').append(s.title()).append(" — ")
                    .append(s.statusReason()).append('\n');
            if (!s.findings().isEmpty()) {
                sb.append("   findings: ").append(s.findings().size());
                if (!s.accepted().isEmpty()) {
                    sb.append(" (").append(s.accepted().size()).append(" accepted)");
                }
                sb.append('\n');
            }
            if (!s.generates().isEmpty()) {
                sb.append("   generates: ").append(String.join(", ", s.generates())).append('\n');
            }
            for (Removal r : s.removals()) {
                sb.append("   removes: ").append(r.target().display()).append('\n');
            }
            for (String m : s.manual()) {
                sb.append("   by hand: ").append(m).append('\n');
            }
            if (!s.dependsOn().isEmpty()) {
                sb.append("   after: ").append(String.join(", ", s.dependsOn())).append('\n');
            }
            sb.append("   verify: ").append(s.verify()).append('\n');
        }
        if (!plan.others().isEmpty()) {
            sb.append('\n').append(plan.others().size()).append(" other finding(s) no step resolves (see kustodian scan).\n");
        }
        return sb.toString();
    }

    /** The README of the GitOps folder (also {@code plan -o markdown}). No timestamps: reruns give the same text. */
    public static String markdown(Plan plan) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Hardening plan: ").append(md(plan.cluster().label())).append("\n\n");
        sb.append("Generated by Kustodian from ").append(md(plan.source())).append(". Cluster identity: `")
                .append(plan.cluster().server()).append("`")
                .append(plan.cluster().caFingerprint().isEmpty() ? "" : ", CA SHA-256 `"
                        + plan.cluster().caFingerprint() + "`").append(".\n\n");
        sb.append("Progress: ").append(plan.settledCount()).append(" of ").append(plan.steps().size())
                .append(" steps settled.\n\n");
        sb.append("| # | Step | Status | Findings | Folder |\n|---|---|---|---:|---|\n");
        for (PlanStep s : plan.steps()) {
            sb.append("| ").append(s.number()).append(" | ").append(md(s.title())).append(" | ")
                    .append(s.status().id()).append(" | ").append(s.findings().size()).append(" | `")
                    .append(s.folder()).append("/` |\n");
        }
        sb.append("""

                ## How to use this folder

                - Review each step below, in order; commit this folder. `kubectl apply -k . --dry-run=server` first,
                  then `kubectl apply -k .` (or point Argo CD / Flux at it). Steps whose folder is a kustomize
                  *component* patch workloads defined elsewhere: add the folder to the `components:` of the
                  kustomization that builds them.
                - `.kustodian/keys/` holds key material (0600). It is listed in `.gitignore`: never commit it; copy it to
                  the control-plane nodes as the encryption step says, and back it up securely.
                - `.kustodian/plan.yaml` holds the plan's answers and proofs, `.kustodian/accept.yaml` the accepted risks,
                  `.kustodian/baseline.json` the findings when this folder was first written (for CI).
                - Rerun `kustodian plan <source> --output .` after each step: the files are rewritten identically unless
                  the cluster changed, and keys are never regenerated.

                """);
        for (PlanStep s : plan.steps()) {
            sb.append("## ").append(s.number()).append(". ").append(md(s.title())).append(" — ").append(s.status().id())
                    .append("\n\n").append(md(s.summary())).append("\n\n");
            sb.append("Status: **").append(s.status().id()).append("** — ").append(md(s.statusReason())).append("\n\n");
            if (!s.evidence().isEmpty()) {
                sb.append("Evidence:\n\n");
                s.evidence().forEach(e -> sb.append("- ").append(md(e)).append('\n'));
                sb.append('\n');
            }
            if (!s.dependsOn().isEmpty()) {
                sb.append("After: ").append(String.join(", ", s.dependsOn().stream().map(d -> "`" + d + "`").toList()))
                        .append("\n\n");
            }
            if (!s.findings().isEmpty()) {
                sb.append("Resolves ").append(s.findings().size()).append(" finding(s):\n\n");
                for (String f : s.findings()) {
                    sb.append("- `").append(f).append('`').append(s.accepted().contains(f) ? " (accepted risk)" : "")
                            .append('\n');
                }
                sb.append('\n');
            }
            if (!s.generates().isEmpty()) {
                sb.append("Files:\n\n");
                s.generates().forEach(g -> sb.append("- `").append(g).append('`')
                        .append(g.startsWith(GitOpsLayout.KEYS_DIR) ? " — key material, not committed" : "")
                        .append('\n'));
                sb.append('\n');
            }
            for (PlanStep.KeyFile k : s.keyFiles()) {
                sb.append("`").append(GitOpsLayout.KEYS_DIR).append('/').append(k.fileName()).append("`: ")
                        .append(md(k.purpose())).append("\n\n");
            }
            if (!s.patches().isEmpty()) {
                sb.append("Workload changes:\n\n");
                for (WorkloadPatch p : s.patches()) {
                    sb.append("- `").append(p.target().display()).append("`: ")
                            .append(md(String.join("; ", p.changes()))).append('\n');
                }
                sb.append('\n');
            }
            if (!s.removals().isEmpty()) {
                sb.append("Removes (remove.sh):\n\n");
                s.removals().forEach(r -> sb.append("- `").append(r.target().display()).append("`: ")
                        .append(md(r.reason())).append('\n'));
                sb.append('\n');
            }
            if (!s.manual().isEmpty()) {
                sb.append("By hand:\n\n");
                int i = 1;
                for (String m : s.manual()) {
                    sb.append(i++).append(". ").append(md(m)).append('\n');
                }
                sb.append('\n');
            }
            sb.append("Verify:\n\n```sh\n").append(s.verify()).append("\n```\n\n");
        }
        if (!plan.others().isEmpty()) {
            sb.append("## Other findings\n\nNo step above resolves these; see `kustodian scan` for the fix of each.\n\n");
            for (Finding f : plan.others()) {
                sb.append("- ").append(f.severity().label()).append(": `").append(f.id()).append("`\n");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String md(String s) {
        return s.replace("<", "&lt;").replace("\n", " ");
    }

}
