package dev.arazzo.codegen.features;

import static dev.arazzo.codegen.testing.GeneratedCode.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.arazzo.codegen.testing.GeneratedCode;
import dev.arazzo.codegen.testing.RecordingServer.Request;
import dev.arazzo.codegen.testing.RecordingServer.Response;
import dev.arazzo.codegen.testing.Scenario;
import dev.arazzo.runtime.RequestInterceptor;
import dev.arazzo.runtime.WorkflowException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Credentials for the OpenAPI security schemes, given on the builder, sent as each operation requires. */
class SecurityTest extends ScenarioTest {

    private GeneratedCode code;

    @BeforeEach
    void generate() {
        scenario.write("secure-openapi.yaml", """
                openapi: 3.0.3
                info: {title: Secure, version: '1'}
                servers: [{url: 'https://secure.example.com'}]
                security: [{headerKey: []}]
                paths:
                  /a: {get: {operationId: usesDefault, responses: {'200': {description: ok}}}}
                  /b: {get: {operationId: usesQueryKey, security: [{queryKey: []}], responses: {'200': {description: ok}}}}
                  /c: {get: {operationId: usesBasic, security: [{basicAuth: []}], responses: {'200': {description: ok}}}}
                  /d: {get: {operationId: usesBearerOrKey, security: [{bearerAuth: []}, {cookieKey: []}],
                       responses: {'200': {description: ok}}}}
                  /e: {get: {operationId: usesOauth, security: [{oauth: [read]}], responses: {'200': {description: ok}}}}
                  /f: {get: {operationId: usesNothing, security: [], responses: {'200': {description: ok}}}}
                  /g: {get: {operationId: usesKeyIfGiven, security: [{}, {headerKey: []}],
                       responses: {'200': {description: ok}}}}
                  /h: {get: {operationId: usesDigest, security: [{digestAuth: []}], responses: {'200': {description: ok}}}}
                components:
                  securitySchemes:
                    headerKey: {type: apiKey, in: header, name: X-API-Key, description: The account's key.}
                    queryKey: {type: apiKey, in: query, name: api_key}
                    cookieKey: {type: apiKey, in: cookie, name: session}
                    basicAuth: {type: http, scheme: basic}
                    bearerAuth: {type: http, scheme: bearer}
                    digestAuth: {type: http, scheme: digest}
                    oauth:
                      type: oauth2
                      flows:
                        clientCredentials:
                          tokenUrl: %s/oauth/token
                          scopes: {read: Read things, write: Change things}
                """.formatted(scenario.server().baseUri()));
        code = scenario.generate("""
                arazzo: 1.0.1
                info: {title: Secure, version: '1'}
                sourceDescriptions:
                  - {name: secure, url: secure-openapi.yaml, type: openapi}
                workflows:
                  - workflowId: secure
                    steps:
                      - {stepId: a, operationId: usesDefault}
                      - {stepId: b, operationId: usesQueryKey}
                      - {stepId: c, operationId: usesBasic}
                      - {stepId: d, operationId: usesBearerOrKey}
                      - {stepId: e, operationId: usesOauth}
                      - {stepId: e2, operationId: usesOauth}
                      - {stepId: f, operationId: usesNothing}
                      - {stepId: g, operationId: usesKeyIfGiven}
                """);
        for (String path : List.of("/a", "/b", "/c", "/d", "/e", "/f", "/g", "/h")) {
            scenario.server().on("GET", path, Response.json(200, "{}"));
        }
        scenario.server().on("POST", "/oauth/token", Response.json(200,
                "{\"access_token\":\"tok-1\",\"token_type\":\"Bearer\",\"expires_in\":3600}"));
    }

    @Test
    void eachOperationGetsTheCredentialsItsSecurityRequirementNames() {
        Object builder = call(code.type("SecureWorkflow"), "builder");
        call(builder, "baseUri", scenario.server().baseUri());
        call(builder, "headerKey", "hk-1");
        call(builder, "queryKey", "qk-1");
        call(builder, "cookieKey", "ck-1");
        call(builder, "basicAuth", "ann", "pa:ss");
        call(builder, "oauthClientCredentials", "client-1", "secret-1");

        call(call(builder, "build"), "run", Scenario.inputs(code, "SecureWorkflow", Map.of()));

        Map<String, Request> byPath = new java.util.HashMap<>();
        scenario.server().requests().forEach(r -> byPath.put(r.path(), r));
        assertEquals("hk-1", byPath.get("/a").header("X-API-Key"));
        assertEquals("api_key=qk-1", byPath.get("/b").query());
        assertNull(byPath.get("/b").header("X-API-Key"), "an operation's own security replaces the default");
        assertEquals("Basic " + Base64.getEncoder().encodeToString("ann:pa:ss".getBytes(StandardCharsets.UTF_8)),
                byPath.get("/c").header("Authorization"));
        assertEquals("session=ck-1", byPath.get("/d").header("Cookie"), "no bearer given: the second alternative");
        assertEquals("Bearer tok-1", byPath.get("/e").header("Authorization"));
        assertNull(byPath.get("/f").header("X-API-Key"), "security: [] sends nothing");
        List<Request> tokenRequests = scenario.server().requests().stream()
                .filter(r -> r.path().equals("/oauth/token")).toList();
        assertEquals(1, tokenRequests.size(), "the token is kept for the second step");
        assertEquals("grant_type=client_credentials&scope=read", tokenRequests.get(0).body(),
                "the scopes the operations require, not all the flow offers");
        assertEquals("Basic " + Base64.getEncoder().encodeToString("client-1:secret-1".getBytes(StandardCharsets.UTF_8)),
                tokenRequests.get(0).header("Authorization"));
    }

    @Test
    void aBearerTokenSupplierIsAskedBeforeEachRequestAndWinsOverLaterAlternatives() {
        int[] asked = {0};
        Supplier<String> tokens = () -> "t" + (++asked[0]);
        Object builder = call(code.type("SecureWorkflow"), "builder");
        call(builder, "baseUri", scenario.server().baseUri());
        call(builder, "bearerAuth", tokens);
        call(builder, "cookieKey", "ck-1");

        call(call(builder, "build"), "d", Scenario.inputs(code, "SecureWorkflow", Map.of()));

        Request request = scenario.server().requests().get(0);
        assertEquals("Bearer t1", request.header("Authorization"));
        assertNull(request.header("Cookie"));
    }

    @Test
    void anOperationWhoseRequirementsHaveNoCredentialsIsNotSentAndTheFailureNamesTheBuilderMethods() {
        Object client = scenario.client(code, "SecureWorkflow");
        Object inputs = Scenario.inputs(code, "SecureWorkflow", Map.of());

        WorkflowException one = assertThrows(WorkflowException.class, () -> call(client, "a", inputs));
        assertEquals("step 'a' is not sent: its operation requires credentials, and none were given for security "
                + "scheme 'headerKey' (set them with the builder's headerKey(apiKey))", one.getMessage());
        WorkflowException either = assertThrows(WorkflowException.class, () -> call(client, "d", inputs));
        assertEquals("step 'd' is not sent: its operation requires credentials, and none were given for security "
                + "scheme 'bearerAuth' (set them with the builder's bearerAuth(tokens)), or security scheme "
                + "'cookieKey' (set them with the builder's cookieKey(apiKey))", either.getMessage());
        WorkflowException oauth = assertThrows(WorkflowException.class, () -> call(client, "e", inputs));
        assertEquals("step 'e' is not sent: its operation requires credentials, and none were given for security "
                + "scheme 'oauth' (set them with the builder's oauthClientCredentials(clientId, clientSecret) or "
                + "oauth(tokens))", oauth.getMessage());
        assertEquals(List.of(), scenario.server().requests());
    }

    @Test
    void anEmptyRequirementMakesSecurityOptionalAndGivenCredentialsAreStillSent() {
        Object inputs = Scenario.inputs(code, "SecureWorkflow", Map.of());
        call(scenario.client(code, "SecureWorkflow"), "g", inputs);
        Object builder = call(code.type("SecureWorkflow"), "builder");
        call(builder, "baseUri", scenario.server().baseUri());
        call(builder, "headerKey", "hk-2");
        call(call(builder, "build"), "g", inputs);

        List<Request> requests = scenario.server().requests();
        assertEquals(List.of("/g", "/g"), requests.stream().map(Request::path).toList());
        assertNull(requests.get(0).header("X-API-Key"));
        assertEquals("hk-2", requests.get(1).header("X-API-Key"));
    }

    @Test
    void aSchemeWithoutABuilderMethodIsLeftToTheRequestInterceptor() {
        GeneratedCode digest = scenario.generate("""
                arazzo: 1.0.1
                info: {title: Digest, version: '1'}
                sourceDescriptions:
                  - {name: secure, url: secure-openapi.yaml, type: openapi}
                workflows:
                  - workflowId: digest
                    steps:
                      - {stepId: h, operationId: usesDigest}
                """);
        Object inputs = Scenario.inputs(digest, "DigestWorkflow", Map.of());
        WorkflowException refused = assertThrows(WorkflowException.class,
                () -> call(scenario.client(digest, "DigestWorkflow"), "h", inputs));
        assertEquals("step 'h' is not sent: its operation requires credentials, and none were given for security "
                + "scheme 'digestAuth' (authenticate it with the builder's requestInterceptor(RequestInterceptor))",
                refused.getMessage());

        Object builder = call(digest.type("DigestWorkflow"), "builder");
        call(builder, "baseUri", scenario.server().baseUri());
        RequestInterceptor signer = (request, body) -> java.net.http.HttpRequest.newBuilder(request, (n, v) -> true)
                .header("Authorization", "Digest signed").build();
        call(builder, "requestInterceptor", signer);
        call(call(builder, "build"), "h", inputs);

        assertEquals(List.of("Digest signed"), scenario.server().requests().stream()
                .map(r -> r.header("Authorization")).toList());
    }
}
