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
        // rules are pure functions of the context: run them on every core, each rule's findings sorted on the core that
        // found them, then merged in ORDER without comparing them again (the sort was a quarter of a second on the
        // main thread of a 100,000-finding scan)
        List<List<Finding>> results = rules.parallelStream().map(rule -> sorted(evaluateOne(context, rule))).toList();
        return merge(results);
    }

    private static List<Finding> sorted(List<Finding> findings) {
        List<Finding> l = new ArrayList<>(findings);
        l.sort(ORDER);
        return l;
    }

    /**
     * The findings of {@code sortedLists} (each sorted by {@link #ORDER}) in ORDER, exactly as a stable sort of their
     * concatenation: each list is cut into runs of one (severity, rule), the runs are laid out by (severity, rule), and
     * a (severity, rule) that more than one list reached is sorted again (stable, so equal findings keep the order of
     * the concatenation).
     */
    static List<Finding> merge(List<List<Finding>> sortedLists) {
        java.util.TreeMap<Finding, List<List<Finding>>> runs = new java.util.TreeMap<>((a, b) -> {
            int c = b.severity().compareTo(a.severity());
            return c != 0 ? c : a.rule().compareTo(b.rule());
        });
        int size = 0;
        for (List<Finding> list : sortedLists) {
            size += list.size();
            for (int start = 0; start < list.size(); ) {
                Finding first = list.get(start);
                int end = start + 1;
                while (end < list.size() && list.get(end).severity() == first.severity()
                        && list.get(end).rule().equals(first.rule())) {
                    end++;
                }
                runs.computeIfAbsent(first, k -> new ArrayList<>(1)).add(list.subList(start, end));
                start = end;
            }
        }
        List<Finding> out = new ArrayList<>(size);
        for (List<List<Finding>> same : runs.values()) {
            if (same.size() == 1) {
                out.addAll(same.get(0));
            } else {
                List<Finding> l = new ArrayList<>();
                same.forEach(l::addAll);
                l.sort(ORDER);
                out.addAll(l);
            }
        }
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
