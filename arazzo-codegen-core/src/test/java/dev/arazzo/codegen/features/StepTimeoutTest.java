package dev.arazzo.codegen.features;

import static dev.arazzo.codegen.testing.GeneratedCode.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arazzo.codegen.ArazzoCodegen;
import dev.arazzo.codegen.GenerationRequest;
import dev.arazzo.codegen.GenerationResult;
import dev.arazzo.codegen.diagnostic.Diagnostic;
import dev.arazzo.codegen.testing.GeneratedCode;
import dev.arazzo.codegen.testing.RecordingServer.Response;
import dev.arazzo.codegen.testing.Scenario;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Arazzo 1.1 step {@code timeout}: the time covers one execution of the step (its request and the whole
 * response); a step that has not completed in time fails, and its failure actions apply.
 */
class StepTimeoutTest extends ScenarioTest {

    private static final String HEADER = """
            arazzo: 1.1.0
            info: {title: Timeouts, version: '1'}
            sourceDescriptions:
              - {name: things, url: things-openapi.yaml, type: openapi}
            """;
    private static final Response READY = Response.json(200, "{\"state\":\"ready\",\"count\":3}");

    private Object execute(GeneratedCode code, String workflowClass) {
        return call(scenario.client(code, workflowClass), "execute", Scenario.inputs(code, workflowClass, Map.of()));
    }

    private List<String> paths() {
        return scenario.server().requests().stream().map(r -> r.method() + " " + r.path()
                + (r.query() == null ? "" : "?" + r.query())).toList();
    }

    @Test
    void aStepThatTimesOutIsRetriedByItsFailureAction() {
        GeneratedCode code = scenario.generate(HEADER + """
                workflows:
                  - workflowId: patient
                    steps:
                      - stepId: status
                        operationId: getStatus
                        timeout: 150
                        successCriteria: [{condition: $statusCode == 200}]
                        onFailure:
                          - {name: again, type: retry, retryAfter: 0, retryLimit: 2}
                        outputs: {count: $response.body#/count}
                    outputs: {count: $steps.status.outputs.count}
                """);
        scenario.server().on("GET", "/status", READY).delay("GET", "/status", 700);

        Object result = execute(code, "PatientWorkflow");

        assertEquals("Completed", result.getClass().getSimpleName());
        assertEquals(3, call(call(result, "outputs"), "count"));
        assertEquals(List.of("GET /status", "GET /status"), paths());
    }

    @Test
    void aStepThatTimesOutWithoutFailureActionsFailsTheRunNamingTheTimeout() {
        GeneratedCode code = scenario.generate(HEADER + """
                workflows:
                  - workflowId: hasty
                    steps:
                      - stepId: status
                        operationId: getStatus
                        timeout: 120
                      - stepId: thing
                        operationId: getThing
                        parameters: [{name: id, in: path, value: t1}]
                """);
        scenario.server().on("GET", "/status", READY).delay("GET", "/status", 500, 500);

        Object result = execute(code, "HastyWorkflow");

        assertEquals("Failed", result.getClass().getSimpleName());
        assertEquals("status", call(result, "stepId"));
        assertEquals(0, call(result, "statusCode"));
        assertEquals("timeout: the step did not complete within 120 ms", call(result, "failedCriterion"));
        assertEquals(List.of("GET /status"), paths());
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> call(scenario.client(code,
                "HastyWorkflow"), "status", Scenario.inputs(code, "HastyWorkflow", Map.of())));
        assertEquals("StepFailedException", thrown.getClass().getSimpleName());
        assertEquals("timeout: the step did not complete within 120 ms", call(thrown, "failedCriterion"));
    }

    @Test
    void aFailureActionWithCriteriaOnTheStatusIsNotTakenOnATimeoutButOneWithoutIs() {
        GeneratedCode code = scenario.generate(HEADER + """
                workflows:
                  - workflowId: fallback
                    steps:
                      - stepId: status
                        operationId: getStatus
                        timeout: 120
                        onFailure:
                          - {name: busy, type: goto, stepId: busy, criteria: [{condition: $statusCode == 503}]}
                          - {name: slow, type: goto, stepId: cached}
                      - stepId: busy
                        operationId: getThing
                        parameters: [{name: id, in: path, value: busy}]
                        onSuccess: [{name: stop, type: end}]
                      - stepId: cached
                        operationId: getThing
                        parameters: [{name: id, in: path, value: cached}]
                        outputs: {name: $response.body#/name}
                    outputs: {name: $steps.cached.outputs.name}
                """);
        scenario.server().on("GET", "/status", READY).delay("GET", "/status", 500);
        scenario.server().on("GET", "/things/cached", Response.json(200, "{\"name\":\"from cache\"}"));

        Object result = execute(code, "FallbackWorkflow");

        assertEquals("Completed", result.getClass().getSimpleName());
        assertEquals("from cache", call(call(result, "outputs"), "name"));
        assertEquals(List.of("GET /status", "GET /things/cached"), paths());
    }

    @Test
    void eachExecutionOfTheStepHasTheWholeTimeoutItsRetriesAndWaitsAreNotCounted() {
        GeneratedCode code = scenario.generate(HEADER + """
                workflows:
                  - workflowId: steady
                    steps:
                      - stepId: status
                        operationId: getStatus
                        timeout: 700
                        successCriteria: [{condition: $statusCode == 200}]
                        onFailure:
                          - {name: again, type: retry, retryAfter: 0.1, retryLimit: 1}
                """);
        scenario.server().on("GET", "/status", Response.json(503, "{}"), READY)
                .delay("GET", "/status", 450, 450);

        Object result = execute(code, "SteadyWorkflow");

        assertEquals("Completed", result.getClass().getSimpleName(), "over 1000 ms in all, but 450 ms per execution");
        assertEquals(List.of("GET /status", "GET /status"), paths());
    }

    @Test
    void aTimeoutThatIsNotPositiveIsALocatedError() {
        Path spec = scenario.write("workflow.arazzo.yaml", HEADER + """
                workflows:
                  - workflowId: outer
                    steps:
                      - stepId: zero
                        operationId: getStatus
                        timeout: 0
                """);
        GenerationResult result = ArazzoCodegen.generate(GenerationRequest.builder().spec(spec)
                .outputDirectory(directory.resolve("generated")).packageName(GeneratedCode.PACKAGE).build());

        assertEquals(List.of(
                spec + ":10:18: error: [invalid-field] timeout of step 'zero' is 0; give a positive number of "
                        + "milliseconds"),
                result.diagnostics().stream().map(Diagnostic::toString).toList());
        assertTrue(result.files().isEmpty());
    }
}
