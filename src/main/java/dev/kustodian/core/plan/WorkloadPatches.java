package dev.kustodian.core.plan;

import dev.kustodian.core.findings.ObjectRef;
import dev.kustodian.core.model.PodSpecInfo;
import dev.kustodian.core.model.WorkloadInfo;
import dev.kustodian.core.yaml.YamlWriter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Strategic-merge patches for secret hygiene in workload controllers: secrets read through environment variables
 * move to read-only files ({@code /etc/secrets/<secret>/<key>}), and the service-account token stops being mounted
 * where the workload does not use it. Containers are matched by name, env entries are deleted with
 * {@code $patch: delete}, so a patch touches only what it names. Bare pods are not patched (their env is
 * immutable): fix their owner or manifest instead.
 */
public final class WorkloadPatches {
    public static final String MOUNT_ROOT = "/etc/secrets/";

    private WorkloadPatches() {
    }

    /** The apiVersion of a patchable workload kind, or null when the kind is not patched. */
    static String apiVersion(String kind) {
        return switch (kind) {
            case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet" -> "apps/v1";
            case "CronJob", "Job" -> "batch/v1";
            default -> null;
        };
    }

    /**
     * The patch for one workload, or null when there is nothing to change or its kind cannot be patched.
     *
     * @param envToVolume       move secret env vars and envFrom secretRefs to mounted files
     * @param disableAutomount  set {@code automountServiceAccountToken: false} on the pod template
     */
    public static WorkloadPatch patch(WorkloadInfo w, boolean envToVolume, boolean disableAutomount) {
        String api = apiVersion(w.kind());
        if (api == null) {
            return null;
        }
        PodSpecInfo spec = w.spec();
        List<String> changes = new ArrayList<>();
        Map<String, Object> podSpec = new LinkedHashMap<>();
        if (envToVolume) {
            Map<String, String> volumeOfSecret = new LinkedHashMap<>();
            for (PodSpecInfo.Volume v : spec.volumes()) {
                if ("secret".equals(v.kind()) && v.secretName() != null && v.items().isEmpty()) {
                    volumeOfSecret.putIfAbsent(v.secretName(), v.name());
                }
            }
            Set<String> usedVolumeNames = new LinkedHashSet<>();
            spec.volumes().forEach(v -> usedVolumeNames.add(v.name()));
            List<Object> containers = new ArrayList<>();
            List<Object> initContainers = new ArrayList<>();
            Map<String, Object> newVolumes = new LinkedHashMap<>();
            for (PodSpecInfo.Container c : spec.containers()) {
                Map<String, Object> cp = containerPatch(c, volumeOfSecret, usedVolumeNames, newVolumes, changes);
                if (cp != null) {
                    (c.init() ? initContainers : containers).add(cp);
                }
            }
            if (!initContainers.isEmpty()) {
                podSpec.put("initContainers", initContainers);
            }
            if (!containers.isEmpty()) {
                podSpec.put("containers", containers);
            }
            if (!newVolumes.isEmpty()) {
                podSpec.put("volumes", new ArrayList<>(newVolumes.values()));
            }
        }
        if (disableAutomount && !Boolean.FALSE.equals(spec.automountServiceAccountToken())) {
            podSpec.put("automountServiceAccountToken", false);
            changes.add("automountServiceAccountToken: false (the workload does not use its service-account token)");
        }
        if (podSpec.isEmpty()) {
            return null;
        }
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("spec", podSpec);
        Map<String, Object> specBody = new LinkedHashMap<>();
        if ("CronJob".equals(w.kind())) {
            specBody.put("jobTemplate", Map.of("spec", Map.of("template", template)));
        } else {
            specBody.put("template", template);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("apiVersion", api);
        doc.put("kind", w.kind());
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("name", w.meta().name());
        meta.put("namespace", w.meta().namespace());
        doc.put("metadata", meta);
        doc.put("spec", specBody);
        String file = "patch-" + w.kind().toLowerCase(Locale.ROOT) + "-" + w.meta().namespace() + "-"
                + w.meta().name() + ".yaml";
        return new WorkloadPatch(new ObjectRef(w.kind(), w.meta().namespace(), w.meta().name()), api, file, doc,
                changes);
    }

    private static Map<String, Object> containerPatch(PodSpecInfo.Container c, Map<String, String> volumeOfSecret,
                                                      Set<String> usedVolumeNames, Map<String, Object> newVolumes,
                                                      List<String> changes) {
        List<Object> env = new ArrayList<>();
        Set<String> secrets = new LinkedHashSet<>();
        for (PodSpecInfo.EnvVar e : c.env()) {
            if ("secretKeyRef".equals(e.source()) && e.refName() != null) {
                env.add(YamlWriter.map("name", e.name(), "$patch", "delete"));
                secrets.add(e.refName());
                changes.add("container " + c.name() + ": env " + e.name() + " (secret " + e.refName() + ", key "
                        + e.refKey() + ") → file " + MOUNT_ROOT + e.refName() + "/" + e.refKey());
            }
        }
        boolean envFromChanged = false;
        List<Object> keptEnvFrom = new ArrayList<>();
        for (PodSpecInfo.EnvFrom f : c.envFrom()) {
            if ("secretRef".equals(f.source()) && f.refName() != null) {
                envFromChanged = true;
                secrets.add(f.refName());
                changes.add("container " + c.name() + ": envFrom secret " + f.refName() + " → files in " + MOUNT_ROOT
                        + f.refName() + "/ (one file per key)");
            } else {
                Map<String, Object> kept = new LinkedHashMap<>();
                if (f.prefix() != null && !f.prefix().isEmpty()) {
                    kept.put("prefix", f.prefix());
                }
                Map<String, Object> ref = new LinkedHashMap<>();
                ref.put("name", f.refName());
                if (f.optional()) {
                    ref.put("optional", true);
                }
                kept.put(f.source(), ref);
                keptEnvFrom.add(kept);
            }
        }
        if (secrets.isEmpty()) {
            return null;
        }
        Map<String, Object> cp = new LinkedHashMap<>();
        cp.put("name", c.name());
        if (!env.isEmpty()) {
            cp.put("env", env);
        }
        if (envFromChanged) {
            cp.put("envFrom", keptEnvFrom); // envFrom has no merge key: the list is replaced by what is kept
        }
        List<Object> mounts = new ArrayList<>();
        Set<String> mountedPaths = new LinkedHashSet<>();
        c.mounts().forEach(m -> mountedPaths.add(m.mountPath()));
        for (String s : secrets) {
            String volume = volumeOfSecret.get(s);
            if (volume == null) {
                volume = volumeName(s, usedVolumeNames);
                volumeOfSecret.put(s, volume);
                // optional only when every reference to it was optional (a required one keeps the pod waiting)
                boolean optional = c.env().stream().filter(e -> s.equals(e.refName()) && "secretKeyRef".equals(e.source()))
                        .allMatch(PodSpecInfo.EnvVar::optional)
                        && c.envFrom().stream().filter(f -> s.equals(f.refName()) && "secretRef".equals(f.source()))
                        .allMatch(PodSpecInfo.EnvFrom::optional);
                newVolumes.put(volume, YamlWriter.map("name", volume, "secret", YamlWriter.map("secretName", s,
                        "optional", optional ? Boolean.TRUE : null)));
            }
            String path = MOUNT_ROOT + s;
            if (mountedPaths.add(path)) {
                mounts.add(YamlWriter.map("name", volume, "mountPath", path, "readOnly", true));
            }
        }
        if (!mounts.isEmpty()) {
            cp.put("volumeMounts", mounts);
        }
        return cp;
    }

    /** {@code secret-<name>}, cut to a DNS label (63) and made unique among the pod's volume names. */
    static String volumeName(String secret, Set<String> used) {
        String base = ("secret-" + secret).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        if (base.length() > 60) {
            base = base.substring(0, 60);
        }
        base = base.replaceAll("-+$", "");
        String n = base;
        for (int i = 2; used.contains(n); i++) {
            n = base + "-" + i;
        }
        used.add(n);
        return n;
    }

}
