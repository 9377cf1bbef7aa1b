package dev.arazzo.codegen.features;

import static dev.arazzo.codegen.testing.GeneratedCode.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arazzo.codegen.testing.GeneratedCode;
import dev.arazzo.codegen.testing.RecordingServer.Response;
import dev.arazzo.codegen.testing.Scenario;
import dev.arazzo.runtime.WorkflowException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A generated client against a server that misbehaves, and under load: every failure is a WorkflowException. */
class RuntimeFaultsTest extends ScenarioTest {

    private static final String WORKFLOW = """
            arazzo: 1.0.1
            info: {title: Faults, version: '1'}
            sourceDescriptions:
              - {name: things, url: things-openapi.yaml, type: openapi}
            workflows:
              - workflowId: faults
                inputs:
                  type: object
                  properties:
                    id: {type: string}
                    trace: {type: string}
                steps:
                  - stepId: status
                    operationId: getStatus
                    successCriteria: [{condition: $statusCode == 200}]
                    outputs: {state: $response.body#/state}
                    onFailure:
                      - {name: again, type: retry, retryAfter: 0, retryLimit: 1, criteria: [{condition: $statusCode == 503}]}
                  - stepId: thing
                    operationId: getThing
                    parameters:
                      - {name: id, in: path, value: $inputs.id}
                      - {name: X-Trace, in: header, value: $inputs.trace}
                    outputs: {name: $response.body#/name}
                outputs:
                  state: $steps.status.outputs.state
                  name: $steps.thing.outputs.name
                  trace: $inputs.trace
            """;

    private GeneratedCode code;

    @BeforeEach
    void start() {
        code = scenario.generate(WORKFLOW);
    }

    private Object inputs(String id, String trace) {
        Map<String, Object> values = new java.util.HashMap<>();
        if (id != null) {
            values.put("id", id);
        }
        values.put("trace", trace);
        return Scenario.inputs(code, "FaultsWorkflow", values);
    }

    private Object client(Map<String, Object> options) {
        Object builder = call(code.type("FaultsWorkflow"), "builder");
        call(builder, "baseUri", scenario.server().baseUri());
        options.forEach((name, value) -> call(builder, name, value));
        return call(builder, "build");
    }

    private WorkflowException fails(Object client, Object inputs) {
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> call(client, "run", inputs));
        return assertInstanceOf(WorkflowException.class, thrown);
    }

    @Test
    void aRetryAfterBeyondMaxRetryDelayFailsTheStepWithTheServersValue() {
        scenario.server().on("GET", "/status",
                new Response(503, "{}", Map.of("Content-Type", "application/json", "Retry-After", "999999999")));
        long started = System.nanoTime();

        WorkflowException tooLong = fails(client(Map.of()), inputs("t1", "x"));

        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 10, "no 31-year sleep");
        assertEquals("step 'status': the server asks to wait before retrying (Retry-After: 999999999), longer than "
                + "maxRetryDelay (60 s); the step is not retried (raise the limit with the builder's maxRetryDelay)",
                tooLong.getMessage());
        assertEquals(1, scenario.server().requests().size());
    }

    @Test
    void theBuilderSetsMaxRetryDelay() {
        scenario.server().on("GET", "/status",
                new Response(503, "{}", Map.of("Content-Type", "application/json", "Retry-After", "2")));
        WorkflowException tooLong = fails(client(Map.of("maxRetryDelay", Duration.ofSeconds(1))), inputs("t1", "x"));
        assertTrue(tooLong.getMessage().contains("(Retry-After: 2), longer than maxRetryDelay (1 s)"),
                tooLong.getMessage());
        RuntimeException negative = assertThrows(RuntimeException.class,
                () -> call(call(code.type("FaultsWorkflow"), "builder"), "maxRetryDelay", Duration.ofSeconds(-1)));
        assertInstanceOf(IllegalArgumentException.class, negative);
    }

    @Test
    void malformedJsonFailsTheStepInsteadOfGivingNullOutputs() {
        scenario.server().on("GET", "/status", Response.json(200, "{\"state\": \"ok\""));
        WorkflowException malformed = fails(client(Map.of()), inputs("t1", "x"));
        assertTrue(malformed.getMessage().startsWith("step 'status': the response body is not valid JSON although "
                + "its Content-Type is application/json: "), malformed.getMessage());
    }

    @Test
    void aBodyThatIsNotJsonFailsTheStepThatReadsAPointerIntoIt() {
        scenario.server().on("GET", "/status", new Response(200, "<h1>Down for maintenance</h1>",
                Map.of("Content-Type", "text/html")));
        WorkflowException notJson = fails(client(Map.of()), inputs("t1", "x"));
        assertEquals("step 'status' reads $response.body#/state but the response body is not JSON (Content-Type: "
                + "text/html); it starts: <h1>Down for maintenance</h1>", notJson.getMessage());
    }

    @Test
    void maxResponseBytesCutsABodyAndTheFailureKeepsItsExcerpt() {
        scenario.server().on("GET", "/status", Response.json(200, "{\"state\":\"ok\"}"));
        scenario.server().on("GET", "/things/t1", Response.json(500, "{\"message\":\"" + "e".repeat(5000) + "\"}"));
        Object client = client(Map.of("maxResponseBytes", 1000));

        Object failed = call(client, "execute", inputs("t1", "x"));

        assertEquals("Failed", failed.getClass().getSimpleName());
        assertEquals("{\"message\":\"" + "e".repeat(500) + "...", call(failed, "bodyExcerpt"));

        scenario.server().on("GET", "/things/t1", Response.json(200, "{\"name\":\"" + "n".repeat(5000) + "\"}"));
        WorkflowException tooLarge = fails(client, inputs("t1", "x"));
        assertEquals("step 'thing': the response body is larger than maxResponseBytes (1000 bytes), so it was not "
                + "read; raise the limit with the builder's maxResponseBytes", tooLarge.getMessage());
    }

    @Test
    void aNullPathValueAndUnsendableHeadersAreWorkflowExceptionsAndNothingIsSent() {
        scenario.server().on("GET", "/status", Response.json(200, "{\"state\":\"ok\"}"));
        scenario.server().on("GET", "/things/t1", Response.json(200, "{\"name\":\"Widget\"}"));
        Object client = client(Map.of());

        WorkflowException noId = fails(client, inputs(null, "x"));
        assertTrue(noId.getMessage().endsWith("path parameter 'id' has no value"), noId.getMessage());

        WorkflowException lineBreak = fails(client, inputs("t1", "x\r\nSet-Cookie: evil=1"));
        assertEquals("header 'X-Trace' holds a line break; header values cannot", lineBreak.getMessage());

        WorkflowException nonAscii = fails(client, inputs("t1", "Ren\u00e9e"));
        assertEquals("header 'X-Trace' holds U+00E9 at index 3; HTTP header values are ASCII, so encode the value "
                + "first (for example percent-encoded or Base64)", nonAscii.getMessage());

        assertFalse(scenario.server().requests().stream().anyMatch(r -> r.path().startsWith("/things")),
                "no request to /things was sent");
    }

    @Test
    void oneClientSharedByThirtyTwoThreadsKeepsEachRunsOutputsApart() throws Exception {
        int threads = 32;
        scenario.server().on("GET", "/status", Response.json(200, "{\"state\":\"ok\"}"));
        for (int i = 0; i < threads; i++) {
            scenario.server().on("GET", "/things/t" + i, Response.json(200, "{\"name\":\"thing " + i + "\"}"));
        }
        Object client = client(Map.of());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        try {
            List<Future<String>> runs = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int n = i;
                Callable<String> run = () -> {
                    ready.countDown();
                    ready.await();
                    StringBuilder seen = new StringBuilder();
                    for (int round = 0; round < 4; round++) {
                        Object outputs = call(client, "run", inputs("t" + n, "trace-" + n));
                        seen.append(call(outputs, "name")).append('/').append(call(outputs, "trace")).append(';');
                    }
                    return seen.toString();
                };
                runs.add(pool.submit(run));
            }
            for (int i = 0; i < threads; i++) {
                assertEquals(("thing " + i + "/trace-" + i + ";").repeat(4), runs.get(i).get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(threads * 4 * 2, scenario.server().requests().size());
        scenario.server().requests().stream().filter(r -> r.path().startsWith("/things/t")).forEach(r ->
                assertEquals("trace-" + r.path().substring("/things/t".length()), r.header("X-Trace"), r.toString()));
    }
}
