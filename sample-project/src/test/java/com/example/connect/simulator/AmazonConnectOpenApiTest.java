package com.example.connect.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The hand-written OpenAPI description that the seed workflow's sourceDescription names. */
class AmazonConnectOpenApiTest {

    private static final Path WORKFLOW =
            Path.of("src/main/arazzo/workflows/amazon-connect-start-chat-and-set-attributes-workflow.yml");

    @Test
    void parsesWithoutMessages() {
        SwaggerParseResult result = OpenApiContract.parse(false);

        assertEquals(List.of(), result.getMessages());
        assertNotNull(result.getOpenAPI());
        assertEquals("3.0.3", result.getOpenAPI().getOpenapi());
    }

    @Test
    void theParserCheckReportsABrokenDescription() {
        // The check above can fail: the same parser reports a dangling $ref and a missing info.
        String broken = "openapi: 3.0.3\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n"
                + "          $ref: '#/components/responses/Missing'\n";
        ParseOptions options = new ParseOptions();
        options.setResolve(true);

        SwaggerParseResult result = new OpenAPIV3Parser().readContents(broken, null, options);

        assertFalse(result.getMessages().isEmpty());
    }

    @Test
    void theWorkflowsSourceDescriptionResolvesToIt() throws Exception {
        String workflow = Files.readString(WORKFLOW);
        assertTrue(workflow.contains("url: ../openapi/amazon-connect-openapi.yml"));

        Path resolved = WORKFLOW.getParent().resolve("../openapi/amazon-connect-openapi.yml").normalize();

        assertEquals(OpenApiContract.OPENAPI.normalize(), resolved);
        assertTrue(Files.isRegularFile(resolved));
    }

    @Test
    void declaresTheThreeOperationsAtTheirPaths() {
        OpenAPI api = OpenApiContract.parse(false).getOpenAPI();

        assertEquals("https://connect.us-east-1.amazonaws.com", api.getServers().get(0).getUrl());
        assertEquals(List.of("/contact/chat", "/contacts/{InstanceId}/{ContactId}",
                "/contact/attributes/{InstanceId}/{ContactId}"), List.copyOf(api.getPaths().keySet()));
        assertOnlyOperation(api.getPaths().get("/contact/chat"), PathItem.HttpMethod.PUT, "startChatContact");
        assertOnlyOperation(api.getPaths().get("/contacts/{InstanceId}/{ContactId}"), PathItem.HttpMethod.GET,
                "describeContact");
        assertOnlyOperation(api.getPaths().get("/contact/attributes/{InstanceId}/{ContactId}"),
                PathItem.HttpMethod.POST, "updateContactAttributes");
    }

    @Test
    void everyOperationDeclaresTheAwsErrors() {
        OpenAPI api = OpenApiContract.parse(false).getOpenAPI();

        for (PathItem path : api.getPaths().values()) {
            for (Operation operation : path.readOperations()) {
                assertEquals(List.of("200", "400", "404", "429", "500"),
                        List.copyOf(operation.getResponses().keySet()), operation.getOperationId());
            }
        }
        for (String error : List.of("InvalidRequestException", "InvalidParameterException",
                "ResourceNotFoundException", "ThrottlingException", "LimitExceededException",
                "InternalServiceException")) {
            assertEquals(List.of("Message"), List.copyOf(schema(api, error).getProperties().keySet()), error);
        }
    }

    @Test
    void pathParametersAreRequiredStrings() {
        OpenAPI api = OpenApiContract.parse(true).getOpenAPI();

        for (String path : List.of("/contacts/{InstanceId}/{ContactId}",
                "/contact/attributes/{InstanceId}/{ContactId}")) {
            List<Parameter> parameters = api.getPaths().get(path).readOperations().get(0).getParameters();
            assertEquals(List.of("InstanceId", "ContactId"),
                    parameters.stream().map(Parameter::getName).collect(Collectors.toList()), path);
            for (Parameter parameter : parameters) {
                assertEquals("path", parameter.getIn());
                assertTrue(parameter.getRequired());
                assertEquals("string", parameter.getSchema().getType());
            }
        }
    }

    @Test
    void requestSchemasCarryTheReferenceConstraints() {
        OpenAPI api = OpenApiContract.parse(false).getOpenAPI();

        Schema<?> start = schema(api, "StartChatContactRequest");
        assertEquals(Set.of("InstanceId", "ContactFlowId", "ParticipantDetails"), Set.copyOf(start.getRequired()));
        assertEquals(List.of("Attributes"), schema(api, "UpdateContactAttributesRequest").getRequired());
        assertEquals(Integer.valueOf(100), schema(api, "InstanceId").getMaxLength());
        assertEquals(Integer.valueOf(500), schema(api, "ContactFlowId").getMaxLength());
        assertEquals(List.of("VOICE", "CHAT", "TASK", "EMAIL"), schema(api, "Channel").getEnum());
        assertTrue(schema(api, "InitiationMethod").getEnum().contains("API"));
        Schema<?> duration = (Schema<?>) start.getProperties().get("ChatDurationInMinutes");
        assertEquals(60, duration.getMinimum().intValueExact());
        assertEquals(10_080, duration.getMaximum().intValueExact());
        Schema<?> attributes = schema(api, "Attributes");
        assertEquals("string", ((Schema<?>) attributes.getAdditionalProperties()).getType());
    }

    private static Schema<?> schema(OpenAPI api, String name) {
        return api.getComponents().getSchemas().get(name);
    }

    private static void assertOnlyOperation(PathItem path, PathItem.HttpMethod method, String operationId) {
        Map<PathItem.HttpMethod, Operation> operations = path.readOperationsMap();
        assertEquals(List.of(method), List.copyOf(operations.keySet()), operationId);
        assertEquals(operationId, operations.get(method).getOperationId());
    }
}
