package com.example.orders.simulator;

import com.example.connect.simulator.RecordedRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An embedded order service for the place-order workflow, on the JDK {@code HttpServer}: the four operations
 * of {@code src/main/arazzo/openapi/order-service-openapi.yml}, {@code createOrder} ({@code POST /orders}),
 * {@code getOrder} ({@code GET /orders/{orderId}}), {@code recordPayment}
 * ({@code POST /orders/{orderId}/payment}) and {@code cancelOrder} ({@code POST /orders/{orderId}/cancel}).
 *
 * <pre>{@code
 * try (OrderServiceSimulator orders = OrderServiceSimulator.start()) {
 *     URI endpoint = orders.baseUri();              // http://127.0.0.1:<free port>
 *     ... call it ...
 *     List<RecordedRequest> sent = orders.requests();
 * }
 * }</pre>
 *
 * <p>Its catalogue is {@link #CATALOGUE}, prices in cents of {@value #CURRENCY}. Order ids are
 * {@code ord-1}, {@code ord-2}, ... in the order the orders are created, so that runs are reproducible.
 * Errors answer with their status and a {@code {"message": "..."}} body. Every request is recorded.
 * Thread-safe; no authentication.
 */
public final class OrderServiceSimulator implements AutoCloseable {

    /** The items it sells, by SKU, with their unit prices in cents. */
    public static final Map<String, Long> CATALOGUE = catalogue();

    /** The currency of every price. */
    public static final String CURRENCY = "EUR";

    /** The operation ids it serves, as the OpenAPI description names them. */
    public static final Set<String> OPERATION_IDS = Set.of("createOrder", "getOrder", "recordPayment", "cancelOrder");

    private static final Pattern ORDER_PATH = Pattern.compile("/orders/([^/]+)(/payment|/cancel)?");

    private final HttpServer server;
    private final ExecutorService executor;
    private final ObjectMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private final AtomicBoolean closed = new AtomicBoolean();

    // All mutable state below is guarded by `lock`.
    private final Object lock = new Object();
    private final Map<String, Order> orders = new LinkedHashMap<>();
    private final List<RecordedRequest> requests = new ArrayList<>();
    private int lastOrder;

    private OrderServiceSimulator(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    private static Map<String, Long> catalogue() {
        Map<String, Long> items = new LinkedHashMap<>();
        items.put("BOOK-1", 1_999L);
        items.put("LAMP-1", 4_500L);
        items.put("PIANO-1", 499_900L);
        return Collections.unmodifiableMap(items);
    }

    /** Starts a simulator on 127.0.0.1 on a free port. */
    public static OrderServiceSimulator start() {
        return start(0);
    }

    /**
     * Starts a simulator on 127.0.0.1.
     *
     * @param port the port to listen on; 0 for a free one
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static OrderServiceSimulator start(int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be within 0..65535, was " + port);
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(loopback(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "order-service-" + threads.incrementAndGet());
            thread.setDaemon(true); // never keeps a JVM (or `mvn exec:java`) alive
            return thread;
        });
        OrderServiceSimulator simulator = new OrderServiceSimulator(server, executor);
        server.createContext("/", simulator::handle);
        server.setExecutor(executor);
        server.start();
        return simulator;
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new AssertionError("a literal address needs no lookup", e);
        }
    }

    /** The endpoint to send requests to, e.g. {@code http://127.0.0.1:54321} (no trailing slash). */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The order {@code orderId}, as it is now, if the simulator holds it. */
    public Optional<Order> order(String orderId) {
        synchronized (lock) {
            return Optional.ofNullable(orders.get(orderId));
        }
    }

    /** Every request received so far, oldest first; an immutable snapshot. */
    public List<RecordedRequest> requests() {
        synchronized (lock) {
            return List.copyOf(requests);
        }
    }

    /** Stops listening and releases the threads; calling it again does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    /**
     * Runs a simulator until the process is stopped, for trying the sample's {@code --endpoint} option.
     *
     * @param args optionally the port (default 8080)
     */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        OrderServiceSimulator simulator = start(port);
        System.out.println("order service simulator listening on " + simulator.baseUri() + " (items "
                + CATALOGUE.keySet() + ")");
        new CountDownLatch(1).await();
    }

    /**
     * One order as the simulator holds it.
     *
     * @param orderId {@code ord-N}
     * @param customerId who pays
     * @param sku the item
     * @param quantity how many
     * @param total the price in cents of {@link #CURRENCY}
     * @param status {@code PENDING}, {@code PAID} or {@code CANCELLED}
     * @param paymentId the payment that paid it; null unless PAID
     * @param cancelReason why it was cancelled; null unless CANCELLED
     */
    public record Order(String orderId, String customerId, String sku, long quantity, long total, String status,
            String paymentId, String cancelReason) {

        ObjectNode toJson() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("orderId", orderId);
            node.put("customerId", customerId);
            node.put("sku", sku);
            node.put("quantity", quantity);
            node.put("total", total);
            node.put("currency", CURRENCY);
            node.put("status", status);
            if (paymentId != null) {
                node.put("paymentId", paymentId);
            }
            if (cancelReason != null) {
                node.put("cancelReason", cancelReason);
            }
            return node;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // HTTP

    private void handle(HttpExchange exchange) throws IOException {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            String query = Objects.requireNonNullElse(exchange.getRequestURI().getRawQuery(), "");
            synchronized (lock) {
                requests.add(new RecordedRequest(method, path, query, exchange.getRequestHeaders(), body));
            }
            Response response;
            try {
                response = dispatch(method, path, body);
            } catch (Problem e) {
                response = new Response(e.status, problem(e.getMessage()), null);
            } catch (RuntimeException e) {
                response = new Response(500, problem("simulator failure: " + e), null);
            }
            byte[] bytes = json.writeValueAsBytes(response.body());
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            if (response.location() != null) {
                exchange.getResponseHeaders().set("Location", response.location());
            }
            exchange.sendResponseHeaders(response.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } finally {
            exchange.close();
        }
    }

    private Response dispatch(String method, String path, byte[] body) {
        if (path.equals("/orders")) {
            requireMethod(method, "POST", path);
            return createOrder(parseObject(body));
        }
        Matcher matcher = ORDER_PATH.matcher(path);
        if (!matcher.matches()) {
            throw new Problem(404, "no operation at " + path);
        }
        String orderId = matcher.group(1);
        String action = matcher.group(2);
        if (action == null) {
            requireMethod(method, "GET", path);
            return ok(existing(orderId));
        }
        requireMethod(method, "POST", path);
        ObjectNode request = parseObject(body);
        if (action.equals("/payment")) {
            String paymentId = text(request, "paymentId");
            allowOnly(request, Set.of("paymentId"));
            return ok(settle(orderId, "PAID", paymentId, null));
        }
        String reason = text(request, "reason");
        allowOnly(request, Set.of("reason"));
        return ok(settle(orderId, "CANCELLED", null, reason));
    }

    private Response createOrder(ObjectNode request) {
        String customerId = text(request, "customerId");
        String sku = text(request, "sku");
        JsonNode quantity = request.get("quantity");
        if (quantity == null || !quantity.isIntegralNumber() || quantity.asLong() < 1 || quantity.asLong() > 1000) {
            throw new Problem(400, "quantity must be an integer from 1 to 1000");
        }
        allowOnly(request, Set.of("customerId", "sku", "quantity"));
        Long price = CATALOGUE.get(sku);
        if (price == null) {
            throw new Problem(400, "no item '" + sku + "' in the catalogue; it has " + CATALOGUE.keySet());
        }
        Order order;
        synchronized (lock) {
            String orderId = "ord-" + ++lastOrder;
            order = new Order(orderId, customerId, sku, quantity.asLong(), price * quantity.asLong(), "PENDING",
                    null, null);
            orders.put(orderId, order);
        }
        return new Response(201, order.toJson(), "/orders/" + order.orderId());
    }

    private Order settle(String orderId, String status, String paymentId, String reason) {
        synchronized (lock) {
            Order order = existing(orderId);
            if (!order.status().equals("PENDING")) {
                throw new Problem(409, "order " + orderId + " is " + order.status() + ", not PENDING");
            }
            Order settled = new Order(order.orderId(), order.customerId(), order.sku(), order.quantity(),
                    order.total(), status, paymentId, reason);
            orders.put(orderId, settled);
            return settled;
        }
    }

    private Order existing(String orderId) {
        synchronized (lock) {
            Order order = orders.get(orderId);
            if (order == null) {
                throw new Problem(404, "no order " + orderId);
            }
            return order;
        }
    }

    private static void requireMethod(String method, String expected, String path) {
        if (!method.equals(expected)) {
            throw new Problem(405, method + " is not allowed on " + path + "; use " + expected);
        }
    }

    private ObjectNode parseObject(byte[] body) {
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new Problem(400, "the body is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!(node instanceof ObjectNode object)) {
            throw new Problem(400, "the body must be a JSON object");
        }
        return object;
    }

    private static String text(ObjectNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new Problem(400, field + " must be a non-empty string");
        }
        return value.asText();
    }

    private static void allowOnly(ObjectNode request, Set<String> fields) {
        for (Iterator<String> names = request.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw new Problem(400, "unknown field '" + name + "'");
            }
        }
    }

    private static Response ok(Order order) {
        return new Response(200, order.toJson(), null);
    }

    private static ObjectNode problem(String message) {
        return JsonNodeFactory.instance.objectNode().put("message", message);
    }

    private record Response(int status, JsonNode body, String location) {}

    private static final class Problem extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        Problem(int status, String message) {
            super(message);
            this.status = status;
        }
    }
}
