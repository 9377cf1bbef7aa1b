package dev.arazzo.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Transport and HttpExchange against a local JDK HTTP server. */
class TransportTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final byte[] OK = "{\"id\":\"p-1\",\"tags\":[\"a\"]}".getBytes(StandardCharsets.UTF_8);

    private final LocalServer server = new LocalServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private static Transport transport(RequestInterceptor interceptor, WorkflowListener listener, Duration timeout) {
        return new Transport("shop", null, Transport.DEFAULT_CONNECT_TIMEOUT, interceptor, timeout, listener,
                new Credentials());
    }

    private static Transport transport() {
        return transport(null, null, Transport.DEFAULT_REQUEST_TIMEOUT);
    }

    @Test
    void theRequestArrivesExactlyAsTheStepBuiltIt() throws Exception {
        server.answer(201, "application/json", OK);
        StepRequest request = StepRequest.of(server.uri(), "POST", "/pets/{petId}/orders")
                .path("petId", "a b/c")
                .query("tag", List.of("x y", "z&w"))
                .query("empty", "")
                .header("X-Trace", "t-1")
                .cookie("session", "s1")
                .jsonBody("application/json; charset=utf-8", MAPPER.readTree("{\"quantity\":2,\"note\":\"é\"}"));

        HttpExchange exchange = transport().send("order", request, List.of());

        LocalServer.Received received = server.received().get(0);
        assertEquals("POST", received.method());
        assertEquals("/pets/a%20b%2Fc/orders", received.rawPath());
        assertEquals("tag=x%20y&tag=z%26w&empty=", received.rawQuery());
        assertEquals("t-1", received.header("X-Trace"));
        assertEquals("session=s1", received.header("Cookie"));
        assertEquals("application/json; charset=utf-8", received.header("Content-Type"));
        assertEquals("application/json", received.header("Accept"));
        assertArrayEquals("{\"quantity\":2,\"note\":\"é\"}".getBytes(StandardCharsets.UTF_8), received.body());
        assertEquals(201, exchange.statusCode());
        assertEquals("POST", exchange.method());
        assertEquals(server.uri() + "/pets/a%20b%2Fc/orders?tag=x%20y&tag=z%26w&empty=", exchange.url());
    }

    @Test
    void aGetHasNoBody() {
        server.answer(200, "application/json", OK);

        transport().send("get", StepRequest.of(server.uri(), "GET", "/pets"), List.of());

        LocalServer.Received received = server.received().get(0);
        assertEquals("GET", received.method());
        assertEquals(0, received.body().length);
        assertNull(received.header("Content-Type"));
        assertNull(received.rawQuery());
    }

    @Test
    void theExchangeAnswersTheRuntimeExpressions() throws Exception {
        server.answer(exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-Rate-Limit", "10");
            exchange.getResponseHeaders().add("X-Rate-Limit", "20");
            exchange.sendResponseHeaders(200, OK.length);
            exchange.getResponseBody().write(OK);
        });
        StepRequest request = StepRequest.of(server.uri(), "PUT", "/pets/{petId}").path("petId", "p-1")
                .query("dryRun", true).header("X-Trace", "t-2").jsonBody("application/json", MAPPER.readTree("{}"));

        HttpExchange exchange = transport().send("put", request, List.of());

        assertEquals(MAPPER.readTree(OK), exchange.body());
        assertSame(exchange.body(), exchange.body());
        assertEquals("10", exchange.header("x-rate-limit"));
        assertNull(exchange.header("X-Absent"));
        assertEquals("t-2", exchange.requestHeader("x-trace"));
        assertEquals("true", exchange.requestQuery("dryRun"));
        assertEquals("p-1", exchange.requestPath("petId"));
        assertEquals(MAPPER.readTree("{}"), exchange.requestBody());
        assertNull(exchange.requestPath("other"));
    }

    @Test
    void bodiesThatAreNotJsonAreTextAndEmptyBodiesAreMissing() throws Exception {
        server.answer(500, "text/plain", "oops".getBytes(StandardCharsets.UTF_8));
        HttpExchange text = transport().send("s", StepRequest.of(server.uri(), "GET", "/"), List.of());
        assertEquals(MAPPER.getNodeFactory().textNode("oops"), text.body());
        assertTrue(text.requestBody().isMissingNode());

        server.answer(204, null, new byte[0]);
        HttpExchange empty = transport().send("s", StepRequest.of(server.uri(), "GET", "/"), List.of());
        assertEquals(204, empty.statusCode());
        assertTrue(empty.body().isMissingNode());
        assertEquals("", empty.bodyExcerpt());
    }

    @Test
    void bodiesAreDecodedWithTheirCharsetAndExcerptsAreBounded() throws Exception {
        server.answer(400, "application/json; charset=ISO-8859-1",
                "{\"message\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
        HttpExchange latin = transport().send("s", StepRequest.of(server.uri(), "GET", "/"), List.of());
        assertEquals("café", latin.body().path("message").asText());
        assertEquals("{\"message\":\"café\"}", latin.bodyExcerpt());

        String long600 = "x".repeat(600);
        server.answer(500, "text/plain", long600.getBytes(StandardCharsets.UTF_8));
        HttpExchange large = transport().send("s", StepRequest.of(server.uri(), "GET", "/"), List.of());
        assertEquals("x".repeat(512) + "...", large.bodyExcerpt());
    }

    @Test
    void theInterceptorSeesTheBodyAndItsRequestIsSent() throws Exception {
        server.answer(200, "application/json", OK);
        List<String> seen = new ArrayList<>();
        RequestInterceptor signer = (request, body) -> {
            seen.add(request.method() + " " + new String(body, StandardCharsets.UTF_8));
            return HttpRequest.newBuilder(request, (name, value) -> true).header("Authorization", "Signed").build();
        };

        transport(signer, null, Duration.ofSeconds(5)).send("s", StepRequest.of(server.uri(), "POST", "/")
                .jsonBody("application/json", MAPPER.readTree("[1]")), List.of());

        assertEquals(List.of("POST [1]"), seen);
        assertEquals("Signed", server.received().get(0).header("Authorization"));
    }

    @Test
    void anInterceptorThatFailsOrReturnsNothingFailsTheStep() {
        server.answer(200, "application/json", OK);
        StepRequest request = StepRequest.of(server.uri(), "GET", "/");

        WorkflowException failed = assertThrows(WorkflowException.class, () -> transport((r, b) -> {
            throw new IllegalStateException("no key");
        }, null, Duration.ofSeconds(5)).send("sign", request, List.of()));
        assertEquals("step 'sign': the request interceptor failed: no key", failed.getMessage());

        WorkflowException none = assertThrows(WorkflowException.class,
                () -> transport((r, b) -> null, null, Duration.ofSeconds(5)).send("sign", request, List.of()));
        assertEquals("step 'sign': the request interceptor returned no request", none.getMessage());
        assertEquals(List.of(), server.received());
    }

    @Test
    void theListenerHearsEachExchangeAndRetry() {
        server.answer(200, "application/json", OK);
        List<String> heard = new ArrayList<>();
        WorkflowListener listener = new WorkflowListener() {
            @Override
            public void stepStarted(String workflowId, String stepId) {
                heard.add("started " + workflowId + "/" + stepId);
            }

            @Override
            public void stepFinished(String workflowId, String stepId, int statusCode, Duration duration) {
                heard.add("finished " + workflowId + "/" + stepId + " " + statusCode
                        + (duration.isNegative() ? " <0" : ""));
            }

            @Override
            public void retrying(String workflowId, String stepId, int attempt, Duration delay) {
                heard.add("retrying " + stepId + " " + attempt + " " + delay);
            }
        };
        Transport transport = transport(null, listener, Duration.ofSeconds(5));

        HttpExchange exchange = transport.send("get", StepRequest.of(server.uri(), "GET", "/"), List.of());
        transport.pauseBeforeRetry("get", exchange, 0.01, 1);

        assertEquals(List.of("started shop/get", "finished shop/get 200", "retrying get 1 PT0.01S"), heard);
        assertSame(listener, transport.listener());
        assertNull(transport().listener());
    }

    @Test
    void retryAfterHeadersOverruleTheStepsDelay() {
        server.answer(exchange -> {
            exchange.getResponseHeaders().add("Retry-After", "0");
            exchange.sendResponseHeaders(503, -1);
        });
        List<Duration> delays = new ArrayList<>();
        Transport transport = transport(null, new WorkflowListener() {
            @Override
            public void retrying(String workflowId, String stepId, int attempt, Duration delay) {
                delays.add(delay);
            }
        }, Duration.ofSeconds(5));
        HttpExchange exchange = transport.send("get", StepRequest.of(server.uri(), "GET", "/"), List.of());

        long started = System.nanoTime();
        transport.pauseBeforeRetry("get", exchange, 30, 1);
        transport.pauseBeforeRetry("call", null, 0, 2);

        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 5);
        assertEquals(List.of(Duration.ZERO, Duration.ZERO), delays);
    }

    @Test
    void aTimeoutFailsTheStepWithItsMaskedUrl() {
        server.answer(exchange -> {
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
        });
        StepRequest request = StepRequest.of(server.uri(), "GET", "/slow").query("api_key", "secret-1");

        WorkflowTransportException timeout = assertThrows(WorkflowTransportException.class,
                () -> transport(null, null, Duration.ofMillis(200)).send("slow", request, List.of()));

        assertEquals("slow", timeout.stepId());
        assertInstanceOf(HttpTimeoutException.class, timeout.getCause());
        assertEquals("step 'slow': GET " + server.uri() + "/slow?api_key=*** failed: HttpTimeoutException: "
                + timeout.getCause().getMessage(), timeout.getMessage());
        assertTrue(!timeout.getMessage().contains("secret-1"));
    }

    @Test
    void aRefusedConnectionFailsTheStep() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        StepRequest request = StepRequest.of(URI.create("http://127.0.0.1:" + closedPort), "GET", "/");

        WorkflowTransportException refused = assertThrows(WorkflowTransportException.class,
                () -> transport().send("status", request, List.of()));

        assertTrue(refused.getMessage().startsWith("step 'status': GET http://127.0.0.1:" + closedPort + "/ failed: "),
                refused.getMessage());
    }

    @Test
    void anInterruptedSendKeepsTheInterruptFlag() {
        server.answer(200, "application/json", OK);
        Thread.currentThread().interrupt();
        try {
            WorkflowTransportException interrupted = assertThrows(WorkflowTransportException.class,
                    () -> transport().send("get", StepRequest.of(server.uri(), "GET", "/"), List.of()));
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt flag is kept");
            assertInstanceOf(InterruptedException.class, interrupted.getCause());
            assertEquals("step 'get': GET " + server.uri() + "/ was interrupted", interrupted.getMessage());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void anInterruptedWaitBeforeARetryKeepsTheInterruptFlag() {
        Thread.currentThread().interrupt();
        try {
            WorkflowTransportException interrupted = assertThrows(WorkflowTransportException.class,
                    () -> transport().pauseBeforeRetry("get", null, 10, 1));
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt flag is kept");
            assertEquals("step 'get': interrupted while waiting to retry", interrupted.getMessage());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aGivenClientIsUsedAndShared() {
        HttpClient client = HttpClient.newHttpClient();
        Credentials credentials = new Credentials();
        Transport transport = new Transport("w", client, null, null, Duration.ofSeconds(1), null, credentials);

        assertSame(client, transport.client());
        assertSame(credentials, transport.credentials());
        assertThrows(NullPointerException.class,
                () -> new Transport("w", null, null, null, Duration.ofSeconds(1), null, credentials));
    }

    @Test
    void theSslContextGoesToTheClientTheTransportMakesAndAGivenClientIsKept() throws Exception {
        javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
        context.init(null, null, null);
        Transport made = new Transport("shop", null, Transport.DEFAULT_CONNECT_TIMEOUT, null,
                Transport.DEFAULT_REQUEST_TIMEOUT, null, new Credentials(), Transport.DEFAULT_MAX_RETRY_DELAY,
                Transport.DEFAULT_MAX_RESPONSE_BYTES, context);
        assertSame(context, made.client().sslContext());
        java.net.http.HttpClient own = java.net.http.HttpClient.newHttpClient();
        Transport given = new Transport("shop", own, null, null, Transport.DEFAULT_REQUEST_TIMEOUT, null,
                new Credentials(), Transport.DEFAULT_MAX_RETRY_DELAY, Transport.DEFAULT_MAX_RESPONSE_BYTES, context);
        assertSame(own, given.client());
    }
}
