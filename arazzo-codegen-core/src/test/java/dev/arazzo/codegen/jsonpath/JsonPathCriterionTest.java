package dev.arazzo.codegen.jsonpath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.arazzo.codegen.testing.GeneratedCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The three forms of Arazzo jsonpath criteria, compiled, loaded and run. */
class JsonPathCriterionTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Every condition under test, compiled once into one class. */
    private static final List<String> CONDITIONS = List.of(
            "$.pets[*]",
            "$.a",
            "$.status == 'available'",
            "$.count >= 2",
            "$.Contact.Id != null",
            "null != $.Contact.Id",
            "$.Contact.Id == null",
            "$.Contact.Id != 'x'",
            "!($.Contact.Id != null)",
            "$.status == 'ok' && ($.count > 1 || !$.flag)",
            "$.items[?@.id != null]",
            "$[?count(@.pets) > 0]",
            "$[?@.status == 'ok'].status",
            "length($.name) == 3 && match($.name, '[a-z]+')",
            "  $.a == 1\n");

    private static Class<?> criteria;

    @BeforeAll
    static void compileConditions() {
        JsonPathCriterion compiler = new JsonPathCriterion(GeneratedCode.JSON_PATH_SUPPORT);
        List<MethodSpec> methods = new ArrayList<>();
        for (int i = 0; i < CONDITIONS.size(); i++) {
            methods.add(MethodSpec.methodBuilder("condition" + i)
                    .addModifiers(Modifier.STATIC)
                    .returns(boolean.class)
                    .addParameter(JsonNode.class, "body")
                    .addStatement("return $L", compiler.compileCriterion(CONDITIONS.get(i), CodeBlock.of("body")))
                    .build());
        }
        criteria = GeneratedCode.compileClass("Criteria", methods);
    }

    private static boolean holds(String condition, String json) {
        JsonNode context;
        try {
            context = json == null ? null : MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int index = CONDITIONS.indexOf(condition);
        assertTrue(index >= 0, "not compiled: " + condition);
        return (Boolean) GeneratedCode.call(criteria, "condition" + index, context);
    }

    static Stream<Arguments> cases() {
        Map<String, Boolean> table = new LinkedHashMap<>();
        // (a) a plain query: true when it selects something
        table.put("$.pets[*] | {\"pets\": [1]}", true);
        table.put("$.pets[*] | {\"pets\": []}", false);
        table.put("$.pets[*] | null", false);
        table.put("$.a | {\"a\": null}", true);
        table.put("$.a | {\"b\": 1}", false);
        // (b) comparisons on the context, RFC 9535 semantics
        table.put("$.status == 'available' | {\"status\": \"available\"}", true);
        table.put("$.status == 'available' | {\"status\": \"Available\"}", false);
        table.put("$.status == 'available' | {}", false);
        table.put("$.count >= 2 | {\"count\": 2}", true);
        table.put("$.count >= 2 | {\"count\": 2.0}", true);
        table.put("$.count >= 2 | {\"count\": 1}", false);
        table.put("$.count >= 2 | {\"count\": \"3\"}", false);
        table.put("$.count >= 2 | {}", false);
        // (b) '!= null' means present and not null
        table.put("$.Contact.Id != null | {\"Contact\": {\"Id\": \"c-1\"}}", true);
        table.put("$.Contact.Id != null | {\"Contact\": {\"Id\": null}}", false);
        table.put("$.Contact.Id != null | {\"Contact\": {}}", false);
        table.put("$.Contact.Id != null | null", false);
        table.put("null != $.Contact.Id | {\"Contact\": {}}", false);
        table.put("null != $.Contact.Id | {\"Contact\": {\"Id\": 0}}", true);
        table.put("!($.Contact.Id != null) | {\"Contact\": {}}", true);
        table.put("$.Contact.Id == null | {\"Contact\": {}}", false);
        table.put("$.Contact.Id == null | {\"Contact\": {\"Id\": null}}", true);
        table.put("$.Contact.Id != 'x' | {\"Contact\": {}}", true); // other literals keep RFC semantics
        // (b) combinations
        table.put("$.status == 'ok' && ($.count > 1 || !$.flag) | {\"status\": \"ok\", \"count\": 0}", true);
        table.put("$.status == 'ok' && ($.count > 1 || !$.flag) | {\"status\": \"ok\", \"count\": 0, \"flag\": 1}",
                false);
        table.put("$.status == 'ok' && ($.count > 1 || !$.flag) | {\"status\": \"ok\", \"count\": 5, \"flag\": 1}",
                true);
        table.put("length($.name) == 3 && match($.name, '[a-z]+') | {\"name\": \"bob\"}", true);
        table.put("length($.name) == 3 && match($.name, '[a-z]+') | {\"name\": \"Bob\"}", false);
        table.put("  $.a == 1\n | {\"a\": 1}", true);
        // inside filters, RFC semantics: an absent id is != null
        table.put("$.items[?@.id != null] | {\"items\": [{}]}", true);
        table.put("$.items[?@.id != null] | {\"items\": [{\"id\": null}]}", false);
        // (c) a root filter on a non-array context tests the context itself
        table.put("$[?count(@.pets) > 0] | {\"pets\": [1]}", true);
        table.put("$[?count(@.pets) > 0] | {\"pets\": []}", true); // count() counts nodes: @.pets is one
        table.put("$[?count(@.pets) > 0] | {\"cats\": [1]}", false);
        table.put("$[?count(@.pets) > 0] | [{\"pets\": [1]}]", true);
        table.put("$[?count(@.pets) > 0] | [{\"cats\": []}, {}]", false);
        table.put("$[?count(@.pets) > 0] | {\"x\": {\"pets\": 1}}", false); // an object is not filtered
        table.put("$[?count(@.pets) > 0] | null", false);
        table.put("$[?@.status == 'ok'].status | {\"status\": \"ok\"}", true);
        table.put("$[?@.status == 'ok'].status | {\"status\": \"no\"}", false);
        return table.entrySet().stream().map(entry -> {
            String[] parts = entry.getKey().split(" \\| ", 2);
            return Arguments.of(parts[0], parts[1].equals("null") ? null : parts[1], entry.getValue());
        });
    }

    @ParameterizedTest(name = "{0} on {1} is {2}")
    @MethodSource("cases")
    void conditionHoldsAsDocumented(String condition, String context, boolean expected) {
        assertEquals(expected, holds(condition, context));
    }

    @Test
    void missingNodeContextSelectsNothing() {
        assertEquals(false, GeneratedCode.call(criteria, "condition" + CONDITIONS.indexOf("$.a"),
                MissingNode.getInstance()));
    }

    @Test
    void notNullRuleCompilesToPresenceCheck() {
        JsonPathCriterion compiler = new JsonPathCriterion(GeneratedCode.JSON_PATH_SUPPORT);

        assertEquals("dev.arazzo.runtime.JsonPathSupport.test(body, root -> "
                + "dev.arazzo.runtime.JsonPathSupport.isPresentAndNotNull(root.path(\"Contact\").path(\"Id\")))",
                compiler.compileCriterion("$.Contact.Id != null", CodeBlock.of("body")).toString());
    }

    static Stream<Arguments> invalidConditions() {
        return Stream.of(
                Arguments.of("$.a ==", 6, "the expression ends too early"),
                Arguments.of("@.a == 1", 0, "'@' (the current node) can only be used inside a filter selector"),
                Arguments.of("$..a == 1", 0, "the query $..a can select more than one node"),
                Arguments.of("$.a == 1 2", 9, "unexpected '2'"),
                Arguments.of("$.tags == ['a']", 10, "expected a literal, a query or a function call, found '['"),
                Arguments.of("$.pets.length > 0 &&", 20, "the expression ends too early"),
                Arguments.of("'available'", 0, "the literal 'available' cannot be used as a test"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidConditions")
    void invalidConditionsAreRejectedWithIndex(String condition, int index, String reason) {
        JsonPathSyntaxException error = assertThrows(JsonPathSyntaxException.class,
                () -> new JsonPathCriterion(GeneratedCode.JSON_PATH_SUPPORT).compileCriterion(condition, CodeBlock.of("body")));

        assertEquals(index, error.index(), error.getMessage());
        assertTrue(error.reason().contains(reason), error.getMessage());
        assertThrows(JsonPathSyntaxException.class, () -> JsonPathCriterion.check(condition));
    }
}
