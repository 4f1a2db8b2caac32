package dev.kustodian.core.rbac;

import dev.kustodian.core.model.BindingInfo;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.PolicyRule;
import dev.kustodian.core.model.RoleInfo;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static dev.kustodian.core.rbac.Fx.clusterRole;
import static dev.kustodian.core.rbac.Fx.crb;
import static dev.kustodian.core.rbac.Fx.group;
import static dev.kustodian.core.rbac.Fx.named;
import static dev.kustodian.core.rbac.Fx.rb;
import static dev.kustodian.core.rbac.Fx.role;
import static dev.kustodian.core.rbac.Fx.rule;
import static dev.kustodian.core.rbac.Fx.sa;
import static dev.kustodian.core.rbac.Fx.user;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Synthetic cluster: 5,000 roles (1,000 ClusterRoles + 4,000 Roles), 10,000 bindings (1,500 ClusterRoleBindings +
 * 8,500 RoleBindings), 500 namespaces, 20,000 secrets, 2,000 pods mounting secrets. Not a timed test: runs only with
 * {@code -Dkustodian.bench=true} and prints its figures.
 */
class RbacBenchmark {
    static final int NS = 500;

    static final List<PolicyRule> TEMPLATES = List.of(
            rule("", "pods", "get", "list", "watch"),
            rule("", "configmaps", "get", "list"),
            rule("", "secrets", "get"),
            rule("", "secrets", "get", "list", "watch"),
            rule("apps", "deployments", "create", "update", "patch"),
            rule("", "pods/exec", "create"),
            rule("", "services", "*"),
            rule("batch", "jobs", "create"),
            rule("", "serviceaccounts/token", "create"),
            rule(List.of("*"), List.of("*/scale"), List.of("update")),
            rule("rbac.authorization.k8s.io", "rolebindings", "create"),
            rule("networking.k8s.io", "ingresses", "get", "list"));

    static ClusterSnapshot build() {
        Random rnd = new Random(42);
        ClusterSnapshot.Builder b = Fx.builder();
        for (int i = 0; i < 1000; i++) {
            b.roles.add(clusterRole("cr-" + i, rules(rnd, i)));
        }
        for (int i = 0; i < 4000; i++) {
            b.roles.add(role("ns-" + (i % NS), "r-" + i, rules(rnd, i)));
        }
        for (int i = 0; i < 1500; i++) {
            b.bindings.add(crb("crb-" + i, "cr-" + rnd.nextInt(1000), subject(rnd, "ns-" + rnd.nextInt(NS))));
        }
        for (int i = 0; i < 8500; i++) {
            String ns = "ns-" + (i % NS);
            boolean toCluster = rnd.nextInt(3) == 0;
            String roleName = toCluster ? "cr-" + rnd.nextInt(1000) : "r-" + ((rnd.nextInt(8) * NS) + (i % NS));
            b.bindings.add(rb(ns, "rb-" + i, toCluster ? RoleInfo.CLUSTER_ROLE : RoleInfo.ROLE, roleName,
                    subject(rnd, ns), subject(rnd, ns)));
        }
        for (int i = 0; i < 20_000; i++) {
            b.secrets.add(Fx.secret("ns-" + (i % NS), "secret-" + i));
        }
        for (int i = 0; i < 2000; i++) {
            b.workloads.add(Fx.podMounting("ns-" + (i % NS), "pod-" + i, "sa-" + (i % 5), "secret-" + (i * 10)));
        }
        return b.build();
    }

    static PolicyRule[] rules(Random rnd, int i) {
        int n = 1 + rnd.nextInt(4);
        PolicyRule[] r = new PolicyRule[n];
        for (int k = 0; k < n; k++) {
            r[k] = rnd.nextInt(20) == 0 ? named("", "secrets", List.of("secret-" + rnd.nextInt(20_000)), "get")
                    : TEMPLATES.get(rnd.nextInt(TEMPLATES.size()));
        }
        return r;
    }

    static BindingInfo.Subject subject(Random rnd, String ns) {
        return switch (rnd.nextInt(3)) {
            case 0 -> user("user-" + rnd.nextInt(1000));
            case 1 -> group("group-" + rnd.nextInt(100));
            default -> sa(ns, "sa-" + rnd.nextInt(5));
        };
    }

    @Test
    void benchmark() {
        Assumptions.assumeTrue(Boolean.getBoolean("kustodian.bench"), "benchmark: run with -Dkustodian.bench=true");
        ClusterSnapshot s = build();
        System.out.printf("cluster: %d roles, %d bindings, %d namespaces, %d secrets, %d pods%n", s.roles().size(),
                s.bindings().size(), NS, s.secrets().size(), s.workloads().size());

        long t0 = System.nanoTime();
        RbacEngine engine = RbacEngine.of(s);
        System.out.printf("engine index build: %.1f ms%n", (System.nanoTime() - t0) / 1e6);

        String[] verbs = {"get", "list", "create", "update", "delete"};
        String[] resources = {"pods", "secrets", "configmaps", "services", "deployments"};
        Random rnd = new Random(7);
        int n = 200_000;
        Identity[] ids = new Identity[n];
        Request[] reqs = new Request[n];
        for (int i = 0; i < n; i++) {
            ids[i] = rnd.nextBoolean()
                    ? Identity.of("user-" + rnd.nextInt(1000), List.of("group-" + rnd.nextInt(100)))
                    : Identity.serviceAccount("ns-" + rnd.nextInt(NS), "sa-" + rnd.nextInt(5));
            String res = resources[rnd.nextInt(resources.length)];
            reqs[i] = Request.resource(verbs[rnd.nextInt(verbs.length)], res.equals("deployments") ? "apps" : "", res,
                    "", "", "ns-" + rnd.nextInt(NS));
        }
        int yes = 0;
        for (int i = 0; i < n; i++) { // warm-up
            yes += engine.allows(ids[i], reqs[i]) ? 1 : 0;
        }
        t0 = System.nanoTime();
        yes = 0;
        for (int i = 0; i < n; i++) {
            yes += engine.allows(ids[i], reqs[i]) ? 1 : 0;
        }
        double canI = (System.nanoTime() - t0) / 1e3 / n;
        System.out.printf("can-i: %.2f µs per request (%d requests, %d yes)%n", canI, n, yes);

        t0 = System.nanoTime();
        for (int i = 0; i < 20_000; i++) {
            engine.explain(ids[i], reqs[i]);
        }
        System.out.printf("can-i --explain: %.2f µs per request%n", (System.nanoTime() - t0) / 1e3 / 20_000);

        // who-can with the ClusterRoleBinding memo dropped before every query
        int m = 2000;
        for (int i = 0; i < 200; i++) {
            engine.whoCan(Request.resource("get", "", "secrets", "", "warm-" + i, "ns-" + (i % NS)));
        }
        t0 = System.nanoTime();
        long subjects = 0;
        for (int i = 0; i < m; i++) {
            engine.clearCache();
            subjects += engine.whoCan(Request.resource(verbs[i % verbs.length], "", resources[i % 4], "",
                    "name-" + i, "ns-" + (i % NS))).size();
        }
        double whoCanCold = (System.nanoTime() - t0) / 1e6 / m;
        System.out.printf("who-can (uncached): %.3f ms per query (%d queries, %.1f subjects on average)%n",
                whoCanCold, m, subjects / (double) m);
        t0 = System.nanoTime();
        for (int i = 0; i < m; i++) {
            engine.whoCan(Request.resource("get", "", "secrets", "ns-" + (i % NS)));
        }
        System.out.printf("who-can (cluster part cached): %.3f ms per query%n", (System.nanoTime() - t0) / 1e6 / m);

        t0 = System.nanoTime();
        SecretReaders readers = new SecretReaders(engine);
        Map<String, List<Reader>> all = readers.all();
        double idx = (System.nanoTime() - t0) / 1e6;
        long total = all.values().stream().mapToLong(List::size).sum();
        System.out.printf("secret readers index: %.0f ms for %d secrets (%d reader entries, %.1f per secret)%n",
                idx, all.size(), total, total / (double) all.size());

        t0 = System.nanoTime();
        RbacRisks risks = new RbacRisks(engine);
        System.out.printf("risk catalogue over all bindings: %.0f ms (%d hits)%n", (System.nanoTime() - t0) / 1e6,
                risks.hits().size());
        assertThat(all).hasSize(20_000);
    }
}
