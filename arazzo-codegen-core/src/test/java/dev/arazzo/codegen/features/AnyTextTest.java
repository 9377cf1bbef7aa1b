package dev.arazzo.codegen.features;

import static dev.arazzo.codegen.testing.GeneratedCode.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arazzo.codegen.testing.GeneratedCode;
import dev.arazzo.codegen.testing.RecordingServer;
import dev.arazzo.codegen.testing.RecordingServer.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Any text of a document becomes valid Java: line and paragraph separators, NEL, comment ends, backslashes and
 * quotes in descriptions, enum values, regexes, parameter values and payloads, and a payload string longer
 * than one class-file constant holds, split beside a surrogate pair. The output compiles with -Werror and
 * sends exactly that text.
 */
class AnyTextTest extends ScenarioTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every awkward character at once. */
    private static final String ODD = "a\u2028b\u2029c\u0085d*/e\\f\"g\u000Bh\u0000i\u200Ej \\u000A k";

    /** 65,534 bytes of two-byte characters, then a surrogate pair that cannot fit the first constant. */
    private static final String LONG = "\u00e9".repeat(32_767) + "\uD83D\uDE00" + "\u00fc".repeat(2_300);

    @Test
    void everyTextGeneratesCompilesAndIsSentAsWritten() throws Exception {
        assertTrue(LONG.getBytes(StandardCharsets.UTF_8).length > 70_000);
        scenario.write("odd-openapi.json", JSON.writeValueAsString(Map.of(
                "openapi", "3.0.3",
                "info", Map.of("title", "Odd " + ODD, "version", "1"),
                "paths", Map.of("/things", Map.of("post", Map.of(
                        "operationId", "postThing",
                        "description", "posts " + ODD,
                        "parameters", List.of(Map.of("name", "q", "in", "query",
                                "schema", Map.of("type", "string"))),
                        "requestBody", Map.of("content", Map.of("application/json", Map.of(
                                "schema", Map.of("type", "object")))),
                        "responses", Map.of("200", Map.of("description", "ok " + ODD,
                                "content", Map.of("application/json", Map.of("schema", Map.of("type", "object",
                                        "properties", Map.of("name", Map.of("type", "string",
                                                "description", ODD)))))))))))));
        String arazzo = JSON.writeValueAsString(Map.of(
                "arazzo", "1.0.1",
                "info", Map.of("title", "Odd " + ODD, "version", "1", "description", ODD),
                "sourceDescriptions", List.of(Map.of("name", "odd", "url", "odd-openapi.json", "type", "openapi")),
                "workflows", List.of(Map.of(
                        "workflowId", "post",
                        "summary", ODD,
                        "description", ODD + " */ /* " + ODD,
                        "inputs", Map.of("type", "object", "properties", Map.of("kind", Map.of("type", "string",
                                "description", ODD, "enum", List.of(ODD, "plain")))),
                        "steps", List.of(Map.of(
                                "stepId", "send",
                                "description", ODD,
                                "operationId", "postThing",
                                "parameters", List.of(Map.of("name", "q", "in", "query", "value", ODD)),
                                "requestBody", Map.of("contentType", "application/json",
                                        "payload", Map.of("odd", ODD, "long", LONG, "kind", "$inputs.kind")),
                                "successCriteria", List.of(
                                        Map.of("condition", "$statusCode == 200"),
                                        Map.of("context", "$response.body#/name", "type", "regex",
                                                "condition", "^a\u2028b\u2029c\u0085d\\*/e\\\\f\"g")),
                                "outputs", Map.of("name", "$response.body#/name"))),
                        "outputs", Map.of("name", "$steps.send.outputs.name")))));
        GeneratedCode code = scenario.generate(arazzo);
        scenario.server().on("POST", "/things", Response.json(200, JSON.writeValueAsString(Map.of("name", ODD))));
        Object client = scenario.client(code, "PostWorkflow");
        Class<?> kind = code.type("PostWorkflow.Inputs").getDeclaredMethod("kind").getReturnType();
        Object odd = kind.isEnum() ? kind.getEnumConstants()[0] : ODD;
        Object outputs = call(client, "run", dev.arazzo.codegen.testing.Scenario.inputs(code, "PostWorkflow",
                Map.of("kind", odd)));

        assertEquals(ODD, call(outputs, "name"));
        RecordingServer.Request sent = scenario.server().requests().get(0);
        assertEquals("POST", sent.method());
        assertEquals("/things", sent.path());
        assertTrue(sent.query().startsWith("q="), sent.query());
        assertEquals(ODD, URLDecoder.decode(sent.query().substring(2).replace("+", "%2B"), StandardCharsets.UTF_8));
        JsonNode body = JSON.readTree(scenario.server().bodyBytes(0));
        assertEquals(ODD, body.get("odd").textValue());
        assertEquals(LONG, body.get("long").textValue());
        assertEquals(ODD, body.get("kind").textValue());
    }
}
