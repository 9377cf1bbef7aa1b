package dev.arazzo.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    void copyOfKeepsTheJdksImmutableListsAndMapsAndCopiesAnyOther() {
        for (List<String> immutable : List.of(List.<String>of(), List.of("a"), List.of("a", "b"), List.of("a", "b", "c"),
                List.copyOf(new ArrayList<>(List.of("a", "b", "c", "d"))), Stream.of("a", null).toList(),
                Stream.of("a", "b").collect(Collectors.toUnmodifiableList()))) {
            assertSame(immutable, Values.copyOf(immutable));
        }
        for (Map<String, String> immutable : List.of(Map.<String, String>of(), Map.of("a", "1"),
                Map.of("a", "1", "b", "2"), Map.copyOf(new LinkedHashMap<>(Map.of("a", "1"))))) {
            assertSame(immutable, Values.copyOf(immutable));
        }
        assertNull(Values.copyOf((List<String>) null));
        assertNull(Values.copyOf((Map<String, String>) null));

        List<String> mutable = new ArrayList<>(Arrays.asList("b", null, "a"));
        List<String> list = Values.copyOf(mutable);
        mutable.set(0, "changed");
        assertEquals(Arrays.asList("b", null, "a"), list, "a copy, in order, the null kept");
        assertThrows(UnsupportedOperationException.class, () -> list.add("c"));
        List<String> view = java.util.Collections.unmodifiableList(mutable); // unmodifiable, but not immutable
        assertNotSame(view, Values.copyOf(view));
        assertNotSame(List.of("a", "b").subList(0, 1), Values.copyOf(List.of("a", "b").subList(0, 1)));

        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("z", "1");
        entries.put("a", null);
        Map<String, String> map = Values.copyOf(entries);
        entries.put("m", "2");
        assertEquals(List.of("z", "a"), List.copyOf(map.keySet()), "a copy, in the map's order");
        assertTrue(map.containsKey("a") && map.get("a") == null, "the null value kept");
        assertThrows(UnsupportedOperationException.class, () -> map.put("b", "3"));
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A generated record, as far as Values sees it. */
    private record Address(String street) implements JsonValue {
        @Override
        public JsonNode toJson() {
            return Values.object("street", street);
        }
    }

    // ---- JSON conversions ----------------------------------------------------------------------

    @Test
    void objectsLeaveOutNullValuesAndArraysKeepThem() {
        assertEquals(json("{\"a\":1,\"c\":\"x\"}"), Values.object("a", 1, "b", null, "c", "x"));
        assertEquals(json("[1,null,\"x\"]"), Values.array(1, null, "x"));
        assertEquals(json("{}"), Values.object());
    }

    @Test
    void javaValuesOfGeneratedTypesBecomeJson() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("n", 1L);
        map.put("list", List.of(1.5, true));
        assertEquals("{\"n\":1,\"list\":[1.5,true]}", Values.json(map).toString());
        assertTrue(Values.json(map).path("n").isLong());
        assertEquals(json("\"2024-05-01T10:00:00Z\""),
                Values.json(OffsetDateTime.of(2024, 5, 1, 10, 0, 0, 0, ZoneOffset.UTC)));
        assertEquals(json("\"2024-05-01\""), Values.json(LocalDate.of(2024, 5, 1)));
        assertEquals(json("\"00000000-0000-0000-0000-000000000001\""), Values.json(new UUID(0, 1)));
        assertEquals(json("{\"street\":\"Main\"}"), Values.json(new Address("Main")));
        assertEquals(new BigDecimal("12345678901234567890.5"),
                Values.json(new BigDecimal("12345678901234567890.5")).decimalValue());
        assertTrue(Values.json(null).isNull());
        WorkflowException unknown = assertThrows(WorkflowException.class, () -> Values.json(new Object()));
        assertEquals("a java.lang.Object cannot be written as JSON here", unknown.getMessage());
    }

    @Test
    void textIsJsonWithoutQuotesForScalars() {
        assertEquals("x", Values.text(json("\"x\"")));
        assertEquals("12", Values.text(json("12")));
        assertEquals("{\"a\":1}", Values.text(json("{\"a\":1}")));
        assertEquals("{\"street\":\"Main\"}", Values.text(new Address("Main")));
        assertEquals("2024-05-01T10:00:00Z", Values.text(OffsetDateTime.of(2024, 5, 1, 10, 0, 0, 0, ZoneOffset.UTC)));
        assertEquals("", Values.text(null));
        assertEquals("42", Values.text(42));
    }

    @Test
    void replacementsSetMembersAndElementsInPlace() {
        JsonNode payload = json("{\"a\":{\"b\":1},\"list\":[1,2],\"x/y\":0}");

        Values.replace(payload, "/a/b", "two");
        Values.replace(payload, "/list/1", 3);
        Values.replace(payload, "/x~1y", true);

        assertEquals(json("{\"a\":{\"b\":\"two\"},\"list\":[1,3],\"x/y\":true}"), payload);
        assertEquals(json("5"), Values.replace(payload, "", 5));
        WorkflowException outside = assertThrows(WorkflowException.class,
                () -> Values.replace(payload, "/list/7", 1));
        assertEquals("replacement target '/list/7' is not in the payload", outside.getMessage());
        assertThrows(WorkflowException.class, () -> Values.replace(payload, "/missing/x", 1));
    }

    @Test
    void responseValuesAreReadAsTheirSchemaTypes() {
        assertEquals(12, Values.integer(json("12")));
        assertEquals(9007199254740993L, Values.int64(json("9007199254740993")));
        assertEquals(1.5, Values.number(json("1.5")));
        assertEquals(1.5f, Values.float32(json("1.5")));
        assertEquals(true, Values.bool(json("true")));
        assertEquals("x", Values.string(json("\"x\"")));
        assertEquals("[1]", Values.string(json("[1]")));
        assertEquals(OffsetDateTime.of(2024, 5, 1, 10, 15, 30, 0, ZoneOffset.ofHours(2)),
                Values.dateTime(json("\"2024-05-01T10:15:30+02:00\"")));
        assertEquals(LocalDate.of(2024, 5, 1), Values.date(json("\"2024-05-01\"")));
        assertEquals(new UUID(0, 1), Values.uuid(json("\"00000000-0000-0000-0000-000000000001\"")));
        assertEquals(List.of(List.of(1, 2), List.of()),
                Values.list(json("[[1,2],[]]"), Values.listOf(Values::integer)));
        assertEquals(Map.of("a", List.of("x")), Values.map(json("{\"a\":[\"x\"]}"), Values.listOf(Values::string)));
        assertEquals(json("{\"a\":1}"), Values.fields(json("{\"a\":1}"), "Thing"));
    }

    @Test
    void absentAndNullValuesReadAsNull() {
        for (JsonNode absent : new JsonNode[] {null, MissingNode.getInstance(), json("null")}) {
            assertNull(Values.integer(absent));
            assertNull(Values.string(absent));
            assertNull(Values.dateTime(absent));
            assertNull(Values.list(absent, Values::string));
            assertNull(Values.map(absent, Values::string));
            assertNull(Values.fields(absent, "Thing"));
        }
        assertNull(Values.node(MissingNode.getInstance()));
        assertEquals(json("null"), Values.node(json("null")));
    }

    @Test
    void valuesOfTheWrongTypeAreReportedWithABoundedExcerpt() {
        assertEquals("expected a 32-bit integer in the response but found \"twelve\"",
                assertThrows(WorkflowException.class, () -> Values.integer(json("\"twelve\""))).getMessage());
        assertEquals("expected a 32-bit integer in the response but found \"12\"",
                assertThrows(WorkflowException.class, () -> Values.integer(json("\"12\""))).getMessage());
        assertEquals("expected a 32-bit integer in the response but found 1.5",
                assertThrows(WorkflowException.class, () -> Values.integer(json("1.5"))).getMessage());
        assertEquals("expected a date-time in the response but found \"yesterday\"",
                assertThrows(WorkflowException.class, () -> Values.dateTime(json("\"yesterday\""))).getMessage());
        assertEquals("expected an object (Thing) in the response but found [1]",
                assertThrows(WorkflowException.class, () -> Values.fields(json("[1]"), "Thing")).getMessage());
        String longText = "\"" + "x".repeat(100) + "\"";
        assertEquals("expected a boolean in the response but found " + longText.substring(0, 64) + "...",
                assertThrows(WorkflowException.class, () -> Values.bool(json(longText))).getMessage());
    }

    @Test
    void listsAndMapsReadFromResponsesAreUnmodifiable() {
        List<String> list = Values.list(json("[\"a\"]"), Values::string);
        Map<String, Integer> map = Values.map(json("{\"b\":1,\"a\":2}"), Values::integer);

        assertThrows(UnsupportedOperationException.class, () -> list.add("b"));
        assertThrows(UnsupportedOperationException.class, () -> map.put("c", 3));
        assertEquals(List.of("b", "a"), List.copyOf(map.keySet()));
    }

    @Test
    void pointersPropertiesAndIndicesReadJson() {
        assertEquals(json("2"), Values.at(Map.of("a", List.of(1, 2)), "/a/1"));
        assertTrue(Values.at(null, "/a").isMissingNode());
        assertEquals(json("\"Main\""), Values.property(new Address("Main"), "street"));
        assertTrue(Values.property(json("{}"), "street").isMissingNode());
        assertEquals(json("3"), Values.index(json("[1,2,3]"), 2));
    }

    // ---- the comparisons of criteria -------------------------------------------------------------

    @Test
    void stringsCompareCaseInsensitively() {
        assertTrue(Values.equal("Active", json("\"ACTIVE\"")));
        assertTrue(Values.lessThan("apple", "Banana"));
        assertTrue(Values.greaterOrEqual("b", "B"));
        assertFalse(Values.notEqual("x", "X"));
    }

    @Test
    void aNumberAndATextThatReadsAsANumberCompareAsNumbers() {
        assertTrue(Values.equal(200, json("200")));
        assertTrue(Values.equal(json("\"200\""), 200));
        assertTrue(Values.equal(1, 1.0));
        assertTrue(Values.equal(" 2.50 ", json("2.5")));
        assertTrue(Values.lessThan(json("\"9\""), 10));
        assertTrue(Values.greaterThan(10L, 9.99));
        assertTrue(Values.lessOrEqual(3, json("3.0")));
        assertFalse(Values.equal("abc", 1));
        assertFalse(Values.lessThan("abc", 1));
        assertFalse(Values.greaterThan("abc", 1));
    }

    @Test
    void valuesOfOtherDifferentTypesAreNeverEqualNorOrdered() {
        assertFalse(Values.equal(true, "true"));
        assertFalse(Values.equal(json("[1]"), 1));
        assertTrue(Values.notEqual(true, 1));
        assertFalse(Values.lessThan(true, false));
        assertFalse(Values.greaterOrEqual(json("{}"), json("{}")));
        assertTrue(Values.equal(json("{\"a\":1}"), json("{\"a\":1}")));
    }

    @Test
    void nullEqualsOnlyNullAndIsNeverOrdered() {
        assertTrue(Values.equal(null, json("null")));
        assertTrue(Values.equal(MissingNode.getInstance(), null));
        assertFalse(Values.equal(null, ""));
        assertTrue(Values.notEqual(null, 0));
        assertFalse(Values.lessThan(null, 1));
        assertFalse(Values.lessOrEqual(null, null));
    }

    @Test
    void aLoneValueHoldsWhenItIsTrueOrTheTextTrue() {
        assertTrue(Values.truthy(true));
        assertTrue(Values.truthy(json("true")));
        assertTrue(Values.truthy("TRUE"));
        assertFalse(Values.truthy("yes"));
        assertFalse(Values.truthy(1));
        assertFalse(Values.truthy(null));
    }

    @Test
    void regexCriteriaFindThePatternInTheText() {
        assertTrue(Values.find(Pattern.compile("^2\\d\\d$"), 201));
        assertTrue(Values.find(Pattern.compile("ok"), json("\"it is ok\"")));
        assertTrue(Values.find(Pattern.compile("\"id\":1"), json("{\"id\":1}")));
        assertFalse(Values.find(Pattern.compile("^ok$"), "not ok"));
        assertFalse(Values.find(Pattern.compile(".*"), null));
    }

    @Test
    void xpath10CriteriaUseTheJdkEngineAndRefuseDtds() {
        assertTrue(Values.xpath("/order/status = 'paid'", "<order><status>paid</status></order>"));
        assertTrue(Values.xpath("count(//item) = 2", json("\"<list><item/><item/></list>\"")));
        assertFalse(Values.xpath("/order", "not xml"));
        assertFalse(Values.xpath("/order", null));
        assertFalse(Values.xpath("/a = 'x'", "<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>"));
    }

    @Test
    void bytesAreWrittenAsBase64TextAndReadBack() {
        byte[] bytes = {0, 1, (byte) 0xFF, 'a'};

        JsonNode json = Values.json(bytes);

        assertEquals("AAH/YQ==", json.asText());
        org.junit.jupiter.api.Assertions.assertArrayEquals(bytes, Values.bytes(json));
        assertNull(Values.bytes(MissingNode.getInstance()));
        assertThrows(WorkflowException.class, () -> Values.bytes(Values.json(12)));
        assertThrows(WorkflowException.class, () -> Values.bytes(Values.json("not base64!")));
    }
    @Test
    void xpathSelectorsOfXPathOneGiveNodeStringValuesStringsNumbersAndBooleans() {
        String xml = "<a k=\"v\"><b>1</b><b>2</b></a>";

        assertEquals(List.of("1", "2"), Values.xpathNodes("/a/b", xml, "s"));
        assertEquals("v", Values.xpathNode("/a/@k", xml, "s"));
        assertEquals("v", Values.xpathString("string(/a/@k)", com.fasterxml.jackson.databind.node.TextNode.valueOf(xml),
                "s"));
        assertEquals(3.0, Values.xpathNumber("sum(/a/b)", xml, "s"));
        assertEquals(true, Values.xpathBoolean("count(/a/b) = 2", xml, "s"));
        assertEquals("step 'x': XPath selector '/a/b' selected 2 nodes where one value is needed",
                assertThrows(WorkflowException.class, () -> Values.xpathNode("/a/b", xml, "step 'x': XPath selector "
                        + "'/a/b'")).getMessage());
        assertTrue(assertThrows(WorkflowException.class, () -> Values.xpathNodes("/a", "{}", "sel")).getMessage()
                .startsWith("sel cannot select in its context, which is not XML"));
        assertEquals("sel has no XML to select in: its context is absent",
                assertThrows(WorkflowException.class, () -> Values.xpathNodes("/a", null, "sel")).getMessage());
        assertThrows(WorkflowException.class, () -> Values.xpathNodes("/a", "<!DOCTYPE a []><a/>", "sel"));
    }
}
