package dev.kustodian.core.accept;

import dev.kustodian.core.findings.Finding;

import java.time.LocalDate;

/**
 * One entry of an accept file: a finding the team decided to live with, by finding id or by rule + object, with the
 * reason, who accepted it and until when.
 *
 * @param id      a finding id ({@code RULE:Kind/ns/name...}), or null when {@code rule} + {@code object} name it
 * @param rule    a rule id (with {@code object}), or null
 * @param object  {@code Kind/ns/name}, {@code Kind/name} or {@code Cluster} (with {@code rule}), or null
 * @param expires the last day the acceptance holds (inclusive)
 * @param source  where the entry was read ("accept.yaml:12"), for messages
 */
public record AcceptedRisk(String id, String rule, String object, String reason, String by, LocalDate expires,
                           String source) {

    /** True when this entry names the finding. */
    public boolean matches(Finding f) {
        if (id != null) {
            return id.equals(f.id());
        }
        return rule.equals(f.rule()) && object.equals(f.object().display());
    }

    /** True when the acceptance has run out on {@code today} (it holds through its expiry day). */
    public boolean expiredOn(LocalDate today) {
        return today.isAfter(expires);
    }

    /** What the entry names, for messages: the id, or "RULE on Kind/ns/name". */
    public String target() {
        return id != null ? id : rule + " on " + object;
    }
}
