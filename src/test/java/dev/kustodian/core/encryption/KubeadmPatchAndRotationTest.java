package dev.kustodian.core.encryption;

import dev.kustodian.core.encryption.EncryptionConfig.ProviderType;
import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.yaml.YamlReader;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KubeadmPatchAndRotationTest {
    static final String MANIFEST = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: kube-apiserver
              namespace: kube-system
              labels: {component: kube-apiserver, tier: control-plane}
            spec:
              containers:
              - name: kube-apiserver
                image: registry.k8s.io/kube-apiserver:v1.31.0
                command:
                - kube-apiserver
                - --advertise-address=10.0.0.10
                - --etcd-servers=https://127.0.0.1:2379
                volumeMounts:
                - {name: k8s-certs, mountPath: /etc/kubernetes/pki, readOnly: true}
              hostNetwork: true
              volumes:
              - name: k8s-certs
                hostPath: {path: /etc/kubernetes/pki, type: DirectoryOrCreate}
            """;

    @Test
    @SuppressWarnings("unchecked")
    void patchAddsFlagsReadOnlyVolumeAndMountIdempotently() {
        Map<String, Object> pod = YamlReader.readMap(MANIFEST, "m");
        KubeadmPatch p = new KubeadmPatch("/etc/kubernetes/enc/", "enc.yaml", true);
        List<String> changes = p.patchManifest(pod);
        assertThat(changes).hasSize(4);
        Map<String, Object> c = (Map<String, Object>) ((List<Object>) ((Map<String, Object>) pod.get("spec")).get("containers")).get(0);
        assertThat((List<Object>) c.get("command")).contains("--encryption-provider-config=/etc/kubernetes/enc/enc.yaml",
                "--encryption-provider-config-automatic-reload=true", "--etcd-servers=https://127.0.0.1:2379");
        assertThat((List<Object>) c.get("volumeMounts")).contains(Map.of("name", "encryption-config",
                "mountPath", "/etc/kubernetes/enc", "readOnly", true));
        assertThat(p.patchManifest(pod)).isEmpty();
        // a different path replaces the old flag
        assertThat(new KubeadmPatch("/etc/kubernetes/enc", "new.yaml", false).patchManifest(pod))
                .containsExactly("changed --encryption-provider-config=/etc/kubernetes/enc/enc.yaml to --encryption-provider-config=/etc/kubernetes/enc/new.yaml");
        assertThatThrownBy(() -> new KubeadmPatch("relative", "x", false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.patchManifest(YamlReader.readMap("kind: Pod\nspec: {}\n", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spec.containers");
    }

    @Test
    void bundleHasSnippetKubeadmConfigAndSteps() {
        Bundle b = new KubeadmPatch("/etc/kubernetes/enc", "encryption-config.yaml", false).bundle();
        assertThat(b.manifests()).extracting(m -> m.fileName()).containsExactly("kube-apiserver-encryption-snippet.yaml",
                "kubeadm-clusterconfiguration-encryption.yaml", "STEPS.txt");
        assertThat(b.manifests().get(1).content()).contains("encryption-provider-config: /etc/kubernetes/enc/encryption-config.yaml",
                "readOnly: true");
        assertThat(b.nextSteps()).anyMatch(s -> s.contains("EACH control-plane node"));
        assertThat(b.warnings()).anyMatch(w -> w.contains("automatic-reload"));
    }

    static EncryptionConfig current(String provider, String secret) {
        return EncryptionConfigParser.parse(EncryptionConfigValidatorTest.config("[secrets]", "- " + provider
                + ":\n    keys:\n    - {name: key1, secret: " + secret + "}\n- identity: {}\n"), "c").config();
    }

    static List<String> keyOrder(String yaml) {
        EncryptionConfig c = EncryptionConfigParser.parse(yaml, "s").config();
        assertThat(EncryptionConfigValidator.validate(c, false)).isEmpty();
        return c.resources().get(0).providers().stream()
                .map(p -> p.type().field() + (p.keys().isEmpty() ? "" : p.keys().stream().map(EncryptionConfig.Key::name).toList().toString()))
                .toList();
    }

    @Test
    void rotationSameProviderFollowsTheOfficialOrder() {
        KeyGenerator.GeneratedKey k2 = KeyGenerator.generate("key2");
        List<RotationPlan.Step> steps = RotationPlan.plan(current("secretbox", EncryptionConfigValidatorTest.K32),
                ProviderType.SECRETBOX, new EncryptionConfig.Key("key2", k2.secretBase64()), false);
        assertThat(steps).extracting(RotationPlan.Step::number).containsExactly(1, 2, 3, 4);
        assertThat(keyOrder(steps.get(0).configYaml())).containsExactly("secretbox[key1, key2]", "identity");
        assertThat(keyOrder(steps.get(1).configYaml())).containsExactly("secretbox[key2, key1]", "identity");
        assertThat(steps.get(2).configYaml()).isNull();
        assertThat(keyOrder(steps.get(3).configYaml())).containsExactly("secretbox[key2]", "identity");
        assertThat(steps.get(1).confirm()).anyMatch(c -> c.contains("k8s:enc:secretbox:v1:key2"));
        steps.forEach(s -> {
            if (s.maskedYaml() != null) {
                assertThat(s.maskedYaml()).doesNotContain(k2.secretBase64(), EncryptionConfigValidatorTest.K32);
            }
        });
    }

    @Test
    void rotationToAnotherProviderAndDroppingIdentity() {
        KeyGenerator.GeneratedKey k2 = KeyGenerator.generate("key2");
        List<RotationPlan.Step> steps = RotationPlan.plan(current("aescbc", EncryptionConfigValidatorTest.K32),
                ProviderType.SECRETBOX, new EncryptionConfig.Key("key2", k2.secretBase64()), true);
        assertThat(keyOrder(steps.get(0).configYaml())).containsExactly("aescbc[key1]", "secretbox[key2]", "identity");
        assertThat(keyOrder(steps.get(1).configYaml())).containsExactly("secretbox[key2]", "aescbc[key1]", "identity");
        assertThat(keyOrder(steps.get(3).configYaml())).containsExactly("secretbox[key2]");
        assertThatThrownBy(() -> RotationPlan.plan(current("aescbc", EncryptionConfigValidatorTest.K32), ProviderType.SECRETBOX,
                new EncryptionConfig.Key("key1", k2.secretBase64()), false)).hasMessageContaining("already used");
    }
}
