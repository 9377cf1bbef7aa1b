package dev.arazzo.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arazzo.codegen.diagnostic.Diagnostic;
import dev.arazzo.codegen.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes in the request itself are diagnostics of the core, for every front end; nothing is read or written. */
class ConfigurationTest {

    @TempDir
    Path output;

    @Test
    void aDocumentWithoutAPackageIsAnError() throws Exception {
        Path spec = Fixtures.fixture("naming.arazzo.yaml");

        GenerationResult result = ArazzoCodegen.generate(GenerationRequest.builder().spec(spec).outputDirectory(output)
                .build());

        assertEquals(List.of(spec + ":1:1: error: [missing-package] no Java package for " + spec + ": give the request a "
                + "package name, or a package for this document"), messages(result.diagnostics()));
        assertTrue(result.filesRead().isEmpty(), "no document is read");
        assertEquals(0, countFiles(output));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "package ''{0}''")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"com.example.class", "com..example", "1pets",
        "com.example.", "com-example"})
    void aPackageThatIsNoJavaNameIsAnError(String packageName) throws Exception {
        Path spec = Fixtures.fixture("naming.arazzo.yaml");

        GenerationResult result = ArazzoCodegen.generate(GenerationRequest.builder().spec(spec).outputDirectory(output)
                .packageName(packageName).build());

        assertEquals(List.of(spec + ":1:1: error: [invalid-package] the Java package '" + packageName + "' is not a "
                + "package name (dot-separated Java identifiers, none a keyword); name another"),
                messages(result.diagnostics()));
        assertEquals(0, countFiles(output));
    }

    @Test
    void aPackageForEachDocumentIsEnoughWithoutADefault() throws Exception {
        Path spec = Fixtures.fixture("naming.arazzo.yaml");

        GenerationResult result = ArazzoCodegen.generate(GenerationRequest.builder().spec(spec).outputDirectory(output)
                .packageFor(spec, "com.example.naming").build());

        assertTrue(result.diagnostics().stream().noneMatch(Diagnostic::isError), result.diagnostics().toString());
        assertTrue(countFiles(output.resolve("com/example/naming")) > 0);
    }

    @Test
    void aPackageForADocumentNotGeneratedFromIsAnError() throws Exception {
        Path spec = Fixtures.fixture("naming.arazzo.yaml");
        Path other = output.resolve("other.arazzo.yaml");

        List<Diagnostic> problems = ArazzoCodegen.checkConfiguration(GenerationRequest.builder().spec(spec)
                .outputDirectory(output).packageName("com.example").packageFor(other, "com.example.other").build());

        assertEquals(List.of(other + ":1:1: error: [unknown-package-spec] a package ('com.example.other') is given for "
                + other + ", which is not one of the documents generated from"), messages(problems));
    }

    @Test
    void aSourceMappingToAMissingFileIsAnError() throws Exception {
        Path spec = Fixtures.fixture("naming.arazzo.yaml");
        Path missing = output.resolve("mirror/shop-openapi.yaml");

        GenerationResult result = ArazzoCodegen.generate(GenerationRequest.builder().spec(spec).outputDirectory(output)
                .packageName("com.example").sourceMapping("https://example.com/shop.yaml", missing).build());

        assertEquals(List.of(missing + ":1:1: error: [missing-mapped-file] the source mapping for "
                + "https://example.com/shop.yaml names " + missing + ", which does not exist"),
                messages(result.diagnostics()));
        assertTrue(result.files().isEmpty());
    }

    @Test
    void everyConfigurationProblemIsReportedAtOnce() throws Exception {
        Path spec = Fixtures.fixture("naming.arazzo.yaml");

        List<Diagnostic> problems = ArazzoCodegen.checkConfiguration(GenerationRequest.builder().spec(spec)
                .outputDirectory(output).packageFor(output.resolve("x.yaml"), "x")
                .sourceMapping("https://example.com/a.yaml", output.resolve("a.yaml")).build());

        assertEquals(List.of("unknown-package-spec", "missing-package", "missing-mapped-file"),
                problems.stream().map(Diagnostic::code).toList());
    }

    private static List<String> messages(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(Diagnostic::toString).toList();
    }

    private static long countFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
