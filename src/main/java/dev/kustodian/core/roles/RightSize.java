package dev.kustodian.core.roles;

import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.Progress;

import java.nio.file.Path;
import java.util.List;

/**
 * The right-size flow shared by {@code kustodian rbac unused} and the GUI's right-size wizard: read the audit logs
 * (streaming, progress, cancel), synthesize the least-privilege roles, re-check them with the RBAC engine, and
 * compare the subject's effective permissions with what it used.
 */
public final class RightSize {
    private RightSize() {
    }

    /**
     * Everything the flow found.
     *
     * @param generated the least-privilege bundle with the re-check attached (errors when nothing was observed)
     * @param recheck   null when nothing was generated
     * @param unused    null when no snapshot was given
     */
    public record Outcome(RbacSubject subject, AuditLogReader.Result read, List<ObservedUse> observed,
                          String usageReport, Bundle generated, RoleRecheck.Result recheck,
                          UnusedPermissions.Result unused) {
    }

    public static Outcome run(ClusterSnapshot snapshot, RbacSubject subject, List<Path> files,
                              RoleSynthesizer.Options options, Progress progress, Cancellation cancel) {
        RoleSynthesizer.Collector collector = new RoleSynthesizer.Collector(subject, options);
        AuditLogReader.Result read = new AuditLogReader(progress, cancel).read(files, collector);
        return analyse(snapshot, subject, collector, read);
    }

    /** The flow after reading (tests feed a collector directly). */
    public static Outcome analyse(ClusterSnapshot snapshot, RbacSubject subject, RoleSynthesizer.Collector collector,
                                  AuditLogReader.Result read) {
        ScopeTable scopes = ScopeTable.of(snapshot);
        PermissionChecker checker = EnginePermissionChecker.forApplier(snapshot);
        Bundle bundle = RoleSynthesizer.bundle(collector, read, scopes, checker);
        List<ObservedUse> observed = collector.observed();
        RoleRecheck.Result recheck = null;
        if (!bundle.hasErrors()) {
            recheck = RoleRecheck.check(subject, bundle, observed, scopes);
            bundle = RoleRecheck.attach(bundle, recheck);
        }
        String report = RoleSynthesizer.report(collector, read);
        UnusedPermissions.Result unused = snapshot == null ? null
                : UnusedPermissions.compute(snapshot, subject, observed, bundle, report);
        return new Outcome(subject, read, observed, report, bundle, recheck, unused);
    }
}
