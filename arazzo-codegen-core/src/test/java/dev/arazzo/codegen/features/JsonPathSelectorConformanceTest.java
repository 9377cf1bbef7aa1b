package dev.arazzo.codegen.features;

import static dev.arazzo.codegen.testing.GeneratedCode.call;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arazzo.codegen.jsonpath.JsonPathParser;
import dev.arazzo.codegen.testing.GeneratedCode;
import dev.arazzo.codegen.testing.RecordingServer.Response;
import dev.arazzo.codegen.testing.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rows of the JSONPath Compliance Test Suite (RFC 9535) run as Arazzo 1.1 Selector Objects: every
 * {@code basic} case with one deterministic result and a query that can select several nodes, every
 * second such {@code slice selector} case and every third {@code filter} case. One workflow holds them all, a step per row that
 * reads the row's document as its response and selects in it; it is generated, compiled and run once
 * against a local server, and each row compares its output, a {@code List<JsonNode>}, with the suite's.
 */
class JsonPathSelectorConformanceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<Row> ROWS = new ArrayList<>();
    @TempDir
    static Path directory;
    private static Scenario scenario;
    private static Object outputs;

    private record Row(int index, String name, String selector, JsonNode document, JsonNode result) {
    }

    static Stream<Arguments> rows() throws Exception {
        if (ROWS.isEmpty()) {
            JsonNode tests = MAPPER.readTree(Files.readString(Path.of(System.getProperty("arazzo.shared",
                    "../../shared"), "conformance", "jsonpath-cts.json"))).get("tests");
            int filters = 0;
            int slices = 0;
            for (int i = 0; i < tests.size(); i++) {
                JsonNode test = tests.get(i);
                String name = test.get("name").asText();
                String category = name.split(",")[0];
                if (test.path("invalid_selector").asBoolean() || !test.has("result")
                        || JsonPathParser.parse(test.get("selector").asText()).isSingular()
                        || !List.of("basic", "slice selector", "filter").contains(category)
                        || category.equals("filter") && filters++ % 3 != 0
                        || category.equals("slice selector") && slices++ % 2 != 0) {
                    continue;
                }
                ROWS.add(new Row(i, name, test.get("selector").asText(), test.get("document"), test.get("result")));
            }
        }
        return ROWS.stream().map(row -> Arguments.of(row.index(), row.name(), row.selector(), row.result()));
    }

    @BeforeAll
    static void generateAndRunOnce() throws Exception {
        rows();
        scenario = Scenario.in(directory);
        JsonPathSelectorTest.copyCatalog(directory);
        ObjectNode document = (ObjectNode) MAPPER.readTree("{\"arazzo\":\"1.1.0\",\"info\":{\"title\":\"CTS\","
                + "\"version\":\"1\"},\"sourceDescriptions\":[{\"name\":\"catalog\",\"url\":\"catalog-openapi.yaml\","
                + "\"type\":\"openapi\"}]}");
        ObjectNode workflow = document.putArray("workflows").addObject().put("workflowId", "cts");
        ArrayNode steps = workflow.putArray("steps");
        ObjectNode workflowOutputs = workflow.putObject("outputs");
        for (Row row : ROWS) {
            String id = "case" + row.index();
            ObjectNode step = steps.addObject().put("stepId", id).put("operationId", "getDocument");
            step.putArray("parameters").addObject().put("name", "n").put("in", "path").put("value", id);
            step.putObject("outputs").putObject("nodes").put("context", "$response.body")
                    .put("selector", row.selector()).put("type", "jsonpath");
            workflowOutputs.put(id, "$steps." + id + ".outputs.nodes");
            scenario.server().on("GET", "/docs/" + id, Response.json(200, MAPPER.writeValueAsString(row.document())));
        }
        GeneratedCode code = scenario.generate(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(document));
        outputs = call(scenario.client(code, "CtsWorkflow"), "run", Scenario.inputs(code, "CtsWorkflow", Map.of()));
    }

    @AfterAll
    static void close() {
        if (scenario != null) {
            scenario.close();
        }
    }

    @ParameterizedTest(name = "{0}: {1}: {2}")
    @MethodSource("rows")
    void aSelectorObjectGivesTheSuitesNodeList(int index, String name, String selector, JsonNode expected) {
        assertEquals(expected, MAPPER.valueToTree(call(outputs, "case" + index)), selector);
    }
}
