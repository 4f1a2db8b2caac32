package dev.kustodian.core.rbac;

import dev.kustodian.core.model.BindingInfo;
import dev.kustodian.core.model.PolicyRule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static dev.kustodian.core.rbac.Fx.named;
import static dev.kustodian.core.rbac.Fx.rule;
import static dev.kustodian.core.rbac.Fx.urls;
import static org.assertj.core.api.Assertions.assertThat;

class RbacMatchTest {

    private static List<String> split(String s) {
        return s == null || s.isEmpty() ? List.of() : List.of(s.split(";", -1));
    }

    @ParameterizedTest(name = "rule verbs [{0}] vs {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            get        | get    | true
            get;list   | list   | true
            *          | delete | true
            get        | GET    | false
            Get        | get    | false
            list       | watch  | false
            ''         | get    | false
            """)
    void verbMatches(String ruleVerbs, String verb, boolean expected) {
        PolicyRule r = new PolicyRule(split(ruleVerbs), List.of(""), List.of("pods"), List.of(), List.of());
        assertThat(RbacMatch.verbMatches(r, verb)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "rule apiGroups [{0}] vs ''{1}'' -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            ''       | ''        | true
            *        | apps      | true
            *        | ''        | true
            apps     | apps      | true
            core     | ''        | false
            ''       | core      | false
            apps     | Apps      | false
            ''       | apps      | false
            extensions;apps | apps | true
            """)
    void apiGroupMatches(String groups, String group, boolean expected) {
        PolicyRule r = new PolicyRule(List.of("get"), groups.isEmpty() ? List.of("") : split(groups), List.of("pods"), List.of(), List.of());
        assertThat(RbacMatch.apiGroupMatches(r, group == null ? "" : group)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "rule resources [{0}] vs {1}/{2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            pods          | pods        | ''       | true
            pods          | pods        | exec     | false
            pods/exec     | pods        | exec     | true
            pods/exec     | pods        | ''       | false
            *             | pods        | exec     | true
            *             | secrets     | ''       | true
            */scale       | deployments | scale    | true
            */scale       | deployments | ''       | false
            */scale       | deployments | status   | false
            */exec        | pods        | exec     | true
            pods/*        | pods        | exec     | false
            pods/*        | pods        | ''       | false
            Pods          | pods        | ''       | false
            deployments/scale | deployments | scale | true
            deployments;pods/log | pods | log      | true
            */*           | pods        | exec     | false
            """)
    void resourceMatches(String resources, String resource, String sub, boolean expected) {
        PolicyRule r = new PolicyRule(List.of("get"), List.of(""), split(resources), List.of(), List.of());
        assertThat(RbacMatch.resourceMatches(r, resource, sub == null ? "" : sub)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "resourceNames [{0}] vs ''{1}'' -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            ''        | ''     | true
            ''        | db     | true
            db        | db     | true
            db;api    | api    | true
            db        | other  | false
            db        | ''     | false
            db        | DB     | false
            """)
    void resourceNameMatches(String names, String name, boolean expected) {
        PolicyRule r = new PolicyRule(List.of("get"), List.of(""), List.of("secrets"), split(names), List.of());
        assertThat(RbacMatch.resourceNameMatches(r, name == null ? "" : name)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "nonResourceURLs [{0}] vs {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            *            | /healthz      | true
            /healthz     | /healthz      | true
            /healthz     | /healthz/     | false
            /healthz*    | /healthzfoo   | true
            /healthz*    | /healthz/etcd | true
            /healthz/*   | /healthz      | false
            /healthz/*   | /healthz/etcd | true
            /api         | /apis         | false
            /metrics     | /Metrics      | false
            """)
    void nonResourceURLMatches(String urlsList, String path, boolean expected) {
        assertThat(RbacMatch.nonResourceURLMatches(urls(split(urlsList), "get"), path)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            get secrets by name allowed by named rule         | get   | db    | true
            list on a resourceNames rule: no name, denied      | list  | ''    | false
            watch on a resourceNames rule: denied             | watch | ''    | false
            create on a resourceNames rule: denied            | create | ''   | false
            get other name: denied                            | get   | other | false
            """)
    void resourceNamesWithCollectionVerbs(String what, String verb, String name, boolean expected) {
        PolicyRule r = named("", "secrets", List.of("db"), "get", "list", "watch", "create");
        Request q = Request.resource(verb, "", "secrets", "", name == null ? "" : name, "prod");
        assertThat(RbacMatch.ruleAllows(r, q)).as(what).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void resourceRulesNeverGrantUrlsAndViceVersa() {
        PolicyRule everything = rule(List.of("*"), List.of("*"), List.of("*"));
        assertThat(RbacMatch.ruleAllows(everything, Request.nonResource("get", "/healthz"))).isFalse();
        assertThat(RbacMatch.ruleAllows(everything, Request.resource("get", "", "pods", "ns"))).isTrue();
        PolicyRule allUrls = urls(List.of("*"), "*");
        assertThat(RbacMatch.ruleAllows(allUrls, Request.resource("get", "", "pods", "ns"))).isFalse();
        assertThat(RbacMatch.ruleAllows(allUrls, Request.nonResource("get", "/metrics"))).isTrue();
        assertThat(RbacMatch.ruleAllows(urls(List.of("/metrics"), "get"), Request.nonResource("post", "/metrics"))).isFalse();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            User exact                                   | User           | alice   | ''      | prod | alice                               | ''                  | true
            User is case-sensitive                       | User           | Alice   | ''      | prod | alice                               | ''                  | false
            User * is literal, not a wildcard            | User           | *       | ''      | prod | alice                               | ''                  | false
            User * matches only a user named *           | User           | *       | ''      | prod | *                                   | ''                  | true
            Group membership                             | Group          | devs    | ''      | prod | alice                               | devs                | true
            Group not a member                           | Group          | devs    | ''      | prod | alice                               | ops                 | false
            Group does not match the user name           | Group          | alice   | ''      | prod | alice                               | ''                  | false
            SA with namespace                            | ServiceAccount | app     | prod    | ''   | system:serviceaccount:prod:app      | ''                  | true
            SA other namespace                           | ServiceAccount | app     | dev     | ''   | system:serviceaccount:prod:app      | ''                  | false
            SA without namespace in RoleBinding = its ns | ServiceAccount | app     | ''      | prod | system:serviceaccount:prod:app      | ''                  | true
            SA without namespace in RoleBinding, other   | ServiceAccount | app     | ''      | dev  | system:serviceaccount:prod:app      | ''                  | false
            SA without namespace in ClusterRoleBinding   | ServiceAccount | app     | ''      | ''   | system:serviceaccount:prod:app      | ''                  | false
            SA does not match a user of the same name    | ServiceAccount | app     | prod    | ''   | app                                 | ''                  | false
            User subject naming an SA user matches it    | User           | system:serviceaccount:prod:app | '' | '' | system:serviceaccount:prod:app | '' | true
            """)
    void subjectMatches(String what, String kind, String name, String ns, String bindingNs, String user, String groups,
                        boolean expected) {
        BindingInfo.Subject s = new BindingInfo.Subject(kind, name, ns == null ? "" : ns, "");
        Identity id = Identity.exactly(user, split(groups == null ? "" : groups));
        assertThat(RbacMatch.subjectMatches(s, bindingNs == null ? "" : bindingNs, id)).as(what).isEqualTo(expected);
    }
}
