package dev.arazzo.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The request one step sends, built from the step's parameters and request body.
 *
 * <p>Parameters are serialized by {@link ParameterStyles} as their OpenAPI {@code style} and
 * {@code explode} say: path values percent-encoded (a {@code ../} cannot leave the path), query names and
 * values as RFC 3986 query components; header values that hold CR or LF are rejected. A query, header or
 * cookie parameter whose value is {@code null} is not sent; a path parameter must have one.
 */
public final class StepRequest {

    private final String stepId;
    private final URI baseUri;
    private final String method;
    private final String pathTemplate;
    private static final byte[] NO_BODY = new byte[0];
    private static final String[] NO_PATH = new String[0];

    /** The path parameters in the order set, three entries each: name, value as text, value encoded. */
    private String[] path = NO_PATH;
    private int pathEntries;
    // empty and immutable until the first value: a request of few parameters allocates only what it holds
    private List<Map.Entry<String, String>> queryValues = List.of();
    private List<String> queryPairs = List.of();
    private Map<String, String> headers = Map.of();
    private List<String> cookies = List.of();
    private JsonNode jsonBody;
    private String contentType;
    private byte[] body = NO_BODY;

    private StepRequest(String stepId, URI baseUri, String method, String pathTemplate) {
        this.stepId = stepId;
        this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
        this.method = method;
        this.pathTemplate = pathTemplate;
    }

    /**
     * A request to {@code pathTemplate} below {@code baseUri}.
     *
     * @param baseUri the server url the path is appended to (a trailing {@code /} is dropped)
     * @param method the HTTP method
     * @param pathTemplate the OpenAPI path, with {@code {name}} for each path parameter
     * @return a request with no parameters and no body
     * @throws NullPointerException if {@code baseUri} is null
     */
    public static StepRequest of(URI baseUri, String method, String pathTemplate) {
        return new StepRequest(null, baseUri, method, pathTemplate);
    }

    /**
     * A request step {@code stepId} sends to {@code pathTemplate} below {@code baseUri}: a parameter value
     * that cannot be serialized fails with a {@link WorkflowException} naming the step and the parameter.
     *
     * @param stepId the step that sends it
     * @param baseUri the server url the path is appended to (a trailing {@code /} is dropped)
     * @param method the HTTP method
     * @param pathTemplate the OpenAPI path, with {@code {name}} for each path parameter
     * @return a request with no parameters and no body
     * @throws NullPointerException if {@code baseUri} is null
     */
    public static StepRequest of(String stepId, URI baseUri, String method, String pathTemplate) {
        return new StepRequest(Objects.requireNonNull(stepId, "stepId"), baseUri, method, pathTemplate);
    }

    /**
     * Sets path parameter {@code name}, style simple without explode: one segment, percent-encoded.
     *
     * @param name the parameter's name in the path template
     * @param value its value, as {@link ParameterStyles#path} takes it
     * @return this request
     * @throws WorkflowException if {@code value} is null or cannot be serialized
     */
    public StepRequest path(String name, Object value) {
        return path(name, ParameterStyles.Style.SIMPLE, false, value);
    }

    /**
     * Sets path parameter {@code name}, serialized as {@code style} and {@code explode} say.
     *
     * @param name the parameter's name in the path template
     * @param style simple, label or matrix
     * @param explode whether arrays and objects are exploded
     * @param value its value, as {@link ParameterStyles#path} takes it
     * @return this request
     * @throws WorkflowException if {@code value} is null or cannot be serialized so
     */
    public StepRequest path(String name, ParameterStyles.Style style, boolean explode, Object value) {
        if (value instanceof String text && style == ParameterStyles.Style.SIMPLE) {
            // what ParameterStyles.path gives a text in style simple, without a JSON node in between
            putPath(name, text, ParameterStyles.segment(text));
            return this;
        }
        String encoded = serialize(() -> ParameterStyles.path(name, style, explode, value));
        putPath(name, ParameterStyles.text(value), encoded);
        return this;
    }

    private void putPath(String name, String text, String encoded) {
        int at = 0;
        while (at < pathEntries && !path[at].equals(name)) {
            at += 3;
        }
        if (at == pathEntries) {
            if (pathEntries == path.length) {
                path = java.util.Arrays.copyOf(path, Math.max(6, path.length * 2));
            }
            pathEntries += 3;
        }
        path[at] = name;
        path[at + 1] = text;
        path[at + 2] = encoded;
    }

    /** The entry of path parameter {@code name}, or -1; {@code expected} is where it is when set in order. */
    private int pathEntry(String name, int expected) {
        int guess = expected * 3;
        if (guess < pathEntries && path[guess] == name) {
            return guess;
        }
        for (int at = 0; at < pathEntries; at += 3) {
            if (path[at].equals(name)) {
                return at;
            }
        }
        return -1;
    }

    private static <K, V> Map<K, V> mutable(Map<K, V> map) {
        return map instanceof LinkedHashMap ? map : new LinkedHashMap<>();
    }

    private static <T> List<T> mutable(List<T> list) {
        return list instanceof ArrayList ? list : new ArrayList<>();
    }

    /**
     * Adds query parameter {@code name}, style form with explode: once per element of a list or JSON
     * array, not at all for null.
     *
     * @param name the parameter's name
     * @param value its value, as {@link ParameterStyles#query} takes it
     * @return this request
     * @throws WorkflowException if {@code value} cannot be serialized
     */
    public StepRequest query(String name, Object value) {
        return query(name, ParameterStyles.Style.FORM, true, false, value);
    }

    /**
     * Adds query parameter {@code name}, serialized as {@code style}, {@code explode} and
     * {@code allowReserved} say; nothing for null.
     *
     * @param name the parameter's name
     * @param style form, spaceDelimited, pipeDelimited or deepObject
     * @param explode whether arrays and objects are exploded
     * @param allowReserved whether RFC 3986 reserved characters are sent unencoded
     * @param value its value, as {@link ParameterStyles#query} takes it
     * @return this request
     * @throws WorkflowException if {@code value} cannot be serialized so
     */
    public StepRequest query(String name, ParameterStyles.Style style, boolean explode, boolean allowReserved,
            Object value) {
        List<String> pairs = serialize(() -> ParameterStyles.query(name, style, explode, allowReserved, value));
        if (!pairs.isEmpty()) {
            queryPairs = mutable(queryPairs);
            queryPairs.addAll(pairs);
        }
        // $request.query.name reads the first value as text
        JsonNode node = value == null ? null : Values.json(value);
        if (node != null && !node.isNull() && !node.isMissingNode()) {
            queryValues = mutable(queryValues);
        }
        if (node != null && node.isArray()) {
            node.forEach(item -> queryValues.add(Map.entry(name, ParameterStyles.text(item))));
        } else if (node != null && !node.isNull() && !node.isMissingNode()) {
            queryValues.add(Map.entry(name, ParameterStyles.text(node)));
        }
        return this;
    }

    /**
     * Sets the whole query string (an Arazzo 1.1 {@code in: querystring} parameter); nothing for null. A
     * text is the query string itself: sent as written, only characters a URI query cannot hold (a space,
     * {@code #}, non-ASCII, ...) percent-encoded, {@code %XX} escapes kept. An object is serialized by
     * {@code mediaType}: as {@code application/x-www-form-urlencoded} (also when it is null), each member
     * a {@code name=value} pair; as JSON for a JSON media type. With a JSON media type a text is taken as
     * the JSON document itself. The serialized query string is percent-encoded whole then.
     *
     * @param mediaType the media type the operation's {@code content} names, or null
     * @param value a text, a JSON value or a map
     * @return this request
     * @throws WorkflowException if the value is neither a text nor an object (for a form), or the media
     *     type is one this request cannot serialize
     */
    public StepRequest querystring(String mediaType, Object value) {
        if (value == null) {
            return this;
        }
        JsonNode node = Values.json(value);
        if (node == null || node.isNull() || node.isMissingNode()) {
            return this;
        }
        String type = mediaType == null ? "application/x-www-form-urlencoded"
                : mediaType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        String query;
        if (type.equals("application/x-www-form-urlencoded")) {
            if (node.isTextual()) {
                query = encodeQueryString(node.asText());
            } else if (node.isObject()) {
                StringBuilder form = new StringBuilder();
                node.properties().forEach(field -> {
                    if (field.getValue().isNull()) {
                        return;
                    }
                    form.append(form.length() > 0 ? "&" : "").append(encodeQuery(field.getKey())).append('=')
                            .append(encodeQuery(Values.text(field.getValue())));
                });
                query = form.toString();
            } else {
                throw new WorkflowException(subject() + ": the querystring value is neither text nor an object; "
                        + "give the whole query string as text, or an object whose members are its name=value pairs");
            }
            for (String pair : query.split("&")) {
                if (!pair.isEmpty()) {
                    queryValues = mutable(queryValues);
                    int equals = pair.indexOf('=');
                    queryValues.add(Map.entry(decode(equals < 0 ? pair : pair.substring(0, equals)),
                            equals < 0 ? "" : decode(pair.substring(equals + 1))));
                }
            }
        } else if (type.equals("application/json") || type.endsWith("+json")) {
            query = encodeQuery(node.isTextual() ? node.asText() : node.toString());
        } else if (type.startsWith("text/")) {
            query = encodeQuery(Values.text(node));
        } else {
            throw new WorkflowException(subject() + ": the querystring's media type " + mediaType + " is not one "
                    + "this request can serialize (form, JSON or text)");
        }
        if (!query.isEmpty()) {
            queryPairs = mutable(queryPairs);
            queryPairs.add(query);
        }
        return this;
    }

    /** Percent-encodes what a URI query cannot hold; {@code %XX} escapes and the reserved characters stay. */
    static String encodeQueryString(String text) {
        StringBuilder encoded = new StringBuilder();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            char c = (char) (bytes[i] & 0xFF);
            boolean escape = c == '%' && i + 2 < bytes.length && isHex((char) bytes[i + 1]) && isHex((char) bytes[i + 2]);
            if (ParameterStyles.isUnreserved(c) || escape || "!$&'()*+,;=:@/?".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit((bytes[i] >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(bytes[i] & 0xF, 16)));
            }
        }
        return encoded.toString();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    private static String decode(String text) {
        try {
            return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    /**
     * Sets header {@code name}, style simple without explode; nothing for null.
     *
     * @param name the header's name
     * @param value its value, as {@link ParameterStyles#header} takes it
     * @return this request
     * @throws WorkflowException if the value cannot be serialized, or holds CR, LF, another control
     *     character or a character that is not ASCII (HTTP sends header values as ASCII: encode such text
     *     first)
     */
    public StepRequest header(String name, Object value) {
        return header(name, false, value);
    }

    /**
     * Sets header {@code name}, style simple, exploded or not; nothing for null.
     *
     * @param name the header's name
     * @param explode whether an object is written {@code R=100,G=200} rather than {@code R,100,G,200}
     * @param value its value, as {@link ParameterStyles#header} takes it
     * @return this request
     * @throws WorkflowException if the value cannot be serialized, or holds CR, LF, another control
     *     character or a character that is not ASCII
     */
    public StepRequest header(String name, boolean explode, Object value) {
        String text = serialize(() -> ParameterStyles.header(name, explode, value));
        return putHeader(name, text);
    }

    private StepRequest putHeader(String name, String text) {
        if (text != null) {
            if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
                throw new WorkflowException("header '" + name + "' holds a line break; header values cannot");
            }
            checkAscii("header", name, text);
            headers = mutable(headers);
            headers.put(name, text);
        }
        return this;
    }

    /**
     * Adds cookie {@code name} to the {@code Cookie} header, style form with explode; nothing for null.
     *
     * @param name the cookie's name
     * @param value its value, as {@link ParameterStyles#cookie} takes it
     * @return this request
     * @throws WorkflowException if the value cannot be serialized, or holds {@code ;}, CR, LF, another
     *     control character or a character that is not ASCII
     */
    public StepRequest cookie(String name, Object value) {
        return cookie(name, true, value);
    }

    /**
     * Adds cookie {@code name} to the {@code Cookie} header, style form, exploded or not; nothing for null.
     *
     * @param name the cookie's name
     * @param explode whether arrays and objects give one cookie per item or member
     * @param value its value, as {@link ParameterStyles#cookie} takes it
     * @return this request
     * @throws WorkflowException if the value cannot be serialized, or holds {@code ;}, CR, LF, another
     *     control character or a character that is not ASCII
     */
    public StepRequest cookie(String name, boolean explode, Object value) {
        List<String> pairs = serialize(() -> ParameterStyles.cookie(name, explode, value));
        return putCookies(name, pairs);
    }

    private StepRequest putCookies(String name, List<String> pairs) {
        for (String pair : pairs) {
            if (pair.indexOf(';') >= 0 || pair.indexOf('\r') >= 0 || pair.indexOf('\n') >= 0) {
                throw new WorkflowException("cookie '" + name
                        + "' holds ';' or a line break; cookie values cannot");
            }
            checkAscii("cookie", name, pair.substring(pair.indexOf('=') + 1));
        }
        if (!pairs.isEmpty()) {
            cookies = mutable(cookies);
            cookies.addAll(pairs);
        }
        return this;
    }

    /** Runs a serialization; its failure becomes a {@link WorkflowException} naming the request. */
    private <T> T serialize(java.util.function.Supplier<T> serialization) {
        try {
            return serialization.get();
        } catch (IllegalArgumentException e) {
            throw new WorkflowException(subject() + ": " + e.getMessage(), e);
        }
    }

    /** What a failure names: the step that sends this request, else its method and path template. */
    private String subject() {
        return stepId != null ? "step '" + stepId + "'" : method + " " + pathTemplate;
    }

    /**
     * Sends {@code payload} as JSON.
     *
     * @param contentType the {@code Content-Type} header
     * @param payload the body
     * @return this request
     */
    public StepRequest jsonBody(String contentType, JsonNode payload) {
        this.contentType = contentType;
        this.jsonBody = payload;
        try {
            this.body = Values.MAPPER.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new WorkflowException("request body cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
        return this;
    }

    /**
     * Sends the members of {@code fields} as {@code application/x-www-form-urlencoded}.
     *
     * @param fields an object whose members are the form's fields, in order
     * @return this request
     */
    public StepRequest formBody(JsonNode fields) {
        this.contentType = "application/x-www-form-urlencoded";
        this.jsonBody = fields;
        StringBuilder form = new StringBuilder();
        fields.properties().forEach(field -> {
            if (form.length() > 0) {
                form.append('&');
            }
            form.append(encodeQuery(field.getKey())).append('=').append(encodeQuery(Values.text(field.getValue())));
        });
        this.body = form.toString().getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /**
     * Sends {@code text} in UTF-8, or in the {@code charset} that {@code contentType} names.
     *
     * @param contentType the {@code Content-Type} header
     * @param text the body
     * @return this request
     * @throws WorkflowException if {@code text} is null or the charset is not supported
     */
    public StepRequest textBody(String contentType, String text) {
        if (text == null) {
            throw new WorkflowException(subject() + ": the request body ('" + contentType + "') is null");
        }
        this.contentType = contentType;
        this.jsonBody = Values.MAPPER.getNodeFactory().textNode(text);
        this.body = text.getBytes(serialize(() -> MultipartBody.charset(contentType)));
        return this;
    }

    /**
     * Sends the members of {@code fields} as {@code application/x-www-form-urlencoded}, each as its
     * encoding says ({@link FormBody}); a text is sent as it is, an already encoded form.
     *
     * @param contentType the {@code Content-Type} header
     * @param fields an object whose members are the form's fields, in order, or a text
     * @param encodings the encodings of members that do not take the default (style form with explode)
     * @return this request
     * @throws WorkflowException if {@code fields} is neither an object nor a text, or a member cannot be
     *     written
     */
    public StepRequest formBody(String contentType, JsonNode fields, FormBody.Field... encodings) {
        if (fields != null && fields.isTextual()) {
            return textBody(contentType, fields.asText());
        }
        this.contentType = contentType;
        this.jsonBody = fields;
        this.body = serialize(() -> FormBody.bytes(fields, List.of(encodings)));
        return this;
    }

    /**
     * Sends a primitive as text, written as parameters are ({@link ParameterStyles#text(Object)}: {@code 614},
     * not {@code 614.0}), in UTF-8 or the {@code charset} that {@code contentType} names.
     *
     * @param contentType the {@code Content-Type} header
     * @param value the body: text, a number, a boolean, a date-time
     * @return this request
     * @throws WorkflowException if the value is null, an array or an object (which a text type cannot
     *     carry), or the charset is not supported
     */
    public StepRequest valueBody(String contentType, Object value) {
        JsonNode node = Values.json(value);
        if (node.isNull() || node.isMissingNode() || node.isContainerNode()) {
            throw new WorkflowException(subject() + ": the request body is " + (node.isArray() ? "an array"
                    : node.isObject() ? "an object" : "null") + ", which '" + contentType + "' cannot carry; "
                    + "give the payload as text");
        }
        return textBody(contentType, ParameterStyles.text(node));
    }

    /**
     * Sends {@code bytes} as they are.
     *
     * @param contentType the {@code Content-Type} header
     * @param bytes the body
     * @return this request
     * @throws WorkflowException if {@code bytes} is null
     */
    public StepRequest binaryBody(String contentType, byte[] bytes) {
        if (bytes == null) {
            throw new WorkflowException(subject() + ": the request body ('" + contentType + "') has no bytes");
        }
        this.contentType = contentType;
        this.jsonBody = null;
        this.body = bytes.clone();
        return this;
    }

    /**
     * Sends {@code parts} as a multipart body of {@code mediaType} ({@code multipart/form-data} or
     * {@code multipart/mixed}) with a random boundary, which the {@code Content-Type} header carries.
     *
     * @param mediaType the media type, without a boundary
     * @param parts the members, in order ({@link MultipartBody})
     * @return this request
     * @throws WorkflowException if a part cannot be written
     */
    public StepRequest multipartBody(String mediaType, MultipartBody.Part... parts) {
        return multipartBody(mediaType, () -> parts);
    }

    /**
     * Sends the members of {@code fields} as a multipart body of {@code mediaType}, one part per member
     * ({@link MultipartBody#parts(Object, MultipartBody.Part...)}).
     *
     * @param mediaType the media type, without a boundary
     * @param fields the payload: an object
     * @param encodings parts that give a member's media type and filename
     * @return this request
     * @throws WorkflowException if {@code fields} is not an object, or a part cannot be written
     */
    public StepRequest multipartFields(String mediaType, Object fields, MultipartBody.Part... encodings) {
        return multipartBody(mediaType, () -> MultipartBody.parts(fields, encodings));
    }

    private StepRequest multipartBody(String mediaType, java.util.function.Supplier<MultipartBody.Part[]> parts) {
        List<MultipartBody.Part> list = List.of(serialize(parts));
        String boundary = MultipartBody.boundary();
        byte[] encoded = null;
        for (int attempt = 0; encoded == null; attempt++) {
            try {
                encoded = MultipartBody.encode(boundary, list);
            } catch (IllegalArgumentException e) {
                if (attempt >= 3 || !e.getMessage().endsWith("contains the boundary")) {
                    throw new WorkflowException(subject() + ": " + e.getMessage(), e);
                }
                boundary = MultipartBody.boundary();
            }
        }
        this.contentType = mediaType + "; boundary=" + boundary;
        this.jsonBody = null;
        this.body = encoded;
        return this;
    }

    String method() {
        return method;
    }

    /**
     * A path template taken apart: {@code texts[n]} comes before {@code names[n]}, the last text after the last
     * name. A {@code name} is what is between a '{' and the next '}'; a '{' without a '}' after it is text. The
     * names are interned, so that the name a step gives its value with (a literal of the generated code) is
     * found by identity.
     */
    private record Template(String[] texts, String[] names) {

        private static final java.util.concurrent.ConcurrentHashMap<String, Template> PARSED =
                new java.util.concurrent.ConcurrentHashMap<>();

        static Template of(String template) {
            Template parsed = PARSED.get(template);
            if (parsed == null) {
                parsed = parse(template);
                if (PARSED.size() < 1024) { // templates built at run time do not fill the memory
                    PARSED.putIfAbsent(template, parsed);
                }
            }
            return parsed;
        }

        private static Template parse(String template) {
            List<String> texts = new ArrayList<>();
            List<String> names = new ArrayList<>();
            int i = 0;
            while (true) {
                int open = template.indexOf('{', i);
                int close = open < 0 ? -1 : template.indexOf('}', open);
                if (close < 0) {
                    texts.add(template.substring(i));
                    break;
                }
                texts.add(template.substring(i, open));
                names.add(template.substring(open + 1, close).intern());
                i = close + 1;
            }
            return new Template(texts.toArray(new String[0]), names.toArray(new String[0]));
        }
    }

    URI uri() {
        String base = baseUri.toString();
        int baseLength = base.endsWith("/") ? base.length() - 1 : base.length();
        // one buffer for the whole URI text, parsed once by URI.create (as HttpRequest needs a URI)
        StringBuilder uri = new StringBuilder(baseLength + pathTemplate.length() + 64).append(base, 0, baseLength);
        Template template = Template.of(pathTemplate);
        String[] names = template.names();
        for (int n = 0; n < names.length; n++) {
            uri.append(template.texts()[n]);
            int entry = pathEntry(names[n], n);
            if (entry < 0) {
                throw new WorkflowException(subject() + ": path parameter '" + names[n] + "' has no value");
            }
            uri.append(path[entry + 2]);
        }
        uri.append(template.texts()[names.length]);
        for (int q = 0; q < queryPairs.size(); q++) {
            uri.append(q == 0 ? '?' : '&').append(queryPairs.get(q));
        }
        return URI.create(uri.toString());
    }

    HttpRequest toHttpRequest(Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri()).timeout(timeout)
                .method(method, body.length == 0 && contentType == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        if (headers.isEmpty() || !headers.containsKey("Accept") && !headers.containsKey("accept")) {
            builder.header("Accept", "application/json");
        }
        if (!headers.isEmpty()) { // no iterator, nor a bound method reference, for a request without headers
            for (Map.Entry<String, String> header : headers.entrySet()) {
                builder.header(header.getKey(), header.getValue());
            }
        }
        if (!cookies.isEmpty()) {
            builder.header("Cookie", String.join("; ", cookies));
        }
        return builder.build();
    }

    /**
     * Refuses a header or cookie value that HTTP/1.1 cannot carry as is: control characters other than
     * tab, and characters outside ASCII, which the JDK's client would send as {@code ?}.
     */
    private static void checkAscii(String kind, String name, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t') || c >= 0x7F) {
                int codePoint = text.codePointAt(i);
                throw new WorkflowException(kind + " '" + name + "' holds " + String.format("U+%04X", codePoint)
                        + " at index " + i + "; HTTP " + kind + " values are ASCII, so encode the value first "
                        + "(for example percent-encoded or Base64)");
            }
        }
    }

    byte[] body() {
        return body.clone();
    }

    JsonNode jsonBody() {
        return jsonBody;
    }

    Map<String, String> pathValues() {
        Map<String, String> values = new LinkedHashMap<>();
        for (int at = 0; at < pathEntries; at += 3) {
            values.put(path[at], path[at + 1]);
        }
        return Collections.unmodifiableMap(values);
    }

    /** The value of path parameter {@code name} as text (not encoded), or null when it has none. */
    String pathValue(String name) {
        int entry = pathEntry(name, 0);
        return entry < 0 ? null : path[entry + 1];
    }

    Map<String, String> headers() {
        return Collections.unmodifiableMap(headers);
    }

    String queryValue(String name) {
        return queryValues.stream().filter(e -> e.getKey().equals(name)).map(Map.Entry::getValue).findFirst()
                .orElse(null);
    }

    private static final java.util.regex.Pattern SECRET_NAME = java.util.regex.Pattern.compile(
            "(?i).*(key|token|secret|password|passwd|signature|credential|auth|session|sig).*");

    /**
     * {@code uri} for messages and logs: user information and the values of query parameters whose
     * names suggest a secret (api_key, access_token, X-Amz-Signature, ...) are replaced by {@code ***}.
     */
    static String masked(URI uri) {
        if (uri.getRawUserInfo() != null) {
            uri = URI.create(uri.toString().replace(uri.getRawUserInfo() + "@", "***@"));
        }
        String query = uri.getRawQuery();
        if (query == null) {
            return uri.toString();
        }
        StringBuilder masked = new StringBuilder();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            masked.append(masked.length() == 0 ? "" : "&").append(name);
            if (equals >= 0) {
                masked.append('=').append(SECRET_NAME.matcher(name).matches() ? "***" : pair.substring(equals + 1));
            }
        }
        String text = uri.toString();
        return text.substring(0, text.indexOf('?') + 1) + masked;
    }

    /** Percent-encodes everything but RFC 3986 unreserved characters: {@code /} and {@code .} included. */
    static String encodePathSegment(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (ParameterStyles.isUnreserved(c) && !(c == '.' && (value.equals(".") || value.equals("..")))) {
                encoded.append(c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
        }
        return encoded.toString();
    }

    /** Percent-encodes a query name or value: unreserved characters stay, a space becomes {@code %20}. */
    static String encodeQuery(String value) {
        return encodePathSegment(value).replace("%2E", ".");
    }
}
