package dev.arazzo.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.arazzo.codegen.diagnostic.Diagnostic;
import dev.arazzo.codegen.testing.GeneratedCode;
import dev.arazzo.codegen.testing.Shared;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Arazzo document of the corpus of real public documents ({@code ../shared/corpus}): its Java
 * compiles with {@code -Xlint:all -Werror}, or the generator reports exactly the defect that the
 * corpus lists for it, at its location, and writes nothing. Absolute source urls are mapped to the
 * local copies through the case's {@code url_map}, as a user maps them for an offline build.
 */
class CorpusTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path output;

    static Stream<Arguments> documents() throws IOException {
        Path corpus = Shared.root().resolve("corpus");
        JsonNode expectations;
        try (InputStream in = CorpusTest.class.getResourceAsStream("/corpus-expectations.yaml")) {
            expectations = YAML.readTree(in);
        }
        List<Arguments> documents = new ArrayList<>();
        try (Stream<Path> cases = Files.list(corpus)) {
            for (Path folder : cases.sorted().toList()) {
                if (!Files.isDirectory(folder) || folder.getFileName().toString().startsWith("_")) {
                    continue;
                }
                JsonNode manifest = YAML.readTree(folder.resolve("manifest.yaml").toFile());
                for (JsonNode document : manifest.path("arazzo_documents")) {
                    String key = folder.getFileName() + "/" + document.asText();
                    List<String> expected = new ArrayList<>();
                    expectations.path(key).forEach(e -> expected.add(e.asText()));
                    documents.add(Arguments.of(key, folder, document.asText(), manifest.path("url_map"), expected));
                }
            }
        }
        return documents.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void compilesOrReportsItsListedDefect(String name, Path folder, String document, JsonNode urlMap,
            List<String> expectedErrors) throws IOException {
        GenerationRequest.Builder request = GenerationRequest.builder()
                .spec(folder.resolve(document))
                .outputDirectory(output)
                .packageName("corpus.generated")
                .projectDirectory(folder);
        urlMap.properties().forEach(entry -> request.sourceMapping(entry.getKey(),
                folder.resolve(entry.getValue().asText())));

        GenerationResult result = ArazzoCodegen.generate(request.build());

        List<String> errors = result.diagnostics().stream().filter(Diagnostic::isError)
                .map(d -> folder.toAbsolutePath().normalize().relativize(d.location().file()) + ":"
                        + d.location().line() + ":" + d.location().column() + " " + d.code())
                .toList();
        assertEquals(expectedErrors, errors, () -> String.join("\n", result.diagnostics().stream()
                .map(Diagnostic::toString).toList()));
        assertTrue(result.diagnostics().stream().noneMatch(d -> d.code().equals("internal-error")));
        if (expectedErrors.isEmpty()) {
            assertFalse(result.files().isEmpty());
            GeneratedCode.compile(result);
        } else {
            try (Stream<Path> written = Files.walk(output)) {
                assertEquals(0, written.filter(Files::isRegularFile).count(), "nothing is written for a broken document");
            }
        }
    }
}
