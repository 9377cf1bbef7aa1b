package dev.arazzo.codegen.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arazzo.codegen.ArazzoCodegen;
import dev.arazzo.codegen.GenerationRequest;
import dev.arazzo.codegen.GenerationResult;
import dev.arazzo.codegen.diagnostic.Diagnostic;
import dev.arazzo.codegen.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A response value compared with a literal of another type than its OpenAPI schema says: a warning at the literal. */
class ComparisonCheckerTest {

    @TempDir
    Path output;

    @Test
    void literalsOfTheWrongTypeAreWarnedAboutAtTheLiteral() throws Exception {
        Path spec = Fixtures.fixture("comparisons.arazzo.yaml");

        GenerationResult result = generate(spec, false);

        assertEquals(List.of(
                spec + ":11:49: warning: [type-mismatch] '$response.body#/count' is an integer in the response schema "
                        + "of operation 'getStatus', but is compared with the string '5'; write the literal without "
                        + "quotes: 5",
                spec + ":12:49: warning: [type-mismatch] '$response.body#/state' is a string in the response schema of "
                        + "operation 'getStatus', but is compared with the number 5; quote the literal: '5'",
                spec + ":12:79: warning: [type-mismatch] '$response.body#/ready' is a boolean in the response schema of "
                        + "operation 'getStatus', but is compared with the string 'true'; write the literal without "
                        + "quotes: true",
                spec + ":20:25: warning: [type-mismatch] '$steps.status.outputs.count' is an integer in the response "
                        + "schema of operation 'getStatus', but is compared with the string '3'; write the literal "
                        + "without quotes: 3",
                spec + ":25:60: warning: [type-mismatch] '$response.body#/name' is a string in the response schema of "
                        + "operation 'getThing', but is compared with the number 7; quote the literal: '7'"),
                result.diagnostics().stream().map(Diagnostic::toString).toList());
    }

    @Test
    void warningsAsErrorsTurnsTypeMismatchesIntoErrors() throws Exception {
        GenerationResult result = generate(Fixtures.fixture("comparisons.arazzo.yaml"), true);

        assertEquals(5, result.diagnostics().size());
        assertTrue(result.diagnostics().stream().allMatch(d -> d.isError() && d.code().equals("type-mismatch")));
        assertTrue(result.files().isEmpty());
    }

    private GenerationResult generate(Path spec, boolean warningsAsErrors) {
        return ArazzoCodegen.generate(GenerationRequest.builder().spec(spec).outputDirectory(output)
                .packageName("com.example").warningsAsErrors(warningsAsErrors).build());
    }
}
