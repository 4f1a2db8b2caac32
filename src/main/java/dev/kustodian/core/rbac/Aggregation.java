package dev.kustodian.core.rbac;

import dev.kustodian.core.model.LabelSelector;
import dev.kustodian.core.model.PolicyRule;
import dev.kustodian.core.model.RoleInfo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ClusterRole aggregation like the clusterrole-aggregation controller: for a ClusterRole with
 * {@code aggregationRule.clusterRoleSelectors}, the rules of every other ClusterRole whose labels match any selector
 * (selectors ORed, each selector's labels ANDed), in name order, duplicates dropped; repeated to a fixpoint so
 * chains (view → edit → admin) resolve. Live clusters already store the result; snapshot files and kubectl dumps may
 * not, so the result is used when the stored rules are empty, and added to them when they are stale (missing rules
 * the selectors bring in: the stored rules are kept, so nothing the cluster shows is lost).
 */
public final class Aggregation {
    private Aggregation() {
    }

    /**
     * @param rules effective rules per ClusterRole name (aggregated ones computed)
     * @param notes one sentence per ClusterRole whose rules were computed here
     * @param computed names of the ClusterRoles whose rules were computed (empty or stale stored rules)
     */
    public record Result(Map<String, List<PolicyRule>> rules, List<String> notes, Set<String> computed) {
    }

    public static Result compute(List<RoleInfo> roles) {
        List<RoleInfo> clusterRoles = roles.stream().filter(RoleInfo::isClusterRole)
                .sorted(Comparator.comparing(RoleInfo::name)).toList();
        Map<String, List<PolicyRule>> current = new LinkedHashMap<>();
        for (RoleInfo r : clusterRoles) {
            current.putIfAbsent(r.name(), r.rules());
        }
        List<RoleInfo> aggregated = clusterRoles.stream().filter(RoleInfo::isAggregated).toList();
        boolean changed = !aggregated.isEmpty();
        int guard = 0;
        while (changed && guard++ <= clusterRoles.size() + 1) {
            changed = false;
            for (RoleInfo a : aggregated) {
                LinkedHashSet<PolicyRule> next = new LinkedHashSet<>(a.rules());
                for (RoleInfo c : clusterRoles) {
                    if (c.name().equals(a.name()) || !selects(a.aggregationSelectors(), c)) {
                        continue;
                    }
                    next.addAll(current.get(c.name()));
                }
                List<PolicyRule> nextList = List.copyOf(next);
                if (!nextList.equals(current.get(a.name()))) {
                    current.put(a.name(), nextList);
                    changed = true;
                }
            }
        }
        List<String> notes = new ArrayList<>();
        Set<String> computed = new HashSet<>();
        for (RoleInfo a : aggregated) {
            List<PolicyRule> stored = a.rules();
            List<PolicyRule> eff = current.get(a.name());
            if (eff.size() == new HashSet<>(stored).size()) {
                continue;
            }
            computed.add(a.name());
            if (stored.isEmpty()) {
                notes.add("ClusterRole/" + a.name() + ": rules computed from its aggregationRule (" + eff.size()
                        + " rules; the stored rules were empty).");
            } else {
                notes.add("ClusterRole/" + a.name() + ": stored rules were stale; " + (eff.size() - stored.size())
                        + " rules added from its aggregationRule.");
            }
        }
        return new Result(current, List.copyOf(notes), Set.copyOf(computed));
    }

    /** Selectors ORed; an empty selector matches every ClusterRole (as LabelSelectorAsSelector does). */
    static boolean selects(List<LabelSelector> selectors, RoleInfo role) {
        for (LabelSelector s : selectors) {
            if (s.matches(role.meta().labels())) {
                return true;
            }
        }
        return false;
    }
}
