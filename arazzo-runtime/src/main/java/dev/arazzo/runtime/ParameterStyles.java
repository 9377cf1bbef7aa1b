package dev.arazzo.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * OpenAPI parameter serialization: a value of a path, query, header or cookie parameter written as its
 * {@code style} and {@code explode} say (OpenAPI 3.0 and 3.1, "Style Values" and "Style Examples"; RFC 6570
 * for the styles it defines).
 *
 * <p>A value is a primitive (text, number, boolean, date-time), an array of primitives or an object whose
 * members are primitives, as {@link Values#json(Object)} writes it. Primitives are written by
 * {@link #text(Object)}: integral numbers without a fraction, other numbers without an exponent. Path and
 * query text is percent-encoded (RFC 3986 unreserved characters stay; with {@code allowReserved} reserved
 * characters and percent-encoded triples stay too); delimiters of the style are written as the table shows
 * them. Header and cookie values are not percent-encoded.
 */
public final class ParameterStyles {

    /** The {@code style} of an OpenAPI Parameter Object. */
    public enum Style {
        /** {@code ;name=value}: path, RFC 6570 path-style parameters. */
        MATRIX,
        /** {@code .value}: path, RFC 6570 label expansion. */
        LABEL,
        /** {@code value,value}: path and header, RFC 6570 simple expansion. */
        SIMPLE,
        /** {@code name=value&name=value}: query and cookie, RFC 6570 form expansion. */
        FORM,
        /** {@code name=a%20b}: query, arrays and objects joined by spaces. */
        SPACE_DELIMITED,
        /** {@code name=a%7Cb}: query, arrays and objects joined by pipes. */
        PIPE_DELIMITED,
        /** {@code name%5Bkey%5D=value}: query, one pair per member of an object. */
        DEEP_OBJECT
    }

    private ParameterStyles() {
    }

    /**
     * The text that replaces {@code {name}} in a path template, percent-encoded.
     *
     * @param name the parameter's name
     * @param style {@link Style#SIMPLE}, {@link Style#LABEL} or {@link Style#MATRIX}
     * @param explode whether arrays and objects are exploded
     * @param value the value; not null
     * @return the encoded text
     * @throws IllegalArgumentException if the value is null, nests arrays or objects, or the style is not
     *     one for paths
     */
    public static String path(String name, Style style, boolean explode, Object value) {
        if (value == null) {
            throw new IllegalArgumentException("path parameter '" + name + "' has no value");
        }
        JsonNode node = node(name, value);
        return switch (style) {
            case SIMPLE -> expand(node, "", ",", explode, null, false);
            case LABEL -> expand(node, ".", explode ? "." : ",", explode, null, false);
            case MATRIX -> expand(node, ";", explode ? ";" : ",", explode, name, false);
            default -> throw new IllegalArgumentException("path parameter '" + name + "' cannot have style " + style);
        };
    }

    /**
     * The {@code name=value} pairs of a query parameter, percent-encoded, in order; none for null.
     *
     * @param name the parameter's name
     * @param style {@link Style#FORM}, {@link Style#SPACE_DELIMITED}, {@link Style#PIPE_DELIMITED} or
     *     {@link Style#DEEP_OBJECT}
     * @param explode whether arrays and objects are exploded
     * @param allowReserved whether RFC 3986 reserved characters are sent as they are
     * @param value the value, or null
     * @return the pairs, each ready to be joined with {@code &}
     * @throws IllegalArgumentException if the value nests arrays or objects, or the style cannot serialize it
     */
    public static List<String> query(String name, Style style, boolean explode, boolean allowReserved,
            Object value) {
        JsonNode node = value == null ? null : node(name, value);
        List<String> pairs = new ArrayList<>();
        if (node == null || node.isNull() || node.isMissingNode() || (node.isContainerNode() && node.isEmpty())) {
            return pairs;
        }
        String encodedName = encode(name, allowReserved);
        switch (style) {
            case FORM -> {
                if (!explode || node.isValueNode()) {
                    pairs.add(encodedName + "=" + joined(node, ",", allowReserved));
                } else if (node.isArray()) {
                    node.forEach(item -> pairs.add(encodedName + "=" + encode(text(item), allowReserved)));
                } else {
                    node.properties().forEach(member -> pairs.add(encode(member.getKey(), allowReserved) + "="
                            + encode(text(member.getValue()), allowReserved)));
                }
            }
            case SPACE_DELIMITED, PIPE_DELIMITED -> {
                String delimiter = style == Style.SPACE_DELIMITED ? "%20" : "%7C";
                if (node.isValueNode() || explode) {
                    throw new IllegalArgumentException("query parameter '" + name + "': style " + style
                            + (explode ? " with explode" : "") + " cannot serialize " + kind(node));
                }
                pairs.add(encodedName + "=" + joined(node, delimiter, allowReserved));
            }
            case DEEP_OBJECT -> {
                if (!node.isObject() || !explode) {
                    throw new IllegalArgumentException("query parameter '" + name + "': style deepObject"
                            + (explode ? "" : " without explode") + " cannot serialize " + kind(node));
                }
                node.properties().forEach(member -> pairs.add(encodedName + "%5B"
                        + encode(member.getKey(), allowReserved) + "%5D=" + encode(text(member.getValue()),
                                allowReserved)));
            }
            default -> throw new IllegalArgumentException("query parameter '" + name + "' cannot have style "
                    + style);
        }
        return pairs;
    }

    /**
     * A header's value, style simple, not percent-encoded; null for null.
     *
     * @param name the header's name
     * @param explode whether an object is written {@code R=100,G=200} rather than {@code R,100,G,200}
     * @param value the value, or null
     * @return the header value, or null when nothing is sent
     * @throws IllegalArgumentException if the value nests arrays or objects
     */
    public static String header(String name, boolean explode, Object value) {
        if (value == null) {
            return null;
        }
        JsonNode node = node(name, value);
        return node.isNull() || node.isMissingNode() ? null : expand(node, "", ",", explode, null, true);
    }

    /**
     * A cookie's {@code name=value} pairs, style form, not percent-encoded; none for null. An exploded
     * array gives one pair per item, an exploded object one pair per member (cookies are joined by
     * {@code "; "}, not {@code &}).
     *
     * @param name the cookie's name
     * @param explode whether arrays and objects are exploded
     * @param value the value, or null
     * @return the pairs
     * @throws IllegalArgumentException if the value nests arrays or objects
     */
    public static List<String> cookie(String name, boolean explode, Object value) {
        List<String> pairs = new ArrayList<>();
        JsonNode node = value == null ? null : node(name, value);
        if (node == null || node.isNull() || node.isMissingNode()) {
            return pairs;
        }
        if (!explode || node.isValueNode()) {
            pairs.add(name + "=" + joinedPlain(node));
        } else if (node.isArray()) {
            node.forEach(item -> pairs.add(name + "=" + text(item)));
        } else {
            node.properties().forEach(member -> pairs.add(member.getKey() + "=" + text(member.getValue())));
        }
        return pairs;
    }

    /**
     * A primitive as parameters and text bodies write it: text as itself, integral numbers without a
     * fraction ({@code 614}, not {@code 614.0}), other numbers without an exponent, booleans as
     * {@code true}/{@code false}, date-times as RFC 3339; the empty text for null. Arrays and objects are
     * written as JSON.
     *
     * @param value the value, as {@link Values#json(Object)} takes it, or null
     * @return its text
     */
    public static String text(Object value) {
        if (value == null) {
            return "";
        }
        JsonNode node = value instanceof JsonNode json ? json : Values.json(value);
        if (node.isNull() || node.isMissingNode()) {
            return "";
        }
        if (node.isNumber()) {
            if (node.isIntegralNumber()) {
                return node.bigIntegerValue().toString();
            }
            if (node.isDouble() || node.isFloat()) {
                double number = node.doubleValue();
                if (Double.isNaN(number) || Double.isInfinite(number)) {
                    return Double.toString(number);
                }
            }
            BigDecimal decimal = node.isBigDecimal() ? node.decimalValue()
                    : new BigDecimal(node.isFloat() ? Float.toString(node.floatValue()) : Double.toString(
                            node.doubleValue()));
            BigDecimal stripped = decimal.stripTrailingZeros();
            return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    /**
     * A value as the JSON text of a parameter described with {@code content: application/json}: it is then
     * sent as one primitive (percent-encoded in the path and query).
     *
     * @param value the value, as {@link Values#json(Object)} takes it, or null
     * @return its JSON text; null for null
     */
    public static String json(Object value) {
        return value == null ? null : Values.json(value).toString();
    }

    /** The value as JSON, its arrays and objects checked to hold primitives only. */
    private static JsonNode node(String name, Object value) {
        JsonNode node = Values.json(value);
        if (node.isContainerNode()) {
            for (JsonNode item : node) {
                if (item.isContainerNode()) {
                    throw new IllegalArgumentException("parameter '" + name + "' holds " + kind(node)
                            + " with nested arrays or objects; OpenAPI styles cannot serialize them");
                }
            }
        }
        return node;
    }

    private static String kind(JsonNode node) {
        return node.isArray() ? "an array" : node.isObject() ? "an object" : "a primitive";
    }

    /**
     * RFC 6570 expansion with operator prefix {@code first} and separator {@code separator}; {@code name}
     * set for the named (matrix) operator. Objects not exploded are {@code key,value,key,value}.
     */
    private static String expand(JsonNode node, String first, String separator, boolean explode, String name,
            boolean plain) {
        StringBuilder out = new StringBuilder();
        if (node.isValueNode()) {
            out.append(first);
            appendNamed(out, name, text(node), plain);
            return out.toString();
        }
        if (node.isEmpty()) {
            return "";
        }
        out.append(first);
        if (!explode) {
            if (name != null) {
                out.append(segment(name)).append('=');
            }
            out.append(joined(node, ",", false, plain, true));
            return out.toString();
        }
        boolean more = false;
        if (node.isArray()) {
            for (JsonNode item : node) {
                out.append(more ? separator : "");
                appendNamed(out, name, text(item), plain);
                more = true;
            }
        } else {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                out.append(more ? separator : "");
                String value = text(member.getValue());
                out.append(plain ? member.getKey() : segment(member.getKey()));
                if (name == null || !value.isEmpty()) {
                    out.append('=').append(plain ? value : segment(value));
                }
                more = true;
            }
        }
        return out.toString();
    }

    /** {@code name=value} for the named operator ({@code name} alone for an empty value), else the value. */
    private static void appendNamed(StringBuilder out, String name, String value, boolean plain) {
        if (name != null) {
            out.append(segment(name));
            if (!value.isEmpty()) {
                out.append('=');
            }
        }
        out.append(plain ? value : segment(value));
    }

    private static String joined(JsonNode node, String delimiter, boolean allowReserved) {
        return joined(node, delimiter, allowReserved, false, false);
    }

    private static String joinedPlain(JsonNode node) {
        return joined(node, ",", false, true, false);
    }

    /** A primitive's text, or the items of an array, or the keys and values of an object, joined. */
    private static String joined(JsonNode node, String delimiter, boolean allowReserved, boolean plain,
            boolean path) {
        if (node.isValueNode()) {
            return plain ? text(node) : path ? segment(text(node)) : encode(text(node), allowReserved);
        }
        List<String> parts = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(item -> parts.add(text(item)));
        } else {
            node.properties().forEach(member -> {
                parts.add(member.getKey());
                parts.add(text(member.getValue()));
            });
        }
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            out.append(out.length() == 0 ? "" : delimiter).append(plain ? part
                    : path ? segment(part) : encode(part, allowReserved));
        }
        return out.toString();
    }

    /**
     * Percent-encodes UTF-8 text: RFC 3986 unreserved characters stay; with {@code allowReserved}, reserved
     * characters and percent-encoded triples stay too, except those a query cannot hold as data
     * ({@code # [ ] & = +}).
     */
    static String encode(String value, boolean allowReserved) {
        return encode(value, allowReserved, false);
    }

    /** {@link #encode(String, boolean)} for a path: a value {@code .} or {@code ..} has its dots encoded too. */
    static String segment(String value) {
        return encode(value, false, true);
    }

    private static String encode(String value, boolean allowReserved, boolean path) {
        if (isAllUnreserved(value) && !(path && (value.equals(".") || value.equals("..")))) {
            return value; // nothing to encode: most ids, names and numbers
        }
        StringBuilder encoded = new StringBuilder();
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            char c = (char) (bytes[i] & 0xFF);
            boolean keep = isUnreserved(c) && !(path && c == '.' && (value.equals(".") || value.equals("..")))
                    || allowReserved && (isKeptReserved(c) || c == '%' && i + 2 < bytes.length
                            && isHex(bytes[i + 1]) && isHex(bytes[i + 2]));
            if (keep) {
                encoded.append(c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit((bytes[i] >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(bytes[i] & 0xF, 16)));
            }
        }
        return encoded.toString();
    }

    /** Whether every character of {@code value} is an RFC 3986 unreserved character (so ASCII). */
    private static boolean isAllUnreserved(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (!isUnreserved(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** RFC 3986's unreserved characters as bit masks: characters 0 to 63, and 64 to 127. */
    private static final long UNRESERVED_LOW = mask(0, "-.0123456789");
    private static final long UNRESERVED_HIGH = mask(64, "ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~");

    private static long mask(int from, String characters) {
        long mask = 0;
        for (int i = 0; i < characters.length(); i++) {
            mask |= 1L << (characters.charAt(i) - from);
        }
        return mask;
    }

    static boolean isUnreserved(char c) {
        // a shift of a long takes its distance modulo 64, so the high mask is shifted by c itself
        return c < 64 ? (UNRESERVED_LOW >>> c & 1) != 0 : c < 128 && (UNRESERVED_HIGH >>> c & 1) != 0;
    }

    private static boolean isKeptReserved(char c) {
        return ":/?@!$'()*,;".indexOf(c) >= 0;
    }

    private static boolean isHex(byte b) {
        return Character.digit((char) (b & 0xFF), 16) >= 0;
    }
}
