package dev.kustodian.core.cluster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class KubeconfigContextsTest {

    static final String TWO = """
            apiVersion: v1
            kind: Config
            clusters:
            - {name: prod-eu, cluster: {server: "https://prod.example:6443"}}
            - {name: dev, cluster: {server: "https://dev.example:6443"}}
            users:
            - {name: admin, user: {token: abc}}
            - name: oidc
              user:
                exec: {apiVersion: client.authentication.k8s.io/v1, command: kubelogin, args: [get-token]}
            contexts:
            - {name: prod, context: {cluster: prod-eu, user: oidc, namespace: shop}}
            - {name: dev, context: {cluster: dev, user: admin}}
            current-context: dev
            """;

    @Test
    void listsContextsWithTheCurrentOneMarked(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("config");
        Files.writeString(f, TWO);
        var list = KubeconfigContexts.list(f);
        assertThat(list).extracting(KubeconfigContexts.ContextEntry::name).containsExactly("prod", "dev");
        var prod = list.get(0);
        assertThat(prod.cluster()).isEqualTo("prod-eu");
        assertThat(prod.user()).isEqualTo("oidc");
        assertThat(prod.namespace()).isEqualTo("shop");
        assertThat(prod.current()).isFalse();
        assertThat(prod.execCommand()).isEqualTo("kubelogin");
        assertThat(list.get(1).current()).isTrue();
    }

    @Test
    void configOfAContextUsesFabric8(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("config");
        Files.writeString(f, TWO);
        var resolved = KubeconfigContexts.resolve(f);
        var config = KubeconfigContexts.config(resolved, f, "dev");
        assertThat(config.getMasterUrl()).startsWith("https://dev.example:6443");
        assertThat(config.getCurrentContext().getName()).isEqualTo("dev");
    }
}
