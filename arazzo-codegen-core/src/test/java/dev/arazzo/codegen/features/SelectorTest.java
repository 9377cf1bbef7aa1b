package dev.arazzo.codegen.features;

import static dev.arazzo.codegen.testing.GeneratedCode.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arazzo.codegen.ArazzoCodegen;
import dev.arazzo.codegen.GenerationRequest;
import dev.arazzo.codegen.GenerationResult;
import dev.arazzo.codegen.diagnostic.Diagnostic;
import dev.arazzo.codegen.testing.GeneratedCode;
import dev.arazzo.codegen.testing.RecordingServer.Request;
import dev.arazzo.codegen.testing.RecordingServer.Response;
import dev.arazzo.codegen.testing.Scenario;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Arazzo 1.1 Selector Objects selecting one node of JSON ({@code jsonpointer}, singular {@code jsonpath}):
 * step and workflow outputs (typed from the schema), parameter values, payload values, replacement values
 * and {@code targetSelectorType}; what is not generated is a located error.
 */
class SelectorTest extends ScenarioTest {

    private static final String HEADER = """
            arazzo: 1.1.0
            info: {title: Selectors, version: '1'}
            sourceDescriptions:
              - {name: things, url: things-openapi.yaml, type: openapi}
            """;
    private static final Response THING = Response.json(200,
            "{\"id\":\"t1\",\"name\":\"one\",\"count\":7,\"tags\":[\"red\",\"blue\"],\"owner\":{\"name\":\"ann\"}}");

    private List<String> diagnostics(Path spec) {
        GenerationResult result = ArazzoCodegen.generate(GenerationRequest.builder().spec(spec)
                .outputDirectory(directory.resolve("generated")).packageName(GeneratedCode.PACKAGE).build());
        assertTrue(result.files().isEmpty());
        return result.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::toString).toList();
    }

    @Test
    void selectorsReadOutputsTypedFromTheSchemaAndFeedParametersPayloadsAndReplacements() throws Exception {
        GeneratedCode code = scenario.generate(HEADER + """
                workflows:
                  - workflowId: select
                    inputs:
                      type: object
                      properties:
                        order: {type: object, properties: {ref: {type: string}, lines: {type: array}}}
                    steps:
                      - stepId: fetch
                        operationId: getThing
                        parameters:
                          - {name: id, in: path, value: t1}
                        outputs:
                          owner: {context: $response.body, selector: "$.owner.name", type: jsonpath}
                          firstTag: {context: $response.body, selector: "$['tags'][0]", type: jsonpath}
                          count: {context: $response.body, selector: /count, type: jsonpointer}
                          thing: {context: $response.body, selector: "$", type: {type: jsonpath, version: rfc9535}}
                      - stepId: lookup
                        operationId: getThing
                        parameters:
                          - name: id
                            in: path
                            value: {context: $steps.fetch.outputs.thing, selector: /tags/1, type: jsonpointer}
                          - name: q
                            in: query
                            value:
                              context: $inputs.order
                              selector: $.ref
                              type: {type: jsonpath, version: draft-goessner-dispatch-jsonpath-00}
                      - stepId: create
                        operationId: createThing
                        requestBody:
                          contentType: application/json
                          payload:
                            owner: {context: $steps.fetch.outputs.thing, selector: /owner/name, type: jsonpointer}
                            tags: [{context: $steps.fetch.outputs.thing, selector: /tags/0, type: jsonpointer}]
                            line: placeholder
                          replacements:
                            - target: $.line
                              targetSelectorType: jsonpath
                              value: {context: $inputs.order, selector: "$.lines[1]", type: jsonpath}
                    outputs:
                      owner: $steps.fetch.outputs.owner
                      count: $steps.fetch.outputs.count
                      tag: {context: $steps.fetch.outputs.thing, selector: /tags/0, type: jsonpointer}
                """);
        scenario.server().on("GET", "/things/t1", THING);
        scenario.server().on("GET", "/things/blue", THING);
        scenario.server().on("POST", "/things", Response.json(201, "{\"id\":\"t2\"}"));
        Object order = call(code.type("SelectWorkflow.Order"), "fromJson",
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                        "{\"ref\":\"r 1\",\"lines\":[\"a\",{\"sku\":\"b\"}]}"));
        Object client = scenario.client(code, "SelectWorkflow");

        Object outputs = call(client, "run", Scenario.inputs(code, "SelectWorkflow", Map.of("order", order)));

        assertEquals("ann", call(outputs, "owner"));
        assertEquals(7, call(outputs, "count"));
        assertEquals("red", call(outputs, "tag"));
        assertEquals(Integer.class, code.type("SelectWorkflow.FetchResult").getMethod("count").getReturnType());
        assertEquals(String.class, code.type("SelectWorkflow.FetchResult").getMethod("owner").getReturnType());
        assertEquals(String.class, code.type("SelectWorkflow.FetchResult").getMethod("firstTag").getReturnType());
        List<Request> requests = scenario.server().requests();
        assertEquals(List.of("GET /things/t1", "GET /things/blue", "POST /things"),
                requests.stream().map(r -> r.method() + " " + r.path()).toList());
        assertEquals("q=r%201", requests.get(1).query());
        assertEquals("{\"owner\":\"ann\",\"tags\":[\"red\"],\"line\":{\"sku\":\"b\"}}", requests.get(2).body());
    }

    @Test
    void whatASelectorCannotSelectExactlyIsALocatedError() {
        Path spec = scenario.write("workflow.arazzo.yaml", HEADER + """
                workflows:
                  - workflowId: bad
                    steps:
                      - stepId: fetch
                        operationId: getThing
                        parameters: [{name: id, in: path, value: t1}]
                        outputs:
                          all: {context: $response.body, selector: "$.tags[", type: jsonpath}
                          last: {context: $response.body, selector: "$.tags[(@.length-1)]", type: jsonpath}
                          status: {context: $statusCode, selector: /a, type: jsonpointer}
                          odd: {context: $response.body, selector: a/b, type: jsonpointer}
                """);

        List<String> found = diagnostics(spec);

        assertEquals(4, found.size(), found.toString());
        assertTrue(found.get(0).startsWith(spec + ":12:52: error: [invalid-selector] JSONPath '$.tags[': "),
                found.get(0));
        assertTrue(found.get(1).startsWith(spec + ":13:53: error: [invalid-selector] JSONPath '$.tags[(@.length-1)]': "),
                found.get(1));
        assertTrue(found.get(2).startsWith(spec + ":14:29: error: [invalid-selector] selector context '$statusCode' "
                + "is not structured data"), found.get(2));
        assertEquals(spec + ":15:52: error: [invalid-selector] 'a/b' is no JSON Pointer (RFC 6901): it is empty or "
                + "starts with '/', and '~' is followed by 0 or 1", found.get(3));
    }
}
