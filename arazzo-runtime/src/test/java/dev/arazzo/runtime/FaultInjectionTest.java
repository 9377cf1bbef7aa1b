package dev.arazzo.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The transport against a server that misbehaves: long waits, huge bodies, bad JSON, odd headers. */
class FaultInjectionTest {

    private static final long FIFTY_MB = 50L * 1024 * 1024;

    private final LocalServer server = new LocalServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private static Transport transport(Duration maxRetryDelay, int maxResponseBytes) {
        return new Transport("shop", null, Transport.DEFAULT_CONNECT_TIMEOUT, null, Duration.ofSeconds(20), null,
                new Credentials(), maxRetryDelay, maxResponseBytes);
    }

    private static Transport transport() {
        return transport(Transport.DEFAULT_MAX_RETRY_DELAY, Transport.DEFAULT_MAX_RESPONSE_BYTES);
    }

    private HttpExchange retryAfter(String value) {
        server.answer(exchange -> {
            exchange.getResponseHeaders().add("Retry-After", value);
            exchange.sendResponseHeaders(503, -1);
        });
        return transport().send("get", StepRequest.of(server.uri(), "GET", "/"), List.of());
    }

    @Test
    void theDefaultsAreSixtySecondsAndSixteenMebibytes() {
        assertEquals(Duration.ofSeconds(60), Transport.DEFAULT_MAX_RETRY_DELAY);
        assertEquals(16 * 1024 * 1024, Transport.DEFAULT_MAX_RESPONSE_BYTES);
    }

    @Test
    void aRetryAfterLongerThanTheLimitFailsTheStepWithTheServersValueInsteadOfSleeping() {
        HttpExchange exchange = retryAfter("999999999");
        long started = System.nanoTime();

        WorkflowException tooLong = assertThrows(WorkflowException.class,
                () -> transport().pauseBeforeRetry("get", exchange, 1, 1));

        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 2, "no sleep");
        assertEquals("step 'get': the server asks to wait before retrying (Retry-After: 999999999), longer than "
                + "maxRetryDelay (60 s); the step is not retried (raise the limit with the builder's maxRetryDelay)",
                tooLong.getMessage());
    }

    @Test
    void retryAfterSecondsBeyondALongAndFarDatesAreTooLongToo() {
        HttpExchange huge = retryAfter("99999999999999999999999");
        assertTrue(assertThrows(WorkflowException.class, () -> transport().pauseBeforeRetry("get", huge, 1, 1))
                .getMessage().contains("(Retry-After: 99999999999999999999999)"));

        HttpExchange date = retryAfter("Fri, 31 Dec 2100 23:59:59 GMT");
        assertTrue(assertThrows(WorkflowException.class, () -> transport().pauseBeforeRetry("get", date, 1, 1))
                .getMessage().contains("(Retry-After: Fri, 31 Dec 2100 23:59:59 GMT)"));
    }

    @Test
    void aRetryAfterWithinALowerLimitIsWaitedAndOneBeyondItIsNot() {
        HttpExchange exchange = retryAfter("1");
        Transport strict = transport(Duration.ofMillis(500), Transport.DEFAULT_MAX_RESPONSE_BYTES);
        assertTrue(assertThrows(WorkflowException.class, () -> strict.pauseBeforeRetry("get", exchange, 0, 1))
                .getMessage().contains("longer than maxRetryDelay (500 ms)"));

        long started = System.nanoTime();
        transport(Duration.ofSeconds(1), Transport.DEFAULT_MAX_RESPONSE_BYTES).pauseBeforeRetry("get", exchange, 0, 1);
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 900, "the second was waited");
    }

    @Test
    void aStepsOwnRetryAfterBeyondTheLimitFailsToo() {
        WorkflowException tooLong = assertThrows(WorkflowException.class,
                () -> transport().pauseBeforeRetry("call", null, 3600, 1));
        assertEquals("step 'call': its retryAfter (3600.0 s) is longer than maxRetryDelay (60 s); the step is not "
                + "retried (raise the limit with the builder's maxRetryDelay)", tooLong.getMessage());
    }

    @Test
    void interruptingAWaitStopsItAndKeepsTheInterruptFlag() throws Exception {
        HttpExchange exchange = retryAfter("30");
        Thread waiting = Thread.currentThread();
        Thread interrupter = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            waiting.interrupt();
        });
        long started = System.nanoTime();
        interrupter.start();
        try {
            WorkflowTransportException interrupted = assertThrows(WorkflowTransportException.class,
                    () -> transport().pauseBeforeRetry("get", exchange, 0, 1));
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt flag is kept");
            assertEquals("step 'get': interrupted while waiting to retry", interrupted.getMessage());
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 10);
        } finally {
            Thread.interrupted(); // cleared first: join() would throw on the flag the test asserts
            interrupter.join();
        }
    }

    @Test
    void aFiftyMegabyteErrorBodyIsNotReadWholeAndItsExcerptIsKept() throws Exception {
        AtomicLong written = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        server.answer(exchange -> {
            try {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(500, FIFTY_MB);
                OutputStream out = exchange.getResponseBody();
                while (written.get() < FIFTY_MB) {
                    out.write(chunk);
                    written.addAndGet(chunk.length);
                }
            } catch (IOException dropped) {
                // the client stopped reading: what this test expects
            } finally {
                done.countDown();
            }
        });

        HttpExchange exchange = transport(Transport.DEFAULT_MAX_RETRY_DELAY, 1024 * 1024)
                .send("get", StepRequest.of(server.uri(), "GET", "/"), List.of());

        assertEquals(500, exchange.statusCode());
        assertEquals("x".repeat(512) + "...", exchange.bodyExcerpt());
        WorkflowException tooLarge = assertThrows(WorkflowException.class, exchange::body);
        assertEquals("step 'get': the response body is larger than maxResponseBytes (1048576 bytes), so it was not "
                + "read; raise the limit with the builder's maxResponseBytes", tooLarge.getMessage());
        assertThrows(WorkflowException.class, () -> exchange.body("/a"));
        assertTrue(done.await(20, TimeUnit.SECONDS), "the server's write ended");
        assertTrue(written.get() < FIFTY_MB, "the client dropped the body after its limit, the server wrote "
                + written.get() + " bytes");
    }

    @Test
    void aBodyOfExactlyTheLimitIsReadWhole() {
        server.answer(200, "application/json", "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        HttpExchange exchange = transport(Transport.DEFAULT_MAX_RETRY_DELAY, 7)
                .send("get", StepRequest.of(server.uri(), "GET", "/"), List.of());
        assertEquals(1, exchange.body("/a").asInt());

        HttpExchange cut = transport(Transport.DEFAULT_MAX_RETRY_DELAY, 6)
                .send("get", StepRequest.of(server.uri(), "GET", "/"), List.of());
        assertEquals("{\"a\":1...", cut.bodyExcerpt());
        assertThrows(WorkflowException.class, cut::body);
    }

    @Test
    void theExcerptNeverSplitsASurrogatePair() {
        String text = "a".repeat(511) + "\ud83d\ude00" + "b".repeat(100);
        server.answer(500, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
        HttpExchange exchange = transport().send("get", StepRequest.of(server.uri(), "GET", "/"), List.of());

        assertEquals("a".repeat(511) + "...", exchange.bodyExcerpt());

        String exact = "a".repeat(510) + "\ud83d\ude00";
        server.answer(500, "text/plain; charset=utf-8", exact.getBytes(StandardCharsets.UTF_8));
        assertEquals(exact, transport().send("get", StepRequest.of(server.uri(), "GET", "/"), List.of())
                .bodyExcerpt());
    }

    @Test
    void malformedJsonFailsTheStepThatReadsTheBody() {
        server.answer(200, "application/json", "{\"id\": \"p-1\", ".getBytes(StandardCharsets.UTF_8));
        HttpExchange exchange = transport().send("get", StepRequest.of(server.uri(), "GET", "/"), List.of());

        WorkflowException whole = assertThrows(WorkflowException.class, exchange::body);
        assertTrue(whole.getMessage().startsWith("step 'get': the response body is not valid JSON although its "
                + "Content-Type is application/json: Unexpected end-of-input"), whole.getMessage());
        assertTrue(whole.getMessage().endsWith("; it starts: {\"id\": \"p-1\", "), whole.getMessage());
        assertThrows(WorkflowException.class, () -> exchange.body("/id"));

        server.answer(200, "application/problem+json", "nope".getBytes(StandardCharsets.UTF_8));
        assertThrows(WorkflowException.class,
                () -> transport().send("get", StepRequest.of(server.uri(), "GET", "/"), List.of()).body());
        assertEquals(200, exchange.statusCode(), "what does not read the body still works");
    }

    @Test
    void aPointerIntoABodyThatIsNotJsonFailsTheStep() {
        server.answer(200, "text/html", "<html>maintenance</html>".getBytes(StandardCharsets.UTF_8));
        HttpExchange exchange = transport().send("get", StepRequest.of(server.uri(), "GET", "/"), List.of());

        assertEquals("<html>maintenance</html>", exchange.body().asText(), "the whole body stays text");
        WorkflowException pointer = assertThrows(WorkflowException.class, () -> exchange.body("/id"));
        assertEquals("step 'get' reads $response.body#/id but the response body is not JSON (Content-Type: "
                + "text/html); it starts: <html>maintenance</html>", pointer.getMessage());

        server.answer(204, null, new byte[0]);
        assertTrue(transport().send("get", StepRequest.of(server.uri(), "GET", "/"), List.of()).body("/id")
                .isMissingNode(), "an empty body has nothing at any pointer");
    }

    @Test
    void headersTheHttpClientRefusesFailTheStepAsAWorkflowException() {
        server.answer(200, null, new byte[0]);
        StepRequest request = StepRequest.of(server.uri(), "GET", "/").header("Host", "evil.example");

        WorkflowException refused = assertThrows(WorkflowException.class,
                () -> transport().send("get", request, List.of()));
        assertInstanceOf(IllegalArgumentException.class, refused.getCause());
        assertTrue(refused.getMessage().startsWith("step 'get': the request cannot be built: "), refused.getMessage());
        assertTrue(server.received().isEmpty(), "nothing was sent");
    }

    @Test
    void anUnwritableRequestBodyValueIsAWorkflowException() {
        assertThrows(WorkflowException.class, () -> StepRequest.of(server.uri(), "POST", "/")
                .jsonBody("application/json", Values.object("when", new Object())));
    }

    @Test
    void xmlThatDoesNotParseWritesNothingToStandardError() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertFalse(Values.xpath("/a", "<a><b></a>"));
            assertFalse(Values.xpath("/a", "not xml at all"));
            assertFalse(XPathSupport.test("/a", "<a><b></a>"));
            assertFalse(XPathSupport.test("/a", "<!DOCTYPE a []><a/>"));
        } finally {
            System.setErr(original);
        }
        assertEquals("", captured.toString(StandardCharsets.UTF_8));
    }
}
