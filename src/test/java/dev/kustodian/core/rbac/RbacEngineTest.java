package dev.kustodian.core.rbac;

import dev.kustodian.core.findings.AnalysisContext;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.RoleInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static dev.kustodian.core.rbac.Fx.clusterRole;
import static dev.kustodian.core.rbac.Fx.crb;
import static dev.kustodian.core.rbac.Fx.group;
import static dev.kustodian.core.rbac.Fx.named;
import static dev.kustodian.core.rbac.Fx.rb;
import static dev.kustodian.core.rbac.Fx.role;
import static dev.kustodian.core.rbac.Fx.rule;
import static dev.kustodian.core.rbac.Fx.sa;
import static dev.kustodian.core.rbac.Fx.urls;
import static dev.kustodian.core.rbac.Fx.user;
import static org.assertj.core.api.Assertions.assertThat;

class RbacEngineTest {

    /** A small cluster that exercises every scoping rule. */
    static final ClusterSnapshot CLUSTER = Fx.snapshot(
            List.of(
                    clusterRole("secret-reader", rule("", "secrets", "get", "list", "watch")),
                    clusterRole("pod-exec", rule("", "pods/exec", "create")),
                    clusterRole("scaler", rule(List.of("*"), List.of("*/scale"), List.of("update"))),
                    clusterRole("pods-star", rule("", "pods/*", "get")),
                    clusterRole("health", urls(List.of("/healthz*"), "get")),
                    clusterRole("core-alias", rule("core", "pods", "get")),
                    role("prod", "named-secret", named("", "secrets", List.of("db"), "get", "list")),
                    role("prod", "cm-reader", rule("", "configmaps", "get"))),
            List.of(
                    crb("alice-reads-secrets", "secret-reader", user("alice")),
                    rb("prod", "bob-reads-secrets-in-prod", RoleInfo.CLUSTER_ROLE, "secret-reader", user("bob")),
                    rb("prod", "carol-named", RoleInfo.ROLE, "named-secret", user("carol")),
                    rb("prod", "app-sa-no-ns", RoleInfo.ROLE, "cm-reader", sa("", "app")),
                    crb("sa-no-ns-in-crb", "secret-reader", sa("", "ghost")),
                    crb("devs-exec", "pod-exec", group("devs")),
                    crb("scaler", "scaler", user("sc")),
                    crb("pods-star", "pods-star", user("star")),
                    crb("health", "health", group("system:authenticated")),
                    crb("literal-star", "secret-reader", user("*")),
                    crb("core-alias", "core-alias", user("core")),
                    crb("dangling", "does-not-exist", user("dave")),
                    rb("prod", "dangling-role", RoleInfo.ROLE, "missing", user("dave"))));

    static final RbacEngine ENGINE = RbacEngine.of(CLUSTER);

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            CRB applies in any namespace                       | alice | ''   | get    | ''  | secrets | ''     | ''    | prod | true
            CRB applies at cluster scope                       | alice | ''   | list   | ''  | secrets | ''     | ''    | ''   | true
            RB to ClusterRole grants in its namespace          | bob   | ''   | get    | ''  | secrets | ''     | ''    | prod | true
            RB to ClusterRole grants nothing elsewhere         | bob   | ''   | get    | ''  | secrets | ''     | ''    | dev  | false
            RB never grants at cluster scope                   | bob   | ''   | list   | ''  | secrets | ''     | ''    | ''   | false
            resourceNames: get the named secret                | carol | ''   | get    | ''  | secrets | ''     | db    | prod | true
            resourceNames: get another secret                  | carol | ''   | get    | ''  | secrets | ''     | other | prod | false
            resourceNames: list has no name                    | carol | ''   | list   | ''  | secrets | ''     | ''    | prod | false
            SA without namespace in RB = binding namespace     | system:serviceaccount:prod:app | '' | get | '' | configmaps | '' | '' | prod | true
            SA without namespace in CRB never matches          | system:serviceaccount:default:ghost | '' | get | '' | secrets | '' | '' | default | false
            group grants pods/exec                             | erin  | devs | create | ''  | pods    | exec   | ''    | prod | true
            plain pods does not cover pods/exec                | alice | ''   | create | ''  | pods    | exec   | ''    | prod | false
            */scale covers deployments/scale                   | sc    | ''   | update | apps | deployments | scale | '' | prod | true
            */scale does not cover the resource itself         | sc    | ''   | update | apps | deployments | ''    | '' | prod | false
            pods/* is not a wildcard                           | star  | ''   | get    | ''  | pods    | log    | ''    | prod | false
            non-resource prefix                                | zed   | ''   | get    | ''  | ''      | ''     | ''    | ''   | true
            * as user name is literal                          | mallory | '' | get    | ''  | secrets | ''     | ''    | prod | false
            core is not an alias of the core group             | core  | ''   | get    | ''  | pods    | ''     | ''    | prod | false
            binding to a missing role grants nothing           | dave  | ''   | get    | ''  | secrets | ''     | ''    | prod | false
            system:masters is allowed everything               | root  | system:masters | delete | '' | nodes | '' | '' | '' | true
            no binding: denied                                 | nobody | ''  | get    | ''  | pods    | ''     | ''    | prod | false
            """)
    void authorizes(String what, String user, String groups, String verb, String group, String resource, String sub,
                    String name, String ns, boolean expected) {
        Identity id = Identity.of(user, groups == null || groups.isEmpty() ? List.of() : List.of(groups.split(";")));
        Request r = "non-resource prefix".equals(what) ? Request.nonResource(verb, "/healthzfoo")
                : Request.resource(verb, group, resource, sub, name, ns);
        assertThat(ENGINE.allows(id, r)).as(what).isEqualTo(expected);
        assertThat(ENGINE.explain(id, r).allowed()).as(what + " (explain agrees)").isEqualTo(expected);
    }

    @Test
    void literalStarUserIsAllowed() {
        assertThat(ENGINE.allows(Identity.of("*", List.of()), Request.resource("get", "", "secrets", "prod"))).isTrue();
    }

    @Test
    void noImplicitGroupsDropsSystemAuthenticated() {
        Request health = Request.nonResource("get", "/healthz");
        assertThat(ENGINE.allows(Identity.of("zed", List.of()), health)).isTrue();
        assertThat(ENGINE.allows(Identity.exactly("zed", List.of()), health)).isFalse();
    }

    @Test
    void explainGivesBindingRoleRule() {
        RbacEngine.Decision d = ENGINE.explain(Identity.of("bob", List.of()), Request.resource("get", "", "secrets", "prod"));
        assertThat(d.paths()).singleElement().satisfies(g -> {
            assertThat(g.binding()).isEqualTo("RoleBinding/prod/bob-reads-secrets-in-prod");
            assertThat(g.role()).isEqualTo("ClusterRole/secret-reader");
            assertThat(g.rule().verbs()).contains("get");
        });
    }

    @Test
    void systemMastersIsItsOwnPath() {
        RbacEngine.Decision d = ENGINE.explain(Identity.of("root", List.of("system:masters")),
                Request.resource("get", "", "secrets", "prod"));
        assertThat(d.allowed()).isTrue();
        assertThat(d.paths().get(0).isMasters()).isTrue();
    }

    @Test
    void whoCanListsEverySubjectWithPaths() {
        List<RbacEngine.SubjectAccess> who = ENGINE.whoCan(Request.resource("get", "", "secrets", "", "db", "prod"));
        assertThat(who).extracting(a -> a.subject().display()).containsExactly(
                "Group/system:masters", "User/*", "User/alice", "User/bob", "User/carol");
        assertThat(who).filteredOn(a -> a.subject().name().equals("carol")).singleElement()
                .satisfies(a -> assertThat(a.via()).extracting(Grant::binding).containsExactly("RoleBinding/prod/carol-named"));
        // the SA subject without namespace in a ClusterRoleBinding never appears
        assertThat(who).noneMatch(a -> a.subject().name().equals("ghost"));
    }

    @Test
    void whoCanAtClusterScopeSeesOnlyClusterRoleBindings() {
        List<RbacEngine.SubjectAccess> who = ENGINE.whoCan(Request.resource("list", "", "secrets", ""));
        assertThat(who).extracting(a -> a.subject().display())
                .containsExactly("Group/system:masters", "User/*", "User/alice");
    }

    @Test
    void whoCanResolvesServiceAccountSubjectsWithoutNamespace() {
        List<RbacEngine.SubjectAccess> who = ENGINE.whoCan(Request.resource("get", "", "configmaps", "prod"));
        assertThat(who).extracting(a -> a.subject().display()).contains("ServiceAccount/prod/app");
    }

    @Test
    void danglingBindingsAreReported() {
        assertThat(ENGINE.danglingBindings()).hasSize(2)
                .anySatisfy(s -> assertThat(s).contains("ClusterRoleBinding/dangling").contains("ClusterRole/does-not-exist"))
                .anySatisfy(s -> assertThat(s).contains("RoleBinding/prod/dangling-role").contains("Role/prod/missing"));
    }

    @Test
    void clusterRoleBindingToARoleGrantsNothing() {
        var bad = new dev.kustodian.core.model.BindingInfo("ClusterRoleBinding", dev.kustodian.core.model.ObjectMeta.of("", "bad"),
                new dev.kustodian.core.model.BindingInfo.RoleRef("rbac.authorization.k8s.io", "Role", "cm-reader"),
                List.of(user("x")));
        RbacEngine e = RbacEngine.of(Fx.snapshot(List.of(role("", "cm-reader", rule("", "configmaps", "get"))), List.of(bad)));
        assertThat(e.allows(Identity.of("x", List.of()), Request.resource("get", "", "configmaps", ""))).isFalse();
        assertThat(e.danglingBindings()).hasSize(1);
    }

    @Test
    void effectiveRulesAreThoseOfTheApplicableBindings() {
        List<RbacEngine.EffectiveRule> rules = ENGINE.rulesFor(Identity.of("bob", List.of()), "prod");
        assertThat(rules).extracting(RbacEngine.EffectiveRule::binding).containsExactlyInAnyOrder(
                "RoleBinding/prod/bob-reads-secrets-in-prod", "ClusterRoleBinding/health"); // health via system:authenticated
        assertThat(ENGINE.rulesFor(Identity.exactly("bob", List.of()), "dev")).isEmpty();
    }

    @Test
    void matrixMarksAllowedCells() {
        var m = ENGINE.matrix(Identity.of("alice", List.of()), "prod",
                List.of(new RbacEngine.Resource("", "secrets"), new RbacEngine.Resource("", "pods")));
        assertThat(m.get(new RbacEngine.Resource("", "secrets"))).containsEntry("get", true).containsEntry("list", true)
                .containsEntry("create", false);
        assertThat(m.get(new RbacEngine.Resource("", "pods")).values()).containsOnly(false);
    }

    @Test
    void engineIsBuiltOncePerAnalysis() {
        AnalysisContext ctx = AnalysisContext.of(CLUSTER);
        assertThat(RbacEngine.of(ctx)).isSameAs(RbacEngine.of(ctx));
    }

    @Test
    void allBoundsOfFindsEveryBindingOfAUserOrServiceAccountInBindingOrder() {
        RbacEngine engine = RbacEngine.of(Fx.snapshot(
                List.of(clusterRole("r", rule("", "configmaps", "get")), role("a", "ra", rule("", "pods", "get"))),
                List.of(
                        crb("c1", "r", user("u1"), user("u1")),
                        rb("a", "b1", RoleInfo.ROLE, "ra", sa("", "app")),
                        crb("c2", "r", sa("", "app")),
                        rb("b", "b2", RoleInfo.CLUSTER_ROLE, "r", user("system:serviceaccount:a:app"), group("g")),
                        rb("a", "b3", RoleInfo.ROLE, "missing", user("u1")),
                        crb("c3", "r", sa("a", "app")),
                        rb("b", "b4", RoleInfo.CLUSTER_ROLE, "r", group("g"), user("u1")))));
        assertThat(engine.allBoundsOf(Identity.exactly("u1", List.of()))).extracting(RbacEngine.Bound::bindingRef)
                .containsExactly("ClusterRoleBinding/c1", "RoleBinding/b/b4");
        // a ServiceAccount subject without namespace matches in a RoleBinding (its namespace), never in a ClusterRoleBinding
        assertThat(engine.allBoundsOf(Identity.exactly("system:serviceaccount:a:app", List.of())))
                .extracting(RbacEngine.Bound::bindingRef)
                .containsExactly("RoleBinding/a/b1", "RoleBinding/b/b2", "ClusterRoleBinding/c3");
        assertThat(engine.allBoundsOf(Identity.exactly("nobody", List.of()))).isEmpty();
        assertThat(engine.allBoundsOf(Identity.exactly("", List.of()))).isEmpty();
        // with groups, group subjects count too
        assertThat(engine.allBoundsOf(Identity.exactly("nobody", List.of("g")))).extracting(RbacEngine.Bound::bindingRef)
                .containsExactly("RoleBinding/b/b2", "RoleBinding/b/b4");
    }
}
