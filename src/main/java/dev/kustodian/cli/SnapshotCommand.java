package dev.kustodian.cli;

import dev.kustodian.cli.common.CliCommand;
import dev.kustodian.cli.common.SourceOptions;
import dev.kustodian.core.cluster.ClusterLoader;
import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.cluster.SnapshotFileWriter;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.UserFacingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code kustodian snapshot --output FILE}: the value-free snapshot as YAML that {@code --snapshot} reads back. */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = {"Write the value-free snapshot (metadata, key names, sizes, keyed fingerprints, RBAC, workloads;",
                "no secret value) as YAML that --snapshot reads back: a file you can hand to an auditor.",
                "A FILE ending in .json gets the same document as JSON, which reads back several times faster",
                "for large clusters."})
public final class SnapshotCommand extends CliCommand {
    @Mixin
    SourceOptions source;

    @Option(names = "--output", paramLabel = "FILE", required = true, description = "The file to write: YAML, or JSON when it ends in .json.")
    Path output;

    @Option(names = "--force", description = "Overwrite FILE if it exists.")
    boolean force;

    @Override
    public Integer call() {
        if (Files.isDirectory(output)) {
            throw UserFacingException.badInput(output + " is a folder; give a file name, e.g. " + output.resolve("snapshot.yaml") + ".");
        }
        if (Files.exists(output) && !force) {
            throw UserFacingException.badInput(output + " exists; not overwritten. Add --force to replace it.");
        }
        try (ClusterSession session = ClusterLoader.open(source.toSpec(), CliOutput.of(spec).progress(),
                new Cancellation())) {
            write(session.snapshot(), output);
            var counts = session.snapshot().counts();
            spec.commandLine().getOut().println("Wrote " + output + " (" + counts.getOrDefault("Secret", 0) + " secrets, "
                    + counts.values().stream().mapToInt(Integer::intValue).sum() + " objects, no secret values).");
        } catch (IOException e) {
            throw new UserFacingException(UserFacingException.Category.FAILED, "Could not write " + output + ": "
                    + e.getMessage() + ". Check the folder exists and is writable.");
        }
        spec.commandLine().getOut().flush();
        return 0;
    }

    static void write(ClusterSnapshot snapshot, Path file) throws IOException {
        SnapshotFileWriter.write(snapshot, file);
    }
}
