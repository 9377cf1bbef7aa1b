package com.example.connect.simulator;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectSimulatorTest {

    private static final String START_CHAT = "{\"InstanceId\":\"inst-1\",\"ContactFlowId\":\"flow-1\","
            + "\"ParticipantDetails\":{\"DisplayName\":\"Jane Doe\"}}";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private ConnectSimulator connect;

    @BeforeEach
    void start() {
        connect = ConnectSimulator.start();
    }

    @AfterEach
    void stop() {
        connect.close();
    }

    // --- startChatContact ------------------------------------------------------------------------

    @Test
    void startChatContactCreatesAChatContactAndAnswersItsIds() throws Exception {
        HttpResponse<String> response = send("PUT", "/contact/chat", START_CHAT);

        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        JsonNode body = json.readTree(response.body());
        assertEquals(Set.of("ContactId", "ParticipantId", "ParticipantToken"), fieldNames(body));
        String contactId = body.get("ContactId").textValue();
        assertEquals(contactId, UUID.fromString(contactId).toString(), "ContactId is a UUID");
        SimulatedContact contact = connect.contact("inst-1", contactId).orElseThrow();
        assertAll(
                () -> assertEquals("CHAT", contact.channel()),
                () -> assertEquals("API", contact.initiationMethod()),
                () -> assertEquals("flow-1", contact.contactFlowId()),
                () -> assertEquals("Jane Doe", contact.displayName()),
                () -> assertEquals(body.get("ParticipantId").textValue(), contact.participantId()),
                () -> assertEquals(body.get("ParticipantToken").textValue(), contact.participantToken()),
                () -> assertEquals(Map.of(), contact.attributes()));
    }

    @Test
    void everyStartedChatGetsItsOwnIdsAndToken() throws Exception {
        JsonNode first = json.readTree(send("PUT", "/contact/chat", START_CHAT).body());
        JsonNode second = json.readTree(send("PUT", "/contact/chat", START_CHAT).body());

        for (String field : List.of("ContactId", "ParticipantId", "ParticipantToken")) {
            assertNotEquals(first.get(field), second.get(field), field);
        }
        assertEquals(2, connect.contacts().size());
    }

    @Test
    void startChatContactKeepsTheAttributesItIsGiven() throws Exception {
        String contactId = startChat("{\"InstanceId\":\"inst-1\",\"ContactFlowId\":\"flow-1\","
                + "\"ParticipantDetails\":{\"DisplayName\":\"Ann\"},\"Attributes\":{\"topic\":\"billing\"}}");

        assertEquals(Map.of("topic", "billing"), connect.contact("inst-1", contactId).orElseThrow().attributes());
    }

    @Test
    void theSameClientTokenStartsTheChatOnlyOnce() throws Exception {
        String request = "{\"InstanceId\":\"inst-1\",\"ContactFlowId\":\"flow-1\","
                + "\"ParticipantDetails\":{\"DisplayName\":\"Ann\"},\"ClientToken\":\"token-7\"}";

        JsonNode first = json.readTree(send("PUT", "/contact/chat", request).body());
        JsonNode second = json.readTree(send("PUT", "/contact/chat", request).body());

        assertEquals(first, second);
        assertEquals(1, connect.contacts().size());
    }

    @Test
    void startChatContactOnAnUnknownInstanceIsResourceNotFound() throws Exception {
        HttpResponse<String> response = send("PUT", "/contact/chat", START_CHAT.replace("inst-1", "inst-9"));

        assertError(response, 404, "ResourceNotFoundException", "inst-9");
        assertEquals(List.of(), connect.contacts());
    }

    @Test
    void startChatContactWithAnUnknownContactFlowIsResourceNotFound() throws Exception {
        HttpResponse<String> response = send("PUT", "/contact/chat", START_CHAT.replace("flow-1", "flow-9"));

        assertError(response, 404, "ResourceNotFoundException", "flow-9");
    }

    @Test
    void addedInstancesAcceptChats() throws Exception {
        connect.addInstance("inst-2", "flow-a", "flow-b");

        String contactId = startChat(START_CHAT.replace("inst-1", "inst-2").replace("flow-1", "flow-b"));

        assertEquals("inst-2", connect.contact("inst-2", contactId).orElseThrow().instanceId());
        assertTrue(connect.contact("inst-1", contactId).isEmpty(), "contacts belong to one instance");
    }

    @ParameterizedTest
    @ValueSource(strings = {"InstanceId", "ContactFlowId", "ParticipantDetails", "DisplayName"})
    void startChatContactWithoutARequiredFieldIsAnInvalidParameter(String field) throws Exception {
        ObjectNode request = (ObjectNode) json.readTree(START_CHAT);
        request.remove(field);
        if (request.get("ParticipantDetails") instanceof ObjectNode) {
            ((ObjectNode) request.get("ParticipantDetails")).remove(field);
        }

        HttpResponse<String> response = send("PUT", "/contact/chat", json.writeValueAsString(request));

        assertError(response, 400, "InvalidParameterException", field);
        assertEquals(List.of(), connect.contacts());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"InstanceId\":\"\",\"ContactFlowId\":\"flow-1\",\"ParticipantDetails\":{\"DisplayName\":\"A\"}}",
        "{\"InstanceId\":1,\"ContactFlowId\":\"flow-1\",\"ParticipantDetails\":{\"DisplayName\":\"A\"}}",
        "{\"InstanceId\":\"inst-1\",\"ContactFlowId\":\"flow-1\",\"ParticipantDetails\":\"A\"}",
        "{\"InstanceId\":\"inst-1\",\"ContactFlowId\":\"flow-1\",\"ParticipantDetails\":{\"DisplayName\":\"A\"},"
                + "\"Attributes\":{\"tier\":1}}",
        "{\"InstanceId\":\"inst-1\",\"ContactFlowId\":\"flow-1\",\"ParticipantDetails\":{\"DisplayName\":\"A\"},"
                + "\"Attributes\":{\"bad key\":\"x\"}}",
        "{\"InstanceId\":\"inst-1\",\"ContactFlowId\":\"flow-1\",\"ParticipantDetails\":{\"DisplayName\":\"A\"},"
                + "\"ChatDurationInMinutes\":59}",
        "{\"InstanceId\":\"inst-1\",\"ContactFlowId\":\"flow-1\",\"ParticipantDetails\":{\"DisplayName\":\"A\"},"
                + "\"SupportedMessagingContentTypes\":[\"text/markdown\"]}",
    })
    void startChatContactRejectsValuesOutsideTheReferenceConstraints(String request) throws Exception {
        assertError(send("PUT", "/contact/chat", request), 400, "InvalidParameterException", "");
        assertEquals(List.of(), connect.contacts());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "", "[]", "\"text\"", "{\"InstanceId\":\"inst-1\"} trailing",
        "{\"InstanceId\":\"inst-1\",\"InstanceId\":\"inst-1\"}"})
    void malformedJsonIsAnInvalidParameter(String body) throws Exception {
        assertError(send("PUT", "/contact/chat", body), 400, "InvalidParameterException", "");
    }

    // --- describeContact -------------------------------------------------------------------------

    @Test
    void describeContactAnswersTheContact() throws Exception {
        String contactId = startChat(START_CHAT);

        HttpResponse<String> response = send("GET", "/contacts/inst-1/" + contactId, null);

        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        JsonNode body = json.readTree(response.body());
        assertEquals(Set.of("Contact"), fieldNames(body));
        JsonNode contact = body.get("Contact");
        assertEquals(Set.of("Id", "Arn", "Channel", "InitiationMethod", "InitiationTimestamp",
                "LastUpdateTimestamp", "Attributes"), fieldNames(contact));
        assertAll(
                () -> assertEquals(contactId, contact.get("Id").textValue()),
                () -> assertEquals("arn:aws:connect:us-east-1:123456789012:instance/inst-1/contact/" + contactId,
                        contact.get("Arn").textValue()),
                () -> assertEquals("CHAT", contact.get("Channel").textValue()),
                () -> assertEquals("API", contact.get("InitiationMethod").textValue()),
                () -> assertTrue(contact.get("InitiationTimestamp").isNumber()),
                () -> assertEquals(connect.contact("inst-1", contactId).orElseThrow().initiationTimestamp()
                        .toEpochMilli(), contact.get("InitiationTimestamp").decimalValue().movePointRight(3)
                        .longValueExact()),
                () -> assertEquals(json.createObjectNode(), contact.get("Attributes")));
    }

    @Test
    void describeContactOfAnUnknownContactIsResourceNotFound() throws Exception {
        startChat(START_CHAT);

        assertError(send("GET", "/contacts/inst-1/no-such-contact", null), 404, "ResourceNotFoundException",
                "no-such-contact");
    }

    @Test
    void describeContactOnAnUnknownInstanceIsResourceNotFound() throws Exception {
        String contactId = startChat(START_CHAT);

        assertError(send("GET", "/contacts/inst-9/" + contactId, null), 404, "ResourceNotFoundException",
                "inst-9");
    }

    @Test
    void pathSegmentsArePercentDecoded() throws Exception {
        connect.addInstance("inst/2 ü", "flow-1");
        String contactId = startChat(START_CHAT.replace("inst-1", "inst/2 ü"));

        HttpResponse<String> response = send("GET", "/contacts/inst%2F2%20%C3%BC/" + contactId, null);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(contactId, json.readTree(response.body()).at("/Contact/Id").textValue());
        assertEquals("/contacts/inst%2F2%20%C3%BC/" + contactId, connect.requests().get(1).path(),
                "the log keeps the path as sent");
    }

    // --- updateContactAttributes -----------------------------------------------------------------

    @Test
    void updateContactAttributesMergesOntoTheContact() throws Exception {
        String contactId = startChat(START_CHAT);
        String path = "/contact/attributes/inst-1/" + contactId;

        HttpResponse<String> first = send("POST", path, "{\"Attributes\":{\"tier\":\"gold\",\"topic\":\"billing\"}}");
        HttpResponse<String> second = send("POST", path, "{\"Attributes\":{\"tier\":\"platinum\",\"lang\":\"\"}}");

        for (HttpResponse<String> response : List.of(first, second)) {
            assertEquals(200, response.statusCode());
            assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("{}", response.body());
        }
        Map<String, String> expected = Map.of("tier", "platinum", "topic", "billing", "lang", "");
        assertEquals(expected, connect.contact("inst-1", contactId).orElseThrow().attributes());
        JsonNode described = json.readTree(send("GET", "/contacts/inst-1/" + contactId, null).body());
        assertEquals(json.valueToTree(expected), described.at("/Contact/Attributes"));
    }

    @Test
    void updateContactAttributesOfAnUnknownContactIsResourceNotFound() throws Exception {
        assertError(send("POST", "/contact/attributes/inst-1/nope", "{\"Attributes\":{\"a\":\"b\"}}"), 404,
                "ResourceNotFoundException", "nope");
        assertError(send("POST", "/contact/attributes/inst-9/nope", "{\"Attributes\":{\"a\":\"b\"}}"), 404,
                "ResourceNotFoundException", "inst-9");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"Attributes\":null}", "{\"Attributes\":[\"a\"]}",
        "{\"Attributes\":{\"a\":{\"b\":\"c\"}}}", "{\"Attributes\":", "not json"})
    void updateContactAttributesWithoutValidAttributesIsAnInvalidParameter(String body) throws Exception {
        String contactId = startChat(START_CHAT);

        assertError(send("POST", "/contact/attributes/inst-1/" + contactId, body), 400,
                "InvalidParameterException", "");
        assertEquals(Map.of(), connect.contact("inst-1", contactId).orElseThrow().attributes());
    }

    @Test
    void attributesBeyond32768BytesAreRejected() throws Exception {
        String contactId = startChat(START_CHAT);
        String path = "/contact/attributes/inst-1/" + contactId;

        assertEquals(200, send("POST", path, "{\"Attributes\":{\"a\":\"" + "x".repeat(20_000) + "\"}}").statusCode());
        assertError(send("POST", path, "{\"Attributes\":{\"b\":\"" + "y".repeat(20_000) + "\"}}"), 400,
                "InvalidParameterException", "32768");
        assertEquals(Set.of("a"), connect.contact("inst-1", contactId).orElseThrow().attributes().keySet());
    }

    // --- routing ---------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({
        "GET, /contact/chat, PUT",
        "POST, /contact/chat, PUT",
        "DELETE, /contacts/inst-1/c-1, GET",
        "PUT, /contacts/inst-1/c-1, GET",
        "GET, /contact/attributes/inst-1/c-1, POST",
        "PUT, /contact/attributes/inst-1/c-1, POST",
    })
    void aWrongMethodIsMethodNotAllowed(String method, String path, String allowed) throws Exception {
        HttpResponse<String> response = send(method, path, method.equals("GET") || method.equals("DELETE") ? null : "{}");

        assertError(response, 405, "MethodNotAllowedException", allowed);
        assertEquals(allowed, response.headers().firstValue("Allow").orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/contact", "/contact/chat/", "/contacts/inst-1", "/contacts/inst-1/c/x",
        "/contacts//c-1", "/contact/attributes/inst-1", "/something"})
    void anUnknownPathIsNotFound(String path) throws Exception {
        HttpResponse<String> response = send("GET", path, null);

        assertError(response, 404, "UnknownOperationException", "");
    }

    // --- request log -----------------------------------------------------------------------------

    @Test
    void everyRequestIsRecordedAsSent() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(connect.baseUri().resolve("/contact/chat?x=1&y=%20"))
                .PUT(BodyPublishers.ofString(START_CHAT))
                .header("Content-Type", "application/json")
                .header("X-Trace", "a")
                .header("X-Trace", "b")
                .build();
        http.send(request, BodyHandlers.ofString());
        send("GET", "/unknown", null);

        List<RecordedRequest> requests = connect.requests();

        assertEquals(2, requests.size());
        RecordedRequest put = requests.get(0);
        assertAll(
                () -> assertEquals("PUT", put.method()),
                () -> assertEquals("/contact/chat", put.path()),
                () -> assertEquals("x=1&y=%20", put.query()),
                () -> assertEquals(START_CHAT, put.body()),
                () -> assertArrayEquals(START_CHAT.getBytes(StandardCharsets.UTF_8), put.bodyBytes()),
                () -> assertEquals("application/json", put.header("content-type").orElseThrow()),
                () -> assertEquals(List.of("a", "b"), put.headers().get("x-TRACE")),
                () -> assertTrue(put.header("X-Absent").isEmpty()));
        RecordedRequest get = requests.get(1);
        assertAll(
                () -> assertEquals("GET", get.method()),
                () -> assertEquals("/unknown", get.path()),
                () -> assertEquals("", get.query()),
                () -> assertEquals("", get.body()),
                () -> assertArrayEquals(new byte[0], get.bodyBytes()));
    }

    @Test
    void theRequestLogIsAnImmutableSnapshot() throws Exception {
        send("PUT", "/contact/chat", START_CHAT);
        List<RecordedRequest> snapshot = connect.requests();

        send("PUT", "/contact/chat", START_CHAT);

        assertEquals(1, snapshot.size());
        assertThrows(UnsupportedOperationException.class, () -> snapshot.add(snapshot.get(0)));
        assertThrows(UnsupportedOperationException.class, () -> snapshot.get(0).headers().put("a", List.of()));
        assertEquals(2, connect.requests().size());
        connect.clearRequests();
        assertEquals(List.of(), connect.requests());
        assertEquals(2, connect.contacts().size(), "clearing the log keeps the contacts");
    }

    // --- failure injection -----------------------------------------------------------------------

    @Test
    void failNextFailsOnlyTheNextCallOfThatOperation() throws Exception {
        String contactId = startChat(START_CHAT);
        connect.failNext("describeContact", 404);

        HttpResponse<String> otherOperation = send("POST", "/contact/attributes/inst-1/" + contactId,
                "{\"Attributes\":{\"a\":\"b\"}}");
        HttpResponse<String> failed = send("GET", "/contacts/inst-1/" + contactId, null);
        HttpResponse<String> next = send("GET", "/contacts/inst-1/" + contactId, null);

        assertEquals(200, otherOperation.statusCode());
        assertError(failed, 404, "ResourceNotFoundException", "describeContact");
        assertEquals(200, next.statusCode());
    }

    @ParameterizedTest
    @CsvSource({
        "400, InvalidRequestException",
        "404, ResourceNotFoundException",
        "429, ThrottlingException",
        "500, InternalServiceException",
        "503, InternalServiceException",
    })
    void failNextAnswersTheErrorTypeOfTheStatus(int status, String errorType) throws Exception {
        connect.failNext("startChatContact", status);

        assertError(send("PUT", "/contact/chat", START_CHAT), status, errorType, "");
        assertEquals(List.of(), connect.contacts(), "an injected failure changes no state");
    }

    @Test
    void failNextWithAnExplicitErrorTypeAndQueuedFailures() throws Exception {
        connect.failNext("startChatContact", 429, "LimitExceededException");
        connect.failNext("startChatContact", 500);

        assertError(send("PUT", "/contact/chat", START_CHAT), 429, "LimitExceededException", "");
        assertError(send("PUT", "/contact/chat", START_CHAT), 500, "InternalServiceException", "");
        assertEquals(200, send("PUT", "/contact/chat", START_CHAT).statusCode());
    }

    @Test
    void failNextChecksItsArguments() {
        assertThrows(IllegalArgumentException.class, () -> connect.failNext("startChat", 500));
        assertThrows(IllegalArgumentException.class, () -> connect.failNext("describeContact", 200));
        assertThrows(IllegalArgumentException.class, () -> connect.failNext("describeContact", 600));
    }

    // --- lifecycle and concurrency ---------------------------------------------------------------

    @Test
    void listensOnLoopbackAtAFreePort() {
        URI uri = connect.baseUri();
        assertEquals("http", uri.getScheme());
        assertEquals("127.0.0.1", uri.getHost());
        assertTrue(uri.getPort() > 0);
        assertEquals("", uri.getPath());
        try (ConnectSimulator other = ConnectSimulator.start()) {
            assertNotEquals(uri, other.baseUri());
        }
    }

    @Test
    void closeStopsListeningAndMayBeRepeated() {
        URI uri = connect.baseUri();
        connect.close();
        connect.close();

        HttpRequest request = HttpRequest.newBuilder(uri.resolve("/contact/chat"))
                .PUT(BodyPublishers.ofString(START_CHAT)).build();
        assertThrows(IOException.class, () -> http.send(request, BodyHandlers.ofString()));
    }

    @Test
    void concurrentChatsAreAllKept() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> tasks = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String path = "/contact/attributes/inst-1/";
                int n = i;
                tasks.add(() -> {
                    String contactId = startChat(START_CHAT);
                    send("POST", path + contactId, "{\"Attributes\":{\"n\":\"" + n + "\"}}");
                    return contactId;
                });
            }
            Set<String> ids = new HashSet<>();
            for (Future<String> future : pool.invokeAll(tasks)) {
                ids.add(future.get());
            }
            assertEquals(40, ids.size());
            assertEquals(40, connect.contacts().size());
            assertEquals(80, connect.requests().size());
            connect.contacts().forEach(c -> assertEquals(Set.of("n"), c.attributes().keySet()));
        } finally {
            pool.shutdownNow();
        }
    }

    // --- helpers ---------------------------------------------------------------------------------

    private String startChat(String body) throws Exception {
        HttpResponse<String> response = send("PUT", "/contact/chat", body);
        assertEquals(200, response.statusCode(), response.body());
        return json.readTree(response.body()).get("ContactId").textValue();
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(connect.baseUri() + path))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), BodyHandlers.ofString());
    }

    private void assertError(HttpResponse<String> response, int status, String errorType, String messagePart)
            throws IOException {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(errorType, response.headers().firstValue("x-amzn-ErrorType").orElseThrow());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        JsonNode body = json.readTree(response.body());
        assertEquals(Set.of("Message"), fieldNames(body));
        String message = body.get("Message").textValue();
        assertFalse(message.isBlank());
        assertTrue(message.contains(messagePart), () -> "'" + message + "' should mention " + messagePart);
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
