package dev.arazzo.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arazzo.codegen.diagnostic.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken spec gets every problem at once, each at file:line:column, and nothing is written. */
class DiagnosticsTest {

    @TempDir
    Path output;

    @Test
    void everyBrokenReferenceIsReportedWithLineAndColumnAndNothingIsWritten() throws Exception {
        Path spec = NamingTest.fixture("broken-references.arazzo.yaml");

        GenerationResult result = generate(spec);

        assertEquals(List.of(
                spec + ":13:22: error: [unknown-operation] step 'place' names operation 'PlaceOrder', which no source "
                        + "defines; did you mean 'placeOrder'?",
                spec + ":23:20: error: [unknown-step] '$steps.plaec.outputs.id' reads step 'plaec', which workflow "
                        + "'broken' does not have; did you mean 'place'?",
                spec + ":26:20: warning: [non-spec-expression] '$response.body.id' is not a runtime expression; "
                        + "write '$response.body#/id' (it is read as that)",
                spec + ":26:20: error: [response-not-available] '$response.body.id' has no value while the request is "
                        + "built; read it in the step's outputs or criteria",
                spec + ":28:45: error: [invalid-expression] the condition ends where a value is expected"),
                messages(result));
        assertTrue(result.hasErrors());
        assertTrue(result.files().isEmpty());
        assertEquals(0, countFiles(output));
    }

    @Test
    void yamlSyntaxErrorIsReportedAtItsPosition() throws Exception {
        Path spec = NamingTest.fixture("broken-syntax.arazzo.yaml");

        GenerationResult result = generate(spec);

        assertEquals(1, result.diagnostics().size(), result.diagnostics().toString());
        Diagnostic syntax = result.diagnostics().get(0);
        assertEquals("syntax-error", syntax.code());
        assertEquals(spec, syntax.location().file());
        assertEquals(spec + ":6:7: error: [syntax-error] the document is not valid YAML: expected the node content, "
                + "but found '-' (while parsing a flow node)", syntax.toString());
        assertEquals(0, countFiles(output));
    }

    @Test
    void missingSpecFileIsADiagnosticNotAnException() {
        Path spec = output.resolve("absent.arazzo.yaml");

        GenerationResult result = generate(spec);

        assertEquals(List.of(spec + ":1:1: error: [file-not-found] file '" + spec + "' does not exist; check the path"),
                messages(result));
    }

    @Test
    void anErrorInOneSpecStopsWritingForAll() throws Exception {
        GenerationResult result = ArazzoCodegen.generate(GenerationRequest.builder()
                .spec(NamingTest.fixture("naming.arazzo.yaml"))
                .spec(NamingTest.fixture("broken-references.arazzo.yaml"))
                .outputDirectory(output).packageName("com.example").build());

        assertTrue(result.hasErrors());
        assertEquals(0, countFiles(output));
    }

    private GenerationResult generate(Path spec) {
        return ArazzoCodegen.generate(GenerationRequest.builder().spec(spec).outputDirectory(output)
                .packageName("com.example").build());
    }

    private static List<String> messages(GenerationResult result) {
        return result.diagnostics().stream().map(Diagnostic::toString).toList();
    }

    private static long countFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
