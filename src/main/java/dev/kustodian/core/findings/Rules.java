package dev.kustodian.core.findings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Evaluation of finding rules. Each area exposes its rules through a {@link RuleProvider}; the providers are wired
 * explicitly in {@code dev.kustodian.core.analysis.Analysis}, which runs them once per load.
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

    /**
     * Runs {@code rules}; a rule that needs secret values is skipped when the snapshot was read with
     * {@code --secrets metadata}; a rule that throws becomes one INFO finding that says so (never a crash). */
    public static List<Finding> evaluate(AnalysisContext context, List<FindingRule> rules) {
        // rules are pure functions of the context: run them on every core, then merge in rule order
        List<List<Finding>> results = rules.parallelStream().map(rule -> evaluateOne(context, rule)).toList();
        List<Finding> out = new ArrayList<>(results.stream().mapToInt(List::size).sum());
        results.forEach(out::addAll);
        out.sort(ORDER);
        return out;
    }

    private static List<Finding> evaluateOne(AnalysisContext context, FindingRule rule) {
        if (rule.reads().contains(Coverage.SECRET_VALUES) && context.snapshot().isHidden(Coverage.SECRET_VALUES, "")) {
            // --secrets metadata: the values it needs were not read; Coverage reports it "not evaluated: metadata-only"
            // (running it on unknown types and keys would report guesses)
            return List.of();
        }
        try {
            return rule.evaluate(context);
        } catch (RuntimeException e) {
            return List.of(Finding.of("KUSTODIAN-RULE-ERROR", "kustodian", Severity.INFO, ObjectRef.cluster(),
                    "Rule " + rule.id() + " could not run",
                    "The rule failed on this snapshot (an internal error"
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
