package com.example.connect.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Holds every answer of the simulator to the schema that the OpenAPI description gives for it. */
class ConnectSimulatorConformanceTest {

    private static final String START_CHAT = "{\"InstanceId\":\"inst-1\",\"ContactFlowId\":\"flow-1\","
            + "\"ParticipantDetails\":{\"DisplayName\":\"Jane Doe\"},\"Attributes\":{\"tier\":\"gold\"}}";

    private static OpenAPI api;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private ConnectSimulator connect;

    @BeforeAll
    static void parse() {
        api = OpenApiContract.parse(true).getOpenAPI();
    }

    @BeforeEach
    void start() {
        connect = ConnectSimulator.start();
    }

    @AfterEach
    void stop() {
        connect.close();
    }

    @Test
    void successfulAnswersMatchTheirSchemas() throws Exception {
        HttpResponse<String> started = send("PUT", "/contact/chat", START_CHAT);
        assertConforms("startChatContact", 200, started);
        String contactId = json.readTree(started.body()).get("ContactId").textValue();

        assertConforms("updateContactAttributes", 200,
                send("POST", "/contact/attributes/inst-1/" + contactId, "{\"Attributes\":{\"topic\":\"billing\"}}"));
        assertConforms("describeContact", 200, send("GET", "/contacts/inst-1/" + contactId, null));
    }

    @Test
    void errorAnswersMatchTheirSchemas() throws Exception {
        assertConforms("startChatContact", 400, send("PUT", "/contact/chat", "{}"));
        assertConforms("startChatContact", 404, send("PUT", "/contact/chat", START_CHAT.replace("inst-1", "x")));
        assertConforms("describeContact", 404, send("GET", "/contacts/inst-1/unknown", null));
        assertConforms("updateContactAttributes", 400, send("POST", "/contact/attributes/inst-1/c", "{"));
        assertConforms("updateContactAttributes", 404,
                send("POST", "/contact/attributes/inst-1/c", "{\"Attributes\":{}}"));
        connect.failNext("startChatContact", 429, "LimitExceededException");
        assertConforms("startChatContact", 429, send("PUT", "/contact/chat", START_CHAT));
        connect.failNext("describeContact", 429);
        assertConforms("describeContact", 429, send("GET", "/contacts/inst-1/unknown", null));
        connect.failNext("updateContactAttributes", 500);
        assertConforms("updateContactAttributes", 500, send("POST", "/contact/attributes/inst-1/c", "{}"));
    }

    @Test
    void theSchemaCheckFindsDepartures() throws Exception {
        // Guards the guard: a body missing a required field or carrying an undeclared one fails the check.
        Schema<?> schema = schema("startChatContact", 200);

        assertFalse(OpenApiContract.problems(schema, json.readTree("{\"ContactId\":\"c\"}")).isEmpty());
        assertFalse(OpenApiContract.problems(schema, json.readTree(
                "{\"ContactId\":\"c\",\"ParticipantId\":\"p\",\"ParticipantToken\":\"t\",\"Extra\":1}")).isEmpty());
        assertFalse(OpenApiContract.problems(schema("describeContact", 200), json.readTree(
                "{\"Contact\":{\"Id\":\"c\",\"Arn\":\"a\",\"Channel\":\"SMS\",\"InitiationMethod\":\"API\","
                        + "\"InitiationTimestamp\":1}}")).isEmpty());
        assertEquals(List.of(), OpenApiContract.problems(schema, json.readTree(
                "{\"ContactId\":\"c\",\"ParticipantId\":\"p\",\"ParticipantToken\":\"t\"}")));
    }

    private void assertConforms(String operationId, int status, HttpResponse<String> response) throws Exception {
        assertEquals(status, response.statusCode(), operationId + ": " + response.body());
        ApiResponse declared = OpenApiContract.response(api, operation(operationId), status);
        assertEquals(List.of("application/json"), List.copyOf(declared.getContent().keySet()));
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        if (status >= 400) {
            assertTrue(declared.getHeaders().containsKey("x-amzn-ErrorType"));
            assertTrue(response.headers().firstValue("x-amzn-ErrorType").isPresent());
        }
        JsonNode body = json.readTree(response.body());
        assertEquals(List.of(), OpenApiContract.problems(schema(operationId, status), body),
                operationId + " " + status + ": " + body);
    }

    private Schema<?> schema(String operationId, int status) {
        return OpenApiContract.response(api, operation(operationId), status)
                .getContent().get("application/json").getSchema();
    }

    private static Operation operation(String operationId) {
        for (PathItem path : api.getPaths().values()) {
            for (Operation operation : path.readOperations()) {
                if (operationId.equals(operation.getOperationId())) {
                    return operation;
                }
            }
        }
        throw new AssertionError("no operation " + operationId);
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(connect.baseUri() + path))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
                .build();
        return http.send(request, BodyHandlers.ofString());
    }
}
