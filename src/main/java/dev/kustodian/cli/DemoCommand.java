package dev.kustodian.cli;

import dev.kustodian.cli.common.CliCommand;
import dev.kustodian.core.cluster.DemoCluster;
import dev.kustodian.core.util.UserFacingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** {@code kustodian demo}: runs the embedded demo cluster until interrupted and writes a kubeconfig for it. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start the embedded demo cluster (an in-process Kubernetes API on loopback with realistic demo data)",
                "and keep it running until interrupted (Ctrl-C). Use it from kubectl or from Kustodian itself."})
public final class DemoCommand extends CliCommand {
    @Option(names = "--kubeconfig-out", paramLabel = "FILE", required = true,
            description = "Where to write the demo cluster's kubeconfig (0600).")
    Path kubeconfigOut;

    @Option(names = "--force", description = "Overwrite FILE if it exists.")
    boolean force;

    /** For tests: start, print, and return instead of waiting for Ctrl-C. */
    @Option(names = "--no-wait", hidden = true)
    boolean noWait;

    @Override
    public Integer call() throws InterruptedException {
        if (Files.isDirectory(kubeconfigOut)) {
            throw UserFacingException.badInput(kubeconfigOut + " is a folder; give a file name, e.g. "
                    + kubeconfigOut.resolve("demo.kubeconfig") + ".");
        }
        if (Files.exists(kubeconfigOut) && !force) {
            throw UserFacingException.badInput(kubeconfigOut + " exists; not overwritten. Add --force to replace it.");
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("Starting the demo cluster...");
        err.flush();
        DemoCluster demo = DemoCluster.start();
        try {
            demo.writeKubeconfig(kubeconfigOut, force);
        } catch (IOException e) {
            throw UserFacingException.badInput("Could not write " + kubeconfigOut + ": " + e.getMessage()
                    + ". Check the folder exists and is writable.");
        }
        PrintWriter out = spec.commandLine().getOut();
        String kc = kubeconfigOut.toAbsolutePath().toString();
        out.println("Demo cluster running at " + demo.url() + " (context " + DemoCluster.CONTEXT + ").");
        out.println("Kubeconfig: " + kc);
        out.println();
        out.println("Try:");
        out.println("  kubectl --kubeconfig " + kc + " get secrets -A");
        out.println("  java -jar target/kustodian.jar summary --kubeconfig " + kc);
        out.println();
        out.println("All data is demo data. Press Ctrl-C to stop.");
        out.flush();
        if (noWait) {
            return 0;
        }
        new CountDownLatch(1).await(); // until interrupted (Ctrl-C ends the JVM)
        return 0;
    }
}
