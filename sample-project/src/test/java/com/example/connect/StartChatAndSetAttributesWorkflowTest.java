package com.example.connect;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.connect.simulator.ConnectSimulator;
import com.example.connect.simulator.RecordedRequest;
import com.example.connect.simulator.SimulatedContact;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arazzo.runtime.StepFailedException;
import dev.arazzo.runtime.WorkflowException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The class generated from the seed workflow, run against the simulator. */
class StartChatAndSetAttributesWorkflowTest {

    private static final StartChatAndSetAttributesWorkflow.Inputs INPUTS =
            StartChatAndSetAttributesWorkflow.Inputs.builder()
                    .instanceId("inst-1")
                    .contactFlowId("flow-1")
                    .displayName("Jane Doe")
                    .attributes(Map.of("tier", "gold"))
                    .build();

    private final ObjectMapper json = new ObjectMapper();
    private ConnectSimulator connect;
    private StartChatAndSetAttributesWorkflow workflow;

    @BeforeEach
    void start() {
        connect = ConnectSimulator.start();
        workflow = StartChatAndSetAttributesWorkflow.builder()
                .baseUri(connect.baseUri())
                .httpClient(HttpClient.newHttpClient())
                .build();
    }

    @AfterEach
    void stop() {
        connect.close();
    }

    @Test
    void runSendsTheThreeRequestsOfTheWorkflow() throws Exception {
        workflow.run(INPUTS);

        String contactId = onlyContact().id();
        List<RecordedRequest> requests = connect.requests();
        assertEquals(3, requests.size(), () -> describe(requests));

        RecordedRequest start = requests.get(0);
        // StartChatContact takes an idempotency token (ClientToken): the generated client sends a UUID,
        // the same on retries of the step
        com.fasterxml.jackson.databind.node.ObjectNode startBody =
                (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(start.body());
        String clientToken = startBody.remove("ClientToken").asText();
        assertAll("startChat",
                () -> assertEquals("PUT", start.method()),
                () -> assertEquals("/contact/chat", start.path()),
                () -> assertEquals("", start.query()),
                () -> assertTrue(start.header("Content-Type").orElseThrow().startsWith("application/json")),
                () -> assertEquals(clientToken, java.util.UUID.fromString(clientToken).toString()),
                () -> assertEquals(json.readTree("{\"InstanceId\":\"inst-1\",\"ContactFlowId\":\"flow-1\","
                        + "\"ParticipantDetails\":{\"DisplayName\":\"Jane Doe\"}}"), startBody));

        RecordedRequest confirm = requests.get(1);
        assertAll("confirmContact",
                () -> assertEquals("GET", confirm.method()),
                () -> assertEquals("/contacts/inst-1/" + contactId, confirm.path()),
                () -> assertEquals("", confirm.query()),
                () -> assertEquals("", confirm.body()));

        RecordedRequest attach = requests.get(2);
        assertAll("attachAttributes",
                () -> assertEquals("POST", attach.method()),
                () -> assertEquals("/contact/attributes/inst-1/" + contactId, attach.path()),
                () -> assertEquals("", attach.query()),
                () -> assertTrue(attach.header("Content-Type").orElseThrow().startsWith("application/json")),
                () -> assertEquals(json.readTree("{\"Attributes\":{\"tier\":\"gold\"}}"), json.readTree(attach.body())));
    }

    @Test
    void runReturnsTheTypedOutputsOfTheContactItStarted() {
        StartChatAndSetAttributesWorkflow.Outputs outputs = workflow.run(INPUTS);

        SimulatedContact contact = onlyContact();
        String contactId = outputs.contactId();
        String participantToken = outputs.participantToken();
        String channel = outputs.channel();
        assertEquals(contact.id(), contactId);
        assertEquals(contact.participantToken(), participantToken);
        assertEquals("CHAT", channel);
        assertEquals(Map.of("tier", "gold"), contact.attributes(), "attachAttributes wrote the attributes");
    }

    @Test
    void aFailedCriterionStopsTheRunAndNamesTheStepAndStatus() {
        connect.failNext("describeContact", 404);

        StepFailedException failure = assertThrows(StepFailedException.class, () -> workflow.run(INPUTS));

        assertInstanceOf(WorkflowException.class, failure);
        assertEquals("confirmContact", failure.stepId());
        assertEquals(404, failure.statusCode());
        assertTrue(failure.getMessage().contains("confirmContact"), failure.getMessage());
        assertTrue(failure.getMessage().contains("404"), failure.getMessage());
        assertTrue(failure.bodyExcerpt().contains("Simulated ResourceNotFoundException"), failure.bodyExcerpt());
        assertEquals(List.of("PUT /contact/chat", "GET /contacts/inst-1/" + onlyContact().id()),
                methodsAndPaths(connect.requests()), "attachAttributes must not be sent");
        assertEquals(Map.of(), onlyContact().attributes());
    }

    @Test
    void aFailedFirstStepSendsNothingElse() {
        connect.failNext("startChatContact", 500);

        StepFailedException failure = assertThrows(StepFailedException.class, () -> workflow.run(INPUTS));

        assertEquals("startChat", failure.stepId());
        assertEquals(500, failure.statusCode());
        assertEquals(List.of("PUT /contact/chat"), methodsAndPaths(connect.requests()));
    }

    @Test
    void aMissingRequiredInputFailsAtBuildBeforeAnyRequest() {
        NullPointerException failure = assertThrows(NullPointerException.class,
                () -> StartChatAndSetAttributesWorkflow.Inputs.builder()
                        .contactFlowId("flow-1")
                        .displayName("Jane Doe")
                        .build());

        assertTrue(String.valueOf(failure.getMessage()).contains("instanceId"), failure.getMessage());
        assertEquals(List.of(), connect.requests());
    }

    @Test
    void aStepCanBeCalledAlone() {
        StartChatAndSetAttributesWorkflow.StartChatResult started = workflow.startChat(INPUTS);

        SimulatedContact contact = onlyContact();
        assertEquals(contact.id(), started.contactId());
        assertEquals(contact.participantId(), started.participantId());
        assertEquals(contact.participantToken(), started.participantToken());
        assertEquals(List.of("PUT /contact/chat"), methodsAndPaths(connect.requests()));
    }

    @Test
    void laterStepsTakeTheResultsOfEarlierOnes() {
        StartChatAndSetAttributesWorkflow.StartChatResult started = workflow.startChat(INPUTS);

        StartChatAndSetAttributesWorkflow.ConfirmContactResult confirmed = workflow.confirmContact(INPUTS, started);
        workflow.attachAttributes(INPUTS, started);

        assertEquals("CHAT", confirmed.channel());
        assertEquals(Map.of("tier", "gold"), onlyContact().attributes());
        String contactId = started.contactId();
        assertEquals(List.of("PUT /contact/chat", "GET /contacts/inst-1/" + contactId,
                "POST /contact/attributes/inst-1/" + contactId), methodsAndPaths(connect.requests()));
    }

    @Test
    void theRequestInterceptorSeesEveryRequest() {
        List<String> intercepted = Collections.synchronizedList(new ArrayList<>());
        List<String> bodies = Collections.synchronizedList(new ArrayList<>());
        StartChatAndSetAttributesWorkflow traced = StartChatAndSetAttributesWorkflow.builder()
                .baseUri(connect.baseUri())
                .requestInterceptor((request, body) -> {
                    intercepted.add(request.method() + " " + request.uri().getRawPath());
                    if (!request.method().equals("GET")) {
                        bodies.add(new String(body, StandardCharsets.UTF_8));
                    }
                    return HttpRequest.newBuilder(request, (name, value) -> true).header("X-Trace", "1").build();
                })
                .build();

        traced.run(INPUTS);

        List<RecordedRequest> requests = connect.requests();
        assertEquals(methodsAndPaths(requests), intercepted);
        requests.forEach(r -> assertEquals("1", r.header("X-Trace").orElse(null), r.method() + " " + r.path()));
        assertEquals(List.of(requests.get(0).body(), requests.get(2).body()), bodies,
                "the interceptor gets the bytes that are sent");
    }

    @Test
    void pathParametersAreEncodedAsOneSegment() {
        connect.addInstance("inst/2 ü", "flow-1");
        StartChatAndSetAttributesWorkflow.Inputs inputs = StartChatAndSetAttributesWorkflow.Inputs.builder()
                .instanceId("inst/2 ü")
                .contactFlowId("flow-1")
                .displayName("Jane Doe")
                .attributes(Map.of("tier", "gold"))
                .build();

        StartChatAndSetAttributesWorkflow.Outputs outputs = workflow.run(inputs);

        assertEquals("/contacts/inst%2F2%20%C3%BC/" + outputs.contactId(), connect.requests().get(1).path());
        assertEquals(Map.of("tier", "gold"),
                connect.contact("inst/2 ü", outputs.contactId()).orElseThrow().attributes());
    }

    @Test
    void theBaseUriDefaultsToTheFirstServerOfTheDescription() {
        // Nothing is sent to AWS: the interceptor records the address and answers with a request to the
        // simulator instead.
        List<URI> addresses = Collections.synchronizedList(new ArrayList<>());
        URI simulator = connect.baseUri();
        StartChatAndSetAttributesWorkflow defaulted = StartChatAndSetAttributesWorkflow.builder()
                .requestInterceptor((request, body) -> {
                    addresses.add(request.uri());
                    URI redirected = simulator.resolve(request.uri().getRawPath());
                    return HttpRequest.newBuilder(request, (name, value) -> true).uri(redirected).build();
                })
                .build();

        defaulted.startChat(INPUTS);

        assertEquals(List.of(URI.create("https://connect.us-east-1.amazonaws.com/contact/chat")), addresses);
    }

    private SimulatedContact onlyContact() {
        List<SimulatedContact> contacts = connect.contacts();
        assertEquals(1, contacts.size(), () -> contacts.toString());
        return contacts.get(0);
    }

    private static List<String> methodsAndPaths(List<RecordedRequest> requests) {
        return requests.stream().map(r -> r.method() + " " + r.path()).collect(Collectors.toList());
    }

    private static String describe(List<RecordedRequest> requests) {
        return requests.stream().map(r -> r.method() + " " + r.path() + " " + r.body())
                .collect(Collectors.joining("\n"));
    }
}
