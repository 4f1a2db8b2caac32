package dev.kustodian.core.cluster;

import dev.kustodian.core.model.LeakHint;
import dev.kustodian.core.model.ObjectMeta;
import dev.kustodian.core.model.SecretInfo;
import dev.kustodian.core.model.WorkloadInfo;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The converter of parsed JSON/YAML gives the same model records as the converter of fabric8's typed objects, object
 * by object (one fingerprint key for both): on every demo file and on a generated cluster's list pages.
 */
class RawModelConverterTest {
    private static final KubernetesSerialization FABRIC8 = new KubernetesSerialization();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static byte[] key() {
        byte[] k = new byte[32];
        for (int i = 0; i < k.length; i++) {
            k[i] = (byte) (i * 7 + 1);
        }
        return k;
    }

    @Test
    void sameRecordsAsTheTypedConverterOnTheDemoFiles() throws Exception {
        ModelConverter typed = new ModelConverter(key());
        RawModelConverter raw = new RawModelConverter(key());
        int compared = 0;
        int kept = 0;
        for (String file : DemoFiles.files()) {
            List<HasMetadata> a = DemoCluster.parse(file);
            List<Map<String, Object>> b = DemoFiles.parse(DemoFiles.yaml(), file);
            assertThat(b).as(file).hasSameSizeAs(a);
            for (int i = 0; i < a.size(); i++) {
                Object expected = typed.convert(a.get(i));
                Object actual = raw.convert(b.get(i), a.get(i).getApiVersion(), a.get(i).getKind());
                assertThat(actual).as(file + " #" + i + " " + a.get(i).getKind()).isEqualTo(expected);
                compared++;
                kept += expected == null ? 0 : 1;
            }
        }
        assertThat(compared).isGreaterThan(200);
        assertThat(kept).isGreaterThan(150);
    }

    @Test
    @SuppressWarnings("unchecked")
    void sameRecordsAsTheTypedConverterOnListPages() {
        ModelConverter typed = new ModelConverter(key());
        RawModelConverter raw = new RawModelConverter(key());
        int compared = 0;
        for (SyntheticClusterJson.Listing l : SyntheticClusterJson.build(
                new SyntheticClusterJson.Counts(5, 60, 60, 40, 10, 10, 20, 6, 6)).values()) {
            for (byte[] page : l.pages()) {
                String json = new String(page, StandardCharsets.UTF_8);
                List<HasMetadata> a = new ArrayList<>(((KubernetesResourceList<HasMetadata>) FABRIC8.unmarshal(json))
                        .getItems());
                Map<String, Object> list = JSON.readValue(page, Map.class);
                List<Map<String, Object>> b = RawModelConverter.maps(list, "items");
                assertThat(b).hasSameSizeAs(a);
                String apiVersion = (String) list.get("apiVersion");
                for (int i = 0; i < a.size(); i++) {
                    // list items of the API carry no kind: the list's kind says it
                    b.get(i).remove("kind");
                    b.get(i).remove("apiVersion");
                    assertThat(raw.convert(b.get(i), apiVersion, l.kind())).as(l.path() + " #" + i)
                            .isEqualTo(typed.convert(a.get(i))).isNotNull();
                    compared++;
                }
            }
        }
        assertThat(compared).isEqualTo(5 + 60 + 60 + 40 + 10 + 10 + 20 + 6 + 6);
    }

    @Test
    void valuesBecomeFactsAndLeakHintsOnly() {
        RawModelConverter raw = new RawModelConverter(key());
        Map<String, Object> secret = JSON.readValue("""
                {"metadata":{"name":"s","namespace":"n","annotations":{
                   "kubectl.kubernetes.io/last-applied-configuration":"{\\"data\\":{\\"password\\":\\"aHVudGVyMg==\\"}}"}},
                 "type":"Opaque","data":{"password":"aHVudGVyMg=="},"stringData":{"token":"plain-text-token"}}""",
                Map.class);
        SecretInfo s = (SecretInfo) raw.convert(secret, "v1", "Secret");
        assertThat(s.keys()).extracting(SecretInfo.SecretKeyInfo::name, SecretInfo.SecretKeyInfo::size)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("password", 7L),
                        org.assertj.core.groups.Tuple.tuple("token", 16L));
        assertThat(s.meta().annotation(RawModelConverter.LAST_APPLIED)).isEqualTo(ObjectMeta.REDACTED);
        assertThat(s.toString()).doesNotContain("hunter2").doesNotContain("aHVudGVyMg").doesNotContain("plain-text");

        Map<String, Object> pod = JSON.readValue("""
                {"metadata":{"name":"p","namespace":"n"},"spec":{"containers":[{"name":"c","image":"i",
                  "env":[{"name":"DB_PASSWORD","value":"Sup3r-s3cret-Passw0rd!"},{"name":"PORT","value":8080}],
                  "args":["--token=ghp_abcdefghijklmnopqrstuvwxyz0123456789"]}]},"status":{"phase":"Running"}}""",
                Map.class);
        WorkloadInfo w = (WorkloadInfo) raw.convert(pod, "v1", "Pod");
        assertThat(w.phase()).isEqualTo("Running");
        assertThat(w.spec().leaks()).extracting(LeakHint::location)
                .contains("spec.containers[c].env[DB_PASSWORD]", "spec.containers[c].args[0]");
        assertThat(w.toString()).doesNotContain("Sup3r").doesNotContain("ghp_");
        assertThat(raw.convert(pod, "v1", "PodTemplate")).isNull();
        assertThat(raw.convert(pod, "example.com/v1", "Pod")).isNull();
    }

    @Test
    void theDemoIsReadWithoutItsCrdSchemas() {
        String yaml = """
                spec:
                  versions:
                  - name: v1
                    schema:
                      openAPIV3Schema:
                        description: |
                          text

                          more text
                        properties:
                          a: {type: string}
                    served: true
                  - name: v2
                """;
        assertThat(DemoFiles.withoutSchemas(yaml)).isEqualTo("""
                spec:
                  versions:
                  - name: v1
                    schema:
                    served: true
                  - name: v2
                """);
    }

    /** Timestamps read by the fast path are the instants Instant.parse gives; what it cannot read, Instant.parse does. */
    @Test
    void timestampsAsInstantParseReadsThem() {
        java.util.Random rnd = new java.util.Random(3);
        List<String> samples = new ArrayList<>(List.of("2024-02-29T23:59:59Z", "2023-02-29T10:00:00Z",
                "2024-04-31T00:00:00Z", "2024-13-01T00:00:00Z", "2024-00-10T00:00:00Z", "2024-01-00T00:00:00Z",
                "2024-01-01T24:00:00Z", "2024-01-01T23:60:00Z", "2024-12-31T23:59:60Z", "0000-01-01T00:00:00Z",
                "9999-12-31T23:59:59Z", "2024-01-01T00:00:00.5Z", "2024-01-01T00:00:00+01:00", "2024-01-01 00:00:00Z",
                "2024-01-01T00:00:0xZ", "2024-1-01T00:00:00Z", "１９７０-01-01T00:00:00Z", "not a time"));
        for (int i = 0; i < 20_000; i++) {
            samples.add(String.format("%04d-%02d-%02dT%02d:%02d:%02dZ", rnd.nextInt(10_000), rnd.nextInt(14),
                    rnd.nextInt(33), rnd.nextInt(25), rnd.nextInt(61), rnd.nextInt(61)));
        }
        int fast = 0;
        for (String s : samples) {
            java.time.Instant expected;
            try {
                expected = java.time.Instant.parse(s);
            } catch (java.time.format.DateTimeParseException e) {
                expected = null;
            }
            assertThat(RawModelConverter.instant(s)).as(s).isEqualTo(expected);
            if (expected != null && s.length() == 20) {
                fast++;
            }
        }
        assertThat(fast).as("valid timestamps of the API server's form").isGreaterThan(10_000);
    }
}
