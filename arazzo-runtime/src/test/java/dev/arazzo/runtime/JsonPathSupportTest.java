package dev.arazzo.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The helpers of compiled JSONPath queries, called as the generated code calls them (RFC 9535). */
class JsonPathSupportTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNode STORE = json("""
            {"store": {"book": [
                {"title": "Sayings", "price": 8.95, "isbn": "0-553-21311-3"},
                {"title": "Sword", "price": 12.99},
                {"title": "Moby Dick", "price": 8.99, "isbn": "0-395-19395-8"},
                {"title": "Rings", "price": 22.99}],
             "bicycle": {"color": "red", "price": 399}}}""");

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<JsonNode> texts(String... values) {
        return Arrays.stream(values).<JsonNode>map(TextNode::valueOf).toList();
    }

    @Test
    void theSupportClassIsPublicFinalWithOnlyAPrivateConstructor() {
        assertTrue(Modifier.isPublic(JsonPathSupport.class.getModifiers()));
        assertTrue(Modifier.isFinal(JsonPathSupport.class.getModifiers()));
        Constructor<?>[] constructors = JsonPathSupport.class.getDeclaredConstructors();
        assertEquals(1, constructors.length);
        assertTrue(Modifier.isPrivate(constructors[0].getModifiers()));
    }

    @Test
    void aFilterQuerySelectsInDocumentOrder() {
        // $.store.book[?@.price < 10].title
        List<JsonNode> titles = JsonPathSupport.select(STORE)
                .flatMap(JsonPathSupport.member("store"))
                .flatMap(JsonPathSupport.member("book"))
                .flatMap(JsonPathSupport.filter(node -> JsonPathSupport.less(node.path("price"), IntNode.valueOf(10))))
                .flatMap(JsonPathSupport.member("title"))
                .toList();

        assertEquals(texts("Sayings", "Moby Dick"), titles);
    }

    @Test
    void indicesSlicesAndUnionsFollowTheRfc() {
        JsonNode array = json("[\"a\", \"b\", \"c\", \"d\", \"e\"]");

        assertEquals(texts("e"), JsonPathSupport.select(array).flatMap(JsonPathSupport.element(-1)).toList());
        assertEquals(List.of(), JsonPathSupport.select(array).flatMap(JsonPathSupport.element(5)).toList());
        assertEquals(texts("b", "c"), JsonPathSupport.select(array)
                .flatMap(JsonPathSupport.slice(1L, 3L, null)).toList());
        assertEquals(texts("e", "d", "c", "b", "a"), JsonPathSupport.select(array)
                .flatMap(JsonPathSupport.slice(null, null, -1L)).toList());
        assertEquals(texts("a", "c", "e"), JsonPathSupport.select(array)
                .flatMap(JsonPathSupport.slice(null, null, 2L)).toList());
        assertEquals(texts("d", "e"), JsonPathSupport.select(array)
                .flatMap(JsonPathSupport.slice(-2L, null, null)).toList());
        assertEquals(List.of(), JsonPathSupport.select(array).flatMap(JsonPathSupport.slice(0L, 5L, 0L)).toList());
        // $[0, -1, 0]: duplicates kept
        assertEquals(texts("a", "e", "a"), JsonPathSupport.select(array).flatMap(JsonPathSupport.union(List.of(
                JsonPathSupport.element(0), JsonPathSupport.element(-1), JsonPathSupport.element(0)))).toList());
        assertEquals(MissingNode.getInstance(), JsonPathSupport.at(json("{\"0\":1}"), 0));
    }

    @Test
    void descendantsComeParentsFirstInDocumentOrder() {
        // $..price
        List<JsonNode> prices = JsonPathSupport.select(STORE).flatMap(JsonPathSupport::descendants)
                .flatMap(JsonPathSupport.member("price")).toList();

        assertEquals(List.of(json("8.95"), json("12.99"), json("8.99"), json("22.99"), json("399")), prices);
        assertEquals(List.of(json("1"), json("2")),
                JsonPathSupport.select(json("{\"a\":1,\"b\":2}")).flatMap(JsonPathSupport::children).toList());
    }

    @Test
    void comparisonsAreDeepAndNumbersCompareByValue() {
        assertTrue(JsonPathSupport.equal(json("1"), json("1.0")));
        assertTrue(JsonPathSupport.equal(json("{\"a\":[1,{\"b\":null}]}"), json("{\"a\":[1.0,{\"b\":null}]}")));
        assertFalse(JsonPathSupport.equal(json("{\"a\":1}"), json("{\"a\":1,\"b\":2}")));
        assertFalse(JsonPathSupport.equal(json("\"1\""), json("1")));
        assertTrue(JsonPathSupport.equal(MissingNode.getInstance(), null));
        assertFalse(JsonPathSupport.equal(MissingNode.getInstance(), json("null")));
        assertTrue(JsonPathSupport.notEqual(json("true"), json("false")));
        // strings by Unicode scalar value: U+1F600 (a surrogate pair) sorts after U+FFFD
        assertTrue(JsonPathSupport.less(json("\"\\uFFFD\""), json("\"\\uD83D\\uDE00\"")));
        assertTrue(JsonPathSupport.lessOrEqual(json("2"), json("2")));
        assertTrue(JsonPathSupport.greater(json("\"b\""), json("\"a\"")));
        assertTrue(JsonPathSupport.greaterOrEqual(json("3"), json("2.5")));
        assertFalse(JsonPathSupport.less(json("true"), json("false")));
        assertFalse(JsonPathSupport.less(json("1"), json("\"2\"")));
    }

    @Test
    void functionsCountMeasureAndPickValues() {
        assertEquals(IntNode.valueOf(2), JsonPathSupport.length(json("\"\\uD83D\\uDE00x\"")));
        assertEquals(IntNode.valueOf(3), JsonPathSupport.length(json("[1,2,3]")));
        assertEquals(IntNode.valueOf(1), JsonPathSupport.length(json("{\"a\":1}")));
        assertTrue(JsonPathSupport.length(json("12")).isMissingNode());
        assertEquals(IntNode.valueOf(3), JsonPathSupport.count(Stream.of(json("1"), json("2"), json("3"))));
        assertEquals(json("1"), JsonPathSupport.value(Stream.of(json("1"))));
        assertTrue(JsonPathSupport.value(Stream.of(json("1"), json("2"))).isMissingNode());
        assertTrue(JsonPathSupport.value(Stream.empty()).isMissingNode());
    }

    @Test
    void matchTestsTheWholeStringAndSearchAnyPart() {
        assertTrue(JsonPathSupport.match(json("\"abc\""), "a.c"));
        assertFalse(JsonPathSupport.match(json("\"xabcx\""), "a.c"));
        assertTrue(JsonPathSupport.search(json("\"xabcx\""), "a.c"));
        assertFalse(JsonPathSupport.match(json("\"a\\nc\""), "a.c"), ". does not match a line feed");
        assertTrue(JsonPathSupport.match(json("\"2024-05-01\""), json("\"[0-9]{4}-[0-9]{2}-[0-9]{2}\"")));
        assertTrue(JsonPathSupport.search(json("\"Ünïcode\""), "\\p{Lu}"));
        assertFalse(JsonPathSupport.match(json("12"), "12"), "only strings match");
        assertFalse(JsonPathSupport.search(json("\"a\""), json("1")), "a pattern that is no string matches nothing");
        assertFalse(JsonPathSupport.search(json("\"a{2\""), "a{2"), "an invalid I-Regexp matches nothing");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "a.c|a[^\\n\\r]c",
            "^ab$|^ab\\z",
            "[a-z]+|[a-z]+",
            "x{2,3}|x{2,3}",
            "a&&b|a\\x{26}\\x{26}b",
            "[^-a]|[^\\x{2d}a]",
            "\\p{Nd}|\\p{Nd}"})
    void iRegexpsTranslateToJavaPatterns(String iRegexp, String java) {
        assertEquals(java, JsonPathSupport.toJavaRegex(iRegexp));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"(a", "a)", "*a", "a{2", "a{x}", "[a", "]", "\\d", "(?i)a", "\\p{IsLatin}"})
    void whatIsNoIRegexpIsRefused(String iRegexp) {
        assertThrows(IllegalArgumentException.class, () -> JsonPathSupport.toJavaRegex(iRegexp));
    }

    @Test
    void criteriaAndRootFiltersTestTheirContext() {
        assertTrue(JsonPathSupport.test(STORE, root -> JsonPathSupport.isPresentAndNotNull(
                root.path("store").path("bicycle"))));
        assertFalse(JsonPathSupport.test(null, root -> JsonPathSupport.isPresentAndNotNull(root.path("store"))));
        assertFalse(JsonPathSupport.isPresentAndNotNull(json("null")));
        // $[?@.price > 100] on an object context tests the object itself
        JsonNode bicycle = STORE.path("store").path("bicycle");
        assertEquals(List.of(bicycle), JsonPathSupport.filterContext(bicycle,
                node -> JsonPathSupport.greater(node.path("price"), IntNode.valueOf(100))).toList());
        assertEquals(2, JsonPathSupport.filterContext(STORE.path("store").path("book"),
                node -> JsonPathSupport.greater(node.path("price"), IntNode.valueOf(10))).count());
        assertEquals(texts("x"), JsonPathSupport.evaluate(json("{\"k\":\"x\"}"),
                root -> JsonPathSupport.select(root).flatMap(JsonPathSupport.member("k")).toList()));
        assertEquals(List.of(), JsonPathSupport.select(MissingNode.getInstance()).toList());
    }
    @Test
    void aSelectorThatMustGiveOneValueFailsNamingItWhenItSelectedNoneOrSeveral() {
        List<JsonNode> two = List.of(TextNode.valueOf("a"), TextNode.valueOf("b"));

        assertEquals(TextNode.valueOf("a"), JsonPathSupport.one(two.subList(0, 1), "step 's': selector '$[*]'"));
        assertEquals("step 's': selector '$[*]' selected 2 nodes where one value is needed",
                assertThrows(WorkflowException.class, () -> JsonPathSupport.one(two, "step 's': selector '$[*]'"))
                        .getMessage());
        assertEquals("step 's': selector '$[*]' selected 0 nodes where one value is needed",
                assertThrows(WorkflowException.class, () -> JsonPathSupport.one(List.of(), "step 's': selector '$[*]'"))
                        .getMessage());
    }

    @Test
    void selectedNodesAreReadAsTheSchemasListAndANodeOfAnotherTypeNamesTheSelectorAndItsPlace() {
        List<JsonNode> nodes = List.of(IntNode.valueOf(1), IntNode.valueOf(2));

        assertEquals(List.of(1, 2), JsonPathSupport.read(nodes, "s", Values.listOf(Values::integer)));
        WorkflowException wrong = assertThrows(WorkflowException.class, () -> JsonPathSupport.read(
                List.of(IntNode.valueOf(1), TextNode.valueOf("x")), "step 's': selector '$[*]'",
                Values.listOf(Values::integer)));
        assertEquals("step 's': selector '$[*]': expected a 32-bit integer (as the schema says) but found \"x\" at /1 "
                + "of the nodes it selected", wrong.getMessage());
    }
}
