package dev.kustodian.core.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kustodian.core.report.FleetReport;
import dev.kustodian.core.util.UserFacingException;
import org.junit.jupiter.api.Test;

/** How a failed context's load is told apart: rejected credentials, unreachable, anything else. */
class FleetScannerStatusTest {

    private static FleetReport.Status status(UserFacingException.Category category, String sentence) {
        return FleetScanner.status(new UserFacingException(category, sentence));
    }

    @Test
    void theLoadersSentencesForA401AreUnauthorized() {
        var unreachable = UserFacingException.Category.CLUSTER_UNREACHABLE;
        assertThat(status(unreachable, "The API server https://10.0.0.1:6443 rejected the credentials of user "
                + "\"admin\" (context \"prod\"): 401 Unauthorized. They are wrong or expired; log in again."))
                .isEqualTo(FleetReport.Status.UNAUTHORIZED);
        assertThat(status(unreachable, "The API server rejected the credentials (401) while listing secrets."))
                .isEqualTo(FleetReport.Status.UNAUTHORIZED);
        assertThat(status(unreachable, "Token expired (401 Unauthorized). Log in again."))
                .isEqualTo(FleetReport.Status.UNAUTHORIZED);
        assertThat(status(unreachable, "The credential plugin \"aws\" did not finish within 1 s."))
                .isEqualTo(FleetReport.Status.UNAUTHORIZED);
    }

    @Test
    void aPortOrTimeThatContains401IsNotARejectedCredential() {
        // the CI run that found it: the black hole's ephemeral port was 34012
        assertThat(status(UserFacingException.Category.CLUSTER_UNREACHABLE, "The API server at "
                + "http://127.0.0.1:34012 did not answer within 700 ms. Check the address and your network."))
                .isEqualTo(FleetReport.Status.UNREACHABLE);
        assertThat(status(UserFacingException.Category.CLUSTER_UNREACHABLE, "http://127.0.0.1:40100 did not "
                + "answer within 401 ms.")).isEqualTo(FleetReport.Status.UNREACHABLE);
        assertThat(status(UserFacingException.Category.BAD_INPUT, "Context \"c-4012\" has no server."))
                .isEqualTo(FleetReport.Status.ERROR);
    }
}
