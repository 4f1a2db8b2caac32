package dev.kustodian.core.output;

import dev.kustodian.core.util.Cancellation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * "Apply": server-side apply of a bundle's objects, always as a server-side dry run first. The UI shows the dry
 * run's result and asks for confirmation naming the context before {@link #apply} with {@code dryRun=false}.
 */
public final class ClusterApplier {
    public static final String FIELD_MANAGER = "kustodian";

    private ClusterApplier() {
    }

    /** Outcome per object: {@code ok}, or the API server's message (never a stack trace). */
    public record Outcome(String object, boolean ok, String message) {
    }

    public static List<Outcome> apply(KubernetesClient client, Bundle bundle, boolean dryRun, Cancellation cancel) {
        return apply(client, bundle, dryRun, cancel, true);
    }

    /**
     * With {@code serverSideApply} false (only for the embedded demo cluster: fabric8's mock server implements no
     * server-side apply), objects are created or updated, and a "dry run" only checks whether each object exists and
     * says that the server did not validate it.
     */
    public static List<Outcome> apply(KubernetesClient client, Bundle bundle, boolean dryRun, Cancellation cancel,
                                      boolean serverSideApply) {
        if (bundle.hasErrors()) {
            throw new IllegalStateException("The generated objects have errors; fix them before applying.");
        }
        List<Outcome> out = new ArrayList<>();
        for (Manifest m : bundle.objects()) {
            cancel.check();
            String ref = m.kind() + "/" + (m.namespace().isEmpty() ? "" : m.namespace() + "/") + m.name();
            try {
                List<HasMetadata> items = client.load(new ByteArrayInputStream(
                        m.content().getBytes(StandardCharsets.UTF_8))).items();
                String message = dryRun ? "dry run accepted by the server" : "applied";
                for (HasMetadata item : items) {
                    var resource = client.resource(item);
                    if (serverSideApply) {
                        if (dryRun) {
                            resource.dryRun().fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
                        } else {
                            resource.fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
                        }
                    } else {
                        boolean exists = resource.get() != null;
                        if (dryRun) {
                            message = "this cluster cannot dry-run (no server-side apply); the object would be "
                                    + (exists ? "updated" : "created") + ", unvalidated by the server";
                        } else {
                            if (exists) {
                                resource.update();
                            } else {
                                resource.create();
                            }
                            message = exists ? "updated" : "created";
                        }
                    }
                }
                out.add(new Outcome(ref, true, message));
            } catch (KubernetesClientException e) {
                String reason = e.getStatus() != null && e.getStatus().getMessage() != null
                        ? e.getStatus().getMessage() : "HTTP " + e.getCode();
                out.add(new Outcome(ref, false, (dryRun ? "dry run rejected: " : "rejected: ") + reason));
            }
        }
        return out;
    }
}
