package dev.kustodian.cli;

import picocli.CommandLine.Option;

/** {@code scan}'s in-cluster options: where the scanner CronJob runs and what it writes back. */
final class PublishOptions {
    private static final String IN_CLUSTER = "Scan the cluster this pod runs in, with the pod's service account "
            + "(token, CA and KUBERNETES_SERVICE_HOST/PORT; no kubeconfig): what the scanner CronJob of `kustodian "
            + "generate scanner` runs.";
    private static final String PUBLISH = "Write the results into the scanned cluster as policy reports "
            + "(server-side apply, field manager kustodian): a PolicyReport per namespace + a ClusterPolicyReport (or "
            + "OpenReports); the reports of an earlier run that this one does not produce are deleted. Stdout gets one "
            + "line per report unless -o or --output is given.";
    private static final String REPORT_FORMAT = "With --publish: auto (default: openreports when the cluster serves "
            + "openreports.io/v1alpha1, else policyreport), policyreport or openreports.";

    @Option(names = "--in-cluster", description = IN_CLUSTER)
    boolean inCluster;
    @Option(names = "--publish", description = PUBLISH)
    boolean publish;
    @Option(names = "--report-format", paramLabel = "FORMAT", description = REPORT_FORMAT)
    String reportFormat;
}
