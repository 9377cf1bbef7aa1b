package com.example.orders.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.arazzo.kafka.embedded.EmbeddedKafka;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The payment service against the embedded broker: what it answers, to whom, and what it leaves alone. */
class PaymentServiceSimulatorTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static PaymentServiceSimulator payments;

    @BeforeAll
    static void start() throws Exception {
        payments = PaymentServiceSimulator.start(Map.of("bootstrap.servers", TestKafka.bootstrapServers()), 5_000);
    }

    @AfterAll
    static void stop() {
        payments.close();
    }

    @Test
    void anAmountUpToTheLimitIsApprovedWithTheRequestsCorrelationId() throws Exception {
        try (TestKafka.Reader completions = TestKafka.reader(PaymentServiceSimulator.COMPLETIONS)) {
            int before = payments.requests().size();
            TestKafka.write(PaymentServiceSimulator.REQUESTS, Map.of("correlationId", "ord-a1"),
                    "{\"orderId\":\"ord-a1\",\"customerId\":\"c-1\",\"amount\":5000,\"currency\":\"EUR\"}");

            List<TopicRecord> written = completions.read(1, WAIT);

            assertEquals(1, written.size());
            TopicRecord outcome = written.get(0);
            assertEquals(PaymentServiceSimulator.COMPLETIONS, outcome.topic());
            assertEquals(Map.of("correlationId", "ord-a1"), outcome.headers());
            String paymentId = json(outcome).path("paymentId").asText();
            assertTrue(paymentId.matches("pay-[0-9]+"), paymentId);
            assertEquals("{\"orderId\":\"ord-a1\",\"status\":\"APPROVED\",\"paymentId\":\"" + paymentId + "\"}",
                    outcome.text());
            assertEquals(List.of(outcome), listedCompletions("ord-a1"));
            TopicRecord request = payments.awaitRequests(before + 1, WAIT).get(before);
            assertEquals("{\"orderId\":\"ord-a1\",\"customerId\":\"c-1\",\"amount\":5000,\"currency\":\"EUR\"}",
                    request.text());
        }
    }

    @Test
    void anAmountOverTheLimitIsDeclinedWithAReasonAndNoPaymentId() throws Exception {
        try (TestKafka.Reader completions = TestKafka.reader(PaymentServiceSimulator.COMPLETIONS)) {
            TestKafka.write(PaymentServiceSimulator.REQUESTS, Map.of("correlationId", "ord-d1"),
                    "{\"orderId\":\"ord-d1\",\"customerId\":\"c-1\",\"amount\":5001,\"currency\":\"EUR\"}");

            TopicRecord outcome = completions.read(1, WAIT).get(0);

            assertEquals(Map.of("correlationId", "ord-d1"), outcome.headers());
            assertEquals("{\"orderId\":\"ord-d1\",\"status\":\"DECLINED\",\"reason\":\"the amount 5001 is over the "
                    + "limit of 5000 (cents of EUR)\"}", outcome.text());
        }
    }

    @Test
    void paymentIdsCountUpInTheOrderOfTheRequests() throws Exception {
        try (TestKafka.Reader completions = TestKafka.reader(PaymentServiceSimulator.COMPLETIONS)) {
            for (String order : List.of("ord-n1", "ord-n2")) {
                TestKafka.write(PaymentServiceSimulator.REQUESTS, Map.of("correlationId", order),
                        "{\"orderId\":\"" + order + "\",\"customerId\":\"c-1\",\"amount\":1,\"currency\":\"EUR\"}");
            }

            List<TopicRecord> outcomes = completions.read(2, WAIT);

            int first = Integer.parseInt(json(outcomes.get(0)).get("paymentId").asText().substring("pay-".length()));
            assertEquals("pay-" + (first + 1), json(outcomes.get(1)).get("paymentId").asText());
            assertEquals("{\"orderId\":\"ord-n2\",\"status\":\"APPROVED\",\"paymentId\":\"pay-" + (first + 1) + "\"}",
                    outcomes.get(1).text());
        }
    }

    @Test
    void aRequestWithoutCorrelationIdOrThatIsNotAPaymentRequestGetsNoAnswer() throws Exception {
        try (TestKafka.Reader completions = TestKafka.reader(PaymentServiceSimulator.COMPLETIONS)) {
            int before = payments.requests().size();
            TestKafka.write(PaymentServiceSimulator.REQUESTS, Map.of("traceId", "t-1"),
                    "{\"orderId\":\"ord-x1\",\"customerId\":\"c-1\",\"amount\":1,\"currency\":\"EUR\"}");
            TestKafka.write(PaymentServiceSimulator.REQUESTS, Map.of("correlationId", "ord-x2"), "not json");
            TestKafka.write(PaymentServiceSimulator.REQUESTS, Map.of("correlationId", "ord-x3"),
                    "{\"orderId\":\"ord-x3\",\"amount\":\"1\",\"currency\":\"EUR\"}");

            payments.awaitRequests(before + 3, WAIT);

            assertEquals(List.of(), completions.readFor(Duration.ofMillis(500)));
        }
    }

    @Test
    void aMissingTopicIsAnIoExceptionNamingIt() throws Exception {
        // A broker without the sample's topics: the payment service cannot start.
        try (EmbeddedKafka bare = EmbeddedKafka.start(List.of())) {
            IOException e = assertThrows(IOException.class,
                    () -> PaymentServiceSimulator.start(bare.bootstrapServers()));
            assertEquals("topic 'orders.payment.requested' does not exist", e.getMessage());
        }
    }

    @Test
    void itsTopicsAreTheChannelAddressesOfThePaymentsAsyncApiDocument() throws IOException {
        JsonNode asyncapi = new ObjectMapper(new YAMLFactory())
                .readTree(Path.of("src/main/arazzo/asyncapi/payments-asyncapi.yml").toFile());

        assertEquals("3.0.0", asyncapi.get("asyncapi").asText());
        assertEquals("kafka", asyncapi.at("/servers/local/protocol").asText());
        assertEquals(PaymentServiceSimulator.REQUESTS, asyncapi.at("/channels/paymentRequested/address").asText());
        assertEquals(PaymentServiceSimulator.COMPLETIONS, asyncapi.at("/channels/paymentCompleted/address").asText());
        assertEquals("$message.header#/correlationId",
                asyncapi.at("/components/correlationIds/OrderCorrelation/location").asText());
    }

    /**
     * The outcomes the service lists for one correlation id, once it lists any: it lists an outcome after the
     * broker has acknowledged it, which can be after a reader has seen it, and after the next test has begun.
     */
    private static List<TopicRecord> listedCompletions(String correlationId) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            List<TopicRecord> listed = payments.completions().stream()
                    .filter(outcome -> correlationId.equals(outcome.headers().get("correlationId")))
                    .toList();
            if (!listed.isEmpty() || System.nanoTime() > deadline) {
                return listed;
            }
            Thread.sleep(10);
        }
    }

    private static JsonNode json(TopicRecord record) throws IOException {
        return new ObjectMapper().readTree(record.value());
    }
}
