package dev.kustodian.core.cluster;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link CompactJson} reads the same values as Jackson's untyped (Map/List) deserialisation. */
class CompactJsonTest {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static Object compact(String json) {
        try (JsonParser p = FACTORY.createParser(json)) {
            p.nextToken();
            return CompactJson.read(p);
        }
    }

    private static Object jackson(String json) {
        return MAPPER.readValue(json, Object.class);
    }

    @Test
    void everyPageOfTheSyntheticClusterReadsAsJacksonReadsIt() {
        var listings = SyntheticClusterJson.build(new SyntheticClusterJson.Counts(5, 700, 600, 300, 40, 30, 60, 8, 8));
        int items = 0;
        for (var listing : listings.values()) {
            for (byte[] page : listing.pages()) {
                String json = new String(page, StandardCharsets.UTF_8);
                Object a = compact(json);
                assertThat(a).isEqualTo(jackson(json));
                items += ((List<?>) ((Map<?, ?>) a).get("items")).size();
            }
        }
        assertThat(items).isGreaterThan(1_700);
    }

    @Test
    void scalarsNumbersAndNestingAreJacksonsUntypedValues() {
        String json = """
                {"s":"x\\u00e9\\n","i":7,"neg":-3,"l":12345678901,"big":123456789012345678901234567890,
                 "d":1.5,"e":2e3,"t":true,"f":false,"n":null,"a":[1,[2,{"b":[]}],{}],"o":{"p":{"q":"r"}}}""";
        Object a = compact(json);
        assertThat(a).isEqualTo(jackson(json));
        Map<?, ?> m = (Map<?, ?>) a;
        assertThat(m.get("i")).isEqualTo(7);
        assertThat(m.get("l")).isEqualTo(12345678901L);
        assertThat(m.get("big")).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(m.get("d")).isEqualTo(1.5);
        assertThat(m.containsKey("n")).isTrue();
        assertThat(m.get("n")).isNull();
        assertThat(m.containsKey("missing")).isFalse();
        assertThat(new ArrayList<Object>(m.keySet())).containsExactly("s", "i", "neg", "l", "big", "d", "e", "t", "f", "n",
                "a", "o");
    }

    @Test
    void aDuplicateNameKeepsItsFirstPositionAndItsLastValueAsLinkedHashMapDoes() {
        for (int fields : new int[] {3, CompactJson.ObjectMap.INDEXED - 1, CompactJson.ObjectMap.INDEXED,
                CompactJson.ObjectMap.INDEXED + 5, 200}) {
            StringBuilder json = new StringBuilder("{");
            Map<String, Object> expected = new LinkedHashMap<>();
            Random r = new Random(fields);
            for (int i = 0; i < fields * 2; i++) {
                String name = "k" + r.nextInt(fields);
                json.append(i == 0 ? "" : ",").append('"').append(name).append("\":").append(i);
                expected.put(name, i);
            }
            Map<?, ?> m = (Map<?, ?>) compact(json.append('}').toString());
            assertThat(m).as("%d names", fields).isEqualTo(expected).isEqualTo(jackson(json.toString()));
            assertThat(new ArrayList<Object>(m.keySet())).containsExactlyElementsOf(expected.keySet());
            expected.forEach((k, v) -> assertThat(m.get(k)).isEqualTo(v));
            List<Object> seen = new ArrayList<>();
            m.forEach((k, v) -> seen.add(k));
            assertThat(seen).containsExactlyElementsOf(expected.keySet());
        }
    }

    @Test
    void aCutDocumentIsAnError() {
        assertThatThrownBy(() -> compact("{\"a\":[1,2")).isInstanceOf(RuntimeException.class);
        try (JsonParser p = FACTORY.createParser("{\"a\":1}")) {
            assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            assertThat(CompactJson.readObject(p)).isEqualTo(Map.of("a", 1));
        }
    }
}
