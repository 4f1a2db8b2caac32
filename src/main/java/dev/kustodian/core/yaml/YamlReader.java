package dev.kustodian.core.yaml;

import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.json.JsonMapper;

import dev.kustodian.core.util.InputFiles;
import dev.kustodian.core.util.IoErrors;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads multi-document YAML (JSON is YAML) with snakeyaml-engine, keeping the start line of each document.
 * Timestamps stay strings (as Kubernetes writes them); documents may be large (code point limit raised).
 * Text that starts like JSON ({@code kubectl -o json}, snapshots of large clusters) is read with Jackson, which is
 * many times faster and lighter; if Jackson rejects it, snakeyaml reads it (YAML flow style) and reports errors.
 */
public final class YamlReader {
    private YamlReader() {
    }

    private static LoadSettings settings(String label) {
        return LoadSettings.builder()
                .setLabel(label)
                .setCodePointLimit(Integer.MAX_VALUE)
                .setAllowDuplicateKeys(false)
                .setMaxAliasesForCollections(MAX_ALIASES)
                .setAllowRecursiveKeys(false)
                .setParseComments(false)
                .build();
    }

    /** Deeper nesting is refused (a Kubernetes object, CRD schemas included, stays far below). */
    public static final int MAX_DEPTH = 300;
    /** Aliases per document (Kubernetes manifests rarely use any). */
    static final int MAX_ALIASES = 200;
    /** Values that aliases may add when expanded ("billion laughs" documents add billions). */
    static final long MAX_ALIAS_EXPANSION = 1_000_000;

    /**
     * Reads a YAML/JSON file through {@link InputFiles}: regular files only, within the size budget, UTF-8 (or
     * UTF-16 with a byte-order mark); nesting, aliases and duplicate keys are limited as for any text.
     */
    public static List<YamlDocument> read(Path file) {
        String label = file.toString();
        try (Reader r = InputFiles.openText(file, "YAML or JSON file", InputFiles.SNAPSHOT_BUDGET)) {
            return read(r, label);
        } catch (IOException e) {
            throw new YamlException(label, 0, "cannot be read (" + IoErrors.describe(e) + ")");
        }
    }

    public static List<YamlDocument> read(String text, String label) {
        return read(new StringReader(text), label);
    }

    /**
     * The mapper for text that starts like JSON, built on first use: YAML alone (the plan's state file read at every
     * start-up, manifests) never loads Jackson's databind (~380 classes and its modules' set-up).
     */
    private static final class Json {
        static final JsonMapper MAPPER = JsonMapper.builder(tools.jackson.core.json.JsonFactory.builder()
                        .streamReadConstraints(tools.jackson.core.StreamReadConstraints.builder()
                                .maxNestingDepth(MAX_DEPTH).build())
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /** Reads every document; empty documents are skipped. */
    public static List<YamlDocument> read(Reader reader, String label) {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
        String text;
        try {
            if (!startsLikeJson(in)) {
                return readYaml(in, label);
            }
            StringBuilder sb = new StringBuilder(1 << 16);
            char[] buf = new char[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                sb.append(buf, 0, n);
            }
            text = sb.toString();
        } catch (IOException e) {
            throw new YamlException(label, 0, "cannot be read (" + IoErrors.describe(e) + ")");
        }
        try {
            return readJson(text, label);
        } catch (JacksonException | StackOverflowError notJson) {
            // YAML flow style ({a: b}) or broken JSON: snakeyaml reads the one, and explains the other
            return readYaml(new StringReader(text), label);
        }
    }

    /** True when the first character after white space and a byte-order mark is '{' or '['. */
    private static boolean startsLikeJson(BufferedReader in) throws IOException {
        in.mark(1 << 15);
        int c;
        int seen = 0;
        do {
            c = in.read();
            seen++;
        } while (c != -1 && seen < (1 << 15) - 1 && (c == '\uFEFF' || Character.isWhitespace(c)));
        in.reset();
        return c == '{' || c == '[';
    }

    // package-private for tests
    static List<YamlDocument> readJson(String text, String label) {
        List<YamlDocument> docs = new ArrayList<>();
        try (JsonParser p = Json.MAPPER.createParser(text)) {
            while (p.nextToken() != null) {
                int line = p.currentTokenLocation().getLineNr();
                Object value = Json.MAPPER.readValue(p, Object.class);
                if (value != null) {
                    docs.add(new YamlDocument(value, label, line));
                }
            }
        }
        return docs;
    }

    /**
     * Like {@link #read(Path)}, always with the YAML parser, and with the line of every field (for reports that
     * point at the field, such as {@code lint}).
     */
    public static List<YamlDocument> readWithFieldLines(Path file) {
        String label = file.toString();
        try (Reader r = InputFiles.openText(file, "YAML or JSON file", InputFiles.SNAPSHOT_BUDGET)) {
            return readYaml(r, label, true);
        } catch (IOException e) {
            throw new YamlException(label, 0, "cannot be read (" + IoErrors.describe(e) + ")");
        }
    }

    /** Like {@link #readWithFieldLines(Path)} for text already read. */
    public static List<YamlDocument> readWithFieldLines(String text, String label) {
        return readYaml(new StringReader(text), label, true);
    }

    /** More field lines than this are not indexed (the document's line stands in for the rest). */
    private static final int MAX_FIELD_LINES = 500_000;

    /**
     * Field paths as the validators write them: {@code a.b[0].c}; keys are scalars, lines 1-based. An aliased node
     * is indexed once, at its first path (following every alias again would double the work per alias).
     */
    private static void indexLines(Node node, String path, Map<String, Integer> out, int depth,
                                   java.util.Set<Node> seen) {
        if (depth > 64 || out.size() >= MAX_FIELD_LINES || !seen.add(node)) {
            return;
        }
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k) {
                    String p = path.isEmpty() ? k.getValue() : path + "." + k.getValue();
                    k.getStartMark().ifPresent(mark -> out.putIfAbsent(p, mark.getLine() + 1));
                    indexLines(t.getValueNode(), p, out, depth + 1, seen);
                }
            }
        } else if (node instanceof SequenceNode seq) {
            int i = 0;
            for (Node item : seq.getValue()) {
                String p = path + "[" + i++ + "]";
                item.getStartMark().ifPresent(mark -> out.putIfAbsent(p, mark.getLine() + 1));
                indexLines(item, p, out, depth + 1, seen);
            }
        }
    }

    private static List<YamlDocument> readYaml(Reader reader, String label) {
        return readYaml(reader, label, false);
    }

    private static List<YamlDocument> readYaml(Reader reader, String label, boolean withFieldLines) {
        LoadSettings settings = settings(label);
        List<YamlDocument> docs = new ArrayList<>();
        try {
            Composer composer = new Composer(settings,
                    new DepthLimitedParser(new ParserImpl(settings, new StreamReader(settings, reader)), label));
            StandardConstructor constructor = new PlainConstructor(settings);
            while (composer.hasNext()) {
                Node node = composer.next();
                int line = node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
                checkAliases(node, label, line);
                Map<String, Integer> lines = Map.of();
                if (withFieldLines) {
                    lines = new java.util.HashMap<>();
                    indexLines(node, "", lines, 0, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
                }
                Object value = constructor.constructSingleDocument(Optional.of(node));
                if (value != null) {
                    docs.add(new YamlDocument(value, label, line, lines));
                }
            }
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().or(e::getContextMark).map(Mark::getLine).map(l -> l + 1).orElse(0);
            throw new YamlException(label, line, "is not valid YAML: " + firstLine(e.getProblem()));
        } catch (YamlEngineException e) {
            throw new YamlException(label, 0, "is not valid YAML: " + firstLine(e.getMessage()));
        }
        return docs;
    }

    /**
     * Refuses a document whose aliases refer to themselves or expand to more than {@link #MAX_ALIAS_EXPANSION}
     * values or {@link #MAX_DEPTH} levels (iteratively: the check itself never recurses).
     */
    static void checkAliases(Node root, String label, int line) {
        java.util.IdentityHashMap<Node, long[]> done = new java.util.IdentityHashMap<>(); // {values, depth}
        java.util.Set<Node> open = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.ArrayDeque<Node> stack = new java.util.ArrayDeque<>();
        long distinct = 0;
        stack.push(root);
        while (!stack.isEmpty()) {
            Node n = stack.peek();
            if (done.containsKey(n)) {
                stack.pop();
                continue;
            }
            List<Node> kids = children(n);
            if (open.add(n)) {
                for (Node k : kids) {
                    if (open.contains(k) && !done.containsKey(k)) {
                        int at = k.getStartMark().map(m -> m.getLine() + 1).orElse(line);
                        throw new YamlException(label, at, "an alias refers to the collection that contains it "
                                + "(a recursive document); Kubernetes objects never do. Remove the alias.");
                    }
                    if (!done.containsKey(k)) {
                        stack.push(k);
                    }
                }
                continue;
            }
            long values = 1;
            long depth = 0;
            for (Node k : kids) {
                long[] d = done.get(k);
                values = Math.min(Long.MAX_VALUE / 4, values + d[0]);
                depth = Math.max(depth, d[1]);
            }
            depth++;
            distinct++;
            if (depth > MAX_DEPTH) {
                throw new YamlException(label, line, "is nested more than " + MAX_DEPTH + " levels deep through its "
                        + "aliases; this is not a Kubernetes object. Check that it is the right file.");
            }
            if (values - distinct > MAX_ALIAS_EXPANSION) {
                throw new YamlException(label, line, "its aliases expand to more than " + MAX_ALIAS_EXPANSION
                        + " values (an alias bomb, \"billion laughs\"); it is not read. Write the values out "
                        + "instead of aliasing them.");
            }
            done.put(n, new long[]{values, depth});
            open.remove(n);
            stack.pop();
        }
    }

    private static List<Node> children(Node n) {
        if (n instanceof MappingNode m) {
            List<Node> out = new ArrayList<>(m.getValue().size() * 2);
            for (NodeTuple t : m.getValue()) {
                out.add(t.getKeyNode());
                out.add(t.getValueNode());
            }
            return out;
        }
        if (n instanceof SequenceNode seq) {
            return seq.getValue();
        }
        return List.of();
    }

    /** Counts collection starts as the composer pulls events: deeper than {@link #MAX_DEPTH} is refused early. */
    private static final class DepthLimitedParser implements org.snakeyaml.engine.v2.parser.Parser {
        private final org.snakeyaml.engine.v2.parser.Parser in;
        private final String label;
        private int depth;

        DepthLimitedParser(org.snakeyaml.engine.v2.parser.Parser in, String label) {
            this.in = in;
            this.label = label;
        }

        @Override
        public boolean checkEvent(org.snakeyaml.engine.v2.events.Event.ID id) {
            return in.checkEvent(id);
        }

        @Override
        public org.snakeyaml.engine.v2.events.Event peekEvent() {
            return in.peekEvent();
        }

        @Override
        public boolean hasNext() {
            return in.hasNext();
        }

        @Override
        public org.snakeyaml.engine.v2.events.Event next() {
            org.snakeyaml.engine.v2.events.Event e = in.next();
            switch (e.getEventId()) {
                case MappingStart, SequenceStart -> {
                    if (++depth > MAX_DEPTH) {
                        int at = e.getStartMark().map(m -> m.getLine() + 1).orElse(0);
                        throw new YamlException(label, at, "is nested too deeply (more than " + MAX_DEPTH
                                + " levels); this is not a Kubernetes object. Check that it is the right file.");
                    }
                }
                case MappingEnd, SequenceEnd -> depth--;
                default -> {
                }
            }
            return e;
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "syntax error";
        }
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }

    /** Reads a single-document YAML or JSON text into a map; throws YamlException when it is not a mapping. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> readMap(String text, String label) {
        List<YamlDocument> docs = read(text, label);
        if (docs.isEmpty()) {
            throw new YamlException(label, 0, "is empty");
        }
        if (!(docs.get(0).value() instanceof Map)) {
            throw new YamlException(label, docs.get(0).line(), "is not a YAML mapping");
        }
        return (Map<String, Object>) docs.get(0).value();
    }

    /** Keeps timestamps as strings (Kubernetes objects use RFC 3339 strings). */
    private static final class PlainConstructor extends StandardConstructor {
        PlainConstructor(LoadSettings settings) {
            super(settings);
            ConstructNode str = tagConstructors.get(Tag.STR);
            tagConstructors.put(new Tag(Tag.PREFIX + "timestamp"), str);
        }
    }
}
