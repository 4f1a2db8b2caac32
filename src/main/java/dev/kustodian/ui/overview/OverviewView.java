package dev.kustodian.ui.overview;

import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.findings.Severity;
import dev.kustodian.core.model.VisibilityGap;
import dev.kustodian.ui.framework.PageContext;
import dev.kustodian.ui.framework.Card;
import dev.kustodian.ui.framework.Labels;
import dev.kustodian.ui.framework.Css;
import dev.kustodian.ui.framework.EmptyState;
import dev.kustodian.ui.framework.FindingRow;
import dev.kustodian.ui.framework.PacedSteps;
import dev.kustodian.ui.framework.SeverityChip;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Locale;
import java.util.Map;

/** The Overview page's view: posture cards, top findings, cluster facts, visibility gaps, onboarding checklist. */
public final class OverviewView extends ScrollPane {
    private final PageContext ctx;
    /**
     * Above this many findings (a load large enough for the page to compute its model in the background) the view is
     * built in four pulses; below, in one, with the load's first frame.
     */
    static final int PIECEWISE_FINDINGS = 2_000;
    private final VBox content = new VBox(16);
    private long rendering;

    public OverviewView(OverviewViewModel vm, PageContext ctx) {
        this.ctx = ctx;
        getStyleClass().add("overview");
        Css.add(this, "/dev/kustodian/ui/overview/overview.css");
        setFitToWidth(true);
        content.setPadding(new Insets(20));
        content.getStyleClass().add("overview-content");
        setContent(content);
        vm.model.addListener((o, a, b) -> render(b));
        render(vm.model());
    }

    private void render(OverviewViewModel.Model m) {
        long gen = ++rendering;
        if (m == null) {
            content.getChildren().setAll(new EmptyState(Feather.LOADER, "Nothing loaded yet",
                    "Connect to a cluster, open a snapshot file or the demo cluster to see its overview."));
            return;
        }
        Node header = new VBox(2, Labels.pageTitle("Overview"), Labels.subtitle(m.source()
                + " · Kubernetes " + m.serverVersion() + " · " + m.totalFindings() + " finding(s)"));

        HBox cards = new HBox(12);
        cards.setId("posture-cards");
        for (OverviewViewModel.Posture p : m.postures()) {
            Node c = postureCard(p);
            HBox.setHgrow(c, Priority.ALWAYS);
            cards.getChildren().add(c);
        }

        VBox left = new VBox(16);
        VBox right = new VBox(16);
        left.setPrefWidth(900);
        right.setPrefWidth(520);
        right.setMinWidth(380);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox row = new HBox(16, left, right);
        Scene scene = getScene();
        if (scene == null || m.totalFindings() <= PIECEWISE_FINDINGS) {
            left.getChildren().setAll(topFindings(m), checklist(m));
            right.getChildren().setAll(clusterCard(m), gapsCard(m));
            content.getChildren().setAll(header, cards, row);
            return;
        }
        // a large load: its nodes are styled in four pulses (the heading and the cards, the top findings, the
        // checklist, the right column), each well under 50 ms of the FX thread; the previous load's columns stay until
        // the new ones replace them
        javafx.collections.ObservableList<Node> shown = content.getChildren();
        if (shown.size() == 3 && shown.get(2) instanceof HBox) {
            shown.set(0, header);
            shown.set(1, cards);
        } else {
            shown.setAll(header, cards);
        }
        afterAPulse(scene, gen, () -> {
            left.getChildren().add(topFindings(m));
            if (shown.size() == 3) {
                shown.set(2, row);
            } else {
                shown.add(row);
            }
            afterAPulse(scene, gen, () -> {
                left.getChildren().add(checklist(m));
                afterAPulse(scene, gen, () -> right.getChildren().setAll(clusterCard(m), gapsCard(m)));
            });
        });
    }

    /**
     * Runs {@code step} with a pulse of its own after the previous step ({@link PacedSteps}: the pulse in between styles
     * what the previous step added, and no other page's paced update shares it).
     */
    private void afterAPulse(Scene scene, long gen, Runnable step) {
        PacedSteps.of(scene).add(() -> {
            if (gen == rendering) { // not replaced by a newer model meanwhile
                step.run();
            }
        });
    }

    private Node postureCard(OverviewViewModel.Posture p) {
        Feather icon = switch (p.state()) {
            case NOT_ANALYSED -> Feather.MINUS_CIRCLE;
            case OK -> Feather.CHECK_CIRCLE;
            case ATTENTION -> Feather.ALERT_TRIANGLE;
            case CRITICAL -> Feather.ALERT_OCTAGON;
        };
        String word = switch (p.state()) {
            case NOT_ANALYSED -> "Not analysed";
            case OK -> "OK";
            case ATTENTION -> "Needs attention";
            case CRITICAL -> "At risk";
        };
        Label state = new Label(word, new FontIcon(icon));
        state.getStyleClass().addAll("posture-state", "posture-" + p.state().name().toLowerCase(Locale.ROOT));
        Label headline = new Label(p.headline());
        headline.getStyleClass().add("posture-headline");
        // chips wrap on narrow cards instead of being cut to "..."
        javafx.scene.layout.FlowPane chips = new javafx.scene.layout.FlowPane(4, 4);
        for (Map.Entry<Severity, Integer> e : p.counts().entrySet()) {
            SeverityChip chip = new SeverityChip(e.getKey());
            chip.setText(e.getValue() + " " + e.getKey().label());
            chip.setMinWidth(Region.USE_PREF_SIZE);
            chips.getChildren().add(chip);
        }
        Card card = new Card(p.area().title, state, headline);
        card.setId("posture-" + p.area().id);
        card.getStyleClass().add("posture-card");
        if (!chips.getChildren().isEmpty()) {
            card.getChildren().add(chips);
        }
        if (p.nextStep() != null) {
            Label next = new Label((p.state() == OverviewViewModel.State.NOT_ANALYSED ? "" : "Next: ")
                    + p.nextStep());
            next.setWrapText(true);
            next.getStyleClass().add("posture-next");
            card.getChildren().add(next);
        }
        if (p.topFinding() != null && p.topFinding().fix() != null) {
            card.getChildren().add(FindingRow.fixButton(p.topFinding(), ctx));
        } else if (p.state() != OverviewViewModel.State.NOT_ANALYSED && ctx.hasPage(p.area().pageId)) {
            Button open = new Button("Open " + p.area().title);
            open.setOnAction(e -> ctx.navigate(p.area().pageId));
            card.getChildren().add(open);
        }
        card.setMinWidth(220);
        card.setMaxWidth(Double.MAX_VALUE);
        return card;
    }

    private Node topFindings(OverviewViewModel.Model m) {
        VBox list = new VBox(8);
        list.setId("top-findings");
        if (m.topFindings().isEmpty()) {
            list.getChildren().add(new Label(m.totalFindings() == 0
                    ? "No findings: either nothing is wrong or no checks are installed for the areas above."
                    : "Only findings about expected system components."));
        }
        for (Finding f : m.topFindings()) {
            list.getChildren().add(new FindingRow(f, ctx, false));
        }
        return new Card("Top findings", list);
    }

    private Node clusterCard(OverviewViewModel.Model m) {
        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(4);
        g.getColumnConstraints().addAll(new ColumnConstraints(), new ColumnConstraints());
        int r = 0;
        g.addRow(r++, Labels.key("Source"), Labels.value(m.source()));
        g.addRow(r++, Labels.key("Server version"), Labels.value(m.serverVersion()));
        g.addRow(r++, Labels.key("You are"), Labels.value(m.identity()));
        VBox box = new VBox(10, g);
        GridPane counts = new GridPane();
        counts.setId("kind-counts");
        counts.setHgap(24);
        counts.setVgap(2);
        int i = 0;
        for (Map.Entry<String, Integer> e : m.counts().entrySet()) {
            Label k = new Label(e.getKey());
            Label v = new Label(String.valueOf(e.getValue()));
            v.getStyleClass().add("count-value");
            counts.add(k, (i % 2) * 2, i / 2);
            counts.add(v, (i % 2) * 2 + 1, i / 2);
            i++;
        }
        Label ch = new Label("Objects");
        ch.getStyleClass().add("field-label");
        box.getChildren().addAll(ch, counts);
        return new Card("Cluster", box);
    }

    private Node gapsCard(OverviewViewModel.Model m) {
        VBox list = new VBox(6);
        list.setId("visibility-gaps");
        if (m.gaps().isEmpty()) {
            list.getChildren().add(new Label("Everything the analyses need could be read.",
                    new FontIcon(Feather.CHECK_CIRCLE)));
        }
        for (VisibilityGap gap : m.gaps()) {
            Label l = new Label(gap.resource() + (gap.namespace().isEmpty() ? " (all namespaces)" : " in "
                    + gap.namespace()) + ": " + gap.message() + (gap.status() > 0 ? " (HTTP " + gap.status() + ")" : ""),
                    new FontIcon(Feather.EYE_OFF));
            l.setWrapText(true);
            list.getChildren().add(l);
        }
        return new Card("Visibility gaps (" + m.gaps().size() + ")", list);
    }

    private Node checklist(OverviewViewModel.Model m) {
        VBox list = new VBox(8);
        list.setId("onboarding-checklist");
        int n = 1;
        for (OverviewViewModel.ChecklistStep s : m.checklist()) {
            Feather icon = switch (s.state()) {
                case DONE -> Feather.CHECK_CIRCLE;
                case TODO -> Feather.CIRCLE;
                case NOT_ANALYSED -> Feather.MINUS_CIRCLE;
                case MANUAL -> Feather.HELP_CIRCLE;
            };
            String word = switch (s.state()) {
                case DONE -> "Done";
                case TODO -> "To do";
                case NOT_ANALYSED -> "Not analysed";
                case MANUAL -> "Your call";
            };
            Label state = new Label(word, new FontIcon(icon));
            state.getStyleClass().addAll("step-state", "step-" + s.state().name().toLowerCase(Locale.ROOT));
            state.setMinWidth(130);
            Label t = new Label(n++ + ". " + s.title());
            t.getStyleClass().add("field-label");
            Label d = new Label(s.detail());
            d.setWrapText(true);
            d.getStyleClass().add("finding-why");
            VBox text = new VBox(2, t, d);
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox row = new HBox(10, state, text);
            if (s.pageId() != null && ctx.hasPage(s.pageId()) && s.state() != OverviewViewModel.StepState.DONE) {
                Button go = new Button("Open");
                go.setOnAction(e -> ctx.navigate(s.pageId()));
                row.getChildren().add(go);
            }
            list.getChildren().add(row);
        }
        if (m.planSummary() != null) {
            Label summary = new Label(m.planSummary());
            summary.setId("plan-summary");
            summary.setWrapText(true);
            summary.getStyleClass().add("field-label");
            Button open = new Button("Open the plan", new FontIcon(Feather.CHECK_SQUARE));
            open.setId("open-plan");
            open.setDisable(!ctx.hasPage(OverviewViewModel.PLAN_PAGE));
            open.setOnAction(e -> ctx.navigate(OverviewViewModel.PLAN_PAGE));
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox head = new HBox(10, summary, gap, open);
            head.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            list.getChildren().add(0, head);
            return new Card("Hardening plan", list);
        }
        return new Card("Getting started", list);
    }
}
