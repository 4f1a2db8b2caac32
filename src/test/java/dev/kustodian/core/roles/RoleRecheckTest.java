package dev.kustodian.core.roles;

import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.PolicyRule;
import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.output.Manifest;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.Progress;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static dev.kustodian.core.roles.RoleSynthesizerTest.SA;
import static dev.kustodian.core.roles.RoleSynthesizerTest.res;
import static dev.kustodian.core.roles.RoleSynthesizerTest.url;
import static org.assertj.core.api.Assertions.assertThat;

class RoleRecheckTest {

    static RoleSynthesizer.Collector collect(AuditEvent... events) {
        RoleSynthesizer.Collector c = new RoleSynthesizer.Collector(SA, RoleSynthesizer.Options.defaults());
        for (AuditEvent e : events) {
            c.accept(e);
        }
        return c;
    }

    @Test
    void everyObservedRequestOfTheSampleLogIsAllowedAndTheUnobservedSampleIsDenied() {
        RoleSynthesizer.Collector c = new RoleSynthesizer.Collector(SA, RoleSynthesizer.Options.defaults());
        AuditLogReader.Result read = new AuditLogReader(Progress.NONE, new Cancellation())
                .read(List.of(Path.of("src/test/resources/audit/sample-v1.jsonl")), c);
        Bundle b = RoleSynthesizer.bundle(c, read, ScopeTable.builtIn(), null);
        RoleRecheck.Result r = RoleRecheck.check(SA, b, c.observed(), ScopeTable.builtIn());
        assertThat(r.observed()).isNotEmpty().allMatch(RoleRecheck.Check::allowed);
        assertThat(r.unobserved()).hasSizeGreaterThan(10).noneMatch(RoleRecheck.Check::allowed);
        assertThat(r.passed()).isTrue();
        // the named secret was observed: a different secret name and list secrets are in the denied sample
        assertThat(r.unobserved()).extracting(RoleRecheck.Check::request)
                .contains("get secrets \"kustodian-unobserved-object\" in namespace shop", "list secrets in namespace shop");
        Bundle attached = RoleRecheck.attach(b, r);
        assertThat(attached.manifests()).extracting(Manifest::fileName).contains("recheck.txt");
        assertThat(attached.warnings()).noneMatch(w -> w.contains("FAILED"));
    }

    @Test
    void namesSubresourcesUrlsAndAllNamespaceRequestsAreRechecked() {
        RoleSynthesizer.Collector c = collect(res("get", "", "secrets", "", "shop", "db", 200),
                res("get", "", "pods", "log", "shop", "web-1", 200), res("get", "", "pods", "log", "shop", "web-2", 200),
                res("list", "", "pods", "", "", "", 200), res("patch", "apps", "deployments", "scale", "shop", "web", 200),
                url("get", "/metrics"));
        Bundle b = RoleSynthesizer.bundle(c, null, ScopeTable.builtIn(), null);
        RoleRecheck.Result r = RoleRecheck.check(SA, b, c.observed(), ScopeTable.builtIn());
        assertThat(r.failures()).isEmpty();
        assertThat(r.observed()).extracting(RoleRecheck.Check::request).contains("get secrets \"db\" in namespace shop",
                "list pods (cluster scope)", "get /metrics");
        // list pods was observed across all namespaces: another namespace's list is implied, not in the sample
        assertThat(r.unobserved()).extracting(RoleRecheck.Check::request)
                .doesNotContain("list pods in namespace kustodian-other-namespace")
                .contains("get secrets \"kustodian-unobserved-object\" in namespace shop", "post /logs");
    }

    @Test
    void aRoleThatGrantsTooMuchFailsTheRecheck() {
        RoleSynthesizer.Collector c = collect(res("get", "", "secrets", "", "shop", "db", 200));
        Bundle tooBroad = RoleGenerator.generate(new RoleRequest(SA, List.of("shop"), false,
                List.of(Permission.of("", List.of("secrets"), List.of("get", "list"), null)), null),
                ScopeTable.builtIn(), null);
        RoleRecheck.Result r = RoleRecheck.check(SA, tooBroad, c.observed(), ScopeTable.builtIn());
        assertThat(r.passed()).isFalse();
        assertThat(r.failures()).extracting(RoleRecheck.Check::request).contains("list secrets in namespace shop");
        assertThat(RoleRecheck.attach(tooBroad, r).warnings()).anyMatch(w -> w.contains("FAILED"));
    }

    @Test
    void aRoleThatGrantsTooLittleFailsTheRecheck() {
        RoleSynthesizer.Collector c = collect(res("get", "", "secrets", "", "shop", "db", 200),
                res("list", "", "configmaps", "", "shop", "", 200));
        Bundle tooNarrow = RoleGenerator.generate(new RoleRequest(SA, List.of("shop"), false,
                List.of(Permission.named("", "secrets", List.of("get"), List.of("db"), null)), null),
                ScopeTable.builtIn(), null);
        RoleRecheck.Result r = RoleRecheck.check(SA, tooNarrow, c.observed(), ScopeTable.builtIn());
        assertThat(r.failures()).extracting(RoleRecheck.Check::request).containsExactly("list configmaps in namespace shop");
    }

    @Test
    void theOverlayIsParsedFromTheGeneratedYaml() {
        Bundle b = RoleGenerator.generate(new RoleRequest(RbacSubject.group("devs"), List.of("a", "b"), false,
                List.of(Permission.of("", List.of("pods", "nodes"), List.of("get"), null)), "x"), ScopeTable.builtIn(), null);
        ClusterSnapshot s = RoleRecheck.overlay(b);
        assertThat(s.roles()).extracting(ro -> ro.kind() + "/" + ro.meta().namespace() + "/" + ro.meta().name())
                .containsExactlyInAnyOrder("Role/a/x", "Role/b/x", "ClusterRole//x");
        assertThat(s.roles().get(0).rules().get(0)).isInstanceOf(PolicyRule.class);
        assertThat(s.bindings()).hasSize(3).allMatch(bi -> bi.subjects().get(0).name().equals("devs"));
        RoleRecheck.Result r = RoleRecheck.check(RbacSubject.group("devs"), b, List.of(
                new ObservedUse("", "pods", "a", null, "get", 1, 0, List.of(), true, null, null)), ScopeTable.builtIn());
        assertThat(r.observed()).allMatch(RoleRecheck.Check::allowed);
    }
}
