package dev.kustodian.core.encryption;

import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.output.Manifest;
import dev.kustodian.core.yaml.YamlWriter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The change to {@code /etc/kubernetes/manifests/kube-apiserver.yaml} on kubeadm-style control planes: the
 * {@code --encryption-provider-config} flag (and optionally {@code --encryption-provider-config-automatic-reload}),
 * a read-only hostPath volume for the config directory and its volumeMount. {@link #patchManifest} applies it to a
 * parsed manifest (idempotent); {@link #bundle} gives snippets, the kubeadm ClusterConfiguration equivalent and
 * the per-node steps.
 */
public final class KubeadmPatch {
    public static final String MANIFEST = "/etc/kubernetes/manifests/kube-apiserver.yaml";
    public static final String FLAG = "--encryption-provider-config";
    public static final String RELOAD_FLAG = "--encryption-provider-config-automatic-reload";
    static final String VOLUME = "encryption-config";

    private final String dir;
    private final String fileName;
    private final boolean automaticReload;

    public KubeadmPatch(String dir, String fileName, boolean automaticReload) {
        if (!dir.startsWith("/")) {
            throw new IllegalArgumentException("The config directory must be an absolute path on the node, e.g. /etc/kubernetes/enc.");
        }
        this.dir = dir.endsWith("/") && dir.length() > 1 ? dir.substring(0, dir.length() - 1) : dir;
        this.fileName = fileName;
        this.automaticReload = automaticReload;
    }

    public String configPath() {
        return dir + "/" + fileName;
    }

    public List<String> flags() {
        List<String> f = new ArrayList<>();
        f.add(FLAG + "=" + configPath());
        if (automaticReload) {
            f.add(RELOAD_FLAG + "=true");
        }
        return f;
    }

    /**
     * Adds the flags, the volume and the mount to a parsed kube-apiserver static pod manifest (in place) and returns
     * what changed; running it twice changes nothing the second time.
     */
    @SuppressWarnings("unchecked")
    public List<String> patchManifest(Map<String, Object> pod) {
        List<String> changes = new ArrayList<>();
        Map<String, Object> spec = (Map<String, Object>) pod.get("spec");
        if (spec == null || !(spec.get("containers") instanceof List<?> containers) || containers.isEmpty()) {
            throw new IllegalArgumentException("The manifest has no spec.containers; is it " + MANIFEST + "?");
        }
        Map<String, Object> c = null;
        for (Object o : containers) {
            if (o instanceof Map<?, ?> m && "kube-apiserver".equals(m.get("name"))) {
                c = (Map<String, Object>) m;
            }
        }
        if (c == null) {
            throw new IllegalArgumentException("The manifest has no container named kube-apiserver; is it " + MANIFEST + "?");
        }
        List<Object> command = new ArrayList<>((List<Object>) c.getOrDefault("command", List.of()));
        for (String flag : flags()) {
            String name = flag.substring(0, flag.indexOf('='));
            boolean replaced = false;
            for (int i = 0; i < command.size(); i++) {
                String arg = String.valueOf(command.get(i));
                if (arg.equals(name) || arg.startsWith(name + "=")) {
                    if (!arg.equals(flag)) {
                        command.set(i, flag);
                        changes.add("changed " + arg + " to " + flag);
                    }
                    replaced = true;
                }
            }
            if (!replaced) {
                command.add(flag);
                changes.add("added " + flag);
            }
        }
        c.put("command", command);
        List<Object> mounts = new ArrayList<>((List<Object>) c.getOrDefault("volumeMounts", List.of()));
        if (mounts.stream().noneMatch(m -> m instanceof Map<?, ?> mm && VOLUME.equals(mm.get("name")))) {
            mounts.add(mount());
            changes.add("added volumeMount " + VOLUME + " at " + dir + " (read-only)");
        }
        c.put("volumeMounts", mounts);
        List<Object> volumes = new ArrayList<>((List<Object>) spec.getOrDefault("volumes", List.of()));
        if (volumes.stream().noneMatch(v -> v instanceof Map<?, ?> vm && VOLUME.equals(vm.get("name")))) {
            volumes.add(volume());
            changes.add("added hostPath volume " + VOLUME + " for " + dir);
        }
        spec.put("volumes", volumes);
        return changes;
    }

    Map<String, Object> mount() {
        return YamlWriter.map("name", VOLUME, "mountPath", dir, "readOnly", true);
    }

    Map<String, Object> volume() {
        return YamlWriter.map("name", VOLUME, "hostPath", YamlWriter.map("path", dir, "type", "DirectoryOrCreate"));
    }

    /** Snippets, the kubeadm ClusterConfiguration equivalent and the steps for every control-plane node. */
    public Bundle bundle() {
        Map<String, Object> snippet = new LinkedHashMap<>();
        snippet.put("command (append)", flags());
        snippet.put("volumeMounts (append)", List.of(mount()));
        snippet.put("volumes (append)", List.of(volume()));
        String snippetYaml = YamlWriter.write(snippet, "Add to the kube-apiserver container in " + MANIFEST
                + "\n(or run: kustodian encryption patch --manifest " + MANIFEST + " --output FILE)");
        Map<String, Object> extraArgs = new LinkedHashMap<>();
        extraArgs.put("encryption-provider-config", configPath());
        if (automaticReload) {
            extraArgs.put("encryption-provider-config-automatic-reload", "true");
        }
        String kubeadm = YamlWriter.write(YamlWriter.map(
                "apiVersion", "kubeadm.k8s.io/v1beta3",
                "kind", "ClusterConfiguration",
                "apiServer", YamlWriter.map(
                        "extraArgs", extraArgs,
                        "extraVolumes", List.of(YamlWriter.map("name", VOLUME, "hostPath", dir, "mountPath", dir,
                                "readOnly", true, "pathType", "DirectoryOrCreate")))),
                "kubeadm ClusterConfiguration fragment: keeps the change across 'kubeadm upgrade'.\n"
                        + "Merge it into the kubeadm-config ConfigMap (kube-system) / your kubeadm config file.");
        List<String> steps = List.of(
                "On EACH control-plane node, one node at a time:",
                "1. sudo mkdir -p " + dir + " && sudo chmod 700 " + dir,
                "2. Copy the EncryptionConfiguration to " + configPath() + "; sudo chown root:root " + configPath()
                        + " && sudo chmod 600 " + configPath(),
                "3. Back up the manifest OUTSIDE the manifests folder: sudo cp " + MANIFEST + " /root/kube-apiserver.yaml.bak",
                "4. Edit " + MANIFEST + " (flags, volumeMount, volume above); the kubelet restarts kube-apiserver by itself.",
                "5. Wait until it is back: kubectl -n kube-system get pod -l component=kube-apiserver -o wide (Running, Ready);"
                        + " if it does not come back, check 'sudo crictl ps -a | grep kube-apiserver' and its logs, or restore the backup.",
                "6. Go to the next control-plane node. All API servers must use the same file.",
                "7. Then rewrite all Secrets so existing ones are encrypted, and verify in etcd (kustodian encryption verify-etcd).");
        List<Manifest> files = List.of(
                Manifest.sideFile("kube-apiserver-encryption-snippet.yaml", Manifest.Format.YAML, snippetYaml),
                Manifest.sideFile("kubeadm-clusterconfiguration-encryption.yaml", Manifest.Format.YAML, kubeadm),
                Manifest.sideFile("STEPS.txt", Manifest.Format.TEXT, String.join("\n", steps) + "\n"));
        List<String> warnings = new ArrayList<>();
        warnings.add("Never leave a backup copy inside /etc/kubernetes/manifests: the kubelet would start it as a second pod.");
        if (!automaticReload) {
            warnings.add("Without " + RELOAD_FLAG + " every later change of the file (key rotation) needs an API server restart on every node.");
        }
        return new Bundle("kube-apiserver encryption patch", files, List.of(), warnings, steps);
    }
}
