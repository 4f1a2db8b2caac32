package dev.kustodian.core.yaml;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class YamlReaderTest {

    private static final String JSON = """
            {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "db", "namespace": "shop",
              "creationTimestamp": "2026-01-02T03:04:05Z", "labels": {}},
             "data": {"password": "cGFzcw=="}, "immutable": false, "n": 3, "big": 12345678901, "f": 1.5,
             "none": null, "list": [1, "two", [3], {"four": 4}]}
            {"apiVersion": "v1", "kind": "ConfigMap",
             "metadata": {"name": "cfg"}}
            """;

    private static final String SAME_AS_YAML = """
            apiVersion: v1
            kind: Secret
            metadata: {name: db, namespace: shop, creationTimestamp: 2026-01-02T03:04:05Z, labels: {}}
            data: {password: cGFzcw==}
            immutable: false
            n: 3
            big: 12345678901
            f: 1.5
            none: null
            list: [1, two, [3], {four: 4}]
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: cfg}
            """;

    @Test
    void jsonDocumentsReadLikeTheSameYaml() {
        List<YamlDocument> json = YamlReader.read(JSON, "objects.json");
        // the JSON reader itself takes it (no fallback to snakeyaml)
        assertThat(YamlReader.readJson(JSON, "objects.json")).isEqualTo(json);
        List<YamlDocument> yaml = YamlReader.read(SAME_AS_YAML, "objects.yaml");
        assertThat(json).extracting(YamlDocument::value).containsExactlyElementsOf(
                yaml.stream().map(YamlDocument::value).toList());
        assertThat(json).extracting(YamlDocument::line).containsExactly(1, 5);
        assertThat(json).extracting(YamlDocument::source).containsOnly("objects.json");
        @SuppressWarnings("unchecked")
        Map<String, Object> secret = (Map<String, Object>) json.get(0).value();
        assertThat(secret.get("n")).isInstanceOf(Integer.class);
        assertThat(secret.get("big")).isInstanceOf(Long.class);
        assertThat(secret.get("f")).isEqualTo(1.5);
        assertThat(secret).containsEntry("none", null);
    }

    @Test
    void jsonAfterAByteOrderMarkAndBlankLines() {
        List<YamlDocument> docs = YamlReader.read("\uFEFF\n\n  [{\"a\": 1}]\n", "list.json");
        assertThat(docs).singleElement().satisfies(d -> {
            assertThat(d.value()).isEqualTo(List.of(Map.of("a", 1)));
            assertThat(d.line()).isEqualTo(3);
        });
    }

    @Test
    void yamlFlowStyleThatIsNotJsonIsStillRead() {
        assertThat(YamlReader.readMap("{a: b, c: [1, 2]}", "flow.yaml")).isEqualTo(Map.of("a", "b", "c", List.of(1, 2)));
    }

    @Test
    void brokenJsonIsReportedWithItsLine() {
        assertThatThrownBy(() -> YamlReader.read("{\"a\": 1,\n \"b\": [}\n", "broken.json"))
                .isInstanceOf(YamlException.class)
                .hasMessageContaining("broken.json")
                .hasMessageContaining("2");
    }

    @Test
    void duplicateKeysAreRejectedInJsonAsInYaml() {
        assertThatThrownBy(() -> YamlReader.read("{\"a\": 1, \"a\": 2}", "dup.json"))
                .isInstanceOf(YamlException.class)
                .hasMessageContaining("dup.json");
        assertThatThrownBy(() -> YamlReader.read("a: 1\na: 2\n", "dup.yaml"))
                .isInstanceOf(YamlException.class);
    }

    /** aliases.yaml with a doubling chain of {@code n} aliases: a0 holds two values, each a(i) two of a(i-1). */
    private static java.nio.file.Path aliasChain(java.nio.file.Path dir, int n) throws java.io.IOException {
        StringBuilder y = new StringBuilder("a0: &a0 [x, y]\n");
        for (int i = 1; i <= n; i++) {
            y.append("a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a")
                    .append(i - 1).append("]\n");
        }
        return java.nio.file.Files.writeString(dir.resolve("aliases.yaml"), y);
    }

    @Test
    void aliasBombIsRefusedWithItsLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        // a doubling chain of aliases: expanded, 2^40 values (issue 16: refused, not read)
        java.nio.file.Path f = aliasChain(dir, 40);
        assertThatThrownBy(() -> YamlReader.readWithFieldLines(f)).isInstanceOf(YamlException.class)
                .hasMessageStartingWith(f + ":1: its aliases expand to more than");
        assertThatThrownBy(() -> YamlReader.read(f)).isInstanceOf(YamlException.class)
                .hasMessageContaining("billion laughs");
    }

    @Test
    void fieldLinesFollowEachAliasOnce(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        // a short doubling chain (2^10 values expanded) still reads; each alias is indexed once
        java.nio.file.Path f = aliasChain(dir, 10);
        List<YamlDocument> docs = YamlReader.readWithFieldLines(f);
        assertThat(docs).singleElement().satisfies(d -> {
            assertThat(d.lineOf("a10")).isEqualTo(11);
            assertThat(d.lineOf("a0[1]")).isEqualTo(1);
            assertThat(d.fieldLines().size()).isLessThan(1000);
        });
    }
}
