package dev.arazzo.codegen.features;

import static dev.arazzo.codegen.testing.GeneratedCode.call;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arazzo.codegen.testing.GeneratedCode;
import dev.arazzo.codegen.testing.RecordingServer;
import dev.arazzo.codegen.testing.RecordingServer.Request;
import dev.arazzo.codegen.testing.RecordingServer.Response;
import dev.arazzo.codegen.testing.Scenario;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Step targets, sources, parameters and request bodies: the exact requests generated code sends. */
class RequestFeaturesTest extends ScenarioTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER = """
            arazzo: 1.0.1
            info: {title: Features, version: '1'}
            sourceDescriptions:
              - {name: things, url: things-openapi.yaml, type: openapi}
              - {name: shop, url: shop-openapi.yaml, type: openapi}
            """;

    @Test
    void parametersAreEncodedInPathQueryHeaderAndCookieAndMergedWithWorkflowAndComponentParameters() {
        GeneratedCode code = scenario.generate(HEADER + """
                components:
                  parameters:
                    trace: {name: X-Trace, in: header, value: from-component}
                workflows:
                  - workflowId: params
                    inputs:
                      type: object
                      properties:
                        id: {type: string}
                        q: {type: string}
                        page: {type: integer}
                    parameters:
                      - {name: q, in: query, value: workflow-level}
                      - {name: session, in: cookie, value: abc123}
                    steps:
                      - stepId: get
                        operationId: getThing
                        parameters:
                          - {name: id, in: path, value: $inputs.id}
                          - {name: q, in: query, value: $inputs.q}
                          - {name: page, in: query, value: $inputs.page}
                          - reference: $components.parameters.trace
                            value: overridden
                        successCriteria:
                          - condition: $statusCode == 200
                        outputs:
                          name: $response.body#/name
                    outputs:
                      name: $steps.get.outputs.name
                """);
        scenario.server().on("GET", "/things/a b/../c", Response.json(200, "{\"name\":\"Widget\"}"));

        Object outputs = call(scenario.client(code, "ParamsWorkflow"), "run",
                Scenario.inputs(code, "ParamsWorkflow", Map.of("id", "a b/../c", "q", "x&y=z ü", "page", 2)));

        Request request = single();
        assertEquals("/things/a%20b%2F..%2Fc", request.rawPath());
        assertEquals("q=x%26y%3Dz%20%C3%BC&page=2", request.query());
        assertEquals("overridden", request.header("X-Trace"));
        assertEquals("session=abc123", request.header("Cookie"));
        assertEquals("Widget", call(outputs, "name"));
    }

    @Test
    void jsonPayloadKeepsLiteralsEvaluatesExpressionsAnywhereAndAppliesReplacements() throws Exception {
        GeneratedCode code = scenario.generate(HEADER + """
                workflows:
                  - workflowId: create
                    inputs:
                      type: object
                      properties:
                        name: {type: string}
                        count: {type: integer}
                        tags: {type: array, items: {type: string}}
                    steps:
                      - stepId: make
                        operationId: createThing
                        parameters:
                          - {name: Idempotency-Key, in: header, value: 'key-{$inputs.name}-{$inputs.count}'}
                        requestBody:
                          contentType: application/json
                          payload:
                            name: $inputs.name
                            label: 'Thing {$inputs.name} x{$inputs.count}'
                            count: $inputs.count
                            tags: $inputs.tags
                            nested: {list: [1, $inputs.count, 'two', true, null], flag: false, ratio: 0.5}
                            placeholder: replace-me
                          replacements:
                            - {target: /placeholder, value: $inputs.count}
                            - {target: /nested/list/0, value: first}
                        successCriteria:
                          - condition: $statusCode == 201
                        outputs:
                          id: $response.body#/id
                """);
        scenario.server().on("POST", "/things", Response.json(201, "{\"id\":\"t-1\"}"));

        Object result = call(scenario.client(code, "CreateWorkflow"), "make",
                Scenario.inputs(code, "CreateWorkflow", Map.of("name", "Bolt", "count", 3, "tags", List.of("a", "b"))));

        Request request = single();
        assertEquals("application/json", request.header("Content-Type"));
        assertEquals("key-Bolt-3", request.header("Idempotency-Key"));
        assertEquals(JSON.readTree("""
                {"name":"Bolt","label":"Thing Bolt x3","count":3,"tags":["a","b"],
                 "nested":{"list":["first",3,"two",true,null],"flag":false,"ratio":0.5},"placeholder":3}
                """), JSON.readTree(request.body()));
        assertEquals("t-1", call(result, "id"));
    }

    @Test
    void formAndTextPayloadsAreSentAsTheirContentType() {
        GeneratedCode code = scenario.generate(HEADER + """
                workflows:
                  - workflowId: bodies
                    inputs:
                      type: object
                      properties:
                        who: {type: string}
                    steps:
                      - stepId: form
                        operationId: submitForm
                        requestBody:
                          contentType: application/x-www-form-urlencoded
                          payload:
                            name: $inputs.who
                            note: 'a&b c'
                      - stepId: text
                        operationId: postNote
                        requestBody:
                          contentType: text/plain
                          payload: 'Hello {$inputs.who}!'
                """);
        scenario.server().on("POST", "/forms", Response.json(200, "{}"));
        scenario.server().on("POST", "/notes", Response.json(200, "{}"));

        call(scenario.client(code, "BodiesWorkflow"), "run", Scenario.inputs(code, "BodiesWorkflow", Map.of("who", "Zoë")));

        List<Request> requests = scenario.server().requests();
        assertEquals("application/x-www-form-urlencoded", requests.get(0).header("Content-Type"));
        assertEquals("name=Zo%C3%AB&note=a%26b%20c", requests.get(0).body());
        assertEquals("text/plain", requests.get(1).header("Content-Type"));
        assertEquals("Hello Zoë!", requests.get(1).body());
    }

    @Test
    void qualifiedOperationIdAndOperationPathCallTheirOwnSourcesEachWithItsBaseUri() {
        GeneratedCode code = scenario.generate(HEADER + """
                workflows:
                  - workflowId: two-apis
                    steps:
                      - stepId: make
                        operationId: $sourceDescriptions.things.createThing
                        requestBody:
                          payload: {name: x}
                        outputs:
                          id: $response.body#/id
                      - stepId: order
                        operationPath: '{$sourceDescriptions.shop.url}#/paths/~1orders/post'
                        requestBody:
                          payload:
                            thing: $steps.make.outputs.id
                        outputs:
                          order: $response.body#/id
                    outputs:
                      order: $steps.order.outputs.order
                """);
        try (RecordingServer shop = RecordingServer.start()) {
            scenario.server().on("POST", "/things", Response.json(201, "{\"id\":\"t-9\"}"));
            shop.on("POST", "/orders", Response.json(201, "{\"id\":\"o-1\"}"));
            Object builder = call(code.type("TwoApisWorkflow"), "builder");
            call(builder, "baseUri", "things", scenario.server().baseUri());
            call(builder, "baseUri", "shop", shop.baseUri());

            Object outputs = call(call(builder, "build"), "run", Scenario.inputs(code, "TwoApisWorkflow", Map.of()));

            assertEquals("o-1", call(outputs, "order"));
            assertEquals("POST /things", single().method() + " " + single().path());
            assertEquals(1, shop.requests().size());
            assertEquals("{\"thing\":\"t-9\"}", shop.requests().get(0).body());
        }
    }

    private Request single() {
        List<Request> requests = scenario.server().requests();
        assertEquals(1, requests.size(), requests.toString());
        return requests.get(0);
    }
}
