package com.example.connect.simulator;

import static java.nio.charset.StandardCharsets.UTF_8;

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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * An embedded, stateful stand-in for the three Amazon Connect operations of the chat workflow:
 * {@code startChatContact} ({@code PUT /contact/chat}), {@code describeContact}
 * ({@code GET /contacts/{InstanceId}/{ContactId}}) and {@code updateContactAttributes}
 * ({@code POST /contact/attributes/{InstanceId}/{ContactId}}), answering with the shapes of
 * {@code src/main/arazzo/openapi/amazon-connect-openapi.yml}.
 *
 * <pre>{@code
 * try (ConnectSimulator connect = ConnectSimulator.start()) {
 *     URI endpoint = connect.baseUri();          // http://127.0.0.1:<free port>
 *     ... call it ...
 *     List<RecordedRequest> sent = connect.requests();
 * }
 * }</pre>
 *
 * <p>It knows instance {@value #DEMO_INSTANCE_ID} with contact flow {@value #DEMO_CONTACT_FLOW_ID} from
 * the start; {@link #addInstance} adds more. Errors answer as AWS does: a status, an
 * {@code x-amzn-ErrorType} header and a {@code {"Message": "..."}} body. Every request is recorded, and
 * {@link #failNext} makes the next call of an operation fail. Thread-safe; no authentication.
 */
public final class ConnectSimulator implements AutoCloseable {

    /** The instance every simulator knows from the start. */
    public static final String DEMO_INSTANCE_ID = "inst-1";
    /** The contact flow of {@link #DEMO_INSTANCE_ID}. */
    public static final String DEMO_CONTACT_FLOW_ID = "flow-1";

    /** The operation ids this simulator serves, as the OpenAPI description names them. */
    public static final Set<String> OPERATION_IDS =
            Set.of("startChatContact", "describeContact", "updateContactAttributes");

    private static final String ARN_PREFIX = "arn:aws:connect:us-east-1:123456789012:instance/";
    private static final Pattern ATTRIBUTE_KEY = Pattern.compile("[A-Za-z0-9_-]+");
    private static final int MAX_ATTRIBUTE_BYTES = 32_768;

    private final HttpServer server;
    private final ExecutorService executor;
    private final ObjectMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();
    private final AtomicBoolean closed = new AtomicBoolean();

    // All mutable state below is guarded by `lock`.
    private final Object lock = new Object();
    private final Map<String, Set<String>> contactFlowsByInstance = new LinkedHashMap<>();
    private final Map<String, SimulatedContact> contactsByKey = new LinkedHashMap<>();
    private final Map<String, String> contactIdsByClientToken = new HashMap<>();
    private final Map<String, Deque<InjectedFailure>> injectedFailures = new HashMap<>();
    private final List<RecordedRequest> requests = new ArrayList<>();

    private ConnectSimulator(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
        addInstance(DEMO_INSTANCE_ID, DEMO_CONTACT_FLOW_ID);
    }

    /** Starts a simulator on 127.0.0.1 on a free port. */
    public static ConnectSimulator start() {
        return start(0);
    }

    /**
     * Starts a simulator on 127.0.0.1.
     *
     * @param port the port to listen on; 0 for a free one
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static ConnectSimulator start(int port) {
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
            Thread thread = new Thread(task, "connect-simulator-" + threads.incrementAndGet());
            thread.setDaemon(true); // never keeps a JVM (or `mvn exec:java`) alive
            return thread;
        });
        ConnectSimulator simulator = new ConnectSimulator(server, executor);
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

    /**
     * Makes the simulator know instance {@code instanceId} with the given contact flows (added to the
     * flows it already has, if it knows the instance).
     *
     * @return this simulator
     */
    public ConnectSimulator addInstance(String instanceId, String... contactFlowIds) {
        Objects.requireNonNull(instanceId, "instanceId");
        if (instanceId.isEmpty() || instanceId.length() > 100) {
            throw new IllegalArgumentException("instanceId must be 1 to 100 characters: '" + instanceId + "'");
        }
        synchronized (lock) {
            Set<String> flows = contactFlowsByInstance.computeIfAbsent(instanceId, id -> new LinkedHashSet<>());
            for (String flow : contactFlowIds) {
                flows.add(Objects.requireNonNull(flow, "contactFlowId"));
            }
        }
        return this;
    }

    /** The contact {@code contactId} of instance {@code instanceId}, if the simulator holds it. */
    public Optional<SimulatedContact> contact(String instanceId, String contactId) {
        synchronized (lock) {
            return Optional.ofNullable(contactsByKey.get(contactKey(instanceId, contactId)));
        }
    }

    /** Every contact the simulator holds, in the order they were started. */
    public List<SimulatedContact> contacts() {
        synchronized (lock) {
            return List.copyOf(contactsByKey.values());
        }
    }

    /** Every request received so far, oldest first; an immutable snapshot. */
    public List<RecordedRequest> requests() {
        synchronized (lock) {
            return List.copyOf(requests);
        }
    }

    /** Forgets the recorded requests (state such as contacts is kept). */
    public void clearRequests() {
        synchronized (lock) {
            requests.clear();
        }
    }

    /**
     * Makes the next call of {@code operationId} answer {@code status} without touching any state, with
     * the error type AWS uses for that status: 400 InvalidRequestException, 404 ResourceNotFoundException,
     * 429 ThrottlingException, any other 4xx InvalidRequestException, any 5xx InternalServiceException.
     * Several calls queue several failures, used up in order.
     *
     * @param operationId one of {@link #OPERATION_IDS}
     * @param status an error status, 400 to 599
     */
    public void failNext(String operationId, int status) {
        failNext(operationId, status, defaultErrorType(status));
    }

    /**
     * Like {@link #failNext(String, int)}, with an explicit error type, e.g. {@code LimitExceededException}.
     */
    public void failNext(String operationId, int status, String errorType) {
        if (!OPERATION_IDS.contains(operationId)) {
            throw new IllegalArgumentException(
                    "unknown operationId '" + operationId + "'; expected one of " + OPERATION_IDS);
        }
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be an error status (400..599), was " + status);
        }
        Objects.requireNonNull(errorType, "errorType");
        synchronized (lock) {
            injectedFailures.computeIfAbsent(operationId, id -> new ArrayDeque<>())
                    .add(new InjectedFailure(status, errorType));
        }
    }

    private static String defaultErrorType(int status) {
        if (status == 404) {
            return "ResourceNotFoundException";
        }
        if (status == 429) {
            return "ThrottlingException";
        }
        return status >= 500 ? "InternalServiceException" : "InvalidRequestException";
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
        ConnectSimulator simulator = start(port);
        System.out.println("Amazon Connect simulator listening on " + simulator.baseUri()
                + " (instance " + DEMO_INSTANCE_ID + ", contact flow " + DEMO_CONTACT_FLOW_ID + ")");
        new CountDownLatch(1).await();
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
            } catch (ServiceException e) {
                response = Response.error(e.status, e.errorType, e.getMessage());
            } catch (RuntimeException e) {
                response = Response.error(500, "InternalServiceException", "simulator failure: " + e);
            }
            send(exchange, response);
        } finally {
            exchange.close();
        }
    }

    private void send(HttpExchange exchange, Response response) throws IOException {
        byte[] bytes = json.writeValueAsBytes(response.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        if (response.errorType() != null) {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", response.errorType());
        }
        if (response.allow() != null) {
            exchange.getResponseHeaders().set("Allow", response.allow());
        }
        exchange.sendResponseHeaders(response.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private Response dispatch(String method, String rawPath, byte[] body) {
        Route route = Route.match(rawPath);
        if (route == null) {
            return Response.error(404, "UnknownOperationException", "No operation at " + rawPath);
        }
        if (!route.method.equals(method)) {
            return Response.methodNotAllowed(method, rawPath, route.method);
        }
        synchronized (lock) {
            Deque<InjectedFailure> failures = injectedFailures.get(route.operationId);
            InjectedFailure failure = failures == null ? null : failures.poll();
            if (failure != null) {
                return Response.error(failure.status, failure.errorType,
                        "Simulated " + failure.errorType + " for " + route.operationId);
            }
        }
        switch (route.operationId) {
            case "startChatContact":
                return startChatContact(parseObject(body));
            case "describeContact":
                return describeContact(route.segment(1), route.segment(2));
            case "updateContactAttributes":
                return updateContactAttributes(route.segment(1), route.segment(2), parseObject(body));
            default:
                throw new AssertionError("unrouted operation " + route.operationId);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Operations

    private Response startChatContact(ObjectNode request) {
        String instanceId = requiredString(request, "InstanceId", 1, 100);
        String contactFlowId = requiredString(request, "ContactFlowId", 0, 500);
        JsonNode participant = request.get("ParticipantDetails");
        if (participant == null || participant.isNull()) {
            throw invalidParameter("ParticipantDetails is required");
        }
        if (!participant.isObject()) {
            throw invalidParameter("ParticipantDetails must be an object");
        }
        String displayName = requiredString((ObjectNode) participant, "DisplayName", 1, 256);
        Map<String, String> attributes = optionalAttributes(request, "Attributes");
        String clientToken = optionalString(request, "ClientToken", 0, 500);
        validateChatOptions(request);

        Instant now = now();
        synchronized (lock) {
            Set<String> flows = contactFlowsByInstance.get(instanceId);
            if (flows == null) {
                throw notFound("Instance " + instanceId + " not found");
            }
            if (!flows.contains(contactFlowId)) {
                throw notFound("Contact flow " + contactFlowId + " not found in instance " + instanceId);
            }
            if (clientToken != null) {
                String earlier = contactIdsByClientToken.get(contactKey(instanceId, clientToken));
                if (earlier != null) {
                    return Response.ok(startChatContactResponse(contactsByKey.get(contactKey(instanceId, earlier))));
                }
            }
            String contactId = UUID.randomUUID().toString();
            SimulatedContact contact = new SimulatedContact(instanceId, contactId,
                    ARN_PREFIX + instanceId + "/contact/" + contactId, contactFlowId, "CHAT", "API", now, now,
                    UUID.randomUUID().toString(), opaqueToken(), displayName, attributes);
            checkAttributeSize(contact.attributes());
            contactsByKey.put(contactKey(instanceId, contactId), contact);
            if (clientToken != null) {
                contactIdsByClientToken.put(contactKey(instanceId, clientToken), contactId);
            }
            return Response.ok(startChatContactResponse(contact));
        }
    }

    private ObjectNode startChatContactResponse(SimulatedContact contact) {
        ObjectNode response = json.createObjectNode();
        response.put("ContactId", contact.id());
        response.put("ParticipantId", contact.participantId());
        response.put("ParticipantToken", contact.participantToken());
        return response;
    }

    private void validateChatOptions(ObjectNode request) {
        JsonNode duration = request.get("ChatDurationInMinutes");
        if (duration != null && !duration.isNull()) {
            if (!duration.isIntegralNumber() || duration.asLong() < 60 || duration.asLong() > 10_080) {
                throw invalidParameter("ChatDurationInMinutes must be an integer from 60 to 10080");
            }
        }
        JsonNode message = request.get("InitialMessage");
        if (message != null && !message.isNull()) {
            if (!message.isObject()) {
                throw invalidParameter("InitialMessage must be an object");
            }
            requiredString((ObjectNode) message, "ContentType", 1, 100);
            requiredString((ObjectNode) message, "Content", 1, 16_384);
        }
        JsonNode types = request.get("SupportedMessagingContentTypes");
        if (types != null && !types.isNull()) {
            if (!types.isArray()) {
                throw invalidParameter("SupportedMessagingContentTypes must be an array of strings");
            }
            boolean plainText = false;
            for (JsonNode type : types) {
                if (!type.isTextual() || type.textValue().isEmpty() || type.textValue().length() > 100) {
                    throw invalidParameter("SupportedMessagingContentTypes must hold strings of 1 to 100 characters");
                }
                plainText |= type.textValue().equals("text/plain");
            }
            if (!plainText) {
                throw invalidParameter("SupportedMessagingContentTypes must contain text/plain");
            }
        }
        if (request.hasNonNull("RelatedContactId") && request.hasNonNull("PersistentChat")) {
            throw invalidParameter("RelatedContactId and PersistentChat cannot both be given");
        }
    }

    private Response describeContact(String instanceId, String contactId) {
        synchronized (lock) {
            SimulatedContact contact = existingContact(instanceId, contactId);
            ObjectNode body = json.createObjectNode();
            ObjectNode node = body.putObject("Contact");
            node.put("Id", contact.id());
            node.put("Arn", contact.arn());
            node.put("Channel", contact.channel());
            node.put("InitiationMethod", contact.initiationMethod());
            node.put("InitiationTimestamp", epochSeconds(contact.initiationTimestamp()));
            node.put("LastUpdateTimestamp", epochSeconds(contact.lastUpdateTimestamp()));
            ObjectNode attributes = node.putObject("Attributes");
            contact.attributes().forEach(attributes::put);
            return Response.ok(body);
        }
    }

    private Response updateContactAttributes(String instanceId, String contactId, ObjectNode request) {
        if (!request.hasNonNull("Attributes")) {
            throw invalidParameter("Attributes is required");
        }
        Map<String, String> update = optionalAttributes(request, "Attributes");
        Instant now = now();
        synchronized (lock) {
            SimulatedContact updated = existingContact(instanceId, contactId).withAttributesMerged(update, now);
            checkAttributeSize(updated.attributes());
            contactsByKey.put(contactKey(instanceId, contactId), updated);
        }
        return Response.ok(json.createObjectNode());
    }

    private SimulatedContact existingContact(String instanceId, String contactId) {
        assert Thread.holdsLock(lock);
        if (!contactFlowsByInstance.containsKey(instanceId)) {
            throw notFound("Instance " + instanceId + " not found");
        }
        SimulatedContact contact = contactsByKey.get(contactKey(instanceId, contactId));
        if (contact == null) {
            throw notFound("Contact " + contactId + " not found in instance " + instanceId);
        }
        return contact;
    }

    // ---------------------------------------------------------------------------------------------
    // Request parsing and validation

    private ObjectNode parseObject(byte[] body) {
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (IOException e) {
            String detail = e instanceof JsonProcessingException
                    ? ((JsonProcessingException) e).getOriginalMessage()
                    : e.getMessage();
            throw invalidParameter("The request body is not valid JSON: " + detail);
        }
        if (node == null || node.isMissingNode()) {
            throw invalidParameter("The request body is empty; a JSON object is required");
        }
        if (!node.isObject()) {
            throw invalidParameter("The request body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    private static String requiredString(ObjectNode object, String field, int minLength, int maxLength) {
        String value = optionalString(object, field, minLength, maxLength);
        if (value == null) {
            throw invalidParameter(field + " is required");
        }
        return value;
    }

    private static String optionalString(ObjectNode object, String field, int minLength, int maxLength) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw invalidParameter(field + " must be a string");
        }
        String value = node.textValue();
        if (value.length() < minLength || value.length() > maxLength) {
            throw invalidParameter(field + " must be " + minLength + " to " + maxLength + " characters long");
        }
        return value;
    }

    private static Map<String, String> optionalAttributes(ObjectNode object, String field) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw invalidParameter(field + " must be an object of string values");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String key = entry.getKey();
            if (key.length() > 32_767 || !ATTRIBUTE_KEY.matcher(key).matches()) {
                throw invalidParameter(field + " key '" + key
                        + "' must be 1 to 32767 letters, digits, dashes and underscores");
            }
            if (!entry.getValue().isTextual()) {
                throw invalidParameter(field + "." + key + " must be a string");
            }
            attributes.put(key, entry.getValue().textValue());
        }
        return attributes;
    }

    private static void checkAttributeSize(Map<String, String> attributes) {
        long bytes = attributes.entrySet().stream()
                .mapToLong(e -> e.getKey().getBytes(UTF_8).length + e.getValue().getBytes(UTF_8).length)
                .sum();
        if (bytes > MAX_ATTRIBUTE_BYTES) {
            throw invalidParameter("The attributes of a contact may hold at most " + MAX_ATTRIBUTE_BYTES
                    + " UTF-8 bytes; these would hold " + bytes);
        }
    }

    private static ServiceException invalidParameter(String message) {
        return new ServiceException(400, "InvalidParameterException", message);
    }

    private static ServiceException notFound(String message) {
        return new ServiceException(404, "ResourceNotFoundException", message);
    }

    // ---------------------------------------------------------------------------------------------
    // Small helpers

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Epoch seconds with millisecond precision, written plainly (1763690972.123), as AWS does. */
    private static BigDecimal epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli(), 3);
    }

    private String opaqueToken() {
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String contactKey(String instanceId, String id) {
        // Decoded ids may contain any character; the length prefix keeps distinct pairs distinct.
        return instanceId.length() + ":" + instanceId + "/" + id;
    }

    private record InjectedFailure(int status, String errorType) {}

    /** An AWS-style error, answered as status + x-amzn-ErrorType + {"Message": ...}. */
    private static final class ServiceException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final String errorType;

        ServiceException(int status, String errorType, String message) {
            super(message, null, false, false);
            this.status = status;
            this.errorType = errorType;
        }
    }

    /** An answer: status, error type (null on success), Allow header (null unless 405), JSON body. */
    private record Response(int status, String errorType, String allow, JsonNode body) {

        static Response ok(JsonNode body) {
            return new Response(200, null, null, body);
        }

        static Response error(int status, String errorType, String message) {
            return new Response(status, errorType, null, JsonNodeFactory.instance.objectNode().put("Message", message));
        }

        static Response methodNotAllowed(String method, String rawPath, String allowed) {
            return new Response(405, "MethodNotAllowedException", allowed, JsonNodeFactory.instance.objectNode()
                    .put("Message", method + " is not allowed on " + rawPath + "; use " + allowed));
        }
    }

    /** Which operation a path names, with its percent-decoded segments. */
    private static final class Route {
        final String operationId;
        final String method;
        final List<String> segments;

        private Route(String operationId, String method, List<String> segments) {
            this.operationId = operationId;
            this.method = method;
            this.segments = segments;
        }

        String segment(int index) {
            return segments.get(index);
        }

        static Route match(String rawPath) {
            if (!rawPath.startsWith("/")) {
                return null;
            }
            String[] raw = rawPath.substring(1).split("/", -1);
            List<String> segments = new ArrayList<>(raw.length);
            for (String segment : raw) {
                if (segment.isEmpty()) {
                    return null;
                }
                segments.add(percentDecode(segment));
            }
            if (segments.equals(List.of("contact", "chat"))) {
                return new Route("startChatContact", "PUT", segments);
            }
            if (segments.size() == 3 && segments.get(0).equals("contacts")) {
                return new Route("describeContact", "GET", segments);
            }
            if (segments.size() == 4 && segments.get(0).equals("contact") && segments.get(1).equals("attributes")) {
                return new Route("updateContactAttributes", "POST", segments.subList(1, 4));
            }
            return null;
        }

        /** RFC 3986 percent-decoding of one path segment ('+' stays '+', unlike form decoding). */
        private static String percentDecode(String segment) {
            if (segment.indexOf('%') < 0) {
                return segment;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
            for (int i = 0; i < segment.length(); i++) {
                int c = segment.codePointAt(i);
                if (c == '%') {
                    if (i + 2 >= segment.length()) {
                        throw invalidParameter("Malformed percent-encoding in path segment '" + segment + "'");
                    }
                    int high = Character.digit(segment.charAt(i + 1), 16);
                    int low = Character.digit(segment.charAt(i + 2), 16);
                    if (high < 0 || low < 0) {
                        throw invalidParameter("Malformed percent-encoding in path segment '" + segment + "'");
                    }
                    bytes.write(high << 4 | low);
                    i += 2;
                } else {
                    byte[] encoded = Character.toString(c).getBytes(UTF_8);
                    bytes.write(encoded, 0, encoded.length);
                    i += Character.charCount(c) - 1;
                }
            }
            return bytes.toString(UTF_8);
        }
    }
}
