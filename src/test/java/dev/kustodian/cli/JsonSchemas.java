package dev.kustodian.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Validates real {@code -o json} output against the documented schemas in docs/schemas/ (networknt, 2020-12). */
final class JsonSchemas {
    static final Path DIR = Path.of("docs", "schemas");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private JsonSchemas() {
    }

    /** Parses {@code json}, asserts it matches docs/schemas/NAME.schema.json, and returns the tree. */
    static JsonNode assertValid(String name, String json) {
        try {
            JsonSchema schema = FACTORY.getSchema(Files.readString(DIR.resolve(name + ".schema.json")));
            JsonNode node = MAPPER.readTree(json);
            Set<ValidationMessage> errors = schema.validate(node);
            assertThat(errors).as("%s against %s.schema.json", json, name).isEmpty();
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
