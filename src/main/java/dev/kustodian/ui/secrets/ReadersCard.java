package dev.kustodian.ui.secrets;

import dev.kustodian.ui.framework.Card;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;

/** Who can read the selected secret: people first, system components collapsed, each with how and through what. */
final class ReadersCard {
    private static final String INDIRECT = "indirect: ";

    private ReadersCard() {
    }

    static Card of(SecretRow r, SecretsViewModel vm) {
        VBox list = new VBox(6);
        list.setId("secret-readers");
        if (!vm.readersAvailable()) {
            list.getChildren().add(new Label("Who can read it is not known: " + vm.readersProblem() + "."));
            return new Card("Who can read it", list);
        }
        List<ReaderEntry> entries = vm.readersOf(r);
        List<ReaderEntry> people = entries.stream().filter(e -> !e.system()).toList();
        List<ReaderEntry> system = entries.stream().filter(ReaderEntry::system).toList();
        if (people.isEmpty()) {
            list.getChildren().add(new Label("No subject outside the system components can read it.",
                    new FontIcon(Feather.CHECK_CIRCLE)));
        }
        for (ReaderEntry e : people) {
            list.getChildren().add(readerRow(e));
        }
        if (!system.isEmpty()) {
            VBox sys = new VBox(6);
            system.forEach(e -> sys.getChildren().add(readerRow(e)));
            TitledPane tp = new TitledPane("System components (" + system.size() + ")", sys);
            tp.setExpanded(false);
            tp.setId("system-readers");
            list.getChildren().add(tp);
        }
        return new Card("Who can read it (" + people.size() + (system.isEmpty() ? "" : " + " + system.size()
                + " system") + ")", list);
    }

    private static Node readerRow(ReaderEntry e) {
        Label who = new Label(e.subject(), new FontIcon(e.subject().startsWith("Group/") ? Feather.USERS
                : e.subject().startsWith("ServiceAccount/") ? Feather.CPU : Feather.USER));
        who.getStyleClass().add("field-label");
        Label kind = new Label(e.direct() ? "direct" : "indirect");
        kind.getStyleClass().addAll("reader-kind", e.direct() ? "reader-direct" : "reader-indirect");
        HBox top = new HBox(8, who, kind);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(2, top);
        List<String> direct = e.hows().stream().filter(h -> !h.startsWith(INDIRECT)).toList();
        List<String> indirect = e.hows().stream().filter(h -> h.startsWith(INDIRECT))
                .map(h -> h.substring(INDIRECT.length())).toList();
        for (String h : direct) {
            box.getChildren().add(muted(h));
        }
        int shownIndirect = Math.min(indirect.size(), direct.isEmpty() ? 2 : 1);
        for (String h : indirect.subList(0, shownIndirect)) {
            box.getChildren().add(muted("indirect: " + h));
        }
        if (indirect.size() > shownIndirect) {
            Label more = muted("+ " + (indirect.size() - shownIndirect) + " more indirect way(s)");
            more.setTooltip(new Tooltip(String.join("\n", indirect)));
            more.getStyleClass().add("reader-more");
            box.getChildren().add(more);
        }
        int shownPaths = Math.min(e.paths().size(), 4);
        for (String p : e.paths().subList(0, shownPaths)) {
            Label l = new Label("via " + p);
            l.setWrapText(true);
            l.getStyleClass().add("reader-path");
            box.getChildren().add(l);
        }
        if (e.paths().size() > shownPaths) {
            Label more = muted("+ " + (e.paths().size() - shownPaths) + " more path(s)");
            more.setTooltip(new Tooltip(String.join("\n", e.paths())));
            box.getChildren().add(more);
        }
        box.getStyleClass().add("reader-row");
        return box;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add("finding-why");
        return l;
    }
}
