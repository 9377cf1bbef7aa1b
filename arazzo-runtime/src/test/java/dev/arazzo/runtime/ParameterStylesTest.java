package dev.arazzo.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arazzo.runtime.ParameterStyles.Style;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Parameter serialization against the OpenAPI specification's own style-examples table, cell by cell. */
class ParameterStylesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> COLUMNS = List.of("empty", "string", "array", "object");

    /** The {@code color} value of a column: the empty string, "blue", the array, the object. */
    static Object color(String column) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("R", 100);
        object.put("G", 200);
        object.put("B", 150);
        return switch (column) {
            case "empty" -> "";
            case "string" -> "blue";
            case "array" -> List.of("blue", "black", "brown");
            default -> object;
        };
    }

    /** Every defined cell of the table in the OpenAPI 3.0.4 and 3.1.1 texts: version, style, explode, column, expected. */
    static Stream<Arguments> styleExamples() {
        List<Arguments> cells = new ArrayList<>();
        for (String version : List.of("3.0.4", "3.1.1")) {
            for (List<String> row : table(version)) {
                for (int column = 0; column < COLUMNS.size(); column++) {
                    String expected = row.get(2 + column);
                    if (!expected.equals("n/a")) {
                        cells.add(Arguments.of(version, row.get(0), Boolean.parseBoolean(row.get(1)),
                                COLUMNS.get(column), expected));
                    }
                }
            }
        }
        return cells.stream();
    }

    /** The rows of the style-examples table: style, explode, then the four cells (n/a, or the text shown). */
    static List<List<String>> table(String version) {
        Path spec = Path.of(System.getProperty("arazzo.shared", "../../shared"), "spec", "openapi-" + version + ".md");
        List<String> lines;
        try {
            lines = Files.readAllLines(spec);
        } catch (IOException e) {
            throw new UncheckedIOException("the OpenAPI text is read from ../shared/spec", e);
        }
        int header = lines.indexOf("| [`style`](#style-values) | `explode` | `undefined` | `string` | `array` | `object` |");
        assertTrue(header > 0, "style-examples table in " + spec);
        List<List<String>> rows = new ArrayList<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            List<String> cells = new ArrayList<>();
            String[] raw = lines.get(i).split("\\|");
            for (int c = 1; c < raw.length; c++) {
                String cell = raw[c].replaceAll("<span[^>]*>", "").replace("</span>", "").trim();
                cells.add(cell.equals("_n/a_") ? "n/a" : cell.equals("_empty_") ? "" : cell);
            }
            rows.add(cells);
        }
        assertEquals(14, rows.size(), "rows of the style-examples table");
        return rows;
    }

    @ParameterizedTest(name = "{0}: {1} explode={2} {3} -> {4}")
    @MethodSource("styleExamples")
    void everyCellOfTheStyleExamplesTable(String version, String style, boolean explode, String column,
            String expected) {
        Object value = color(column);
        String actual = switch (style) {
            case "matrix" -> ParameterStyles.path("color", Style.MATRIX, explode, value);
            case "label" -> ParameterStyles.path("color", Style.LABEL, explode, value);
            case "simple" -> ParameterStyles.path("color", Style.SIMPLE, explode, value);
            default -> "?" + String.join("&", ParameterStyles.query("color", style(style), explode, false, value));
        };
        assertEquals(expected, actual);
        if (style.equals("simple")) {
            assertEquals(expected, ParameterStyles.header("color", explode, value));
        }
    }

    private static Style style(String text) {
        return switch (text) {
            case "form" -> Style.FORM;
            case "spaceDelimited" -> Style.SPACE_DELIMITED;
            case "pipeDelimited" -> Style.PIPE_DELIMITED;
            default -> Style.DEEP_OBJECT;
        };
    }

    @Test
    void cellsTheTableMarksUndefinedAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ParameterStyles.query("c", Style.SPACE_DELIMITED, false,
                false, "blue"));
        assertThrows(IllegalArgumentException.class, () -> ParameterStyles.query("c", Style.PIPE_DELIMITED, true,
                false, List.of("a")));
        assertThrows(IllegalArgumentException.class, () -> ParameterStyles.query("c", Style.DEEP_OBJECT, true,
                false, List.of("a")));
        assertThrows(IllegalArgumentException.class, () -> ParameterStyles.query("c", Style.DEEP_OBJECT, false,
                false, Map.of("a", 1)));
        assertEquals("parameter 'c' holds an array with nested arrays or objects; OpenAPI styles cannot serialize them",
                assertThrows(IllegalArgumentException.class, () -> ParameterStyles.path("c", Style.SIMPLE, false,
                        List.of(List.of("a")))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ParameterStyles.path("c", Style.FORM, false, "a"));
        assertEquals("path parameter 'c' has no value", assertThrows(IllegalArgumentException.class,
                () -> ParameterStyles.path("c", Style.SIMPLE, false, null)).getMessage());
    }

    @Test
    void nullAndEmptyCollectionsAreNotSentInTheQuery() {
        assertEquals(List.of(), ParameterStyles.query("c", Style.FORM, true, false, null));
        assertEquals(List.of(), ParameterStyles.query("c", Style.FORM, false, false, List.of()));
        assertEquals(List.of(), ParameterStyles.query("c", Style.FORM, true, false, MAPPER.nullNode()));
        assertEquals(null, ParameterStyles.header("X", false, null));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "a/b?c:d@e|a/b?c:d@e",
            "x&y=z+w|x%26y%3Dz%2Bw",
            "#[]|%23%5B%5D",
            "50%25 off|50%25%20off",
            "100%|100%25",
            "é|%C3%A9"})
    void allowReservedKeepsReservedCharactersAndEncodedTriplesButNotQueryDelimiters(String value, String sent) {
        assertEquals(List.of("q=" + sent), ParameterStyles.query("q", Style.FORM, true, true, value));
        assertFalse(ParameterStyles.query("q", Style.FORM, true, false, "a/b").get(0).contains("/"));
    }

    @Test
    void cookiesAreFormPairsWithoutPercentEncoding() {
        assertEquals(List.of("color=blue"), ParameterStyles.cookie("color", true, "blue"));
        assertEquals(List.of("color=blue,black,brown"), ParameterStyles.cookie("color", false,
                color("array")));
        assertEquals(List.of("color=blue", "color=black", "color=brown"), ParameterStyles.cookie("color", true,
                color("array")));
        assertEquals(List.of("R=100", "G=200", "B=150"), ParameterStyles.cookie("color", true, color("object")));
        assertEquals(List.of("color=R,100,G,200,B,150"), ParameterStyles.cookie("color", false, color("object")));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "614.0|614",
            "1e21|1000000000000000000000",
            "0.5|0.5",
            "-2.50|-2.5",
            "1.0E-7|0.0000001",
            "12345678901234567890|12345678901234567890"})
    void numbersAreWrittenWithoutFractionOrExponentWhenIntegral(String json, String text) throws Exception {
        assertEquals(text, ParameterStyles.text(MAPPER.readTree(json)));
        assertEquals(text, ParameterStyles.text(new BigDecimal(json)));
        assertEquals(text, ParameterStyles.path("n", Style.SIMPLE, false, MAPPER.readTree(json)));
    }

    @Test
    void javaValuesAreWrittenAsParametersWriteThem() {
        assertEquals("614", ParameterStyles.text(614.0));
        assertEquals("614", Values.text(614.0));
        assertEquals("2.5", ParameterStyles.text(2.5f));
        assertEquals("100000000000000000000", ParameterStyles.text(1e20));
        assertEquals("true", ParameterStyles.text(true));
        assertEquals("7", ParameterStyles.text(7L));
        assertEquals("2024-05-01T10:15:30Z", ParameterStyles.text(OffsetDateTime.of(2024, 5, 1, 10, 15, 30, 0,
                ZoneOffset.UTC)));
        assertEquals("2024-05-01T10:15:30%2B02:00".replace(":", "%3A"), ParameterStyles.query("at", Style.FORM,
                true, false, OffsetDateTime.of(2024, 5, 1, 10, 15, 30, 0, ZoneOffset.ofHours(2))).get(0)
                .substring(3));
    }

    @Test
    void aRequestOfAStepFailsWithAWorkflowExceptionNamingStepAndParameter() {
        URI base = URI.create("http://127.0.0.1:8080");
        WorkflowException missing = assertThrows(WorkflowException.class,
                () -> StepRequest.of("getPet", base, "GET", "/pets/{petId}").path("petId", Style.SIMPLE, false, null));
        assertEquals("step 'getPet': path parameter 'petId' has no value", missing.getMessage());
        WorkflowException unset = assertThrows(WorkflowException.class,
                () -> StepRequest.of("getPet", base, "GET", "/pets/{petId}").uri());
        assertEquals("step 'getPet': path parameter 'petId' has no value", unset.getMessage());
        WorkflowException nested = assertThrows(WorkflowException.class,
                () -> StepRequest.of("find", base, "GET", "/pets").query("tags", Style.FORM, true, false,
                        List.of(List.of(1))));
        assertTrue(nested.getMessage().startsWith("step 'find': parameter 'tags' holds an array"), nested.getMessage());
    }

    @Test
    void aContentParameterIsItsJsonTextSentAsOneValue() {
        assertEquals("{\"R\":100,\"G\":200,\"B\":150}", ParameterStyles.json(color("object")));
        assertEquals("\"blue\"", ParameterStyles.json("blue"));
        assertEquals(null, ParameterStyles.json(null));
        assertEquals(List.of("c=%5B%22a%22%2C1%5D"), ParameterStyles.query("c", Style.FORM, true, false,
                ParameterStyles.json(List.of("a", 1))));
    }

    @Test
    void aStyledRequestBuildsItsUri() {
        StepRequest request = StepRequest.of("s", URI.create("http://h/api/"), "GET", "/c/{color}")
                .path("color", Style.MATRIX, true, color("object"))
                .query("color", Style.DEEP_OBJECT, true, false, color("object"))
                .query("tags", Style.PIPE_DELIMITED, false, false, color("array"))
                .header("X-Color", true, color("object"))
                .cookie("color", false, color("array"));
        assertEquals(URI.create("http://h/api/c/;R=100;G=200;B=150?color%5BR%5D=100&color%5BG%5D=200"
                + "&color%5BB%5D=150&tags=blue%7Cblack%7Cbrown"), request.uri());
        assertEquals("R=100,G=200,B=150", request.headers().get("X-Color"));
        assertEquals("blue", request.queryValue("tags"));
    }
}
