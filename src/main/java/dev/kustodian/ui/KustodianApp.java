package dev.kustodian.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application. */
public final class KustodianApp extends Application {

    public static void launchApp(String[] args) {
        Application.launch(KustodianApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Kustodian");
        stage.setScene(new Scene(new Label("Kustodian"), 1600, 1000));
        stage.show();
    }
}
