package dev.kustodian.core.analysis;

import dev.kustodian.core.externalsecrets.StoreRules;
import dev.kustodian.core.encryption.EncryptionRules;
import dev.kustodian.core.findings.AnalysisContext;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.findings.FindingRule;
import dev.kustodian.core.findings.Rules;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.rbac.RbacEngine;
import dev.kustodian.core.rbac.RbacFindingRules;
import dev.kustodian.core.rbac.RbacRisks;
import dev.kustodian.core.rbac.RbacSecretReadersProvider;
import dev.kustodian.core.rbac.SecretReaders;
import dev.kustodian.core.secrets.SecretReadersSource;
import dev.kustodian.core.secrets.SecretRules;
import dev.kustodian.core.secrets.SecretUsageIndex;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The one analysis of one load: the immutable snapshot, the derived indexes every page, command and report shares
 * (the RBAC engine, who can read each secret, the used-by index, the risky-grant evaluation) and the findings of
 * every rule. Each index is computed at most once per analysis, on first use, by whichever thread asks first (the
 * GUI computes the findings, and with them every index the rules need, off the FX thread). Thread-safe.
 *
 * <p>Rule providers are wired here explicitly ({@link #RULE_PROVIDERS}); the RBAC engine is the secrets rules'
 * reader source of every analysis.
 */
public final class Analysis {

    /** Every area's rules, explicitly: adding an area is one line here (no service file that can be forgotten). */
    public static final List<Rules.RuleProvider> RULE_PROVIDERS = List.of(new SecretRules(), new RbacFindingRules(),
            new EncryptionRules(), new StoreRules());

    private static final List<FindingRule> ALL_RULES = collect();

    private final AnalysisContext context;
    private final List<FindingRule> rules;
    private volatile List<Finding> findings;
    private volatile List<Finding> findingsInItsBenchmark;

    private Analysis(ClusterSnapshot snapshot, Clock clock, List<FindingRule> rules) {
        this.context = context(snapshot, clock);
        this.rules = List.copyOf(rules);
    }

    /** The analysis of {@code snapshot} (now = the system clock); nothing is computed until asked for. */
    public static Analysis of(ClusterSnapshot snapshot) {
        return new Analysis(snapshot, Clock.systemUTC(), ALL_RULES);
    }

    /** The analysis of {@code snapshot} with {@code clock} as "now" (tests). */
    public static Analysis of(ClusterSnapshot snapshot, Clock clock) {
        return new Analysis(snapshot, clock, ALL_RULES);
    }

    /** An analysis that evaluates only {@code rules} (tests of one area). */
    public static Analysis of(ClusterSnapshot snapshot, Clock clock, List<FindingRule> rules) {
        return new Analysis(snapshot, clock, rules);
    }

    /** The analysis of {@code snapshot} with its findings already computed (the caller's thread does the work). */
    public static Analysis compute(ClusterSnapshot snapshot) {
        Analysis a = of(snapshot);
        a.findings();
        return a;
    }

    /**
     * A rule context over {@code snapshot} wired like every analysis's (the RBAC engine answers "who can read this
     * secret"), for callers that evaluate a few rules of their own.
     */
    public static AnalysisContext context(ClusterSnapshot snapshot, Clock clock) {
        AnalysisContext ctx = new AnalysisContext(snapshot, clock);
        SecretReadersSource.install(ctx, new RbacSecretReadersProvider().create(ctx));
        return ctx;
    }

    /** Every rule of every area, sorted by id. */
    public static List<FindingRule> allRules() {
        return ALL_RULES;
    }

    private static List<FindingRule> collect() {
        List<FindingRule> l = new ArrayList<>();
        RULE_PROVIDERS.forEach(p -> l.addAll(p.rules()));
        l.sort(Comparator.comparing(FindingRule::id));
        return List.copyOf(l);
    }

    public ClusterSnapshot snapshot() {
        return context.snapshot();
    }

    /** "Now" of this analysis (expiry and age rules). */
    public Instant now() {
        return context.now();
    }

    public Clock clock() {
        return context.clock();
    }

    /** The rules this analysis evaluates. */
    public List<FindingRule> rules() {
        return rules;
    }

    /** The context the rules see (its memo holds this analysis's indexes). */
    public AnalysisContext context() {
        return context;
    }

    /** The RBAC engine of this snapshot: built once per analysis. */
    public RbacEngine rbac() {
        return RbacEngine.of(context);
    }

    /** Who can read secrets (direct and indirect), over {@link #rbac()}. */
    public SecretReaders secretReaders() {
        return SecretReaders.of(context);
    }

    /** Direct readers per secret, as the secrets rules see them. */
    public SecretReadersSource readersSource() {
        return SecretReadersSource.of(context);
    }

    /** Which workloads use which secret (used-by), and dangling references. */
    public SecretUsageIndex usage() {
        return SecretUsageIndex.of(context);
    }

    /** Risky grants: one hit per (catalogue check, binding). */
    public RbacRisks risks() {
        return RbacRisks.of(context);
    }

    /** The findings of every rule, most severe first ({@link Rules#ORDER}); computed once, on first call. */
    public List<Finding> findings() {
        List<Finding> f = findings;
        if (f == null) {
            synchronized (this) {
                f = findings;
                if (f == null) {
                    f = List.copyOf(Rules.evaluate(context, rules));
                    findings = f;
                }
            }
        }
        return f;
    }

    /**
     * The CIS benchmark kube-bench would pick for this cluster: the EKS/GKE/AKS benchmark when the nodes show a
     * managed platform, else by the server version (cis-1.12 when unknown).
     */
    public String cisBenchmark() {
        return cisBenchmarkOf(snapshot());
    }

    /** {@link #cisBenchmark()} of a snapshot, without an analysis (commands that number a few findings of their own). */
    public static String cisBenchmarkOf(ClusterSnapshot snapshot) {
        return dev.kustodian.core.findings.CisBenchmarks.defaultFor(snapshot.source().serverVersion(),
                dev.kustodian.core.encryption.EncryptionPosture.managed(snapshot).map(Enum::name).orElse(null));
    }

    /**
     * {@link #findings()} with their CIS ids numbered as in {@link #cisBenchmark()} (what every page shows); computed
     * once, on first call (the shell's load task calls it, off the FX thread).
     */
    public List<Finding> findingsInItsBenchmark() {
        List<Finding> f = findingsInItsBenchmark;
        if (f == null) {
            f = List.copyOf(dev.kustodian.core.findings.CisBenchmarks.translateAll(findings(), cisBenchmark()));
            findingsInItsBenchmark = f;
        }
        return f;
    }

    /** True once {@link #findings()} has been computed. */
    public boolean findingsComputed() {
        return findings != null;
    }
}
