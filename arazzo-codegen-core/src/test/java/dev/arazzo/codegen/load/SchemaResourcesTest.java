package dev.arazzo.codegen.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generator ships each release's Arazzo JSON Schema as JSON (read without a YAML parser); the schema as
 * published is the YAML beside this test. They hold the same tree, so the JSON is regenerated, never edited.
 */
class SchemaResourcesTest {

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "1.1"})
    void theShippedJsonIsThePublishedYaml(String release) throws IOException {
        JsonNode published = read(new ObjectMapper(new YAMLFactory()), "arazzo-schema-" + release + ".yaml");
        JsonNode shipped = read(new ObjectMapper(), "arazzo-schema-" + release + ".json");

        assertEquals(published, shipped);
    }

    private static JsonNode read(ObjectMapper mapper, String resource) throws IOException {
        try (InputStream in = SchemaResourcesTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            return mapper.readTree(in);
        }
    }
}
