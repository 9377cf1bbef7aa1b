package dev.arazzo.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An {@code application/x-www-form-urlencoded} body written from an object, one {@code name=value} pair
 * per member (more for an exploded array or object), as the OpenAPI Encoding Object of each member says.
 *
 * <p>A member without an encoding is written as a query parameter of style form with explode: an array
 * gives one pair per item, an object one pair per member. A member whose encoding has a
 * {@code contentType} is written as one value: its JSON text for a JSON type, else its text. Names and
 * values are percent-encoded as {@link ParameterStyles} encodes query components (a space is
 * {@code %20}); a member that is null is not sent.
 *
 * <pre>{@code
 * FormBody.encode(Values.object("a", 1, "tags", List.of("x", "y")), List.of())   // a=1&tags=x&tags=y
 * }</pre>
 */
public final class FormBody {

    /**
     * How one member of a form is written: the OpenAPI Encoding Object's {@code style}, {@code explode},
     * {@code allowReserved} and {@code contentType}.
     *
     * @param name the member's name
     * @param style form, spaceDelimited, pipeDelimited or deepObject
     * @param explode whether arrays and objects give one pair per item or member
     * @param allowReserved whether RFC 3986 reserved characters are sent unencoded
     * @param contentType the media type the value is written as, or null to write it with its style
     */
    public record Field(String name, ParameterStyles.Style style, boolean explode, boolean allowReserved,
            String contentType) {
    }

    private FormBody() {
    }

    /**
     * The encoding of member {@code name}.
     *
     * @param name the member's name
     * @param style form, spaceDelimited, pipeDelimited or deepObject
     * @param explode whether arrays and objects give one pair per item or member
     * @param allowReserved whether RFC 3986 reserved characters are sent unencoded
     * @param contentType the media type the value is written as, or null to write it with its style
     * @return the encoding
     */
    public static Field field(String name, ParameterStyles.Style style, boolean explode, boolean allowReserved,
            String contentType) {
        return new Field(name, style, explode, allowReserved, contentType);
    }

    /**
     * The form's text.
     *
     * @param fields an object whose members are the form's fields, in order
     * @param encodings the encodings of members that do not take the default
     * @return the {@code &}-joined pairs
     * @throws IllegalArgumentException if {@code fields} is not an object, or a member cannot be written
     *     with its style (nested arrays or objects, a style that does not fit the value)
     */
    public static String encode(JsonNode fields, List<Field> encodings) {
        if (fields == null || !fields.isObject()) {
            throw new IllegalArgumentException("a form body must be an object, one member per field; got "
                    + (fields == null ? "null" : fields.getNodeType().toString().toLowerCase(Locale.ROOT)));
        }
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, JsonNode> member : fields.properties()) {
            Field encoding = encodings.stream().filter(e -> e.name().equals(member.getKey())).findFirst()
                    .orElse(null);
            JsonNode value = member.getValue();
            if (value == null || value.isNull() || value.isMissingNode()) {
                continue;
            }
            if (encoding != null && encoding.contentType() != null) {
                String text = isJson(encoding.contentType()) ? value.toString() : ParameterStyles.text(value);
                pairs.add(ParameterStyles.encode(member.getKey(), encoding.allowReserved()) + "="
                        + ParameterStyles.encode(text, encoding.allowReserved()));
            } else if (encoding != null) {
                pairs.addAll(ParameterStyles.query(member.getKey(), encoding.style(), encoding.explode(),
                        encoding.allowReserved(), value));
            } else {
                pairs.addAll(ParameterStyles.query(member.getKey(), ParameterStyles.Style.FORM, true, false, value));
            }
        }
        return String.join("&", pairs);
    }

    /** The form's bytes: its text is ASCII, percent-encoded UTF-8. */
    static byte[] bytes(JsonNode fields, List<Field> encodings) {
        return encode(fields, encodings).getBytes(StandardCharsets.US_ASCII);
    }

    /** Whether {@code mediaType} is JSON: {@code application/json} or a {@code +json} type. */
    static boolean isJson(String mediaType) {
        String type = mediaType.toLowerCase(Locale.ROOT).split(";")[0].trim();
        return type.equals("application/json") || type.endsWith("+json");
    }
}
