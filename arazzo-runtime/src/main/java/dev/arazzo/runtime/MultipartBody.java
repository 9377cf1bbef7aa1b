package dev.arazzo.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A {@code multipart/form-data} or {@code multipart/mixed} body (RFC 7578, RFC 2046): one part per member
 * of the payload, one per item of an array, each with {@code Content-Disposition: form-data;
 * name="..."} and its {@code Content-Type}.
 *
 * <p>A part's value is written as its media type says: a {@code byte[]} as its bytes (a file part, with a
 * {@code filename}), a JSON type as JSON, any other type as text ({@link ParameterStyles#text(Object)}, in
 * UTF-8 or the type's {@code charset}). A part given no media type takes OpenAPI's default from its value:
 * {@code application/octet-stream} for bytes, {@code application/json} for an object or array, else
 * {@code text/plain}. A null value sends no part. The boundary is random, and never occurs in a part.
 *
 * <pre>{@code
 * request.multipartBody("multipart/form-data",
 *         MultipartBody.part("name", "text/plain", null, "Rex"),
 *         MultipartBody.part("photo", "image/png", "photo", pngBytes));
 * }</pre>
 */
public final class MultipartBody {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] CRLF = {'\r', '\n'};

    /**
     * One member of the payload: a part, or one part per item when its value is an array or list.
     *
     * @param name the member's name ({@code name="..."})
     * @param contentType the media type of its parts, or null for OpenAPI's default by value
     * @param filename the {@code filename} of its parts, or null for none
     * @param value the value: bytes, text, a number, a boolean, JSON, a generated type, a list; or null
     */
    public record Part(String name, String contentType, String filename, Object value) {
    }

    private MultipartBody() {
    }

    /**
     * A member of the payload.
     *
     * @param name the member's name
     * @param contentType the media type of its parts, or null for OpenAPI's default by value
     * @param filename the {@code filename} of its parts, or null for none
     * @param value its value, or null for no part
     * @return the member
     */
    public static Part part(String name, String contentType, String filename, Object value) {
        return new Part(name, contentType, filename, value);
    }

    /**
     * The members of an object as parts, in its order, each with the media type and filename of the
     * encoding of the same name ({@code value} unused), else OpenAPI's default by value.
     *
     * @param fields the payload, as {@link Values#json(Object)} writes it: an object
     * @param encodings parts that give a member's media type and filename
     * @return one part per member
     * @throws IllegalArgumentException if {@code fields} is not an object
     */
    public static Part[] parts(Object fields, Part... encodings) {
        JsonNode node = Values.json(fields);
        if (!node.isObject()) {
            throw new IllegalArgumentException("a multipart body must be an object, one part per member; got "
                    + node.getNodeType().toString().toLowerCase(Locale.ROOT));
        }
        List<Part> parts = new ArrayList<>();
        node.properties().forEach(member -> {
            Part encoding = null;
            for (Part candidate : encodings) {
                if (candidate.name().equals(member.getKey())) {
                    encoding = candidate;
                }
            }
            parts.add(new Part(member.getKey(), encoding == null ? null : encoding.contentType(),
                    encoding == null ? null : encoding.filename(), member.getValue()));
        });
        return parts.toArray(new Part[0]);
    }

    /** A new random boundary: 32 hexadecimal digits after a fixed prefix. */
    static String boundary() {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return "arazzo-" + HexFormat.of().formatHex(random);
    }

    /**
     * The body's bytes with {@code boundary}.
     *
     * @param boundary the boundary, which no part may contain
     * @param parts the members, in order
     * @return the body, ending with the close delimiter
     * @throws IllegalArgumentException if a part's bytes contain the boundary, or its media type's charset
     *     is not supported
     */
    static byte[] encode(String boundary, List<Part> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        for (Part part : parts) {
            for (Object item : items(part.value())) {
                String contentType = part.contentType() != null ? part.contentType() : defaultType(item);
                byte[] content = content(contentType, item);
                if (indexOf(content, delimiter) >= 0) {
                    throw new IllegalArgumentException("part '" + part.name() + "' contains the boundary");
                }
                out.writeBytes(delimiter);
                out.writeBytes(CRLF);
                String disposition = "Content-Disposition: form-data; name=\"" + quoted(part.name()) + "\""
                        + (part.filename() == null ? "" : "; filename=\"" + quoted(part.filename()) + "\"");
                out.writeBytes(disposition.getBytes(StandardCharsets.UTF_8));
                out.writeBytes(CRLF);
                out.writeBytes(("Content-Type: " + contentType).getBytes(StandardCharsets.US_ASCII));
                out.writeBytes(CRLF);
                out.writeBytes(CRLF);
                out.writeBytes(content);
                out.writeBytes(CRLF);
            }
        }
        out.writeBytes(delimiter);
        out.writeBytes("--".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(CRLF);
        return out.toByteArray();
    }

    /** The parts a value gives: none for null, one per item of an array or list, else one. */
    private static List<Object> items(Object value) {
        List<Object> items = new ArrayList<>();
        if (value == null || value instanceof JsonNode node && (node.isNull() || node.isMissingNode())) {
            return items;
        }
        if (value instanceof JsonNode node) {
            if (node.isArray()) {
                node.forEach(item -> {
                    if (!item.isNull()) {
                        items.add(item);
                    }
                });
            } else {
                items.add(node);
            }
        } else if (value instanceof Iterable<?> iterable) {
            iterable.forEach(item -> {
                if (item != null) {
                    items.add(item);
                }
            });
        } else {
            items.add(value);
        }
        return items;
    }

    /** OpenAPI's default media type of a part: bytes, JSON for objects and arrays, else text. */
    private static String defaultType(Object value) {
        if (value instanceof byte[]) {
            return "application/octet-stream";
        }
        return Values.json(value).isContainerNode() ? "application/json" : "text/plain";
    }

    private static byte[] content(String contentType, Object value) {
        if (value instanceof byte[] bytes) {
            return bytes.clone();
        }
        if (FormBody.isJson(contentType)) {
            try {
                return Values.MAPPER.writeValueAsBytes(Values.json(value));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("a part cannot be written as JSON: " + e.getOriginalMessage(), e);
            }
        }
        return ParameterStyles.text(value).getBytes(charset(contentType));
    }

    /** The {@code charset} parameter of a media type, UTF-8 when it has none. */
    static Charset charset(String contentType) {
        for (String parameter : contentType.split(";")) {
            String trimmed = parameter.trim();
            if (trimmed.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                String name = trimmed.substring("charset=".length()).replace("\"", "").trim();
                try {
                    return Charset.forName(name);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("charset '" + name + "' of '" + contentType
                            + "' is not supported here", e);
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** A name or filename inside quotes, as HTML writes it: {@code "}, CR and LF percent-encoded. */
    private static String quoted(String text) {
        return text.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static int indexOf(byte[] content, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= content.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (content[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
