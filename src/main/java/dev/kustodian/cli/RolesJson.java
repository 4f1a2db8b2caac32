package dev.kustodian.cli;

import dev.kustodian.core.model.PolicyRule;
import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.roles.AuditLogReader;
import dev.kustodian.core.roles.ObservedUse;
import dev.kustodian.core.roles.RbacSubject;
import dev.kustodian.core.roles.RoleRecheck;
import dev.kustodian.core.roles.UnusedPermissions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of the audit-log commands ({@code generate role --from-audit --format json},
 * {@code rbac unused --format json}); documented in docs/json-schemas.md.
 */
final class RolesJson {
    private RolesJson() {
    }

    /** The usage report: what was read, what the subject did, and the re-check of the generated role. */
    static Map<String, Object> usage(RbacSubject subject, AuditLogReader.Result read, List<ObservedUse> observed,
                                     RoleRecheck.Result recheck) {
        Map<String, Object> r = CliJson.object("files", read.files(), "bytes", read.bytes(), "lines", read.lines(),
                "events", read.events(), "passed", read.passed(), "skippedStage", read.skippedStage(),
                "malformed", read.malformed(), "problems", read.problems(), "first", str(read.first()),
                "last", str(read.last()));
        List<Object> uses = new ArrayList<>();
        for (ObservedUse u : observed) {
            uses.add(CliJson.object("apiGroup", u.apiGroup(), "resource", u.resource(), "namespace", u.namespace(),
                    "url", u.url(), "verb", u.verb(), "count", u.count(), "denied", u.denied(), "names", u.names(),
                    "anyObject", u.anyObject(), "first", str(u.first()), "last", str(u.last())));
        }
        Map<String, Object> check = recheck == null ? null : CliJson.object("passed", recheck.passed(),
                "observed", checks(recheck.observed()), "unobserved", checks(recheck.unobserved()));
        return CliJson.object("subject", subject.toString(), "read", r, "observed", uses, "recheck", check);
    }

    private static List<Object> checks(List<RoleRecheck.Check> checks) {
        return checks.stream().map(c -> (Object) CliJson.object("request", c.request(), "allowed", c.allowed(),
                "expectedAllowed", c.expectedAllowed())).toList();
    }

    /** The bundle's problems, warnings and next steps, and either its YAML (stdout) or the files written. */
    static Map<String, Object> bundle(Bundle b, List<Path> written) {
        List<Object> problems = b.problems().stream().map(p -> (Object) CliJson.object("path", p.path(),
                "message", p.message(), "error", p.error())).toList();
        return CliJson.object("problems", problems, "warnings", b.warnings(), "nextSteps", b.nextSteps(),
                "yaml", written == null ? b.combinedYaml() : null,
                "written", written == null ? null : written.stream().map(Path::toString).toList());
    }

    static Map<String, Object> unused(UnusedPermissions.Result u) {
        List<Object> bindings = new ArrayList<>();
        for (UnusedPermissions.BindingUse b : u.bindings()) {
            List<Object> rules = new ArrayList<>();
            for (UnusedPermissions.RuleUse r : b.rules()) {
                PolicyRule p = r.rule();
                rules.add(CliJson.object("apiGroups", p.apiGroups(), "resources", p.resources(),
                        "resourceNames", p.resourceNames(), "nonResourceURLs", p.nonResourceURLs(), "verbs", p.verbs(),
                        "used", r.used(), "unused", r.unused(), "broader", r.broader()));
            }
            bindings.add(CliJson.object("binding", b.ref(), "role", b.role(), "namespace", b.namespace(),
                    "via", b.via(), "direct", b.direct(), "otherSubjects", b.others(), "rules", rules));
        }
        List<Object> changes = u.changes().stream().map(c -> (Object) CliJson.object("action",
                c.action().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), "object", c.object(),
                "reason", c.reason())).toList();
        return CliJson.object("bindings", bindings, "changes", changes, "summary", CliJson.object(
                "unusedPermissions", u.unusedCells(), "unusedDirectPermissions", u.unusedDirectCells(),
                "directPermissions", u.directCells()));
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
