package dev.arazzo.codegen.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arazzo.codegen.ArazzoCodegen;
import dev.arazzo.codegen.GenerationRequest;
import dev.arazzo.codegen.GenerationResult;
import dev.arazzo.codegen.diagnostic.Diagnostic;
import dev.arazzo.codegen.diagnostic.Diagnostics;
import dev.arazzo.codegen.diagnostic.SourceLocation;
import dev.arazzo.codegen.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The OpenAPI Initiative's schema tests for Arazzo 1.0 and 1.1: every {@code pass/} document passes the
 * schema check of its release, every {@code fail/} document fails it with a located error; the generator
 * survives all of them.
 */
class ArazzoSchemaConformanceTest {

    @TempDir
    Path output;

    static Stream<Path> passing() throws IOException {
        return documents("pass");
    }

    static Stream<Path> failing() throws IOException {
        return documents("fail");
    }

    private static Stream<Path> documents(String kind) throws IOException {
        List<Path> documents = new ArrayList<>();
        for (String suite : List.of("arazzo-schema-tests", "arazzo-1.1-schema-tests")) {
            try (Stream<Path> files = Files.list(Shared.root().resolve("conformance").resolve(suite).resolve(kind))) {
                files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".json")).sorted()
                        .forEach(documents::add);
            }
        }
        assertFalse(documents.isEmpty(), "no " + kind + " documents");
        return documents.stream();
    }

    @ParameterizedTest
    @MethodSource("passing")
    void aValidDocumentHasNoSchemaDiagnostic(Path document) {
        assertEquals(List.of(), schemaDiagnostics(document));
        assertNoCrash(generate(document));
    }

    @ParameterizedTest
    @MethodSource("failing")
    void anInvalidDocumentFailsWithALocatedError(Path document) {
        List<Diagnostic> schema = schemaDiagnostics(document);
        assertTrue(schema.stream().anyMatch(d -> d.isError() && d.location().line() > 0), schema.toString());

        GenerationResult result = generate(document);
        assertNoCrash(result);
        assertTrue(result.diagnostics().stream().anyMatch(d -> d.isError() && d.location().line() > 0),
                result.diagnostics().toString());
        assertTrue(result.files().isEmpty());
    }

    private static List<Diagnostic> schemaDiagnostics(Path document) {
        Diagnostics loading = new Diagnostics();
        return new DocumentLoader().load(document, SourceLocation.ofFile(document, ""), loading)
                .map(SchemaChecker::check).orElseThrow(() -> new AssertionError(loading.all().toString()));
    }

    private GenerationResult generate(Path document) {
        return ArazzoCodegen.generate(GenerationRequest.builder().spec(document).outputDirectory(output)
                .packageName("com.example").build());
    }

    private static void assertNoCrash(GenerationResult result) {
        assertTrue(result.diagnostics().stream().noneMatch(d -> d.code().equals("internal-error")),
                result.diagnostics().toString());
    }
}
