package dev.kustodian.ui.framework;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Test double of {@link DialogService}: records what would be shown, answers from presets. */
public final class RecordingDialogService implements DialogService {
    public record Shown(String kind, String title, String message, boolean danger) {
    }

    public final List<Shown> shown = new ArrayList<>();
    public boolean confirmAnswer = true;
    public Path nextFile;
    public Path nextDirectory;
    public String clipboard;

    @Override
    public void showError(String title, String message) {
        shown.add(new Shown("error", title, message, false));
    }

    @Override
    public void showInfo(String title, String message) {
        shown.add(new Shown("info", title, message, false));
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel, boolean danger) {
        shown.add(new Shown("confirm", title, message, danger));
        return confirmAnswer;
    }

    @Override
    public Optional<Path> chooseFile(String title, Path initialDir) {
        return Optional.ofNullable(nextFile);
    }

    @Override
    public Optional<Path> chooseDirectory(String title, Path initialDir) {
        return Optional.ofNullable(nextDirectory);
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, Path initialDir, String initialName) {
        return Optional.ofNullable(nextFile);
    }

    @Override
    public void copyToClipboard(String text) {
        clipboard = text;
    }

    public List<Shown> ofKind(String kind) {
        return shown.stream().filter(s -> s.kind().equals(kind)).toList();
    }
}
