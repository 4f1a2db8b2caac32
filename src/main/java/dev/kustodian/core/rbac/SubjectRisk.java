package dev.kustodian.core.rbac;

import dev.kustodian.core.findings.AnalysisContext;
import dev.kustodian.core.findings.Severity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per subject: a risk score (0–100, the sum of its risky grants' weights, capped), the reasons, and the bindings
 * that give them. {@code system} when every binding that gives the subject a risky grant is system access.
 */
public record SubjectRisk(SubjectRef subject, int score, List<String> reasons, List<String> bindings, boolean system) {

    public static int weight(Severity s) {
        return switch (s) {
            case CRITICAL -> 40;
            case HIGH -> 20;
            case MEDIUM -> 8;
            case LOW -> 3;
            case INFO -> 0;
        };
    }

    /** Every subject named in a binding with at least one risky grant, highest score first. */
    public static List<SubjectRisk> rank(RbacRisks risks) {
        Map<SubjectRef, Acc> acc = new LinkedHashMap<>();
        for (RbacRisks.Hit h : risks.hits()) {
            if (h.check() == RbacRisks.DANGLING) {
                continue;
            }
            for (SubjectRef s : h.subjects()) {
                Acc a = acc.computeIfAbsent(s, k -> new Acc());
                a.score += weight(h.severity());
                a.reasons.add(h.severity().label() + ": " + h.check().title() + " (" + h.detail() + ") via "
                        + h.bound().bindingRef() + " → " + h.bound().roleRef());
                a.bindings.add(h.bound().bindingRef());
                a.system &= h.system();
            }
        }
        List<SubjectRisk> out = new ArrayList<>();
        acc.forEach((s, a) -> out.add(new SubjectRisk(s, Math.min(100, a.score), List.copyOf(a.reasons),
                List.copyOf(a.bindings), a.system)));
        out.sort(Comparator.comparingInt(SubjectRisk::score).reversed().thenComparing(SubjectRisk::subject));
        return out;
    }

    public static List<SubjectRisk> rank(AnalysisContext context) {
        return rank(RbacRisks.of(context));
    }

    /** The effective permissions of one subject: the rules of every binding that names it (any namespace). */
    public static List<RbacEngine.EffectiveRule> permissions(RbacEngine engine, SubjectRef subject) {
        List<RbacEngine.EffectiveRule> out = new ArrayList<>();
        for (RbacEngine.Bound b : engine.bindings()) {
            for (var s : b.binding().subjects()) {
                if (subject.equals(SubjectRef.of(s, b.namespace()))) {
                    for (var r : b.rules()) {
                        out.add(new RbacEngine.EffectiveRule(r, b.bindingRef(), b.roleRef(), b.namespace()));
                    }
                    break;
                }
            }
        }
        return out;
    }

    private static final class Acc {
        int score;
        boolean system = true;
        final Set<String> reasons = new LinkedHashSet<>();
        final Set<String> bindings = new LinkedHashSet<>();
    }
}
