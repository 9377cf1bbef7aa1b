package dev.arazzo.codegen.source.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arazzo.codegen.testing.Shared;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.swagger.v3.parser.util.DeserializationUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tree {@link SwaggerYaml} reads from YAML text is the one swagger-parser's own
 * {@code DeserializationUtils.deserializeIntoTree} reads (node for node, number types included), or none, and
 * then swagger-parser reads the text: for every YAML OpenAPI document of the corpus, the seed's, and texts at
 * the edges of YAML's scalars, aliases, tags and limits.
 */
class SwaggerYamlTest {

    private static final Pattern OPENAPI = Pattern.compile("(?m)^(openapi|swagger):");

    static Stream<Path> documents() throws IOException {
        try (Stream<Path> files = Files.walk(Shared.root().resolve("corpus"))) {
            List<Path> yaml = files.filter(file -> file.toString().endsWith(".yaml") || file.toString()
                    .endsWith(".yml")).filter(SwaggerYamlTest::openApi).sorted().toList();
            return Stream.concat(yaml.stream(), Stream.of(Path.of("src/test/resources/seed/amazon-connect-openapi.yml")));
        }
    }

    private static boolean openApi(Path file) {
        try {
            return OPENAPI.matcher(Files.readString(file)).find();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void aCorpusDocumentIsReadAsSwaggerParserReadsIt(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Optional<JsonNode> read = SwaggerYaml.read(text);

        assertTrue(read.isPresent(), "a plain OpenAPI document is read here");
        assertSameTree(swaggerParser(text), read.get());
    }

    /** Each text is either read to swagger-parser's tree, or left to swagger-parser (the second column says which). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            plain scalars           | 'a: b\\nc: 1\\nd: 1.5\\ne: true\\nf: ~\\ng: \"\"'                  | read
            YAML 1.1 booleans       | 'a: yes\\nb: No\\nc: on\\nd: OFF\\ne: y\\nf: n\\ng: TRUE\\nh: tRUE' | read
            integers of each size   | 'a: 2147483647\\nb: 2147483648\\nc: -2147483648\\nd: -2147483649\\ne: 9223372036854775807\\nf: 9223372036854775808\\ng: -9223372036854775809' | read
            integer notations       | 'a: 0x1F\\nb: 0777\\nc: 0b101\\nd: 1_000\\ne: 190:20:30\\nf: +12\\ng: -0\\nh: 09' | read
            floats                  | 'a: 1.0\\nb: -0.0\\nc: 1e3\\nd: 1.0e+3\\ne: 6.8523015e+5\\nf: 685.230_15e+03\\ng: .5\\nh: 1.7976931348623157e+308' | read
            floats not finite       | 'a: .inf\\nb: 1'                                                  | swagger-parser
            not a number            | 'a: .nan'                                                         | swagger-parser
            timestamps stay strings | 'a: 2001-12-14t21:59:43.10-05:00\\nb: 2002-12-14'                  | read
            explicit timestamp      | 'a: !!timestamp 2002-12-14'                                       | swagger-parser
            explicit string tag     | 'a: !!str 123\\nb: !!int \"7\"\\nc: !!float 1'                     | read
            binary                  | 'a: !!binary aGVsbG8='                                            | swagger-parser
            a set                   | 'a: !!set {x, y}'                                                 | swagger-parser
            quoted and block        | 'a: \"x\\\\ty\"\\nb: |\\n  one\\n  two\\nc: >-\\n  three\\n  four\\nd: ''q''' | read
            flow collections        | 'a: {b: [1, 2, {c: d}], e: []}\\nf: {}'                           | read
            integer and boolean keys | '200: ok\\n404: {1: a}\\ntrue: x\\nno: y\\n2147483648: z'      | read
            a float key             | '1.5: x'                                                          | swagger-parser
            one name written twice  | '200: a\\n''200'': b'                                           | swagger-parser
            null key                | '~: x'                                                            | swagger-parser
            a mapping as a key      | '? {a: b}\\n: c'                                                  | swagger-parser
            an alias                | 'a: &x {b: 1}\\nc: *x'                                            | swagger-parser
            a scalar alias          | 'a: &x hello\\nc: *x'                                             | read
            a merge key             | 'a: &x {b: 1}\\nc:\\n  <<: *x\\n  d: 2'                           | read
            a duplicate key         | 'a: 1\\na: 2'                                                     | swagger-parser
            a sequence document     | '- a\\n- b'                                                       | swagger-parser
            an empty document       | ''                                                                | swagger-parser
            a scalar document       | 'hello'                                                           | swagger-parser
            JSON text               | '{\"a\": 1}'                                                      | swagger-parser
            not YAML                | 'a: [1, 2'                                                        | swagger-parser
            two documents           | 'a: 1\\n---\\nb: 2'                                               | swagger-parser
            unicode escapes         | 'a: \"\\\\u00e9\\\\U0001F600\"\\nb: é'                             | read
            """)
    void aTextIsReadAsSwaggerParserReadsItOrLeftToIt(String name, String escaped, String expected) {
        String text = escaped.replace("\\n", "\n").replace("\\\"", "\"");
        Optional<JsonNode> read = SwaggerYaml.read(text);

        assertEquals(expected, read.isPresent() ? "read" : "swagger-parser", name + ": " + text);
        read.ifPresent(tree -> assertSameTree(swaggerParser(text), tree));
    }

    @Test
    void aTreeDeeperThanSnakeYamlReadsIsLeftToSwaggerParser() {
        // SnakeYAML's loader stops at 50 levels of nesting; swagger-parser then reads the text with Jackson's
        assertEquals(Optional.empty(), SwaggerYaml.read("a: " + "[".repeat(60) + "]".repeat(60)));
        String deep = "a: " + "[".repeat(45) + "]".repeat(45);
        assertSameTree(swaggerParser(deep), SwaggerYaml.read(deep).orElseThrow());
    }

    @Test
    void longIntegersAreReadAsSwaggerParserReadsThem() {
        String big = "a: " + "9".repeat(800);
        assertSameTree(swaggerParser(big), SwaggerYaml.read(big).orElseThrow());
        String longer = "a: " + "9".repeat(1200);
        assertSameTree(swaggerParser(longer), SwaggerYaml.read(longer).orElseThrow());
    }

    @Test
    void swaggerParsersYamlOptionsLeaveTheTextToIt() {
        System.setProperty("maxYamlDepth", "3000");
        try {
            assertEquals(Optional.empty(), SwaggerYaml.read("a: b"));
        } finally {
            System.clearProperty("maxYamlDepth");
        }
        assertTrue(SwaggerYaml.read("a: b").isPresent());
    }

    private static JsonNode swaggerParser(String text) {
        return DeserializationUtils.deserializeIntoTree(text, "file:/test.yaml", new ParseOptions(),
                new SwaggerParseResult());
    }

    /** Equal trees whose every node is of the same class (an int is not a long, nor a double a decimal). */
    private static void assertSameTree(JsonNode expected, JsonNode actual) {
        assertEquals(expected, actual);
        assertSameClasses(expected, actual, "");
    }

    private static void assertSameClasses(JsonNode expected, JsonNode actual, String at) {
        assertEquals(expected.getClass(), actual.getClass(), "the node at '" + at + "'");
        if (expected.isObject()) {
            assertEquals(List.copyOf(iterable(expected.fieldNames())), List.copyOf(iterable(actual.fieldNames())),
                    "the order of the fields at '" + at + "'");
            expected.properties().forEach(field -> assertSameClasses(field.getValue(), actual.get(field.getKey()),
                    at + "/" + field.getKey()));
        } else if (expected.isArray()) {
            for (int i = 0; i < expected.size(); i++) {
                assertSameClasses(expected.get(i), actual.get(i), at + "/" + i);
            }
        }
    }

    private static <T> List<T> iterable(java.util.Iterator<T> iterator) {
        List<T> all = new java.util.ArrayList<>();
        iterator.forEachRemaining(all::add);
        return all;
    }
}
