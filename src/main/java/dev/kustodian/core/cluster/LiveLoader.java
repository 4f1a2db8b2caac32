package dev.kustodian.core.cluster;

import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.Progress;
import dev.kustodian.core.util.UserFacingException;

/** Loads a live cluster through the kubeconfig (fabric8), and the embedded demo cluster. (Being written.) */
public final class LiveLoader {
    private LiveLoader() {
    }

    public static ClusterSession open(SourceSpec spec, Progress progress, Cancellation cancel) {
        throw new UserFacingException(UserFacingException.Category.FAILED, "Live loading is not built yet.");
    }

    public static ClusterSession openDemo(Progress progress, Cancellation cancel) {
        throw new UserFacingException(UserFacingException.Category.FAILED, "The demo cluster is not built yet.");
    }
}
