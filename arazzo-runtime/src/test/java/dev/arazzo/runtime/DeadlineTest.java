package dev.arazzo.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The deadline of a called run: a workflow step's {@code timeout} bounds every exchange and wait of the run. */
class DeadlineTest {

    private static final byte[] OK = "{\"id\":1}".getBytes(StandardCharsets.UTF_8);

    private final LocalServer server = new LocalServer();
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<String> heard = new ArrayList<>();
    private final Transport transport = new Transport("inner", null, Transport.DEFAULT_CONNECT_TIMEOUT, null,
            Transport.DEFAULT_REQUEST_TIMEOUT, new WorkflowListener() {
                @Override
                public void stepFinished(String workflowId, String stepId, int statusCode, Duration duration) {
                    heard.add("finished " + stepId + " " + statusCode);
                }

                @Override
                public void retrying(String workflowId, String stepId, int attempt, Duration delay) {
                    heard.add("retrying " + stepId);
                }
            }, new Credentials());

    @AfterEach
    void stop() {
        release.countDown();
        server.close();
    }

    private HttpExchange get(String stepId, String path) {
        return transport.send(stepId, StepRequest.of(server.uri(), "GET", path), List.of());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aRunInTimeReturnsWhatItReturnedAndLeavesNoDeadlineBehind() {
        server.answer(200, "application/json", OK);

        int id = Deadline.within("call", 2000, () -> get("a", "/a").body("/id").intValue());

        assertEquals(1, id);
        assertNull(Deadline.remaining());
        assertEquals(List.of("finished a 200"), heard);
    }

    @Test
    void anExchangeInFlightAtTheDeadlineIsAbandonedAndTheStepTimesOut() {
        server.answer(exchange -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, OK.length);
            exchange.getResponseBody().write(OK);
        });
        long started = System.nanoTime();

        StepTimeoutException thrown = assertThrows(StepTimeoutException.class,
                () -> Deadline.within("call", 150, () -> get("slow", "/slow")));

        long took = (System.nanoTime() - started) / 1_000_000;
        assertTrue(took >= 140 && took < 1000, "abandoned at the deadline: " + took);
        assertEquals("call", thrown.stepId());
        assertEquals("timeout: the step did not complete within 150 ms", thrown.failedCriterion());
        assertEquals(List.of("finished slow 0"), heard);
        assertNull(Deadline.remaining());
    }

    @Test
    void noRequestStartsAfterTheDeadlineAndTheStepsInBetweenCannotCatchTheAbort() {
        server.answer(200, "application/json", OK);

        assertThrows(StepTimeoutException.class, () -> Deadline.within("call", 100, () -> {
            sleep(150);
            try {
                return get("late", "/late");
            } catch (WorkflowException e) {
                throw new AssertionError("a called workflow's step took the abort for its own failure", e);
            }
        }));

        assertEquals(List.of(), server.received());
        assertEquals(List.of(), heard);
    }

    @Test
    void aWaitBeforeARetryEndsAtTheDeadlineWithoutTheRetryingEvent() {
        long started = System.nanoTime();

        assertThrows(StepTimeoutException.class, () -> Deadline.within("call", 150, () -> {
            transport.pauseBeforeRetry("status", null, 5, 1);
            return null;
        }));

        long took = (System.nanoTime() - started) / 1_000_000;
        assertTrue(took >= 140 && took < 1000, "the wait ended at the deadline: " + took);
        assertEquals(List.of(), heard);
    }

    @Test
    void nestedDeadlinesTakeTheEarliest() {
        StepTimeoutException outer = assertThrows(StepTimeoutException.class,
                () -> Deadline.within("outer", 100, () -> Deadline.within("inner", 5000, () -> {
                    transport.pauseBeforeRetry("status", null, 5, 1);
                    return null;
                })));
        assertEquals("outer", outer.stepId(), "the caller's earlier deadline aborts the inner step's run too");

        String result = Deadline.within("outer", 5000, () -> {
            StepTimeoutException inner = assertThrows(StepTimeoutException.class,
                    () -> Deadline.within("inner", 100, () -> {
                        transport.pauseBeforeRetry("status", null, 5, 1);
                        return null;
                    }));
            assertTrue(Deadline.remaining().toMillis() > 4000, "the outer deadline is open again");
            return inner.stepId();
        });
        assertEquals("inner", result);
        assertNull(Deadline.remaining());
    }
}
