package dev.arazzo.codegen.features;

import static dev.arazzo.codegen.testing.GeneratedCode.call;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arazzo.codegen.testing.GeneratedCode;
import dev.arazzo.codegen.testing.RecordingServer.Response;
import dev.arazzo.codegen.testing.Scenario;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Arazzo 1.1 {@code in: querystring}: the value is the whole query string, run against a local server. */
class QuerystringTest extends ScenarioTest {

    /**
     * OpenAPI 3.1 has no {@code in: querystring} (swagger-parser drops the declaration), so the Arazzo
     * parameter is undeclared: its value is sent as a form. The media types of a declared one are the
     * runtime's {@code QuerystringTest}.
     */
    private static final String SEARCH = """
            openapi: 3.1.1
            info: {title: Search, version: '1'}
            paths:
              /search:
                get:
                  operationId: search
                  responses:
                    '200': {description: Found.}
            """;

    private static final String HEADER = """
            arazzo: 1.1.0
            info: {title: Querystring, version: '1'}
            sourceDescriptions:
              - {name: search, url: search-openapi.yaml, type: openapi}
            """;

    private List<String> queries() {
        return scenario.server().requests().stream().map(r -> r.method() + " " + r.path() + "?" + r.query()).toList();
    }

    @Test
    void aTextIsSentAsWrittenAndAnObjectAsAForm() throws Exception {
        scenario.write("search-openapi.yaml", SEARCH);
        GeneratedCode code = scenario.generate(HEADER + """
                workflows:
                  - workflowId: look
                    inputs:
                      type: object
                      properties:
                        category: {type: string}
                        price: {type: integer}
                        criteria:
                          type: object
                          properties:
                            category: {type: string}
                            note: {type: string}
                            limit: {type: integer}
                    steps:
                      - stepId: asText
                        operationId: search
                        parameters:
                          - name: criteria
                            in: querystring
                            value: "category={$inputs.category}&minPrice={$inputs.price}&inStock=true"
                      - stepId: asObject
                        operationId: search
                        parameters:
                          - {name: criteria, in: querystring, value: $inputs.criteria}
                """);
        scenario.server().on("GET", "/search", Response.json(200, "{}"));
        Object criteria = call(code.type("LookWorkflow.Criteria"), "fromJson", new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                "{\"category\":\"tools & toys\",\"note\":\"a b\",\"limit\":5}"));

        call(scenario.client(code, "LookWorkflow"), "run", Scenario.inputs(code, "LookWorkflow",
                Map.of("category", "tools", "price", 10, "criteria", criteria)));

        assertEquals(List.of(
                "GET /search?category=tools&minPrice=10&inStock=true",
                "GET /search?category=tools%20%26%20toys&note=a%20b&limit=5"), queries());
    }

    @Test
    void aQuerystringTheOperationDoesNotDeclareIsSentAsWrittenWithOtherQueryParameters() {
        GeneratedCode code = scenario.generate("""
                arazzo: 1.1.0
                info: {title: Querystring, version: '1'}
                sourceDescriptions:
                  - {name: things, url: things-openapi.yaml, type: openapi}
                workflows:
                  - workflowId: raw
                    steps:
                      - stepId: fetch
                        operationId: getThing
                        parameters:
                          - {name: id, in: path, value: t1}
                          - {name: all, in: querystring, value: "sort=desc&limit=5"}
                """);
        scenario.server().on("GET", "/things/t1", Response.json(200, "{}"));

        call(scenario.client(code, "RawWorkflow"), "run", Scenario.inputs(code, "RawWorkflow", Map.of()));

        assertEquals(List.of("GET /things/t1?sort=desc&limit=5"), queries());
    }
}
