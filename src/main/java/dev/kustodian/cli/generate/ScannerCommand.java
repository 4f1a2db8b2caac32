package dev.kustodian.cli.generate;

import dev.kustodian.cli.common.CliCommand;
import dev.kustodian.cli.common.BundleOutput;
import dev.kustodian.core.scanner.ScannerRequest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Map;

@Command(name = "scanner", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The in-cluster scanner: Namespace, ServiceAccount, a least-privilege ClusterRole + binding and a",
                "CronJob running `kustodian scan --in-cluster --publish`, which publishes PolicyReports (or OpenReports).",
                "The default --secrets metadata grants NO access to Secrets (the scanner must not be the cluster-wide",
                "secret reader it flags); --secrets full adds list on secrets for the value checks.",
                "Example: kustodian generate scanner -O scanner/ && kubectl apply -k scanner/"})
public final class ScannerCommand extends CliCommand {
    @Option(names = "--namespace", paramLabel = "NS", description = "Namespace of the scanner (default: "
            + ScannerRequest.DEFAULT_NAMESPACE + ").")
    String namespace;
    @Option(names = "--schedule", paramLabel = "CRON", description = "When it runs, cron syntax (default: '"
            + ScannerRequest.DEFAULT_SCHEDULE + "': every 6 hours).")
    String schedule;
    @Option(names = "--image", paramLabel = "IMAGE", description = "Scanner image (default: "
            + ScannerRequest.IMAGE_REPOSITORY + ":<this version>).")
    String image;
    @Option(names = "--secrets", paramLabel = "MODE", description = "metadata (default: no access to Secrets; the "
            + "value checks are reported as not evaluated) or full (list on secrets).")
    String secrets;
    @Option(names = "--report-format", paramLabel = "FORMAT", description = "auto (default: openreports when the "
            + "cluster serves openreports.io/v1alpha1, else policyreport), policyreport or openreports.")
    String reportFormat;
    @CommandLine.Mixin
    BundleOutput.Options output = new BundleOutput.Options();

    @Override
    public Integer call() {
        ScannerRequest request = new ScannerRequest(namespace, schedule, image, secrets, reportFormat);
        return BundleOutput.emit(spec, BundleOutput.generate(request, Map.of()), output, null);
    }
}
