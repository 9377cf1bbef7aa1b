package dev.arazzo.codegen.jsonpath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonPathParserTest {

    @Test
    void parsesSegmentsSelectorsAndFilterIntoTree() {
        JsonPathQuery query = JsonPathParser.parse("$.store.book[?@.price < 10].title");

        assertEquals(new JsonPathQuery(false, List.of(
                new Segment(false, List.of(new Selector.Name("store"))),
                new Segment(false, List.of(new Selector.Name("book"))),
                new Segment(false, List.of(new Selector.Filter(new Expression.Comparison(
                        new Expression.Query(new JsonPathQuery(true, List.of(
                                new Segment(false, List.of(new Selector.Name("price")))))),
                        ComparisonOperator.LESS,
                        new Expression.Literal(IntNode.valueOf(10)))))),
                new Segment(false, List.of(new Selector.Name("title"))))), query);
        assertEquals("$['store']['book'][?@['price'] < 10]['title']", query.toString());
    }

    @Test
    void parsesSlicesWithAbsentBoundsAsNull() {
        JsonPathQuery query = JsonPathParser.parse("$[::-1, 1:, :2 , 0 : 5 : 2]");

        assertEquals(List.of(new Selector.Slice(null, null, -1L), new Selector.Slice(1L, null, null),
                new Selector.Slice(null, 2L, null), new Selector.Slice(0L, 5L, 2L)),
                query.segments().get(0).selectors());
    }

    @Test
    void unescapesNamesIncludingSurrogatePairs() {
        JsonPathQuery query = JsonPathParser.parse("$['a\\'b\\u00e9\\uD83D\\uDE00\\n', \"\\\"\\/\"]");

        assertEquals(List.of(new Selector.Name("a'b\u00e9\uD83D\uDE00\n"), new Selector.Name("\"/")),
                query.segments().get(0).selectors());
    }

    @Test
    void parsesNumberLiteralsByValue() {
        Selector.Filter filter = (Selector.Filter) JsonPathParser.parse("$[?@.a == -1.5e2]").segments().get(0)
                .selectors().get(0);

        assertEquals(new Expression.Literal(DecimalNode.valueOf(new BigDecimal("-1.5e2"))),
                ((Expression.Comparison) filter.expression()).right());
        Selector.Filter text = (Selector.Filter) JsonPathParser.parse("$[?@.a == 'x']").segments().get(0)
                .selectors().get(0);
        assertEquals(new Expression.Literal(TextNode.valueOf("x")), ((Expression.Comparison) text.expression()).right());
    }

    @ParameterizedTest
    @ValueSource(strings = {"$", "$.a", "$['a'][0]", "$.a[-1].b", "$ .a [ 'b' ]"})
    void singularQueriesAreSingular(String query) {
        assertTrue(JsonPathParser.parse(query).isSingular());
    }

    @ParameterizedTest
    @ValueSource(strings = {"$.*", "$..a", "$[0,1]", "$[0:1]", "$[?@]", "$.a['b','c']"})
    void otherQueriesAreNotSingular(String query) {
        assertFalse(JsonPathParser.parse(query).isSingular());
    }

    static Stream<Arguments> invalidQueries() {
        return Stream.of(
                Arguments.of("", 0, "a JSONPath query must not be empty"),
                Arguments.of("@.a", 0, "a JSONPath query starts with the root identifier '$'"),
                Arguments.of("$.a ", 3, "a JSONPath query must not end with whitespace"),
                Arguments.of(" $.a", 0, "starts with the root identifier"),
                Arguments.of("$.a[1", 5, "expected ']' to close the '[' at index 3"),
                Arguments.of("$[]", 2, "expected a selector; empty brackets"),
                Arguments.of("$.1a", 2, "expected a member name or '*' after '.'"),
                Arguments.of("$..", 3, "expected a member name, '*' or '[' after '..'"),
                Arguments.of("$. a", 2, "expected a member name or '*' after '.'"),
                Arguments.of("$[01]", 2, "an integer must not have leading zeros"),
                Arguments.of("$[-0]", 2, "-0 is not a valid integer here"),
                Arguments.of("$[9007199254740992]", 2, "the integer 9007199254740992 is outside the I-JSON range"),
                Arguments.of("$[1:2:-9007199254740992]", 6, "outside the I-JSON range"),
                Arguments.of("$['a\\x']", 4, "invalid escape sequence \\x in a single-quoted string"),
                Arguments.of("$[\"a\\'\"]", 4, "invalid escape sequence \\' in a double-quoted string"),
                Arguments.of("$['\\uDC00']", 3, "is a low surrogate without a high surrogate"),
                Arguments.of("$['\\uD800x']", 3, "is a high surrogate and must be followed by"),
                Arguments.of("$['\\u12G4']", 7, "four hexadecimal digits"),
                Arguments.of("$['a\tb']", 4, "the control character U+0009 must be escaped"),
                Arguments.of("$['abc", 2, "the string literal is not closed"),
                Arguments.of("$[?@.a = 1]", 7, "'=' is not an operator; use '=='"),
                Arguments.of("$[?true]", 3, "the literal true cannot be used as a test"),
                Arguments.of("$[?length(@.a)]", 3, "length() returns a value (ValueType), which cannot be used as a test"),
                Arguments.of("$[?match(@.a, 'x') == true]", 3, "match() returns a logical value (LogicalType)"),
                Arguments.of("$[?@.* == 1]", 3, "the query @.* can select more than one node"),
                Arguments.of("$[?1 == $..a]", 8, "the query $..a can select more than one node"),
                Arguments.of("$[?length(@.*) > 1]", 10, "argument 1 of length() must be a single value"),
                Arguments.of("$[?count(1) > 1]", 9, "argument 1 of count() must be a query (a node list) (NodesType)"),
                Arguments.of("$[?count(@.a, @.b) > 1]", 14, "count() takes 1 argument; this one is too many"),
                Arguments.of("$[?match(@.a) ]", 12, "match() takes 2 arguments but 1 was given"),
                Arguments.of("$[?foo(@.a)]", 3, "unknown function 'foo'"),
                Arguments.of("$[?length (@.a) > 1]", 9, "no whitespace is allowed between the function name length"),
                Arguments.of("$[?(@.a]", 7, "expected ')' to close the '(' at index 3"),
                Arguments.of("$[?@.a == 1 == 2]", 12, "expected ',' or ']' in the bracketed selection"),
                Arguments.of("$[?@.a == 01]", 10, "a number must not have leading zeros"),
                Arguments.of("$[?@.a == 1.]", 12, "expected a digit after the decimal point"),
                Arguments.of("$[?@.a == .5]", 10, "expected a literal, a query or a function call, found '.'"),
                Arguments.of("$[?@.a == ]", 10, "expected a literal, a query or a function call, found ']'"),
                Arguments.of("$[?!!@.a]", 4, "expected a literal, a query or a function call, found '!'"),
                Arguments.of("$[?@.a == nul]", 10, "unexpected word 'nul'"));
    }

    @ParameterizedTest
    @MethodSource("invalidQueries")
    void invalidQueriesAreRejectedWithReasonAndIndex(String query, int index, String reason) {
        JsonPathSyntaxException error = assertThrows(JsonPathSyntaxException.class, () -> JsonPathParser.parse(query));

        assertEquals(index, error.index(), error.getMessage());
        assertTrue(error.reason().contains(reason), error.getMessage());
        assertEquals(query, error.query());
        assertTrue(error.getMessage().endsWith("(at index " + index + " of '" + query + "')"), error.getMessage());
    }

    @Test
    void messageIsOneSentenceWithPosition() {
        JsonPathSyntaxException error = assertThrows(JsonPathSyntaxException.class, () -> JsonPathParser.parse("$[01]"));

        assertEquals("an integer must not have leading zeros (at index 2 of '$[01]')", error.getMessage());
    }

    @Test
    void currentNodeIsOnlyAllowedInFilters() {
        JsonPathSyntaxException error = assertThrows(JsonPathSyntaxException.class,
                () -> JsonPathParser.parseCriterion("@.a == 1"));

        assertEquals(0, error.index());
        assertTrue(error.reason().contains("'@' (the current node) can only be used inside a filter selector"));
    }
}
