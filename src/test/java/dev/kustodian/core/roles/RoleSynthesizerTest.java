package dev.kustodian.core.roles;

import dev.kustodian.core.model.ApiResourceInfo;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.PolicyRule;
import dev.kustodian.core.model.SourceInfo;
import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.output.Manifest;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.Progress;
import dev.kustodian.core.yaml.YamlDocument;
import dev.kustodian.core.yaml.YamlReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RoleSynthesizerTest {
    static final RbacSubject SA = RbacSubject.serviceAccount("shop", "api");
    static final String SA_USER = "system:serviceaccount:shop:api";
    static final Instant T = Instant.parse("2026-11-01T10:00:00Z");

    static AuditEvent res(String verb, String group, String resource, String sub, String ns, String name, int code) {
        return new AuditEvent("ResponseComplete", verb, group, resource, sub, ns, name, null, SA_USER,
                List.of("system:serviceaccounts"), code, T);
    }

    static AuditEvent res(String verb, String resource, String ns, String name) {
        return res(verb, "", resource, "", ns, name, 200);
    }

    static AuditEvent url(String verb, String path) {
        return new AuditEvent("ResponseComplete", verb, null, null, "", "", "", path, SA_USER, List.of(), 200, T);
    }

    static List<ScopedRule> synth(RoleSynthesizer.Options o, AuditEvent... events) {
        RoleSynthesizer.Collector c = new RoleSynthesizer.Collector(SA, o);
        for (AuditEvent e : events) {
            c.accept(e);
        }
        return RoleSynthesizer.rules(c, ScopeTable.builtIn());
    }

    static List<ScopedRule> synth(AuditEvent... events) {
        return synth(RoleSynthesizer.Options.defaults(), events);
    }

    static List<PolicyRule> rules(List<ScopedRule> s) {
        return s.stream().map(ScopedRule::rule).toList();
    }

    static PolicyRule rule(List<String> groups, List<String> resources, List<String> verbs, List<String> names) {
        return new PolicyRule(verbs, groups, resources, names, List.of());
    }

    @Test
    void verbsAreMergedPerResourceAndResourcesWithTheSameVerbsShareARule() {
        List<ScopedRule> r = synth(
                res("list", "pods", "shop", ""), res("watch", "pods", "shop", ""),
                res("watch", "services", "shop", ""), res("list", "services", "shop", ""),
                res("list", "pods", "shop", ""));
        assertThat(rules(r)).containsExactly(rule(List.of(""), List.of("pods", "services"), List.of("list", "watch"), List.of()));
        assertThat(r.get(0).namespace()).isEqualTo("shop");
        assertThat(r.get(0).comment()).contains("seen: list ×2, watch ×1 on pods").contains("list ×1, watch ×1 on services");
    }

    @Test
    void differentApiGroupsNeverShareARule() {
        List<ScopedRule> r = synth(res("get", "", "configmaps", "", "shop", "", 200),
                res("get", "apps", "deployments", "", "shop", "", 200));
        assertThat(rules(r)).containsExactly(
                rule(List.of(""), List.of("configmaps"), List.of("get"), List.of()),
                rule(List.of("apps"), List.of("deployments"), List.of("get"), List.of()));
    }

    @Test
    void resourceNamesWhenEveryRequestNamedTheSameFewObjects() {
        List<ScopedRule> r = synth(res("get", "secrets", "shop", "db-creds"), res("get", "secrets", "shop", "db-creds"),
                res("update", "secrets", "shop", "db-creds"));
        assertThat(rules(r)).containsExactly(rule(List.of(""), List.of("secrets"), List.of("get", "update"), List.of("db-creds")));
        assertThat(r.get(0).comment()).startsWith("seen: get ×2, update ×1 on secrets/db-creds, 2026-11-01");
    }

    @Test
    void verbsWithDifferentNameSetsGetSeparateRules() {
        List<ScopedRule> r = synth(res("get", "secrets", "shop", "a"), res("get", "secrets", "shop", "b"),
                res("delete", "secrets", "shop", "a"));
        assertThat(rules(r)).containsExactlyInAnyOrder(
                rule(List.of(""), List.of("secrets"), List.of("get"), List.of("a", "b")),
                rule(List.of(""), List.of("secrets"), List.of("delete"), List.of("a")));
    }

    @Test
    void noNamesWhenMoreObjectsThanTheLimit() {
        AuditEvent[] many = new AuditEvent[6];
        for (int i = 0; i < 6; i++) {
            many[i] = res("get", "configmaps", "shop", "cm-" + i);
        }
        assertThat(rules(synth(many))).containsExactly(rule(List.of(""), List.of("configmaps"), List.of("get"), List.of()));
        assertThat(synth(many).get(0).comment()).contains("more than 5 object names");
        // a higher limit keeps them
        List<ScopedRule> r = synth(new RoleSynthesizer.Options(false, 6, false, null), many);
        assertThat(r.get(0).rule().resourceNames()).hasSize(6);
        // 0 means never
        assertThat(synth(new RoleSynthesizer.Options(false, 0, false, null), res("get", "secrets", "shop", "a")).get(0)
                .rule().resourceNames()).isEmpty();
    }

    @Test
    void noNamesWhenSomeRequestNamedNoObject() {
        // a get without name (e.g. a collection read through get) cannot be restricted by name
        assertThat(rules(synth(res("get", "secrets", "shop", "a"), res("get", "secrets", "shop", ""))))
                .containsExactly(rule(List.of(""), List.of("secrets"), List.of("get"), List.of()));
    }

    @Test
    void listWatchCreateDeletecollectionGoInARuleWithoutNames() {
        List<ScopedRule> r = synth(res("get", "configmaps", "shop", "app"),
                res("create", "configmaps", "shop", "app"), // create: name known only in the body
                res("list", "configmaps", "shop", ""), res("watch", "configmaps", "shop", "app"), // watch with fieldSelector
                res("deletecollection", "configmaps", "shop", ""));
        assertThat(rules(r)).containsExactlyInAnyOrder(
                rule(List.of(""), List.of("configmaps"), List.of("list", "watch", "create", "deletecollection"), List.of()),
                rule(List.of(""), List.of("configmaps"), List.of("get"), List.of("app")));
    }

    @Test
    void subresourcesAreTheirOwnResources() {
        List<ScopedRule> r = synth(res("get", "", "pods", "log", "shop", "web-1", 200),
                res("create", "", "pods", "exec", "shop", "web-1", 200),
                res("patch", "apps", "deployments", "scale", "shop", "web", 200));
        assertThat(rules(r)).containsExactlyInAnyOrder(
                rule(List.of(""), List.of("pods/exec"), List.of("create"), List.of()),
                rule(List.of(""), List.of("pods/log"), List.of("get"), List.of("web-1")),
                rule(List.of("apps"), List.of("deployments/scale"), List.of("patch"), List.of("web")));
        assertThat(r).filteredOn(s -> s.rule().resources().contains("deployments/scale")).singleElement()
                .extracting(ScopedRule::comment).asString().contains("deployments.apps/web (subresource scale)");
    }

    @Test
    void nonResourceUrlsGoToTheClusterRoleAndDefaultUrlsAreLeftOut() {
        List<ScopedRule> r = synth(url("get", "/metrics"), url("get", "/debug/pprof/heap"), url("post", "/debug/pprof/heap"),
                url("get", "/healthz"), url("get", "/apis/apps/v1"));
        assertThat(r).allMatch(ScopedRule::clusterWide);
        assertThat(rules(r)).containsExactly(
                new PolicyRule(List.of("get"), List.of(), List.of(), List.of(), List.of("/metrics")),
                new PolicyRule(List.of("get", "post"), List.of(), List.of(), List.of(), List.of("/debug/pprof/heap")));
        List<ScopedRule> all = synth(new RoleSynthesizer.Options(false, 5, true, null), url("get", "/metrics"), url("get", "/healthz"));
        assertThat(all.get(0).rule().nonResourceURLs()).containsExactly("/healthz", "/metrics");
    }

    @Test
    void oneRolePerNamespaceAndNoClusterRoleWhenNotNeeded() {
        List<ScopedRule> r = synth(res("get", "configmaps", "a", "x"), res("get", "configmaps", "b", "y"));
        assertThat(r).extracting(ScopedRule::namespace).containsExactly("a", "b");
        List<Manifest> m = RbacManifests.render(SA, "api", r, null);
        assertThat(m).extracting(Manifest::kind).containsExactly("Role", "RoleBinding", "Role", "RoleBinding");
    }

    @Test
    void clusterScopedResourcesAndAllNamespaceListsNeedTheClusterRole() {
        List<ScopedRule> r = synth(res("get", "nodes", "", "node-1"), res("list", "secrets", "", ""),
                res("get", "namespaces", "shop", "shop"), // the API server puts the namespace's own name in objectRef
                res("get", "configmaps", "shop", "x"));
        assertThat(r).filteredOn(ScopedRule::clusterWide).extracting(ScopedRule::rule).containsExactlyInAnyOrder(
                rule(List.of(""), List.of("secrets"), List.of("list"), List.of()),
                rule(List.of(""), List.of("namespaces"), List.of("get"), List.of("shop")),
                rule(List.of(""), List.of("nodes"), List.of("get"), List.of("node-1")));
        assertThat(r).filteredOn(s -> !s.clusterWide()).extracting(ScopedRule::namespace).containsExactly("shop");
        assertThat(r).filteredOn(s -> s.rule().resources().contains("secrets")).singleElement()
                .extracting(ScopedRule::comment).asString().contains("(all namespaces)");
    }

    @Test
    void discoveryFromTheSnapshotDecidesTheScopeOfCustomResources() {
        ClusterSnapshot snap = ClusterSnapshot.builder(new SourceInfo(SourceInfo.Kind.SNAPSHOT, "t", "", "", T, null))
                .build();
        ClusterSnapshot.Builder b = snap.toBuilder();
        b.apiResources.add(new ApiResourceInfo("example.com", "v1", "widgets", "Widget", false, List.of("get")));
        RoleSynthesizer.Collector c = new RoleSynthesizer.Collector(SA, RoleSynthesizer.Options.defaults());
        c.accept(res("get", "example.com", "widgets", "", "", "w1", 200));
        c.accept(res("get", "example.com", "gadgets", "", "shop", "g1", 200));
        assertThat(RoleSynthesizer.rules(c, ScopeTable.builtIn()))
                .allMatch(s -> s.clusterWide() == s.rule().resources().contains("widgets"));
        assertThat(ScopeTable.of(b.build()).clusterScoped("example.com", "widgets")).isTrue();
        assertThat(ScopeTable.of(b.build()).clusterScoped("example.com", "widgets/status")).isTrue();
        assertThat(ScopeTable.builtIn().clusterScoped("example.com", "widgets")).isFalse();
    }

    @Test
    void deniedRequestsAreLeftOutUnlessAsked() {
        AuditEvent denied = res("list", "", "secrets", "", "shop", "", 403);
        AuditEvent ok = res("get", "", "secrets", "", "shop", "a", 200);
        AuditEvent notFound = res("get", "", "configmaps", "", "shop", "b", 404);
        AuditEvent unauth = res("get", "", "pods", "", "shop", "c", 401);
        assertThat(rules(synth(denied, ok, notFound, unauth))).containsExactlyInAnyOrder(
                rule(List.of(""), List.of("secrets"), List.of("get"), List.of("a")),
                rule(List.of(""), List.of("configmaps"), List.of("get"), List.of("b")));
        List<ScopedRule> with = synth(new RoleSynthesizer.Options(true, 5, false, null), denied, ok, notFound, unauth);
        assertThat(rules(with)).contains(rule(List.of(""), List.of("secrets"), List.of("list"), List.of()));
        assertThat(with).filteredOn(s -> s.rule().verbs().contains("list")).singleElement()
                .extracting(ScopedRule::comment).asString().contains("denied ×1");
        assertThat(rules(with)).noneMatch(p -> p.resources().contains("pods"));
    }

    @Test
    void onlyTheSubjectsRequestsCount() {
        RoleSynthesizer.Collector c = new RoleSynthesizer.Collector(RbacSubject.group("devs"), RoleSynthesizer.Options.defaults());
        c.accept(new AuditEvent("ResponseComplete", "get", "", "pods", "", "shop", "", null, "alice", List.of("devs"), 200, T));
        c.accept(new AuditEvent("ResponseComplete", "delete", "", "pods", "", "shop", "", null, "bob", List.of("ops"), 200, T));
        assertThat(c.matched()).isEqualTo(1);
        assertThat(rules(RoleSynthesizer.rules(c, ScopeTable.builtIn()))).containsExactly(
                rule(List.of(""), List.of("pods"), List.of("get"), List.of()));
    }

    @Test
    void observedUseIsExposedForTheEngine() {
        RoleSynthesizer.Collector c = new RoleSynthesizer.Collector(SA, RoleSynthesizer.Options.defaults());
        c.accept(res("get", "secrets", "shop", "a"));
        c.accept(res("get", "secrets", "shop", "a"));
        c.accept(res("list", "pods", "shop", ""));
        c.accept(url("get", "/metrics"));
        assertThat(c.observed()).containsExactly(
                new ObservedUse("", "pods", "shop", null, "list", 1, 0, List.of(), true, T, T),
                new ObservedUse("", "secrets", "shop", null, "get", 2, 0, List.of("a"), false, T, T),
                new ObservedUse(null, null, "", "/metrics", "get", 1, 0, List.of(), true, T, T));
    }

    @Test
    void goldenOutputForTheSampleLog() throws IOException {
        Bundle b = sampleBundle();
        assertThat(b.hasErrors()).isFalse();
        Path golden = Path.of("src/test/resources/audit/expected-sample.yaml");
        if (Boolean.getBoolean("kustodian.updateGolden")) {
            Files.writeString(golden, b.combinedYaml());
        }
        assertThat(b.combinedYaml()).isEqualTo(Files.readString(golden));
        // the output is valid YAML with the expected kinds
        List<YamlDocument> docs = YamlReader.read(b.combinedYaml(), "generated");
        assertThat(docs).hasSize(6);
    }

    @Test
    void theBundleCarriesTheReportAndNeverASecretValue() {
        Bundle b = sampleBundle();
        String report = b.manifests().stream().filter(m -> m.fileName().equals("usage-report.txt")).findFirst()
                .orElseThrow().content();
        assertThat(report).contains("Requests by the subject: 18").contains("secrets  shop: get 3")
                .contains("list secrets in shop ×1").contains(":7: not valid JSON");
        assertThat(b.previewText()).doesNotContain("c3VwZXJzZWNyZXQtdmFsdWU=").doesNotContain("JTI=abc");
        assertThat(b.warnings()).anyMatch(w -> w.contains("2 malformed line(s)"));
    }

    @Test
    void noRequestBySubjectIsAnError() {
        RoleSynthesizer.Collector c = new RoleSynthesizer.Collector(RbacSubject.user("nobody"), RoleSynthesizer.Options.defaults());
        AuditLogReader.Result read = new AuditLogReader(Progress.NONE, new Cancellation())
                .read(List.of(AuditLogReaderTest.V1), c);
        Bundle b = RoleSynthesizer.bundle(c, read, ScopeTable.builtIn(), null);
        assertThat(b.hasErrors()).isTrue();
        assertThat(b.objects()).isEmpty();
        assertThat(b.problems().get(0).message()).contains("No request by user:nobody");
    }

    static Bundle sampleBundle() {
        RoleSynthesizer.Collector c = new RoleSynthesizer.Collector(SA, RoleSynthesizer.Options.defaults());
        AuditLogReader.Result read = new AuditLogReader(Progress.NONE, new Cancellation())
                .read(List.of(AuditLogReaderTest.V1), c);
        return RoleSynthesizer.bundle(c, read, ScopeTable.builtIn(), null);
    }
}
