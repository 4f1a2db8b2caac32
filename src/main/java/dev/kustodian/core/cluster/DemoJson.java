package dev.kustodian.core.cluster;

import org.snakeyaml.engine.v2.api.Load;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Build step (Maven's {@code process-classes}, {@code exec-maven-plugin}): writes the demo's objects, read from its
 * YAML files ({@code resources/demo/}, the one place the demo is defined) as {@link DemoFiles} reads them, into one
 * JSON array ({@link DemoFiles#JSON}) that the app reads at start-up with Jackson's streaming parser instead of
 * parsing the YAML (SnakeYAML Engine took about half of the start-up load's CPU time before the desktop app's first
 * frame). Only plain JSON values are written (maps with string keys, lists, strings, numbers, booleans, nulls): a
 * YAML value of any other type fails the build instead of changing the demo.
 */
public final class DemoJson {
    private DemoJson() {
    }

    /** {@code args[0]}: the JSON file to write. */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        try (OutputStream o = Files.newOutputStream(tmp);
             JsonGenerator g = new JsonFactory().createGenerator(ObjectWriteContext.empty(), o)) {
            write(g, yamlItems());
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** The demo's objects from its YAML files (lists flattened), in index order, as parsed. */
    static List<Map<String, Object>> yamlItems() throws IOException {
        List<Map<String, Object>> items = new ArrayList<>();
        Load yaml = DemoFiles.yaml();
        for (String f : DemoFiles.files()) {
            items.addAll(DemoFiles.parse(yaml, f));
        }
        return items;
    }

    private static void write(JsonGenerator g, Object v) {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String name)) {
                    throw new IllegalArgumentException("demo data: a map key that is not a string: " + e.getKey());
                }
                g.writeName(name);
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List<?> l) {
            g.writeStartArray();
            for (Object o : l) {
                write(g, o);
            }
            g.writeEndArray();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Long n) {
            g.writeNumber(n);
        } else if (v instanceof BigInteger n) {
            g.writeNumber(n);
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else {
            throw new IllegalArgumentException("demo data: a value that is not JSON: " + v.getClass().getName());
        }
    }
}
