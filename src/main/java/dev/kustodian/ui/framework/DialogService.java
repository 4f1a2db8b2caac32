package dev.kustodian.ui.framework;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The ONE way the UI talks to the user in dialogs: errors as clear sentences (never a stack trace),
 * confirmations, information and file choosers. Tests use a recording double.
 */
public interface DialogService {

    void showError(String title, String message);

    void showInfo(String title, String message);

    /**
     * Asks a yes/no question. {@code danger} styles it as a risky action (e.g. apply to a production context).
     *
     * @return true when the user confirmed
     */
    boolean confirm(String title, String message, String confirmLabel, boolean danger);

    Optional<Path> chooseFile(String title, Path initialDir);

    Optional<Path> chooseDirectory(String title, Path initialDir);

    Optional<Path> chooseSaveFile(String title, Path initialDir, String initialName);

    /** Puts text on the clipboard. */
    void copyToClipboard(String text);
}
