package dev.arazzo.codegen.features;

import static dev.arazzo.codegen.testing.GeneratedCode.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arazzo.codegen.testing.GeneratedCode;
import dev.arazzo.codegen.testing.RecordingServer.Response;
import dev.arazzo.codegen.testing.Scenario;
import dev.arazzo.runtime.WorkflowException;
import dev.arazzo.runtime.WorkflowListener;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a team calling a real API needs from the generated client: results, listener, safety. */
class ClientFeaturesTest extends ScenarioTest {

    private static final String WORKFLOW = """
            arazzo: 1.0.1
            info: {title: Client, version: '1'}
            sourceDescriptions:
              - {name: things, url: things-openapi.yaml, type: openapi}
            workflows:
              - workflowId: client
                description: 'A description that tries to end the comment */ and inject \\u000a code'
                inputs:
                  type: object
                  properties:
                    id: {type: string}
                    class: {type: string}
                steps:
                  - stepId: status
                    operationId: getStatus
                    successCriteria: [{condition: $statusCode == 200}]
                    outputs: {state: $response.body#/state}
                    onSuccess:
                      - {name: stopEarly, type: end, criteria: [{condition: $response.body#/state == 'done'}]}
                    onFailure:
                      - {name: again, type: retry, retryAfter: 0, retryLimit: 1, criteria: [{condition: $statusCode == 503}]}
                  - stepId: thing
                    operationId: getThing
                    parameters:
                      - {name: id, in: path, value: $inputs.id}
                      - {name: X-Trace, in: header, value: $inputs.class}
                    outputs: {name: $response.body#/name}
                outputs:
                  state: $steps.status.outputs.state
                  name: $steps.thing.outputs.name
            """;

    private GeneratedCode code;

    @BeforeEach
    void start() {
        code = scenario.generate(WORKFLOW);
    }

    private Object inputs(String id) {
        return Scenario.inputs(code, "ClientWorkflow", Map.of("id", id, "class_", "trace-1"));
    }

    @Test
    void executeReturnsCompletedEndedOrFailedResults() {
        Object client = scenario.client(code, "ClientWorkflow");
        scenario.server().on("GET", "/status", Response.json(200, "{\"state\":\"ok\"}"));
        scenario.server().on("GET", "/things/t1", Response.json(200, "{\"name\":\"Widget\"}"));

        Object completed = call(client, "execute", inputs("t1"));
        assertEquals("Completed", completed.getClass().getSimpleName());
        assertEquals("Widget", call(call(completed, "outputs"), "name"));

        scenario.server().on("GET", "/status", Response.json(200, "{\"state\":\"done\"}"));
        Object ended = call(client, "execute", inputs("t1"));
        assertEquals("Ended", ended.getClass().getSimpleName());
        assertEquals("status", call(ended, "stepId"));
        assertNull(call(call(ended, "outputs"), "name"));

        scenario.server().on("GET", "/status", Response.json(200, "{\"state\":\"ok\"}"));
        scenario.server().on("GET", "/things/t2", Response.json(404, "{\"message\":\"no thing t2\"}"));
        Object failed = call(client, "execute", inputs("t2"));
        assertEquals("Failed", failed.getClass().getSimpleName());
        assertEquals("thing", call(failed, "stepId"));
        assertEquals(404, call(failed, "statusCode"));
        assertEquals("$statusCode is 2xx", call(failed, "failedCriterion"));
        assertEquals("{\"message\":\"no thing t2\"}", call(failed, "bodyExcerpt"));
        assertTrue(code.type("ClientWorkflow.Result").isSealed());
    }

    @Test
    void theListenerHearsEveryStepAndRetry() {
        List<String> heard = new ArrayList<>();
        Class<?> listenerType = WorkflowListener.class;
        Object listener = Proxy.newProxyInstance(listenerType.getClassLoader(), new Class<?>[] {listenerType},
                (proxy, method, args) -> {
                    heard.add(method.getName() + " " + args[1] + (method.getName().equals("stepFinished")
                            ? " " + args[2] + (((Duration) args[3]).isNegative() ? " negative" : "")
                            : method.getName().equals("retrying") ? " " + args[2] : ""));
                    return null;
                });
        scenario.server().on("GET", "/status", Response.json(503, "{}"), Response.json(200, "{\"state\":\"ok\"}"));
        scenario.server().on("GET", "/things/t1", Response.json(200, "{\"name\":\"Widget\"}"));
        Object builder = call(code.type("ClientWorkflow"), "builder");
        call(builder, "baseUri", scenario.server().baseUri());
        call(builder, "listener", listener);

        call(call(builder, "build"), "run", inputs("t1"));

        assertEquals(List.of("stepStarted status", "stepFinished status 503", "retrying status 1",
                "stepStarted status", "stepFinished status 200", "stepStarted thing", "stepFinished thing 200"), heard);
    }

    @Test
    void pathValuesCannotEscapeTheirSegmentAndHeaderValuesCannotCarryLineBreaks() {
        scenario.server().on("GET", "/status", Response.json(200, "{\"state\":\"ok\"}"));
        scenario.server().on("GET", "/things/../admin", Response.json(200, "{}"));
        Object client = scenario.client(code, "ClientWorkflow");

        call(client, "run", inputs("../admin"));
        assertEquals("/things/..%2Fadmin", scenario.server().requests().get(1).rawPath());

        WorkflowException injected = assertThrows(WorkflowException.class, () -> call(client, "run",
                Scenario.inputs(code, "ClientWorkflow", Map.of("id", "t1", "class_", "x\r\nSet-Cookie: evil=1"))));
        assertEquals("header 'X-Trace' holds a line break; header values cannot", injected.getMessage());
    }

    @Test
    void transportFailuresNameTheStepAndKeepTheInterruptFlag() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Object builder = call(code.type("ClientWorkflow"), "builder");
        call(builder, "baseUri", URI.create("http://127.0.0.1:" + closedPort));
        call(builder, "connectTimeout", Duration.ofSeconds(2));
        Object client = call(builder, "build");

        RuntimeException refused = assertThrows(RuntimeException.class, () -> call(client, "run", inputs("t1")));
        assertEquals("WorkflowTransportException", refused.getClass().getSimpleName());
        assertEquals("status", call(refused, "stepId"));
        assertTrue(refused.getMessage().startsWith("step 'status': GET http://127.0.0.1:"), refused.getMessage());

        Thread.currentThread().interrupt();
        try {
            RuntimeException interrupted = assertThrows(RuntimeException.class, () -> call(client, "run", inputs("t1")));
            assertEquals("WorkflowTransportException", interrupted.getClass().getSimpleName());
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt flag is kept");
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void secretQueryValuesNeverAppearInMessages() throws Exception {
        GeneratedCode keyed = scenario.generate("""
                arazzo: 1.0.1
                info: {title: Keyed, version: '1'}
                sourceDescriptions:
                  - {name: things, url: things-openapi.yaml, type: openapi}
                workflows:
                  - workflowId: keyed
                    inputs: {type: object, properties: {key: {type: string}}}
                    steps:
                      - stepId: status
                        operationId: getStatus
                        parameters: [{name: api_key, in: query, value: $inputs.key}]
                """);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Object builder = call(keyed.type("KeyedWorkflow"), "builder");
        call(builder, "baseUri", URI.create("http://127.0.0.1:" + closedPort));

        RuntimeException refused = assertThrows(RuntimeException.class, () -> call(call(builder, "build"), "run",
                Scenario.inputs(keyed, "KeyedWorkflow", Map.of("key", "s3cret-value"))));

        assertTrue(refused.getMessage().contains("/status?api_key=***"), refused.getMessage());
        assertFalse(refused.getMessage().contains("s3cret"), refused.getMessage());
    }

    @Test
    void specTextInJavadocCannotEndTheCommentOrInjectCodeAndKeywordsAreEscaped() throws Exception {
        String source;
        try (Stream<Path> files = Files.walk(directory.resolve("generated"))) {
            source = Files.readString(files.filter(p -> p.endsWith("ClientWorkflow.java")).findFirst().orElseThrow());
        }
        assertFalse(source.contains("comment */ and"), "a */ from the spec would end the comment");
        assertTrue(source.contains("comment *&#47; and inject &#92;u000a code"), source);
        assertTrue(source.contains("String class_"), "the keyword input is escaped");
    }
}
