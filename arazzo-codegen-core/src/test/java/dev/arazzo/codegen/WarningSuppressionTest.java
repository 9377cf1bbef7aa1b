package dev.arazzo.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arazzo.codegen.diagnostic.Diagnostic;
import dev.arazzo.codegen.diagnostic.SourceLocation;
import dev.arazzo.codegen.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Warnings a build leaves out by code, or by code and file; errors stay, and warningsAsErrors spares the rest. */
class WarningSuppressionTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} on {1}: {2}")
    @CsvSource({
        "unknown-step, /p/vendor/bnpl-arazzo.yaml, true",
        "unknown-step@bnpl-arazzo.yaml, /p/vendor/bnpl-arazzo.yaml, true",
        "unknown-step@vendor/bnpl-arazzo.yaml, /p/vendor/bnpl-arazzo.yaml, true",
        "unknown-step@other/bnpl-arazzo.yaml, /p/vendor/bnpl-arazzo.yaml, false",
        "unknown-step@arazzo.yaml, /p/vendor/bnpl-arazzo.yaml, false",
        "unknown-step@shop.arazzo.yaml, /p/vendor/bnpl-arazzo.yaml, false",
        "legacy-expression, /p/vendor/bnpl-arazzo.yaml, false",
        "' unknown-step ', /p/vendor/bnpl-arazzo.yaml, true",
    })
    void aSuppressionMatchesItsCodeAndTheEndOfTheFilePath(String suppression, String file, boolean matches) {
        Diagnostic warning = Diagnostic.warning("unknown-step", new SourceLocation(Path.of(file), 3, 7, "/x"), "m");

        assertEquals(matches, WarningSuppression.matches(suppression, warning));
    }

    @Test
    void errorsAreNeverLeftOut() {
        Diagnostic error = Diagnostic.error("unknown-step", new SourceLocation(Path.of("/a.yaml"), 3, 7, "/x"), "m");

        assertFalse(WarningSuppression.matches("unknown-step", error));
        assertEquals(List.of(error), WarningSuppression.filter(List.of(error), List.of("unknown-step")));
    }

    @ParameterizedTest(name = "''{0}'' is refused")
    @CsvSource({"''", "Unknown Step", "@file.yaml", "unknown-step@", "unknown_step"})
    void malformedSuppressionsAreConfigurationErrors(String suppression) throws Exception {
        Path spec = Fixtures.fixture("naming.arazzo.yaml");

        List<Diagnostic> problems = ArazzoCodegen.checkConfiguration(GenerationRequest.builder().spec(spec)
                .outputDirectory(dir).packageName("com.example").suppressWarning(suppression).build());

        assertEquals(1, problems.size(), problems.toString());
        assertEquals("invalid-suppression", problems.get(0).code());
        assertTrue(problems.get(0).message().contains("'" + suppression.strip() + "'"), problems.get(0).message());
    }

    @Test
    void aSuppressedWarningIsNeitherReportedNorMadeAnError() throws Exception {
        Path spec = documentWithAnUnknownStep();
        GenerationRequest.Builder request = GenerationRequest.builder().spec(spec).outputDirectory(dir.resolve("out"))
                .packageName("com.example.shop").warningsAsErrors(true);

        GenerationResult loud = ArazzoCodegen.generate(request.build());
        assertTrue(loud.hasErrors(), loud.diagnostics().toString());
        assertEquals(List.of("unknown-step"), loud.diagnostics().stream().map(Diagnostic::code).toList());

        GenerationResult quiet = ArazzoCodegen.generate(request.suppressWarning("unknown-step@shop.arazzo.yaml").build());
        assertEquals(List.of(), quiet.diagnostics());
        assertFalse(quiet.files().isEmpty(), "generated once the only warning is left out");
    }

    private Path documentWithAnUnknownStep() throws Exception {
        Files.copy(Fixtures.fixture("shop-openapi.yaml"), dir.resolve("shop-openapi.yaml"));
        String naming = Files.readString(Fixtures.fixture("naming.arazzo.yaml"));
        String broken = naming.replace("""
                        successCriteria:
                          - condition: $statusCode == 201
                """, """
                        successCriteria:
                          - condition: $statusCode == 201
                        onSuccess:
                          - {name: next, type: goto, stepId: nowhere}
                """);
        assertFalse(broken.equals(naming));
        return Files.writeString(dir.resolve("shop.arazzo.yaml"), broken);
    }
}
