package dev.kustodian.core.output;

import dev.kustodian.core.yaml.YamlWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutputTest {

    private static Bundle bundle() {
        Manifest a = Bundle.yamlObject("role.yaml", YamlWriter.map("apiVersion", "rbac.authorization.k8s.io/v1",
                "kind", "Role", "metadata", YamlWriter.map("name", "r", "namespace", "shop")), "header");
        Manifest b = Bundle.yamlObject("binding.yaml", YamlWriter.map("apiVersion", "rbac.authorization.k8s.io/v1",
                "kind", "RoleBinding", "metadata", YamlWriter.map("name", "rb", "namespace", "shop")), null);
        Manifest policy = Manifest.sideFile("policy.json", Manifest.Format.JSON, "{}\n");
        return new Bundle("test", List.of(a, b, policy), List.of(), List.of("w"), List.of("n"));
    }

    @Test
    void bundleKnowsItsObjectsAndAddsAKustomization() {
        Bundle b = bundle();
        assertThat(b.objects()).extracting(Manifest::kind).containsExactly("Role", "RoleBinding");
        assertThat(b.objects().get(0).namespace()).isEqualTo("shop");
        assertThat(b.combinedYaml()).contains("kind: Role\n").contains("---\n").doesNotContain("policy.json");
        assertThat(b.previewText()).contains("# ---- policy.json ----");
        Bundle k = b.withKustomization();
        Manifest kust = k.manifests().get(k.manifests().size() - 1);
        assertThat(kust.fileName()).isEqualTo("kustomization.yaml");
        assertThat(kust.content()).contains("- role.yaml\n- binding.yaml").doesNotContain("policy.json");
        assertThat(k.withKustomization().manifests()).hasSameSizeAs(k.manifests());
    }

    @Test
    void folderWriterWritesEveryFileAndAsksBeforeOverwriting(@TempDir Path dir) throws Exception {
        FolderWriter.Result first = FolderWriter.write(bundle(), dir, existing -> {
            throw new AssertionError("nothing exists yet");
        });
        assertThat(first.written()).extracting(p -> p.getFileName().toString())
                .containsExactly("role.yaml", "binding.yaml", "policy.json", "kustomization.yaml");
        Files.writeString(dir.resolve("role.yaml"), "mine");

        List<List<Path>> asked = new ArrayList<>();
        FolderWriter.Result declined = FolderWriter.write(bundle(), dir, existing -> {
            asked.add(existing);
            return false;
        });
        assertThat(declined.written()).isEmpty();
        assertThat(asked.get(0)).hasSize(4);
        assertThat(Files.readString(dir.resolve("role.yaml"))).isEqualTo("mine");

        FolderWriter.write(bundle(), dir, existing -> true);
        assertThat(Files.readString(dir.resolve("role.yaml"))).contains("kind: Role");
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void folderWriterRefusesBundlesWithErrorsAndEscapingNames(@TempDir Path dir) {
        Bundle bad = new Bundle("t", bundle().manifests(), List.of(new Bundle.Problem("spec.x", "required", true)),
                null, null);
        assertThatThrownBy(() -> FolderWriter.write(bad, dir, e -> true)).hasMessageContaining("spec.x: required");
        Bundle escaping = Bundle.of("t", List.of(Manifest.sideFile("../evil.txt", Manifest.Format.TEXT, "x")));
        assertThatThrownBy(() -> FolderWriter.write(escaping, dir, e -> true))
                .hasMessageContaining("points outside the folder");
    }

    @Test
    void privateFilesAre0600AndNeverSilentlyReplaced(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("key.b64");
        SafeFiles.writePrivate(key, "k".getBytes(), false);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThatThrownBy(() -> SafeFiles.writePrivate(key, "other".getBytes(), false))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(key)).isEqualTo("k");
        SafeFiles.writePrivate(key, "other".getBytes(), true);
        assertThat(Files.readString(key)).isEqualTo("other");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
    }
}
