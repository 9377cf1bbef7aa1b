package dev.arazzo.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * One request a step sent and the response it got: what runtime expressions such as
 * {@code $statusCode}, {@code $response.header.X} and {@code $response.body#/a} read.
 */
public final class HttpExchange {

    private static final int EXCERPT_LENGTH = 512;

    private final StepRequest request;
    private final URI uri;
    private final int statusCode;
    private final HttpHeaders headers;
    private final byte[] body;
    private JsonNode parsedBody;

    HttpExchange(StepRequest request, URI uri, int statusCode, HttpHeaders headers, byte[] body) {
        this.request = request;
        this.uri = uri;
        this.statusCode = statusCode;
        this.headers = headers;
        this.body = body;
    }

    /**
     * {@code $statusCode}.
     *
     * @return the response's HTTP status
     */
    public int statusCode() {
        return statusCode;
    }

    /**
     * {@code $url}.
     *
     * @return the url the request was sent to, as sent
     */
    public String url() {
        return uri.toString();
    }

    /**
     * {@code $method}.
     *
     * @return the request's HTTP method
     */
    public String method() {
        return request.method();
    }

    /**
     * {@code $response.header.name}: the first value, the name compared case-insensitively.
     *
     * @param name the header's name
     * @return its first value, or null when the response has no such header
     */
    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    /**
     * {@code $request.header.name}, the name compared case-insensitively.
     *
     * @param name the header's name
     * @return the value the step set, or null when it set none
     */
    public String requestHeader(String name) {
        return request.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /**
     * {@code $request.query.name}.
     *
     * @param name the query parameter's name
     * @return its first value as text (not encoded), or null when the step sent none
     */
    public String requestQuery(String name) {
        return request.queryValue(name);
    }

    /**
     * {@code $request.path.name}.
     *
     * @param name the path parameter's name
     * @return its value as text (not encoded), or null when the path has no such parameter
     */
    public String requestPath(String name) {
        return request.pathValues().get(name);
    }

    /**
     * {@code $request.body}.
     *
     * @return the payload sent, or a missing node when there was none
     */
    public JsonNode requestBody() {
        JsonNode sent = request.jsonBody();
        return sent == null ? MissingNode.getInstance() : sent;
    }

    /**
     * {@code $response.body}, parsed once.
     *
     * @return the body parsed as JSON; a body that is not JSON is a text node; an empty body is a missing
     *     node
     */
    public JsonNode body() {
        if (parsedBody == null) {
            parsedBody = parse();
        }
        return parsedBody;
    }

    /** The body as text, decoded with the charset of the response's Content-Type (UTF-8 when none). */
    String bodyText() {
        return new String(body, charset());
    }

    /**
     * The start of the body, for error messages.
     *
     * @return at most 512 characters of the body as text (then {@code ...})
     */
    public String bodyExcerpt() {
        String text = bodyText();
        return text.length() <= EXCERPT_LENGTH ? text : text.substring(0, EXCERPT_LENGTH) + "...";
    }

    private JsonNode parse() {
        if (body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            // JSON in UTF-8 (its usual charset) is parsed from the bytes, without a String in between
            Charset charset = charset();
            JsonNode node = charset.equals(StandardCharsets.UTF_8)
                    ? Values.MAPPER.readTree(body)
                    : Values.MAPPER.readTree(bodyText());
            return node == null ? MissingNode.getInstance() : node;
        } catch (IOException e) {
            return Values.MAPPER.getNodeFactory().textNode(bodyText());
        }
    }

    private Charset charset() {
        String contentType = headers.firstValue("Content-Type").orElse("");
        for (String part : contentType.split(";")) {
            String trimmed = part.strip();
            if (trimmed.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                try {
                    return Charset.forName(trimmed.substring(8).replace("\"", ""));
                } catch (IllegalArgumentException e) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
