package dev.arazzo.runtime;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One request a step sent and the response it got: what runtime expressions such as
 * {@code $statusCode}, {@code $response.header.X} and {@code $response.body#/a} read.
 */
public final class HttpExchange {

    private static final int EXCERPT_LENGTH = 512;
    /** Bytes decoded for an excerpt: enough for 512 characters in any charset of at most 4 bytes each. */
    private static final int EXCERPT_BYTES = EXCERPT_LENGTH * 4 + 4;

    private final String stepId;
    private final StepRequest request;
    private final URI uri;
    private final int statusCode;
    private final HttpHeaders headers;
    private final byte[] body;
    private final int cutAt;
    private final Duration timedOutAfter;
    private JsonNode parsedBody;
    private boolean bodyIsJson;

    /**
     * An exchange whose body was read whole, or cut at {@code cutAt} bytes.
     *
     * @param cutAt the limit the body was cut at, or -1 when it was read whole
     */
    HttpExchange(String stepId, StepRequest request, URI uri, int statusCode, HttpHeaders headers, byte[] body,
            int cutAt) {
        this.stepId = stepId;
        this.cutAt = cutAt;
        this.request = request;
        this.uri = uri;
        this.statusCode = statusCode;
        this.headers = headers;
        this.body = body;
        this.timedOutAfter = null;
    }

    private HttpExchange(String stepId, StepRequest request, URI uri, Duration timedOutAfter) {
        this.stepId = stepId;
        this.request = request;
        this.uri = uri;
        this.statusCode = 0;
        this.headers = HttpHeaders.of(Map.of(), (name, value) -> true);
        this.body = new byte[0];
        this.cutAt = -1;
        this.timedOutAfter = timedOutAfter;
    }

    /** An exchange that did not complete within the step's timeout: status 0, no headers, no body. */
    static HttpExchange timedOut(String stepId, StepRequest request, URI uri, Duration timeout) {
        return new HttpExchange(stepId, request, uri, timeout);
    }

    /**
     * Whether the exchange did not complete within the step's {@code timeout}; its status is then 0 and
     * it has neither headers nor body.
     *
     * @return true when the step timed out
     */
    public boolean timedOut() {
        return timedOutAfter != null;
    }

    /**
     * Why a timed-out step failed, as its failed criterion reads.
     *
     * @return {@code timeout: no response within N ms}, or null when the exchange did not time out
     */
    public String timeoutFailure() {
        return timedOutAfter == null ? null : "timeout: the step did not complete within " + timedOutAfter.toMillis()
                + " ms";
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
        return firstValue(headers, name);
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
        return request.pathValue(name);
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
     * @return the body parsed as JSON; a body whose Content-Type is not JSON and that does not parse as
     *     JSON is a text node; an empty body is a missing node
     * @throws WorkflowException if the Content-Type says JSON (or {@code +json}) but the body is not
     *     valid JSON, or the body was larger than the transport's {@code maxResponseBytes}
     */
    public JsonNode body() {
        if (parsedBody == null) {
            parsedBody = parse();
        }
        return parsedBody;
    }

    /**
     * {@code $response.body#/pointer}: the node at a JSON Pointer of the body parsed as JSON.
     *
     * @param pointer a JSON Pointer
     * @return the node there, or a missing node when the JSON has none there (or the body is empty)
     * @throws WorkflowException if the body is not JSON, or {@link #body()} fails
     */
    public JsonNode body(String pointer) {
        JsonNode parsed = body();
        if (!bodyIsJson && !parsed.isMissingNode()) {
            throw new WorkflowException("step '" + stepId + "' reads $response.body"
                    + (pointer.isEmpty() ? "" : "#" + pointer) + " but the response body is not JSON (Content-Type: "
                    + Objects.requireNonNullElse(firstValue(headers, "Content-Type"), "none") + "); it starts: " + excerpt(64));
        }
        return parsed.at(pointer(pointer));
    }

    /** Compiled JSON Pointers, by text: the generated code reads the same few at every run. */
    private static final ConcurrentHashMap<String, JsonPointer> POINTERS = new ConcurrentHashMap<>();

    private static JsonPointer pointer(String text) {
        JsonPointer pointer = POINTERS.get(text);
        if (pointer == null) {
            pointer = JsonPointer.compile(text);
            if (POINTERS.size() < 1024) { // texts built at run time do not fill the memory
                POINTERS.putIfAbsent(text, pointer);
            }
        }
        return pointer;
    }

    /**
     * {@code $response.body#/pointer} read as the type the response schema gives it: the one place a
     * step turns its response into typed values.
     *
     * @param <T> the type
     * @param pointer a JSON Pointer, {@code ""} for the whole body
     * @param reader reads the node there (a {@link Values} reader, a generated record's {@code fromJson})
     * @return the value read; null when the body has nothing there, or JSON null
     * @throws WorkflowException naming the step, the pointer, the type expected and what came, when the
     *     value is not of that type; or if {@link #body(String)} fails (the body is not JSON)
     */
    public <T> T read(String pointer, Function<JsonNode, T> reader) {
        JsonNode node = body(pointer);
        try {
            return reader.apply(node);
        } catch (Values.Mismatch e) {
            String at = pointer + e.pointer();
            throw new WorkflowException("step '" + stepId + "' reads $response.body" + (at.isEmpty() ? "" : "#" + at)
                    + ": expected " + e.expected() + " (as the response schema says) but found " + e.found());
        }
    }

    /**
     * {@code $response.body} of a response the OpenAPI describes as text ({@code text/*}, XML, ...):
     * the body decoded with the charset of its Content-Type (UTF-8 when it names none).
     *
     * @param declared the media types the OpenAPI declares for the response
     * @return the text; empty for an empty body
     * @throws WorkflowException naming the step, the declared and the received type, when the response's
     *     Content-Type is JSON or binary; or when the body was larger than {@code maxResponseBytes}
     */
    public String text(String... declared) {
        expect("text", declared);
        return bodyText();
    }

    /**
     * {@code $response.body} of a response the OpenAPI describes as binary ({@code application/octet-stream},
     * {@code image/*}, {@code format: binary}, ...): the body's bytes, as received.
     *
     * @param declared the media types the OpenAPI declares for the response
     * @return a copy of the bytes; empty for an empty body
     * @throws WorkflowException naming the step, the declared and the received type, when the response's
     *     Content-Type is JSON or text that the OpenAPI does not declare; or when the body was larger than
     *     {@code maxResponseBytes}
     */
    public byte[] bytes(String... declared) {
        expect("binary", declared);
        return body.clone();
    }

    /** Fails unless the whole body was read and its Content-Type is one declared or of {@code kind}. */
    private void expect(String kind, String... declared) {
        if (cutAt >= 0) {
            throw new WorkflowException("step '" + stepId + "': the response body is larger than maxResponseBytes ("
                    + cutAt + " bytes), so it was not read; raise the limit with the builder's maxResponseBytes");
        }
        String contentType = Objects.requireNonNullElse(firstValue(headers, "Content-Type"), "");
        String received = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (received.isEmpty() || mediaKind(received).equals(kind)) {
            return;
        }
        for (String type : declared) {
            String expected = type.toLowerCase(Locale.ROOT);
            if (expected.equals(received) || expected.equals("*/*")
                    || expected.endsWith("/*") && received.startsWith(expected.substring(0, expected.length() - 1))) {
                return;
            }
        }
        throw new WorkflowException("step '" + stepId + "' reads $response.body as " + kind + " ("
                + String.join(", ", declared) + ", as the OpenAPI describes the response) but the response's "
                + "Content-Type is " + contentType.strip() + "; it starts: " + excerpt(64));
    }

    /**
     * What a media type holds, as the generator reads OpenAPI media types: {@code json}
     * ({@code application/json}, {@code +json}), {@code text} ({@code text/*}, XML and {@code +xml},
     * YAML, JavaScript, form data), else {@code binary}.
     */
    static String mediaKind(String mediaType) {
        String type = mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (type.equals("application/json") || type.endsWith("+json")) {
            return "json";
        }
        if (type.startsWith("text/") || type.equals("application/xml") || type.endsWith("+xml")
                || type.equals("application/yaml") || type.equals("application/x-yaml")
                || type.equals("application/javascript") || type.equals("application/x-www-form-urlencoded")) {
            return "text";
        }
        return "binary";
    }

    /** The body as text, decoded with the charset of the response's Content-Type (UTF-8 when none). */
    String bodyText() {
        return new String(body, charset());
    }

    /**
     * The start of the body, for error messages: only its first bytes are decoded, and a surrogate pair
     * is never split.
     *
     * @return at most 512 characters of the body as text (then {@code ...} when the body goes on)
     */
    public String bodyExcerpt() {
        return excerpt(EXCERPT_LENGTH);
    }

    private String excerpt(int length) {
        int bytes = Math.min(body.length, EXCERPT_BYTES);
        CharsetDecoder decoder = charset().newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        CharBuffer chars = CharBuffer.allocate(length + 1);
        // decodes until the buffer holds one character more than the excerpt: the rest is never decoded
        decoder.decode(ByteBuffer.wrap(body, 0, bytes), chars, bytes == body.length);
        chars.flip();
        String text = chars.toString();
        boolean more = text.length() > length || bytes < body.length || cutAt >= 0;
        if (text.length() > length) {
            int end = Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length;
            text = text.substring(0, end);
        }
        return more ? text + "..." : text;
    }

    private JsonNode parse() {
        if (cutAt >= 0) {
            throw new WorkflowException("step '" + stepId + "': the response body is larger than maxResponseBytes ("
                    + cutAt + " bytes), so it was not read; raise the limit with the builder's maxResponseBytes");
        }
        if (body.length == 0) {
            bodyIsJson = true;
            return MissingNode.getInstance();
        }
        try {
            // JSON in UTF-8 (its usual charset) is parsed from the bytes, without a String in between
            Charset charset = charset();
            JsonNode node = charset.equals(StandardCharsets.UTF_8)
                    ? Values.MAPPER.readTree(body)
                    : Values.MAPPER.readTree(bodyText());
            bodyIsJson = true;
            return node == null ? MissingNode.getInstance() : node;
        } catch (IOException e) {
            String contentType = Objects.requireNonNullElse(firstValue(headers, "Content-Type"), "");
            if (isJson(contentType)) {
                String reason = e instanceof com.fasterxml.jackson.core.JsonProcessingException json
                        ? json.getOriginalMessage() : e.getMessage();
                throw new WorkflowException("step '" + stepId + "': the response body is not valid JSON although "
                        + "its Content-Type is " + contentType + ": " + excerptOf(reason) + "; it starts: "
                        + excerpt(64), e);
            }
            return Values.MAPPER.getNodeFactory().textNode(bodyText());
        }
    }

    private static String excerptOf(String text) {
        String line = text == null ? "" : text.lines().findFirst().orElse("");
        return line.length() <= 200 ? line : line.substring(0, 200) + "...";
    }

    /** Whether a Content-Type is JSON: {@code application/json} or any {@code +json} type. */
    private static boolean isJson(String contentType) {
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.endsWith("+json");
    }

    /**
     * The first value of header {@code name}, or null: {@link HttpHeaders#firstValue} read from the headers' map
     * (case-insensitive), without the stream and the {@code Optional} it makes per call.
     */
    static String firstValue(HttpHeaders headers, String name) {
        java.util.List<String> values = headers.map().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private Charset charset() {
        String contentType = Objects.requireNonNullElse(firstValue(headers, "Content-Type"), "");
        if (contentType.indexOf(';') < 0) { // no parameters, so no charset: nothing to split
            return StandardCharsets.UTF_8;
        }
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
