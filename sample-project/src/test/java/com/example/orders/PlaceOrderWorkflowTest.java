package com.example.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.connect.simulator.RecordedRequest;
import com.example.orders.simulator.OrderServiceSimulator;
import com.example.orders.simulator.PaymentServiceSimulator;
import com.example.orders.simulator.TestKafka;
import com.example.orders.simulator.TopicRecord;
import dev.arazzo.kafka.KafkaMessageTransport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The generated PlaceOrderWorkflow end to end: the order service simulator over HTTP, the payment service
 * simulator on the embedded broker, the workflow's messages through KafkaMessageTransport.
 */
class PlaceOrderWorkflowTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static PaymentServiceSimulator payments;
    private static KafkaMessageTransport transport;
    private OrderServiceSimulator orders;
    private TestKafka.Reader requested;
    private TestKafka.Reader completed;

    @BeforeAll
    static void startPayments() throws Exception {
        payments = PaymentServiceSimulator.start(TestKafka.bootstrapServers());
        transport = KafkaMessageTransport.create(Map.of("bootstrap.servers", TestKafka.bootstrapServers()));
    }

    @AfterAll
    static void stopPayments() {
        transport.close();
        payments.close();
    }

    @BeforeEach
    void start() throws Exception {
        orders = OrderServiceSimulator.start();
        requested = TestKafka.reader(PaymentServiceSimulator.REQUESTS);
        completed = TestKafka.reader(PaymentServiceSimulator.COMPLETIONS);
    }

    @AfterEach
    void stop() {
        requested.close();
        completed.close();
        orders.close();
    }

    private PlaceOrderWorkflow.Outputs run(String sku, int quantity) {
        return PlaceOrderWorkflow.builder()
                .baseUri(orders.baseUri())
                .messageTransport(transport)
                .build()
                .run(PlaceOrderWorkflow.Inputs.builder().customerId("cust-7").sku(sku).quantity(quantity).build());
    }

    @Test
    void anApprovedPaymentIsRecordedOnTheOrderWhichEndsPaid() throws Exception {
        PlaceOrderWorkflow.Outputs outputs = run("BOOK-1", 2);

        List<TopicRecord> sent = requested.read(1, WAIT);
        assertEquals(1, sent.size());
        assertEquals(PaymentServiceSimulator.REQUESTS, sent.get(0).topic());
        assertEquals(Map.of("correlationId", "ord-1"), sent.get(0).headers());
        assertEquals("{\"orderId\":\"ord-1\",\"customerId\":\"cust-7\",\"amount\":3998,\"currency\":\"EUR\"}",
                sent.get(0).text());
        List<TopicRecord> answers = completed.read(1, WAIT);
        assertEquals(1, answers.size());
        String paymentId = answers.get(0).text().replaceAll(".*\"paymentId\":\"([^\"]+)\".*", "$1");
        assertTrue(paymentId.matches("pay-[0-9]+"), answers.get(0).text());

        List<RecordedRequest> http = orders.requests();
        assertEquals(List.of("POST /orders", "POST /orders/ord-1/payment", "GET /orders/ord-1"),
                http.stream().map(r -> r.method() + " " + r.path() + (r.query().isEmpty() ? "" : "?" + r.query()))
                        .toList());
        assertEquals("{\"customerId\":\"cust-7\",\"sku\":\"BOOK-1\",\"quantity\":2}", http.get(0).body());
        assertEquals("application/json", http.get(0).header("Content-Type").orElseThrow());
        assertEquals("{\"paymentId\":\"" + paymentId + "\"}", http.get(1).body());
        assertEquals("application/json", http.get(1).header("Content-Type").orElseThrow());
        assertEquals("", http.get(2).body());

        assertEquals("ord-1", outputs.orderId());
        assertEquals("PAID", String.valueOf(outputs.status()));
        assertEquals(3998, outputs.total().intValue());
        assertEquals("EUR", outputs.currency());
        assertEquals(paymentId, outputs.paymentId());
        assertEquals("PAID", orders.order("ord-1").orElseThrow().status());
    }

    @Test
    void aDeclinedPaymentCancelsTheOrderAndTheWorkflowEndsWithItCancelled() throws Exception {
        PlaceOrderWorkflow.Outputs outputs = run("PIANO-1", 1);

        assertEquals("{\"orderId\":\"ord-1\",\"customerId\":\"cust-7\",\"amount\":499900,\"currency\":\"EUR\"}",
                requested.read(1, WAIT).get(0).text());
        assertEquals("{\"orderId\":\"ord-1\",\"status\":\"DECLINED\",\"reason\":\"the amount 499900 is over the limit "
                + "of 100000 (cents of EUR)\"}", completed.read(1, WAIT).get(0).text());
        List<RecordedRequest> http = orders.requests();
        assertEquals(List.of("POST /orders", "POST /orders/ord-1/cancel", "GET /orders/ord-1"),
                http.stream().map(r -> r.method() + " " + r.path()).toList());
        assertEquals("{\"reason\":\"payment not approved\"}", http.get(1).body());

        assertEquals("ord-1", outputs.orderId());
        assertEquals("CANCELLED", String.valueOf(outputs.status()));
        assertEquals(499900, outputs.total().intValue());
        assertNull(outputs.paymentId());
        assertEquals("payment not approved", orders.order("ord-1").orElseThrow().cancelReason());
    }
}
