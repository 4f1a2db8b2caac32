package dev.kustodian;

import dev.kustodian.cli.CdsTraining;
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
            // the window is closed: end the process, also when the demo's API server (non-daemon threads) runs
            System.exit(0);
        }
        // library logging (fabric8, Vert.x, Netty through slf4j-simple) is off unless --verbose or -D... asks for it
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "off");
        }
        int status = KustodianCommand.run(args);
        if (CdsTraining.requested()) {
            // the launcher's first run: its class-data archive, written at exit, also covers the other commands
            CdsTraining.run();
        }
        System.exit(status);
    }
}
