package dev.arazzo.codegen.features;

import static dev.arazzo.codegen.testing.GeneratedCode.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arazzo.codegen.testing.GeneratedCode;
import dev.arazzo.codegen.testing.RecordingServer.Response;
import dev.arazzo.codegen.testing.Scenario;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Success and failure actions, workflow steps, dependsOn and the step budget, run against a local server. */
class ControlFlowTest extends ScenarioTest {

    private static final String HEADER = """
            arazzo: 1.0.1
            info: {title: Control flow, version: '1'}
            sourceDescriptions:
              - {name: things, url: things-openapi.yaml, type: openapi}
            """;
    private static final Response READY = Response.json(200, "{\"state\":\"ready\",\"count\":3}");
    private static final Response BUSY = Response.json(503, "{\"state\":\"busy\"}");

    private Object run(GeneratedCode code, String workflowClass, Map<String, Object> inputs) {
        return call(scenario.client(code, workflowClass), "run", Scenario.inputs(code, workflowClass, inputs));
    }

    private List<String> paths() {
        return scenario.server().requests().stream().map(r -> r.method() + " " + r.path()).toList();
    }

    @Test
    void endReturnsEarlyWithOutputsOfStepsNotRunAsNull() {
        GeneratedCode code = scenario.generate(HEADER + """
                workflows:
                  - workflowId: ends
                    steps:
                      - stepId: status
                        operationId: getStatus
                        outputs: {state: $response.body#/state}
                        onSuccess:
                          - name: done
                            type: end
                            criteria: [{condition: $response.body#/state == 'READY'}]
                      - stepId: thing
                        operationId: getThing
                        parameters: [{name: id, in: path, value: t1}]
                        outputs: {name: $response.body#/name}
                    outputs:
                      state: $steps.status.outputs.state
                      name: $steps.thing.outputs.name
                """);
        scenario.server().on("GET", "/status", READY);

        Object outputs = run(code, "EndsWorkflow", Map.of());

        assertEquals("ready", call(outputs, "state"));
        assertNull(call(outputs, "name"));
        assertEquals(List.of("GET /status"), paths());
    }

    @Test
    void gotoJumpsToTheNamedStepAndTheFirstMatchingActionWins() {
        GeneratedCode code = scenario.generate(HEADER + """
                workflows:
                  - workflowId: jumps
                    steps:
                      - stepId: status
                        operationId: getStatus
                        onSuccess:
                          - name: never
                            type: goto
                            stepId: second
                            criteria: [{condition: $response.body#/count > 10}]
                          - name: skip
                            type: goto
                            stepId: third
                            criteria: [{condition: $response.body#/count >= 3}]
                          - name: alsoMatches
                            type: goto
                            stepId: second
                      - stepId: second
                        operationId: getThing
                        parameters: [{name: id, in: path, value: two}]
                      - stepId: third
                        operationId: getThing
                        parameters: [{name: id, in: path, value: three}]
                """);
        scenario.server().on("GET", "/status", READY);
        scenario.server().on("GET", "/things/three", Response.json(200, "{}"));

        run(code, "JumpsWorkflow", Map.of());

        assertEquals(List.of("GET /status", "GET /things/three"), paths());
    }

    @Test
    void aStepInAGotoLoopReadsItsOwnOutputsOfTheExecutionBefore() {
        GeneratedCode code = scenario.generate(HEADER + """
                workflows:
                  - workflowId: pages
                    steps:
                      - stepId: page
                        operationId: getThing
                        parameters:
                          - {name: id, in: path, value: list}
                          - {name: q, in: query, value: $steps.page.outputs.next}
                        outputs: {next: $response.body#/name}
                        onSuccess:
                          - {name: more, type: goto, stepId: page, criteria: [{condition: $response.body#/name != null}]}
                """);
        scenario.server().on("GET", "/things/list", Response.json(200, "{\"name\":\"p2\"}"),
                Response.json(200, "{\"name\":\"p3\"}"), Response.json(200, "{}"));

        run(code, "PagesWorkflow", Map.of());

        assertEquals(java.util.Arrays.asList(null, "q=p2", "q=p3"),
                scenario.server().requests().stream().map(r -> r.query()).toList());
    }

    @Test
    void aGotoToAMissingStepIsAWarningAndFailsTheRunOnlyWhenTaken() {
        GeneratedCode code = scenario.generate(HEADER + """
                workflows:
                  - workflowId: dangling
                    steps:
                      - stepId: status
                        operationId: getStatus
                        onSuccess:
                          - name: lost
                            type: goto
                            stepId: nowhere
                            criteria: [{condition: $response.body#/state == 'lost'}]
                """);
        assertEquals(List.of("unknown-step"), code.result().diagnostics().stream()
                .filter(d -> !d.isError()).map(d -> d.code()).filter(c -> c.equals("unknown-step")).toList());
        scenario.server().on("GET", "/status", READY);
        run(code, "DanglingWorkflow", Map.of());

        scenario.server().on("GET", "/status", Response.json(200, "{\"state\":\"lost\"}"));
        RuntimeException taken = assertThrows(RuntimeException.class, () -> run(code, "DanglingWorkflow", Map.of()));
        assertEquals("action 'lost' of step 'status' goes to step 'nowhere', which workflow 'dangling' does not have",
                taken.getMessage());
    }

    @Test
    void retryRepeatsTheStepUpToItsLimitThenLaterFailureActionsApply() {
        GeneratedCode code = scenario.generate(HEADER + """
                workflows:
                  - workflowId: retries
                    steps:
                      - stepId: status
                        operationId: getStatus
                        successCriteria: [{condition: $statusCode == 200}]
                        outputs: {state: $response.body#/state}
                        onFailure:
                          - {name: again, type: retry, retryAfter: 0.01, criteria: [{condition: $statusCode == 503}]}
                          - {name: giveUp, type: end}
                    outputs:
                      state: $steps.status.outputs.state
                """);
        scenario.server().on("GET", "/status", BUSY, BUSY, READY);

        Object outputs = run(code, "RetriesWorkflow", Map.of());

        assertEquals(List.of("GET /status", "GET /status"), paths(), "retryLimit defaults to 1");
        assertNull(call(outputs, "state"), "the end action applied once the retry was spent");
    }

    @Test
    void retryWithALimitSucceedsWhenTheServerRecovers() {
        GeneratedCode code = scenario.generate(HEADER + """
                workflows:
                  - workflowId: recovers
                    steps:
                      - stepId: status
                        operationId: getStatus
                        successCriteria: [{condition: $statusCode == 200}]
                        outputs: {state: $response.body#/state}
                        onFailure:
                          - {name: again, type: retry, retryAfter: 0, retryLimit: 3}
                    outputs:
                      state: $steps.status.outputs.state
                """);
        scenario.server().on("GET", "/status", BUSY, BUSY, READY);

        Object outputs = run(code, "RecoversWorkflow", Map.of());

        assertEquals("ready", call(outputs, "state"));
        assertEquals(3, paths().size());
    }

    @Test
    void retryAfterHeaderOverrulesTheActionsDelay() {
        GeneratedCode code = scenario.generate(HEADER + """
                workflows:
                  - workflowId: waits
                    steps:
                      - stepId: status
                        operationId: getStatus
                        successCriteria: [{condition: $statusCode == 200}]
                        onFailure:
                          - {name: again, type: retry, retryAfter: 0, retryLimit: 1}
                """);
        scenario.server().on("GET", "/status", new Response(503, "", Map.of("Retry-After", "1")), READY);

        long start = System.nanoTime();
        run(code, "WaitsWorkflow", Map.of());
        long waitedMillis = (System.nanoTime() - start) / 1_000_000;

        assertTrue(waitedMillis >= 950, "waited " + waitedMillis + " ms; the header asked for 1 s");
        assertEquals(2, paths().size());
    }

    @Test
    void retryAfterHeaderMayBeAnHttpDate() {
        GeneratedCode code = scenario.generate(HEADER + """
                workflows:
                  - workflowId: waits-until
                    steps:
                      - stepId: status
                        operationId: getStatus
                        successCriteria: [{condition: $statusCode == 200}]
                        onFailure:
                          - {name: again, type: retry, retryAfter: 0, retryLimit: 1}
                """);
        String inTwoSeconds = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(2));
        scenario.server().on("GET", "/status", new Response(503, "", Map.of("Retry-After", inTwoSeconds)), READY);

        long start = System.nanoTime();
        run(code, "WaitsUntilWorkflow", Map.of());
        long waitedMillis = (System.nanoTime() - start) / 1_000_000;

        assertTrue(waitedMillis >= 900, "waited " + waitedMillis + " ms; the header named a time 1 to 2 s ahead");
        assertEquals(2, paths().size());
    }

    @Test
    void retryWithStepIdRunsThatStepFirstThenRetries() {
        GeneratedCode code = scenario.generate(HEADER + """
                workflows:
                  - workflowId: relogin
                    steps:
                      - stepId: login
                        operationId: getStatus
                      - stepId: fetch
                        operationId: getThing
                        parameters: [{name: id, in: path, value: t1}]
                        successCriteria: [{condition: $statusCode == 200}]
                        onFailure:
                          - {name: loginAgain, type: retry, stepId: login, retryLimit: 1,
                             criteria: [{condition: $statusCode == 401}]}
                """);
        scenario.server().on("GET", "/status", READY);
        scenario.server().on("GET", "/things/t1", Response.json(401, "{}"), Response.json(200, "{}"));

        run(code, "ReloginWorkflow", Map.of());

        assertEquals(List.of("GET /status", "GET /things/t1", "GET /status", "GET /things/t1"), paths());
    }

    @Test
    void workflowLevelActionsApplyToEveryStepUnlessTheStepOverridesTheName() {
        GeneratedCode code = scenario.generate(HEADER + """
                components:
                  failureActions:
                    stop: {name: stop, type: end}
                workflows:
                  - workflowId: levels
                    failureActions:
                      - reference: $components.failureActions.stop
                    steps:
                      - stepId: first
                        operationId: getStatus
                        successCriteria: [{condition: $statusCode == 200}]
                        onFailure:
                          - {name: stop, type: goto, stepId: second}
                      - stepId: second
                        operationId: getThing
                        parameters: [{name: id, in: path, value: t2}]
                        successCriteria: [{condition: $statusCode == 200}]
                      - stepId: third
                        operationId: getThing
                        parameters: [{name: id, in: path, value: t3}]
                """);
        scenario.server().on("GET", "/status", BUSY);
        scenario.server().on("GET", "/things/t2", Response.json(500, "{}"));

        run(code, "LevelsWorkflow", Map.of());

        assertEquals(List.of("GET /status", "GET /things/t2"), paths(),
                "first: its own 'stop' went to second; second: the workflow's 'stop' ended the run");
    }

    @Test
    void noSuccessCriteriaMeansA2xxStatus() {
        GeneratedCode code = scenario.generate(HEADER + """
                workflows:
                  - workflowId: plain
                    steps:
                      - stepId: status
                        operationId: getStatus
                """);
        scenario.server().on("GET", "/status", Response.json(404, "{\"message\":\"gone\"}"));

        RuntimeException failure = assertThrows(RuntimeException.class, () -> run(code, "PlainWorkflow", Map.of()));

        assertEquals("StepFailedException", failure.getClass().getSimpleName());
        assertEquals("$statusCode is 2xx", call(failure, "failedCriterion"));
        assertEquals(404, call(failure, "statusCode"));
    }

    @Test
    void aGotoLoopStopsAtTheStepBudgetWithAClearError() {
        GeneratedCode code = scenario.generate(HEADER + """
                workflows:
                  - workflowId: loops
                    steps:
                      - stepId: poll
                        operationId: getStatus
                        onSuccess:
                          - {name: again, type: goto, stepId: poll}
                """);
        scenario.server().on("GET", "/status", READY);
        Object builder = call(code.type("LoopsWorkflow"), "builder");
        call(builder, "baseUri", scenario.server().baseUri());
        call(builder, "maxStepExecutions", 5);

        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> call(call(builder, "build"), "run", Scenario.inputs(code, "LoopsWorkflow", Map.of())));

        assertEquals("WorkflowException", failure.getClass().getSimpleName());
        assertEquals("workflow 'loops' ran more than 5 steps; is a goto looping?", failure.getMessage());
        assertEquals(5, paths().size());
    }

    @Test
    void workflowStepsCallOtherWorkflowsOfThisAndOtherArazzoDocuments() {
        scenario.write("other.arazzo.yaml", """
                arazzo: 1.0.1
                info: {title: Other, version: '1'}
                sourceDescriptions:
                  - {name: things, url: things-openapi.yaml, type: openapi}
                workflows:
                  - workflowId: fetch-thing
                    inputs: {type: object, properties: {id: {type: string}}}
                    steps:
                      - stepId: get
                        operationId: getThing
                        parameters: [{name: id, in: path, value: $inputs.id}]
                        outputs: {name: $response.body#/name}
                    outputs:
                      thingName: $steps.get.outputs.name
                """);
        GeneratedCode code = scenario.generate("""
                arazzo: 1.0.1
                info: {title: Calls, version: '1'}
                sourceDescriptions:
                  - {name: things, url: things-openapi.yaml, type: openapi}
                  - {name: other, url: other.arazzo.yaml, type: arazzo}
                workflows:
                  - workflowId: status-only
                    steps:
                      - stepId: status
                        operationId: getStatus
                        outputs: {state: $response.body#/state}
                    outputs:
                      state: $steps.status.outputs.state
                  - workflowId: calls
                    inputs: {type: object, properties: {id: {type: string}}}
                    steps:
                      - stepId: local
                        workflowId: status-only
                        outputs: {state: $outputs.state}
                      - stepId: remote
                        workflowId: $sourceDescriptions.other.fetch-thing
                        parameters: [{name: id, value: $inputs.id}]
                        successCriteria: [{condition: $outputs.thingName == 'widget'}]
                        outputs: {name: $outputs.thingName}
                    outputs:
                      state: $steps.local.outputs.state
                      name: $steps.remote.outputs.name
                """);
        scenario.server().on("GET", "/status", READY);
        scenario.server().on("GET", "/things/t7", Response.json(200, "{\"name\":\"Widget\"}"));

        Object outputs = run(code, "CallsWorkflow", Map.of("id", "t7"));

        assertEquals("ready", call(outputs, "state"));
        assertEquals("Widget", call(outputs, "name"));
        assertEquals(List.of("GET /status", "GET /things/t7"), paths());
        assertEquals("FetchThingWorkflow", code.type("FetchThingWorkflow").getSimpleName());
    }

    @Test
    void dependsOnRunsEachDependencyOnceFirstAndItsOutputsAreReadable() {
        GeneratedCode code = scenario.generate(HEADER + """
                workflows:
                  - workflowId: setup
                    inputs: {type: object, properties: {id: {type: string}}}
                    steps:
                      - stepId: make
                        operationId: createThing
                        requestBody: {payload: {name: $inputs.id}}
                        outputs: {id: $response.body#/id}
                    outputs:
                      thingId: $steps.make.outputs.id
                  - workflowId: main
                    dependsOn: [setup]
                    inputs: {type: object, properties: {id: {type: string}}}
                    steps:
                      - stepId: first
                        operationId: getThing
                        parameters:
                          - {name: id, in: path, value: $workflows.setup.outputs.thingId}
                      - stepId: second
                        operationId: getThing
                        parameters:
                          - {name: id, in: path, value: $workflows.setup.outputs.thingId}
                          - {name: q, in: query, value: $workflows.setup.inputs.id}
                    outputs:
                      made: $workflows.setup.outputs.thingId
                """);
        scenario.server().on("POST", "/things", Response.json(201, "{\"id\":\"new-1\"}"));
        scenario.server().on("GET", "/things/new-1", Response.json(200, "{}"));

        Object outputs = run(code, "MainWorkflow", Map.of("id", "seed"));

        assertEquals(List.of("POST /things", "GET /things/new-1", "GET /things/new-1"), paths());
        assertEquals("q=seed", scenario.server().requests().get(2).query());
        assertEquals("new-1", call(outputs, "made"));
    }

    @Test
    void aFailingDependencyFailsTheRunBeforeItsFirstStep() {
        GeneratedCode code = scenario.generate(HEADER + """
                workflows:
                  - workflowId: setup
                    steps:
                      - {stepId: check, operationId: getStatus}
                  - workflowId: main
                    dependsOn: [setup]
                    steps:
                      - stepId: thing
                        operationId: getThing
                        parameters: [{name: id, in: path, value: t1}]
                """);
        scenario.server().on("GET", "/status", BUSY);

        Object result = call(scenario.client(code, "MainWorkflow"), "execute",
                Scenario.inputs(code, "MainWorkflow", Map.of()));

        assertEquals("Failed", result.getClass().getSimpleName());
        assertEquals("check", call(result, "stepId"));
        assertEquals(503, call(result, "statusCode"));
        assertEquals(List.of("GET /status"), paths());
    }

    @Test
    void gotoAWorkflowRunsItAndEndsThisOne() {
        GeneratedCode code = scenario.generate(HEADER + """
                workflows:
                  - workflowId: fallback
                    steps:
                      - stepId: status
                        operationId: getStatus
                  - workflowId: main
                    steps:
                      - stepId: thing
                        operationId: getThing
                        parameters: [{name: id, in: path, value: t1}]
                        successCriteria: [{condition: $statusCode == 200}]
                        onFailure:
                          - {name: useFallback, type: goto, workflowId: fallback}
                      - stepId: never
                        operationId: getThing
                        parameters: [{name: id, in: path, value: t2}]
                """);
        scenario.server().on("GET", "/status", READY);

        run(code, "MainWorkflow", Map.of());

        assertEquals(List.of("GET /things/t1", "GET /status"), paths());
    }
}
