package dev.arazzo.codegen.emit;

import static dev.arazzo.codegen.testing.GeneratedCode.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arazzo.codegen.ArazzoCodegen;
import dev.arazzo.codegen.testing.GeneratedCode;
import dev.arazzo.codegen.testing.RecordingServer.Response;
import dev.arazzo.codegen.testing.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run loop checks that a step's inputs from earlier steps exist only where the step graph lets
 * the step run without them; the generated class names the generator.
 */
class RunFlowTest {

    @TempDir
    Path directory;

    private Scenario scenario;
    private GeneratedCode code;

    @BeforeEach
    void generate() {
        scenario = Scenario.in(directory);
        // 'status' failing with 503 goes to 'read', skipping 'thing', whose outputs 'read' needs
        code = scenario.generate("""
                arazzo: 1.0.1
                info: {title: Flow, version: '1'}
                sourceDescriptions:
                  - {name: things, url: things-openapi.yaml, type: openapi}
                workflows:
                  - workflowId: skips
                    steps:
                      - stepId: status
                        operationId: getStatus
                        outputs: {state: $response.body#/state}
                        onFailure:
                          - {name: around, type: goto, stepId: read, criteria: [{condition: $statusCode == 503}]}
                      - stepId: thing
                        operationId: getThing
                        parameters: [{name: id, in: path, value: $steps.status.outputs.state}]
                        outputs: {id: $response.body#/id}
                      - stepId: read
                        operationId: getThing
                        parameters: [{name: id, in: path, value: $steps.thing.outputs.id}]
                """);
    }

    @AfterEach
    void close() {
        scenario.close();
    }

    @Test
    void aStepReachedAroundTheStepItReadsFailsTheRunNamingBoth() {
        scenario.server().on("GET", "/status", Response.json(503, "{}"));

        RuntimeException failure = assertThrows(RuntimeException.class, () -> call(scenario.client(code,
                "SkipsWorkflow"), "run", Scenario.inputs(code, "SkipsWorkflow", Map.of())));

        assertEquals("WorkflowException", failure.getClass().getSimpleName());
        assertEquals("step 'read' reads the outputs of step 'thing', which has not run", failure.getMessage());
    }

    @Test
    void onlyTheReadsThatTheStepGraphDoesNotProveAreChecked() throws IOException {
        String source = source("SkipsWorkflow");

        assertTrue(source.contains("if (thing == null) {"), source);
        assertFalse(source.contains("if (status == null) {"), "only 'status' leads to 'thing':\n" + source);
    }

    @Test
    void theGeneratedAnnotationNamesTheGeneratorClass() throws IOException {
        assertEquals(ArazzoCodegen.class.getName(), WorkflowEmitter.GENERATOR);
        assertTrue(source("SkipsWorkflow").contains("value = \"dev.arazzo.codegen.ArazzoCodegen\""));
    }

    private String source(String simpleName) throws IOException {
        return Files.readString(code.result().files().stream()
                .filter(f -> f.qualifiedName().equals(GeneratedCode.PACKAGE + "." + simpleName))
                .findFirst().orElseThrow().path());
    }
}
