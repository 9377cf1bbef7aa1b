package dev.arazzo.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The credentials given for the security schemes of the OpenAPI descriptions, by scheme name, and how
 * each goes on a request: API keys (header, query or cookie), HTTP basic and bearer, OAuth2 client
 * credentials (tokens fetched from the token url and kept until shortly before they expire).
 * Credentials never appear in messages.
 */
public final class Credentials {

    /** Puts one scheme's credential on a request. */
    private interface Credential {
        void apply(StepRequest request, HttpClient client, Duration timeout);
    }

    private final Map<String, Credential> schemes = new LinkedHashMap<>();

    /** No credentials yet: requests go out as the workflow built them. */
    public Credentials() {
    }

    /**
     * A copy, so that a built client does not change when its builder is used again.
     *
     * @return credentials for the same schemes; OAuth2 tokens already fetched are shared
     */
    public Credentials copy() {
        Credentials copy = new Credentials();
        copy.schemes.putAll(schemes);
        return copy;
    }

    /**
     * An API key for {@code scheme}.
     *
     * @param scheme the security scheme's name in the OpenAPI description
     * @param in where the key goes: {@code query}, {@code cookie} or (anything else) {@code header}
     * @param name the name of the query parameter, cookie or header
     * @param value the key
     * @throws NullPointerException if {@code value} is null
     */
    public void apiKey(String scheme, String in, String name, String value) {
        Objects.requireNonNull(value, "apiKey");
        schemes.put(scheme, (request, client, timeout) -> {
            switch (in) {
                case "query" -> request.query(name, value);
                case "cookie" -> request.cookie(name, value);
                default -> request.header(name, value);
            }
        });
    }

    /**
     * HTTP basic authentication for {@code scheme}: the user and password, UTF-8, in Base64.
     *
     * @param scheme the security scheme's name in the OpenAPI description
     * @param username the user
     * @param password the password
     * @throws NullPointerException if {@code username} or {@code password} is null
     */
    public void basic(String scheme, String username, String password) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        String encoded = Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        schemes.put(scheme, (request, client, timeout) -> request.header("Authorization", "Basic " + encoded));
    }

    /**
     * HTTP bearer authentication for {@code scheme}, asking {@code tokens} for a token at every request.
     *
     * @param scheme the security scheme's name in the OpenAPI description
     * @param tokens gives the token to send; it must not return null
     * @throws NullPointerException if {@code tokens} is null
     */
    public void bearer(String scheme, Supplier<String> tokens) {
        Objects.requireNonNull(tokens, "tokens");
        schemes.put(scheme, (request, client, timeout) -> request.header("Authorization",
                "Bearer " + Objects.requireNonNull(tokens.get(), "the token supplier returned null")));
    }

    /**
     * OAuth2 client credentials for {@code scheme}: a token is fetched from {@code tokenUrl} when a request
     * first needs one (client id and secret in an HTTP basic header, as RFC 6749 prefers) and kept until
     * 30 seconds before it expires ({@code expires_in}, 300 seconds when the endpoint gives none).
     *
     * @param scheme the security scheme's name in the OpenAPI description
     * @param tokenUrl the flow's token url
     * @param clientId the client id
     * @param clientSecret the client secret
     * @param scopes the scopes to ask for; none: no {@code scope} parameter
     * @throws NullPointerException if {@code clientId} or {@code clientSecret} is null
     */
    public void clientCredentials(String scheme, String tokenUrl, String clientId, String clientSecret,
            List<String> scopes) {
        ClientCredentialsTokens tokens = new ClientCredentialsTokens(scheme, URI.create(tokenUrl),
                Objects.requireNonNull(clientId, "clientId"), Objects.requireNonNull(clientSecret, "clientSecret"),
                scopes);
        schemes.put(scheme, (request, client, timeout) -> request.header("Authorization",
                "Bearer " + tokens.token(client, timeout)));
    }

    /**
     * Puts on {@code request} the credentials of the first requirement whose schemes all have one (an
     * OpenAPI security requirement list is a choice of alternatives); nothing when none has.
     */
    void apply(StepRequest request, List<List<String>> requirements, HttpClient client, Duration timeout) {
        for (List<String> requirement : requirements) {
            if (!requirement.isEmpty() && schemes.keySet().containsAll(requirement)) {
                requirement.forEach(scheme -> schemes.get(scheme).apply(request, client, timeout));
                return;
            }
        }
    }

    /** OAuth2 client-credentials tokens, fetched when needed and kept until 30 seconds before they expire. */
    private static final class ClientCredentialsTokens {
        private final String scheme;
        private final URI tokenUrl;
        private final String clientId;
        private final String clientSecret;
        private final List<String> scopes;
        private String token;
        private Instant expires = Instant.MIN;

        ClientCredentialsTokens(String scheme, URI tokenUrl, String clientId, String clientSecret,
                List<String> scopes) {
            this.scheme = scheme;
            this.tokenUrl = tokenUrl;
            this.clientId = clientId;
            this.clientSecret = clientSecret;
            this.scopes = List.copyOf(scopes);
        }

        synchronized String token(HttpClient client, Duration timeout) {
            if (token != null && Instant.now().isBefore(expires)) {
                return token;
            }
            String form = "grant_type=client_credentials" + (scopes.isEmpty() ? ""
                    : "&scope=" + StepRequest.encodeQuery(String.join(" ", scopes)));
            String basic = Base64.getEncoder().encodeToString((StepRequest.encodeQuery(clientId) + ":"
                    + StepRequest.encodeQuery(clientSecret)).getBytes(StandardCharsets.UTF_8));
            HttpRequest request = HttpRequest.newBuilder(tokenUrl).timeout(timeout)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/json")
                    .header("Authorization", "Basic " + basic)
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build();
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                JsonNode body = response.statusCode() / 100 == 2 ? Values.MAPPER.readTree(response.body()) : null;
                if (body == null || !body.path("access_token").isTextual()) {
                    throw new WorkflowException("security scheme '" + scheme + "': the token endpoint " + tokenUrl
                            + " answered " + response.statusCode() + " without an access_token");
                }
                token = body.get("access_token").asText();
                long lifetime = body.path("expires_in").asLong(300);
                expires = Instant.now().plusSeconds(Math.max(0, lifetime - 30));
                return token;
            } catch (IOException e) {
                throw new WorkflowException("security scheme '" + scheme + "': the token endpoint " + tokenUrl
                        + " cannot be reached: " + e.getClass().getSimpleName(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WorkflowException("security scheme '" + scheme + "': interrupted while fetching a token", e);
            }
        }
    }
}
