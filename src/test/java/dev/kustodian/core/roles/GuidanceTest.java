package dev.kustodian.core.roles;

import dev.kustodian.core.model.PolicyRule;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class GuidanceTest {

    static ScopedRule ns(String group, String resources, String verbs, String names) {
        return new ScopedRule("shop", new PolicyRule(List.of(verbs.split(",")), List.of(group),
                List.of(resources.split(",")), names.isEmpty() ? List.of() : List.of(names.split(",")), List.of()), null);
    }

    static ScopedRule cluster(String group, String resources, String verbs) {
        return new ScopedRule("", PolicyRule.resources(List.of(group), List.of(resources.split(",")),
                List.of(verbs.split(","))), null);
    }

    @Test
    void listOrWatchOnSecrets() {
        assertThat(Guidance.secretsListWatch(List.of(ns("", "secrets", "list", "")))).singleElement()
                .satisfies(w -> assertThat(w.message()).contains("returns every secret").contains("namespace shop"));
        assertThat(Guidance.secretsListWatch(List.of(cluster("", "secrets", "watch")))).hasSize(1);
        assertThat(Guidance.secretsListWatch(List.of(ns("", "*", "*", "")))).hasSize(1);
        assertThat(Guidance.secretsListWatch(List.of(ns("*", "secrets", "get,list", "")))).hasSize(1);
        // negative: get by name, list on other kinds, secrets of another group
        assertThat(Guidance.secretsListWatch(List.of(ns("", "secrets", "get", "db"), ns("", "configmaps", "list", ""),
                ns("example.com", "secrets", "list", "")))).isEmpty();
    }

    @Test
    void resourceNamesDoNotRestrictListWatchCreateDeletecollection() {
        for (String verb : List.of("list", "watch", "create", "deletecollection", "*")) {
            assertThat(Guidance.namesDoNotRestrict(List.of(ns("", "secrets", "get," + verb, "db"))))
                    .as(verb).singleElement().satisfies(w -> assertThat(w.message()).contains(verb));
        }
        assertThat(Guidance.namesDoNotRestrict(List.of(ns("", "secrets", "get,update,patch,delete", "db"),
                ns("", "secrets", "list", "")))).isEmpty();
    }

    @Test
    void wildcards() {
        assertThat(Guidance.wildcards(List.of(ns("", "*", "get", "")))).singleElement()
                .satisfies(w -> assertThat(w.message()).contains("resources").contains("added later"));
        assertThat(Guidance.wildcards(List.of(ns("", "pods", "*", "")))).singleElement()
                .satisfies(w -> assertThat(w.message()).contains("verbs"));
        assertThat(Guidance.wildcards(List.of(ns("*", "pods", "get", "")))).hasSize(1);
        assertThat(Guidance.wildcards(List.of(ns("", "pods/*", "get", "")))).hasSize(1);
        assertThat(Guidance.wildcards(List.of(new ScopedRule("", new PolicyRule(List.of("get"), List.of(), List.of(),
                List.of(), List.of("/debug/*")), null)))).hasSize(1);
        assertThat(Guidance.wildcards(List.of(ns("apps", "deployments,deployments/scale", "get,patch", "")))).isEmpty();
    }

    @Test
    void creatingPodsOrWorkloadsReadsTheNamespacesSecrets() {
        assertThat(Guidance.podCreationReadsSecrets(List.of(ns("", "pods", "create", "")))).singleElement()
                .satisfies(w -> assertThat(w.message()).contains("create pods").contains("namespace shop"));
        assertThat(Guidance.podCreationReadsSecrets(List.of(ns("apps", "deployments", "patch", "")))).singleElement()
                .satisfies(w -> assertThat(w.message()).contains("deployments"));
        assertThat(Guidance.podCreationReadsSecrets(List.of(ns("batch", "cronjobs", "create", "")))).hasSize(1);
        assertThat(Guidance.podCreationReadsSecrets(List.of(ns("", "pods/exec", "create", "")))).hasSize(1);
        assertThat(Guidance.podCreationReadsSecrets(List.of(ns("", "*", "*", "")))).hasSize(1);
        assertThat(Guidance.podCreationReadsSecrets(List.of(ns("", "pods", "get,list,delete", ""),
                ns("apps", "deployments", "get,list", ""), ns("apps", "deployments/scale", "patch", "")))).isEmpty();
    }

    @Test
    void escalateBindImpersonateAndTokens() {
        assertThat(Guidance.escalation(List.of(cluster("rbac.authorization.k8s.io", "clusterroles", "escalate"))))
                .singleElement().satisfies(w -> assertThat(w.message()).contains("escalate"));
        assertThat(Guidance.escalation(List.of(ns("rbac.authorization.k8s.io", "roles", "bind", "")))).hasSize(1);
        assertThat(Guidance.escalation(List.of(cluster("", "users,serviceaccounts", "impersonate")))).hasSize(1);
        assertThat(Guidance.escalation(List.of(ns("", "serviceaccounts/token", "create", "")))).singleElement()
                .satisfies(w -> assertThat(w.message()).contains("serviceaccounts/token"));
        assertThat(Guidance.escalation(List.of(ns("rbac.authorization.k8s.io", "roles,rolebindings", "get,list", ""),
                ns("", "serviceaccounts", "create", "")))).isEmpty();
    }

    /** Test double of the engine: holds exactly the listed (namespace, verb, resource) triples. */
    record Holds(Set<String> held) implements PermissionChecker {
        @Override
        public boolean holds(String namespace, PolicyRule rule) {
            for (String v : rule.verbs()) {
                for (String r : rule.resources()) {
                    if (!held.contains(namespace + "|" + v + "|" + r)) {
                        return false;
                    }
                }
            }
            return true;
        }

        @Override
        public String describeApplier() {
            return "user jane";
        }
    }

    @Test
    void theApplyingUserMustHoldThePermissionsItGrants() {
        Holds jane = new Holds(new HashSet<>(List.of("shop|get|secrets", "shop|get|configmaps")));
        assertThat(Guidance.applierLacks(List.of(ns("", "secrets", "get", "db")), jane)).isEmpty();
        assertThat(Guidance.applierLacks(List.of(ns("", "secrets", "get", "db"), ns("", "pods", "delete", ""),
                cluster("", "nodes", "get")), jane)).singleElement().satisfies(w -> assertThat(w.message())
                .startsWith("user jane does not hold delete pods in namespace shop; get nodes in every namespace")
                .contains("escalate"));
        // unknown (no engine yet): no warning
        assertThat(Guidance.applierLacks(List.of(ns("", "pods", "delete", "")), null)).isEmpty();
    }

    @Test
    void warningsRunsEveryCheck() {
        List<Guidance.Warning> all = Guidance.warnings(List.of(ns("", "secrets", "list", "db"), ns("", "*", "create", ""),
                ns("rbac.authorization.k8s.io", "roles", "bind", "")), new Holds(Set.of()));
        assertThat(all).extracting(Guidance.Warning::code).contains("secrets-list-watch", "names-do-not-restrict",
                "wildcard", "pod-create-reads-secrets", "escalation", "applier-lacks");
        assertThat(Guidance.warnings(List.of(ns("", "secrets", "get", "db")), null)).isEmpty();
    }
}
