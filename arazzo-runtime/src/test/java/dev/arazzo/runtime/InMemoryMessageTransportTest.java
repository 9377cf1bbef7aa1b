package dev.arazzo.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class InMemoryMessageTransportTest {

    private static final Duration SHORT = Duration.ofMillis(50);
    private static final Duration LONG = Duration.ofSeconds(5);

    private static Message reply(String correlationId, String status) {
        return Message.json("orders.placed", Map.of("correlationId", correlationId), "{\"status\":\"" + status + "\"}");
    }

    private static Predicate<Message> correlated(String id) {
        return message -> message.header("correlationId").filter(id::equals).isPresent();
    }

    @Test
    void aMessagePublishedAfterSubscribeButBeforeReceiveIsNotMissed() throws Exception {
        var transport = new InMemoryMessageTransport();
        try (MessageSubscription subscription = transport.subscribe(List.of("orders.placed"))) {
            transport.publish(reply("c-1", "PLACED"));
            Optional<Message> received = subscription.receive("orders.placed", correlated("c-1"), Duration.ZERO);
            assertEquals(Optional.of(reply("c-1", "PLACED")), received);
        }
    }

    @Test
    void aMessagePublishedBeforeSubscribeIsNotReceived() throws Exception {
        var transport = new InMemoryMessageTransport();
        transport.publish(reply("c-1", "EARLY"));
        try (MessageSubscription subscription = transport.subscribe(List.of("orders.placed"))) {
            assertEquals(Optional.empty(), subscription.receive("orders.placed", m -> true, SHORT));
        }
    }

    @Test
    void decoysAreSkippedAndStayForALaterReceive() throws Exception {
        var transport = new InMemoryMessageTransport();
        try (MessageSubscription subscription = transport.subscribe(List.of("orders.placed"))) {
            transport.publish(reply("other", "DECOY"));
            transport.publish(Message.json("orders.placed", Map.of(), "{\"status\":\"NO-ID\"}"));
            transport.publish(reply("c-1", "FIRST"));
            transport.publish(reply("c-1", "SECOND"));

            assertEquals("{\"status\":\"FIRST\"}",
                    subscription.receive("orders.placed", correlated("c-1"), SHORT).orElseThrow().payloadText());
            assertEquals("{\"status\":\"SECOND\"}",
                    subscription.receive("orders.placed", correlated("c-1"), SHORT).orElseThrow().payloadText());
            assertEquals(Optional.empty(), subscription.receive("orders.placed", correlated("c-1"), SHORT));
            assertEquals("{\"status\":\"DECOY\"}",
                    subscription.receive("orders.placed", correlated("other"), SHORT).orElseThrow().payloadText());
        }
    }

    @Test
    void receiveWaitsForAMessageThatArrivesDuringTheWait() throws Exception {
        var transport = new InMemoryMessageTransport();
        try (MessageSubscription subscription = transport.subscribe(List.of("orders.placed"))) {
            CompletableFuture<Void> later = CompletableFuture.runAsync(() -> {
                sleep(100);
                transport.publish(reply("other", "DECOY"));
                sleep(50);
                transport.publish(reply("c-1", "PLACED"));
            });
            long start = System.nanoTime();
            Message received = subscription.receive("orders.placed", correlated("c-1"), LONG).orElseThrow();
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals("{\"status\":\"PLACED\"}", received.payloadText());
            assertTrue(waited >= 100 && waited < 4000, "waited " + waited + " ms");
            later.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void receiveGivesUpAtItsDeadline() throws Exception {
        var transport = new InMemoryMessageTransport();
        try (MessageSubscription subscription = transport.subscribe(List.of("orders.placed"))) {
            transport.publish(reply("other", "DECOY"));
            long start = System.nanoTime();
            Optional<Message> received = subscription.receive("orders.placed", correlated("c-1"),
                    Duration.ofMillis(200));
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(Optional.empty(), received);
            assertTrue(waited >= 190 && waited < 3000, "waited " + waited + " ms");
        }
    }

    @Test
    void anInterruptEndsTheWaitWithInterruptedException() throws Exception {
        var transport = new InMemoryMessageTransport();
        try (MessageSubscription subscription = transport.subscribe(List.of("orders.placed"))) {
            CountDownLatch waiting = new CountDownLatch(1);
            List<Throwable> thrown = new ArrayList<>();
            Thread receiver = new Thread(() -> {
                waiting.countDown();
                try {
                    subscription.receive("orders.placed", m -> true, Duration.ofSeconds(30));
                } catch (Throwable e) {
                    thrown.add(e);
                }
            });
            receiver.start();
            waiting.await();
            sleep(50);
            receiver.interrupt();
            receiver.join(5000);
            assertFalse(receiver.isAlive());
            assertEquals(1, thrown.size());
            assertTrue(thrown.get(0) instanceof InterruptedException, thrown.get(0).toString());
        }
    }

    @Test
    void onlyTheSubscribedChannelsAreDelivered() throws Exception {
        var transport = new InMemoryMessageTransport();
        try (MessageSubscription subscription = transport.subscribe(List.of("orders.placed"))) {
            transport.publish(Message.json("orders.cancelled", Map.of(), "{}"));
            assertEquals(Optional.empty(), subscription.receive("orders.placed", m -> true, Duration.ZERO));
            assertThrows(IllegalArgumentException.class,
                    () -> subscription.receive("orders.cancelled", m -> true, Duration.ZERO));
        }
    }

    @Test
    void sentMessagesAreRecordedAndAnsweredByTheChannelsResponder() throws Exception {
        var transport = new InMemoryMessageTransport();
        transport.reply("orders.place", sent -> List.of(reply(sent.header("correlationId").orElseThrow(), "PLACED")));
        try (MessageSubscription subscription = transport.subscribe(List.of("orders.placed", "orders.place"))) {
            Message order = Message.json("orders.place", Map.of("correlationId", "c-9"), "{\"sku\":\"A\"}");
            transport.send(order);

            assertEquals(List.of(order), transport.sent());
            assertEquals(Optional.of(order), subscription.receive("orders.place", m -> true, Duration.ZERO));
            assertEquals(Optional.of(reply("c-9", "PLACED")),
                    subscription.receive("orders.placed", correlated("c-9"), Duration.ZERO));
        }
    }

    @Test
    void everySubscriptionGetsItsOwnCopyAndAClosedOneNothing() throws Exception {
        var transport = new InMemoryMessageTransport();
        MessageSubscription first = transport.subscribe(List.of("orders.placed"));
        MessageSubscription second = transport.subscribe(List.of("orders.placed"));
        second.close();
        second.close();
        transport.publish(reply("c-1", "PLACED"));
        assertTrue(first.receive("orders.placed", m -> true, Duration.ZERO).isPresent());
        assertThrows(IllegalStateException.class, () -> second.receive("orders.placed", m -> true, Duration.ZERO));
        first.close();
    }

    @Test
    void aSubscriptionKeepsAtMostItsLimitDroppingTheOldest() throws Exception {
        var transport = new InMemoryMessageTransport();
        try (MessageSubscription subscription = transport.subscribe(List.of("orders.placed"))) {
            for (int i = 0; i <= InMemoryMessageTransport.MAX_KEPT_MESSAGES; i++) {
                transport.publish(reply("c-" + i, "N"));
            }
            assertEquals(Optional.empty(), subscription.receive("orders.placed", correlated("c-0"), Duration.ZERO));
            assertTrue(subscription.receive("orders.placed", correlated("c-1"), Duration.ZERO).isPresent());
        }
    }

    @Test
    void aMessageCopiesItsPayloadAndHeadersAndPrintsNoValues() {
        byte[] payload = "{\"secret\":\"s\"}".getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("b", "token-value");
        headers.put("a", "2");
        Message message = new Message("t", headers, payload, null);
        payload[0] = 'X';
        headers.put("c", "3");
        message.payload()[1] = 'Y';

        assertArrayEquals("{\"secret\":\"s\"}".getBytes(StandardCharsets.UTF_8), message.payload());
        assertEquals(List.of("b", "a"), List.copyOf(message.headers().keySet()));
        assertEquals(Optional.empty(), message.contentType());
        assertEquals("Message[channel=t, headers=[b, a], payload=14 bytes]", message.toString());
        assertNotEquals(message, Message.json("t", Map.of("b", "token-value", "a", "2"), "{\"secret\":\"s\"}"));
        assertEquals(message, new Message("t", Map.of("a", "2", "b", "token-value"), message.payload(), null));
        assertThrows(NullPointerException.class, () -> new Message("t", Map.of(), null, null));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
