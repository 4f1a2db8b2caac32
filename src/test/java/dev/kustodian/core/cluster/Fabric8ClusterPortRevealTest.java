package dev.kustodian.core.cluster;

import dev.kustodian.core.util.UserFacingException;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The safe reveal of the fabric8 adapter against the mock API server: one GET, one key, failures in words. */
@EnableKubernetesMockClient
class Fabric8ClusterPortRevealTest {
    static final String VALUE = "s3cr3t-Pa55word-for-the-test";

    KubernetesMockServer server;
    KubernetesClient client;

    private Fabric8ClusterPort port() {
        return new Fabric8ClusterPort(client, "test", true);
    }

    @Test
    void oneGetOfThatSecretGivesTheDecodedKey() {
        server.expect().get().withPath("/api/v1/namespaces/shop/secrets/db")
                .andReturn(200, new SecretBuilder().withNewMetadata().withNamespace("shop").withName("db")
                        .endMetadata().withData(Map.of("password", b64(VALUE), "username", b64("admin"))).build())
                .always();
        int before = server.getRequestCount();
        byte[] value = port().revealKey("shop", "db", "password");
        assertThat(new String(value, StandardCharsets.UTF_8)).isEqualTo(VALUE);
        assertThat(server.getRequestCount()).isEqualTo(before + 1);
    }

    @Test
    void aMissingKeyOrSecretAsksToRefresh() {
        server.expect().get().withPath("/api/v1/namespaces/shop/secrets/db")
                .andReturn(200, new SecretBuilder().withNewMetadata().withNamespace("shop").withName("db")
                        .endMetadata().withData(Map.of("username", b64("admin"))).build()).always();
        assertThatThrownBy(() -> port().revealKey("shop", "db", "password"))
                .isInstanceOf(UserFacingException.class)
                .hasMessage("Secret db in shop has no key password any more: refresh to update the list.");
        assertThatThrownBy(() -> port().revealKey("shop", "gone", "password"))
                .isInstanceOf(UserFacingException.class)
                .hasMessage("Secret gone in shop no longer exists: refresh to update the list.");
    }

    @Test
    void aForbiddenGetSaysWhatToAskForWithoutTheServerText() {
        server.expect().get().withPath("/api/v1/namespaces/shop/secrets/api-token")
                .andReturn(403, new StatusBuilder().withCode(403).withReason("Forbidden")
                        .withMessage("secrets \"api-token\" is forbidden: server-text-q7").build()).always();
        assertThatThrownBy(() -> port().revealKey("shop", "api-token", "token"))
                .isInstanceOf(UserFacingException.class)
                .hasMessageStartingWith("You may not get secret api-token in shop: ask for get on secrets")
                .hasMessageNotContaining("server-text-q7");
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
