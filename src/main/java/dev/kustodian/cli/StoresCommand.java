package dev.kustodian.cli;

import dev.kustodian.cli.common.CliCommand;
import dev.kustodian.cli.common.SourceOptions;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.kustodian.core.cluster.ClusterLoader;
import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.externalsecrets.StoreDetection;
import dev.kustodian.core.externalsecrets.StoreInventory;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.UserFacingException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code kustodian stores}: which store operators are installed and served, the store objects, and adoption. */
@Command(name = "stores", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Which secret-store operators are installed (ESO, Secrets Store CSI, Sealed Secrets, Akeyless",
                "operator) and which API versions they serve, with the install command when missing; the store",
                "objects in the cluster; and which Secrets a store manages and which are plain.",
                "Example: kustodian stores --demo     kustodian stores -o json",
                "Exit codes: 0 shown, 2 bad input, 3 cluster unreachable."})
public final class StoresCommand extends CliCommand {
    @CommandLine.Mixin
    SourceOptions source = new SourceOptions();
    @Option(names = {"-o", "--output"}, defaultValue = "text", description = "text | json (default ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("text") && !format.equals("json")) {
            throw UserFacingException.badInput("-o must be text or json, got '" + format + "'.");
        }
        PrintWriter err = spec.commandLine().getErr();
        ClusterSnapshot snap;
        try (ClusterSession session = ClusterLoader.open(source.toSpec(), CliOutput.of(spec).progress(),
                new Cancellation())) {
            snap = session.snapshot();
        }
        List<StoreDetection.Status> status = StoreDetection.detect(snap);
        List<StoreInventory.StoreObject> objects = StoreInventory.objects(snap);
        List<StoreInventory.Adoption> adoption = StoreInventory.adoption(snap);
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            Map<String, Object> root = new LinkedHashMap<>();
            List<Object> ops = new ArrayList<>();
            for (StoreDetection.Status s : status) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("product", s.product().title);
                m.put("group", s.product().group);
                m.put("installed", s.installed());
                m.put("servedVersions", s.servedVersions());
                m.put("usable", s.usable());
                m.put("advice", s.advice());
                if (!s.installed()) {
                    m.put("install", s.product().installCommand);
                }
                ops.add(m);
            }
            root.put("operators", ops);
            root.put("objects", objects);
            root.put("secrets", adoption);
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
        } else {
            out.println("Operators:");
            for (StoreDetection.Status s : status) {
                out.printf("  %-28s %-14s %s%n", s.product().title, s.installed()
                        ? (s.usable() ? "installed" : "UNUSABLE") : "not installed", s.advice());
            }
            out.println();
            out.println("Store objects (" + objects.size() + "):");
            for (StoreInventory.StoreObject o : objects) {
                out.printf("  %-22s %-36s %s%n", o.kind(), o.qualifiedName(), o.summary());
            }
            long plain = adoption.stream().filter(a -> a.management() == StoreInventory.Management.PLAIN).count();
            long managed = adoption.stream().filter(a -> a.management() != StoreInventory.Management.PLAIN
                    && a.management() != StoreInventory.Management.SYSTEM).count();
            out.println();
            out.println("Secrets: " + managed + " managed by a store, " + plain + " plain (candidates for"
                    + " `kustodian generate migration`), " + (adoption.size() - plain - managed) + " system.");
            for (StoreInventory.Adoption a : adoption) {
                if (a.management() != StoreInventory.Management.SYSTEM) {
                    out.printf("  %-40s %-16s %s%n", a.namespace() + "/" + a.name(),
                            a.management().name().toLowerCase().replace('_', '-'), a.by());
                }
            }
        }
        out.flush();
        return 0;
    }
}
