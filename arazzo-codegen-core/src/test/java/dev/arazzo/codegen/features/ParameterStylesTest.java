package dev.arazzo.codegen.features;

import static dev.arazzo.codegen.testing.GeneratedCode.call;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arazzo.codegen.testing.GeneratedCode;
import dev.arazzo.codegen.testing.RecordingServer.Request;
import dev.arazzo.codegen.testing.RecordingServer.Response;
import dev.arazzo.codegen.testing.Scenario;
import dev.arazzo.codegen.testing.StyleExamples;
import dev.arazzo.codegen.testing.StyleExamples.Cell;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every defined cell of the OpenAPI specification's style-examples table, for OpenAPI 3.0 and 3.1 sources:
 * a workflow step sends the {@code color} parameter with that style, explode and value to a local server,
 * which sees exactly the path, query or header the table shows. One document holds every cell, so it is
 * generated and compiled once.
 */
class ParameterStylesTest {

    private static final List<String> VERSIONS = List.of("3.0.4", "3.1.1");

    @TempDir
    static Path directory;

    private static Scenario scenario;
    private static GeneratedCode code;

    /** The cells a request can carry: path styles in the path (and simple in a header), query styles in the query. */
    static Stream<Cell> cells() {
        return VERSIONS.stream().flatMap(version -> StyleExamples.cells(version).stream()).filter(Cell::defined);
    }

    @BeforeAll
    static void generate() {
        scenario = Scenario.in(directory);
        StringBuilder arazzo = new StringBuilder("""
                arazzo: 1.0.1
                info: {title: Style examples, version: '1'}
                sourceDescriptions:
                """);
        for (String version : VERSIONS) {
            arazzo.append("  - {name: ").append(source(version)).append(", url: ").append(source(version))
                    .append(".yaml, type: openapi}\n");
        }
        arazzo.append("workflows:\n");
        for (String version : VERSIONS) {
            StringBuilder openApi = new StringBuilder("openapi: " + (version.startsWith("3.0") ? "3.0.3" : "3.1.0")
                    + "\ninfo: {title: Colors, version: '1'}\npaths:\n");
            arazzo.append("  - workflowId: ").append(source(version)).append("\n    steps:\n");
            for (Cell cell : cells().filter(c -> c.version().equals(version)).toList()) {
                for (String location : locations(cell)) {
                    String id = location + "-" + cell.id();
                    String path = location.equals("path") ? "/" + id + "/{color}" : "/" + id;
                    openApi.append("  ").append(path).append(":\n    get:\n      operationId: ").append(id)
                            .append("\n      parameters:\n        - {name: color, in: ").append(location)
                            .append(location.equals("path") ? ", required: true" : "").append(", style: ")
                            .append(cell.style()).append(", explode: ").append(cell.explode()).append(", schema: ")
                            .append(schema(cell.column())).append("}\n      responses:\n")
                            .append("        '200': {description: Seen.}\n");
                    arazzo.append("      - stepId: ").append(id).append("\n        operationId: $sourceDescriptions.")
                            .append(source(version)).append('.').append(id).append("\n        parameters:\n          - {name: color, in: ").append(location)
                            .append(", value: ").append(value(cell.column())).append("}\n");
                    scenario.server().on("GET", URI.create("http://h/" + id + sent(cell, location).path()).getPath(),
                            Response.json(200, "{}"));
                }
            }
            scenario.write(source(version) + ".yaml", openApi.toString());
        }
        code = scenario.generate(arazzo.toString());
    }

    @AfterAll
    static void close() {
        scenario.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void theRequestCarriesExactlyWhatTheTableShows(Cell cell) {
        String workflow = "C" + source(cell.version()).substring(1) + "Workflow";
        Object client = scenario.client(code, workflow);
        Object inputs = Scenario.inputs(code, workflow, Map.of());
        for (String location : locations(cell)) {
            String id = location + "-" + cell.id();
            call(client, camel(id), inputs);

            List<Request> sent = scenario.server().requests().stream()
                    .filter(r -> r.rawPath().startsWith("/" + id)).toList();
            Request request = sent.get(sent.size() - 1);
            Sent expected = sent(cell, location);
            assertEquals("/" + id + expected.path(), request.rawPath(), "raw path");
            assertEquals(expected.query(), request.query(), "raw query");
            if (location.equals("header")) {
                assertEquals(cell.expected(), request.header("color"), "header");
            }
        }
    }

    /** What the server should see: the path after the operation's own segment, and the raw query. */
    private record Sent(String path, String query) {
    }

    private static Sent sent(Cell cell, String location) {
        return switch (location) {
            case "path" -> new Sent("/" + cell.expected(), null);
            case "header" -> new Sent("", null);
            default -> new Sent("", cell.expected().substring(1));
        };
    }

    private static List<String> locations(Cell cell) {
        return switch (cell.style()) {
            case "matrix", "label" -> List.of("path");
            case "simple" -> List.of("path", "header");
            default -> List.of("query");
        };
    }

    private static String source(String version) {
        return "colors" + version.replace(".", "");
    }

    private static String schema(String column) {
        return switch (column) {
            case "array" -> "{type: array, items: {type: string}}";
            case "object" -> "{type: object, properties: {R: {type: integer}, G: {type: integer}, B: {type: integer}}}";
            default -> "{type: string}";
        };
    }

    private static String value(String column) {
        return switch (column) {
            case "empty" -> "''";
            case "string" -> "blue";
            case "array" -> "[blue, black, brown]";
            default -> "{R: 100, G: 200, B: 150}";
        };
    }

    /** {@code path-matrix-true-array} as the generated code names it: {@code pathMatrixTrueArray}. */
    private static String camel(String id) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : id.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }
}
