package dev.arazzo.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arazzo.codegen.bind.SourceBinder;
import dev.arazzo.codegen.diagnostic.Diagnostic;
import dev.arazzo.codegen.diagnostic.Diagnostics;
import dev.arazzo.codegen.diagnostic.SourceLocation;
import dev.arazzo.codegen.load.DocumentLoader;
import dev.arazzo.codegen.load.SchemaChecker;
import dev.arazzo.codegen.source.ApiSource;
import dev.arazzo.codegen.source.FileAccess;
import dev.arazzo.codegen.source.openapi.OpenApiReader;
import dev.arazzo.codegen.source.openapi.OpenApiSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * OpenAPI documents are read for the operations the workflows name ({@code OpenApiReader}'s subsets); the whole
 * document behind the internal switch ({@link OpenApiReader#WHOLE_DOCUMENTS}) must give the same result: for
 * every corpus document and the seed, byte-identical generated sources and identical diagnostics.
 */
class OpenApiSubsetEquivalenceTest {

    private static final AtomicInteger SUBSETS = new AtomicInteger();
    private static final AtomicInteger SOURCES = new AtomicInteger();

    @TempDir
    Path directory;

    static Stream<Arguments> documents() throws IOException {
        return CorpusTest.documents();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void aCorpusDocumentGeneratesTheSameFromSubsetsAsFromWholeDocuments(String name, Path folder, String document,
            JsonNode urlMap, List<String> expectedErrors) throws IOException {
        Map<String, Path> mappings = new TreeMap<>();
        urlMap.properties().forEach(entry -> mappings.put(entry.getKey(), folder.resolve(entry.getValue().asText())));
        assertSameBothWays(folder.resolve(document), folder, mappings);
        countReadings(folder.resolve(document), mappings);
    }

    @Test
    void theSeedGeneratesTheSameFromSubsetsAsFromWholeDocuments() throws IOException {
        Path seed = Path.of("../sample-project/src/main/arazzo/workflows/"
                + "amazon-connect-start-chat-and-set-attributes-workflow.yml");
        assertSameBothWays(seed, seed.getParent().getParent(), Map.of());
        assertEquals(List.of("the operations the workflows name"), readings(seed, Map.of()));
    }

    @AfterAll
    static void mostCorpusSourcesAreReadAsSubsets() {
        // the corpus is mostly single-source OpenAPI 3.0/3.1 documents: a subset is read for most of them
        assertTrue(SOURCES.get() == 0 || SUBSETS.get() * 2 > SOURCES.get(),
                SUBSETS + " of " + SOURCES + " sources read as subsets");
    }

    private void assertSameBothWays(Path spec, Path project, Map<String, Path> mappings) throws IOException {
        Path subsets = directory.resolve("subsets");
        Path whole = directory.resolve("whole");
        List<String> subsetDiagnostics = generate(spec, project, mappings, subsets, false);
        List<String> wholeDiagnostics = generate(spec, project, mappings, whole, true);
        assertEquals(wholeDiagnostics, subsetDiagnostics);
        assertEquals(files(whole), files(subsets));
    }

    private static List<String> generate(Path spec, Path project, Map<String, Path> mappings, Path output,
            boolean wholeDocuments) {
        GenerationRequest.Builder request = GenerationRequest.builder().spec(spec).outputDirectory(output)
                .packageName("corpus.generated").projectDirectory(project).sourceMappings(mappings);
        String before = System.getProperty(OpenApiReader.WHOLE_DOCUMENTS);
        System.setProperty(OpenApiReader.WHOLE_DOCUMENTS, String.valueOf(wholeDocuments));
        try {
            return ArazzoCodegen.generate(request.build()).diagnostics().stream().map(Diagnostic::toString).toList();
        } finally {
            if (before == null) {
                System.clearProperty(OpenApiReader.WHOLE_DOCUMENTS);
            } else {
                System.setProperty(OpenApiReader.WHOLE_DOCUMENTS, before);
            }
        }
    }

    private static Map<String, String> files(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Files.readString(file));
            }
        }
        return files;
    }

    private static void countReadings(Path spec, Map<String, Path> mappings) {
        for (String reading : readings(spec, mappings)) {
            SOURCES.incrementAndGet();
            if (reading.equals("the operations the workflows name")) {
                SUBSETS.incrementAndGet();
            }
        }
    }

    /** How each OpenAPI source of {@code spec} is read. */
    private static List<String> readings(Path spec, Map<String, Path> mappings) {
        DocumentLoader loader = new DocumentLoader();
        Diagnostics ignored = new Diagnostics();
        List<String> readings = new ArrayList<>();
        loader.load(spec, SourceLocation.ofFile(spec, ""), ignored).flatMap(source -> SchemaChecker.read(source,
                ignored)).ifPresent(document -> {
                    for (ApiSource source : new SourceBinder(loader, mappings, ignored, FileAccess.anywhere())
                            .bind(document).apis().values()) {
                        if (source instanceof OpenApiSource openApi) {
                            readings.add(openApi.reading());
                        }
                    }
                });
        return readings;
    }
}
