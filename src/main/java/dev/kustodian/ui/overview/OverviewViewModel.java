package dev.kustodian.ui.overview;

import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.findings.Severity;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.plan.Plan;
import dev.kustodian.core.model.SourceInfo;
import dev.kustodian.core.model.VisibilityGap;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Everything the Overview shows, computed from the snapshot and the findings (no FX nodes; testable).
 * Posture cards per area say "nothing analysed yet" when no rule of that area is registered — no fake numbers.
 */
public final class OverviewViewModel {

    /** A product area: finding area id, card title, the rule id prefixes that belong to it, its page. */
    public enum Area {
        SECRETS("secrets", "Secret hygiene", List.of("SEC-", "SECRET-"), "secrets", Severity.MEDIUM),
        RBAC("rbac", "RBAC exposure", List.of("RBAC-"), "access", Severity.HIGH),
        ENCRYPTION("encryption", "Encryption at rest", List.of("ENC-"), "encryption", Severity.MEDIUM),
        EXTERNAL_STORES("external-stores", "External store adoption", List.of("ESO-", "EXT-", "STORE-"),
                "external-stores", Severity.MEDIUM),
        ROLES("roles", "Right-sized roles", List.of("ROLE-"), "roles", Severity.MEDIUM);

        public final String id;
        public final String title;
        final List<String> rulePrefixes;
        public final String pageId;
        /** Findings at or above this severity keep the area (and its checklist step) open. */
        final Severity threshold;

        Area(String id, String title, List<String> rulePrefixes, String pageId, Severity threshold) {
            this.id = id;
            this.title = title;
            this.rulePrefixes = rulePrefixes;
            this.pageId = pageId;
            this.threshold = threshold;
        }

        boolean owns(String ruleId) {
            return rulePrefixes.stream().anyMatch(ruleId::startsWith);
        }
    }

    public enum State { NOT_ANALYSED, OK, ATTENTION, CRITICAL }

    /** A posture card. {@code nextStep} is the one next action (null when none). */
    public record Posture(Area area, State state, String headline, Map<Severity, Integer> counts, String nextStep,
                          Finding topFinding) {
    }

    public enum StepState { DONE, TODO, NOT_ANALYSED, MANUAL }

    /** An onboarding checklist step; {@code pageId} is where to do it. */
    public record ChecklistStep(String title, StepState state, String detail, String pageId) {
    }

    /**
     * Loaded facts, or null before a load. {@code checklist} is the hardening plan's steps when the load has a plan
     * ({@code planSummary}: "2 of 6 steps settled · next: ..."), else the area checklist and a null summary.
     */
    public record Model(String source, String serverVersion, String identity, Map<String, Integer> counts,
                        List<VisibilityGap> gaps, List<Posture> postures, List<Finding> topFindings,
                        int totalFindings, List<ChecklistStep> checklist, String planSummary) {
    }

    /** The page of the hardening plan (the Overview links to it by id). */
    public static final String PLAN_PAGE = "onboarding";

    public final ObjectProperty<Model> model = new SimpleObjectProperty<>();

    public Model model() {
        return model.get();
    }

    /**
     * Recomputes.
     *
     * @param ruleIds      ids of every registered rule (to know which areas are analysed)
     * @param namespaceOk  the namespace filter (findings of other namespaces are not shown)
     */
    public void update(ClusterSnapshot snapshot, List<Finding> findings, Collection<String> ruleIds,
                       Predicate<String> namespaceOk, Plan plan) {
        show(compute(snapshot, findings, ruleIds, namespaceOk, plan));
    }

    /** Shows a computed model (FX thread). */
    public void show(Model m) {
        model.set(m);
    }

    public static Model compute(ClusterSnapshot snapshot, List<Finding> allFindings, Collection<String> ruleIds,
                                Predicate<String> namespaceOk) {
        return compute(snapshot, allFindings, ruleIds, namespaceOk, null);
    }

    /** The model; with a {@code plan}, the checklist is the summary of the cluster's hardening plan. */
    public static Model compute(ClusterSnapshot snapshot, List<Finding> allFindings, Collection<String> ruleIds,
                                Predicate<String> namespaceOk, Plan plan) {
        List<Finding> findings = allFindings.stream()
                .filter(f -> namespaceOk.test(f.object().namespace())).toList();
        List<Posture> postures = new ArrayList<>();
        Map<Area, Boolean> analysed = new LinkedHashMap<>();
        for (Area a : Area.values()) {
            boolean any = ruleIds.stream().anyMatch(a::owns) || findings.stream().anyMatch(f -> a.id.equals(f.area()));
            analysed.put(a, any);
            if (a != Area.ROLES) {
                postures.add(posture(a, any, findings));
            }
        }
        List<Finding> top = findings.stream().filter(f -> !f.system()).limit(8).toList();
        SourceInfo src = snapshot.source();
        String source = describe(src);
        String identity = src.identity() == null ? "unknown (the server did not say who you are)"
                : src.identity().user() + (src.identity().groups().isEmpty() ? ""
                : " (groups: " + String.join(", ", src.identity().groups()) + ")");
        String version = src.serverVersion() == null || src.serverVersion().isEmpty() ? "unknown"
                : src.serverVersion();
        return new Model(source, version, identity, snapshot.counts(), snapshot.gaps(), postures, top,
                findings.size(), plan == null ? checklist(snapshot, findings, analysed) : planSteps(plan),
                plan == null ? null : planSummary(plan));
    }

    public static String describe(SourceInfo src) {
        String time = src.loadedAt() == null ? "" : " · " + DateTimeFormatter.ofPattern("HH:mm")
                .withZone(ZoneId.systemDefault()).format(src.loadedAt());
        return switch (src.kind()) {
            case LIVE -> "live: " + src.label() + time;
            case SNAPSHOT -> "snapshot: " + fileName(src.label());
            case DEMO -> "demo" + time;
        };
    }

    private static String fileName(String path) {
        if (path == null) {
            return "";
        }
        int i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return i >= 0 && i < path.length() - 1 ? path.substring(i + 1) : path;
    }

    private static Posture posture(Area a, boolean analysed, List<Finding> findings) {
        if (!analysed) {
            return new Posture(a, State.NOT_ANALYSED, "Nothing analysed yet",
                    Map.of(), "No checks for this area are installed in this version.", null);
        }
        List<Finding> mine = findings.stream().filter(f -> a.id.equals(f.area()) && !f.system()).toList();
        Map<Severity, Integer> counts = new LinkedHashMap<>();
        for (Severity s : List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO)) {
            int n = (int) mine.stream().filter(f -> f.severity() == s).count();
            if (n > 0) {
                counts.put(s, n);
            }
        }
        Finding worst = mine.stream().max((x, y) -> x.severity().compareTo(y.severity())).orElse(null);
        if (worst == null || !worst.severity().atLeast(Severity.LOW)) {
            return new Posture(a, State.OK, "No problems found", counts, null, worst);
        }
        State state = worst.severity().atLeast(Severity.HIGH) ? State.CRITICAL : State.ATTENTION;
        String headline = mine.size() + (mine.size() == 1 ? " finding" : " findings");
        return new Posture(a, state, headline, counts, worst.title(), worst);
    }

    /** The plan's steps as checklist rows (done and accepted count as done), each opening the Onboarding page. */
    static List<ChecklistStep> planSteps(Plan plan) {
        return plan.steps().stream().map(s -> new ChecklistStep(s.title(), switch (s.status()) {
            case DONE, ACCEPTED -> StepState.DONE;
            case MANUAL -> StepState.MANUAL;
            case TODO, BLOCKED -> StepState.TODO;
        }, s.status().id() + ": " + s.statusReason(), PLAN_PAGE)).toList();
    }

    /** "2 of 6 steps settled · next: 3. Adopt an external secret store" (or "every step settled"). */
    public static String planSummary(Plan plan) {
        String next = plan.steps().stream().filter(s -> !s.status().settled()).findFirst()
                .map(s -> "next: " + s.number() + ". " + s.title() + " (" + s.status().id() + ")")
                .orElse("every step settled");
        return plan.settledCount() + " of " + plan.steps().size() + " steps settled · " + next;
    }

    private static List<ChecklistStep> checklist(ClusterSnapshot snapshot, List<Finding> findings,
                                                 Map<Area, Boolean> analysed) {
        List<ChecklistStep> steps = new ArrayList<>();
        steps.add(new ChecklistStep("Connect", StepState.DONE, "Loaded " + describe(snapshot.source())
                + (snapshot.gaps().isEmpty() ? "" : "; " + snapshot.gaps().size() + " part(s) not visible"), null));
        steps.add(areaStep("Encrypt secrets at rest", Area.ENCRYPTION, findings, analysed,
                "Secrets are encrypted at rest.", "Secrets are not encrypted in etcd"));
        steps.add(areaStep("Review who can read secrets", Area.RBAC, findings, analysed,
                "No high-risk access to secrets found.", "Risky access to secrets"));
        ChecklistStep store = areaStep("Move secrets to an external store", Area.EXTERNAL_STORES, findings, analysed,
                "Secrets come from an external store.", "Secrets still stored only in the cluster");
        long externalSecrets = snapshot.customObjects("external-secrets.io", "ExternalSecret").size();
        boolean eso = snapshot.crds().stream().anyMatch(c -> "external-secrets.io".equals(c.group()));
        if (store.state() == StepState.NOT_ANALYSED && eso) {
            store = new ChecklistStep(store.title(), StepState.NOT_ANALYSED, "External Secrets Operator is installed ("
                    + externalSecrets + " ExternalSecret objects); adoption is not analysed yet.", store.pageId());
        }
        steps.add(store);
        steps.add(analysed.get(Area.ROLES) ? areaStep("Right-size roles", Area.ROLES, findings, analysed,
                "No over-broad roles found.", "Over-broad roles")
                // right-sizing needs what the subjects really did: an audit log, which no snapshot holds
                : new ChecklistStep("Right-size roles", StepState.MANUAL, "Load an API server audit log on the Roles "
                + "page: it lists the permissions nobody used and writes least-privilege Roles.", Area.ROLES.pageId));
        steps.add(new ChecklistStep("Export a report", StepState.MANUAL,
                "Kustodian cannot see whether a report was exported; export one for your records.", "reports"));
        return steps;
    }

    private static ChecklistStep areaStep(String title, Area area, List<Finding> findings,
                                          Map<Area, Boolean> analysed, String okText, String todoText) {
        if (!analysed.get(area)) {
            return new ChecklistStep(title, StepState.NOT_ANALYSED, "Not analysed yet in this version.", area.pageId);
        }
        long open = findings.stream().filter(f -> area.id.equals(f.area()) && !f.system()
                && f.severity().atLeast(area.threshold)).count();
        return open == 0 ? new ChecklistStep(title, StepState.DONE, okText, area.pageId)
                : new ChecklistStep(title, StepState.TODO, todoText + ": " + open + " finding(s) at "
                + area.threshold.label().toLowerCase(java.util.Locale.ROOT) + " or above.", area.pageId);
    }

    /** Helper for views: rule ids of every registered rule. */
    public static Set<String> registeredRuleIds() {
        return dev.kustodian.core.analysis.Analysis.allRules().stream().map(r -> r.id())
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }
}
