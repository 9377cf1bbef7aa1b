package dev.arazzo.codegen.features;

import static dev.arazzo.codegen.testing.GeneratedCode.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arazzo.codegen.testing.GeneratedCode;
import dev.arazzo.codegen.testing.RecordingServer.Request;
import dev.arazzo.codegen.testing.RecordingServer.Response;
import dev.arazzo.codegen.testing.Scenario;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A retried request keeps its idempotency token; a new execution of the step gets a new one. */
class IdempotencyTest extends ScenarioTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GeneratedCode code;

    @BeforeEach
    void generate() {
        code = generate(true);
        scenario.server().on("POST", "/payments", Response.json(200, "{}"));
    }

    private GeneratedCode generate(boolean idempotencyTokens) {
        scenario.write("orders-openapi.yaml", """
                openapi: 3.0.3
                info: {title: Orders, version: '1'}
                servers: [{url: 'https://orders.example.com'}]
                paths:
                  /orders:
                    put:
                      operationId: startOrder
                      requestBody:
                        content:
                          application/json:
                            schema:
                              type: object
                              properties:
                                Item: {type: string}
                                ClientToken: {type: string, maxLength: 500}
                      responses: {'200': {description: ok}, '429': {description: throttled}}
                  /payments:
                    post:
                      operationId: pay
                      parameters: [{name: Idempotency-Key, in: header, schema: {type: string}}]
                      responses: {'200': {description: ok}}
                """);
        return scenario.generate(idempotencyTokens, """
                arazzo: 1.0.1
                info: {title: Orders, version: '1'}
                sourceDescriptions:
                  - {name: orders, url: orders-openapi.yaml, type: openapi}
                workflows:
                  - workflowId: order
                    steps:
                      - stepId: start
                        operationId: startOrder
                        requestBody: {payload: {Item: book}}
                        successCriteria: [{condition: $statusCode == 200}]
                        onFailure:
                          - {name: throttled, type: retry, retryAfter: 0, retryLimit: 2, criteria: [{condition: $statusCode == 429}]}
                      - stepId: payment
                        operationId: pay
                """);
    }

    @Test
    void retriesOfABodyTokenStepSendTheSameTokenAndEachRunANewOne() throws Exception {
        scenario.server().on("PUT", "/orders", Response.json(429, "{}"), Response.json(429, "{}"), Response.json(200, "{}"));
        Object client = scenario.client(code, "OrderWorkflow");

        call(client, "run", Scenario.inputs(code, "OrderWorkflow", Map.of()));
        call(client, "run", Scenario.inputs(code, "OrderWorkflow", Map.of()));

        List<JsonNode> bodies = scenario.server().requests().stream().filter(r -> r.path().equals("/orders"))
                .map(r -> read(r)).toList();
        assertEquals(4, bodies.size(), "three attempts in the first run, one in the second");
        String token = bodies.get(0).get("ClientToken").asText();
        UUID.fromString(token);
        assertEquals("book", bodies.get(0).get("Item").asText());
        assertEquals(token, bodies.get(1).get("ClientToken").asText());
        assertEquals(token, bodies.get(2).get("ClientToken").asText());
        assertNotEquals(token, bodies.get(3).get("ClientToken").asText());
    }

    @Test
    void anIdempotencyKeyHeaderTheOperationDeclaresIsSentToo() {
        scenario.server().on("PUT", "/orders", Response.json(200, "{}"));

        call(scenario.client(code, "OrderWorkflow"), "run", Scenario.inputs(code, "OrderWorkflow", Map.of()));

        Request payment = scenario.server().requests().get(1);
        UUID.fromString(payment.header("Idempotency-Key"));
    }

    @Test
    void withIdempotencyTokensOffNoTokenIsSent() throws Exception {
        GeneratedCode off = generate(false);
        scenario.server().on("PUT", "/orders", Response.json(200, "{}"));

        call(scenario.client(off, "OrderWorkflow"), "run", Scenario.inputs(off, "OrderWorkflow", Map.of()));

        List<Request> requests = scenario.server().requests();
        assertEquals(JSON.readTree("{\"Item\":\"book\"}"), read(requests.get(0)));
        assertNull(requests.get(1).header("Idempotency-Key"));
        String source = Files.readString(off.result().files().stream()
                .filter(f -> f.qualifiedName().endsWith(".OrderWorkflow")).findFirst().orElseThrow().path());
        assertFalse(source.contains("idempotencyToken"), source);
    }

    private static JsonNode read(Request request) {
        try {
            return JSON.readTree(request.body());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
