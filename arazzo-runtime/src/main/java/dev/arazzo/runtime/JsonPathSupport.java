package dev.arazzo.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Helpers called by the JSONPath queries (RFC 9535) that arazzo-codegen compiled into Java: selectors,
 * the comparisons and functions of filters, and the I-Regexp (RFC 9485) translation of {@code match()}
 * and {@code search()}.
 *
 * <p>Node lists are {@code Stream<JsonNode>}s; a missing value (the RFC's Nothing) is a
 * {@code MissingNode}, or {@code null} where a caller passes one. A selector is a function from a node
 * to the nodes it selects, for {@code Stream.flatMap}:
 *
 * <pre>{@code
 * // $.store.book[?@.price < 10].title
 * List<JsonNode> titles = JsonPathSupport.select(body)
 *         .flatMap(JsonPathSupport.member("store"))
 *         .flatMap(JsonPathSupport.member("book"))
 *         .flatMap(JsonPathSupport.filter(node -> JsonPathSupport.less(node.path("price"), IntNode.valueOf(10))))
 *         .flatMap(JsonPathSupport.member("title"))
 *         .toList();
 * }</pre>
 */
public final class JsonPathSupport {

    /**
     * Literal patterns of the compiled queries, translated and compiled once each; empty when invalid.
     */
    private static final Map<String, Optional<Pattern>> PATTERNS = new ConcurrentHashMap<>();

    /**
     * The inside of an I-Regexp range quantifier {@code {n}}, {@code {n,}} or {@code {n,m}}.
     */
    private static final Pattern RANGE = Pattern.compile("[0-9]+(,[0-9]*)?");

    /**
     * The Unicode general categories that I-Regexp allows in {@code \p{...}}; Java knows them all.
     */
    private static final Pattern CATEGORY =
            Pattern.compile("\\{(L[lmotu]?|M[cen]?|N[dlo]?|P[cdefios]?|Z[lps]?|S[ckmo]?|C[cfno]?)\\}");

    private JsonPathSupport() {
    }

    /**
     * The start of a query: the node itself, or no node when it is {@code null} or missing.
     *
     * @param node the query's root or current node, or null
     * @return no node or one
     */
    public static Stream<JsonNode> select(JsonNode node) {
        return node == null || node.isMissingNode() ? Stream.empty() : Stream.of(node);
    }

    /**
     * Applies a query whose filters read the root ({@code $}) to the given root, read once.
     *
     * @param <T> what the query gives
     * @param root the root, or null (Nothing)
     * @param query the compiled query, given the root
     * @return what the query gives for the root
     */
    public static <T> T evaluate(JsonNode root, Function<JsonNode, T> query) {
        return query.apply(root == null ? MissingNode.getInstance() : root);
    }

    /**
     * Applies an Arazzo JSONPath criterion to its context.
     *
     * @param context the criterion's context, or null (Nothing)
     * @param condition the compiled criterion
     * @return whether the criterion holds
     */
    public static boolean test(JsonNode context, Predicate<JsonNode> condition) {
        return condition.test(context == null ? MissingNode.getInstance() : context);
    }

    /**
     * An Arazzo criterion's root filter {@code $[?...]}: an array context is filtered as RFC 9535 says; any
     * other context is itself tested.
     *
     * @param context the criterion's context
     * @param condition the filter's condition
     * @return the elements, or the context itself, for which the condition holds
     */
    public static Stream<JsonNode> filterContext(JsonNode context, Predicate<JsonNode> condition) {
        return context.isArray() ? children(context).filter(condition) : select(context).filter(condition);
    }

    /**
     * Wildcard selector {@code *}: the elements of an array or the member values of an object.
     *
     * @param node the node
     * @return its children in document order; none for a scalar
     */
    public static Stream<JsonNode> children(JsonNode node) {
        return StreamSupport.stream(node.spliterator(), false);
    }

    /**
     * Name selector: the value of the named member of an object.
     *
     * @param name the member's name
     * @return the selector
     */
    public static Function<JsonNode, Stream<JsonNode>> member(String name) {
        return node -> select(node.get(name));
    }

    /**
     * Index selector: an array element; negative indices count from the end.
     *
     * @param index the index
     * @return the selector
     */
    public static Function<JsonNode, Stream<JsonNode>> element(long index) {
        return node -> select(at(node, index));
    }

    /**
     * The array element at an index (negative: from the end), for singular queries.
     *
     * @param node the node
     * @param index the index
     * @return the element, or a missing node when there is none
     */
    public static JsonNode at(JsonNode node, long index) {
        if (!node.isArray()) {
            return MissingNode.getInstance();
        }
        long position = index < 0 ? node.size() + index : index;
        return position >= 0 && position < node.size() ? node.get((int) position) : MissingNode.getInstance();
    }

    /**
     * Slice selector {@code start:end:step} (RFC 9535, section 2.3.4.2.2).
     *
     * @param start the first index, or null for the default
     * @param end the index to stop before, or null for the default
     * @param step the step, or null for 1
     * @return the selector
     */
    public static Function<JsonNode, Stream<JsonNode>> slice(Long start, Long end, Long step) {
        long by = step == null ? 1 : step;
        return node -> {
            if (!node.isArray() || by == 0) {
                return Stream.empty();
            }
            long length = node.size();
            List<JsonNode> selected = new ArrayList<>();
            if (by > 0) {
                long lower = Math.min(Math.max(start == null ? 0 : normalize(start, length), 0), length);
                long upper = Math.min(Math.max(end == null ? length : normalize(end, length), 0), length);
                for (long i = lower; i < upper; i += by) {
                    selected.add(node.get((int) i));
                }
            } else {
                long upper = Math.min(Math.max(start == null ? length - 1 : normalize(start, length), -1), length - 1);
                long lower = Math.min(Math.max(end == null ? -1 : normalize(end, length), -1), length - 1);
                for (long i = upper; lower < i; i += by) {
                    selected.add(node.get((int) i));
                }
            }
            return selected.stream();
        };
    }

    private static long normalize(long index, long length) {
        return index >= 0 ? index : length + index;
    }

    /**
     * Filter selector {@code [?...]}: the children for which the condition holds.
     *
     * @param condition the filter's condition, given each child
     * @return the selector
     */
    public static Function<JsonNode, Stream<JsonNode>> filter(Predicate<JsonNode> condition) {
        return node -> children(node).filter(condition);
    }

    /**
     * The descendant segment {@code ..}: the node and all its descendants, parents before children, in
     * document order.
     *
     * @param node the node
     * @return the node and its descendants
     */
    public static Stream<JsonNode> descendants(JsonNode node) {
        List<JsonNode> all = new ArrayList<>();
        addDescendants(node, all);
        return all.stream();
    }

    private static void addDescendants(JsonNode node, List<JsonNode> all) {
        all.add(node);
        for (JsonNode child : node) {
            addDescendants(child, all);
        }
    }

    /**
     * Several selectors in one segment: their results, concatenated.
     *
     * @param selectors the selectors, in order
     * @return the selector
     */
    public static Function<JsonNode, Stream<JsonNode>> union(
            List<Function<JsonNode, Stream<JsonNode>>> selectors) {
        return node -> selectors.stream().flatMap(selector -> selector.apply(node));
    }

    /**
     * Whether a value is the RFC's Nothing (no node).
     */
    private static boolean isNothing(JsonNode value) {
        return value == null || value.isMissingNode();
    }

    /**
     * An Arazzo criterion's {@code query != null}: the node exists and is not JSON null.
     *
     * @param value the query's value, or null (Nothing)
     * @return whether it exists and is not JSON null
     */
    public static boolean isPresentAndNotNull(JsonNode value) {
        return !isNothing(value) && !value.isNull();
    }

    /**
     * {@code ==} of RFC 9535: deep equality; numbers by value; Nothing equals only Nothing.
     *
     * @param left the left value, or null (Nothing)
     * @param right the right value, or null (Nothing)
     * @return whether they are equal
     */
    public static boolean equal(JsonNode left, JsonNode right) {
        if (isNothing(left) || isNothing(right)) {
            return isNothing(left) && isNothing(right);
        }
        if (left.isNumber() && right.isNumber()) {
            return left.decimalValue().compareTo(right.decimalValue()) == 0;
        }
        if (left.isArray() && right.isArray()) {
            if (left.size() != right.size()) {
                return false;
            }
            for (int i = 0; i < left.size(); i++) {
                if (!equal(left.get(i), right.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (left.isObject() && right.isObject()) {
            if (left.size() != right.size()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> member : left.properties()) {
                if (!equal(member.getValue(), right.get(member.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return left.isValueNode() && left.getNodeType() == right.getNodeType() && left.equals(right);
    }

    /**
     * {@code !=} of RFC 9535.
     *
     * @param left the left value, or null (Nothing)
     * @param right the right value, or null (Nothing)
     * @return whether they are not equal
     */
    public static boolean notEqual(JsonNode left, JsonNode right) {
        return !equal(left, right);
    }

    /**
     * {@code <} of RFC 9535: numbers by value, strings by Unicode scalar values; else false.
     *
     * @param left the left value, or null (Nothing)
     * @param right the right value, or null (Nothing)
     * @return whether left is less
     */
    public static boolean less(JsonNode left, JsonNode right) {
        if (isNothing(left) || isNothing(right)) {
            return false;
        }
        if (left.isNumber() && right.isNumber()) {
            return left.decimalValue().compareTo(right.decimalValue()) < 0;
        }
        return left.isTextual() && right.isTextual() && compareCodePoints(left.textValue(), right.textValue()) < 0;
    }

    /**
     * {@code <=} of RFC 9535.
     *
     * @param left the left value, or null (Nothing)
     * @param right the right value, or null (Nothing)
     * @return whether left is less or equal
     */
    public static boolean lessOrEqual(JsonNode left, JsonNode right) {
        return less(left, right) || equal(left, right);
    }

    /**
     * {@code >} of RFC 9535.
     *
     * @param left the left value, or null (Nothing)
     * @param right the right value, or null (Nothing)
     * @return whether left is greater
     */
    public static boolean greater(JsonNode left, JsonNode right) {
        return less(right, left);
    }

    /**
     * {@code >=} of RFC 9535.
     *
     * @param left the left value, or null (Nothing)
     * @param right the right value, or null (Nothing)
     * @return whether left is greater or equal
     */
    public static boolean greaterOrEqual(JsonNode left, JsonNode right) {
        return less(right, left) || equal(left, right);
    }

    /**
     * Compares by code point, not by UTF-16 unit as {@link String#compareTo} does.
     */
    private static int compareCodePoints(String left, String right) {
        int i = 0;
        while (i < left.length() && i < right.length()) {
            int a = left.codePointAt(i);
            int b = right.codePointAt(i);
            if (a != b) {
                return Integer.compare(a, b);
            }
            i += Character.charCount(a);
        }
        return Integer.compare(left.length(), right.length());
    }

    /**
     * {@code length()}: code points of a string, size of an array or object; else Nothing.
     *
     * @param value the argument, or null (Nothing)
     * @return the length as a number node, or a missing node
     */
    public static JsonNode length(JsonNode value) {
        if (isNothing(value)) {
            return MissingNode.getInstance();
        }
        if (value.isTextual()) {
            return IntNode.valueOf(value.textValue().codePointCount(0, value.textValue().length()));
        }
        return value.isContainerNode() ? IntNode.valueOf(value.size()) : MissingNode.getInstance();
    }

    /**
     * {@code count()}: the number of nodes.
     *
     * @param nodes the node list
     * @return the count as a number node
     */
    public static JsonNode count(Stream<JsonNode> nodes) {
        return IntNode.valueOf(Math.toIntExact(nodes.count()));
    }

    /**
     * {@code value()}: the only node, or Nothing when there are none or several.
     *
     * @param nodes the node list
     * @return the node, or a missing node
     */
    public static JsonNode value(Stream<JsonNode> nodes) {
        List<JsonNode> firstTwo = nodes.limit(2).toList();
        return firstTwo.size() == 1 ? firstTwo.get(0) : MissingNode.getInstance();
    }

    /**
     * {@code match()} with a literal pattern: whether the whole string matches the I-Regexp; each pattern is
     * translated and compiled once.
     *
     * @param value the string, or null (Nothing)
     * @param iRegexp the I-Regexp
     * @return false unless the value is a string that matches a valid I-Regexp
     */
    public static boolean match(JsonNode value, String iRegexp) {
        return matches(value, PATTERNS.computeIfAbsent(iRegexp, JsonPathSupport::compile), true);
    }

    /**
     * {@code match()} with a pattern read from the document; an invalid pattern matches nothing.
     *
     * @param value the string, or null (Nothing)
     * @param iRegexp the I-Regexp as a JSON string, or null (Nothing)
     * @return false unless the value is a string that matches a valid I-Regexp
     */
    public static boolean match(JsonNode value, JsonNode iRegexp) {
        return !isNothing(iRegexp) && iRegexp.isTextual() && matches(value, compile(iRegexp.textValue()), true);
    }

    /**
     * {@code search()} with a literal pattern: whether some substring of the string matches the I-Regexp;
     * each pattern is translated and compiled once.
     *
     * @param value the string, or null (Nothing)
     * @param iRegexp the I-Regexp
     * @return false unless the value is a string in which a valid I-Regexp is found
     */
    public static boolean search(JsonNode value, String iRegexp) {
        return matches(value, PATTERNS.computeIfAbsent(iRegexp, JsonPathSupport::compile), false);
    }

    /**
     * {@code search()} with a pattern read from the document; an invalid pattern matches nothing.
     *
     * @param value the string, or null (Nothing)
     * @param iRegexp the I-Regexp as a JSON string, or null (Nothing)
     * @return false unless the value is a string in which a valid I-Regexp is found
     */
    public static boolean search(JsonNode value, JsonNode iRegexp) {
        return !isNothing(iRegexp) && iRegexp.isTextual() && matches(value, compile(iRegexp.textValue()), false);
    }

    private static boolean matches(JsonNode value, Optional<Pattern> pattern, boolean whole) {
        if (isNothing(value) || !value.isTextual() || pattern.isEmpty()) {
            return false;
        }
        Matcher matcher = pattern.get().matcher(value.textValue());
        return whole ? matcher.matches() : matcher.find();
    }

    /**
     * An I-Regexp (RFC 9485) as a Java pattern, or empty when it is not a valid I-Regexp.
     */
    static Optional<Pattern> compile(String iRegexp) {
        try {
            return Optional.of(Pattern.compile(toJavaRegex(iRegexp)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Translates an I-Regexp (RFC 9485) into {@link java.util.regex.Pattern} syntax.
     *
     * <p>{@code ^} and {@code $} are anchors, as the JSONPath compliance test suite expects; {@code .} matches
     * anything but {@code \n} and {@code \r}.
     *
     * @throws IllegalArgumentException if the pattern is not a valid I-Regexp
     */
    static String toJavaRegex(String iRegexp) {
        StringBuilder java = new StringBuilder();
        int depth = 0;
        boolean quantifiable = false;
        int i = 0;
        while (i < iRegexp.length()) {
            int c = iRegexp.codePointAt(i);
            i += Character.charCount(c);
            if (c == '(') {
                depth++;
                java.append('(');
                quantifiable = false;
            } else if (c == ')') {
                if (depth-- == 0) {
                    throw new IllegalArgumentException(iRegexp);
                }
                java.append(')');
                quantifiable = true;
            } else if (c == '|') {
                java.append('|');
                quantifiable = false;
            } else if (c == '*' || c == '+' || c == '?') {
                if (!quantifiable) {
                    throw new IllegalArgumentException(iRegexp);
                }
                java.appendCodePoint(c);
                quantifiable = false;
            } else if (c == '{') {
                int close = iRegexp.indexOf('}', i);
                if (!quantifiable || close < 0 || !RANGE.matcher(iRegexp.substring(i, close)).matches()) {
                    throw new IllegalArgumentException(iRegexp);
                }
                java.append(iRegexp, i - 1, close + 1);
                i = close + 1;
                quantifiable = false;
            } else if (c == '.') {
                java.append("[^\\n\\r]");
                quantifiable = true;
            } else if (c == '^') {
                java.append('^');
                quantifiable = false;
            } else if (c == '$') {
                java.append("\\z");
                quantifiable = false;
            } else if (c == '[') {
                i = appendClass(iRegexp, i, java);
                quantifiable = true;
            } else if (c == '\\') {
                i = appendEscape(iRegexp, i, java, true);
                quantifiable = true;
            } else if (c == ']' || c == '}') {
                throw new IllegalArgumentException(iRegexp);
            } else {
                appendLiteral(java, c);
                quantifiable = true;
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException(iRegexp);
        }
        return java.toString();
    }

    /**
     * Translates a character class whose {@code [} ends before {@code i}; returns the index after its {@code ]}.
     */
    private static int appendClass(String iRegexp, int start, StringBuilder java) {
        int i = start;
        java.append('[');
        if (i < iRegexp.length() && iRegexp.charAt(i) == '^') {
            java.append('^');
            i++;
        }
        boolean first = true;
        while (true) {
            if (i >= iRegexp.length()) {
                throw new IllegalArgumentException(iRegexp);
            }
            char c = iRegexp.charAt(i);
            boolean last = i + 1 < iRegexp.length() && iRegexp.charAt(i + 1) == ']';
            if (c == ']' && !first) {
                java.append(']');
                return i + 1;
            } else if (c == '-' && (first || last)) {
                appendLiteral(java, c);
                i++;
            } else if (c == '\\' && i + 1 < iRegexp.length() && "pP".indexOf(iRegexp.charAt(i + 1)) >= 0) {
                i = appendEscape(iRegexp, i + 1, java, true);
            } else {
                i = appendClassChar(iRegexp, i, java);
                if (i + 1 < iRegexp.length() && iRegexp.charAt(i) == '-' && iRegexp.charAt(i + 1) != ']') {
                    java.append('-');
                    i = appendClassChar(iRegexp, i + 1, java);
                }
            }
            first = false;
        }
    }

    /**
     * Translates one character of a class (or end of a range) at {@code i}; returns the index after it.
     */
    private static int appendClassChar(String iRegexp, int i, StringBuilder java) {
        int c = iRegexp.codePointAt(i);
        if (c == '\\') {
            return appendEscape(iRegexp, i + 1, java, false);
        }
        if (c == '[' || c == ']' || c == '-') {
            throw new IllegalArgumentException(iRegexp);
        }
        appendLiteral(java, c);
        return i + Character.charCount(c);
    }

    /**
     * Translates the escape whose backslash ends before {@code i}; returns the index after it.
     */
    private static int appendEscape(String iRegexp, int i, StringBuilder java, boolean categories) {
        if (i >= iRegexp.length()) {
            throw new IllegalArgumentException(iRegexp);
        }
        char c = iRegexp.charAt(i);
        if (categories && (c == 'p' || c == 'P')) {
            int close = iRegexp.indexOf('}', i);
            if (close < 0 || !CATEGORY.matcher(iRegexp.substring(i + 1, close + 1)).matches()) {
                throw new IllegalArgumentException(iRegexp);
            }
            java.append('\\').append(iRegexp, i, close + 1);
            return close + 1;
        }
        switch (c) {
            case 'n' -> java.append("\\n");
            case 'r' -> java.append("\\r");
            case 't' -> java.append("\\t");
            case '(', ')', '*', '+', '-', '.', '?', '[', '\\', ']', '^', '{', '|', '}' -> appendLiteral(java, c);
            default -> throw new IllegalArgumentException(iRegexp);
        }
        return i + 1;
    }

    private static void appendLiteral(StringBuilder java, int c) {
        if (c < 128 && Character.isLetterOrDigit(c)) {
            java.append((char) c);
        } else {
            java.append("\\x{").append(Integer.toHexString(c)).append('}');
        }
    }
    /**
     * The one node an Arazzo 1.1 Selector Object selected where one value is needed (a parameter that is
     * not an array).
     *
     * @param nodes the node list the selector's query gave
     * @param selected what selected them, for the message: the step and the selector
     * @return the node
     * @throws WorkflowException naming the selector, when it selected no node or several
     */
    public static JsonNode one(List<JsonNode> nodes, String selected) {
        if (nodes.size() != 1) {
            throw new WorkflowException(selected + " selected " + nodes.size() + " nodes where one value is needed");
        }
        return nodes.get(0);
    }

    /**
     * The nodes an Arazzo 1.1 Selector Object selected, read as one list of the type the schema gives them.
     *
     * @param <T> the list's type
     * @param nodes the node list the selector's query gave
     * @param selected what selected them, for the message: the step and the selector
     * @param reader reads the nodes as a JSON array (a {@link Values#listOf(Function)} reader)
     * @return the list
     * @throws WorkflowException naming the selector and the node, when a node is not of the type
     */
    public static <T> T read(List<JsonNode> nodes, String selected, Function<JsonNode, T> reader) {
        try {
            return reader.apply(Values.json(nodes));
        } catch (Values.Mismatch e) {
            throw new WorkflowException(selected + ": expected " + e.expected() + " (as the schema says) but found "
                    + e.found() + " at " + e.pointer() + " of the nodes it selected");
        }
    }

    /**
     * Sets a value at every node a JSONPath replacement target (Arazzo 1.1, {@code targetSelectorType: jsonpath})
     * selects in a payload: a selected object member is set, a selected array element is replaced. When the
     * query selects a node and one of its descendants, the outer one is set (the inner one is part of what it
     * replaces). Each location gets its own copy of the value.
     *
     * @param payload the payload, changed in place
     * @param target what sets the value, for the message: the step and the target as written
     * @param query the compiled target query, given the payload's root
     * @param value the value to set
     * @return the payload, or the value when the target selects the payload's root
     * @throws WorkflowException naming the step and the target, when it selects no node of the payload
     */
    public static JsonNode replace(JsonNode payload, String target, Function<JsonNode, List<JsonNode>> query,
            JsonNode value) {
        Map<JsonNode, List<Object>> paths = new IdentityHashMap<>();
        JsonNode marked = marked(payload, new ArrayList<>(), paths);
        List<List<Object>> selected = new ArrayList<>();
        for (JsonNode node : query.apply(marked)) {
            List<Object> path = paths.get(node);
            if (path != null && !selected.contains(path)) {
                selected.add(path);
            }
        }
        if (selected.isEmpty()) {
            throw new WorkflowException(target + " selects no node of the payload");
        }
        JsonNode result = payload;
        for (List<Object> path : selected) {
            if (selected.stream().anyMatch(other -> other.size() < path.size()
                    && other.equals(path.subList(0, other.size())))) {
                continue;
            }
            if (path.isEmpty()) {
                result = value.deepCopy();
                continue;
            }
            JsonNode parent = payload;
            for (Object step : path.subList(0, path.size() - 1)) {
                parent = step instanceof Integer index ? parent.get(index) : parent.get((String) step);
            }
            Object last = path.get(path.size() - 1);
            if (last instanceof Integer index) {
                ((ArrayNode) parent).set(index, value.deepCopy());
            } else {
                ((ObjectNode) parent).set((String) last, value.deepCopy());
            }
        }
        return result;
    }

    /**
     * A copy of {@code node} in which every node is its own instance (Jackson shares small numbers, booleans
     * and null), with the path of each (member names and array indexes) in {@code paths}.
     */
    private static JsonNode marked(JsonNode node, List<Object> path, Map<JsonNode, List<Object>> paths) {
        JsonNode copy;
        if (node.isObject()) {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            node.properties().forEach(member -> {
                path.add(member.getKey());
                object.set(member.getKey(), marked(member.getValue(), path, paths));
                path.remove(path.size() - 1);
            });
            copy = object;
        } else if (node.isArray()) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < node.size(); i++) {
                path.add(i);
                array.add(marked(node.get(i), path, paths));
                path.remove(path.size() - 1);
            }
            copy = array;
        } else if (node.isNull()) {
            copy = new FreshNull();
        } else if (node.isBoolean()) {
            copy = new FreshBoolean(node.booleanValue());
        } else if (node.isInt()) {
            copy = new IntNode(node.intValue());
        } else if (node.isLong()) {
            copy = new LongNode(node.longValue());
        } else if (node.isTextual()) {
            copy = new TextNode(node.textValue());
        } else if (node.isNumber()) {
            copy = node.isIntegralNumber() ? new BigIntegerNode(node.bigIntegerValue())
                    : node.isBigDecimal() ? new DecimalNode(node.decimalValue()) : new DoubleNode(node.doubleValue());
        } else {
            copy = node.deepCopy();
        }
        paths.put(copy, List.copyOf(path));
        return copy;
    }

    /** A JSON null of its own instance, for {@link #marked}. */
    private static final class FreshNull extends NullNode {
        private static final long serialVersionUID = 1L;
    }

    /** A JSON boolean of its own instance, for {@link #marked}. */
    private static final class FreshBoolean extends BooleanNode {
        private static final long serialVersionUID = 1L;

        FreshBoolean(boolean value) {
            super(value);
        }
    }
}
