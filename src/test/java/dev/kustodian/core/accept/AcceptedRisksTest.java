package dev.kustodian.core.accept;

import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.findings.ObjectRef;
import dev.kustodian.core.findings.Severity;
import dev.kustodian.core.util.UserFacingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AcceptedRisksTest {
    @TempDir
    Path dir;

    static Finding finding(String rule, ObjectRef o) {
        return Finding.of(rule, "rbac", Severity.CRITICAL, o, "t", "e", "r", List.of());
    }

    private Path file(String text) throws Exception {
        Path f = dir.resolve("accept.yaml");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void matchesByIdOrByRuleAndObjectAndFlagsExpiry() throws Exception {
        AcceptedRisks a = AcceptedRisks.read(file("""
                accepted:
                - id: RBAC-CLUSTER-ADMIN:ClusterRoleBinding/platform-team-admin   # break glass
                  reason: break-glass group, reviewed quarterly
                  by: alice@example.com
                  expires: 2027-03-31
                - rule: SEC-TLS-EXPIRING
                  object: Secret/shop/shop-web-tls
                  reason: renewed by the CDN team
                  by: bob@example.com
                  expires: 2026-11-30
                """));
        Finding admin = finding("RBAC-CLUSTER-ADMIN", new ObjectRef("ClusterRoleBinding", "", "platform-team-admin"));
        Finding tls = finding("SEC-TLS-EXPIRING", new ObjectRef("Secret", "shop", "shop-web-tls"));
        Finding other = finding("SEC-ENV", new ObjectRef("Deployment", "shop", "web"));
        var m = a.match(List.of(admin, tls, other), LocalDate.of(2026, 12, 4));
        assertThat(m).containsOnlyKeys(admin.id(), tls.id());
        assertThat(m.get(admin.id()).active()).isTrue();
        assertThat(m.get(admin.id()).entry().reason()).isEqualTo("break-glass group, reviewed quarterly");
        assertThat(m.get(tls.id()).expired()).isTrue();
        assertThat(m.get(admin.id()).entry().source()).endsWith("accept.yaml:2");
    }

    @Test
    void theExpiryDayItselfStillHolds() {
        AcceptedRisk r = new AcceptedRisk("x", null, null, "r", "b", LocalDate.of(2026, 12, 4), "f:1");
        assertThat(r.expiredOn(LocalDate.of(2026, 12, 4))).isFalse();
        assertThat(r.expiredOn(LocalDate.of(2026, 12, 5))).isTrue();
    }

    @Test
    void aMalformedEntryIsAnErrorNamingItsLine() throws Exception {
        Path f = file("""
                accepted:
                - id: A:Cluster
                  reason: ok
                  by: me
                  expires: 2027-01-01
                - rule: SEC-ENV
                  reason: no object
                  by: me
                  expires: 2027-01-01
                """);
        assertThatThrownBy(() -> AcceptedRisks.read(f)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("line 6").hasMessageContaining("entry 2")
                .satisfies(e -> assertThat(((UserFacingException) e).category().exitCode()).isEqualTo(2));
    }

    @Test
    void badDatesUnknownKeysAndMissingFieldsAreErrors() throws Exception {
        assertThatThrownBy(() -> AcceptedRisks.read(file("accepted:\n- id: A\n  reason: r\n  by: b\n  expires: soon\n")))
                .hasMessageContaining("line 5").hasMessageContaining("not a date");
        assertThatThrownBy(() -> AcceptedRisks.read(file("accepted:\n- id: A\n  reason: r\n  by: b\n  expiry: 2027-01-01\n")))
                .hasMessageContaining("line 5").hasMessageContaining("unknown key 'expiry'");
        assertThatThrownBy(() -> AcceptedRisks.read(file("accepted:\n- id: A\n  by: b\n  expires: 2027-01-01\n")))
                .hasMessageContaining("line 2").hasMessageContaining("no 'reason'");
        assertThatThrownBy(() -> AcceptedRisks.read(file("accepted:\n- just a string\n")))
                .hasMessageContaining("line 2").hasMessageContaining("not a mapping");
        assertThatThrownBy(() -> AcceptedRisks.read(dir.resolve("missing.yaml")))
                .hasMessageContaining("does not exist");
        assertThat(AcceptedRisks.read(file("accepted: []\n")).isEmpty()).isTrue();
    }
}
