package dev.kustodian.ui.fleet;

import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.cluster.SourceSpec;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.Progress;
import dev.kustodian.core.util.UserFacingException;
import dev.kustodian.ui.framework.KubeContexts;
import dev.kustodian.ui.framework.TestSnapshots;

import java.util.ArrayList;
import java.util.List;

/**
 * Kubeconfig contexts for the Fleet page's test and screenshot: "prod-eu" (production, the demo-like cluster),
 * "staging" and "dev" (the same), "lab-offline" (its API server refuses the connection, as the loader says it).
 */
final class FleetFixture implements KubeContexts {
    static final String UNREACHABLE = "lab-offline";
    final List<String> opened = new ArrayList<>();
    final List<String> loaded = java.util.Collections.synchronizedList(new ArrayList<>());

    @Override
    public List<Entry> list() {
        return List.of(new Entry("prod-eu", "https://prod-eu.k8s.example.com:6443", false, true),
                new Entry("staging", "https://staging.k8s.example.com:6443", true, false),
                new Entry(UNREACHABLE, "https://10.20.0.5:6443", false, false),
                new Entry("dev", "https://127.0.0.1:6443", false, false));
    }

    @Override
    public void open(String context) {
        opened.add(context);
    }

    @Override
    public ClusterSession load(String context, Progress progress, Cancellation cancel) {
        loaded.add(context);
        if (UNREACHABLE.equals(context)) {
            throw new UserFacingException(UserFacingException.Category.CLUSTER_UNREACHABLE, "The API server "
                    + "https://10.20.0.5:6443 of context \"" + UNREACHABLE + "\" refused the connection or could not be "
                    + "reached. Check that the cluster is running and reachable (VPN, proxy, firewall), then retry.",
                    true, null);
        }
        return TestSnapshots.session(SourceSpec.live(null, context));
    }
}
