package dev.arazzo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The SARIF 2.1.0 JSON Schema (draft-04; {@code src/test/resources/sarif/sarif-schema-2.1.0.json}, the OASIS
 * schema as the {@code @microsoft/jest-sarif} package ships it), and what a log breaks of it.
 */
final class Sarif {

    private static final Schema SCHEMA = schema();

    private Sarif() {
    }

    /** Every violation of the schema in {@code log}, as text; none for a valid log. */
    static List<String> violations(JsonNode log) {
        return SCHEMA.validate(log).stream().map(Object::toString).toList();
    }

    private static Schema schema() {
        try (InputStream in = Sarif.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            JsonNode tree = new ObjectMapper().readTree(in);
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
