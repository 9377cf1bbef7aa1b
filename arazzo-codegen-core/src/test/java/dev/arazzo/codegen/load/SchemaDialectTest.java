package dev.arazzo.codegen.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Draft202012;
import dev.arazzo.codegen.diagnostic.Diagnostics;
import dev.arazzo.codegen.diagnostic.SourceLocation;
import dev.arazzo.codegen.testing.Shared;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link SchemaDialect} is the validator's draft 2020-12 dialect less its format validators: the same keywords
 * and vocabularies, and, on every conformance document and every corpus document, the same violations.
 */
class SchemaDialectTest {

    @Test
    void itIsTheValidatorsDialectWithoutFormats() {
        Dialect own = SchemaDialect.draft202012();
        Dialect validators = Draft202012.getInstance();

        assertEquals(validators.getId(), own.getId());
        assertEquals(validators.getIdKeyword(), own.getIdKeyword());
        assertEquals(validators.getSpecificationVersion(), own.getSpecificationVersion());
        assertEquals(validators.getVocabularies(), own.getVocabularies());
        assertEquals(validators.getKeywords().keySet(), own.getKeywords().keySet());
        validators.getKeywords().forEach((name, keyword) -> assertEquals(keyword.getClass(),
                own.getKeywords().get(name).getClass(), name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "1.1"})
    void everyDocumentHasTheSameViolationsInBoth(String release) throws IOException {
        JsonNode tree = schema(release);
        String id = tree.path("$id").asText();
        Schema own = SchemaRegistry.withDefaultDialect(SchemaDialect.draft202012()).getSchema(SchemaLocation.of(id),
                tree);
        Schema validators = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of(id), tree);
        List<Path> documents = documents();
        int withViolations = 0;
        for (Path document : documents) {
            Diagnostics diagnostics = new Diagnostics();
            JsonNode root = new DocumentLoader().load(document, SourceLocation.ofFile(document, ""), diagnostics)
                    .orElseThrow().root();
            List<String> expected = validators.validate(root).stream().map(Object::toString).toList();
            assertEquals(expected, own.validate(root).stream().map(Object::toString).toList(), document.toString());
            withViolations += expected.isEmpty() ? 0 : 1;
        }
        assertTrue(withViolations > 0, "some documents break the schema");
    }

    private static JsonNode schema(String release) throws IOException {
        try (InputStream in = SchemaChecker.class.getResourceAsStream("arazzo-schema-" + release + ".json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>();
        List<Path> roots = List.of(Shared.root().resolve("conformance/arazzo-schema-tests"),
                Shared.root().resolve("conformance/arazzo-1.1-schema-tests"), Shared.root().resolve("corpus"));
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(SchemaDialectTest::isArazzo).sorted().forEach(documents::add);
            }
        }
        assertFalse(documents.isEmpty());
        return documents;
    }

    private static boolean isArazzo(Path file) {
        String name = file.getFileName().toString();
        if (!(name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"))) {
            return false;
        }
        try {
            String text = Files.readString(file);
            return text.length() < 1_000_000 && (text.startsWith("arazzo:") || text.contains("\"arazzo\"")
                    || text.contains("\narazzo:"));
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }
}
