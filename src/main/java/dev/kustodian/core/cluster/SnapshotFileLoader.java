package dev.kustodian.core.cluster;

import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.SourceInfo;
import dev.kustodian.core.model.VisibilityGap;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.Progress;
import dev.kustodian.core.util.UserFacingException;
import dev.kustodian.core.yaml.ObjectShape;
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
import java.util.function.Function;
import java.util.function.ToIntFunction;
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
        int objects = 0;
        String firstProblem = null;
        int fileNo = 0;
        List<String> unreadableObjects = new ArrayList<>();
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
                int notesBefore = builder.notes.size();
                loaded += addDocument(doc, builder, converter, skipped, unreadableObjects);
                if (isObject(doc.value())) {
                    objects++;
                } else if (firstProblem == null && builder.notes.size() > notesBefore) {
                    firstProblem = builder.notes.get(notesBefore);
                }
            }
        }
        if (objects == 0 && builder.gaps.isEmpty()) {
            throw UserFacingException.badInput((files.size() == 1 ? files.get(0) + " holds" : "The snapshot folder "
                    + path + " holds") + " no Kubernetes object"
                    + (firstProblem == null ? " (it is empty)" : " (" + firstProblem.replaceAll("; skipped\\.$", "") + ")")
                    + ". Give kubectl get ... -o yaml|json output or a file written by 'kustodian snapshot --output'.");
        }
        if (loaded == 0 && skipped.isEmpty() && !unreadableObjects.isEmpty()) {
            // objects, but none readable: an empty cluster would pass every check
            throw UserFacingException.badInput(unreadableObjects.get(0)
                    + (unreadableObjects.size() > 1 ? " (and " + (unreadableObjects.size() - 1)
                    + " more objects that could not be read)" : "")
                    + "; no object of this snapshot could be read. Fix the file or choose another snapshot.");
        }
        skipped.forEach((kind, n) -> builder.notes.add("Skipped " + n + " object" + (n == 1 ? "" : "s")
                + " of kind " + kind + " (not used by Kustodian's analyses)."));
        if (loaded == 0 && builder.gaps.size() == files.size()) {
            throw UserFacingException.badInput(builder.gaps.get(0).message().replaceAll("\\.$", "")
                    + (files.size() > 1 ? " (and " + (files.size() - 1) + " more unreadable files)" : "")
                    + ". Fix the file or choose another snapshot.");
        }
        progress.update(1, "Loaded " + loaded + " objects from " + files.size() + " file(s)");
        return builder.build();
    }

    /** A mapping with apiVersion and kind: a Kubernetes object (or list, or Kustodian snapshot). */
    private static boolean isObject(Object v) {
        return v instanceof Map<?, ?> m && m.get("kind") instanceof String && m.get("apiVersion") instanceof String;
    }

    /** Which field had the wrong type, from the deserializer's path ("metadata.labels"), without its message. */
    static String wrongField(RuntimeException e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()) {
                return wrongField(m.getPath(), com.fasterxml.jackson.databind.JsonMappingException.Reference::getFieldName,
                        com.fasterxml.jackson.databind.JsonMappingException.Reference::getIndex);
            }
            if (t instanceof tools.jackson.core.JacksonException j && !j.getPath().isEmpty()) {
                return wrongField(j.getPath(), tools.jackson.core.JacksonException.Reference::getPropertyName,
                        tools.jackson.core.JacksonException.Reference::getIndex);
            }
        }
        return "a field has the wrong type";
    }

    /** "the field metadata.labels[2] has the wrong type", from a path of Jackson 2 or Jackson 3 references. */
    private static <R> String wrongField(List<R> path, Function<R, String> name, ToIntFunction<R> index) {
        StringBuilder sb = new StringBuilder();
        for (R ref : path) {
            if (name.apply(ref) != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(name.apply(ref));
            } else if (index.applyAsInt(ref) >= 0) {
                sb.append('[').append(index.applyAsInt(ref)).append(']');
            }
        }
        return "the field " + sb + " has the wrong type";
    }

    @SuppressWarnings("unchecked")
    private static int addDocument(YamlDocument doc, ClusterSnapshot.Builder builder, ModelConverter converter,
                                   Map<String, Integer> skipped, List<String> unreadableObjects) {
        if (!(doc.value() instanceof Map<?, ?> map)) {
            String what = doc.source() + ":" + doc.line() + ": not a Kubernetes object (" + ObjectShape.describe(doc.value())
                    + ", not a mapping)";
            unreadableObjects.add(what);
            builder.notes.add(what + "; skipped.");
            return 0;
        }
        Object kind = map.get("kind");
        if (SnapshotDocument.KIND.equals(kind) && map.get("apiVersion") instanceof String av
                && av.startsWith("kustodian.dev/") && !SnapshotDocument.API_VERSION.equals(av)) {
            throw UserFacingException.badInput(doc.source() + ":" + doc.line() + ": a Kustodian snapshot of version "
                    + (map.get("apiVersion") instanceof String v ? v : "(none)") + "; this Kustodian reads "
                    + SnapshotDocument.API_VERSION + ". Take the snapshot again with this version.");
        }
        if (SnapshotDocument.KIND.equals(kind) && SnapshotDocument.API_VERSION.equals(map.get("apiVersion"))) {
            SnapshotDocument sd;
            try {
                sd = SnapshotJson.MAPPER.convertValue(map, SnapshotDocument.class);
            } catch (RuntimeException e) {
                throw UserFacingException.badInput(doc.source() + ":" + doc.line()
                        + ": this Kustodian snapshot could not be read (" + wrongField(e)
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
                n += addDocument(new YamlDocument(item, doc.source(), doc.line()), builder, converter, skipped,
                        unreadableObjects);
            }
            return n;
        }
        if (!(kind instanceof String) || !(map.get("apiVersion") instanceof String)) {
            builder.notes.add(doc.source() + ":" + doc.line() + ": object without apiVersion/kind; skipped.");
            return 0;
        }
        Object typed;
        List<ObjectShape.Problem> shape = ObjectShape.check(map);
        try {
            if (!shape.isEmpty()) {
                throw new IllegalArgumentException(); // reported below in words
            }
            typed = SERIALIZATION.convertValue(map, KubernetesResource.class);
        } catch (RuntimeException e) {
            String what = shape.isEmpty()
                    ? doc.source() + ":" + doc.line() + ": " + kind + " could not be read (" + wrongField(e) + ")"
                    : doc.source() + ":" + doc.lineOf(shape.get(0).path()) + ": " + kind + " could not be read ("
                    + shape.get(0) + ")";
            unreadableObjects.add(what);
            // a skipped object is something the analyses cannot see: a gap, so reports say they are incomplete
            builder.gaps.add(new VisibilityGap("file", "", 0, what + "; skipped"));
            builder.notes.add(what + "; skipped.");
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
