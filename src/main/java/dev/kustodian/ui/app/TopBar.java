package dev.kustodian.ui.app;

import dev.kustodian.core.cluster.SourceSpec;
import dev.kustodian.ui.framework.AppState;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;

/**
 * The context banner (coloured by source: production red, demo, snapshot, live) above the top bar: context picker,
 * production mark, namespace filter (all / one / several), load progress with Cancel, data source label, refresh
 * and theme.
 */
final class TopBar extends VBox {
    private final ShellViewModel vm;
    private final AppState state;
    private final Label banner = new Label();
    private final ComboBox<String> contextPicker = new ComboBox<>();
    private final MenuButton namespaceFilter = new MenuButton();
    private final ToggleButton productionToggle = new ToggleButton("Production", new FontIcon(Feather.FLAG));
    private boolean updatingContext;

    TopBar(ShellViewModel vm, Runnable toggleTheme) {
        this.vm = vm;
        this.state = vm.state;
        buildBanner();
        getChildren().addAll(banner, bar(toggleTheme));
    }

    private void buildBanner() {
        banner.setId("context-banner");
        banner.getStyleClass().add("context-banner");
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.textProperty().bind(vm.bannerText);
        banner.visibleProperty().bind(vm.bannerText.isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        Runnable style = () -> {
            banner.getStyleClass().removeAll("banner-production", "banner-demo", "banner-snapshot", "banner-live");
            SourceSpec spec = state.source.get();
            String cls = spec == null ? "banner-live" : switch (spec.kind()) {
                case DEMO -> "banner-demo";
                case SNAPSHOT -> "banner-snapshot";
                case LIVE, IN_CLUSTER -> state.isProduction() ? "banner-production" : "banner-live";
            };
            banner.getStyleClass().add(cls);
            banner.setGraphic(new FontIcon(cls.equals("banner-production") ? Feather.ALERT_OCTAGON : Feather.SERVER));
        };
        vm.bannerText.addListener((o, a, b) -> style.run());
        state.production.addListener((o, a, b) -> style.run());
        style.run();
    }

    private HBox bar(Runnable toggleTheme) {
        contextPicker.setId("context-picker");
        contextPicker.setItems(vm.contextItems);
        contextPicker.setPromptText(vm.contextItems.isEmpty() ? "No kubeconfig contexts" : "Choose a context");
        contextPicker.setTooltip(new Tooltip("Kubeconfig context to load"));
        contextPicker.setPrefWidth(220);
        contextPicker.valueProperty().addListener((o, a, b) -> {
            if (!updatingContext && b != null) {
                vm.switchContext(b);
            }
        });
        state.selectedContext.addListener((o, a, b) -> {
            updatingContext = true;
            try {
                contextPicker.setValue(b);
            } finally {
                updatingContext = false;
            }
        });
        productionToggle.setId("production-toggle");
        productionToggle.setTooltip(new Tooltip("Mark this context as production: red banner, red confirmations"));
        productionToggle.disableProperty().bind(state.selectedContext.isNull());
        productionToggle.selectedProperty().bindBidirectional(state.production);
        productionToggle.setOnAction(e -> vm.setProduction(productionToggle.isSelected()));

        namespaceFilter.setId("namespace-filter");
        namespaceFilter.setGraphic(new FontIcon(Feather.FILTER));
        vm.namespaces.addListener((ListChangeListener<String>) c -> rebuildNamespaceMenu());
        state.namespaceFilter.addListener((ListChangeListener<String>) c -> {
            updateNamespaceLabel();
            syncNamespaceChecks();
        });
        rebuildNamespaceMenu();

        Label source = new Label();
        source.setId("source-label");
        source.getStyleClass().add("source-label");
        source.textProperty().bind(vm.sourceLabel);
        source.setGraphic(new FontIcon(Feather.DATABASE));

        Button refresh = new Button(null, new FontIcon(Feather.REFRESH_CW));
        refresh.setId("refresh");
        refresh.setTooltip(new Tooltip("Refresh (Ctrl+R)"));
        refresh.setOnAction(e -> vm.refresh());
        refresh.disableProperty().bind(vm.loading);

        Button theme = new Button(null, new FontIcon(Feather.MOON));
        theme.setId("theme-toggle");
        theme.setTooltip(new Tooltip("Light / dark theme"));
        theme.setOnAction(e -> toggleTheme.run());
        state.theme.addListener((o, a, b) ->
                theme.setGraphic(new FontIcon(b == AppState.Theme.DARK ? Feather.SUN : Feather.MOON)));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label ctxLabel = new Label("Context");
        Label nsLabel = new Label("Namespaces");
        HBox top = new HBox(8, ctxLabel, contextPicker, productionToggle, nsLabel, namespaceFilter, spacer,
                progress(), source, refresh, theme);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("top-bar");
        return top;
    }

    /** The load's progress bar, message and Cancel, shown while loading. */
    private HBox progress() {
        ProgressBar bar = new ProgressBar();
        bar.setId("load-progress");
        bar.progressProperty().bind(vm.progress);
        bar.setPrefWidth(160);
        Label msg = new Label();
        msg.textProperty().bind(vm.progressMessage);
        msg.getStyleClass().add("progress-message");
        msg.setMaxWidth(360);
        Button cancel = new Button("Cancel", new FontIcon(Feather.X));
        cancel.setId("cancel-load");
        cancel.setOnAction(e -> vm.cancel());
        HBox progress = new HBox(6, bar, msg, cancel);
        progress.setAlignment(Pos.CENTER_LEFT);
        progress.visibleProperty().bind(vm.loading);
        progress.managedProperty().bind(vm.loading);
        return progress;
    }

    private void rebuildNamespaceMenu() {
        MenuItem all = new MenuItem("All namespaces");
        all.setId("ns-all");
        all.setOnAction(e -> state.namespaceFilter.clear());
        namespaceFilter.getItems().setAll(all, new SeparatorMenuItem());
        for (String ns : vm.namespaces) {
            CheckMenuItem item = new CheckMenuItem(ns);
            item.setId("ns-" + ns);
            item.setSelected(state.namespaceFilter.contains(ns));
            item.setOnAction(e -> {
                if (item.isSelected()) {
                    if (!state.namespaceFilter.contains(ns)) {
                        state.namespaceFilter.add(ns);
                    }
                } else {
                    state.namespaceFilter.remove(ns);
                }
            });
            namespaceFilter.getItems().add(item);
        }
        updateNamespaceLabel();
    }

    private void syncNamespaceChecks() {
        for (MenuItem mi : namespaceFilter.getItems()) {
            if (mi instanceof CheckMenuItem c) {
                c.setSelected(state.namespaceFilter.contains(c.getText()));
            }
        }
    }

    private void updateNamespaceLabel() {
        List<String> sel = state.namespaceFilter;
        namespaceFilter.setText(sel.isEmpty() ? "All namespaces" : sel.size() == 1 ? sel.get(0)
                : sel.size() + " namespaces");
    }
}
