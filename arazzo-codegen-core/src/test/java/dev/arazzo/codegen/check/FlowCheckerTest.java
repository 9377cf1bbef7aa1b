package dev.arazzo.codegen.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arazzo.codegen.ArazzoCodegen;
import dev.arazzo.codegen.GenerationRequest;
import dev.arazzo.codegen.GenerationResult;
import dev.arazzo.codegen.diagnostic.Diagnostic;
import dev.arazzo.codegen.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Steps that can never run and goto loops that nothing leaves are warnings at the step or action; a step
 * reached only by a goto and a polling loop with an exit are not.
 */
class FlowCheckerTest {

    @TempDir
    Path output;

    @Test
    void unreachableStepsAndUnconditionalGotoLoopsAreWarnedAboutWithLineAndColumn() throws Exception {
        Path spec = Fixtures.fixture("flow.arazzo.yaml");

        GenerationResult result = generate(spec, false);

        assertEquals(List.of(
                spec + ":16:17: warning: [unreachable-step] step 'orphan' can never run: step 'start' before it always "
                        + "ends the workflow when it succeeds (action 'finish' has no criteria) and no goto or retry "
                        + "names 'orphan'; give action 'finish' criteria, go to 'orphan' from another step, or remove it",
                spec + ":18:17: warning: [unreachable-step] step 'after-orphan' can never run: no step that can run goes "
                        + "to it; go to 'after-orphan' from a step that runs, or remove it",
                spec + ":29:46: warning: [goto-cycle] steps 'poll' -> 'again' -> 'poll' go round forever while they "
                        + "succeed: no action on the way has criteria, so only the step budget stops the workflow; give "
                        + "action 'back' criteria, or add an 'end' action with criteria before it"),
                messages(result));
        assertFalse(result.hasErrors());
        assertFalse(result.files().isEmpty());
    }

    @Test
    void warningsAsErrorsTurnsFlowWarningsIntoErrorsAndNothingIsWritten() throws Exception {
        Path spec = Fixtures.fixture("flow.arazzo.yaml");

        GenerationResult result = generate(spec, true);

        assertEquals(List.of("unreachable-step", "unreachable-step", "goto-cycle"),
                result.diagnostics().stream().map(Diagnostic::code).toList());
        assertTrue(result.diagnostics().stream().allMatch(Diagnostic::isError));
        assertTrue(result.files().isEmpty());
        try (Stream<Path> files = Files.walk(output)) {
            assertEquals(0, files.filter(Files::isRegularFile).count());
        }
    }

    @Test
    void aStepAfterAGotoElsewhereIsUnreachableAndARetryOfAnEarlierStepIsNoLoop() throws Exception {
        Path spec = output.resolve("goto.arazzo.yaml");
        Files.writeString(spec, """
                arazzo: 1.0.1
                info: {title: Goto, version: '1'}
                sourceDescriptions:
                  - {name: things, url: things-openapi.yaml, type: openapi}
                workflows:
                  - workflowId: jumps
                    steps:
                      - stepId: first
                        operationId: getStatus
                        onSuccess: [{name: jump, type: goto, stepId: third}]
                      - stepId: second
                        operationId: getStatus
                      - stepId: third
                        operationId: getStatus
                        onFailure: [{name: again, type: retry, stepId: first, retryLimit: 3}]
                """);
        Files.copy(Fixtures.fixture("things-openapi.yaml"), output.resolve("things-openapi.yaml"));

        GenerationResult result = generate(spec, false);

        assertEquals(List.of(spec + ":11:17: warning: [unreachable-step] step 'second' can never run: step 'first' "
                + "before it always goes to step 'third' when it succeeds (action 'jump' has no criteria) and no goto or "
                + "retry names 'second'; give action 'jump' criteria, go to 'second' from another step, or remove it"),
                messages(result));
    }

    private GenerationResult generate(Path spec, boolean warningsAsErrors) {
        return ArazzoCodegen.generate(GenerationRequest.builder().spec(spec).outputDirectory(output.resolve("out"))
                .packageName("com.example").warningsAsErrors(warningsAsErrors).build());
    }

    private static List<String> messages(GenerationResult result) {
        return result.diagnostics().stream().map(Diagnostic::toString).toList();
    }
}
