package dev.kustodian.core.yaml;

import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.StreamDataWriter;
import org.snakeyaml.engine.v2.comments.CommentLine;
import org.snakeyaml.engine.v2.comments.CommentType;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.emitter.Emitter;
import org.snakeyaml.engine.v2.events.CommentEvent;
import org.snakeyaml.engine.v2.events.DocumentEndEvent;
import org.snakeyaml.engine.v2.events.DocumentStartEvent;
import org.snakeyaml.engine.v2.events.ImplicitTuple;
import org.snakeyaml.engine.v2.events.MappingEndEvent;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.events.SequenceEndEvent;
import org.snakeyaml.engine.v2.events.SequenceStartEvent;
import org.snakeyaml.engine.v2.events.StreamEndEvent;
import org.snakeyaml.engine.v2.events.StreamStartEvent;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.representer.StandardRepresenter;
import org.snakeyaml.engine.v2.serializer.Serializer;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one YAML writer of Kustodian (snakeyaml-engine): block style, insertion order kept, multi-line strings as
 * literal blocks, comments from {@link Commented} values and an optional header comment.
 */
public final class YamlWriter {
    private YamlWriter() {
    }

    /** One document, with an optional header comment (each line becomes "# line"). */
    public static String write(Object value, String header) {
        return writeAll(List.of(value), header);
    }

    public static String write(Object value) {
        return write(value, null);
    }

    /** Several documents separated by "---"; the header goes above the first. */
    public static String writeAll(List<?> documents, String header) {
        DumpSettings settings = settings(documents.size() > 1);
        StringWriter out = new StringWriter();
        Serializer serializer = new Serializer(settings, new Emitter(settings, writer(out)));
        Representer representer = new Representer(settings);
        serializer.emitStreamStart();
        boolean first = true;
        for (Object doc : documents) {
            Node node = representer.represent(doc);
            if (first && header != null && !header.isBlank()) {
                List<CommentLine> lines = new ArrayList<>(comments(header));
                lines.addAll(Optional.ofNullable(node.getBlockComments()).orElse(List.of()));
                node.setBlockComments(lines);
            }
            first = false;
            serializer.serializeDocument(node);
        }
        serializer.emitStreamEnd();
        return out.toString();
    }

    /**
     * The same text as {@link #write(Object, String)} for a document of plain maps, lists and scalars (no
     * {@link Commented} values), written as a stream of events instead of through a node graph: large documents
     * (a snapshot of a big cluster) take a fraction of the time and memory.
     */
    public static String writeLarge(Object value, String header) {
        DumpSettings settings = settings(false);
        StringWriter out = new StringWriter();
        Emitter emitter = new Emitter(settings, writer(out));
        ScalarResolver resolver = settings.getSchema().getScalarResolver();
        Representer representer = new Representer(settings);
        emitter.emit(new StreamStartEvent());
        emitter.emit(new DocumentStartEvent(settings.isExplicitStart(), settings.getYamlDirective(),
                settings.getTagDirective()));
        if (header != null && !header.isBlank()) {
            for (CommentLine c : comments(header)) {
                emitter.emit(new CommentEvent(c.getCommentType(), c.getValue(), Optional.empty(), Optional.empty()));
            }
        }
        emitEvents(value, emitter, representer, resolver);
        emitter.emit(new DocumentEndEvent(settings.isExplicitEnd()));
        emitter.emit(new StreamEndEvent());
        return out.toString();
    }

    /** The events the serializer would emit for the node the representer makes of {@code data}. */
    private static void emitEvents(Object data, Emitter emitter, Representer representer, ScalarResolver resolver) {
        if (data instanceof Commented c) {
            throw new IllegalArgumentException("writeLarge does not write comments; use write");
        }
        if (data instanceof Map<?, ?> map) {
            emitter.emit(new MappingStartEvent(Optional.empty(), Optional.of(Tag.MAP.getValue()), true, FlowStyle.BLOCK,
                    Optional.empty(), Optional.empty()));
            for (Map.Entry<?, ?> e : map.entrySet()) {
                emitEvents(e.getKey(), emitter, representer, resolver);
                emitEvents(e.getValue(), emitter, representer, resolver);
            }
            emitter.emit(new MappingEndEvent());
            return;
        }
        if (data instanceof List<?> list) {
            emitter.emit(new SequenceStartEvent(Optional.empty(), Optional.of(Tag.SEQ.getValue()), true,
                    list.isEmpty() ? FlowStyle.FLOW : FlowStyle.BLOCK));
            for (Object o : list) {
                emitEvents(o, emitter, representer, resolver);
            }
            emitter.emit(new SequenceEndEvent());
            return;
        }
        if (!(representer.represent(data) instanceof ScalarNode n)) {
            throw new IllegalArgumentException("writeLarge writes maps, lists and scalars only");
        }
        String v = n.getValue();
        ImplicitTuple implicit = new ImplicitTuple(n.getTag().equals(resolver.resolve(v, true)),
                n.getTag().equals(resolver.resolve(v, false)));
        emitter.emit(new ScalarEvent(Optional.empty(), Optional.of(n.getTag().getValue()), implicit, v,
                n.getScalarStyle()));
    }

    private static StreamDataWriter writer(StringWriter out) {
        return new StreamDataWriter() {
            @Override
            public void write(String str) {
                out.write(str);
            }

            @Override
            public void write(String str, int off, int len) {
                out.write(str, off, len);
            }
        };
    }

    private static DumpSettings settings(boolean explicitStart) {
        return DumpSettings.builder()
                .setDefaultFlowStyle(FlowStyle.BLOCK)
                .setDumpComments(true)
                .setIndent(2)
                .setIndicatorIndent(0)
                .setWidth(120)
                .setExplicitStart(explicitStart)
                .setSplitLines(false)
                .build();
    }

    static List<CommentLine> comments(String text) {
        List<CommentLine> lines = new ArrayList<>();
        for (String l : text.strip().split("\n", -1)) {
            lines.add(new CommentLine(Optional.empty(), Optional.empty(), l.isEmpty() ? "" : " " + l,
                    CommentType.BLOCK));
        }
        return lines;
    }

    private static final class Representer extends StandardRepresenter {
        Representer(DumpSettings settings) {
            super(settings);
        }

        @Override
        public Node represent(Object data) {
            return representAny(data);
        }

        private Node representAny(Object data) {
            if (data instanceof Commented c) {
                Node n = representAny(c.value());
                if (c.comment() != null && !c.comment().isBlank()) {
                    n.setBlockComments(comments(c.comment()));
                }
                return n;
            }
            if (data instanceof Map<?, ?> map) {
                List<NodeTuple> tuples = new ArrayList<>();
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    Object v = e.getValue();
                    String comment = null;
                    if (v instanceof Commented c) {
                        comment = c.comment();
                        v = c.value();
                    }
                    Node key = representAny(e.getKey());
                    if (comment != null && !comment.isBlank()) {
                        key.setBlockComments(comments(comment));
                    }
                    tuples.add(new NodeTuple(key, representAny(v)));
                }
                return new MappingNode(Tag.MAP, tuples, FlowStyle.BLOCK);
            }
            if (data instanceof List<?> list) {
                List<Node> items = new ArrayList<>();
                for (Object o : list) {
                    items.add(representAny(o));
                }
                return new SequenceNode(Tag.SEQ, items, list.isEmpty() ? FlowStyle.FLOW : FlowStyle.BLOCK);
            }
            if (data instanceof String s && s.contains("\n")) {
                return new ScalarNode(Tag.STR, s, ScalarStyle.LITERAL);
            }
            return super.represent(data);
        }
    }

    /** A small helper to build ordered maps: {@code YamlWriter.map("apiVersion", "v1", "kind", "Role")}. */
    public static Map<String, Object> map(Object... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("map() needs key/value pairs");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                m.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return m;
    }
}
