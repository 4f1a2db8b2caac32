package dev.kustodian.core.rbac;

import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.RoleInfo;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.kustodian.core.rbac.Fx.clusterRole;
import static dev.kustodian.core.rbac.Fx.crb;
import static dev.kustodian.core.rbac.Fx.named;
import static dev.kustodian.core.rbac.Fx.rb;
import static dev.kustodian.core.rbac.Fx.role;
import static dev.kustodian.core.rbac.Fx.rule;
import static dev.kustodian.core.rbac.Fx.sa;
import static dev.kustodian.core.rbac.Fx.user;
import static org.assertj.core.api.Assertions.assertThat;

class SecretReadersTest {

    static ClusterSnapshot cluster() {
        ClusterSnapshot.Builder b = Fx.builder();
        b.secrets.add(Fx.secret("prod", "db"));
        b.secrets.add(Fx.secret("prod", "other"));
        b.workloads.add(Fx.podMounting("prod", "api-0", "api", "db"));
        b.roles.addAll(List.of(
                role("prod", "getter", rule("", "secrets", "get")),
                role("prod", "lister", rule("", "secrets", "list")),
                role("prod", "watcher", rule("", "secrets", "watch")),
                role("prod", "named", named("", "secrets", List.of("db"), "get")),
                role("prod", "deployer", rule("apps", "deployments", "create")),
                role("prod", "podmaker", rule("", "pods", "create")),
                role("prod", "execer", rule("", "pods/exec", "create")),
                role("prod", "minter", rule("", "serviceaccounts/token", "create")),
                role("prod", "binder", rule("rbac.authorization.k8s.io", "rolebindings", "create"),
                        rule("rbac.authorization.k8s.io", "clusterroles", "bind")),
                clusterRole("impersonator", rule("", "users", "impersonate")),
                clusterRole("kubelet-proxy", rule("", "nodes/proxy", "get"))));
        b.bindings.addAll(List.of(
                rb("prod", "g", RoleInfo.ROLE, "getter", user("getter")),
                rb("prod", "l", RoleInfo.ROLE, "lister", user("lister")),
                rb("prod", "w", RoleInfo.ROLE, "watcher", user("watcher")),
                rb("prod", "n", RoleInfo.ROLE, "named", sa("", "reader")),
                rb("prod", "d", RoleInfo.ROLE, "deployer", user("deployer")),
                rb("prod", "p", RoleInfo.ROLE, "podmaker", user("podmaker")),
                rb("prod", "e", RoleInfo.ROLE, "execer", user("execer")),
                rb("prod", "m", RoleInfo.ROLE, "minter", user("minter")),
                rb("prod", "b", RoleInfo.ROLE, "binder", user("binder")),
                crb("i", "impersonator", user("impersonator")),
                crb("k", "kubelet-proxy", user("kubelet-proxy")),
                rb("dev", "elsewhere", RoleInfo.ROLE, "getter", user("devuser"))));
        return b.build();
    }

    static final SecretReaders READERS = new SecretReaders(RbacEngine.of(cluster()));

    private static Reader find(List<Reader> rs, String name) {
        return rs.stream().filter(r -> r.subject().name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not a reader: " + rs));
    }

    @Test
    void directReaders() {
        List<Reader> rs = READERS.readers("prod", "db");
        assertThat(find(rs, "getter").direct()).isTrue();
        assertThat(find(rs, "lister").how()).contains("list").contains("every secret's values");
        assertThat(find(rs, "watcher").how()).contains("watch");
        Reader named = find(rs, "reader");
        assertThat(named.direct()).isTrue();
        assertThat(named.subject()).isEqualTo(SubjectRef.serviceAccount("prod", "reader"));
        assertThat(named.via()).extracting(Grant::binding).containsExactly("RoleBinding/prod/n");
        assertThat(find(rs, "system:masters").direct()).isTrue();
    }

    @Test
    void directReadersAreTheDirectPartOfAllReadersInTheSameOrder() {
        for (String secret : List.of("db", "other", "missing")) {
            List<Reader> all = READERS.readers("prod", secret);
            assertThat(READERS.directReaders("prod", secret))
                    .as("direct readers of prod/%s", secret)
                    .containsExactlyElementsOf(all.stream().filter(Reader::direct).toList());
        }
        // RoleBinding dev/elsewhere refers to a Role that exists only in prod: nobody but system:masters reads dev
        assertThat(READERS.directReaders("dev", "db")).extracting(r -> r.subject().name())
                .containsOnly("system:masters");
    }

    @Test
    void onlySecretsNamedInResourceNamesHaveReadersOfTheirOwn() {
        assertThat(READERS.hasNamedReaders("prod", "db")).isTrue();
        assertThat(READERS.hasNamedReaders("prod", "other")).isFalse();
        assertThat(READERS.hasNamedReaders("dev", "db")).isFalse();
        // the namespace-wide part is one shared list
        assertThat(READERS.directReaders("prod", "other")).isSameAs(READERS.directReaders("prod", "another"));
    }

    @Test
    void namedGrantOnlyForThatSecret() {
        assertThat(READERS.readers("prod", "other")).noneMatch(r -> r.subject().name().equals("reader"));
    }

    @Test
    void otherNamespacesDoNotRead() {
        assertThat(READERS.readers("prod", "db")).noneMatch(r -> r.subject().name().equals("devuser"));
    }

    @Test
    void indirectReaders() {
        List<Reader> rs = READERS.readers("prod", "db");
        assertThat(find(rs, "deployer")).satisfies(r -> {
            assertThat(r.direct()).isFalse();
            assertThat(r.how()).contains("deployments.apps");
        });
        assertThat(find(rs, "podmaker").how()).contains("create pods");
        assertThat(find(rs, "execer").how()).contains("exec into pod api-0");
        assertThat(find(rs, "minter").how()).contains("create a token for ServiceAccount/prod/reader");
        assertThat(find(rs, "impersonator").how()).contains("impersonate");
        assertThat(find(rs, "binder").how()).contains("bind ClusterRoles");
        assertThat(find(rs, "kubelet-proxy").how()).contains("nodes/proxy");
        assertThat(rs).filteredOn(Reader::direct).extracting(r -> r.subject().name())
                .doesNotContain("deployer", "execer", "minter", "impersonator", "binder", "kubelet-proxy");
    }

    @Test
    void execAndKubeletOnlyWhenAPodMountsIt() {
        List<Reader> rs = READERS.readers("prod", "other");
        assertThat(rs).noneMatch(r -> r.subject().name().equals("execer"));
        assertThat(rs).noneMatch(r -> r.subject().name().equals("kubelet-proxy"));
        assertThat(rs).anyMatch(r -> r.subject().name().equals("podmaker"));
    }

    @Test
    void allCoversEverySecret() {
        assertThat(READERS.all()).containsOnlyKeys("prod/db", "prod/other");
    }
}
