package dev.kustodian.core.findings;

import java.util.List;
import java.util.Set;

/**
 * Base of a rule of one area: its id, description and the resources it reads (see {@link FindingRule#reads()}) as
 * data, and the finding factory that stamps the rule id and area.
 */
public abstract class AreaRule implements FindingRule {
    private final String id;
    private final String area;
    private final String description;
    private final Set<String> reads;

    protected AreaRule(String id, String area, String description, Set<String> reads) {
        this.id = id;
        this.area = area;
        this.description = description;
        this.reads = reads;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Set<String> reads() {
        return reads;
    }

    protected Finding finding(Severity severity, ObjectRef object, String title, String explanation,
                              String remediation, List<String> cis) {
        return Finding.of(id, area, severity, object, title, explanation, remediation, cis);
    }

    /** "a, b, c and 4 more". */
    public static String joinLimited(List<String> items, int max) {
        if (items.size() <= max) {
            return String.join(", ", items);
        }
        return String.join(", ", items.subList(0, max)) + " and " + (items.size() - max) + " more";
    }
}
