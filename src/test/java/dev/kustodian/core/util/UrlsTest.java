package dev.kustodian.core.util;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one URL redaction: a server's address for columns and fields, and URLs inside messages. */
class UrlsTest {

    @Test
    void aServerAddressKeepsSchemeHostPortAndPathOnly() {
        assertThat(Urls.serverAddress("https://ops:hunter2@k8s.example.com:6443/base?token=abc#x"))
                .isEqualTo("https://k8s.example.com:6443/base");
        assertThat(Urls.serverAddress("https://10.0.0.1:6443")).isEqualTo("https://10.0.0.1:6443");
        assertThat(Urls.serverAddress("https://[::1]:6443")).isEqualTo("https://[::1]:6443");
        assertThat(Urls.serverAddress("not a url user:pw@host?x=1")).isEqualTo("host");
        assertThat(Urls.serverAddress(null)).isEmpty();
        assertThat(Urls.serverAddress(" ")).isEmpty();
    }

    @Test
    void urlsInTextLoseUserInfoQueryAndFragment() {
        assertThat(Urls.redact("https://admin:PASSWORD@host:6443/x?token=abc#f"))
                .isEqualTo("https://…@host:6443/x?…#…");
        assertThat(Urls.redact("The API server https://a:b@10.0.0.1:6443 refused")).isEqualTo(
                "The API server https://…@10.0.0.1:6443 refused");
        assertThat(Urls.redact("The API server https://ops:pw@h:6443/x?token=t of context \"a\" refused."))
                .isEqualTo("The API server https://…@h:6443/x?… of context \"a\" refused.")
                .doesNotContain("pw", "token");
        assertThat(Urls.redact("https://host:6443")).isEqualTo("https://host:6443");
        assertThat(Urls.redact("no url")).isEqualTo("no url");
        assertThat(Urls.redact(null)).isNull();
    }
}
