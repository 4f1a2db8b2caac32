package dev.kustodian.core.findings;

import dev.kustodian.core.model.ClusterSnapshot;

import java.util.List;

/**
 * A rule: a pure function of the snapshot (plus the shared analysis context) to findings. Every rule extends
 * {@link AreaRule} (one rule style: id, area and description as data, the finding factory); each area lists its
 * rules in a {@link Rules.RuleProvider}, wired in {@code dev.kustodian.core.analysis.Analysis}.
 */
public interface FindingRule {
    /** Stable id, e.g. {@code SEC-ENV}. */
    String id();

    /** One line: what the rule looks for. */
    String description();

    List<Finding> evaluate(AnalysisContext context);

    /** Convenience for rules that need only the snapshot. */
    default ClusterSnapshot snapshot(AnalysisContext context) {
        return context.snapshot();
    }
}
