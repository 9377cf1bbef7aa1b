package dev.arazzo.codegen.features;

import static dev.arazzo.codegen.testing.GeneratedCode.call;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arazzo.codegen.testing.GeneratedCode;
import dev.arazzo.codegen.testing.RecordingServer.Response;
import dev.arazzo.codegen.testing.Scenario;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Names that clash once renamed ({@code inputs} and {@code inputs_}, {@code a-b} and {@code a_b}) or that
 * differ only in case (step ids {@code x} and {@code X}, workflow ids {@code flow} and {@code Flow}) generate
 * Java that compiles, runs, and whose classes are distinct files even on a case-insensitive file system.
 */
class NameClashTest extends ScenarioTest {

    private static final String DOCUMENT = WorkflowSemanticsTest.HEADER + """
            workflows:
              - workflowId: flow
                inputs:
                  type: object
                  properties:
                    inputs: {type: string}
                    inputs_: {type: string}
                    a-b: {type: string}
                    a_b: {type: string}
                steps:
                  - stepId: x
                    operationId: getThing
                    parameters: [{name: id, in: path, value: $inputs.inputs}]
                    outputs: {name: $response.body#/name, Name: $response.body#/id}
                  - stepId: X
                    operationId: getThing
                    parameters: [{name: id, in: path, value: $inputs.inputs_}]
                    outputs: {name: $response.body#/name}
                  - stepId: Result
                    operationId: getThing
                    parameters: [{name: id, in: path, value: $inputs.a-b}]
                    outputs: {name: $response.body#/name}
                  - stepId: result
                    operationId: getThing
                    parameters: [{name: id, in: path, value: $inputs.a_b}]
                    outputs: {name: $response.body#/name}
                  - stepId: ab
                    operationId: getStatus
                  - stepId: aB
                    operationId: getStatus
                outputs:
                  inputs: $steps.x.outputs.name
                  inputs_: $steps.X.outputs.name
                  a-b: $steps.Result.outputs.name
                  a_b: $steps.result.outputs.name
                  xId: $steps.x.outputs.Name
              - workflowId: Flow
                steps:
                  - {stepId: only, operationId: getStatus}
              - workflowId: fetch-thing
                steps:
                  - {stepId: only, operationId: getStatus}
              - workflowId: fetchthing
                steps:
                  - {stepId: only, operationId: getStatus}
            """;

    @Test
    void clashingNamesStayApartInJavaAndOnACaseInsensitiveFileSystem() {
        GeneratedCode code = scenario.generate(DOCUMENT);
        for (String id : List.of("1", "2", "3", "4")) {
            scenario.server().on("GET", "/things/t" + id, Response.json(200, "{\"name\":\"n" + id + "\",\"id\":\"i"
                    + id + "\"}"));
        }
        scenario.server().on("GET", "/status", Response.json(200, "{}"));
        Class<?> flow = code.type("FlowWorkflow");
        Object builder = call(code.type("FlowWorkflow.Inputs"), "builder");
        List<String> setters = Arrays.stream(builder.getClass().getDeclaredMethods())
                .filter(m -> m.getParameterCount() == 1).map(m -> m.getName()).sorted().toList();
        assertEquals(List.of("ab", "ab_", "inputs", "inputs_"), setters);
        call(builder, "inputs", "t1");
        call(builder, "inputs_", "t2");
        call(builder, "ab", "t3");
        call(builder, "ab_", "t4");

        Object outputs = call(scenario.client(code, "FlowWorkflow"), "run", call(builder, "build"));

        assertEquals(List.of("/things/t1", "/things/t2", "/things/t3", "/things/t4", "/status", "/status"),
                scenario.server().requests().stream().map(r -> r.path()).toList());
        assertEquals(List.of("n1", "n2", "n3", "n4", "i1"), List.of(call(outputs, "inputs"), call(outputs, "inputs_"),
                call(outputs, "ab"), call(outputs, "ab_"), call(outputs, "xId")));
        List<String> nested = Arrays.stream(flow.getDeclaredClasses()).map(Class::getSimpleName).toList();
        assertEquals(nested.size(), nested.stream().map(n -> n.toLowerCase(Locale.ROOT)).distinct().count(),
                "nested classes differing only in case: " + nested);
        List<String> files = code.result().files().stream().map(f -> f.path().getFileName().toString()).toList();
        assertEquals(files.size(), files.stream().map(n -> n.toLowerCase(Locale.ROOT)).distinct().count(),
                "files differing only in case: " + files);
        assertEquals(List.of("FetchThingWorkflow.java", "FetchthingWorkflow_.java", "FlowWorkflow.java",
                "FlowWorkflow_.java"), files.stream().sorted().toList());
        for (String other : List.of("FlowWorkflow_", "FetchThingWorkflow", "FetchthingWorkflow_")) {
            call(scenario.client(code, other), "run", Scenario.inputs(code, other, Map.of()));
        }
        assertEquals(9, scenario.server().requests().size());
        assertEquals(Map.of(), Arrays.stream(flow.getDeclaredClasses()).collect(Collectors.groupingBy(
                c -> c.getSimpleName().toLowerCase(Locale.ROOT))).entrySet().stream()
                .filter(e -> e.getValue().size() > 1).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }
}
