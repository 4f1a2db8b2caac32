package dev.kustodian.ui.app;

import javafx.beans.property.ObjectProperty;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A page view taken apart for its first attach while it is prepared ahead ({@link PagePreparation}): adding a whole
 * view to the scene costs its whole first CSS pass (skins built, styles resolved) and layout in one pulse (50-110 ms
 * for the larger pages on the 20,000-secret cluster). {@link #cut} replaces the larger parts of the view (children of
 * layout panes: boxes, stacks, grids, a border pane's positions; never a control's content, e.g. a split pane's items,
 * whose divider positions would reset) by empty placeholders, so the view joins the scene as a light frame; {@link #restoreNext()} puts a few parts back per call
 * (one call per idle pulse: each pulse styles only what came back), parents before their children. Every part is back
 * in its place, as the view was built, once {@link #restoreNext()} returned false or after {@link #restoreAll()} (the
 * page is shown, a load begins). A placeholder the page's own code took out meanwhile (e.g. a pane whose children it
 * set again when a result arrived) is not restored: the page chose new children.
 */
final class ViewPieces {
    /** Weight of the parts brought back in one pulse (roughly: nodes, a control counts for its skin's nodes). */
    static final int BUDGET = Integer.getInteger("kustodian.preparePieceWeight", 40);
    /** Parts lighter than this stay with their parent. */
    private static final int MIN_PIECE = 4;

    /** A part out of the view: {@code slot} holds its placeholder until it is back. */
    private record Cut(Slot slot, Node part, Region placeholder, int weight) {
    }

    /** Where a part sits: a place in a pane's children or a border pane's position. */
    private interface Slot {
        Node get();

        void set(Node n);
    }

    private final List<Cut> cuts;
    private final int budget;
    private int next;

    private ViewPieces(List<Cut> cuts, int budget) {
        this.cuts = cuts;
        this.budget = budget;
    }

    /** Takes the larger parts of {@code view} (not in a scene yet) out, each left as a placeholder in its place. */
    static ViewPieces cut(Node view) {
        return cut(view, BUDGET);
    }

    static ViewPieces cut(Node view, int budget) {
        Map<Node, Integer> weights = new IdentityHashMap<>();
        weigh(view, weights);
        List<Cut> cuts = new ArrayList<>();
        int[] frame = {weights.get(view)};
        split(view, frame, weights, budget, cuts);
        return new ViewPieces(cuts, budget);
    }

    /** How many parts are still out. */
    int remaining() {
        return cuts.size() - next;
    }

    /** Puts the next parts back (about one budget's weight, at least one part); false when every part is back. */
    boolean restoreNext() {
        int weight = 0;
        while (next < cuts.size() && (weight == 0 || weight + cuts.get(next).weight() <= budget)) {
            Cut c = cuts.get(next++);
            restore(c);
            weight += Math.max(1, c.weight());
        }
        return next < cuts.size();
    }

    /** Puts every part still out back. */
    void restoreAll() {
        while (next < cuts.size()) {
            restore(cuts.get(next++));
        }
    }

    private static void restore(Cut c) {
        if (c.slot().get() != c.placeholder()) {
            return; // the page set new children meanwhile
        }
        c.slot().set(c.part().getParent() == null ? c.part() : null); // unless the page put the part elsewhere
    }

    /** The place of {@code part} in {@code parent}, or null when it is not a place this class takes parts from. */
    private static Slot slotOf(Parent parent, Node part) {
        if (parent instanceof BorderPane b) {
            for (ObjectProperty<Node> position : List.of(b.topProperty(), b.leftProperty(), b.centerProperty(),
                    b.rightProperty(), b.bottomProperty())) {
                if (position.get() == part) {
                    return new Slot() {
                        @Override
                        public Node get() {
                            return position.get();
                        }

                        @Override
                        public void set(Node n) {
                            position.set(n);
                        }
                    };
                }
            }
            return null;
        }
        if (!(parent instanceof Pane p)) {
            return null;
        }
        Node[] holder = {part};
        return new Slot() {
            @Override
            public Node get() {
                return p.getChildren().contains(holder[0]) ? holder[0] : null;
            }

            @Override
            public void set(Node n) {
                int at = p.getChildren().indexOf(holder[0]);
                if (n == null) {
                    p.getChildren().remove(at);
                } else {
                    p.getChildren().set(at, n);
                }
                holder[0] = n;
            }
        };
    }

    /** Cuts the cuttable children of {@code n} while the piece {@code n} belongs to weighs more than the budget. */
    private static void split(Node n, int[] piece, Map<Node, Integer> weights, int budget, List<Cut> cuts) {
        boolean cuttable = n instanceof Pane;
        for (Node c : children(n)) {
            int w = weights.getOrDefault(c, 1);
            Slot slot = cuttable && piece[0] > budget && w >= MIN_PIECE ? slotOf((Parent) n, c) : null;
            if (slot != null) {
                Region placeholder = new Region();
                placeholder.setManaged(false);
                placeholder.setVisible(false);
                slot.set(placeholder);
                piece[0] -= w;
                int at = cuts.size();
                cuts.add(null); // its own piece, back before its own parts:
                int[] own = {w};
                split(c, own, weights, budget, cuts);
                cuts.set(at, new Cut(slot, c, placeholder, own[0]));
            } else {
                split(c, piece, weights, budget, cuts);
            }
        }
    }

    private static int weigh(Node n, Map<Node, Integer> weights) {
        int w = own(n);
        for (Node c : children(n)) {
            w += weigh(c, weights);
        }
        weights.put(n, w);
        return w;
    }

    /** A node's own weight: a control's skin adds nodes, a virtualised control a header and rows of cells. */
    private static int own(Node n) {
        if (n instanceof TableView<?> t) {
            return 20 + 4 * t.getVisibleLeafColumns().size(); // a header, and a cell per column in every row
        }
        if (n instanceof TreeTableView<?> t) {
            return 20 + 4 * t.getVisibleLeafColumns().size();
        }
        if (n instanceof TreeView<?> || n instanceof ListView<?>) {
            return 20;
        }
        return n instanceof Control ? 3 : 1;
    }

    /** The children of {@code n} as the view was built: a pane's children, a control's content (not its skin's). */
    private static List<Node> children(Node n) {
        List<Node> out = new ArrayList<>();
        if (n instanceof ScrollPane s) {
            add(out, s.getContent());
        } else if (n instanceof TitledPane t) {
            add(out, t.getContent());
        } else if (n instanceof SplitPane s) {
            out.addAll(s.getItems());
        } else if (n instanceof TabPane t) {
            for (Tab tab : t.getTabs()) {
                add(out, tab.getContent());
            }
        } else if (n instanceof Control) {
            return out; // its children are its skin's
        } else if (n instanceof Parent p) {
            out.addAll(p.getChildrenUnmodifiable());
        }
        return out;
    }

    private static void add(List<Node> out, Node n) {
        if (n != null) {
            out.add(n);
        }
    }
}
