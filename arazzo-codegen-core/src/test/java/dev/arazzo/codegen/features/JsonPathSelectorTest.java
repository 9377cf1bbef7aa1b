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
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Arazzo 1.1 Selector Objects with JSONPath queries that select a node list (wildcards, slices,
 * descendants, filters, several selectors): outputs typed {@code List<T>} from the schema where every node
 * has one schema, else {@code List<JsonNode>}; parameter values (a declared array takes the list, any
 * other parameter exactly one node); payload and replacement values (the JSON array of the nodes); the
 * Goessner draft where it means what RFC 9535 means, a located error where it does not.
 */
class JsonPathSelectorTest extends ScenarioTest {

    static final String HEADER = """
            arazzo: 1.1.0
            info: {title: Selectors, version: '1'}
            sourceDescriptions:
              - {name: catalog, url: catalog-openapi.yaml, type: openapi}
            """;
    private static final String CATALOG = "{\"total\":3,\"items\":["
            + "{\"id\":\"a\",\"price\":4.5,\"tags\":[\"red\"]},"
            + "{\"id\":\"b\",\"price\":120,\"tags\":[\"blue\",\"big\"]},"
            + "{\"id\":\"c\",\"price\":9,\"tags\":[]}]}";

    static void copyCatalog(Path directory) throws Exception {
        try (InputStream in = JsonPathSelectorTest.class.getResourceAsStream("/fixtures/catalog-openapi.yaml")) {
            Files.write(directory.resolve("catalog-openapi.yaml"), in.readAllBytes());
        }
    }

    private static final String WORKFLOW = HEADER + """
            workflows:
              - workflowId: select
                steps:
                  - stepId: list
                    operationId: listItems
                    outputs:
                      catalog: $response.body
                      ids: {context: $response.body, selector: "$.items[*].id", type: jsonpath}
                      cheap: {context: $response.body, selector: "$.items[?@.price < 10].id", type: jsonpath}
                      prices: {context: $response.body, selector: "$.items[*].price", type: jsonpath}
                      tags: {context: $response.body, selector: "$..tags[*]", type: jsonpath}
                      firstTwo: {context: $response.body, selector: "$.items[0:2]", type: jsonpath}
                      idAndPrice: {context: $response.body, selector: "$.items[0]['id','price']", type: jsonpath}
                      last: {context: $response.body, selector: "$.items[-1].id", type: jsonpath}
                  - stepId: find
                    operationId: search
                    parameters:
                      - name: ids
                        in: query
                        value: {context: $steps.list.outputs.catalog, selector: "$.items[*].id", type: jsonpath}
                      - name: first
                        in: query
                        value: {context: $steps.list.outputs.catalog, selector: "$.items[?@.price > 100].id",
                                type: jsonpath}
                  - stepId: buy
                    operationId: order
                    requestBody:
                      contentType: application/json
                      payload:
                        skus: {context: $steps.list.outputs.catalog, selector: "$.items[*].id", type: jsonpath}
                        first: placeholder
                      replacements:
                        - target: /first
                          value: {context: $steps.list.outputs.catalog, selector: "$.items[:1].id", type: jsonpath}
                outputs:
                  ids: $steps.list.outputs.ids
                  cheap: $steps.list.outputs.cheap
                  prices: {context: $steps.list.outputs.catalog, selector: "$.items[*].price", type: jsonpath}
                  tags: $steps.list.outputs.tags
                  firstTwo: $steps.list.outputs.firstTwo
                  idAndPrice: $steps.list.outputs.idAndPrice
                  last: $steps.list.outputs.last
            """;

    private GeneratedCode generate() throws Exception {
        copyCatalog(directory);
        return scenario.generate(WORKFLOW);
    }

    private static String typeOf(Class<?> type, String method) throws Exception {
        Type returned = type.getMethod(method).getGenericReturnType();
        assertInstanceOf(ParameterizedType.class, returned, method);
        return returned.getTypeName().replace("java.util.", "").replace("java.lang.", "").replace("com.fasterxml.jackson.databind.", "")
                .replace(GeneratedCode.PACKAGE + ".", "");
    }

    @Test
    void nodeListsAreOutputsTypedFromTheSchemaParameterValuesAndPayloadArrays() throws Exception {
        GeneratedCode code = generate();
        scenario.server().on("GET", "/items", Response.json(200, CATALOG));
        scenario.server().on("GET", "/search", Response.json(200, "{}"));
        scenario.server().on("POST", "/orders", Response.json(201, "{}"));
        Object client = scenario.client(code, "SelectWorkflow");

        Object outputs = call(client, "run", Scenario.inputs(code, "SelectWorkflow", Map.of()));

        assertEquals(List.of("a", "b", "c"), call(outputs, "ids"));
        assertEquals(List.of("a", "c"), call(outputs, "cheap"));
        assertEquals(List.of(4.5, 120.0, 9.0), call(outputs, "prices"));
        assertEquals(List.of("red", "blue", "big"), call(outputs, "tags"));
        assertEquals(List.of("c"), call(outputs, "last"));
        List<?> firstTwo = (List<?>) call(outputs, "firstTwo");
        assertEquals(List.of("a", "b"), firstTwo.stream().map(item -> call(item, "id")).toList());
        ObjectMapper json = new ObjectMapper();
        assertEquals(List.of(json.readTree("\"a\""), json.readTree("4.5")), call(outputs, "idAndPrice"));
        Class<?> result = code.type("SelectWorkflow.ListResult");
        assertEquals("List<String>", typeOf(result, "ids"));
        assertEquals("List<String>", typeOf(result, "cheap"));
        assertEquals("List<Double>", typeOf(result, "prices"));
        assertEquals("List<String>", typeOf(result, "tags"));
        assertEquals("List<String>", typeOf(result, "last"));
        assertEquals("List<SelectWorkflow$Item>", typeOf(result, "firstTwo"));
        assertEquals("List<JsonNode>", typeOf(result, "idAndPrice"));
        assertEquals("List<Double>", typeOf(code.type("SelectWorkflow.Outputs"), "prices"));
        List<Request> requests = scenario.server().requests();
        assertEquals(List.of("GET /items", "GET /search", "POST /orders"),
                requests.stream().map(r -> r.method() + " " + r.path()).toList());
        assertEquals("ids=a&ids=b&ids=c&first=b", requests.get(1).query());
        assertEquals("{\"skus\":[\"a\",\"b\",\"c\"],\"first\":[\"a\"]}", requests.get(2).body());
    }

    @Test
    void aParameterThatNeedsOneValueFailsTheRunNamingTheSelectorWhenThereAreNoneOrSeveral() throws Exception {
        GeneratedCode code = generate();
        scenario.server().on("GET", "/items", Response.json(200, CATALOG.replace("120", "12")));
        Object client = scenario.client(code, "SelectWorkflow");

        WorkflowException none = assertInstanceOf(WorkflowException.class, assertThrows(RuntimeException.class,
                () -> call(client, "run", Scenario.inputs(code, "SelectWorkflow", Map.of()))));

        assertEquals("step 'find': selector '$.items[?@.price > 100].id' selected 0 nodes where one value is needed",
                none.getMessage());
        assertEquals(List.of("GET /items"), scenario.server().requests().stream()
                .map(r -> r.method() + " " + r.path()).toList());
    }

    @Test
    void aNodeOfAnotherTypeThanTheSchemaSaysFailsTheRunNamingTheSelectorAndTheNode() throws Exception {
        GeneratedCode code = generate();
        scenario.server().on("GET", "/items", Response.json(200, CATALOG.replace("9,", "\"nine\",")));
        Object client = scenario.client(code, "SelectWorkflow");

        WorkflowException wrong = assertInstanceOf(WorkflowException.class, assertThrows(RuntimeException.class,
                () -> call(client, "run", Scenario.inputs(code, "SelectWorkflow", Map.of()))));

        assertTrue(wrong.getMessage().startsWith("step 'list': selector '$.items[*].price': expected a number "),
                wrong.getMessage());
        assertTrue(wrong.getMessage().endsWith("but found \"nine\" at /2 of the nodes it selected"),
                wrong.getMessage());
    }

    @Test
    void theGoessnerDraftRunsWhereItMeansWhatRfc9535MeansAndIsALocatedErrorWhereItDoesNot() throws Exception {
        copyCatalog(directory);
        GeneratedCode code = scenario.generate(HEADER + """
                workflows:
                  - workflowId: draft
                    steps:
                      - stepId: list
                        operationId: listItems
                        outputs:
                          ids:
                            context: $response.body
                            selector: "$..id"
                            type: {type: jsonpath, version: draft-goessner-dispatch-jsonpath-00}
                          lastTwo:
                            context: $response.body
                            selector: "$.items[-2:].id"
                            type: {type: jsonpath, version: draft-goessner-dispatch-jsonpath-00}
                    outputs:
                      ids: $steps.list.outputs.ids
                      lastTwo: $steps.list.outputs.lastTwo
                """);
        scenario.server().on("GET", "/items", Response.json(200, CATALOG));

        Object outputs = call(scenario.client(code, "DraftWorkflow"), "run",
                Scenario.inputs(code, "DraftWorkflow", Map.of()));

        assertEquals(List.of("a", "b", "c"), call(outputs, "ids"));
        assertEquals(List.of("b", "c"), call(outputs, "lastTwo"));

        Path spec = scenario.write("workflow.arazzo.yaml", HEADER + """
                workflows:
                  - workflowId: bad
                    steps:
                      - stepId: list
                        operationId: listItems
                        outputs:
                          f: {context: $response.body, selector: "$.items[?(@.price < 10)]", type: {type: jsonpath, version: draft-goessner-dispatch-jsonpath-00}}
                          l: {context: $response.body, selector: "$.items[-1]", type: {type: jsonpath, version: draft-goessner-dispatch-jsonpath-00}}
                          s: {context: $response.body, selector: "$.items[(@.length-1)]", type: {type: jsonpath, version: draft-goessner-dispatch-jsonpath-00}}
                          b: {context: $response.body, selector: "$.items[::-1]", type: {type: jsonpath, version: draft-goessner-dispatch-jsonpath-00}}
                          r: {context: $response.body, selector: "$.items[?(@.price < 10)]", type: jsonpath}
                """);
        List<String> found = errors(spec);

        assertEquals(4, found.size(), found.toString());
        assertTrue(found.get(0).startsWith(spec + ":11:50: error: [invalid-selector] JSONPath '$.items[?(@.price < 10)]' "
                + "under draft-goessner-dispatch-jsonpath-00: its filters ?() are JavaScript expressions"), found.get(0));
        assertTrue(found.get(1).startsWith(spec + ":12:50: error: [invalid-selector] JSONPath '$.items[-1]' under "
                + "draft-goessner-dispatch-jsonpath-00: it defines no index from the end"), found.get(1));
        assertEquals(spec + ":13:50: error: [invalid-selector] JSONPath '$.items[(@.length-1)]': script expressions "
                + "[(...)] of the Goessner draft are JavaScript, which is not evaluated; write a slice ([-1:]) or an "
                + "index instead", found.get(2));
        assertTrue(found.get(3).startsWith(spec + ":14:50: error: [invalid-selector] JSONPath '$.items[::-1]' under "
                + "draft-goessner-dispatch-jsonpath-00: its slices step forward only (step -1)"), found.get(3));
    }

    private List<String> errors(Path spec) {
        GenerationResult result = ArazzoCodegen.generate(GenerationRequest.builder().spec(spec)
                .outputDirectory(directory.resolve("generated")).packageName(GeneratedCode.PACKAGE).build());
        assertTrue(result.files().isEmpty(), result.diagnostics().toString());
        return result.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::toString).toList();
    }
}
