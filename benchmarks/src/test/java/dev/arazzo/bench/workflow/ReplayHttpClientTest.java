package dev.arazzo.bench.workflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.connect.simulator.ConnectSimulator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ReplayHttpClient} answers every client of the benchmark as the simulator did, after one run that went to
 * it, and goes to the network for nothing else; {@link ClientWork} measures all three clients with it.
 */
class ReplayHttpClientTest {

    @Test
    void everyClientRunsOnTheRecordedAnswersAfterTheSimulatorIsGone() {
        List<BiFunction<HttpClient.Builder, URI, ChatWorkflow>> clients = List.of(
                (client, uri) -> new HandWrittenWorkflow(client.build(), uri),
                (client, uri) -> new ArazzoGeneratedWorkflow(client.build(), uri),
                OpenApiGeneratorWorkflow::new);
        for (BiFunction<HttpClient.Builder, URI, ChatWorkflow> factory : clients) {
            ChatWorkflow workflow;
            ChatWorkflow.Outputs recorded;
            try (ConnectSimulator simulator = ConnectSimulator.start()) {
                workflow = factory.apply(ReplayHttpClient.builder(HttpClient.newBuilder()), simulator.baseUri());
                recorded = workflow.run(WorkflowBenchmark.INPUTS);
                assertEquals(3, simulator.requests().size());
            }
            for (int run = 0; run < 3; run++) {
                assertEquals(recorded, workflow.run(WorkflowBenchmark.INPUTS), "the recorded contact, every run");
            }
            assertEquals("CHAT", recorded.channel());
        }
    }

    @Test
    void aReplayHandsTheRecordedStatusHeadersAndBodyToTheCallersHandler() throws Exception {
        try (ConnectSimulator simulator = ConnectSimulator.start()) {
            ReplayHttpClient client = new ReplayHttpClient(HttpClient.newHttpClient());
            HttpRequest start = HttpRequest.newBuilder(simulator.baseUri().resolve("/contact/chat"))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"InstanceId\":\"" + ConnectSimulator.DEMO_INSTANCE_ID
                            + "\",\"ContactFlowId\":\"" + ConnectSimulator.DEMO_CONTACT_FLOW_ID
                            + "\",\"ParticipantDetails\":{\"DisplayName\":\"Jane\"}}"))
                    .build();
            HttpResponse<byte[]> first = client.send(start, HttpResponse.BodyHandlers.ofByteArray());
            HttpResponse<String> second = client.send(start, HttpResponse.BodyHandlers.ofString());
            assertEquals(1, simulator.requests().size(), "the second was answered in memory");
            assertEquals(first.statusCode(), second.statusCode());
            assertEquals(first.headers(), second.headers());
            assertArrayEquals(first.body(), second.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(HttpClient.Version.HTTP_1_1, second.version());
            assertEquals(Set.of("PUT /contact/chat"), client.kinds());
            assertEquals("GET /contacts/i", ReplayHttpClient.kind(HttpRequest.newBuilder(
                    URI.create("http://h/contacts/i/c")).build()));
        }
    }

    @Test
    void aRequestOfAKindNotRecordedGoesToTheNetworkAndFailsWhenNothingListens() {
        ReplayHttpClient client;
        URI base;
        try (ConnectSimulator simulator = ConnectSimulator.start()) {
            client = new ReplayHttpClient(HttpClient.newHttpClient());
            base = simulator.baseUri();
        }
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/contacts/a/b")).build();
        assertThrows(IOException.class, () -> client.send(request, HttpResponse.BodyHandlers.ofByteArray()));
    }

    @Test
    void clientWorkWritesEachClientsCpuAndBytesPerRun(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("clientwork.json");
        ClientWork.main(new String[] {"2", "0.2", "0.6", out.toString()});
        JsonNode json = new ObjectMapper().readTree(out.toFile());
        assertEquals(2, json.path("threads").asInt());
        for (String client : ClientWork.NAMES) {
            JsonNode measured = json.at("/clients/" + client);
            assertTrue(measured.path("runs").asLong() >= ClientWork.SLICE, client + " ran: " + measured);
            assertTrue(measured.path("cpuNanosPerRun").asDouble() > 0, client + ": " + measured);
            assertTrue(measured.path("bytesPerRun").asDouble() > 1000, client + ": " + measured);
        }
    }
}
