package dev.arazzo.codegen.features;

import static dev.arazzo.codegen.testing.GeneratedCode.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arazzo.codegen.ArazzoCodegen;
import dev.arazzo.codegen.GenerationRequest;
import dev.arazzo.codegen.GenerationResult;
import dev.arazzo.codegen.diagnostic.Diagnostic;
import dev.arazzo.codegen.testing.GeneratedCode;
import dev.arazzo.codegen.testing.RecordingServer.Request;
import dev.arazzo.codegen.testing.RecordingServer.Response;
import dev.arazzo.codegen.testing.Scenario;
import dev.arazzo.runtime.WorkflowException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Arazzo 1.1 replacement targets written as JSONPath ({@code targetSelectorType: jsonpath}) that can select
 * several nodes: filters (the spec's own example), wildcards, descendant segments. The value is set at every
 * node the target selects in the payload (its expressions evaluated first); a target that selects none fails
 * the step before anything is sent.
 */
class JsonPathTargetTest extends ScenarioTest {

    private static final String HEADER = """
            arazzo: 1.1.0
            info: {title: Targets, version: '1'}
            sourceDescriptions:
              - {name: things, url: things-openapi.yaml, type: openapi}
            workflows:
              - workflowId: order
                inputs:
                  type: object
                  properties:
                    quantity: {type: integer}
                    price: {type: number}
                    items: {type: array, items: {type: object}}
                steps:
                  - stepId: create
                    operationId: createThing
                    requestBody:
                      contentType: application/json
            """;

    private GeneratedCode generate(String body) throws Exception {
        return scenario.generate(HEADER + body.indent(10));
    }

    private String sent(GeneratedCode code, Map<String, Object> inputs) throws Exception {
        scenario.server().on("POST", "/things", Response.json(201, "{\"id\":\"t2\"}"));
        Object client = scenario.client(code, "OrderWorkflow");
        call(client, "run", Scenario.inputs(code, "OrderWorkflow", inputs));
        List<Request> requests = scenario.server().requests();
        assertEquals(List.of("POST /things"), requests.stream().map(r -> r.method() + " " + r.path()).toList());
        return requests.get(0).body();
    }

    @Test
    void theSpecsFilterExampleSetsTheQuantityOfTheOneItemWithThatSku() throws Exception {
        GeneratedCode code = generate("""
                payload:
                  items:
                    - {sku: XYZ789, quantity: 1}
                    - {sku: ABC123, quantity: 1}
                replacements:
                  - target: $.items[?(@.sku=='ABC123')].quantity
                    targetSelectorType: jsonpath
                    value: $inputs.quantity
                """);

        assertEquals("{\"items\":[{\"sku\":\"XYZ789\",\"quantity\":1},{\"sku\":\"ABC123\",\"quantity\":3}]}",
                sent(code, Map.of("quantity", 3)));
    }

    @Test
    void aWildcardSetsEveryItemsFieldOfAPayloadBuiltFromInputs() throws Exception {
        GeneratedCode code = generate("""
                payload:
                  items: $inputs.items
                  qty: 1
                replacements:
                  - target: $.items[*].qty
                    targetSelectorType: {type: jsonpath, version: rfc9535}
                    value: $inputs.quantity
                """);
        Object items = new ObjectMapper().readValue("[{\"qty\":1,\"sku\":\"a\"},{\"qty\":1},{\"sku\":\"c\"}]",
                List.class);

        assertEquals("{\"items\":[{\"qty\":0,\"sku\":\"a\"},{\"qty\":0},{\"sku\":\"c\"}],\"qty\":1}",
                sent(code, Map.of("items", items, "quantity", 0)));
    }

    @Test
    void aDescendantSegmentSetsEveryPriceAtAnyDepth() throws Exception {
        GeneratedCode code = generate("""
                payload:
                  price: 1
                  lines:
                    - {price: 2, name: a}
                    - {cost: 3, parts: [{price: 4}]}
                replacements:
                  - target: $..price
                    targetSelectorType: jsonpath
                    value: $inputs.price
                """);

        assertEquals("{\"price\":9.5,\"lines\":[{\"price\":9.5,\"name\":\"a\"},{\"cost\":3,\"parts\":[{\"price\":9.5}]}]}",
                sent(code, Map.of("price", 9.5)));
    }

    @Test
    void aTargetThatSelectsNoNodeFailsTheStepBeforeSendingNamingTheTarget() throws Exception {
        GeneratedCode code = generate("""
                payload:
                  items: $inputs.items
                replacements:
                  - target: $.items[?@.sku == 'none'].quantity
                    targetSelectorType: jsonpath
                    value: $inputs.quantity
                """);
        scenario.server().on("POST", "/things", Response.json(201, "{\"id\":\"t2\"}"));
        Object client = scenario.client(code, "OrderWorkflow");
        Object items = new ObjectMapper().readValue("[{\"sku\":\"a\",\"quantity\":1}]", List.class);

        WorkflowException none = assertInstanceOf(WorkflowException.class, assertThrows(RuntimeException.class,
                () -> call(client, "run", Scenario.inputs(code, "OrderWorkflow", Map.of("items", items, "quantity", 2)))));

        assertEquals("step 'create': replacement target '$.items[?@.sku == 'none'].quantity' selects no node of "
                + "the payload", none.getMessage());
        assertEquals(List.of(), scenario.server().requests());
    }

    @Test
    void aTargetThatLeadsOutOfTheWrittenPayloadIsALocatedErrorAndOneThroughAnExpressionIsNot() {
        Path spec = scenario.write("workflow.arazzo.yaml", HEADER + """
                payload:
                  items: [{sku: a, quantity: 1}]
                  more: $inputs.items
                replacements:
                  - target: $.lines[?@.sku == 'a'].quantity
                    targetSelectorType: jsonpath
                    value: $inputs.quantity
                  - target: $.more[*].quantity
                    targetSelectorType: jsonpath
                    value: $inputs.quantity
                """.indent(10));
        GenerationResult result = ArazzoCodegen.generate(GenerationRequest.builder().spec(spec)
                .outputDirectory(directory.resolve("generated")).packageName(GeneratedCode.PACKAGE).build());

        List<String> errors = result.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::toString)
                .toList();

        assertTrue(result.files().isEmpty());
        assertEquals(List.of(spec + ":22:23: error: [unmatched-target] JSONPath target "
                + "'$.lines[?@.sku == 'a'].quantity' can select no node of the payload: the payload has no member "
                + "'lines' at $, so the step would always fail; write the target to match the payload"), errors);
    }
}
