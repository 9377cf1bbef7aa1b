package dev.arazzo.codegen.features;

import static dev.arazzo.codegen.testing.GeneratedCode.call;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arazzo.codegen.testing.GeneratedCode;
import dev.arazzo.codegen.testing.RecordingServer.Response;
import dev.arazzo.codegen.testing.Scenario;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Arazzo 1.1: a workflow's parameters reach its steps that run a workflow too, as that workflow's inputs;
 * a step's parameter of the same name overrides the workflow's.
 */
class WorkflowParametersTest extends ScenarioTest {

    private static final String DOCUMENT = """
            arazzo: ARAZZO
            info: {title: Parameters, version: '1'}
            sourceDescriptions:
              - {name: things, url: things-openapi.yaml, type: openapi}
            workflows:
              - workflowId: inner
                inputs:
                  type: object
                  properties:
                    id: {type: string}
                    note: {type: string}
                steps:
                  - stepId: fetch
                    operationId: getThing
                    parameters:
                      - {name: id, in: path, value: $inputs.id}
                      - {name: q, in: query, value: $inputs.note}
              - workflowId: outer
                inputs:
                  type: object
                  properties:
                    note: {type: string}
                parameters:
                  - {name: id, value: t9}
                  - {name: note, value: $inputs.note}
                  - {name: X-Trace, in: header, value: trace-1}
                steps:
                  - stepId: direct
                    operationId: getThing
                  - stepId: nested
                    workflowId: inner
                    parameters:
                      - {name: note, value: from-step}
            """;

    @Test
    void workflowParametersBecomeTheCalledWorkflowsInputsAndTheStepsOverrideThem() {
        GeneratedCode code = scenario.generate(DOCUMENT.replace("ARAZZO", "1.1.0"));
        scenario.server().on("GET", "/things/t9", Response.json(200, "{}"));

        call(scenario.client(code, "OuterWorkflow"), "run", Scenario.inputs(code, "OuterWorkflow",
                Map.of("note", "from-inputs")));

        assertEquals(List.of("GET /things/t9 q=null X-Trace=trace-1", "GET /things/t9 q=from-step X-Trace=null"),
                scenario.server().requests().stream().map(r -> r.method() + " " + r.path() + " q=" + (r.query() == null
                        ? null : r.query().substring(2)) + " X-Trace=" + r.header("X-Trace")).toList());
    }

    @Test
    void inArazzo10TheyReachOnlyTheOperationSteps() {
        GeneratedCode code = scenario.generate(DOCUMENT.replace("ARAZZO", "1.0.1").replace("{name: note, value: from-step}",
                "{name: note, value: from-step}\n          - {name: id, value: t8}"));
        scenario.server().on("GET", "/things/t9", Response.json(200, "{}"));
        scenario.server().on("GET", "/things/t8", Response.json(200, "{}"));

        call(scenario.client(code, "OuterWorkflow"), "run", Scenario.inputs(code, "OuterWorkflow",
                Map.of("note", "from-inputs")));

        assertEquals(List.of("GET /things/t9", "GET /things/t8"),
                scenario.server().requests().stream().map(r -> r.method() + " " + r.path()).toList());
    }
}
