package dev.arazzo.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** {@link JsonPathSupport#replace}: a value set at every node a JSONPath replacement target selects. */
class JsonPathReplaceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theSpecsFilterSetsTheOneMatchingItemsField() {
        // $.items[?(@.sku=='ABC123')].quantity
        Function<JsonNode, List<JsonNode>> query = root -> JsonPathSupport.select(root)
                .flatMap(JsonPathSupport.member("items"))
                .flatMap(JsonPathSupport.filter(n -> JsonPathSupport.equal(n.path("sku"), TextNode.valueOf("ABC123"))))
                .flatMap(JsonPathSupport.member("quantity"))
                .toList();
        JsonNode payload = json("{\"items\":[{\"sku\":\"X\",\"quantity\":1},{\"sku\":\"ABC123\",\"quantity\":1}]}");
        JsonNode result = JsonPathSupport.replace(payload, "t", query, IntNode.valueOf(5));
        assertEquals("{\"items\":[{\"sku\":\"X\",\"quantity\":1},{\"sku\":\"ABC123\",\"quantity\":5}]}",
                result.toString());
    }

    @Test
    void aWildcardSetsEveryElementEvenWhenTheyShareOneJacksonInstance() {
        // $.a[*]: Jackson reads the three 1s (and true, null) as the same shared instances
        Function<JsonNode, List<JsonNode>> query = root -> JsonPathSupport.select(root)
                .flatMap(JsonPathSupport.member("a")).flatMap(JsonPathSupport::children).toList();
        JsonNode payload = json("{\"a\":[1,1,true,null],\"b\":1}");
        JsonNode result = JsonPathSupport.replace(payload, "$.a[*]", query, TextNode.valueOf("x"));
        assertEquals("{\"a\":[\"x\",\"x\",\"x\",\"x\"],\"b\":1}", result.toString());
    }

    @Test
    void aDescendantQuerySetsEveryMatchAndTheOuterOfNestedMatchesWins() {
        // $..price
        Function<JsonNode, List<JsonNode>> query = root -> JsonPathSupport.select(root)
                .flatMap(JsonPathSupport::descendants).flatMap(JsonPathSupport.member("price")).toList();
        JsonNode payload = json("{\"price\":{\"price\":1},\"list\":[{\"price\":2},{\"cost\":3}]}");
        JsonNode result = JsonPathSupport.replace(payload, "$..price", query, IntNode.valueOf(0));
        assertEquals("{\"price\":0,\"list\":[{\"price\":0},{\"cost\":3}]}", result.toString());
    }

    @Test
    void eachLocationGetsItsOwnCopyOfTheValue() {
        Function<JsonNode, List<JsonNode>> query = root -> JsonPathSupport.select(root)
                .flatMap(JsonPathSupport::children).toList();
        JsonNode result = JsonPathSupport.replace(json("[0,0]"), "$[*]", query, json("{\"v\":1}"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) result.get(0)).put("v", 2);
        assertEquals("[{\"v\":2},{\"v\":1}]", result.toString());
    }

    @Test
    void aTargetThatSelectsNothingFailsNamingIt() {
        Function<JsonNode, List<JsonNode>> query = root -> JsonPathSupport.select(root)
                .flatMap(JsonPathSupport.member("none")).flatMap(JsonPathSupport::children).toList();
        WorkflowException e = assertThrows(WorkflowException.class,
                () -> JsonPathSupport.replace(json("{\"a\":[1]}"), "step 's': replacement target '$.none[*]'", query, IntNode.valueOf(1)));
        assertEquals("step 's': replacement target '$.none[*]' selects no node of the payload", e.getMessage());
    }
}
