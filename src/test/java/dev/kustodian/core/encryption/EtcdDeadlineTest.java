package dev.kustodian.core.encryption;

import dev.kustodian.core.util.UserFacingException;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An etcd endpoint that accepts the connection and never answers (a black hole) ends the request at its deadline
 * with a sentence naming the endpoint, instead of waiting for ever (issue 16).
 */
class EtcdDeadlineTest {

    @Test
    void aBlackHoledEndpointEndsAtTheDeadlineWithAClearMessage() throws Exception {
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket blackHole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (!blackHole.isClosed()) {
                        accepted.add(blackHole.accept()); // keep it open, read nothing, answer nothing
                    }
                } catch (java.io.IOException closed) {
                    // the test is over
                }
            }, "etcd-black-hole");
            acceptor.setDaemon(true);
            acceptor.start();
            String endpoint = "http://127.0.0.1:" + blackHole.getLocalPort();
            try (EtcdReader r = new EtcdReader(endpoint, null, 1)) {
                assertThatThrownBy(() -> r.count("/registry/secrets/"))
                        .isInstanceOf(UserFacingException.class)
                        .hasMessage("etcd at " + endpoint + " did not answer within 1s.");
            }
        } finally {
            for (Socket s : accepted) {
                s.close();
            }
        }
    }
}
