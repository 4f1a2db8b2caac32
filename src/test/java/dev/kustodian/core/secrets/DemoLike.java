package dev.kustodian.core.secrets;

import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.ConfigMapInfo;
import dev.kustodian.core.model.LeakHint;
import dev.kustodian.core.model.SecretInfo;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static dev.kustodian.core.secrets.Fx.*;

/** A small snapshot that triggers every secrets rule once (with {@link #readers()} installed). */
final class DemoLike {
    private DemoLike() {
    }

    static ClusterSnapshot snapshot() {
        ClusterSnapshot.Builder b = builder();
        b.secrets.add(secret("shop", "db", "password"));
        b.secrets.add(secret(meta("shop", "copy"), SecretInfo.TYPE_OPAQUE, List.of(key("pw", "shop/db/password"))));
        b.secrets.add(secret("default", "stale", "k"));
        b.secrets.add(secret(meta("shop", "ancient", null, null, NOW.minus(Duration.ofDays(200)), null),
                SecretInfo.TYPE_OPAQUE, List.of(key("k", "anc"))));
        b.secrets.add(new SecretInfo(meta("shop", "ci-token"), SecretInfo.TYPE_SA_TOKEN, false, List.of(), null, null, "ci"));
        b.secrets.add(new SecretInfo(meta("shop", "reg"), SecretInfo.TYPE_DOCKERCONFIGJSON, false, List.of(), null,
                new SecretInfo.DockerConfigFacts(List.of("ghcr.io"), true, null), null));
        b.secrets.add(new SecretInfo(meta("shop", "web-tls"), SecretInfo.TYPE_TLS, false, List.of(),
                new SecretInfo.TlsFacts("CN=web", "CN=ca", List.of("web"), NOW.minus(Duration.ofDays(400)),
                        NOW.minus(Duration.ofDays(2)), "RSA", false, 1, null), null, null));
        b.secrets.add(new SecretInfo(meta("shop", "api-tls"), SecretInfo.TYPE_TLS, false, List.of(),
                new SecretInfo.TlsFacts("CN=api", "CN=ca", List.of("api"), NOW.minus(Duration.ofDays(80)),
                        NOW.plus(Duration.ofDays(5)), "RSA", false, 1, null), null, null));
        b.configMaps.add(new ConfigMapInfo(meta("shop", "settings"), List.of("db.url"),
                List.of(new LeakHint("data[db.url]", LeakHint.Kind.URL_WITH_PASSWORD))));
        b.workloads.add(workload("Deployment", "shop", "web", spec("default", null, List.of("reg"), List.of(),
                List.of(container("app", List.of(envSecret("DB_PASSWORD", "db", "password"),
                        envSecret("X", "missing", "k")), List.of())))));
        return b.build();
    }

    static SecretReadersSource readers() {
        return (ns, name) -> List.of(
                new SecretReader("Group", "devs", "", Set.of("list"), List.of("RoleBinding/shop/devs"), false),
                new SecretReader("User", "a", "", Set.of("get"), List.of(), false),
                new SecretReader("User", "b", "", Set.of("get"), List.of(), false),
                new SecretReader("User", "c", "", Set.of("get"), List.of(), false),
                new SecretReader("User", "d", "", Set.of("get"), List.of(), false));
    }
}
