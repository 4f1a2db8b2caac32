package dev.kustodian.core.cluster;

import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.output.SafeFiles;
import dev.kustodian.core.yaml.YamlReader;
import dev.kustodian.core.yaml.YamlWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes the value-free snapshot as YAML that {@code --snapshot} reads back: a file an admin can hand to an
 * auditor without handing over secrets (key names, sizes and keyed fingerprints only).
 */
public final class SnapshotFileWriter {
    private SnapshotFileWriter() {
    }

    public static String toYaml(ClusterSnapshot snapshot) {
        String json = SnapshotJson.MAPPER.writeValueAsString(SnapshotDocument.of(snapshot));
        Map<String, Object> tree = YamlReader.readMap(json, "snapshot");
        return YamlWriter.writeLarge(tree, """
                Kustodian value-free cluster snapshot.
                It holds object metadata, secret key names, sizes and keyed fingerprints, RBAC and workload specs,
                but no secret value. Read it back with: kustodian <command> --snapshot THIS_FILE""");
    }

    /** The same document as JSON (also read back by {@code --snapshot}; much faster to read for large clusters). */
    public static String toJson(ClusterSnapshot snapshot) {
        return SnapshotJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(SnapshotDocument.of(snapshot))
                + "\n";
    }

    /** Writes YAML, or JSON when the file name ends in {@code .json}. */
    public static void write(ClusterSnapshot snapshot, Path file) throws IOException {
        boolean json = file.getFileName() != null
                && file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json");
        SafeFiles.writeAtomically(file, json ? toJson(snapshot) : toYaml(snapshot));
    }
}
