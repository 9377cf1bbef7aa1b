package dev.arazzo.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How the transport reads a response body: one framed by its Content-Length (HTTP/1.1) in one array of that length,
 * with no hand-over to the HTTP client's executor; a chunked one streamed, both up to {@code maxResponseBytes}.
 */
class ResponseBodyTest {

    private final LocalServer server = new LocalServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private static Transport transport(int maxResponseBytes) {
        return new Transport("shop", null, Transport.DEFAULT_CONNECT_TIMEOUT, null, Duration.ofSeconds(20), null,
                new Credentials(), Transport.DEFAULT_MAX_RETRY_DELAY, maxResponseBytes);
    }

    private HttpExchange get(Transport transport) {
        return transport.send("get", StepRequest.of(server.uri(), "GET", "/"), List.of());
    }

    /** Answers with {@code body} in chunks (no Content-Length), written in two parts. */
    private void answerChunked(byte[] body) {
        server.answer(exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write(body, 0, body.length / 2);
            out.flush();
            out.write(body, body.length / 2, body.length - body.length / 2);
        });
    }

    @Test
    void aChunkedBodyWithinTheLimitIsReadWhole() {
        answerChunked("{\"a\":[1,2,3]}".getBytes(StandardCharsets.UTF_8));
        HttpExchange exchange = get(transport(13));
        assertEquals(3, exchange.body("/a/2").asInt());
        assertEquals("{\"a\":[1,2,3]}", exchange.bodyExcerpt());
    }

    @Test
    void aChunkedBodyBeyondTheLimitIsCutAndNotParsed() {
        answerChunked("{\"a\":[1,2,3]}".getBytes(StandardCharsets.UTF_8));
        HttpExchange cut = get(transport(12));
        assertEquals("{\"a\":[1,2,3]...", cut.bodyExcerpt());
        WorkflowException tooLarge = assertThrows(WorkflowException.class, cut::body);
        assertEquals("step 'get': the response body is larger than maxResponseBytes (12 bytes), so it was not read; "
                + "raise the limit with the builder's maxResponseBytes", tooLarge.getMessage());
    }

    @Test
    void aFramedBodyLargerThanTheFirstArrayIsReadWholeByteForByte() {
        byte[] body = ("{\"text\":\"" + "0123456789abcdef".repeat(20_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        server.answer(200, "application/json", body);
        HttpExchange exchange = get(transport(body.length));
        assertEquals(320_000, exchange.body("/text").asText().length());
        assertArrayEquals(body, exchange.bodyText().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aFramedEmptyBodyIsEmpty() {
        server.answer(exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(204, -1);
        });
        HttpExchange exchange = get(transport(Transport.DEFAULT_MAX_RESPONSE_BYTES));
        assertEquals(204, exchange.statusCode());
        assertEquals("", exchange.bodyExcerpt());
        assertTrue(exchange.body().isMissingNode());
    }

    /**
     * The JDK's client hands the body of a subscriber it does not know to its executor before it completes the
     * response; {@code BodyHandlers.ofByteArray} and the transport's framed bodies complete where the last bytes
     * were read. Counted over the same number of exchanges, the transport gives the executor about as many
     * tasks as {@code ofByteArray} (the client's own hand-overs vary by one or two with timing), not one more per
     * exchange, as a subscriber of its own did.
     */
    @Test
    void aFramedBodyCompletesWithoutATaskOnTheClientsExecutor() throws Exception {
        server.answer(200, "application/json", "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        AtomicInteger tasks = new AtomicInteger();
        ExecutorService pool = Executors.newCachedThreadPool();
        try {
            HttpClient client = HttpClient.newBuilder().executor(task -> {
                tasks.incrementAndGet();
                pool.execute(task);
            }).build();
            HttpRequest request = HttpRequest.newBuilder(server.uri().resolve("/")).GET().build();
            Transport transport = new Transport("shop", client, null, null, Duration.ofSeconds(20), null,
                    new Credentials());
            client.send(request, HttpResponse.BodyHandlers.ofByteArray()); // the connection is open for both
            int exchanges = 20;
            tasks.set(0);
            for (int i = 0; i < exchanges; i++) {
                client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            }
            int byteArrayTasks = tasks.getAndSet(0);
            for (int i = 0; i < exchanges; i++) {
                assertEquals(1, transport.send("get", StepRequest.of(server.uri(), "GET", "/"), List.of())
                        .body("/a").asInt());
            }
            int transportTasks = tasks.get();
            assertTrue(transportTasks < byteArrayTasks + exchanges / 2, "tasks on the client's executor for "
                    + exchanges + " exchanges: the transport's " + transportTasks + ", ofByteArray's " + byteArrayTasks);
        } finally {
            pool.shutdownNow();
        }
    }
}
