package dev.kustodian.core.rbac;

import dev.kustodian.core.model.LabelSelector;
import dev.kustodian.core.model.PolicyRule;
import dev.kustodian.core.model.RoleInfo;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.kustodian.core.rbac.Fx.clusterRole;
import static dev.kustodian.core.rbac.Fx.crb;
import static dev.kustodian.core.rbac.Fx.rule;
import static dev.kustodian.core.rbac.Fx.user;
import static org.assertj.core.api.Assertions.assertThat;

class AggregationTest {
    static LabelSelector sel(String k) {
        return new LabelSelector(Map.of(k, "true"), List.of());
    }

    static final PolicyRule VIEW_PODS = rule("", "pods", "get");
    static final PolicyRule EDIT_SECRETS = rule("", "secrets", "get", "list");
    static final PolicyRule ADMIN_RBAC = rule("rbac.authorization.k8s.io", "roles", "create");

    static List<RoleInfo> chain() {
        return List.of(
                clusterRole("admin", Map.of(), List.of(sel("agg-to-admin"))),
                clusterRole("edit", Map.of("agg-to-admin", "true"), List.of(sel("agg-to-edit"))),
                clusterRole("view", Map.of("agg-to-edit", "true"), List.of(sel("agg-to-view"))),
                clusterRole("agg-admin", Map.of("agg-to-admin", "true"), List.of(), ADMIN_RBAC),
                clusterRole("agg-edit", Map.of("agg-to-edit", "true"), List.of(), EDIT_SECRETS),
                clusterRole("agg-view", Map.of("agg-to-view", "true"), List.of(), VIEW_PODS));
    }

    @Test
    void transitiveChainViewEditAdmin() {
        Aggregation.Result r = Aggregation.compute(chain());
        assertThat(r.rules().get("view")).containsExactly(VIEW_PODS);
        assertThat(r.rules().get("edit")).containsExactlyInAnyOrder(EDIT_SECRETS, VIEW_PODS);
        assertThat(r.rules().get("admin")).containsExactlyInAnyOrder(ADMIN_RBAC, EDIT_SECRETS, VIEW_PODS);
        assertThat(r.computed()).containsExactlyInAnyOrder("admin", "edit", "view");
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("ClusterRole/admin").contains("empty"));
    }

    @Test
    void matchingRolesInNameOrderDuplicatesDroppedSelfSkipped() {
        PolicyRule a = rule("", "a", "get");
        PolicyRule b = rule("", "b", "get");
        List<RoleInfo> roles = List.of(
                clusterRole("agg", Map.of("x", "true"), List.of(sel("x"))), // selects itself: skipped
                clusterRole("zz", Map.of("x", "true"), List.of(), b, a),
                clusterRole("aa", Map.of("x", "true"), List.of(), a));
        assertThat(Aggregation.compute(roles).rules().get("agg")).containsExactly(a, b);
    }

    @Test
    void selectorsOredLabelsAnded() {
        LabelSelector both = new LabelSelector(Map.of("p", "1", "q", "1"), List.of());
        LabelSelector other = new LabelSelector(Map.of("r", "1"), List.of());
        PolicyRule pq = rule("", "pq", "get");
        PolicyRule onlyP = rule("", "p", "get");
        PolicyRule r = rule("", "r", "get");
        List<RoleInfo> roles = List.of(
                clusterRole("agg", Map.of(), List.of(both, other)),
                clusterRole("has-pq", Map.of("p", "1", "q", "1"), List.of(), pq),
                clusterRole("has-p", Map.of("p", "1"), List.of(), onlyP),
                clusterRole("has-r", Map.of("r", "1"), List.of(), r));
        assertThat(Aggregation.compute(roles).rules().get("agg")).containsExactlyInAnyOrder(pq, r);
    }

    @Test
    void freshStoredRulesAreKeptAndNotReported() {
        List<RoleInfo> roles = List.of(
                clusterRole("agg", Map.of(), List.of(sel("x")), VIEW_PODS),
                clusterRole("src", Map.of("x", "true"), List.of(), VIEW_PODS));
        Aggregation.Result r = Aggregation.compute(roles);
        assertThat(r.rules().get("agg")).containsExactly(VIEW_PODS);
        assertThat(r.computed()).isEmpty();
        assertThat(r.notes()).isEmpty();
    }

    @Test
    void staleStoredRulesAreCompletedAndReported() {
        List<RoleInfo> roles = List.of(
                clusterRole("agg", Map.of(), List.of(sel("x")), VIEW_PODS),
                clusterRole("src", Map.of("x", "true"), List.of(), VIEW_PODS, EDIT_SECRETS));
        Aggregation.Result r = Aggregation.compute(roles);
        assertThat(r.rules().get("agg")).containsExactly(VIEW_PODS, EDIT_SECRETS);
        assertThat(r.notes()).singleElement().asString().contains("stale");
    }

    @Test
    void engineUsesAggregatedRules() {
        List<RoleInfo> roles = chain();
        RbacEngine e = RbacEngine.of(Fx.snapshot(roles, List.of(crb("a", "admin", user("ann")))));
        assertThat(e.allows(Identity.of("ann", List.of()), Request.resource("list", "", "secrets", "x"))).isTrue();
        assertThat(e.notes()).isNotEmpty();
        assertThat(e.computedAggregations()).contains("admin");
    }
}
