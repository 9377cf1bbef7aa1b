package dev.arazzo.bench.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * The floor: the three calls of the seed workflow written by hand on {@code java.net.http} and
 * Jackson's tree model, with the checks the workflow asks for (status 200 on every step, the contact
 * read back has an id) and nothing else. No framework could do less work per run. It sends what the
 * API asks for, as a careful hand-written client would: StartChatContact's idempotency token
 * ({@code ClientToken}, which AWS SDKs fill in when the caller does not), a random UUID per call; the
 * same requests byte for byte as the other clients of the benchmark ({@code SameRequestsTest}).
 */
public final class HandWrittenWorkflow implements ChatWorkflow {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client;
    private final String baseUri;
    private final ObjectMapper mapper = new ObjectMapper();

    public HandWrittenWorkflow(HttpClient client, URI baseUri) {
        this.client = client;
        this.baseUri = baseUri.toString();
    }

    @Override
    public Outputs run(Inputs inputs) {
        ObjectNode start = mapper.createObjectNode();
        start.put("InstanceId", inputs.instanceId());
        start.put("ContactFlowId", inputs.contactFlowId());
        start.putObject("ParticipantDetails").put("DisplayName", inputs.displayName());
        start.put("ClientToken", UUID.randomUUID().toString());
        JsonNode started = call("PUT", "/contact/chat", start);
        String contactId = started.path("ContactId").asText();
        String participantToken = started.path("ParticipantToken").asText();

        String contactPath = "/" + segment(inputs.instanceId()) + "/" + segment(contactId);
        JsonNode contact = call("GET", "/contacts" + contactPath, null);
        if (contact.path("Contact").path("Id").isMissingNode()) {
            throw new IllegalStateException("describeContact: no Contact.Id");
        }
        String channel = contact.path("Contact").path("Channel").asText();

        ObjectNode attributes = mapper.createObjectNode();
        if (inputs.attributes() != null) {
            ObjectNode values = attributes.putObject("Attributes");
            inputs.attributes().forEach(values::put);
        }
        call("POST", "/contact/attributes" + contactPath, attributes);
        return new Outputs(contactId, participantToken, channel);
    }

    private JsonNode call(String method, String path, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUri + path))
                .timeout(TIMEOUT)
                .header("Accept", "application/json");
        try {
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body)));
            }
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode());
            }
            return mapper.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
