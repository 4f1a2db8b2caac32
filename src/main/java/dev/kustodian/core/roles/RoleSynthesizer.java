package dev.kustodian.core.roles;

import dev.kustodian.core.model.PolicyRule;
import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.output.Manifest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Least-privilege rules from observed use: collects a subject's requests from audit events ({@link Collector}, a
 * streaming consumer with memory bounded by the number of distinct (resource, namespace, verb) seen, not by the
 * number of events) and synthesizes the smallest rules that allow them.
 *
 * <ul>
 *   <li>grouped by API group, resource/subresource and namespace; verbs merged per resource; resources with the
 *       same group and verbs merged into one rule;</li>
 *   <li>resourceNames only where every request for that resource and verb named an object, all of them at most
 *       {@link Options#maxNames()} names, and the verb can be restricted by name (never list, watch, create,
 *       deletecollection: those go into a separate rule without names);</li>
 *   <li>namespaced use → one Role per namespace; cluster-scoped resources, all-namespace requests and
 *       non-resource URLs → one ClusterRole, only when there is such use.</li>
 * </ul>
 */
public final class RoleSynthesizer {

    /** Verbs that resourceNames cannot restrict (the request carries no name, or the name is not known yet). */
    public static final Set<String> UNNAMEABLE_VERBS = Set.of("list", "watch", "create", "deletecollection");

    /** The usual verb order in RBAC rules; other verbs sort after these, alphabetically. */
    static final List<String> VERB_ORDER = List.of("get", "list", "watch", "create", "update", "patch", "delete",
            "deletecollection");

    /**
     * Paths every authenticated user may already read through the default ClusterRoles system:discovery and
     * system:public-info-viewer; rules for them are left out unless asked for.
     */
    static boolean defaultAllowedUrl(String path) {
        return path.equals("/api") || path.startsWith("/api/") || path.equals("/apis") || path.startsWith("/apis/")
                || path.equals("/healthz") || path.equals("/livez") || path.equals("/readyz")
                || path.equals("/version") || path.equals("/version/") || path.equals("/openapi")
                || path.startsWith("/openapi/") || path.equals("/.well-known/openid-configuration")
                || path.equals("/openid/v1/jwks");
    }

    /**
     * @param includeDenied     also grant what was refused (403)
     * @param maxNames          the most object names a rule may list before it is left unrestricted
     * @param includeDefaultUrls also write rules for discovery/health URLs every authenticated user already has
     * @param roleName          name of the generated Role/ClusterRole (null: derived from the subject)
     */
    public record Options(boolean includeDenied, int maxNames, boolean includeDefaultUrls, String roleName) {
        public Options {
            if (maxNames < 0) {
                throw new IllegalArgumentException("--max-names must be 0 or more");
            }
        }

        public static Options defaults() {
            return new Options(false, 5, false, null);
        }
    }

    /** Counts of one (resource, namespace, verb) or (URL, verb). */
    static final class Usage {
        long count, denied;
        Instant first, last;
        final Set<String> names = new LinkedHashSet<>();
        boolean nameless, overflow;

        void add(String name, Instant time, boolean wasDenied, int maxNames) {
            count++;
            if (wasDenied) {
                denied++;
            }
            first = EventTimes.earlier(first, time);
            last = EventTimes.later(last, time);
            if (name == null || name.isEmpty()) {
                nameless = true;
            } else if (!overflow && !names.contains(name)) {
                if (names.size() >= maxNames) {
                    overflow = true;
                    names.clear();
                } else {
                    names.add(name);
                }
            }
        }

        void merge(Usage o, int maxNames) {
            count += o.count;
            denied += o.denied;
            first = EventTimes.earlier(first, o.first);
            last = EventTimes.later(last, o.last);
            nameless |= o.nameless;
            overflow |= o.overflow;
            if (!overflow) {
                for (String n : o.names) {
                    if (!names.contains(n)) {
                        if (names.size() >= maxNames) {
                            overflow = true;
                            names.clear();
                            break;
                        }
                        names.add(n);
                    }
                }
            }
        }
    }

    record ResKey(String group, String resource, String namespace, String verb) {
    }

    record UrlKey(String path, String verb) {
    }

    /** Streams audit events, keeping only the subject's aggregated use. */
    public static final class Collector implements Consumer<AuditEvent> {
        private static final int MAX_DENIED_KEYS = 1000;
        final RbacSubject subject;
        final Options options;
        long seen, matched, used, deniedSkipped, unauthenticated, defaultUrlsSkipped;
        Instant first, last;
        final Map<ResKey, Usage> resources = new HashMap<>();
        final Map<UrlKey, Usage> urls = new HashMap<>();
        final Map<String, Long> deniedNotGranted = new TreeMap<>();

        public Collector(RbacSubject subject, Options options) {
            this.subject = subject;
            this.options = options;
        }

        @Override
        public void accept(AuditEvent e) {
            seen++;
            if (!subject.matches(e)) {
                return;
            }
            matched++;
            Instant t = e.time();
            first = EventTimes.earlier(first, t);
            last = EventTimes.later(last, t);
            if (e.code() == 401) {
                unauthenticated++;
                return;
            }
            if (e.denied() && !options.includeDenied()) {
                deniedSkipped++;
                String what = e.verb() + " " + (e.isResourceRequest()
                        ? qualified(e.apiGroup(), e.rbacResource()) + (e.namespace().isEmpty() ? " (cluster-wide)" : " in " + e.namespace())
                        : e.path());
                if (deniedNotGranted.containsKey(what) || deniedNotGranted.size() < MAX_DENIED_KEYS) {
                    deniedNotGranted.merge(what, 1L, Long::sum);
                }
                return;
            }
            if (e.isResourceRequest()) {
                resources.computeIfAbsent(new ResKey(e.apiGroup(), e.rbacResource(), e.namespace(), e.verb()),
                        k -> new Usage()).add(e.name(), t, e.denied(), options.maxNames());
            } else {
                String path = e.path() == null || e.path().isEmpty() ? "/" : e.path();
                if (!options.includeDefaultUrls() && defaultAllowedUrl(path)) {
                    defaultUrlsSkipped++;
                    return;
                }
                urls.computeIfAbsent(new UrlKey(path, e.verb()), k -> new Usage()).add("", t, e.denied(), 0);
            }
            used++;
        }

        public long matched() {
            return matched;
        }

        /** The aggregated use, sorted (resources by group, resource, namespace, verb; then URLs). */
        public List<ObservedUse> observed() {
            List<ObservedUse> out = new ArrayList<>();
            for (Map.Entry<ResKey, Usage> e : resources.entrySet()) {
                ResKey k = e.getKey();
                Usage u = e.getValue();
                boolean any = u.nameless || u.overflow || u.names.isEmpty();
                out.add(new ObservedUse(k.group(), k.resource(), k.namespace(), null, k.verb(), u.count, u.denied,
                        any ? List.of() : List.copyOf(u.names), any, u.first, u.last));
            }
            for (Map.Entry<UrlKey, Usage> e : urls.entrySet()) {
                Usage u = e.getValue();
                out.add(new ObservedUse(null, null, "", e.getKey().path(), e.getKey().verb(), u.count, u.denied,
                        List.of(), true, u.first, u.last));
            }
            out.sort(Comparator.comparing((ObservedUse o) -> o.url() == null ? "" : o.url())
                    .thenComparing(o -> o.apiGroup() == null ? "" : o.apiGroup())
                    .thenComparing(o -> o.resource() == null ? "" : o.resource())
                    .thenComparing(ObservedUse::namespace)
                    .thenComparing(ObservedUse::verb, VERBS));
            return out;
        }
    }

    private RoleSynthesizer() {
    }

    /** The smallest rules that allow the collected requests. */
    public static List<ScopedRule> rules(Collector c, ScopeTable scopes) {
        int max = c.options.maxNames();
        // scope namespace ("" = cluster) -> group|resource -> verb -> usage
        Map<String, Map<GR, Map<String, Usage>>> buckets = new TreeMap<>();
        Map<GR, Boolean> allNamespaces = new HashMap<>();
        for (Map.Entry<ResKey, Usage> e : c.resources.entrySet()) {
            ResKey k = e.getKey();
            boolean clusterScoped = scopes.clusterScoped(k.group(), k.resource());
            String ns = clusterScoped ? "" : k.namespace();
            GR gr = new GR(k.group(), k.resource());
            if (!clusterScoped && ns.isEmpty()) {
                allNamespaces.put(gr, true);
            }
            Usage u = buckets.computeIfAbsent(ns, x -> new TreeMap<>())
                    .computeIfAbsent(gr, x -> new TreeMap<>(VERBS))
                    .computeIfAbsent(k.verb(), x -> new Usage());
            u.merge(e.getValue(), max);
        }
        List<ScopedRule> out = new ArrayList<>();
        for (Map.Entry<String, Map<GR, Map<String, Usage>>> b : buckets.entrySet()) {
            String ns = b.getKey();
            List<ScopedRule> named = new ArrayList<>();
            // group -> verbs -> resources (with comments) for the unnamed rules
            Map<String, Map<List<String>, Map<String, String>>> unnamed = new TreeMap<>();
            for (Map.Entry<GR, Map<String, Usage>> r : b.getValue().entrySet()) {
                GR gr = r.getKey();
                Map<Set<String>, List<String>> byNames = new LinkedHashMap<>();
                List<String> free = new ArrayList<>();
                for (Map.Entry<String, Usage> v : r.getValue().entrySet()) {
                    Usage u = v.getValue();
                    if (!UNNAMEABLE_VERBS.contains(v.getKey()) && !u.nameless && !u.overflow && !u.names.isEmpty()
                            && max > 0) {
                        byNames.computeIfAbsent(new TreeSet<>(u.names), x -> new ArrayList<>()).add(v.getKey());
                    } else {
                        free.add(v.getKey());
                    }
                }
                for (Map.Entry<Set<String>, List<String>> n : byNames.entrySet()) {
                    List<String> names = List.copyOf(n.getKey());
                    PolicyRule rule = new PolicyRule(n.getValue(), List.of(gr.group()), List.of(gr.resource()), names, List.of());
                    named.add(new ScopedRule(ns, rule, comment(gr, r.getValue(), n.getValue(), names, ns,
                            allNamespaces.containsKey(gr), max)));
                }
                if (!free.isEmpty()) {
                    unnamed.computeIfAbsent(gr.group(), x -> new TreeMap<>(LIST_ORDER))
                            .computeIfAbsent(List.copyOf(free), x -> new TreeMap<>())
                            .put(gr.resource(), comment(gr, r.getValue(), free, List.of(), ns,
                                    allNamespaces.containsKey(gr), max));
                }
            }
            for (Map.Entry<String, Map<List<String>, Map<String, String>>> g : unnamed.entrySet()) {
                for (Map.Entry<List<String>, Map<String, String>> v : g.getValue().entrySet()) {
                    PolicyRule rule = PolicyRule.resources(List.of(g.getKey()), List.copyOf(v.getValue().keySet()), v.getKey());
                    out.add(new ScopedRule(ns, rule, String.join("\n", v.getValue().values())));
                }
            }
            out.addAll(named);
        }
        // non-resource URLs: cluster-wide, URLs with the same verbs merged
        Map<String, Map<String, Usage>> byUrl = new TreeMap<>();
        for (Map.Entry<UrlKey, Usage> e : c.urls.entrySet()) {
            byUrl.computeIfAbsent(e.getKey().path(), x -> new TreeMap<>(VERBS)).put(e.getKey().verb(), e.getValue());
        }
        Map<List<String>, Map<String, String>> urlRules = new TreeMap<>(LIST_ORDER);
        for (Map.Entry<String, Map<String, Usage>> e : byUrl.entrySet()) {
            List<String> verbs = List.copyOf(e.getValue().keySet());
            urlRules.computeIfAbsent(verbs, x -> new TreeMap<>()).put(e.getKey(),
                    "seen: " + counts(e.getValue(), verbs) + " on " + e.getKey() + span(e.getValue().values()));
        }
        for (Map.Entry<List<String>, Map<String, String>> e : urlRules.entrySet()) {
            out.add(new ScopedRule("", new PolicyRule(e.getKey(), List.of(), List.of(), List.of(),
                    List.copyOf(e.getValue().keySet())), String.join("\n", e.getValue().values())));
        }
        return out;
    }

    record GR(String group, String resource) implements Comparable<GR> {
        @Override
        public int compareTo(GR o) {
            int c = group.compareTo(o.group);
            return c != 0 ? c : resource.compareTo(o.resource);
        }
    }

    static final Comparator<String> VERBS = (a, b) -> {
        int ia = VERB_ORDER.indexOf(a), ib = VERB_ORDER.indexOf(b);
        if (ia >= 0 && ib >= 0) {
            return Integer.compare(ia, ib);
        }
        if (ia >= 0 || ib >= 0) {
            return ia >= 0 ? -1 : 1;
        }
        return a.compareTo(b);
    };

    static final Comparator<List<String>> LIST_ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = VERBS.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    private static String comment(GR gr, Map<String, Usage> usage, List<String> verbs, List<String> names, String ns,
                                  boolean allNamespaces, int max) {
        int slash = gr.resource().indexOf('/');
        String base = slash < 0 ? gr.resource() : gr.resource().substring(0, slash);
        StringBuilder sb = new StringBuilder("seen: ").append(counts(usage, verbs)).append(" on ")
                .append(qualified(gr.group(), base));
        if (!names.isEmpty()) {
            sb.append('/').append(names.size() == 1 ? names.get(0) : "{" + String.join(",", names) + "}");
        }
        if (slash >= 0) {
            sb.append(" (subresource ").append(gr.resource().substring(slash + 1)).append(')');
        }
        if (ns.isEmpty() && allNamespaces) {
            sb.append(" (all namespaces)");
        }
        List<Usage> us = verbs.stream().map(usage::get).toList();
        sb.append(span(us));
        long denied = us.stream().mapToLong(u -> u.denied).sum();
        if (denied > 0) {
            sb.append("; denied ×").append(fmt(denied)).append(" (granted: --include-denied)");
        }
        if (names.isEmpty() && us.stream().anyMatch(u -> u.overflow)) {
            sb.append("; more than ").append(max).append(" object names: not restricted by name");
        }
        return sb.toString();
    }

    private static String counts(Map<String, Usage> usage, List<String> verbs) {
        List<String> parts = new ArrayList<>();
        for (String v : verbs) {
            parts.add(v + " ×" + fmt(usage.get(v).count));
        }
        return String.join(", ", parts);
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private static String span(Iterable<Usage> us) {
        Instant first = null, last = null;
        for (Usage u : us) {
            first = EventTimes.earlier(first, u.first);
            last = EventTimes.later(last, u.last);
        }
        if (first == null) {
            return "";
        }
        String a = DAY.format(first), b = DAY.format(last);
        return ", " + (a.equals(b) ? a : a + " → " + b);
    }

    static String qualified(String group, String resource) {
        return group == null || group.isEmpty() ? resource : resource + "." + group;
    }

    static String fmt(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** The usage report: what was read and seen, so the user can judge coverage. */
    public static String report(Collector c, AuditLogReader.Result read) {
        StringBuilder sb = new StringBuilder();
        sb.append("Usage report for ").append(c.subject).append('\n');
        if (read != null) {
            sb.append(String.format(Locale.ROOT,
                    "Audit logs: %d file(s), %s, %s lines, %s events (%s final-stage, %s earlier stages skipped), %s malformed lines%n",
                    read.files(), AuditLogReader.mb(read.bytes()), fmt(read.lines()), fmt(read.events()),
                    fmt(read.passed()), fmt(read.skippedStage()), fmt(read.malformed())));
            if (read.first() != null) {
                sb.append("Logs span: ").append(read.first()).append(" → ").append(read.last()).append('\n');
            }
        }
        sb.append("Requests by the subject: ").append(fmt(c.matched));
        if (c.first != null) {
            sb.append(", ").append(c.first).append(" → ").append(c.last);
        }
        sb.append('\n');
        sb.append("Used for the rules: ").append(fmt(c.used))
                .append("; denied and not granted: ").append(fmt(c.deniedSkipped))
                .append("; unauthenticated: ").append(fmt(c.unauthenticated))
                .append("; discovery/health URLs every user already has: ").append(fmt(c.defaultUrlsSkipped)).append('\n');
        Map<String, Long> perVerb = new TreeMap<>(VERBS);
        List<String> rows = new ArrayList<>();
        Map<String, Map<String, Long>> perRes = new TreeMap<>();
        for (Map.Entry<ResKey, Usage> e : c.resources.entrySet()) {
            ResKey k = e.getKey();
            perVerb.merge(k.verb(), e.getValue().count, Long::sum);
            String where = qualified(k.group(), k.resource()) + "  " + (k.namespace().isEmpty() ? "(cluster/all namespaces)" : k.namespace());
            perRes.computeIfAbsent(where, x -> new TreeMap<>(VERBS)).merge(k.verb(), e.getValue().count, Long::sum);
        }
        for (Map.Entry<UrlKey, Usage> e : c.urls.entrySet()) {
            perVerb.merge(e.getKey().verb(), e.getValue().count, Long::sum);
            perRes.computeIfAbsent(e.getKey().path() + "  (non-resource URL)", x -> new TreeMap<>(VERBS))
                    .merge(e.getKey().verb(), e.getValue().count, Long::sum);
        }
        if (!perVerb.isEmpty()) {
            sb.append("Per verb: ");
            List<String> parts = new ArrayList<>();
            perVerb.forEach((v, n) -> parts.add(v + " " + fmt(n)));
            sb.append(String.join(", ", parts)).append('\n');
            sb.append("Per resource and namespace:\n");
            perRes.forEach((r, verbs) -> {
                List<String> p = new ArrayList<>();
                verbs.forEach((v, n) -> p.add(v + " " + fmt(n)));
                rows.add("  " + r + ": " + String.join(", ", p));
            });
            rows.forEach(r -> sb.append(r).append('\n'));
        }
        if (!c.deniedNotGranted.isEmpty()) {
            sb.append("Denied (403) and not granted; add --include-denied to grant them:\n");
            c.deniedNotGranted.forEach((w, n) -> sb.append("  ").append(w).append(" ×").append(fmt(n)).append('\n'));
        }
        if (read != null && !read.problems().isEmpty()) {
            sb.append("Problems in the logs");
            if (read.malformed() > AuditLogReader.MAX_SAMPLES) {
                sb.append(" (first ").append(AuditLogReader.MAX_SAMPLES).append(" malformed lines)");
            }
            sb.append(":\n");
            read.problems().forEach(p -> sb.append("  ").append(p).append('\n'));
        }
        return sb.toString();
    }

    /** Rules, manifests, guidance and report in one Bundle. */
    public static Bundle bundle(Collector c, AuditLogReader.Result read, ScopeTable scopes, PermissionChecker checker) {
        String report = report(c, read);
        String roleName = c.options.roleName() != null ? c.options.roleName() : c.subject.slug() + "-observed";
        String title = "Least-privilege role for " + c.subject + " from audit logs";
        List<Bundle.Problem> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<Manifest> manifests = new ArrayList<>();
        List<ScopedRule> rules = rules(c, scopes);
        if (!roleName.matches("[a-z0-9]([-a-z0-9.:]*[a-z0-9])?") || roleName.length() > 253) {
            problems.add(new Bundle.Problem("--name", "'" + roleName
                    + "' is not a valid role name (lower-case letters, digits, '-', '.', ':').", true));
        } else if (c.matched == 0) {
            problems.add(new Bundle.Problem("--subject", "No request by " + c.subject + " was found in the audit logs ("
                    + fmt(c.seen) + " requests read). Check the subject (service accounts: serviceaccount:NAMESPACE/NAME) "
                    + "and that the audit policy logs this subject at Metadata level or above.", true));
        } else if (rules.isEmpty()) {
            problems.add(new Bundle.Problem("--from-audit", c.subject + " made " + fmt(c.matched)
                    + " requests, but none needs a rule (all denied, unauthenticated or allowed to every user). "
                    + (c.deniedSkipped > 0 ? "Add --include-denied to grant the denied ones." : ""), true));
        } else {
            String header = "Generated by Kustodian from audit logs: the smallest rules that allow what " + c.subject
                    + "\nwas seen doing" + (c.first != null ? " between " + DAY.format(c.first) + " and " + DAY.format(c.last) : "")
                    + ". Requests it makes rarely (monthly jobs, failover) may be missing:\ncheck the usage report before replacing broader bindings.";
            manifests.addAll(RbacManifests.render(c.subject, roleName, rules, header));
        }
        if (read != null && read.malformed() > 0) {
            warnings.add(fmt(read.malformed()) + " malformed line(s) in the audit logs were skipped; see the usage report.");
        }
        if (read != null && read.passed() == 0 && read.skippedStage() > 0) {
            warnings.add("The logs have no ResponseComplete events (the audit policy may omit that stage); "
                    + "no request could be counted.");
        }
        for (Guidance.Warning w : Guidance.warnings(rules, checker)) {
            warnings.add(w.message());
        }
        manifests.add(Manifest.sideFile("usage-report.txt", Manifest.Format.TEXT, report));
        List<String> next = List.of(
                "Review the rules and the usage report: a log window that misses rare operations gives too few rules.",
                "Apply with a server-side dry-run first (kubectl apply --dry-run=server -f DIR), then apply.",
                "Then remove the subject's broader bindings, and watch the audit log for new 403s.");
        return new Bundle(title, manifests, problems, warnings, next);
    }
}
