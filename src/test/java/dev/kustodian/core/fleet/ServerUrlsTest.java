package dev.kustodian.core.fleet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServerUrlsTest {

    @Test
    void userInfoQueryAndFragmentAreDropped() {
        assertThat(ServerUrls.redact("https://ops:hunter2@k8s.example.com:6443/base?token=abc#x"))
                .isEqualTo("https://k8s.example.com:6443/base");
        assertThat(ServerUrls.redact("https://10.0.0.1:6443")).isEqualTo("https://10.0.0.1:6443");
        assertThat(ServerUrls.redact("https://[::1]:6443")).isEqualTo("https://[::1]:6443");
        assertThat(ServerUrls.redact("not a url user:pw@host?x=1")).isEqualTo("host");
        assertThat(ServerUrls.redact(null)).isEmpty();
        assertThat(ServerUrls.redact(" ")).isEmpty();
    }

    @Test
    void urlsInASentenceAreRedacted() {
        assertThat(ServerUrls.redactIn("The API server https://ops:pw@h:6443/x?token=t of context \"a\" refused."))
                .isEqualTo("The API server https://h:6443/x of context \"a\" refused.");
        assertThat(ServerUrls.redactIn(null)).isEmpty();
    }
}
