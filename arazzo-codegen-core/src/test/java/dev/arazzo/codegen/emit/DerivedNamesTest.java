package dev.arazzo.codegen.emit;

import static dev.arazzo.codegen.testing.GeneratedCode.call;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arazzo.codegen.testing.GeneratedCode;
import dev.arazzo.codegen.testing.RecordingServer.Response;
import dev.arazzo.codegen.testing.Scenario;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names the emitters derive from step ids (enum constants, helper methods, variables) cannot clash,
 * with each other or with the generated code's own names: the class compiles and runs.
 */
class DerivedNamesTest {

    @TempDir
    Path directory;

    private Scenario scenario;

    @AfterEach
    void close() {
        scenario.close();
    }

    @Test
    void stepIdsThatMakeTheSameOrReservedJavaNamesStillCompileAndRun() {
        scenario = Scenario.in(directory);
        GeneratedCode code = scenario.generate("""
                arazzo: 1.0.1
                info: {title: Names, version: '1'}
                sourceDescriptions:
                  - {name: things, url: things-openapi.yaml, type: openapi}
                workflows:
                  - workflowId: names
                    steps:
                      - stepId: get-status
                        operationId: getStatus
                        outputs: {state: $response.body#/state}
                      - stepId: get_status
                        operationId: getStatus
                        outputs: {state: $response.body#/state}
                      - stepId: send-get-status
                        operationId: getStatus
                      - stepId: inputs
                        operationId: getThing
                        parameters:
                          - {name: id, in: path, value: $steps.get-status.outputs.state}
                          - {name: q, in: query, value: $steps.get_status.outputs.state}
                        outputs: {name: $response.body#/name}
                    outputs:
                      name: $steps.inputs.outputs.name
                """);
        scenario.server().on("GET", "/status", Response.json(200, "{\"state\":\"ready\"}"));
        scenario.server().on("GET", "/things/ready", Response.json(200, "{\"name\":\"Ann\"}"));

        Object outputs = call(scenario.client(code, "NamesWorkflow"), "run",
                Scenario.inputs(code, "NamesWorkflow", Map.of()));

        assertEquals("Ann", call(outputs, "name"));
        assertEquals(List.of("/status", "/status", "/status", "/things/ready"),
                scenario.server().requests().stream().map(r -> r.path()).toList());
    }
}
