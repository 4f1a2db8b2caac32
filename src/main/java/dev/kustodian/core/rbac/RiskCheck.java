package dev.kustodian.core.rbac;

import dev.kustodian.core.findings.Severity;

import java.util.List;

/**
 * One item of the risky-permission catalogue: what grants it ({@code requests}: any of them allowed by a rule of the
 * binding's role, with the binding's namespace filled in), its severity, why it is risky, the CIS 5.1.x control when
 * one exists and the fix. Checks with no requests are subject or binding checks evaluated in {@link RbacRisks}.
 */
public record RiskCheck(String id, String title, Severity severity, String reason, List<String> cis, String fix,
                        List<Request> requests) {
    public RiskCheck {
        cis = List.copyOf(cis);
        requests = List.copyOf(requests);
    }
}
