package dev.kustodian.cli;

import dev.kustodian.cli.common.CliCommand;
import dev.kustodian.cli.common.SourceOptions;
import dev.kustodian.core.cluster.ClusterLoader;
import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.SourceInfo;
import dev.kustodian.core.model.VisibilityGap;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.UserFacingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code kustodian summary}: what was loaded, counts per kind, visibility gaps, server version and identity. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = {"Load the cluster (or snapshot, or demo) and show counts per kind, visibility gaps (what could not be",
                "listed and why), the server version and who you are."})
public final class SummaryCommand extends CliCommand {
    @Mixin
    SourceOptions source;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default) or json.")
    String format;

    @Override
    public Integer call() {
        if (!format.equals("table") && !format.equals("json")) {
            throw UserFacingException.badInput("Unknown output format \"" + format + "\": use -o table or -o json.");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (ClusterSession session = ClusterLoader.open(source.toSpec(), CliOutput.of(spec).progress(),
                new Cancellation())) {
            ClusterSnapshot s = session.snapshot();
            if (format.equals("json")) {
                out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                        .writeValueAsString(toJson(s)));
            } else {
                printTable(out, s);
            }
        }
        out.flush();
        return 0;
    }

    static Map<String, Object> toJson(ClusterSnapshot s) {
        SourceInfo src = s.source();
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> source = CliJson.object("kind", src.kind().name(), "label", src.label(),
                "server", src.server(), "serverVersion", src.serverVersion(),
                "loadedAt", src.loadedAt() == null ? null : src.loadedAt().toString());
        if (src.identity() != null) {
            source.put("identity", Map.of("user", src.identity().user(), "groups", src.identity().groups(),
                    "how", src.identity().how()));
        }
        m.put("source", source);
        m.put("counts", s.counts());
        List<Map<String, Object>> gaps = new ArrayList<>();
        for (VisibilityGap g : s.gaps()) {
            gaps.add(CliJson.object("resource", g.resource(), "namespace", g.namespace(), "status", g.status(),
                    "message", g.message()));
        }
        m.put("gaps", gaps);
        m.put("notes", s.notes());
        return m;
    }

    private static void printTable(PrintWriter out, ClusterSnapshot s) {
        SourceInfo src = s.source();
        out.println("Source:    " + src.describe());
        if (!src.server().isEmpty()) {
            out.println("Server:    " + src.server() + (src.serverVersion().isEmpty() ? "" : " (" + src.serverVersion() + ")"));
        }
        if (src.identity() != null) {
            out.println("You are:   " + src.identity().user()
                    + (src.identity().groups().isEmpty() ? "" : " in " + String.join(", ", src.identity().groups()))
                    + " (" + src.identity().how() + ")");
        }
        out.println();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"KIND", "COUNT"});
        s.counts().forEach((k, v) -> rows.add(new String[]{k, String.valueOf(v)}));
        Tables.print(out, rows);
        out.println();
        if (s.gaps().isEmpty()) {
            out.println("Visibility gaps: none (everything Kustodian reads could be listed).");
        } else {
            out.println("Visibility gaps (" + s.gaps().size() + "):");
            List<String[]> g = new ArrayList<>();
            g.add(new String[]{"RESOURCE", "NAMESPACE", "STATUS", "WHY"});
            for (VisibilityGap gap : s.gaps()) {
                g.add(new String[]{gap.resource(), gap.namespace().isEmpty() ? "(all)" : gap.namespace(),
                        String.valueOf(gap.status()), gap.message()});
            }
            Tables.print(out, g);
        }
        if (!s.notes().isEmpty()) {
            out.println();
            out.println("Notes:");
            s.notes().forEach(n -> out.println("  - " + n));
        }
    }
}
