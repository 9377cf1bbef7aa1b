package dev.arazzo.codegen;

import static dev.arazzo.codegen.testing.GeneratedCode.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arazzo.codegen.testing.GeneratedCode;
import dev.arazzo.codegen.testing.RecordingServer;
import dev.arazzo.codegen.testing.RecordingServer.Request;
import dev.arazzo.codegen.testing.RecordingServer.Response;
import dev.arazzo.codegen.testing.Shared;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed workflow generated, compiled with -Werror, and run against a local server. */
class SeedWorkflowTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTACT = "c-7f3a/..";

    @TempDir
    Path output;

    private RecordingServer server;
    private GeneratedCode code;

    @BeforeEach
    void generate() throws Exception {
        server = RecordingServer.start();
        code = GeneratedCode.generate(Shared.seedWorkflow(), output, seedMappings());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static Map<String, Path> seedMappings() throws URISyntaxException {
        return Map.of("../openapi/amazon-connect-openapi.yml",
                Path.of(SeedWorkflowTest.class.getResource("/seed/amazon-connect-openapi.yml").toURI()));
    }

    @Test
    void runSendsTheExactRequestsAndReturnsTypedOutputs() throws Exception {
        scriptHappyPath();

        Object outputs = call(workflow(), "run", inputs(true));

        List<Request> requests = server.requests();
        assertEquals(3, requests.size(), requests.toString());
        assertEquals("PUT /contact/chat", requests.get(0).method() + " " + requests.get(0).rawPath());
        assertEquals(JSON.readTree("{\"InstanceId\":\"inst-1\",\"ContactFlowId\":\"flow-1\","
                + "\"ParticipantDetails\":{\"DisplayName\":\"Jane Doe\"}}"), JSON.readTree(requests.get(0).body()));
        assertEquals("application/json", requests.get(0).header("Content-Type"));
        assertEquals("GET /contacts/inst-1/c-7f3a%2F..", requests.get(1).method() + " " + requests.get(1).rawPath());
        assertEquals("", requests.get(1).body());
        assertEquals("POST /contact/attributes/inst-1/c-7f3a%2F..", requests.get(2).method() + " "
                + requests.get(2).rawPath());
        assertEquals(JSON.readTree("{\"Attributes\":{\"tier\":\"gold\"}}"), JSON.readTree(requests.get(2).body()));

        assertEquals(CONTACT, call(outputs, "contactId"));
        assertEquals("token-1", call(outputs, "participantToken"));
        assertEquals("CHAT", call(outputs, "channel"));
    }

    @Test
    void failingCriterionFailsRunNamingTheStepAndStatus() throws Exception {
        scriptHappyPath();
        server.on("GET", "/contacts/inst-1/" + CONTACT, Response.json(404,
                "{\"Message\":\"Contact not found\"}"));

        RuntimeException failure = assertThrows(RuntimeException.class, () -> call(workflow(), "run", inputs(true)));

        assertEquals("StepFailedException", failure.getClass().getSimpleName());
        assertEquals("confirmContact", call(failure, "stepId"));
        assertEquals(404, call(failure, "statusCode"));
        assertEquals("$statusCode == 200", call(failure, "failedCriterion"));
        assertTrue(failure.getMessage().contains("step 'confirmContact' failed with HTTP status 404"), failure.getMessage());
        assertTrue(failure.getMessage().contains("Contact not found"), failure.getMessage());
        assertEquals(2, server.requests().size(), "no request after the failed step");
    }

    @Test
    void missingRequiredInputFailsBeforeAnyRequest() {
        Object builder = call(code.type("StartChatAndSetAttributesWorkflow.Inputs"), "builder");
        call(builder, "contactFlowId", "flow-1");
        call(builder, "displayName", "Jane Doe");

        NullPointerException missing = assertThrows(NullPointerException.class, () -> call(builder, "build"));

        assertEquals("input 'instanceId' is required", missing.getMessage());
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void optionalInputLeftOutIsNotSent() throws Exception {
        scriptHappyPath();

        call(workflow(), "run", inputs(false));

        assertEquals(JSON.readTree("{}"), JSON.readTree(server.requests().get(2).body()));
    }

    @Test
    void aStepCanBeCalledAloneWithTypedResults() {
        scriptHappyPath();
        Object workflow = workflow();

        Object started = call(workflow, "startChat", inputs(true));
        Object confirmed = call(workflow, "confirmContact", inputs(true), started);

        assertEquals(CONTACT, call(started, "contactId"));
        assertEquals("participant-1", call(started, "participantId"));
        assertEquals("CHAT", call(confirmed, "channel"));
        assertEquals(2, server.requests().size());
    }

    @Test
    void generatingTwiceWritesNothingTheSecondTime() throws Exception {
        Path second = Files.createDirectories(output.resolve("again"));
        GenerationRequest request = GenerationRequest.builder().spec(Shared.seedWorkflow()).outputDirectory(second)
                .packageName(GeneratedCode.PACKAGE)
                .sourceMapping("../openapi/amazon-connect-openapi.yml", seedMappings().values().iterator().next())
                .build();
        GenerationResult first = ArazzoCodegen.generate(request);
        GenerationResult again = ArazzoCodegen.generate(request);

        assertFalse(first.written().isEmpty());
        assertTrue(again.written().isEmpty(), again.written().toString());
        for (GenerationResult.GeneratedFile file : again.files()) {
            assertEquals(Files.readString(code.result().files().stream()
                    .filter(f -> f.qualifiedName().equals(file.qualifiedName())).findFirst().orElseThrow().path()),
                    Files.readString(file.path()), "same input, same bytes: " + file.qualifiedName());
        }
    }

    private void scriptHappyPath() {
        server.on("PUT", "/contact/chat", Response.json(200, "{\"ContactId\":\"" + CONTACT + "\",\"ParticipantId\":\"participant-1\",\"ParticipantToken\":\"token-1\"}"));
        server.on("GET", "/contacts/inst-1/" + CONTACT, Response.json(200,
                "{\"Contact\":{\"Id\":\"" + CONTACT + "\",\"Channel\":\"CHAT\"}}"));
        server.on("POST", "/contact/attributes/inst-1/" + CONTACT, Response.json(200, "{}"));
    }

    private Object workflow() {
        Object builder = call(code.type("StartChatAndSetAttributesWorkflow"), "builder");
        call(builder, "baseUri", server.baseUri());
        return call(builder, "build");
    }

    private Object inputs(boolean withAttributes) {
        Object builder = call(code.type("StartChatAndSetAttributesWorkflow.Inputs"), "builder");
        call(builder, "instanceId", "inst-1");
        call(builder, "contactFlowId", "flow-1");
        call(builder, "displayName", "Jane Doe");
        if (withAttributes) {
            call(builder, "attributes", Map.of("tier", "gold"));
        }
        return call(builder, "build");
    }
}
