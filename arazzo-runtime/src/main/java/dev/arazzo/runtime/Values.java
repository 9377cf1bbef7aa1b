package dev.arazzo.runtime;

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
public final class Values {

    static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * The XML error handler of criteria: errors fail the parse, nothing is printed (the JDK's default
     * handler writes {@code [Fatal Error]} to stderr).
     */
    static final org.xml.sax.ErrorHandler QUIET = new org.xml.sax.ErrorHandler() {
        @Override
        public void warning(org.xml.sax.SAXParseException exception) {
            // a warning does not make the text less XML
        }

        @Override
        public void error(org.xml.sax.SAXParseException exception) throws org.xml.sax.SAXException {
            throw exception;
        }

        @Override
        public void fatalError(org.xml.sax.SAXParseException exception) throws org.xml.sax.SAXException {
            throw exception;
        }
    };

    private Values() {
    }

    /**
     * An object from alternating names and values; entries whose value is null are left out.
     *
     * @param namesAndValues a name (a {@code String}), then its value, as {@link #json(Object)} writes it, ...
     * @return a new object node
     */
    public static ObjectNode object(Object... namesAndValues) {
        ObjectNode object = MAPPER.createObjectNode();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value != null) {
                object.set((String) namesAndValues[i], json(value));
            }
        }
        return object;
    }

    /** The classes of the JDK's immutable lists and maps ({@code List.of}, {@code copyOf}, {@code Stream.toList}). */
    private static final Class<?> LIST_12 = List.of(1).getClass();
    private static final Class<?> LIST_N = List.of().getClass();
    private static final Class<?> MAP_1 = Map.of(1, 1).getClass();
    private static final Class<?> MAP_N = Map.of().getClass();

    /**
     * A list as a record component keeps it: unmodifiable, and not changed by what its giver does to theirs later.
     * A list of the JDK's immutable ones ({@code List.of}, {@code List.copyOf}, {@code Stream.toList}) is kept as
     * it is; any other is copied into an unmodifiable list, in its order, nulls kept.
     *
     * @param <T> the element type
     * @param list the list, or null
     * @return an unmodifiable list of the same elements, or null for null
     */
    public static <T> List<T> copyOf(List<T> list) {
        if (list == null || list.getClass() == LIST_N || list.getClass() == LIST_12) {
            return list;
        }
        return Collections.unmodifiableList(new ArrayList<>(list));
    }

    /**
     * A map as a record component keeps it, as {@link #copyOf(List)} does a list: one of the JDK's immutable maps
     * ({@code Map.of}, {@code Map.copyOf}) is kept as it is, any other copied into an unmodifiable map in its
     * iteration order, null values kept.
     *
     * @param <K> the key type
     * @param <V> the value type
     * @param map the map, or null
     * @return an unmodifiable map of the same entries, or null for null
     */
    public static <K, V> Map<K, V> copyOf(Map<K, V> map) {
        if (map == null || map.getClass() == MAP_N || map.getClass() == MAP_1) {
            return map;
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /**
     * An array of the given values, nulls kept as JSON null.
     *
     * @param values the elements, as {@link #json(Object)} writes them
     * @return a new array node
     */
    public static ArrayNode array(Object... values) {
        ArrayNode array = MAPPER.createArrayNode();
        for (Object value : values) {
            array.add(json(value));
        }
        return array;
    }

    /**
     * Any value of a generated type as JSON: a node as itself, a {@link JsonValue} as it writes itself,
     * text, numbers, booleans, lists, maps, {@code java.time} and {@code UUID} values.
     *
     * @param value the value, or null
     * @return its JSON; JSON null for null
     * @throws WorkflowException if the value is of another type
     */
    public static JsonNode json(Object value) {
        // text first: the commonest value, and String a final class, where each interface test below is a search
        if (value instanceof String text) {
            return MAPPER.getNodeFactory().textNode(text);
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof JsonValue generated) {
            return generated.toJson();
        }
        return value == null ? MAPPER.nullNode() : plainJson(value);
    }

    /**
     * Sets {@code value} at the JSON Pointer {@code target} of {@code payload} (a Payload Replacement Object).
     *
     * @param payload the payload, changed in place
     * @param target a JSON Pointer to a member of an object or an element of an array that exists
     * @param value the value to put there, as {@link #json(Object)} writes it
     * @return the payload; the value itself when {@code target} is empty
     * @throws WorkflowException if {@code target} is not in the payload
     */
    public static JsonNode replace(JsonNode payload, String target, Object value) {
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

    /**
     * A value as text for a parameter, a header or an embedded expression.
     *
     * @param value the value, or null
     * @return JSON scalars without quotes (numbers as {@link ParameterStyles#text(Object)} writes them), other
     *     JSON as JSON, generated types as their JSON, else
     *     {@code toString()}; empty for null
     */
    public static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof JsonNode node) {
            return node.isValueNode() ? ParameterStyles.text(node) : node.toString();
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal
                || value instanceof JsonValue || value instanceof OffsetDateTime) {
            return text(json(value));
        }
        return value.toString();
    }

    /**
     * The node at {@code pointer} of a value, as JSON.
     *
     * @param value the value, as {@link #json(Object)} writes it, or null
     * @param pointer a JSON Pointer
     * @return the node there, or a missing node when there is none
     */
    public static JsonNode at(Object value, String pointer) {
        return value == null ? MAPPER.missingNode() : json(value).at(pointer);
    }

    /**
     * A response value read as a {@code String}.
     *
     * @param node the value, or null
     * @return JSON scalars as their text, other JSON as JSON; null when absent or JSON null
     */
    public static String string(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    /**
     * A response value read as an {@code Integer}.
     *
     * @param node the value, or null
     * @return the number; null when absent or JSON null
     * @throws WorkflowException if it is not a 32-bit integer
     */
    public static Integer integer(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        if (node.canConvertToInt() && (node.isIntegralNumber() || node.isTextual())) {
            return node.asInt();
        }
        throw mismatch("a 32-bit integer", node);
    }

    /**
     * A response value read as a {@code Long}.
     *
     * @param node the value, or null
     * @return the number; null when absent or JSON null
     * @throws WorkflowException if it is not a 64-bit integer
     */
    public static Long int64(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        if (node.canConvertToLong() && (node.isIntegralNumber() || node.isTextual())) {
            return node.asLong();
        }
        throw mismatch("a 64-bit integer", node);
    }

    /**
     * A response value read as a {@code Double}.
     *
     * @param node the value, or null
     * @return the number; null when absent or JSON null
     * @throws WorkflowException if it is not a number
     */
    public static Double number(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        throw mismatch("a number", node);
    }

    /**
     * A response value read as a {@code Boolean}.
     *
     * @param node the value, or null
     * @return the boolean; null when absent or JSON null
     * @throws WorkflowException if it is not a boolean
     */
    public static Boolean bool(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        throw mismatch("a boolean", node);
    }

    /**
     * A response value read as a {@code JsonNode}.
     *
     * @param node the value, or null
     * @return the node itself, or null when it is missing
     */
    public static JsonNode node(JsonNode node) {
        return node == null || node.isMissingNode() ? null : node;
    }

    /**
     * {@code value.name} in a criterion.
     *
     * @param value the value, as {@link #json(Object)} writes it
     * @param name the member's name
     * @return the member, or a missing node
     */
    public static JsonNode property(Object value, String name) {
        return json(value).path(name);
    }

    /**
     * {@code value[index]} in a criterion.
     *
     * @param value the value, as {@link #json(Object)} writes it
     * @param index the element's index
     * @return the element, or a missing node
     */
    public static JsonNode index(Object value, int index) {
        return json(value).path(index);
    }

    /**
     * {@code ==} in a criterion: strings case-insensitively, numbers (and texts that read as numbers) by
     * value; values of other, different types are never equal; null equals only null.
     *
     * @param left the left operand
     * @param right the right operand
     * @return whether they are equal
     */
    public static boolean equal(Object left, Object right) {
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

    /**
     * {@code !=} in a criterion.
     *
     * @param left the left operand
     * @param right the right operand
     * @return whether {@link #equal(Object, Object)} is false
     */
    public static boolean notEqual(Object left, Object right) {
        return !equal(left, right);
    }

    /**
     * {@code <} in a criterion: numbers by value, strings case-insensitively; else false.
     *
     * @param left the left operand
     * @param right the right operand
     * @return whether left is ordered before right
     */
    public static boolean lessThan(Object left, Object right) {
        Integer order = order(left, right);
        return order != null && order < 0;
    }

    /**
     * {@code <=} in a criterion.
     *
     * @param left the left operand
     * @param right the right operand
     * @return whether left is ordered before right or with it
     */
    public static boolean lessOrEqual(Object left, Object right) {
        Integer order = order(left, right);
        return order != null && order <= 0;
    }

    /**
     * {@code >} in a criterion.
     *
     * @param left the left operand
     * @param right the right operand
     * @return whether left is ordered after right
     */
    public static boolean greaterThan(Object left, Object right) {
        Integer order = order(left, right);
        return order != null && order > 0;
    }

    /**
     * {@code >=} in a criterion.
     *
     * @param left the left operand
     * @param right the right operand
     * @return whether left is ordered after right or with it
     */
    public static boolean greaterOrEqual(Object left, Object right) {
        Integer order = order(left, right);
        return order != null && order >= 0;
    }

    /**
     * A lone value as a condition.
     *
     * @param value the value
     * @return true when it is true or the text "true" (in any case)
     */
    public static boolean truthy(Object value) {
        Object plain = plain(value);
        return Boolean.TRUE.equals(plain) || (plain instanceof String text && text.equalsIgnoreCase("true"));
    }

    /**
     * A regex criterion: whether the pattern is found in the value's text.
     *
     * @param pattern the criterion's pattern
     * @param value the context
     * @return whether the pattern is found; never for null
     */
    public static boolean find(Pattern pattern, Object value) {
        Object plain = plain(value);
        return plain != null && pattern.matcher(plain instanceof JsonNode node ? node.toString() : text(plain)).find();
    }

    /**
     * An xpath criterion of XPath 1.0, with the JDK's engine: whether {@code expression} holds for the
     * value's text parsed as XML. DTDs and external entities are refused.
     *
     * @param expression an XPath 1.0 expression
     * @param value the context
     * @return whether it holds; never for null or text that is not XML
     */
    public static boolean xpath(String expression, Object value) {
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
            javax.xml.parsers.DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(QUIET);
            org.w3c.dom.Document document = builder.parse(new org.xml.sax.InputSource(
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

    private static Mismatch mismatch(String expected, JsonNode node) {
        String found = node.toString();
        return new Mismatch(expected, found.length() > 64 ? found.substring(0, 64) + "..." : found, "");
    }

    /**
     * A response value that is not of the type its schema gives: what was expected, the start of what
     * came, and where below the value read it is ({@code ""} for the value itself, else a JSON Pointer:
     * lists and maps add the index or the key of the element that did not read).
     */
    static final class Mismatch extends WorkflowException {

        private static final long serialVersionUID = 1L;

        private final String expected;
        private final String found;
        private final String pointer;

        Mismatch(String expected, String found, String pointer) {
            super("expected " + expected + " in the response" + (pointer.isEmpty() ? "" : " at " + pointer)
                    + " but found " + found);
            this.expected = expected;
            this.found = found;
            this.pointer = pointer;
        }

        String expected() {
            return expected;
        }

        String found() {
            return found;
        }

        String pointer() {
            return pointer;
        }

        /** The same mismatch, seen from the value that holds it under {@code token}. */
        Mismatch within(String token) {
            return new Mismatch(expected, found, "/" + token.replace("~", "~0").replace("/", "~1") + pointer);
        }
    }

    /**
     * A member of a generated response record: read by {@code reader}, or null when it is not of the
     * type its schema gives, so that a member nothing reads cannot fail a run. (A step checks the
     * members its outputs and criteria read with {@link HttpExchange#read}, which fails instead.)
     *
     * @param <T> the member's type
     * @param node the member's value, or null
     * @param reader reads it
     * @return the value read; null when absent, JSON null, or not of the type
     */
    public static <T> T tolerant(JsonNode node, Function<JsonNode, T> reader) {
        try {
            return reader.apply(node);
        } catch (Mismatch e) {
            return null;
        }
    }

    // ---- values of the types generated from schemas ----------------------------------------------

    /**
     * A Java value of a type that generated records hold, as JSON: text, numbers, booleans, lists, maps,
     * java.time and UUID values as their ISO text (RFC 3339 for date-times, seconds always written), and
     * bytes as base64 text.
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
        if (value instanceof byte[] bytes) {
            return MAPPER.getNodeFactory().textNode(java.util.Base64.getEncoder().encodeToString(bytes));
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
            // forEach, not the entry set: an unmodifiable map wraps every entry its entry set hands out
            ObjectNode object = MAPPER.createObjectNode();
            entries.forEach((name, item) -> object.set(String.valueOf(name), json(item)));
            return object;
        }
        throw new WorkflowException("a " + value.getClass().getName() + " cannot be written as JSON here");
    }

    /**
     * A value read as bytes: a JSON text in Base64, as {@link #json(Object)} writes a {@code byte[]}.
     *
     * @param node the value, or null
     * @return the bytes; null when absent or JSON null
     * @throws WorkflowException if it is not Base64 text
     */
    public static byte[] bytes(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        if (node.isTextual()) {
            try {
                return java.util.Base64.getDecoder().decode(node.asText());
            } catch (IllegalArgumentException e) {
                throw mismatch("Base64 text", node);
            }
        }
        throw mismatch("Base64 text", node);
    }

    /**
     * A response value read as a {@code Float}.
     *
     * @param node the value, or null
     * @return the number; null when absent or JSON null
     * @throws WorkflowException if it is not a number
     */
    public static Float float32(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        if (node.isNumber()) {
            return node.floatValue();
        }
        throw mismatch("a number", node);
    }

    /**
     * A response value read as an RFC 3339 date-time, such as {@code 2024-05-01T10:15:30Z}.
     *
     * @param node the value, or null
     * @return the date-time; null when absent or JSON null
     * @throws WorkflowException if it is not a date-time
     */
    public static OffsetDateTime dateTime(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        try {
            return OffsetDateTime.parse(node.asText(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            throw mismatch("a date-time", node);
        }
    }

    /**
     * A response value read as a full date, such as {@code 2024-05-01}.
     *
     * @param node the value, or null
     * @return the date; null when absent or JSON null
     * @throws WorkflowException if it is not a date
     */
    public static LocalDate date(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        try {
            return LocalDate.parse(node.asText());
        } catch (DateTimeParseException e) {
            throw mismatch("a date", node);
        }
    }

    /**
     * A response value read as a {@code UUID}.
     *
     * @param node the value, or null
     * @return the UUID; null when absent or JSON null
     * @throws WorkflowException if it is not a UUID
     */
    public static UUID uuid(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        try {
            return UUID.fromString(node.asText());
        } catch (IllegalArgumentException e) {
            throw mismatch("a UUID", node);
        }
    }

    /**
     * A JSON array as an unmodifiable list.
     *
     * @param <T> the element type
     * @param node the value, or null
     * @param element reads each element
     * @return the list; null when absent or JSON null
     * @throws WorkflowException if it is not an array
     */
    public static <T> List<T> list(JsonNode node, Function<JsonNode, T> element) {
        if (absent(node)) {
            return null;
        }
        if (!node.isArray()) {
            throw mismatch("an array", node);
        }
        List<T> list = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            try {
                list.add(element.apply(node.get(i)));
            } catch (Mismatch e) {
                throw e.within(Integer.toString(i));
            }
        }
        return Collections.unmodifiableList(list);
    }

    /**
     * A JSON object as an unmodifiable map in document order.
     *
     * @param <T> the value type
     * @param node the value, or null
     * @param value reads each member's value
     * @return the map; null when absent or JSON null
     * @throws WorkflowException if it is not an object
     */
    public static <T> Map<String, T> map(JsonNode node, Function<JsonNode, T> value) {
        if (absent(node)) {
            return null;
        }
        if (!node.isObject()) {
            throw mismatch("an object", node);
        }
        Map<String, T> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            try {
                map.put(field.getKey(), value.apply(field.getValue()));
            } catch (Mismatch e) {
                throw e.within(field.getKey());
            }
        }
        return Collections.unmodifiableMap(map);
    }

    /**
     * Reads a list whose elements {@code element} reads: for lists inside lists and maps.
     *
     * @param <T> the element type
     * @param element reads each element
     * @return a reader of such lists, as {@link #list(JsonNode, Function)}
     */
    public static <T> Function<JsonNode, List<T>> listOf(Function<JsonNode, T> element) {
        return node -> list(node, element);
    }

    /**
     * Reads a map whose values {@code value} reads: for maps inside lists and maps.
     *
     * @param <T> the value type
     * @param value reads each member's value
     * @return a reader of such maps, as {@link #map(JsonNode, Function)}
     */
    public static <T> Function<JsonNode, Map<String, T>> mapOf(Function<JsonNode, T> value) {
        return node -> map(node, value);
    }

    /**
     * The object a generated record is read from.
     *
     * @param node the value, or null
     * @param type the record's name, for the message
     * @return the object; null when absent or JSON null
     * @throws WorkflowException if it is not an object
     */
    public static JsonNode fields(JsonNode node, String type) {
        if (absent(node)) {
            return null;
        }
        if (!node.isObject()) {
            throw mismatch("an object (" + type + ")", node);
        }
        return node;
    }
    // ---- XPath Selector Objects (Arazzo 1.1), XPath 1.0 with the JDK's engine ---------------------------

    /**
     * The nodes an XPath 1.0 selector selects in the value's text as XML, each as its string value.
     *
     * @param expression an XPath 1.0 expression whose result is a node-set
     * @param value the selector's context (a String, or a JSON text node, holding XML)
     * @param selected what selects, for messages: the step and the selector
     * @return the string values of the nodes, in document order
     * @throws WorkflowException naming the selector, when the value is absent or not XML
     */
    public static List<String> xpathNodes(String expression, Object value, String selected) {
        org.w3c.dom.NodeList nodes = (org.w3c.dom.NodeList) xpathEvaluate(expression, value, selected,
                javax.xml.xpath.XPathConstants.NODESET);
        List<String> texts = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return Collections.unmodifiableList(texts);
    }

    /**
     * The one node an XPath 1.0 selector selects where one value is needed, as its string value.
     *
     * @param expression an XPath 1.0 expression whose result is a node-set
     * @param value the selector's context
     * @param selected what selects, for messages
     * @return the node's string value
     * @throws WorkflowException naming the selector, when it selects no node or several, or the value is not XML
     */
    public static String xpathNode(String expression, Object value, String selected) {
        return one(xpathNodes(expression, value, selected), selected);
    }

    /**
     * The one item of a selector's result where one value is needed.
     *
     * @param items the string values the selector gave
     * @param selected what selected them, for the message
     * @return the one item
     * @throws WorkflowException naming the selector, when there are none or several
     */
    static String one(List<String> items, String selected) {
        if (items.size() != 1) {
            throw new WorkflowException(selected + " selected " + items.size() + " nodes where one value is needed");
        }
        return items.get(0);
    }

    /**
     * An XPath 1.0 selector whose result is a string ({@code string(...)}, {@code concat(...)}, ...).
     *
     * @param expression the expression
     * @param value the selector's context
     * @param selected what selects, for messages
     * @return the string
     * @throws WorkflowException naming the selector, when the value is absent or not XML
     */
    public static String xpathString(String expression, Object value, String selected) {
        return (String) xpathEvaluate(expression, value, selected, javax.xml.xpath.XPathConstants.STRING);
    }

    /**
     * An XPath 1.0 selector whose result is a number ({@code count(...)}, {@code sum(...)}, arithmetic).
     *
     * @param expression the expression
     * @param value the selector's context
     * @param selected what selects, for messages
     * @return the number (NaN where XPath gives NaN)
     * @throws WorkflowException naming the selector, when the value is absent or not XML
     */
    public static Double xpathNumber(String expression, Object value, String selected) {
        return (Double) xpathEvaluate(expression, value, selected, javax.xml.xpath.XPathConstants.NUMBER);
    }

    /**
     * An XPath 1.0 selector whose result is a boolean (a comparison, {@code not(...)}, {@code boolean(...)}).
     *
     * @param expression the expression
     * @param value the selector's context
     * @param selected what selects, for messages
     * @return the boolean
     * @throws WorkflowException naming the selector, when the value is absent or not XML
     */
    public static Boolean xpathBoolean(String expression, Object value, String selected) {
        return (Boolean) xpathEvaluate(expression, value, selected, javax.xml.xpath.XPathConstants.BOOLEAN);
    }

    /** The text of a selector's context; a WorkflowException naming the selector when there is none. */
    static String xml(Object value, String selected) {
        Object plain = plain(value);
        if (plain == null) {
            throw new WorkflowException(selected + " has no XML to select in: its context is absent");
        }
        return plain instanceof JsonNode node ? node.toString() : text(plain);
    }

    private static Object xpathEvaluate(String expression, Object value, String selected,
            javax.xml.namespace.QName type) {
        String text = xml(value, selected);
        try {
            javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(false);
            javax.xml.parsers.DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(QUIET);
            org.w3c.dom.Document document = builder.parse(new org.xml.sax.InputSource(new java.io.StringReader(text)));
            return javax.xml.xpath.XPathFactory.newInstance().newXPath().evaluate(expression, document, type);
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException | java.io.IOException e) {
            throw new WorkflowException(selected + " cannot select in its context, which is not XML (or holds a "
                    + "DTD): " + e.getMessage());
        } catch (javax.xml.xpath.XPathExpressionException e) {
            throw new WorkflowException(selected + " failed: " + e.getMessage());
        }
    }
}
