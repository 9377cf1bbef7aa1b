package dev.arazzo.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A step's {@code timeout}: the whole exchange, from sending the request to the last byte of the response. */
class StepTimeoutTest {

    private static final byte[] OK = "{\"id\":1}".getBytes(StandardCharsets.UTF_8);

    private final LocalServer server = new LocalServer();
    /** What a slow answer waits for: released when the test is done, so the server never answers in time. */
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        server.close();
    }

    private void slowly() {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Transport transport(WorkflowListener listener, Duration requestTimeout) {
        return new Transport("shop", null, Transport.DEFAULT_CONNECT_TIMEOUT, null, requestTimeout, listener,
                new Credentials());
    }

    @Test
    void aResponseInTimeIsReadAsWithoutATimeout() {
        server.answer(200, "application/json", OK);

        HttpExchange exchange = transport(null, Transport.DEFAULT_REQUEST_TIMEOUT)
                .send("fast", StepRequest.of(server.uri(), "GET", "/pets"), List.of(), Duration.ofMillis(2000));

        assertFalse(exchange.timedOut());
        assertNull(exchange.timeoutFailure());
        assertEquals(200, exchange.statusCode());
        assertEquals(1, exchange.body("/id").intValue());
    }

    @Test
    void noResponseInTimeIsATimedOutExchangeNotAnException() {
        server.answer(exchange -> {
            slowly();
            exchange.sendResponseHeaders(200, OK.length);
            exchange.getResponseBody().write(OK);
        });
        List<Integer> finished = new ArrayList<>();
        WorkflowListener listener = new WorkflowListener() {
            @Override
            public void stepFinished(String workflowId, String stepId, int statusCode, Duration duration) {
                finished.add(statusCode);
            }
        };

        HttpExchange exchange = transport(listener, Transport.DEFAULT_REQUEST_TIMEOUT)
                .send("slow", StepRequest.of(server.uri(), "GET", "/slow"), List.of(), Duration.ofMillis(150));

        assertTrue(exchange.timedOut());
        assertEquals(0, exchange.statusCode());
        assertNull(exchange.header("Content-Type"));
        assertTrue(exchange.body().isMissingNode());
        assertEquals("", exchange.bodyExcerpt());
        assertEquals("timeout: the step did not complete within 150 ms", exchange.timeoutFailure());
        assertEquals("GET", exchange.method());
        assertEquals(1, release.getCount(), "the server has not answered yet");
        assertEquals(List.of(0), finished);
    }

    @Test
    void theTimeCoversTheResponseBodyToo() {
        server.answer(exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            body.write("{\"id\":".getBytes(StandardCharsets.UTF_8));
            body.flush();
            slowly();
            body.write("1}".getBytes(StandardCharsets.UTF_8));
        });

        HttpExchange exchange = transport(null, Transport.DEFAULT_REQUEST_TIMEOUT)
                .send("trickle", StepRequest.of(server.uri(), "GET", "/trickle"), List.of(), Duration.ofMillis(200));

        assertTrue(exchange.timedOut());
        assertEquals(0, exchange.statusCode());
    }

    @Test
    void aShorterRequestTimeoutOfTheTransportStaysATransportFailure() {
        server.answer(exchange -> {
            slowly();
            exchange.sendResponseHeaders(204, -1);
        });

        WorkflowTransportException failed = assertThrows(WorkflowTransportException.class,
                () -> transport(null, Duration.ofMillis(100)).send("slow", StepRequest.of(server.uri(), "GET", "/s"),
                        List.of(), Duration.ofMillis(2000)));

        assertEquals("slow", failed.stepId());
        assertTrue(failed.getCause() instanceof IOException);
    }
}
