package dev.arazzo.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arazzo.codegen.diagnostic.Diagnostic;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The system folders are never read, whatever the request allows: as a source url or as a {@code $ref}. */
class ConfinementTest {

    @TempDir
    Path directory;

    private Path spec(String folder, String sourceUrl) throws IOException {
        Path dir = Files.createDirectories(directory.resolve(folder));
        return Files.writeString(dir.resolve("workflow.arazzo.yaml"), """
                arazzo: 1.0.1
                info: {title: Confined, version: '1'}
                sourceDescriptions:
                  - {name: things, url: '%s', type: openapi}
                workflows:
                  - workflowId: w
                    steps: [{stepId: s, operationId: getStatus}]
                """.formatted(sourceUrl));
    }

    private void openApi(Path file, String extra) throws IOException {
        Files.createDirectories(file.getParent());
        try (InputStream in = ConfinementTest.class.getResourceAsStream("/fixtures/things-openapi.yaml")) {
            Files.writeString(file, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8) + extra);
        }
    }

    private List<String> errors(Path spec, UnaryOperator<GenerationRequest.Builder> options) {
        GenerationResult result = ArazzoCodegen.generate(options.apply(GenerationRequest.builder().spec(spec)
                .outputDirectory(directory.resolve("generated")).packageName("confined")).build());
        return result.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::code).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/passwd", "file:///proc/self/environ", "/dev/zero", "/sys/kernel/notes"})
    void theSystemFoldersAreNeverReadEvenWhenEverythingIsAllowed(String url) throws IOException {
        Path spec = spec("flows", url);

        assertEquals(List.of("source-outside-project"), errors(spec, b -> b.allowedRoot(Path.of("/"))));
        assertEquals(List.of("source-outside-project"), errors(spec, b -> b.projectDirectory(Path.of("/"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/hosts", "file:///proc/self/environ", "/dev/zero"})
    void aRefIntoTheSystemFoldersIsRefusedAtTheRefEvenWhenEverythingIsAllowed(String ref) throws IOException {
        openApi(directory.resolve("flows/things-openapi.yaml"), "x-elsewhere: {$ref: '" + ref + "'}\n");
        Path spec = spec("flows", "things-openapi.yaml");

        assertEquals(List.of("ref-outside-project"), errors(spec, b -> b.allowedRoot(Path.of("/"))));
    }
}
