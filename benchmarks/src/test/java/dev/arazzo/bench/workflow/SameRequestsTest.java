package dev.arazzo.bench.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.connect.simulator.ConnectSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The benchmark compares clients that do the same work: each client of the harness runs the seed workflow
 * once against the simulator, through a relay that keeps the bytes they put on the wire, and every client
 * must have sent the floor's requests byte for byte (request line, headers in their order, body). Values
 * that are random by design (the contact id the simulator makes, the {@code ClientToken} each client
 * generates) are compared by where they recur: the n-th distinct UUID of a run becomes {@code <uuid-n>}.
 */
class SameRequestsTest {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private static final BiFunction<HttpClient.Builder, URI, ChatWorkflow> HAND_WRITTEN =
            (client, uri) -> new HandWrittenWorkflow(client.build(), uri);

    private static ConnectSimulator simulator;
    private static WireRecorder wire;

    @BeforeAll
    static void start() throws Exception {
        simulator = ConnectSimulator.start();
        wire = new WireRecorder(simulator.baseUri());
    }

    @AfterAll
    static void stop() throws Exception {
        wire.close();
        simulator.close();
    }

    @Test
    void theGeneratedWorkflowSendsTheFloorsBytes() {
        assertEquals(sent(HAND_WRITTEN), sent((client, uri) -> new ArazzoGeneratedWorkflow(client.build(), uri)));
    }

    @Test
    void theOpenApiGeneratorWorkflowSendsTheFloorsBytes() {
        assertEquals(sent(HAND_WRITTEN), sent(OpenApiGeneratorWorkflow::new));
    }

    /** The requests one run of a client sends, as text, UUIDs numbered by first appearance. */
    private static String sent(BiFunction<HttpClient.Builder, URI, ChatWorkflow> factory) {
        wire.takeRequests();
        ChatWorkflow.Outputs outputs = factory.apply(
                HttpClient.newBuilder().connectTimeout(WorkflowBenchmark.CONNECT_TIMEOUT), wire.baseUri()).run(WorkflowBenchmark.INPUTS);
        assertEquals("CHAT", outputs.channel());
        List<byte[]> requests = wire.takeRequests();
        assertEquals(3, requests.size(), "requests of one run");
        List<String> texts = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (byte[] request : requests) {
            Matcher matcher = UUID.matcher(new String(request, StandardCharsets.ISO_8859_1));
            texts.add(matcher.replaceAll(
                    m -> names.computeIfAbsent(m.group(), u -> "<uuid-" + (names.size() + 1) + ">")));
        }
        return String.join("\n----\n", texts);
    }
}
