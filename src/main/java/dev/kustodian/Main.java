package dev.kustodian;

import dev.kustodian.cli.KustodianCommand;

/**
 * Entry point. Without arguments opens the GUI; with arguments runs the CLI (no command opens the GUI).
 * A plain class, so {@code java -jar kustodian.jar} works with JavaFX on the class path.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            dev.kustodian.ui.app.KustodianApp.launchApp(args);
            return;
        }
        System.exit(KustodianCommand.run(args));
    }
}
