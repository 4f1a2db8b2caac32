package dev.kustodian.core.findings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The registry of all finding rules. Each area exposes its rules through a {@link RuleProvider} listed in
 * {@code META-INF/services/dev.kustodian.core.findings.RuleProvider}, so areas never edit a shared list.
 */
public final class Rules {
    private Rules() {
    }

    /** The order of {@link #evaluate}'s result: most severe first, then by rule, then by finding id. */
    public static final Comparator<Finding> ORDER = (a, b) -> {
        int c = b.severity().compareTo(a.severity());
        if (c != 0) {
            return c;
        }
        c = a.rule().compareTo(b.rule());
        return c != 0 ? c : a.id().compareTo(b.id());
    };

    /** Every rule of every area. */
    public static List<FindingRule> all() {
        List<FindingRule> rules = new ArrayList<>();
        for (RuleProvider p : ServiceLoader.load(RuleProvider.class, Rules.class.getClassLoader())) {
            rules.addAll(p.rules());
        }
        rules.sort(Comparator.comparing(FindingRule::id));
        return rules;
    }

    /** Runs all rules; a rule that throws becomes one INFO finding that says so (never a crash). */
    public static List<Finding> evaluate(AnalysisContext context) {
        return evaluate(context, all());
    }

    public static List<Finding> evaluate(AnalysisContext context, List<FindingRule> rules) {
        // rules are pure functions of the context: run them on every core, then merge in rule order
        List<List<Finding>> results = rules.parallelStream().map(rule -> evaluateOne(context, rule)).toList();
        List<Finding> out = new ArrayList<>(results.stream().mapToInt(List::size).sum());
        results.forEach(out::addAll);
        out.sort(ORDER);
        return out;
    }

    private static List<Finding> evaluateOne(AnalysisContext context, FindingRule rule) {
        try {
            return rule.evaluate(context);
        } catch (RuntimeException e) {
            return List.of(Finding.of("KUSTODIAN-RULE-ERROR", "kustodian", Severity.INFO, ObjectRef.cluster(),
                    "Rule " + rule.id() + " could not run",
                    "The rule failed on this snapshot (" + e.getClass().getSimpleName()
                            + "). Other rules ran normally.",
                    "Report this with the snapshot file (kustodian snapshot --output FILE).", List.of())
                    .withIdSuffix(rule.id()));
        }
    }

    /** Implemented once per area (secrets, rbac, encryption, ...). */
    public interface RuleProvider {
        List<FindingRule> rules();
    }
}
