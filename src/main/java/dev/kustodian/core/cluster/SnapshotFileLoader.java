package dev.kustodian.core.cluster;

import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.SourceInfo;
import dev.kustodian.core.model.VisibilityGap;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.Progress;
import dev.kustodian.core.util.UserFacingException;
import dev.kustodian.core.yaml.YamlDocument;
import dev.kustodian.core.yaml.YamlException;
import dev.kustodian.core.yaml.YamlReader;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads a snapshot from a file or a folder (recursively) of YAML/JSON: multi-document streams, {@code kind: List},
 * exactly what {@code kubectl get ... -A -o yaml|json} writes, or a Kustodian snapshot file. Objects go through
 * the same {@link ModelConverter} as a live cluster. Unknown kinds are skipped with a note; a malformed file is
 * reported with file and line (as a visibility gap) and the rest still loads.
 */
public final class SnapshotFileLoader {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private SnapshotFileLoader() {
    }

    public static ClusterSnapshot load(Path path, Progress progress, Cancellation cancel) {
        if (path == null || !Files.exists(path)) {
            throw UserFacingException.badInput("Snapshot path " + path
                    + " does not exist. Give a YAML/JSON file or a folder of them (kubectl get ... -o yaml output,"
                    + " or a file written by 'kustodian snapshot --output').");
        }
        List<Path> files = files(path);
        if (files.isEmpty()) {
            throw UserFacingException.badInput("Snapshot folder " + path
                    + " holds no .yaml, .yml or .json file.");
        }
        SourceInfo source = new SourceInfo(SourceInfo.Kind.SNAPSHOT, path.toString(), "", "", Instant.now(), null);
        ClusterSnapshot.Builder builder = ClusterSnapshot.builder(source);
        ModelConverter converter = new ModelConverter();
        Map<String, Integer> skipped = new TreeMap<>();
        int loaded = 0;
        int fileNo = 0;
        for (Path file : files) {
            cancel.check();
            progress.update((double) fileNo++ / files.size(), "Reading " + file.getFileName());
            List<YamlDocument> docs;
            try {
                docs = YamlReader.read(file);
            } catch (YamlException e) {
                builder.gaps.add(new VisibilityGap("file", "", 0, e.getMessage()));
                builder.notes.add("Skipped " + e.getMessage());
                continue;
            }
            for (YamlDocument doc : docs) {
                loaded += addDocument(doc, builder, converter, skipped);
            }
        }
        skipped.forEach((kind, n) -> builder.notes.add("Skipped " + n + " object" + (n == 1 ? "" : "s")
                + " of kind " + kind + " (not used by Kustodian's analyses)."));
        if (loaded == 0 && builder.gaps.size() == files.size()) {
            throw UserFacingException.badInput(builder.gaps.get(0).message()
                    + (files.size() > 1 ? " (and " + (files.size() - 1) + " more unreadable files)" : "")
                    + ". Fix the file or choose another snapshot.");
        }
        progress.update(1, "Loaded " + loaded + " objects from " + files.size() + " file(s)");
        return builder.build();
    }

    @SuppressWarnings("unchecked")
    private static int addDocument(YamlDocument doc, ClusterSnapshot.Builder builder, ModelConverter converter,
                                   Map<String, Integer> skipped) {
        if (!(doc.value() instanceof Map<?, ?> map)) {
            builder.notes.add(doc.source() + ":" + doc.line() + ": not a Kubernetes object (not a mapping); skipped.");
            return 0;
        }
        Object kind = map.get("kind");
        if (SnapshotDocument.KIND.equals(kind) && SnapshotDocument.API_VERSION.equals(map.get("apiVersion"))) {
            SnapshotDocument sd;
            try {
                sd = SnapshotJson.MAPPER.convertValue(map, SnapshotDocument.class);
            } catch (RuntimeException e) {
                throw UserFacingException.badInput(doc.source() + ":" + doc.line()
                        + ": this Kustodian snapshot could not be read (" + e.getClass().getSimpleName()
                        + "). Was it written by a newer Kustodian?");
            }
            int before = objects(builder);
            sd.addTo(builder);
            if (sd.source() != null) {
                builder.source(new SourceInfo(SourceInfo.Kind.SNAPSHOT, doc.source(), sd.source().server(),
                        sd.source().serverVersion(), sd.source().loadedAt(), sd.source().identity()));
                builder.notes.add("Snapshot taken from " + sd.source().describe() + " at " + sd.source().loadedAt()
                        + ".");
            }
            return objects(builder) - before;
        }
        if (kind instanceof String k && k.endsWith("List") && map.get("items") instanceof List<?> items) {
            int n = 0;
            for (Object item : items) {
                n += addDocument(new YamlDocument(item, doc.source(), doc.line()), builder, converter, skipped);
            }
            return n;
        }
        if (!(kind instanceof String) || !(map.get("apiVersion") instanceof String)) {
            builder.notes.add(doc.source() + ":" + doc.line() + ": object without apiVersion/kind; skipped.");
            return 0;
        }
        Object typed;
        try {
            typed = SERIALIZATION.convertValue(map, KubernetesResource.class);
        } catch (RuntimeException e) {
            builder.notes.add(doc.source() + ":" + doc.line() + ": " + kind + " could not be read ("
                    + e.getClass().getSimpleName() + "); skipped.");
            return 0;
        }
        if (typed instanceof HasMetadata h && converter.add(h, builder)) {
            return 1;
        }
        skipped.merge((String) kind, 1, Integer::sum);
        return 0;
    }

    /** Objects in the builder, counted as {@link ClusterSnapshot#counts()} counts them. */
    private static int objects(ClusterSnapshot.Builder b) {
        return b.namespaces.size() + b.secrets.size() + b.configMaps.size() + b.workloads.size()
                + b.serviceAccounts.size() + b.roles.size() + b.bindings.size() + b.crds.size() + b.nodes.size()
                + b.customObjects.size();
    }

    private static List<Path> files(Path path) {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        try (Stream<Path> s = Files.walk(path)) {
            return s.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
            }).sorted().toList();
        } catch (IOException e) {
            throw UserFacingException.badInput("Snapshot folder " + path + " cannot be read: " + e.getMessage());
        }
    }

    static List<Path> filesForTest(Path p) {
        return new ArrayList<>(files(p));
    }
}
