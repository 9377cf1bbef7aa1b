package dev.arazzo.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The message side of generated clients: transports by source, the run's subscriptions, addresses, correlation. */
@SuppressWarnings("try") // a run scope is opened for its effect on the thread, never read
class MessagingTest {

    private static Messaging client(MessageTransport transport) {
        Messaging settings = new Messaging();
        settings.transport(transport);
        return settings.copy("flow", null);
    }

    private static Message reply(String id, String payload) {
        return Message.json("replies", id == null ? Map.of() : Map.of("correlationId", id), payload);
    }

    @Test
    void aRunKeepsAReplyPublishedBeforeItsReceiveBegins() {
        var broker = new InMemoryMessageTransport();
        Messaging messaging = client(broker);
        try (Messaging.Run run = messaging.open(List.of(Messaging.channel("wait", "orders", "replies")))) {
            broker.publish(reply("c-1", "{\"ok\":true}"));
            MessageExchange received = messaging.receive("wait", "orders", "replies",
                    Messaging.correlation("wait", true, "/correlationId", "c-1"), 1000L);
            assertFalse(received.timedOut());
            assertEquals(true, received.payload("/ok").booleanValue());
        }
    }

    @Test
    void withoutARunAReceiveListensOnlyFromItsStartAndTimesOutNamingTheChannel() {
        var broker = new InMemoryMessageTransport();
        Messaging messaging = client(broker);
        broker.publish(reply("c-1", "{}"));
        MessageExchange none = messaging.receive("wait", "orders", "replies", message -> true, 50L);
        assertTrue(none.timedOut());
        assertNull(none.message());
        assertNull(none.header("correlationId"));
        assertEquals("timeout: no matching message on channel 'replies' within 50 ms", none.timeoutFailure());
        assertEquals("", none.bodyExcerpt());
    }

    @Test
    void aNestedRunUsesTheSubscriptionsOfTheRunsAroundItAndClosesOnlyItsOwn() {
        var broker = new InMemoryMessageTransport();
        List<Collection<String>> subscribed = new ArrayList<>();
        MessageTransport counting = new MessageTransport() {
            @Override
            public boolean supportsProtocol(String protocol) {
                return true;
            }

            @Override
            public void send(Message message) {
                broker.send(message);
            }

            @Override
            public MessageSubscription subscribe(Collection<String> channels) {
                subscribed.add(List.copyOf(channels));
                return broker.subscribe(channels);
            }
        };
        Messaging outer = client(counting);
        Messaging inner = client(counting);
        try (Messaging.Run run = outer.open(List.of(Messaging.channel("a", "orders", "replies")))) {
            broker.publish(reply("c-2", "{}"));
            try (Messaging.Run nested = inner.open(List.of(Messaging.channel("b", "orders", "replies"),
                    Messaging.channel("c", "orders", "audit")))) {
                assertFalse(inner.receive("b", "orders", "replies", message -> true, 1000L).timedOut());
            }
            broker.publish(reply("c-3", "{}"));
            assertFalse(outer.receive("a", "orders", "replies", message -> true, 1000L).timedOut());
        }
        assertEquals(List.of(List.of("replies"), List.of("audit")), subscribed);
    }

    @Test
    void aHeaderCorrelationComparesTheHeaderAsText() {
        Predicate<Message> matches = Messaging.correlation("s", true, "/correlationId", 42);
        assertTrue(matches.test(reply("42", "{}")));
        assertFalse(matches.test(reply("43", "{}")));
        assertFalse(matches.test(reply(null, "{}")));
    }

    @Test
    void aPayloadCorrelationSkipsPayloadsThatAreNotJsonOrLackTheId() {
        Predicate<Message> matches = Messaging.correlation("s", false, "/ref/id", TextNode.valueOf("r-1"));
        assertTrue(matches.test(reply(null, "{\"ref\":{\"id\":\"r-1\"}}")));
        assertFalse(matches.test(reply(null, "{\"ref\":{\"id\":\"r-2\"}}")));
        assertFalse(matches.test(reply(null, "{\"ref\":{}}")));
        assertFalse(matches.test(reply(null, "{\"ref\":{\"id\":{\"nested\":\"r-1\"}}}")));
        assertFalse(matches.test(reply(null, "not json")));
        assertFalse(matches.test(reply(null, "")));
    }

    @Test
    void aCorrelationWithoutAValueFailsTheStep() {
        WorkflowException thrown = assertThrows(WorkflowException.class,
                () -> Messaging.correlation("wait", true, "/correlationId", null));
        assertEquals("step 'wait': its correlationId has no value, so no message can be matched to this run",
                thrown.getMessage());
    }

    @Test
    void addressParametersTakeSafeValuesOnly() {
        assertEquals("orders.eu-1.placed", Messaging.address("s", "orders.{region}.placed", "region", "eu-1"));
        assertEquals("a.7.b.x", Messaging.address("s", "a.{n}.b.{m}", "n", 7, "m", TextNode.valueOf("x")));
        for (String unsafe : List.of("eu/x", "eu.#", "a b", "{region}", "é")) {
            WorkflowException thrown = assertThrows(WorkflowException.class,
                    () -> Messaging.address("s", "orders.{region}", "region", unsafe));
            assertTrue(thrown.getMessage().startsWith("step 's': channel parameter 'region' of address "
                    + "'orders.{region}' is '"), thrown.getMessage());
        }
        WorkflowException missing = assertThrows(WorkflowException.class,
                () -> Messaging.address("s", "orders.{region}", "region", null));
        assertEquals("step 's': channel parameter 'region' of address 'orders.{region}' has no value",
                missing.getMessage());
    }

    @Test
    void headersKeepTheirOrderAndLeaveNullValuesOut() {
        assertEquals(List.of("b=1", "a=x"), Messaging.headers("b", 1, "skip", null, "a", "x").entrySet().stream()
                .map(Object::toString).toList());
    }

    @Test
    void payloadsAreJsonOrTextInUtf8() {
        assertArrayEquals("{\"a\":\"é\"}".getBytes(StandardCharsets.UTF_8), Messaging.json(Values.object("a", "é")));
        assertArrayEquals(new byte[0], Messaging.json(null));
        assertArrayEquals("plain".getBytes(StandardCharsets.UTF_8), Messaging.text("plain"));
    }

    @Test
    void sendPublishesAndTellsTheListenerWithStatusZero() {
        var broker = new InMemoryMessageTransport();
        List<String> heard = new ArrayList<>();
        Messaging settings = new Messaging();
        settings.transport(broker);
        Messaging messaging = settings.copy("flow", new WorkflowListener() {
            @Override
            public void stepStarted(String workflowId, String stepId) {
                heard.add("start " + workflowId + "." + stepId);
            }

            @Override
            public void stepFinished(String workflowId, String stepId, int statusCode, Duration duration) {
                heard.add("end " + workflowId + "." + stepId + " " + statusCode);
            }
        });
        MessageExchange sent = messaging.send("place", "orders", "orders.place", Map.of("k", "v"),
                Messaging.text("{}"), "application/json");
        assertEquals(List.of(new Message("orders.place", Map.of("k", "v"), "{}".getBytes(StandardCharsets.UTF_8),
                "application/json")), broker.sent());
        assertEquals("v", sent.header("k"));
        assertEquals(List.of("start flow.place", "end flow.place 0"), heard);
    }

    @Test
    void requireNamesTheBuilderMethodAndTheProtocolRefused() {
        Messaging none = new Messaging().copy("flow", null);
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> none.require("orders"));
        assertEquals("workflow 'flow' sends or receives messages of AsyncAPI source 'orders', but its builder has no "
                + "message transport: call messageTransport(MessageTransport) or "
                + "messageTransport(\"orders\", MessageTransport)", missing.getMessage());
        Messaging settings = new Messaging();
        settings.transport(new InMemoryMessageTransport());
        MessageTransport kafkaOnly = new MessageTransport() {
            @Override
            public boolean supportsProtocol(String protocol) {
                return protocol.equals("kafka");
            }

            @Override
            public void send(Message message) {
            }

            @Override
            public MessageSubscription subscribe(Collection<String> channels) {
                throw new UnsupportedOperationException();
            }
        };
        settings.transport("lights", kafkaOnly);
        Messaging client = settings.copy("flow", null);
        client.require("orders", "mqtt");
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> client.require("lights", "kafka", "mqtt"));
        assertTrue(refused.getMessage().endsWith(") does not serve protocol 'mqtt', which its servers declare; give "
                + "messageTransport(\"lights\", MessageTransport) one that does"), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> settings.defaultReceiveTimeout(Duration.ZERO));
    }

    @Test
    void aPayloadReadAsTheWrongTypeFailsNamingTheStepAndThePointer() {
        MessageExchange exchange = MessageExchange.of("got", reply(null, "{\"n\":\"x\"}"));
        WorkflowException thrown = assertThrows(WorkflowException.class, () -> exchange.read("/n", Values::integer));
        assertTrue(thrown.getMessage().startsWith("step 'got' reads $message.payload#/n: expected "),
                thrown.getMessage());
        MessageExchange text = MessageExchange.of("got", reply(null, "plain text"));
        WorkflowException notJson = assertThrows(WorkflowException.class, text::payload);
        assertEquals("step 'got' reads $message.payload, but the payload of the message on channel 'replies' is not "
                + "JSON; it starts: plain text", notJson.getMessage());
        assertEquals("plain text", text.bodyExcerpt());
    }
}
