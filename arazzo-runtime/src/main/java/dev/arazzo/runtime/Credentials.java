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
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The credentials given for the security schemes of the OpenAPI descriptions, by scheme name, and how
 * each goes on a request: API keys (header, query or cookie), HTTP basic and bearer, OAuth2 client
 * credentials (tokens fetched from the token url and kept until shortly before they expire).
 * Credentials never appear in messages. A request whose operation requires credentials, none of whose
 * alternatives has them, is not sent: it fails with a {@link WorkflowException} that names the builder
 * methods to call.
 */
public final class Credentials {

    /** Puts one scheme's credential on a request. */
    private interface Credential {
        void apply(StepRequest request, HttpClient client, Duration timeout);
    }

    private final Map<String, Credential> schemes = new LinkedHashMap<>();
    private final Map<String, String> builderMethods = new LinkedHashMap<>();
    private final Set<String> mutualTls = new LinkedHashSet<>();

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
        copy.builderMethods.putAll(builderMethods);
        copy.mutualTls.addAll(mutualTls);
        return copy;
    }

    /**
     * Says which builder method takes the credentials of {@code scheme}, for the message of a request that
     * needs them when none were given.
     *
     * @param scheme the security scheme's name in the OpenAPI description
     * @param builderMethod the method, as the message shows it: {@code headerKey(apiKey)}
     */
    public void expect(String scheme, String builderMethod) {
        builderMethods.put(Objects.requireNonNull(scheme, "scheme"), Objects.requireNonNull(builderMethod,
                "builderMethod"));
    }

    /**
     * Says that {@code scheme} is a {@code mutualTLS} one: met by the client's TLS context (the builder's
     * {@code sslContext}, or a client the user gave), not by anything on the request.
     *
     * @param scheme the security scheme's name in the OpenAPI description
     */
    public void expectMutualTls(String scheme) {
        mutualTls.add(Objects.requireNonNull(scheme, "scheme"));
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
     * OpenAPI security requirement list is a choice of alternatives); nothing for an empty requirement.
     *
     * @throws WorkflowException if no requirement is met
     */
    void apply(StepRequest request, List<List<String>> requirements, HttpClient client, Duration timeout) {
        apply(null, request, requirements, client, timeout, false, false);
    }

    /**
     * Puts on {@code request} the credentials of the first non-empty requirement that is met: each of its
     * schemes has credentials, or is {@code mutualTLS} and {@code tls} holds, or has no builder method (a
     * scheme this generator cannot give credentials for) and {@code intercepted} holds, the request
     * interceptor being where such credentials go. When none is met, an empty requirement ({@code {}})
     * makes security optional: the request goes without; no requirements at all, none needed.
     *
     * @param stepId the step, for the message
     * @param tls whether the client has a TLS context of the user's (an {@code sslContext}, or their client)
     * @param intercepted whether a request interceptor is set
     * @throws WorkflowException if no requirement is met; it names each missing scheme and the builder
     *     method that takes its credentials, and nothing is sent
     */
    void apply(String stepId, StepRequest request, List<List<String>> requirements, HttpClient client,
            Duration timeout, boolean tls, boolean intercepted) {
        if (requirements.isEmpty()) {
            return;
        }
        for (List<String> requirement : requirements) {
            if (!requirement.isEmpty() && requirement.stream().allMatch(scheme -> met(scheme, tls, intercepted))) {
                requirement.stream().map(schemes::get).filter(Objects::nonNull)
                        .forEach(credential -> credential.apply(request, client, timeout));
                return;
            }
        }
        if (requirements.stream().anyMatch(List::isEmpty)) {
            return; // security is optional, and no alternative has its credentials
        }
        List<String> alternatives = new ArrayList<>();
        for (List<String> requirement : requirements) {
            alternatives.add(String.join(" and ", requirement.stream().filter(s -> !met(s, tls, intercepted))
                    .map(this::howToGive).toList()));
        }
        throw new WorkflowException((stepId == null ? "the request" : "step '" + stepId + "'")
                + " is not sent: its operation requires credentials, and none were given for "
                + String.join(", or ", alternatives));
    }

    private boolean met(String scheme, boolean tls, boolean intercepted) {
        if (schemes.containsKey(scheme)) {
            return true;
        }
        if (mutualTls.contains(scheme)) {
            return tls;
        }
        return intercepted && !builderMethods.containsKey(scheme);
    }

    /** A missing scheme as the message names it, with what gives its credentials. */
    private String howToGive(String scheme) {
        if (mutualTls.contains(scheme)) {
            return "mutualTLS security scheme '" + scheme + "' (set a client certificate with the builder's "
                    + "sslContext(SSLContext), or give a client with httpClient(HttpClient))";
        }
        String method = builderMethods.get(scheme);
        return "security scheme '" + scheme + "' (" + (method != null ? "set them with the builder's " + method
                : "authenticate it with the builder's requestInterceptor(RequestInterceptor)") + ")";
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
