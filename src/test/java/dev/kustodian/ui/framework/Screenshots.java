package dev.kustodian.ui.framework;

import dev.kustodian.core.cluster.ClusterLoader;
import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.cluster.SourceSpec;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.Progress;
import dev.kustodian.core.util.UserFacingException;
import dev.kustodian.ui.app.ContextSource;
import dev.kustodian.ui.app.KustodianApp;
import dev.kustodian.ui.app.SessionOpener;
import dev.kustodian.ui.app.Settings;
import dev.kustodian.ui.app.ShellView;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Assumptions;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * What every {@code *ScreenshotGenerator} shares: the switch ({@code -Dkustodian.screenshots=true}) and the folder,
 * a 1600×1000 stage, the demo cluster (or the builder-made {@link TestSnapshots#demoLike} one while the demo loader is
 * not available) and {@link #shoot}, which writes the laid-out scene as a PNG.
 */
public final class Screenshots {
    public static final int WIDTH = 1600;
    public static final int HEIGHT = 1000;

    private Screenshots() {
    }

    /** The folder to write into ({@code kustodian.screenshots.dir}, default {@code screenshots}); skips the test unless the switch is on. */
    public static Path folder() {
        Assumptions.assumeTrue(Boolean.getBoolean("kustodian.screenshots"), "-Dkustodian.screenshots=true");
        Path out = Path.of(System.getProperty("kustodian.screenshots.dir", "screenshots"));
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Makes the root on the FX thread and shows it on the primary stage at 1600×1000. */
    public static <T extends Parent> T show(FxRobot robot, Supplier<T> root) {
        Stage stage;
        try {
            stage = FxToolkit.registerPrimaryStage();
        } catch (TimeoutException e) {
            throw new IllegalStateException("the JavaFX primary stage did not start", e);
        }
        List<T> made = new ArrayList<>(1);
        robot.interact(() -> {
            T r = root.get();
            stage.setScene(new Scene(r, WIDTH, HEIGHT));
            stage.setWidth(WIDTH);
            stage.setHeight(HEIGHT);
            stage.show();
            made.add(r);
        });
        return made.get(0);
    }

    /**
     * The real shell (every page and wizard, tasks on the calling thread, dialogs recorded, no kubeconfig contexts,
     * settings in memory) opening sources with {@code opener}: shown at 1600×1000 and started up.
     */
    public static ShellView shell(FxRobot robot, SessionOpener opener) {
        return shell(robot, new RecordingDialogService(), opener, ContextSource.of(List.of(), null, false),
                Settings.inMemory());
    }

    /** The real shell (tasks on the calling thread) with these dialogs, opener, contexts and settings, started up. */
    public static ShellView shell(FxRobot robot, DialogService dialogs, SessionOpener opener, ContextSource contexts,
                                  Settings settings) {
        ShellView shell = show(robot, () -> KustodianApp.createShell(new SameThreadTaskExecutor(), dialogs, opener,
                contexts, settings));
        robot.interact(() -> shell.viewModel().startUp());
        return shell;
    }

    /** The embedded demo cluster, or {@link TestSnapshots#demoLike} when it cannot start here (said on stdout). */
    public static ClusterSession demo(Progress progress, Cancellation cancel) {
        try {
            return ClusterLoader.open(SourceSpec.demo(), progress, cancel);
        } catch (UserFacingException | UnsupportedOperationException e) {
            System.out.println("The demo cluster is not available (" + e.getMessage()
                    + "): using the builder-made TestSnapshots.demoLike cluster instead.");
            return TestSnapshots.session(SourceSpec.demo());
        }
    }

    /** Lays the scene out, writes it to {@code file} as a PNG and returns the file's name. */
    public static String shoot(FxRobot robot, Scene scene, Path file) {
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            img[0] = scene.snapshot(null);
        });
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            ImageIO.write(SwingFXUtils.fromFXImage(img[0], null), "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.getFileName().toString();
    }
}
