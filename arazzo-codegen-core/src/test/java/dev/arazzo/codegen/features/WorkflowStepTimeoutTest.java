package dev.arazzo.codegen.features;

import static dev.arazzo.codegen.testing.GeneratedCode.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arazzo.codegen.testing.GeneratedCode;
import dev.arazzo.codegen.testing.RecordingServer.Response;
import dev.arazzo.codegen.testing.Scenario;
import dev.arazzo.runtime.StepTimeoutException;
import dev.arazzo.runtime.WorkflowListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Arazzo 1.1 step {@code timeout} on a step that runs a workflow: the time covers the called workflow's whole
 * run (its steps, their retries and waits, the workflows they call); when it elapses the called run is
 * aborted (no request of it starts after that, the exchange in flight is abandoned) and the calling step
 * fails, its failure actions applying.
 */
class WorkflowStepTimeoutTest extends ScenarioTest {

    private static final String HEADER = """
            arazzo: 1.1.0
            info: {title: Workflow timeouts, version: '1'}
            sourceDescriptions:
              - {name: things, url: things-openapi.yaml, type: openapi}
            """;
    /** A called workflow of three steps: the second is the slow one in these tests, the third comes after. */
    private static final String INNER = """
              - workflowId: inner
                steps:
                  - stepId: status
                    operationId: getStatus
                  - stepId: slow
                    operationId: getThing
                    parameters: [{name: id, in: path, value: slow}]
                  - stepId: after
                    operationId: getThing
                    parameters: [{name: id, in: path, value: after}]
                    outputs: {name: $response.body#/name}
                outputs: {name: $steps.after.outputs.name}
            """;
    private static final Response READY = Response.json(200, "{\"state\":\"ready\",\"count\":3}");

    private Object execute(GeneratedCode code, String workflowClass) {
        return call(scenario.client(code, workflowClass), "execute", Scenario.inputs(code, workflowClass, Map.of()));
    }

    private List<String> paths() {
        return scenario.server().requests().stream().map(r -> r.method() + " " + r.path()).toList();
    }

    /**
     * Runs the workflow once against quick answers and forgets it, so that loading classes and opening the
     * first connection do not eat into the timeouts of the run under test.
     */
    private GeneratedCode warm(GeneratedCode code, String workflowClass) {
        scenario.server().on("GET", "/status", READY);
        for (String id : List.of("slow", "after", "cached", "rescue")) {
            thing(id, id);
        }
        for (int run = 0; run < 5; run++) {
            Object result = execute(code, workflowClass);
            if (result.getClass().getSimpleName().equals("Completed")) {
                break;
            }
        }
        try {
            Thread.sleep(100); // an exchange abandoned while warming reaches the server before it forgets
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scenario.server().clear();
        return code;
    }

    private void thing(String id, String name) {
        scenario.server().on("GET", "/things/" + id, Response.json(200, "{\"name\":\"" + name + "\"}"));
    }

    @Test
    void aCalledWorkflowThatOverrunsIsAbortedAndTheCallingStepsFailureGotoIsTaken() {
        GeneratedCode code = warm(scenario.generate(HEADER + """
                workflows:
                  - workflowId: outer
                    steps:
                      - stepId: nested
                        workflowId: inner
                        timeout: 300
                        onFailure:
                          - {name: slowInner, type: goto, stepId: fallback}
                        outputs: {name: $outputs.name}
                        onSuccess: [{name: done, type: end}]
                      - stepId: fallback
                        operationId: getThing
                        parameters: [{name: id, in: path, value: cached}]
                        outputs: {name: $response.body#/name}
                    outputs: {name: $steps.fallback.outputs.name}
                """ + INNER), "OuterWorkflow");
        // far longer than the timeout: had the run awaited the answer, the server would have sent it
        scenario.server().on("GET", "/status", READY).delay("GET", "/things/slow", 20_000);
        thing("slow", "slow");
        thing("after", "after");
        thing("cached", "from cache");
        List<String> heard = Collections.synchronizedList(new ArrayList<>());
        Object builder = call(code.type("OuterWorkflow"), "builder");
        call(builder, "baseUri", scenario.server().baseUri());
        call(builder, "listener", new WorkflowListener() {
            @Override
            public void stepFinished(String workflowId, String stepId, int statusCode, Duration duration) {
                heard.add(workflowId + "/" + stepId + " " + statusCode);
            }
        });
        Object client = call(builder, "build");

        Object result = call(client, "execute", Scenario.inputs(code, "OuterWorkflow", Map.of()));

        assertEquals("Completed", result.getClass().getSimpleName());
        assertEquals("from cache", call(call(result, "outputs"), "name"));
        assertEquals(List.of("GET /status", "GET /things/slow", "GET /things/cached"), paths(),
                "the called workflow's step after the deadline is never sent");
        assertEquals(List.of("inner/status 200", "inner/slow 0", "outer/fallback 200"), heard,
                "the abandoned exchange is heard with status 0");
        assertEquals(List.of("GET /status", "GET /things/cached"), scenario.server().answered(),
                "the slow exchange was abandoned at the deadline, not awaited");
    }

    @Test
    void theCallingStepsRetryRunsTheCalledWorkflowAgainWithTheWholeTimeout() {
        GeneratedCode code = warm(scenario.generate(HEADER + """
                workflows:
                  - workflowId: outer
                    steps:
                      - stepId: nested
                        workflowId: inner
                        timeout: 300
                        onFailure:
                          - {name: again, type: retry, retryAfter: 0, retryLimit: 1}
                        outputs: {name: $outputs.name}
                    outputs: {name: $steps.nested.outputs.name}
                """ + INNER), "OuterWorkflow");
        scenario.server().on("GET", "/status", READY).delay("GET", "/things/slow", 900, 50);
        thing("slow", "slow");
        thing("after", "after");

        Object result = execute(code, "OuterWorkflow");

        assertEquals("Completed", result.getClass().getSimpleName());
        assertEquals("after", call(call(result, "outputs"), "name"));
        assertEquals(List.of("GET /status", "GET /things/slow", "GET /status", "GET /things/slow",
                "GET /things/after"), paths());
    }

    @Test
    void withoutFailureActionsTheRunFailsAtTheCallingStepNamingTheTimeoutAndItHasNoOutputs() {
        GeneratedCode code = warm(scenario.generate(HEADER + """
                workflows:
                  - workflowId: outer
                    steps:
                      - stepId: nested
                        workflowId: inner
                        timeout: 300
                        outputs: {name: $outputs.name}
                    outputs: {name: $steps.nested.outputs.name}
                """ + INNER), "OuterWorkflow");
        scenario.server().on("GET", "/status", READY).delay("GET", "/things/slow", 900, 900);
        thing("slow", "slow");

        Object result = execute(code, "OuterWorkflow");

        assertEquals("Failed", result.getClass().getSimpleName());
        assertEquals("nested", call(result, "stepId"));
        assertEquals(0, call(result, "statusCode"));
        assertEquals("timeout: the step did not complete within 300 ms", call(result, "failedCriterion"));
        assertEquals(List.of("GET /status", "GET /things/slow"), paths());

        StepTimeoutException thrown = assertThrows(StepTimeoutException.class, () -> call(scenario.client(code,
                "OuterWorkflow"), "nested", Scenario.inputs(code, "OuterWorkflow", Map.of())));
        assertEquals("nested", thrown.stepId());
        assertEquals("timeout: the step did not complete within 300 ms", thrown.failedCriterion());
    }

    @Test
    void aCallersEarlierDeadlineAbortsTheNestedRunWithoutTheInnerStepsFailureActions() {
        GeneratedCode code = warm(scenario.generate(HEADER + """
                workflows:
                  - workflowId: outer
                    steps:
                      - stepId: nested
                        workflowId: middle
                        timeout: 300
                  - workflowId: middle
                    steps:
                      - stepId: deeper
                        workflowId: inner
                        timeout: 5000
                        onFailure:
                          - {name: rescue, type: goto, stepId: rescue}
                        onSuccess: [{name: done, type: end}]
                      - stepId: rescue
                        operationId: getThing
                        parameters: [{name: id, in: path, value: rescue}]
                """ + INNER), "OuterWorkflow");
        scenario.server().on("GET", "/status", READY).delay("GET", "/things/slow", 900);
        thing("slow", "slow");
        thing("rescue", "rescue");

        Object result = execute(code, "OuterWorkflow");

        assertEquals("Failed", result.getClass().getSimpleName());
        assertEquals("nested", call(result, "stepId"));
        assertEquals("timeout: the step did not complete within 300 ms", call(result, "failedCriterion"));
        assertEquals(List.of("GET /status", "GET /things/slow"), paths(), "the middle step's goto is not taken");
    }

    @Test
    void aNestedStepsEarlierDeadlineFailsThatStepAndItsFailureActionsApply() {
        GeneratedCode code = warm(scenario.generate(HEADER + """
                workflows:
                  - workflowId: outer
                    steps:
                      - stepId: nested
                        workflowId: middle
                        timeout: 3000
                        outputs: {rescued: $outputs.rescued}
                    outputs: {rescued: $steps.nested.outputs.rescued}
                  - workflowId: middle
                    steps:
                      - stepId: deeper
                        workflowId: inner
                        timeout: 300
                        onFailure:
                          - {name: rescue, type: goto, stepId: rescue}
                        onSuccess: [{name: done, type: end}]
                      - stepId: rescue
                        operationId: getThing
                        parameters: [{name: id, in: path, value: rescue}]
                        outputs: {name: $response.body#/name}
                    outputs: {rescued: $steps.rescue.outputs.name}
                """ + INNER), "OuterWorkflow");
        scenario.server().on("GET", "/status", READY).delay("GET", "/things/slow", 900);
        thing("slow", "slow");
        thing("rescue", "rescued");

        Object result = execute(code, "OuterWorkflow");

        assertEquals("Completed", result.getClass().getSimpleName());
        assertEquals("rescued", call(call(result, "outputs"), "rescued"));
        assertEquals(List.of("GET /status", "GET /things/slow", "GET /things/rescue"), paths());
    }

    @Test
    void aCalledStepThatRetriesPastTheDeadlineStopsRetrying() {
        GeneratedCode code = patient("retryAfter: 0.2, retryLimit: 10");

        long started = System.nanoTime();
        Object result = execute(code, "OuterWorkflow");
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertEquals("Failed", result.getClass().getSimpleName());
        assertEquals("nested", call(result, "stepId"));
        assertEquals("timeout: the step did not complete within 300 ms", call(result, "failedCriterion"));
        assertEquals(List.of("GET /status", "GET /status"), paths(), "the wait at 200 ms runs past 300 ms");
        assertTrue(tookMillis >= 290, "the run lasts until the deadline: " + tookMillis);
    }

    @Test
    void aRetryWaitThatRunsPastTheDeadlineIsCutAtTheDeadline() {
        GeneratedCode code = patient("retryAfter: 20, retryLimit: 1");

        long started = System.nanoTime();
        Object result = execute(code, "OuterWorkflow");
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertEquals("Failed", result.getClass().getSimpleName());
        assertEquals("timeout: the step did not complete within 300 ms", call(result, "failedCriterion"));
        assertEquals(List.of("GET /status"), paths(), "the retry after 20 s is never sent");
        // the uncut wait would take 20 s; the bound is 60 times the deadline, so load does not make it fail
        assertTrue(tookMillis < 18_000, "the 20 s wait ends at the 300 ms deadline, not after it: " + tookMillis);
    }

    /**
     * {@code outer}, whose step of 300 ms calls {@code patient}: one step that retries as {@code retry} says, and
     * from now on fails with 503 every time.
     */
    private GeneratedCode patient(String retry) {
        GeneratedCode code = warm(scenario.generate(HEADER + """
                workflows:
                  - workflowId: outer
                    steps:
                      - stepId: nested
                        workflowId: patient
                        timeout: 300
                  - workflowId: patient
                    steps:
                      - stepId: status
                        operationId: getStatus
                        successCriteria: [{condition: $statusCode == 200}]
                        onFailure:
                          - {name: again, type: retry, %s}
                """.formatted(retry)), "OuterWorkflow");
        scenario.server().on("GET", "/status", Response.json(503, "{}"));
        return code;
    }
}
