package dev.kustodian.core.cluster;

import dev.kustodian.core.model.ClusterSnapshot;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Converts fabric8 objects (from a live list page or a parsed snapshot file) into the value-free model, deriving
 * secret facts (sizes, keyed fingerprints, TLS/dockerconfig facts) and leak hints, then dropping values.
 * One instance per load: it holds the random fingerprint key of that load. Thread-safe.
 */
public final class ModelConverter {

    public ModelConverter() {
    }

    /**
     * Converts {@code object} and adds it to {@code builder} (synchronised on the builder). Returns false for kinds
     * the model does not keep.
     */
    public boolean add(HasMetadata object, ClusterSnapshot.Builder builder) {
        throw new UnsupportedOperationException("being written");
    }
}
