package dev.kustodian.ui.app;

import dev.kustodian.core.model.VisibilityGap;
import dev.kustodian.ui.framework.DialogService;
import javafx.geometry.Pos;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;
import java.util.stream.Collectors;

/** The status bar: connection state, identity, what could not be seen (details on click), messages, shortcuts. */
final class StatusBar extends HBox {

    StatusBar(ShellViewModel vm, DialogService dialogs, int lastPageShortcut) {
        super(14);
        Label conn = new Label();
        conn.setId("connection-state");
        Runnable upd = () -> {
            ShellViewModel.Connection c = vm.connection.get();
            conn.setText(switch (c) {
                case NOT_CONNECTED -> "Not connected";
                case LOADING -> "Loading…";
                case CONNECTED -> "Connected";
                case SNAPSHOT -> "Offline (snapshot)";
                case ERROR -> "Error";
            });
            conn.setGraphic(new FontIcon(switch (c) {
                case CONNECTED -> Feather.CHECK_CIRCLE;
                case LOADING -> Feather.LOADER;
                case SNAPSHOT -> Feather.FILE_TEXT;
                case ERROR -> Feather.ALERT_OCTAGON;
                case NOT_CONNECTED -> Feather.WIFI_OFF;
            }));
            conn.getStyleClass().removeAll("conn-ok", "conn-error");
            conn.getStyleClass().add(c == ShellViewModel.Connection.ERROR ? "conn-error" : "conn-ok");
        };
        vm.connection.addListener((o, a, b) -> upd.run());
        upd.run();
        Label identity = new Label();
        identity.setId("identity");
        identity.textProperty().bind(vm.identity);
        identity.setGraphic(new FontIcon(Feather.USER));
        identity.visibleProperty().bind(vm.identity.isNotEmpty());
        Hyperlink gaps = new Hyperlink();
        gaps.setId("gaps-link");
        gaps.textProperty().bind(vm.gapsText);
        gaps.setGraphic(new FontIcon(Feather.EYE_OFF));
        gaps.visibleProperty().bind(vm.gapsText.isNotEmpty());
        gaps.setOnAction(e -> dialogs.showInfo("Not visible", describeGaps(vm.gaps())));
        Label message = new Label();
        message.textProperty().bind(vm.statusMessage);
        message.getStyleClass().add("status-message");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label hint = new Label("Ctrl+1…" + lastPageShortcut + " pages · Ctrl+F filter · Ctrl+R refresh");
        hint.setId("shortcuts-hint");
        hint.getStyleClass().add("status-message");
        getChildren().addAll(conn, identity, gaps, message, spacer, hint);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("status-bar");
    }

    static String describeGaps(List<VisibilityGap> gaps) {
        if (gaps.isEmpty()) {
            return "Everything could be read.";
        }
        return "These parts could not be read; the rest of the cluster loaded and was analysed:\n\n"
                + gaps.stream().map(g -> "• " + g.resource() + (g.namespace().isEmpty() ? "" : " in " + g.namespace())
                        + ": " + g.message()).collect(Collectors.joining("\n"))
                + "\n\nAsk your administrator for list access on these resources, or load a snapshot taken by "
                + "someone who has it.";
    }
}
