package com.example.orders.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.example.connect.simulator.RecordedRequest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The order service simulator over HTTP: its answers, its errors, and the description it follows. */
class OrderServiceSimulatorTest {

    private static final String OPENAPI = "src/main/arazzo/openapi/order-service-openapi.yml";

    private final HttpClient http = HttpClient.newHttpClient();
    private OrderServiceSimulator orders;

    @BeforeEach
    void start() {
        orders = OrderServiceSimulator.start();
    }

    @AfterEach
    void stop() {
        orders.close();
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(orders.baseUri() + path));
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static final String NEW_ORDER = "{\"customerId\":\"c-1\",\"sku\":\"BOOK-1\",\"quantity\":2}";

    @Test
    void createOrderPricesTheItemAndAnswersThePendingOrderWithItsLocation() throws Exception {
        HttpResponse<String> created = send("POST", "/orders", NEW_ORDER);

        assertEquals(201, created.statusCode());
        assertEquals("/orders/ord-1", created.headers().firstValue("Location").orElseThrow());
        assertEquals("application/json", created.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("{\"orderId\":\"ord-1\",\"customerId\":\"c-1\",\"sku\":\"BOOK-1\",\"quantity\":2,\"total\":3998,"
                + "\"currency\":\"EUR\",\"status\":\"PENDING\"}", created.body());
        assertEquals("ord-2", send("POST", "/orders", NEW_ORDER).headers().firstValue("Location").orElseThrow()
                .substring("/orders/".length()));
        RecordedRequest recorded = orders.requests().get(0);
        assertEquals("POST", recorded.method());
        assertEquals("/orders", recorded.path());
        assertEquals(NEW_ORDER, recorded.body());
        assertEquals("application/json", recorded.header("content-type").orElseThrow());
    }

    @Test
    void aRecordedPaymentMakesTheOrderPaidAndGetOrderShowsIt() throws Exception {
        send("POST", "/orders", NEW_ORDER);

        HttpResponse<String> paid = send("POST", "/orders/ord-1/payment", "{\"paymentId\":\"pay-7\"}");

        String expected = "{\"orderId\":\"ord-1\",\"customerId\":\"c-1\",\"sku\":\"BOOK-1\",\"quantity\":2,"
                + "\"total\":3998,\"currency\":\"EUR\",\"status\":\"PAID\",\"paymentId\":\"pay-7\"}";
        assertEquals(200, paid.statusCode());
        assertEquals(expected, paid.body());
        assertEquals(expected, send("GET", "/orders/ord-1", null).body());
        assertEquals("PAID", orders.order("ord-1").orElseThrow().status());
    }

    @Test
    void aCancelledOrderKeepsItsReasonAndCanBePaidNoMore() throws Exception {
        send("POST", "/orders", NEW_ORDER);

        HttpResponse<String> cancelled = send("POST", "/orders/ord-1/cancel", "{\"reason\":\"changed my mind\"}");

        assertEquals(200, cancelled.statusCode());
        assertEquals("{\"orderId\":\"ord-1\",\"customerId\":\"c-1\",\"sku\":\"BOOK-1\",\"quantity\":2,\"total\":3998,"
                + "\"currency\":\"EUR\",\"status\":\"CANCELLED\",\"cancelReason\":\"changed my mind\"}",
                cancelled.body());
        HttpResponse<String> late = send("POST", "/orders/ord-1/payment", "{\"paymentId\":\"pay-1\"}");
        assertEquals(409, late.statusCode());
        assertEquals("{\"message\":\"order ord-1 is CANCELLED, not PENDING\"}", late.body());
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("GET", "/orders/ord-9", null, 404, "no order ord-9"),
                Arguments.of("POST", "/orders/ord-9/cancel", "{\"reason\":\"r\"}", 404, "no order ord-9"),
                Arguments.of("GET", "/shipments", null, 404, "no operation at /shipments"),
                Arguments.of("DELETE", "/orders/ord-1", null, 405, "DELETE is not allowed on /orders/ord-1; use GET"),
                Arguments.of("GET", "/orders", null, 405, "GET is not allowed on /orders; use POST"),
                Arguments.of("POST", "/orders", "{\"customerId\":\"c-1\",\"sku\":\"SOFA-1\",\"quantity\":1}", 400,
                        "no item 'SOFA-1' in the catalogue; it has [BOOK-1, LAMP-1, PIANO-1]"),
                Arguments.of("POST", "/orders", "{\"customerId\":\"c-1\",\"sku\":\"BOOK-1\",\"quantity\":0}", 400,
                        "quantity must be an integer from 1 to 1000"),
                Arguments.of("POST", "/orders", "{\"customerId\":\"\",\"sku\":\"BOOK-1\",\"quantity\":1}", 400,
                        "customerId must be a non-empty string"),
                Arguments.of("POST", "/orders", "{\"customerId\":\"c\",\"sku\":\"BOOK-1\",\"quantity\":1,\"x\":1}", 400,
                        "unknown field 'x'"),
                Arguments.of("POST", "/orders", "[]", 400, "the body must be a JSON object"),
                Arguments.of("POST", "/orders/ord-1/payment", "{}", 400, "paymentId must be a non-empty string"));
    }

    @ParameterizedTest(name = "{0} {1} -> {3}")
    @MethodSource("errors")
    void errorsAnswerTheirStatusWithAMessage(String method, String path, String body, int status, String message)
            throws Exception {
        send("POST", "/orders", NEW_ORDER);

        HttpResponse<String> response = send(method, path, body);

        assertEquals(status, response.statusCode());
        assertEquals("{\"message\":\"" + message + "\"}", response.body());
    }

    @Test
    void theOpenApiDescriptionParsesWithoutMessagesAndNamesTheOperationsItServes() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readLocation(OPENAPI, null, options);

        assertEquals(List.of(), result.getMessages());
        OpenAPI api = result.getOpenAPI();
        assertNotNull(api);
        assertEquals("3.1.1", api.getOpenapi());
        Set<String> operationIds = new TreeSet<>();
        api.getPaths().values().forEach(path -> path.readOperations()
                .forEach(operation -> operationIds.add(operation.getOperationId())));
        assertEquals(new TreeSet<>(OrderServiceSimulator.OPERATION_IDS), operationIds);
        assertEquals(List.of("/orders", "/orders/{orderId}", "/orders/{orderId}/payment", "/orders/{orderId}/cancel"),
                List.copyOf(api.getPaths().keySet()));
    }
}
