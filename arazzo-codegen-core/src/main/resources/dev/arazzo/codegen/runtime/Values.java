package dev.arazzo.codegen.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * JSON building and reading, and the comparison rules of Arazzo criteria, for generated workflows.
 *
 * <p>Criteria compare strings case-insensitively; a number and a text that reads as a number compare
 * as numbers; values of other, different types are never equal and never ordered.
 */
final class Values {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Values() {
    }

    /** An object from alternating names and values; entries whose value is null are left out. */
    static ObjectNode object(Object... namesAndValues) {
        ObjectNode object = MAPPER.createObjectNode();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value != null) {
                object.set((String) namesAndValues[i], json(value));
            }
        }
        return object;
    }

    /** An array of the given values, nulls kept as JSON null. */
    static ArrayNode array(Object... values) {
        ArrayNode array = MAPPER.createArrayNode();
        for (Object value : values) {
            array.add(json(value));
        }
        return array;
    }

    /** Any value of a generated type as JSON. */
    static JsonNode json(Object value) {
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof JsonValue generated) {
            return generated.toJson();
        }
        return value == null ? MAPPER.nullNode() : plainJson(value);
    }

    /** Sets {@code value} at the JSON Pointer {@code target} of {@code payload} (a Payload Replacement Object). */
    static JsonNode replace(JsonNode payload, String target, Object value) {
        if (target.isEmpty()) {
            return json(value);
        }
        int slash = target.lastIndexOf('/');
        JsonNode parent = payload.at(target.substring(0, slash));
        String name = target.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode object) {
            object.set(name, json(value));
        } else if (parent instanceof ArrayNode array && name.chars().allMatch(Character::isDigit) && !name.isEmpty()
                && Integer.parseInt(name) < array.size()) {
            array.set(Integer.parseInt(name), json(value));
        } else {
            throw new WorkflowException("replacement target '" + target + "' is not in the payload");
        }
        return payload;
    }

    /** A value as text for a parameter, a header or an embedded expression; JSON text without quotes. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof JsonNode node) {
            return node.isValueNode() ? node.asText() : node.toString();
        }
        return value instanceof JsonValue || value instanceof OffsetDateTime ? text(json(value)) : value.toString();
    }

    /** The node at {@code pointer} of a value, as JSON; a missing node when there is none. */
    static JsonNode at(Object value, String pointer) {
        return value == null ? MAPPER.missingNode() : json(value).at(pointer);
    }

    static String string(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    static Integer integer(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        if (node.canConvertToInt() && (node.isIntegralNumber() || node.isTextual())) {
            return node.asInt();
        }
        throw mismatch("a 32-bit integer", node);
    }

    static Long int64(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        if (node.canConvertToLong() && (node.isIntegralNumber() || node.isTextual())) {
            return node.asLong();
        }
        throw mismatch("a 64-bit integer", node);
    }

    static Double number(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        throw mismatch("a number", node);
    }

    static Boolean bool(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        throw mismatch("a boolean", node);
    }

    /** A node as itself, or null when it is missing. */
    static JsonNode node(JsonNode node) {
        return node == null || node.isMissingNode() ? null : node;
    }

    /** {@code value.name} in a criterion. */
    static JsonNode property(Object value, String name) {
        return json(value).path(name);
    }

    /** {@code value[index]} in a criterion. */
    static JsonNode index(Object value, int index) {
        return json(value).path(index);
    }

    static boolean equal(Object left, Object right) {
        Object a = plain(left);
        Object b = plain(right);
        if (a == null || b == null) {
            return a == null && b == null;
        }
        if (a instanceof BigDecimal || b instanceof BigDecimal) {
            BigDecimal x = decimal(a);
            BigDecimal y = decimal(b);
            return x != null && y != null && x.compareTo(y) == 0;
        }
        if (a instanceof String x && b instanceof String y) {
            return x.equalsIgnoreCase(y);
        }
        return a.equals(b);
    }

    static boolean notEqual(Object left, Object right) {
        return !equal(left, right);
    }

    static boolean lessThan(Object left, Object right) {
        Integer order = order(left, right);
        return order != null && order < 0;
    }

    static boolean lessOrEqual(Object left, Object right) {
        Integer order = order(left, right);
        return order != null && order <= 0;
    }

    static boolean greaterThan(Object left, Object right) {
        Integer order = order(left, right);
        return order != null && order > 0;
    }

    static boolean greaterOrEqual(Object left, Object right) {
        Integer order = order(left, right);
        return order != null && order >= 0;
    }

    /** A lone value as a condition: true when it is true or the text "true". */
    static boolean truthy(Object value) {
        Object plain = plain(value);
        return Boolean.TRUE.equals(plain) || (plain instanceof String text && text.equalsIgnoreCase("true"));
    }

    /** A regex criterion: whether the pattern is found in the value's text (null: never). */
    static boolean find(Pattern pattern, Object value) {
        Object plain = plain(value);
        return plain != null && pattern.matcher(plain instanceof JsonNode node ? node.toString() : text(plain)).find();
    }

    /**
     * An xpath criterion: whether {@code expression} (XPath 1.0, the JDK's engine) holds for the value's
     * text parsed as XML; text that is not XML never matches. DTDs and external entities are refused.
     */
    static boolean xpath(String expression, Object value) {
        Object plain = plain(value);
        if (plain == null) {
            return false;
        }
        try {
            javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(false);
            org.w3c.dom.Document document = factory.newDocumentBuilder().parse(new org.xml.sax.InputSource(
                    new java.io.StringReader(plain instanceof JsonNode node ? node.toString() : text(plain))));
            javax.xml.xpath.XPath xpath = javax.xml.xpath.XPathFactory.newInstance().newXPath();
            return (Boolean) xpath.evaluate(expression, document, javax.xml.xpath.XPathConstants.BOOLEAN);
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException | java.io.IOException
                | javax.xml.xpath.XPathExpressionException e) {
            return false;
        }
    }

    private static Integer order(Object left, Object right) {
        Object a = plain(left);
        Object b = plain(right);
        if (a == null || b == null) {
            return null;
        }
        if (a instanceof BigDecimal || b instanceof BigDecimal) {
            BigDecimal x = decimal(a);
            BigDecimal y = decimal(b);
            return x == null || y == null ? null : x.compareTo(y);
        }
        if (a instanceof String x && b instanceof String y) {
            return x.toLowerCase(Locale.ROOT).compareTo(y.toLowerCase(Locale.ROOT));
        }
        return null;
    }

    /** JSON and Java values reduced to null, String, BigDecimal, Boolean or a container node. */
    private static Object plain(Object value) {
        if (value instanceof JsonNode node) {
            if (node.isNull() || node.isMissingNode()) {
                return null;
            }
            if (node.isTextual()) {
                return node.asText();
            }
            if (node.isNumber()) {
                return node.decimalValue();
            }
            if (node.isBoolean()) {
                return node.asBoolean();
            }
            return node;
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        if (value instanceof Boolean || value instanceof String || value == null) {
            return value;
        }
        return plain(json(value));
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof String text) {
            try {
                return new BigDecimal(text.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    private static WorkflowException mismatch(String expected, JsonNode node) {
        String found = node.toString();
        return new WorkflowException("expected " + expected + " in the response but found "
                + (found.length() > 64 ? found.substring(0, 64) + "..." : found));
    }

    // ---- values of the types generated from schemas ----------------------------------------------

    /**
     * A Java value of a type that generated records hold, as JSON: text, numbers, booleans, lists, maps,
     * and java.time and UUID values as their ISO text (RFC 3339 for date-times, seconds always written).
     */
    private static JsonNode plainJson(Object value) {
        if (value instanceof String text) {
            return MAPPER.getNodeFactory().textNode(text);
        }
        if (value instanceof Boolean bool) {
            return MAPPER.getNodeFactory().booleanNode(bool);
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return MAPPER.getNodeFactory().numberNode(((Number) value).intValue());
        }
        if (value instanceof Long number) {
            return MAPPER.getNodeFactory().numberNode(number);
        }
        if (value instanceof Double number) {
            return MAPPER.getNodeFactory().numberNode(number);
        }
        if (value instanceof Float number) {
            return MAPPER.getNodeFactory().numberNode(number);
        }
        if (value instanceof BigDecimal number) {
            return MAPPER.getNodeFactory().numberNode(number);
        }
        if (value instanceof BigInteger number) {
            return MAPPER.getNodeFactory().numberNode(number);
        }
        if (value instanceof OffsetDateTime dateTime) {
            return MAPPER.getNodeFactory().textNode(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dateTime));
        }
        if (value instanceof LocalDate || value instanceof UUID) {
            return MAPPER.getNodeFactory().textNode(value.toString());
        }
        if (value instanceof Iterable<?> items) {
            ArrayNode array = MAPPER.createArrayNode();
            items.forEach(item -> array.add(json(item)));
            return array;
        }
        if (value instanceof Map<?, ?> entries) {
            ObjectNode object = MAPPER.createObjectNode();
            entries.forEach((name, item) -> object.set(String.valueOf(name), json(item)));
            return object;
        }
        throw new IllegalArgumentException("a " + value.getClass().getName() + " cannot be written as JSON here");
    }

    static Float float32(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        if (node.isNumber()) {
            return node.floatValue();
        }
        throw mismatch("a number", node);
    }

    /** An RFC 3339 date-time, such as {@code 2024-05-01T10:15:30Z}. */
    static OffsetDateTime dateTime(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        try {
            return OffsetDateTime.parse(node.asText(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            throw mismatch("a date-time", node);
        }
    }

    /** A full date, such as {@code 2024-05-01}. */
    static LocalDate date(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        try {
            return LocalDate.parse(node.asText());
        } catch (DateTimeParseException e) {
            throw mismatch("a date", node);
        }
    }

    static UUID uuid(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        try {
            return UUID.fromString(node.asText());
        } catch (IllegalArgumentException e) {
            throw mismatch("a UUID", node);
        }
    }

    /** A JSON array as an unmodifiable list, each element read by {@code element}; null when absent. */
    static <T> List<T> list(JsonNode node, Function<JsonNode, T> element) {
        if (absent(node)) {
            return null;
        }
        if (!node.isArray()) {
            throw mismatch("an array", node);
        }
        List<T> list = new ArrayList<>(node.size());
        node.forEach(item -> list.add(element.apply(item)));
        return Collections.unmodifiableList(list);
    }

    /** A JSON object as an unmodifiable map in document order, each value read by {@code value}; null when absent. */
    static <T> Map<String, T> map(JsonNode node, Function<JsonNode, T> value) {
        if (absent(node)) {
            return null;
        }
        if (!node.isObject()) {
            throw mismatch("an object", node);
        }
        Map<String, T> map = new LinkedHashMap<>();
        node.properties().forEach(field -> map.put(field.getKey(), value.apply(field.getValue())));
        return Collections.unmodifiableMap(map);
    }

    /** Reads a list whose elements {@code element} reads: for lists inside lists and maps. */
    static <T> Function<JsonNode, List<T>> listOf(Function<JsonNode, T> element) {
        return node -> list(node, element);
    }

    /** Reads a map whose values {@code value} reads: for maps inside lists and maps. */
    static <T> Function<JsonNode, Map<String, T>> mapOf(Function<JsonNode, T> value) {
        return node -> map(node, value);
    }

    /** The object a generated record is read from; null when absent. */
    static JsonNode fields(JsonNode node, String type) {
        if (absent(node)) {
            return null;
        }
        if (!node.isObject()) {
            throw mismatch("an object (" + type + ")", node);
        }
        return node;
    }
}
