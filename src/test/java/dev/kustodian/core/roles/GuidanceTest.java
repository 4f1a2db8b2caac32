package dev.kustodian.core.roles;

import dev.kustodian.core.model.PolicyRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import static dev.kustodian.core.roles.GuidanceTest.Check.ESCALATION;
import static dev.kustodian.core.roles.GuidanceTest.Check.LIST_WATCH;
import static dev.kustodian.core.roles.GuidanceTest.Check.NAMES;
import static dev.kustodian.core.roles.GuidanceTest.Check.POD_CREATION;
import static dev.kustodian.core.roles.GuidanceTest.Check.WILDCARDS;
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

    /** The checks of Guidance that look at the rules alone. */
    enum Check {
        LIST_WATCH(Guidance::secretsListWatch), NAMES(Guidance::namesDoNotRestrict), WILDCARDS(Guidance::wildcards),
        POD_CREATION(Guidance::podCreationReadsSecrets), ESCALATION(Guidance::escalation);

        private final Function<List<ScopedRule>, List<Guidance.Warning>> check;

        Check(Function<List<ScopedRule>, List<Guidance.Warning>> check) {
            this.check = check;
        }

        List<Guidance.Warning> apply(List<ScopedRule> rules) {
            return check.apply(rules);
        }
    }

    /** The check warns once about these rules, in a message with these words. */
    static Stream<Arguments> warnsOnce() {
        List<Arguments> rows = new ArrayList<>(List.of(
                warns(LIST_WATCH, List.of(ns("", "secrets", "list", "")), "returns every secret", "namespace shop"),
                warns(LIST_WATCH, List.of(cluster("", "secrets", "watch"))),
                warns(LIST_WATCH, List.of(ns("", "*", "*", ""))),
                warns(LIST_WATCH, List.of(ns("*", "secrets", "get,list", ""))),
                warns(WILDCARDS, List.of(ns("", "*", "get", "")), "resources", "added later"),
                warns(WILDCARDS, List.of(ns("", "pods", "*", "")), "verbs"),
                warns(WILDCARDS, List.of(ns("*", "pods", "get", ""))),
                warns(WILDCARDS, List.of(ns("", "pods/*", "get", ""))),
                warns(WILDCARDS, List.of(new ScopedRule("", new PolicyRule(List.of("get"), List.of(), List.of(),
                        List.of(), List.of("/debug/*")), null))),
                warns(POD_CREATION, List.of(ns("", "pods", "create", "")), "create pods", "namespace shop"),
                warns(POD_CREATION, List.of(ns("apps", "deployments", "patch", "")), "deployments"),
                warns(POD_CREATION, List.of(ns("batch", "cronjobs", "create", ""))),
                warns(POD_CREATION, List.of(ns("", "pods/exec", "create", ""))),
                warns(POD_CREATION, List.of(ns("", "*", "*", ""))),
                warns(ESCALATION, List.of(cluster("rbac.authorization.k8s.io", "clusterroles", "escalate")),
                        "escalate"),
                warns(ESCALATION, List.of(ns("rbac.authorization.k8s.io", "roles", "bind", ""))),
                warns(ESCALATION, List.of(cluster("", "users,serviceaccounts", "impersonate"))),
                warns(ESCALATION, List.of(ns("", "serviceaccounts/token", "create", "")), "serviceaccounts/token")));
        // resourceNames do not restrict list, watch, create, deletecollection (nor *)
        for (String verb : List.of("list", "watch", "create", "deletecollection", "*")) {
            rows.add(warns(NAMES, List.of(ns("", "secrets", "get," + verb, "db")), verb));
        }
        return rows.stream();
    }

    private static Arguments warns(Check check, List<ScopedRule> rules, String... words) {
        return Arguments.of(check, rules, words);
    }

    @ParameterizedTest
    @MethodSource
    void warnsOnce(Check check, List<ScopedRule> rules, String[] words) {
        assertThat(check.apply(rules)).singleElement().satisfies(w -> {
            for (String word : words) {
                assertThat(w.message()).contains(word);
            }
        });
    }

    /** The check does not warn about these rules. */
    static Stream<Arguments> doesNotWarn() {
        return Stream.of(
                // get by name, list on other kinds, secrets of another group
                Arguments.of(LIST_WATCH, List.of(ns("", "secrets", "get", "db"), ns("", "configmaps", "list", ""),
                        ns("example.com", "secrets", "list", ""))),
                Arguments.of(NAMES, List.of(ns("", "secrets", "get,update,patch,delete", "db"),
                        ns("", "secrets", "list", ""))),
                Arguments.of(WILDCARDS, List.of(ns("apps", "deployments,deployments/scale", "get,patch", ""))),
                Arguments.of(POD_CREATION, List.of(ns("", "pods", "get,list,delete", ""),
                        ns("apps", "deployments", "get,list", ""), ns("apps", "deployments/scale", "patch", ""))),
                Arguments.of(ESCALATION, List.of(ns("rbac.authorization.k8s.io", "roles,rolebindings", "get,list", ""),
                        ns("", "serviceaccounts", "create", ""))));
    }

    @ParameterizedTest
    @MethodSource
    void doesNotWarn(Check check, List<ScopedRule> rules) {
        assertThat(check.apply(rules)).isEmpty();
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
