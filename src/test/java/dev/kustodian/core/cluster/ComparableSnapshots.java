package dev.kustodian.core.cluster;

import dev.kustodian.core.model.ClusterSnapshot;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Two loads of one cluster compared as their snapshot files would hold them, without what differs per load. */
final class ComparableSnapshots {
    private ComparableSnapshots() {
    }

    /**
     * The snapshot's file document without its source: {@code perObject} sees every JSON object (to drop or mask
     * what differs per load), then {@code document} the whole, then each top-level list is sorted, so that the
     * order of listing does not count.
     */
    static JsonNode normalised(ClusterSnapshot s, Consumer<ObjectNode> perObject, Consumer<ObjectNode> document) {
        ObjectNode n = SnapshotJson.MAPPER.valueToTree(SnapshotDocument.of(s));
        n.remove("source");
        visit(n, perObject);
        document.accept(n);
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            if (e.getValue() instanceof ArrayNode arr) {
                List<JsonNode> items = new ArrayList<>();
                arr.forEach(items::add);
                items.sort(Comparator.comparing(JsonNode::toString));
                arr.removeAll();
                arr.addAll(items);
            }
        }
        return n;
    }

    private static void visit(JsonNode node, Consumer<ObjectNode> perObject) {
        if (node instanceof ObjectNode o) {
            perObject.accept(o);
            o.forEach(child -> visit(child, perObject));
        } else if (node instanceof ArrayNode a) {
            a.forEach(child -> visit(child, perObject));
        }
    }
}
