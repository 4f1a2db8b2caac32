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

    /**
     * The API resources (plural, e.g. {@code secrets}, {@code pods}) the rule reads: when one of them could not be
     * listed the rule is reported as not (or partly) evaluated. {@link Coverage#EVERYTHING} by default.
     */
    default java.util.Set<String> reads() {
        return Coverage.EVERYTHING;
    }

    /** Convenience for rules that need only the snapshot. */
    default ClusterSnapshot snapshot(AnalysisContext context) {
        return context.snapshot();
    }
}
