package dev.kustodian.core.rbac;

import dev.kustodian.core.findings.AnalysisContext;
import dev.kustodian.core.findings.AreaRule;
import dev.kustodian.core.findings.Coverage;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.findings.FindingRule;
import dev.kustodian.core.findings.ObjectRef;
import dev.kustodian.core.findings.Rules;
import dev.kustodian.core.model.BindingInfo;
import dev.kustodian.core.model.PolicyRule;
import dev.kustodian.core.model.ServiceAccountInfo;
import dev.kustodian.core.model.WorkloadInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The RBAC area's finding rules: one per item of the {@link RbacRisks#CATALOGUE}, area "rbac". */
public final class RbacFindingRules implements Rules.RuleProvider {

    public static final String AREA = "rbac";

    @Override
    public List<FindingRule> rules() {
        List<FindingRule> l = new ArrayList<>();
        for (RiskCheck c : RbacRisks.CATALOGUE) {
            l.add(c == RbacRisks.SA_TOKEN_MOUNT ? new TokenMountRule() : new CheckRule(c));
        }
        return l;
    }

    /**
     * A rule backed by the shared binding evaluation ({@link RbacRisks}, computed once per analysis): one per
     * catalogue item ({@link RiskCheck} is the catalogue's data, this the rule).
     */
    static final class CheckRule extends AreaRule {
        private final RiskCheck check;

        CheckRule(RiskCheck check) {
            super(check.id(), AREA, "RBAC: " + check.title() + ".",
                    Coverage.reads(Coverage.RBAC));
            this.check = check;
        }

        @Override
        public List<Finding> evaluate(AnalysisContext context) {
            List<Finding> out = new ArrayList<>();
            for (RbacRisks.Hit h : RbacRisks.of(context).hits(check)) {
                out.add(RbacFindingRules.finding(h));
            }
            return out;
        }
    }

    static Finding finding(RbacRisks.Hit h) {
        BindingInfo b = h.bound().binding();
        ObjectRef ref = new ObjectRef(b.kind(), h.bound().namespace(), b.meta().name());
        String who = h.subjects().stream().map(SubjectRef::display).collect(Collectors.joining(", "));
        String title = h.check().title().substring(0, 1).toUpperCase() + h.check().title().substring(1) + " ("
                + h.detail() + ") for " + (who.isEmpty() ? "no subject" : who);
        StringBuilder why = new StringBuilder(h.check().reason());
        if (h.rules().isEmpty()) {
            why.append(" Path: ").append(h.bound().bindingRef()).append(" → ").append(h.bound().roleRef()).append('.');
        } else {
            for (PolicyRule r : h.rules()) {
                why.append(" Path: ").append(h.bound().bindingRef()).append(" → ").append(h.bound().roleRef())
                        .append(" → ").append(RuleText.of(r)).append('.');
            }
        }
        if (h.system()) {
            why.append(" This is expected access of a Kubernetes system component.");
        }
        Finding f = new Finding(h.check().id() + ":" + ref.display(), h.check().id(), AREA, h.severity(), title,
                why.toString(), ref, h.check().cis(), h.check().fix(), h.system(), "role");
        return f;
    }

    /** CIS 5.1.6: workloads that mount the token of a service account holding RBAC grants of its own. */
    static final class TokenMountRule extends AreaRule {
        TokenMountRule() {
            super(RbacRisks.SA_TOKEN_MOUNT.id(), AREA, "RBAC: " + RbacRisks.SA_TOKEN_MOUNT.title() + ".",
                    Coverage.reads(Coverage.RBAC, Coverage.WORKLOADS, List.of("serviceaccounts")));
        }

        @Override
        public List<Finding> evaluate(AnalysisContext context) {
            RbacEngine engine = RbacEngine.of(context);
            RiskCheck c = RbacRisks.SA_TOKEN_MOUNT;
            List<Finding> out = new ArrayList<>();
            for (WorkloadInfo w : context.snapshot().workloads()) {
                if (w.spec() == null || w.isControlled()) {
                    // a pod of a ReplicaSet, a ReplicaSet of a Deployment, a Job of a CronJob: the owner is reported
                    continue;
                }
                String ns = w.meta().namespace();
                String sa = w.spec().serviceAccountName();
                Boolean auto = w.spec().automountServiceAccountToken();
                if (auto == null) {
                    auto = context.snapshot().serviceAccount(ns, sa).map(ServiceAccountInfo::automountToken).orElse(null);
                }
                if (Boolean.FALSE.equals(auto)) {
                    continue;
                }
                // grants naming this account itself (not the groups every account is in)
                List<RbacEngine.Bound> own = engine.allBoundsOf(Identity.exactly(Identity.serviceAccountUser(ns, sa), List.of()));
                if (own.isEmpty()) {
                    continue;
                }
                ObjectRef ref = new ObjectRef(w.kind(), ns, w.meta().name());
                String via = own.stream().map(b -> b.bindingRef() + " → " + b.roleRef()).collect(Collectors.joining("; "));
                out.add(new Finding(c.id() + ":" + ref.display(), c.id(), AREA, c.severity(),
                        ref.display() + " mounts the token of ServiceAccount " + ns + "/" + sa,
                        c.reason() + " Grants: " + via + ".", ref, c.cis(), c.fix(), "kube-system".equals(ns), null));
            }
            return out;
        }
    }
}
