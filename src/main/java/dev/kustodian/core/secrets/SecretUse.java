package dev.kustodian.core.secrets;

import dev.kustodian.core.findings.ObjectRef;

import java.util.List;

/**
 * One way an object uses a secret.
 *
 * @param user     the workload controller (pods owned by a controller are folded into it), a bare pod, or the
 *                 ServiceAccount that references the secret
 * @param how      how it is used
 * @param where    container or volume name ("" for imagePullSecrets and service-account uses)
 * @param keys     the keys named by the reference (empty: the whole secret)
 * @param podCount pods currently running this use (for a controller, the pods it owns; 1 for a bare pod; 0 when
 *                 the user is a controller with no pods in the snapshot, a ServiceAccount or a custom resource)
 */
public record SecretUse(ObjectRef user, How how, String where, List<String> keys, int podCount) {

    public SecretUse {
        keys = keys == null ? List.of() : List.copyOf(keys);
        where = where == null ? "" : where;
    }

    public enum How {
        ENV("env (secretKeyRef)"),
        ENV_FROM("envFrom"),
        VOLUME("secret volume"),
        PROJECTED_VOLUME("projected volume"),
        IMAGE_PULL_SECRET("imagePullSecrets"),
        SERVICE_ACCOUNT("service account secret"),
        SERVICE_ACCOUNT_TOKEN("service-account token"),
        RESOURCE_REFERENCE("referenced by a custom resource");

        private final String label;

        How(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** True when the value reaches the process environment. */
        public boolean isEnv() {
            return this == ENV || this == ENV_FROM;
        }
    }
}
