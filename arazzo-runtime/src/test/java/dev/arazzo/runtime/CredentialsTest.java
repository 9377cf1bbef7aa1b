package dev.arazzo.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CredentialsTest {

    private static final URI BASE = URI.create("http://127.0.0.1:9/");
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final LocalServer tokenEndpoint = new LocalServer();

    @AfterEach
    void stop() {
        tokenEndpoint.close();
    }

    private static HttpRequest applied(Credentials credentials, List<List<String>> requirements) {
        StepRequest request = StepRequest.of(BASE, "GET", "/things");
        credentials.apply(request, requirements, CLIENT, TIMEOUT);
        return request.toHttpRequest(TIMEOUT);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void apiKeysGoInTheirHeaderQueryOrCookie() {
        Credentials credentials = new Credentials();
        credentials.apiKey("header", "header", "X-Api-Key", "k1");
        credentials.apiKey("query", "query", "api_key", "k 2");
        credentials.apiKey("cookie", "cookie", "key", "k3");

        HttpRequest request = applied(credentials, List.of(List.of("header", "query", "cookie")));

        assertEquals(List.of("k1"), request.headers().allValues("X-Api-Key"));
        assertEquals("api_key=k%202", request.uri().getRawQuery());
        assertEquals(List.of("key=k3"), request.headers().allValues("Cookie"));
        assertThrows(NullPointerException.class, () -> credentials.apiKey("x", "header", "X", null));
    }

    @Test
    void basicAndBearerGoInTheAuthorizationHeader() {
        Credentials credentials = new Credentials();
        credentials.basic("basic", "user", "pässword");
        AtomicInteger asked = new AtomicInteger();
        credentials.bearer("bearer", () -> "token-" + asked.incrementAndGet());

        assertEquals(List.of(basic("user", "pässword")),
                applied(credentials, List.of(List.of("basic"))).headers().allValues("Authorization"));
        assertEquals(List.of("Bearer token-1"),
                applied(credentials, List.of(List.of("bearer"))).headers().allValues("Authorization"));
        assertEquals(List.of("Bearer token-2"),
                applied(credentials, List.of(List.of("bearer"))).headers().allValues("Authorization"));

        Credentials nullTokens = new Credentials();
        nullTokens.bearer("bearer", () -> null);
        assertEquals("the token supplier returned null", assertThrows(NullPointerException.class,
                () -> applied(nullTokens, List.of(List.of("bearer")))).getMessage());
    }

    @Test
    void theFirstRequirementWhoseSchemesAllHaveCredentialsIsUsed() {
        Credentials credentials = new Credentials();
        credentials.apiKey("key", "header", "X-Api-Key", "k1");
        credentials.bearer("bearer", () -> "t");

        HttpRequest request = applied(credentials, List.of(List.of("oauth"), List.of("key", "other"),
                List.of("bearer"), List.of("key")));
        assertEquals(List.of("Bearer t"), request.headers().allValues("Authorization"));
        assertFalse(request.headers().firstValue("X-Api-Key").isPresent());

        HttpRequest none = applied(credentials, List.of(List.of("oauth"), List.of()));
        assertFalse(none.headers().firstValue("Authorization").isPresent());
    }

    @Test
    void aCopyDoesNotChangeWithTheOriginal() {
        Credentials original = new Credentials();
        original.apiKey("key", "header", "X-Api-Key", "k1");
        Credentials copy = original.copy();
        original.apiKey("key", "header", "X-Api-Key", "k2");

        assertEquals(List.of("k1"), applied(copy, List.of(List.of("key"))).headers().allValues("X-Api-Key"));
    }

    private void tokenEndpointAnswers(AtomicInteger fetched, int expiresIn) {
        tokenEndpoint.answer(exchange -> {
            byte[] body = ("{\"access_token\":\"tok-" + fetched.incrementAndGet() + "\",\"token_type\":\"Bearer\""
                    + ",\"expires_in\":" + expiresIn + "}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        });
    }

    @Test
    void clientCredentialsTokensAreFetchedOnceAndKept() {
        AtomicInteger fetched = new AtomicInteger();
        tokenEndpointAnswers(fetched, 3600);
        Credentials credentials = new Credentials();
        credentials.clientCredentials("oauth", tokenEndpoint.uri() + "/token", "client 1", "s&cret",
                List.of("pets:read", "pets:write"));

        assertEquals(List.of("Bearer tok-1"),
                applied(credentials, List.of(List.of("oauth"))).headers().allValues("Authorization"));
        assertEquals(List.of("Bearer tok-1"),
                applied(credentials.copy(), List.of(List.of("oauth"))).headers().allValues("Authorization"));

        assertEquals(1, fetched.get());
        LocalServer.Received token = tokenEndpoint.received().get(0);
        assertEquals("POST", token.method());
        assertEquals("/token", token.rawPath());
        assertEquals("application/x-www-form-urlencoded", token.header("Content-Type"));
        assertEquals("application/json", token.header("Accept"));
        assertEquals(basic("client%201", "s%26cret"), token.header("Authorization"));
        assertEquals("grant_type=client_credentials&scope=pets%3Aread%20pets%3Awrite",
                new String(token.body(), StandardCharsets.UTF_8));
    }

    @Test
    void aTokenIsFetchedAgainThirtySecondsBeforeItExpires() {
        AtomicInteger fetched = new AtomicInteger();
        // 30 s of lifetime: already within the 30 s margin, so every request needs a new token
        tokenEndpointAnswers(fetched, 30);
        Credentials credentials = new Credentials();
        credentials.clientCredentials("oauth", tokenEndpoint.uri() + "/token", "c", "s", List.of());

        assertEquals(List.of("Bearer tok-1"),
                applied(credentials, List.of(List.of("oauth"))).headers().allValues("Authorization"));
        assertEquals(List.of("Bearer tok-2"),
                applied(credentials, List.of(List.of("oauth"))).headers().allValues("Authorization"));
        assertEquals("grant_type=client_credentials",
                new String(tokenEndpoint.received().get(0).body(), StandardCharsets.UTF_8));
    }

    @Test
    void aTokenWithAMinuteOfLifetimeIsKeptForItsFirstThirtySeconds() {
        AtomicInteger fetched = new AtomicInteger();
        tokenEndpointAnswers(fetched, 60);
        Credentials credentials = new Credentials();
        credentials.clientCredentials("oauth", tokenEndpoint.uri() + "/token", "c", "s", List.of());

        applied(credentials, List.of(List.of("oauth")));
        applied(credentials, List.of(List.of("oauth")));

        assertEquals(1, fetched.get());
    }

    @Test
    void aTokenEndpointThatGivesNoTokenFailsWithoutTheSecret() {
        tokenEndpoint.answer(401, "application/json",
                "{\"error\":\"invalid_client\"}".getBytes(StandardCharsets.UTF_8));
        Credentials credentials = new Credentials();
        String tokenUrl = tokenEndpoint.uri() + "/token";
        credentials.clientCredentials("oauth", tokenUrl, "client", "top-secret", List.of());

        WorkflowException failed = assertThrows(WorkflowException.class,
                () -> applied(credentials, List.of(List.of("oauth"))));

        assertEquals("security scheme 'oauth': the token endpoint " + tokenUrl
                + " answered 401 without an access_token", failed.getMessage());
        assertFalse(failed.getMessage().contains("top-secret"));
    }

    @Test
    void anUnreachableTokenEndpointFailsTheRequest() {
        Credentials credentials = new Credentials();
        credentials.clientCredentials("oauth", "http://127.0.0.1:9/token", "client", "secret", List.of());

        WorkflowException failed = assertThrows(WorkflowException.class,
                () -> applied(credentials, List.of(List.of("oauth"))));

        assertTrue(failed.getMessage().startsWith(
                "security scheme 'oauth': the token endpoint http://127.0.0.1:9/token cannot be reached: "),
                failed.getMessage());
    }

    private static HttpRequest applied(Credentials credentials, List<List<String>> requirements, boolean tls,
            boolean intercepted) {
        StepRequest request = StepRequest.of(BASE, "GET", "/things");
        credentials.apply("s", request, requirements, CLIENT, TIMEOUT, tls, intercepted);
        return request.toHttpRequest(TIMEOUT);
    }

    @Test
    void noRequirementMetFailsNamingEachMissingSchemeAndItsBuilderMethod() {
        Credentials credentials = new Credentials();
        credentials.expect("key", "key(apiKey)");
        credentials.expectMutualTls("tls");
        credentials.apiKey("other", "header", "X-Other", "o");

        WorkflowException e = assertThrows(WorkflowException.class,
                () -> applied(credentials, List.of(List.of("key"), List.of("other", "tls"), List.of("sigv4")),
                        false, false));
        assertEquals("step 's' is not sent: its operation requires credentials, and none were given for security "
                + "scheme 'key' (set them with the builder's key(apiKey)), or mutualTLS security scheme 'tls' (set a "
                + "client certificate with the builder's sslContext(SSLContext), or give a client with "
                + "httpClient(HttpClient)), or security scheme 'sigv4' (authenticate it with the builder's "
                + "requestInterceptor(RequestInterceptor))", e.getMessage());
    }

    @Test
    void mutualTlsIsMetByTheClientsContextAndUnknownSchemesByAnInterceptor() {
        Credentials credentials = new Credentials();
        credentials.expect("key", "key(apiKey)");
        credentials.expectMutualTls("tls");
        credentials.apiKey("other", "header", "X-Other", "o");

        assertEquals(List.of("o"), applied(credentials, List.of(List.of("other", "tls")), true, false).headers()
                .allValues("X-Other"));
        assertFalse(applied(credentials, List.of(List.of("sigv4")), false, true).headers().firstValue("X-Other")
                .isPresent());
        assertThrows(WorkflowException.class, () -> applied(credentials, List.of(List.of("key")), true, true),
                "a scheme with a builder method needs its credentials, interceptor or not");
    }

    @Test
    void anEmptyRequirementMakesSecurityOptionalButAMetAlternativeIsStillApplied() {
        Credentials credentials = new Credentials();
        credentials.expect("key", "key(apiKey)");
        assertFalse(applied(credentials, List.of(List.of(), List.of("key")), false, false).headers()
                .firstValue("X-Api-Key").isPresent());
        credentials.apiKey("key", "header", "X-Api-Key", "k1");
        assertEquals(List.of("k1"), applied(credentials, List.of(List.of(), List.of("key")), false, false)
                .headers().allValues("X-Api-Key"));
        assertEquals(List.of(), applied(credentials.copy(), List.of(), false, false).headers().allValues("X-Api-Key"));
    }
}
