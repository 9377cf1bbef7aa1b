package dev.arazzo.codegen.features;

import static dev.arazzo.codegen.testing.GeneratedCode.call;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arazzo.codegen.testing.GeneratedCode;
import dev.arazzo.codegen.testing.RecordingServer;
import dev.arazzo.codegen.testing.RecordingServer.Response;
import dev.arazzo.codegen.testing.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A workflow over an OpenAPI 3.2 source: the QUERY method, an additional operation, typed results. */
class OpenApi32FeaturesTest extends ScenarioTest {

    @Test
    void aClientOfAnOpenApi32SourceSendsQueryAndAdditionalMethods() throws Exception {
        Files.copy(Path.of(OpenApi32FeaturesTest.class.getResource("/fixtures/openapi32/search.openapi.yaml").toURI()),
                directory.resolve("search.openapi.yaml"));
        GeneratedCode code = scenario.generate("""
                arazzo: 1.0.1
                info: {title: Search, version: '1'}
                sourceDescriptions:
                  - {name: search, url: search.openapi.yaml, type: openapi}
                workflows:
                  - workflowId: find
                    inputs: {type: object, properties: {color: {type: string}}}
                    steps:
                      - stepId: search
                        operationId: searchProducts
                        parameters:
                          - {name: X-Tenant, in: header, value: acme}
                        requestBody:
                          contentType: application/json
                          payload: {color: $inputs.color}
                        outputs:
                          first: $response.body#/0/sku
                      - stepId: purge
                        operationPath: '{$sourceDescriptions.search.url}#/paths/~1products/additionalOperations/PURGE'
                        successCriteria:
                          - condition: $statusCode == 204
                    outputs:
                      first: $steps.search.outputs.first
                """);
        scenario.server().on("QUERY", "/products", Response.json(200, "[{\"sku\":\"p-1\",\"price\":3.5}]"));
        scenario.server().on("PURGE", "/products", new Response(204, "", Map.of()));
        Object client = scenario.client(code, "FindWorkflow");

        Object outputs = call(client, "run", Scenario.inputs(code, "FindWorkflow", Map.of("color", "red")));

        assertEquals("p-1", call(outputs, "first"));
        assertEquals(String.class, code.type("FindWorkflow.Outputs").getRecordComponents()[0].getType(),
                "typed from the schema the components/mediaTypes $ref names");
        List<RecordingServer.Request> sent = scenario.server().requests();
        assertEquals(2, sent.size());
        assertEquals("QUERY", sent.get(0).method());
        assertEquals("/products", sent.get(0).path());
        assertEquals("acme", sent.get(0).header("X-Tenant"));
        assertEquals("application/json", sent.get(0).header("Content-Type"));
        assertEquals("{\"color\":\"red\"}", sent.get(0).body());
        assertEquals("PURGE", sent.get(1).method());
        assertEquals("/products", sent.get(1).path());
        assertEquals("", sent.get(1).body());
    }
}
