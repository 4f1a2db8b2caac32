package dev.kustodian.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Loopback ports for the CLI tests' unreachable clusters. */
final class Loopback {
    private Loopback() {
    }

    /** A loopback port that was free and is closed again: connections to it are refused. */
    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
