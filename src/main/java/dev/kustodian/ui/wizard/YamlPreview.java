package dev.kustodian.ui.wizard;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Read-only YAML view with highlighting: keys, comments, strings and literals (numbers, booleans, null) get their own
 * style classes ({@code yaml-key}, {@code yaml-comment}, {@code yaml-string}, {@code yaml-literal},
 * {@code yaml-punct}). {@link #getText()} is exactly the text set (what Copy copies and tests read).
 */
public final class YamlPreview extends ScrollPane {
    /** One highlighted piece of the text. */
    public record Segment(String text, String style) {
    }

    private final StringProperty text = new SimpleStringProperty("");
    private final TextFlow flow = new TextFlow();

    public YamlPreview() {
        getStyleClass().add("yaml-preview");
        flow.getStyleClass().add("yaml-flow");
        setContent(flow);
        setFitToWidth(true);
        text.addListener((o, a, b) -> render(b));
    }

    public StringProperty textProperty() {
        return text;
    }

    public String getText() {
        return text.get();
    }

    private void render(String s) {
        List<Text> nodes = new ArrayList<>();
        for (Segment seg : segments(s == null ? "" : s)) {
            Text t = new Text(seg.text());
            t.getStyleClass().addAll("yaml-text", seg.style());
            nodes.add(t);
        }
        flow.getChildren().setAll(nodes);
    }

    private static final Pattern KEY = Pattern.compile(
            "^(\\s*(?:-\\s+)*)(\"[^\"]*\"|'[^']*'|[^\\s#'\"\\-][^:#]*?|-[^\\s:#][^:#]*?)(:)(?=\\s|$)");
    private static final Pattern ITEM = Pattern.compile("^(\\s*(?:-\\s+)+|\\s*-$)");
    private static final Pattern LITERAL = Pattern.compile(
            "(?:-?\\d+(?:\\.\\d+)?|true|false|null|~|True|False|Null|\\{\\}|\\[\\])");
    private static final Pattern BLOCK = Pattern.compile("[|>][-+]?\\d?");

    /** Splits YAML text into highlighted segments; concatenated they are the input, unchanged. */
    public static List<Segment> segments(String yaml) {
        List<Segment> out = new ArrayList<>();
        int blockIndent = -1; // > -1 while inside a block scalar: lines indented more than this are its content
        String[] lines = yaml.split("\n", -1);
        for (int li = 0; li < lines.length; li++) {
            String line = lines[li];
            String nl = li < lines.length - 1 ? "\n" : "";
            int indent = indentOf(line);
            if (blockIndent >= 0) {
                if (line.isBlank() || indent > blockIndent) {
                    add(out, line + nl, "yaml-string");
                    continue;
                }
                blockIndent = -1;
            }
            String trimmed = line.trim();
            if (trimmed.startsWith("#")) {
                add(out, line + nl, "yaml-comment");
                continue;
            }
            if (trimmed.equals("---") || trimmed.equals("...")) {
                add(out, line + nl, "yaml-punct");
                continue;
            }
            String rest;
            Matcher k = KEY.matcher(line);
            if (k.find()) {
                add(out, k.group(1), "yaml-punct");
                add(out, k.group(2), "yaml-key");
                add(out, k.group(3), "yaml-punct");
                rest = line.substring(k.end());
            } else {
                Matcher it = ITEM.matcher(line);
                if (it.find()) {
                    add(out, it.group(1), "yaml-punct");
                    rest = line.substring(it.end());
                } else {
                    rest = line;
                }
            }
            value(out, rest);
            if (BLOCK.matcher(stripComment(rest).trim()).matches()) {
                blockIndent = indent;
            }
            add(out, nl, "yaml-punct");
        }
        return out;
    }

    private static void value(List<Segment> out, String rest) {
        String v = stripComment(rest);
        String comment = rest.substring(v.length());
        int lead = 0;
        while (lead < v.length() && Character.isWhitespace(v.charAt(lead))) {
            lead++;
        }
        int trail = v.length();
        while (trail > lead && Character.isWhitespace(v.charAt(trail - 1))) {
            trail--;
        }
        add(out, v.substring(0, lead), "yaml-punct");
        String core = v.substring(lead, trail);
        add(out, core, LITERAL.matcher(core).matches() || BLOCK.matcher(core).matches() ? "yaml-literal"
                : "yaml-string");
        add(out, v.substring(trail), "yaml-punct");
        add(out, comment, "yaml-comment");
    }

    /** The value without a trailing {@code # comment} (a '#' after whitespace, outside quotes). */
    private static String stripComment(String s) {
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if ((c == '"' || c == '\'') && (i == 0 || Character.isWhitespace(s.charAt(i - 1)))) {
                quote = c;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(s.charAt(i - 1)))) {
                return s.substring(0, i);
            }
        }
        return s;
    }

    private static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static void add(List<Segment> out, String text, String style) {
        if (!text.isEmpty()) {
            out.add(new Segment(text, style));
        }
    }
}
