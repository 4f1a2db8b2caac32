package dev.kustodian.core.report;

import dev.kustodian.core.accept.Acceptance;
import dev.kustodian.core.findings.Coverage;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.findings.FindingRule;
import dev.kustodian.core.findings.Severity;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a report shows: findings (already filtered: system findings included or not), where they come from and
 * when, and the one-line description of each rule (for SARIF's rule table). Holds names only, never values.
 * {@code coverage}: what the scan could not see and the rules that blinded (null when not known: no gap section
 * is written).
 */
public record Report(List<Finding> findings, String source, Instant generatedAt, Map<String, String> ruleDescriptions,
                     Map<String, Acceptance> accepted, Coverage coverage, String cisBenchmark) {

    public Report {
        findings = List.copyOf(findings);
        source = source == null ? "" : source;
        ruleDescriptions = ruleDescriptions == null ? Map.of() : Map.copyOf(ruleDescriptions);
        accepted = accepted == null ? Map.of() : Map.copyOf(accepted);
    }

    public Report(List<Finding> findings, String source, Instant generatedAt, Map<String, String> ruleDescriptions) {
        this(findings, source, generatedAt, ruleDescriptions, Map.of(), null, null);
    }

    public Report(List<Finding> findings, String source, Instant generatedAt, Map<String, String> ruleDescriptions,
                  Map<String, Acceptance> accepted, Coverage coverage) {
        this(findings, source, generatedAt, ruleDescriptions, accepted, coverage, null);
    }

    /** This report with what the scan could not see (and the rules that blinded). */
    public Report withCoverage(Coverage c) {
        return new Report(findings, source, generatedAt, ruleDescriptions, accepted, c, cisBenchmark);
    }

    /** This report naming {@code benchmark} as the one its findings' CIS ids are already numbered in. */
    public Report numberedIn(String benchmark) {
        return new Report(findings, source, generatedAt, ruleDescriptions, accepted, coverage, benchmark);
    }

    /**
     * This report with its findings' CIS ids numbered as in {@code benchmark} (a name of
     * {@link dev.kustodian.core.findings.CisBenchmarks#names()}); every format then names the benchmark.
     */
    public Report withCisBenchmark(String benchmark) {
        return new Report(dev.kustodian.core.findings.CisBenchmarks.translateAll(findings, benchmark), source, generatedAt,
                ruleDescriptions, accepted, coverage, benchmark);
    }

    /**
     * This report with the acceptances of its findings (by finding id; expired ones included): accepted findings
     * stay in the report, marked, and do not count for {@code --fail-on} while their acceptance holds.
     */
    public Report withAccepted(Map<String, Acceptance> acceptances) {
        return new Report(findings, source, generatedAt, ruleDescriptions, acceptances, coverage, cisBenchmark);
    }

    /** The acceptance of a finding, or null when it is not accepted. */
    public Acceptance acceptance(Finding f) {
        return accepted.isEmpty() ? null : accepted.get(f.id());
    }

    /** Findings accepted by an entry that still holds. */
    public long acceptedCount() {
        return accepted.values().stream().filter(Acceptance::active).count();
    }

    /** Findings whose acceptance has expired (they count again). */
    public long expiredCount() {
        return accepted.values().stream().filter(Acceptance::expired).count();
    }

    public static Report of(List<Finding> findings, String source, Instant generatedAt, List<FindingRule> rules) {
        Map<String, String> d = new LinkedHashMap<>();
        for (FindingRule r : rules) {
            d.put(r.id(), r.description());
        }
        return new Report(findings, source, generatedAt, d);
    }

    /** Counts per severity, highest first, every severity present (zero included). */
    public Map<Severity, Integer> countsBySeverity() {
        Map<Severity, Integer> m = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            m.put(s, 0);
        }
        findings.forEach(f -> m.merge(f.severity(), 1, Integer::sum));
        Map<Severity, Integer> ordered = new LinkedHashMap<>();
        for (int i = Severity.values().length - 1; i >= 0; i--) {
            ordered.put(Severity.values()[i], m.get(Severity.values()[i]));
        }
        return ordered;
    }

    public Map<String, Integer> countsByArea() {
        Map<String, Integer> m = new TreeMap<>();
        findings.forEach(f -> m.merge(f.area(), 1, Integer::sum));
        return m;
    }

    public long systemCount() {
        return findings.stream().filter(Finding::system).count();
    }
}
