package dev.kustodian.core.cluster;

import dev.kustodian.core.findings.Coverage;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.SecretInfo;
import dev.kustodian.core.model.SecretsMode;
import dev.kustodian.core.model.VisibilityGap;

import java.util.List;

/**
 * {@code --secrets metadata} for every source: each Secret of the snapshot keeps its metadata only (name, namespace,
 * labels, annotations as the loader redacts them, owners, the service account it belongs to); its type, keys and
 * value facts become unknown, and one visibility gap of the pseudo-resource {@link Coverage#SECRET_VALUES} makes every
 * rule that needs them "not evaluated: metadata-only" in every output. A live load also asks the API server for
 * metadata only, so no value reaches the process; snapshot files and the demo are read and then reduced.
 */
public final class SecretsMetadata {

    /** The gap's sentence: what this mode does not see. */
    public static final String GAP = "not evaluated: metadata-only (--secrets metadata): secret types, key names, "
            + "sizes, TLS dates, fingerprints, shared values and registry hosts were not read";

    private SecretsMetadata() {
    }

    /** The session as {@code mode} sees it (unchanged for FULL). */
    public static ClusterSession apply(ClusterSession session, SecretsMode mode) {
        return mode == SecretsMode.METADATA ? session.withSnapshot(apply(session.snapshot())) : session;
    }

    /** The snapshot with every secret reduced to its metadata and the metadata-only gap. */
    public static ClusterSnapshot apply(ClusterSnapshot snapshot) {
        ClusterSnapshot.Builder b = snapshot.toBuilder();
        List<SecretInfo> reduced = snapshot.secrets().stream().map(s -> new SecretInfo(s.meta(),
                SecretInfo.TYPE_UNKNOWN, false, List.of(), null, null, s.meta().annotations()
                .get("kubernetes.io/service-account.name"))).toList();
        b.secrets.clear();
        b.secrets.addAll(reduced);
        if (b.gaps.stream().noneMatch(g -> g.resource().equals(Coverage.SECRET_VALUES))) {
            b.gaps.add(new VisibilityGap(Coverage.SECRET_VALUES, "", 0, GAP));
        }
        return b.build();
    }
}
