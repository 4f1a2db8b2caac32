package dev.kustodian.ui.framework;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/** {@link DialogService} with JavaFX alerts and choosers, owned by the main window. */
public final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    private Alert alert(Alert.AlertType type, String title, String message) {
        Alert a = new Alert(type);
        a.initOwner(owner.get());
        a.setTitle(title);
        a.setHeaderText(title);
        Label content = new Label(message);
        content.setWrapText(true);
        content.setMaxWidth(560);
        a.getDialogPane().setContent(content);
        return a;
    }

    @Override
    public void showError(String title, String message) {
        // the one error translator's wording rules: no class names, stack frames or credentials in URLs
        alert(Alert.AlertType.ERROR, title, dev.kustodian.core.errors.ErrorTranslator.clean(message)).showAndWait();
    }

    @Override
    public void showInfo(String title, String message) {
        alert(Alert.AlertType.INFORMATION, title, message).showAndWait();
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel, boolean danger) {
        Alert a = alert(danger ? Alert.AlertType.WARNING : Alert.AlertType.CONFIRMATION, title, message);
        ButtonType yes = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        a.getButtonTypes().setAll(no, yes);
        if (danger) {
            a.getDialogPane().lookupButton(yes).getStyleClass().add("danger");
            a.getDialogPane().getStyleClass().add("production-confirm");
        }
        ((javafx.scene.control.Button) a.getDialogPane().lookupButton(no)).setDefaultButton(true);
        ((javafx.scene.control.Button) a.getDialogPane().lookupButton(yes)).setDefaultButton(false);
        return a.showAndWait().filter(b -> b == yes).isPresent();
    }

    @Override
    public Optional<Path> chooseFile(String title, Path initialDir) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        setInitial(fc::setInitialDirectory, initialDir);
        File f = fc.showOpenDialog(owner.get());
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseDirectory(String title, Path initialDir) {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle(title);
        setInitial(dc::setInitialDirectory, initialDir);
        File f = dc.showDialog(owner.get());
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, Path initialDir, String initialName) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.setInitialFileName(initialName);
        setInitial(fc::setInitialDirectory, initialDir);
        File f = fc.showSaveDialog(owner.get());
        return Optional.ofNullable(f).map(File::toPath);
    }

    private static void setInitial(java.util.function.Consumer<File> setter, Path dir) {
        if (dir != null && Files.isDirectory(dir)) {
            setter.accept(dir.toFile());
        }
    }

    @Override
    public void copyToClipboard(String text) {
        ClipboardContent c = new ClipboardContent();
        c.putString(text);
        Clipboard.getSystemClipboard().setContent(c);
    }
}
