package dev.arazzo.codegen.features;

import static dev.arazzo.codegen.testing.GeneratedCode.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * Arazzo 1.1 step-level {@code dependsOn}, in its three forms: checked at build time, and honoured at run
 * time (a step whose dependency has not completed in this run fails without sending its request).
 */
class StepDependsOnTest extends ScenarioTest {

    private static final String HEADER = """
            arazzo: 1.1.0
            info: {title: Dependencies, version: '1'}
            sourceDescriptions:
              - {name: things, url: things-openapi.yaml, type: openapi}
            """;
    private static final Response READY = Response.json(200, "{\"state\":\"ready\",\"count\":3}");
    private static final Response BUSY = Response.json(200, "{\"state\":\"busy\",\"count\":0}");
    private static final Response THING = Response.json(200, "{\"id\":\"t1\",\"name\":\"one\"}");

    private Object execute(GeneratedCode code, String workflowClass) {
        return call(scenario.client(code, workflowClass), "execute", Scenario.inputs(code, workflowClass, Map.of()));
    }

    private List<String> paths() {
        return scenario.server().requests().stream().map(r -> r.method() + " " + r.path()).toList();
    }

    private List<String> diagnostics(Path spec) {
        GenerationResult result = ArazzoCodegen.generate(GenerationRequest.builder().spec(spec)
                .outputDirectory(directory.resolve("generated")).packageName(GeneratedCode.PACKAGE).build());
        assertTrue(result.files().isEmpty());
        return result.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::toString).toList();
    }

    private static final String SKIPPING = HEADER + """
            workflows:
              - workflowId: skipping
                steps:
                  - stepId: status
                    operationId: getStatus
                    onSuccess:
                      - {name: skip, type: goto, stepId: fetch, criteria: [{condition: $response.body#/state == 'ready'}]}
                  - stepId: prepare
                    operationId: getThing
                    parameters: [{name: id, in: path, value: prep}]
                  - stepId: fetch
                    operationId: getThing
                    dependsOn: [prepare]
                    parameters: [{name: id, in: path, value: t1}]
                    outputs: {name: $response.body#/name}
                outputs: {name: $steps.fetch.outputs.name}
            """;

    @Test
    void aStepRunsWhenTheStepItDependsOnCompletedEarlierInTheRun() {
        GeneratedCode code = scenario.generate(SKIPPING);
        scenario.server().on("GET", "/status", BUSY);
        scenario.server().on("GET", "/things/prep", THING);
        scenario.server().on("GET", "/things/t1", THING);

        Object result = execute(code, "SkippingWorkflow");

        assertEquals("Completed", result.getClass().getSimpleName());
        assertEquals("one", call(call(result, "outputs"), "name"));
        assertEquals(List.of("GET /status", "GET /things/prep", "GET /things/t1"), paths());
    }

    @Test
    void aStepWhoseDependencyWasSkippedByAGotoFailsWithoutSendingItsRequest() {
        GeneratedCode code = scenario.generate(SKIPPING);
        scenario.server().on("GET", "/status", READY);
        scenario.server().on("GET", "/things/t1", THING);

        Object result = execute(code, "SkippingWorkflow");

        assertEquals("Failed", result.getClass().getSimpleName());
        assertEquals("fetch", call(result, "stepId"));
        assertEquals(0, call(result, "statusCode"));
        assertEquals("dependsOn: step 'prepare' has not completed in this run", call(result, "failedCriterion"));
        assertEquals(List.of("GET /status"), paths());
    }

    private static final String OTHER_WORKFLOW = HEADER + """
            workflows:
              - workflowId: auth
                steps:
                  - stepId: check
                    operationId: getStatus
                    onSuccess:
                      - {name: done, type: end, criteria: [{condition: $response.body#/state == 'ready'}]}
                  - stepId: login
                    operationId: getThing
                    parameters: [{name: id, in: path, value: login}]
              - workflowId: main
                dependsOn: [auth]
                steps:
                  - stepId: fetch
                    operationId: getThing
                    dependsOn: [$workflows.auth.steps.login]
                    parameters: [{name: id, in: path, value: t1}]
                    outputs: {name: $response.body#/name}
                outputs: {name: $steps.fetch.outputs.name}
            """;

    @Test
    void aStepOfAnotherWorkflowCountsWhenThatWorkflowRanItInThisRun() {
        GeneratedCode code = scenario.generate(OTHER_WORKFLOW);
        scenario.server().on("GET", "/status", BUSY);
        scenario.server().on("GET", "/things/login", THING);
        scenario.server().on("GET", "/things/t1", THING);

        Object result = execute(code, "MainWorkflow");

        assertEquals("Completed", result.getClass().getSimpleName());
        assertEquals("one", call(call(result, "outputs"), "name"));
        assertEquals(List.of("GET /status", "GET /things/login", "GET /things/t1"), paths());
    }

    @Test
    void aStepOfAnotherWorkflowThatDidNotRunFailsTheDependentStep() {
        GeneratedCode code = scenario.generate(OTHER_WORKFLOW);
        scenario.server().on("GET", "/status", READY);
        scenario.server().on("GET", "/things/t1", THING);

        Object result = execute(code, "MainWorkflow");

        assertEquals("Failed", result.getClass().getSimpleName());
        assertEquals("fetch", call(result, "stepId"));
        assertEquals("dependsOn: step 'login' of workflow 'auth' has not completed in this run",
                call(result, "failedCriterion"));
        assertEquals(List.of("GET /status"), paths(), "auth ended before its login; fetch was not sent");
        scenario.server().on("GET", "/status", BUSY);
        scenario.server().on("GET", "/things/login", THING);
        Object again = execute(code, "MainWorkflow");
        assertEquals("Completed", again.getClass().getSimpleName(), "each run starts with nothing completed");
    }

    @Test
    void aStepOfAWorkflowInAnotherArazzoDocumentCountsWhenAStepRanThatWorkflow() {
        scenario.write("auth.arazzo.yaml", """
                arazzo: 1.1.0
                info: {title: Auth, version: '1'}
                sourceDescriptions:
                  - {name: things, url: things-openapi.yaml, type: openapi}
                workflows:
                  - workflowId: authFlow
                    steps:
                      - stepId: login
                        operationId: getThing
                        parameters: [{name: id, in: path, value: login}]
                """);
        GeneratedCode code = scenario.generate("""
                arazzo: 1.1.0
                info: {title: Dependencies, version: '1'}
                sourceDescriptions:
                  - {name: things, url: things-openapi.yaml, type: openapi}
                  - {name: auth, url: auth.arazzo.yaml, type: arazzo}
                workflows:
                  - workflowId: main
                    steps:
                      - stepId: signIn
                        workflowId: $sourceDescriptions.auth.authFlow
                      - stepId: fetch
                        operationId: $sourceDescriptions.things.getThing
                        dependsOn: [$sourceDescriptions.auth.authFlow.steps.login]
                        parameters: [{name: id, in: path, value: t1}]
                        outputs: {name: $response.body#/name}
                    outputs: {name: $steps.fetch.outputs.name}
                """);
        scenario.server().on("GET", "/things/login", THING);
        scenario.server().on("GET", "/things/t1", THING);

        Object result = execute(code, "MainWorkflow");

        assertEquals("Completed", result.getClass().getSimpleName());
        assertEquals("one", call(call(result, "outputs"), "name"));
        assertEquals(List.of("GET /things/login", "GET /things/t1"), paths());
    }

    @Test
    void entriesThatNameNothingOrCannotHoldAreLocatedErrors() {
        Path spec = scenario.write("workflow.arazzo.yaml", HEADER + """
                workflows:
                  - workflowId: other
                    steps:
                      - {stepId: login, operationId: getStatus}
                  - workflowId: main
                    steps:
                      - stepId: first
                        operationId: getStatus
                        dependsOn: [second, nowhere, first]
                      - stepId: second
                        operationId: getStatus
                        dependsOn: [$workflows.other.steps.logon, $workflows.missing.steps.x]
                      - stepId: third
                        operationId: getStatus
                        dependsOn: [$workflows.other.steps.login, $sourceDescriptions.things.flow.steps.x]
                """);

        assertEquals(List.of(
                spec + ":13:21: error: [dependency-order] step 'first' depends on step 'second', which cannot have "
                        + "completed before it: steps run in the order they are written (and by goto and retry), "
                        + "they are not reordered; move step 'second' before step 'first' in workflow 'main'",
                spec + ":13:29: error: [unknown-step] step 'first' depends on 'nowhere', but workflow 'main' has no "
                        + "step 'nowhere'",
                spec + ":13:38: error: [dependency-cycle] step 'first' depends on itself; remove it from its own "
                        + "dependsOn",
                spec + ":16:21: error: [unknown-step] step 'second' depends on '$workflows.other.steps.logon', but "
                        + "workflow 'other' has no step 'logon'; did you mean 'login'?",
                spec + ":16:51: error: [unknown-workflow] step 'second' depends on '$workflows.missing.steps.x', but "
                        + "there is no workflow 'missing'",
                spec + ":19:21: error: [dependency-not-run] step 'third' depends on step 'login' of workflow 'other', "
                        + "which workflow 'main' never runs, so that step cannot have completed; run 'other' first "
                        + "(the workflow's dependsOn, or an earlier step that calls it)",
                spec + ":19:51: error: [unknown-source] step 'third' depends on "
                        + "'$sourceDescriptions.things.flow.steps.x', but 'things' is not an Arazzo source "
                        + "description of this document"),
                diagnostics(spec));
    }

    @Test
    void stepsThatNeedEachOtherThroughDependsOnAndOutputsAreACycle() {
        Path spec = scenario.write("workflow.arazzo.yaml", HEADER + """
                workflows:
                  - workflowId: loop
                    steps:
                      - stepId: a
                        operationId: getStatus
                        dependsOn: [b]
                        outputs: {state: $response.body#/state}
                      - stepId: b
                        operationId: getThing
                        parameters: [{name: id, in: path, value: $steps.a.outputs.state}]
                        onSuccess: [{name: back, type: goto, stepId: a}]
                """);

        assertEquals(List.of(spec + ":10:21: error: [dependency-cycle] step 'a' depends on step 'b', which needs step "
                        + "'a' itself (a -> b -> a, through dependsOn and the outputs read); no order runs each step "
                        + "after what it needs; remove one of these dependencies"),
                diagnostics(spec));
    }

    @Test
    void readingTheOutputsOfALaterStepIsTheForwardReferenceError() {
        Path spec = scenario.write("workflow.arazzo.yaml", HEADER + """
                workflows:
                  - workflowId: forward
                    steps:
                      - stepId: early
                        operationId: getThing
                        parameters: [{name: id, in: path, value: $steps.late.outputs.state}]
                      - stepId: late
                        operationId: getStatus
                        outputs: {state: $response.body#/state}
                """);

        assertEquals(List.of(spec + ":10:50: error: [step-not-run] '$steps.late.outputs.state' reads step 'late', "
                + "which cannot have run before step 'early'; read only steps that come earlier"), diagnostics(spec));
    }
}
