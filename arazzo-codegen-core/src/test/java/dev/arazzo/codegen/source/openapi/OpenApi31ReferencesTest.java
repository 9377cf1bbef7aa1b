package dev.arazzo.codegen.source.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arazzo.codegen.source.OperationDemand;
import dev.arazzo.codegen.testing.Shared;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.ResolverCache;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.swagger.v3.parser.extensions.JsonSchemaParserExtension;
import io.swagger.v3.parser.util.DeserializationUtils;
import io.swagger.v3.parser.util.OpenAPIDeserializer;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link OpenApi31References} resolves an OpenAPI 3.1 document to the model swagger-parser's own resolution
 * gives: the same JSON, the same objects shared at the same positions (the views, and so the generated types,
 * follow object identity), the same messages; and it does so allocating much less.
 */
class OpenApi31ReferencesTest {

    private static final Path CORPUS = Shared.root().resolve("corpus");
    private static final Path DISCORD =
            CORPUS.resolve("jentic-discord/runner/tests/fixtures/discord/discord.openapi.json");
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @TempDir
    Path directory;

    /** A document with what the 3.1 traverser treats apart: cycles, shared and equal schemas, $ref siblings. */
    private static final String RECURSIVE = """
            openapi: 3.1.0
            info: {title: shapes, version: '1'}
            paths:
              /nodes/{id}:
                parameters:
                - $ref: '#/components/parameters/Id'
                get:
                  operationId: getNode
                  responses:
                    '200':
                      description: a node
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Node'}
                    '404':
                      $ref: '#/components/responses/Problem'
                put:
                  operationId: putNode
                  requestBody:
                    $ref: '#/components/requestBodies/NodeBody'
                  responses:
                    '200':
                      description: the pair
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              left: {$ref: '#/components/schemas/Node'}
                              right: {$ref: '#/components/schemas/Node', description: the other one}
                              same: {type: object, properties: {id: {type: string}}}
                              again: {type: object, properties: {id: {type: string}}}
                              tree: {$ref: '#/components/schemas/Tree'}
                              alias: {$ref: '#/components/schemas/Alias'}
                              missing: {$ref: '#/components/schemas/Missing'}
            components:
              parameters:
                Id: {name: id, in: path, required: true, schema: {$ref: '#/components/schemas/Id'}}
              requestBodies:
                NodeBody:
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Node'}
              responses:
                Problem:
                  description: a problem
                  headers:
                    X-Trace: {schema: {$ref: '#/components/schemas/Id'}}
                  content:
                    application/problem+json:
                      schema:
                        type: object
                        properties:
                          title: {type: [string, 'null']}
                          node: {$ref: '#/components/schemas/Node'}
              schemas:
                Id: {type: string, format: snowflake, pattern: '^[0-9]+$'}
                Alias: {$ref: '#/components/schemas/Node'}
                Node:
                  type: object
                  required: [id]
                  properties:
                    id: {$ref: '#/components/schemas/Id'}
                    parent:
                      oneOf:
                      - {type: 'null'}
                      - {$ref: '#/components/schemas/Node'}
                    children: {type: array, items: {$ref: '#/components/schemas/Node'}}
                    labels: {type: object, additionalProperties: {$ref: '#/components/schemas/Label'}}
                    owner: {$ref: '#/components/schemas/Owner'}
                Owner:
                  type: object
                  properties:
                    id: {$ref: '#/components/schemas/Id'}
                    nodes: {type: array, items: {$ref: '#/components/schemas/Node'}}
                    same: {type: object, properties: {id: {type: string}}}
                Label:
                  allOf:
                  - {$ref: '#/components/schemas/Id'}
                  - {description: a label, maxLength: 20}
                Tree:
                  anyOf:
                  - {$ref: '#/components/schemas/Node'}
                  - {type: array, items: {$ref: '#/components/schemas/Tree'}}
                  - type: object
                    properties:
                      leaf: {$ref: '#/components/schemas/Label'}
                      owner: {$ref: '#/components/schemas/Owner'}
            """;

    private static final String THREE_ZERO = RECURSIVE.replace("openapi: 3.1.0", "openapi: 3.0.3")
            .replace("[string, 'null']", "string").replace("{type: 'null'}", "{type: object}");

    static Stream<Arguments> documents() throws Exception {
        List<Arguments> documents = new ArrayList<>();
        documents.add(Arguments.of("recursive.yaml", RECURSIVE));
        for (String file : List.of("oai-oauth/examples/1.0.0/oauth.openapi.yaml", "redocly-museum/openapi.yaml",
                "redocly-respect-local-json-server/tests/e2e/respect/local-json-server/json-server-openapi.yaml")) {
            documents.add(Arguments.of(file, Files.readString(CORPUS.resolve(file))));
        }
        documents.add(Arguments.of("review/tls-openapi.yaml",
                Files.readString(Path.of("src/test/resources/review/tls-openapi.yaml"))));
        // the part of Discord's API that creating a DM channel reads, as OpenApiReader hands it over
        documents.add(Arguments.of("discord.openapi.json, create_dm", subset(DISCORD, "create_dm")));
        return documents.stream();
    }

    static Stream<Arguments> trees() throws Exception {
        return Stream.concat(documents(), Stream.of(Arguments.of("recursive.yaml, OpenAPI 3.0", THREE_ZERO)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trees")
    void aTreeResolvesToTheModelSwaggerParserResolvesItsTextTo(String name, String text) throws Exception {
        // the subset is handed over as the tree it was read into, not as text written and read back
        Path file = directory.resolve(name.replaceAll("[^A-Za-z0-9.]", "_"));
        Files.writeString(file, text);
        String location = file.toUri().toString();

        SwaggerParseResult expected = new OpenAPIV3Parser().readContents(text, null, options(), location);
        SwaggerParseResult actual = readTree(text, location);

        assertNotNull(expected.getOpenAPI());
        assertEquals(Json31.pretty(expected.getOpenAPI()), Json31.pretty(actual.getOpenAPI()));
        assertEquals(shape(expected.getOpenAPI()), shape(actual.getOpenAPI()));
        assertEquals(sorted(expected.getMessages()), sorted(actual.getMessages()));
    }

    static Stream<Arguments> yamlTrees() throws Exception {
        return trees().filter(row -> !row.get()[0].toString().contains(".json"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("yamlTrees")
    void aYamlTreeReadWithoutSwaggerParsersMappersResolvesToTheModelOfItsText(String name, String text)
            throws Exception {
        // OpenApiReader reads a YAML document's tree with SwaggerYaml, not DeserializationUtils
        Path file = directory.resolve(name.replaceAll("[^A-Za-z0-9.]", "_"));
        Files.writeString(file, text);
        String location = file.toUri().toString();
        JsonNode tree = SwaggerYaml.read(text).orElseThrow();

        SwaggerParseResult expected = new OpenAPIV3Parser().readContents(text, null, options(), location);
        SwaggerParseResult actual = OpenApi31References.readTree(tree, options(), location);

        assertNotNull(expected.getOpenAPI());
        assertEquals(Json31.pretty(expected.getOpenAPI()), Json31.pretty(actual.getOpenAPI()));
        assertEquals(shape(expected.getOpenAPI()), shape(actual.getOpenAPI()));
        assertEquals(sorted(expected.getMessages()), sorted(actual.getMessages()));
    }

    @Test
    void theRecursiveDocumentIsInlinedBelowTheFirstRefAsSwaggerParserDoes() throws Exception {
        // what the comparison above holds fixed: below a resolved $ref, swagger-parser 3.1 inlines the rest
        Path file = directory.resolve("recursive.yaml");
        Files.writeString(file, RECURSIVE);
        OpenAPI openApi = readTree(RECURSIVE, file.toUri().toString()).getOpenAPI();
        Schema<?> node = openApi.getComponents().getSchemas().get("Node");
        assertEquals("#/components/schemas/Node", openApi.getPaths().get("/nodes/{id}").getGet().getResponses()
                .get("200").getContent().get("application/json").getSchema().get$ref());
        Schema<?> id = (Schema<?>) node.getProperties().get("id");
        assertEquals(null, id.get$ref());
        assertEquals("snowflake", id.getFormat());
    }

    @Test
    void discordsSubsetForAWorkflowIsResolvedAllocatingUnderFourFifthsOfSwaggerParsersOwn() throws Exception {
        // the three operations of jentic-discord's first workflow: 132 schemas, most of them nested in each other
        // (that they resolve alike, OpenApiSubsetEquivalenceTest shows through the code generated from them)
        String text = subset(DISCORD, "get_my_user", "create_dm", "create_message");
        String location = DISCORD.toAbsolutePath().normalize().toUri().toString();
        readTree(subset(DISCORD, "create_dm"), location); // loads the classes
        long before = THREADS.getCurrentThreadAllocatedBytes();
        new OpenAPIV3Parser().readContents(text, null, options(), location);
        long swagger = THREADS.getCurrentThreadAllocatedBytes() - before;
        JsonNode tree = new ObjectMapper().readTree(text);
        before = THREADS.getCurrentThreadAllocatedBytes();
        OpenApi31References.readTree(tree, options(), location);
        long ours = THREADS.getCurrentThreadAllocatedBytes() - before;
        // deterministic, unlike a time; about 60% when measured
        assertTrue(ours * 5 < swagger * 4, "allocated " + (ours >> 20) + " MiB, swagger-parser " + (swagger >> 20));
    }

    /** Documents swagger-parser finds fault with: the deserializer's messages, and the model it still makes. */
    static Stream<Arguments> faultyTrees() throws Exception {
        return Stream.concat(trees(), Stream.of(
                Arguments.of("no info, a path without a slash, a parameter without `in`", """
                        openapi: 3.0.3
                        paths:
                          items:
                            get:
                              parameters:
                              - {name: id, schema: {type: integer}}
                              responses: {'200': {description: ok}}
                        """),
                Arguments.of("3.1, wrong types", """
                        openapi: 3.1.0
                        info: {title: 7, version: [1]}
                        paths:
                          /a: {get: {operationId: [x], responses: {default: {description: 3}}}}
                        components: {schemas: {A: {type: object, properties: {b: 5}}}}
                        """),
                Arguments.of("not an OpenAPI document", "swagger: '2.0'\ninfo: {title: t, version: '1'}\n")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faultyTrees")
    void theTreeIsDeserializedAsSwaggerParsersDeserializerDoesIt(String name, String text) throws Exception {
        JsonNode tree = DeserializationUtils.deserializeIntoTree(text, "file:/api.yaml", options(),
                new SwaggerParseResult());

        SwaggerParseResult expected = new OpenAPIDeserializer().deserialize(tree, "file:/api.yaml", options(), false);
        SwaggerParseResult actual = OpenApi31References.deserialize(tree, "file:/api.yaml", options());

        assertEquals(expected.getOpenAPI() == null, actual.getOpenAPI() == null);
        if (expected.getOpenAPI() != null) {
            assertEquals(Json31.pretty(expected.getOpenAPI()), Json31.pretty(actual.getOpenAPI()));
            assertEquals(shape(expected.getOpenAPI()), shape(actual.getOpenAPI()));
        }
        assertEquals(expected.getMessages(), actual.getMessages());
        assertEquals(expected.isOpenapi31(), actual.isOpenapi31());
    }

    @Test
    void aRegisteredSchemaExtensionIsHandedTheWholeDocumentAsSwaggerParserHandsItOver() throws Exception {
        // swagger-parser looks its extensions up with ServiceLoader in the thread's context class loader
        Path services = directory.resolve("extension/META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(JsonSchemaParserExtension.class.getName()),
                RecordingExtension.class.getName() + "\n");
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        String location = directory.resolve("recursive.yaml").toUri().toString();
        RecordingExtension.SEEN.clear();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {directory.resolve("extension").toUri().toURL()},
                getClass().getClassLoader())) {
            thread.setContextClassLoader(loader);
            readTree(RECURSIVE, location);
        } finally {
            thread.setContextClassLoader(context);
        }

        assertFalse(RecordingExtension.SEEN.isEmpty(), "the extension was asked for the schemas");
        for (Map.Entry<Map<String, Object>, String> seen : RecordingExtension.SEEN) {
            assertEquals("3.1.0", seen.getKey().get("openapi"), "the document as a map, as swagger-parser makes it");
            assertEquals(location, seen.getValue());
        }
    }

    /** A schema extension that reads nothing and records the document map and location it is handed. */
    @SuppressWarnings("rawtypes") // JsonSchemaParserExtension's methods take and return the raw Schema
    public static final class RecordingExtension implements JsonSchemaParserExtension {
        static final List<Map.Entry<Map<String, Object>, String>> SEEN = new CopyOnWriteArrayList<>();

        @Override
        public Schema getSchema(JsonNode node, String location, OpenAPIDeserializer.ParseResult result,
                Map<String, Object> rootMap, String basePath) {
            SEEN.add(new AbstractMap.SimpleEntry<>(rootMap, basePath));
            return null;
        }

        @Override
        public boolean resolveSchema(Schema schema, ResolverCache cache, OpenAPI openApi, boolean resolveFully) {
            return false;
        }
    }

    /** {@link OpenApi31References#readTree} of {@code text} read as swagger-parser reads it into a tree. */
    private static SwaggerParseResult readTree(String text, String location) {
        JsonNode tree = DeserializationUtils.deserializeIntoTree(text, location, options(), new SwaggerParseResult());
        return OpenApi31References.readTree(tree, options(), location);
    }

    private static ParseOptions options() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setSafelyResolveURL(true);
        return options;
    }

    /** The subset of {@code file} that a workflow calling {@code operationIds} reads, as JSON text. */
    static String subset(Path file, String... operationIds) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        OpenApiOutline outline = OpenApiOutline.scan(bytes, io.swagger.v3.parser.ObjectMapperFactory.createJson())
                .orElseThrow();
        OpenApiSubset.Result result = OpenApiSubset.of(outline, "api", OperationDemand.of(Set.of(operationIds),
                Set.of()));
        return new ObjectMapper().writeValueAsString(result.subset().orElseThrow());
    }

    private static List<String> sorted(List<String> messages) {
        return messages == null ? List.of() : messages.stream().sorted().toList();
    }

    /**
     * Every swagger-parser object reachable from {@code root}, numbered in the order first met, with the path it
     * is met at, and each later meeting of the same object: two models of the same shape share the same objects
     * at the same places.
     */
    static String shape(Object root) throws IllegalAccessException {
        StringBuilder shape = new StringBuilder();
        walk(root, "", new IdentityHashMap<>(), shape);
        return shape.toString();
    }

    private static void walk(Object value, String path, Map<Object, Integer> numbers, StringBuilder shape)
            throws IllegalAccessException {
        if (value instanceof Map<?, ?> map && !model(value)) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                walk(entry.getValue(), path + "/" + entry.getKey(), numbers, shape);
            }
            return;
        }
        if (value instanceof Collection<?> collection) {
            int index = 0;
            for (Object element : collection) {
                walk(element, path + "/" + index++, numbers, shape);
            }
            return;
        }
        if (!model(value)) {
            return;
        }
        Integer known = numbers.get(value);
        if (known != null) {
            shape.append(path).append(" = #").append(known).append('\n');
            return;
        }
        numbers.put(value, numbers.size());
        shape.append(path).append(" #").append(numbers.size() - 1).append(' ').append(value.getClass().getSimpleName())
                .append('\n');
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                walk(entry.getValue(), path + "/" + entry.getKey(), numbers, shape);
            }
        }
        for (Class<?> type = value.getClass(); model(type); type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    field.setAccessible(true);
                    walk(field.get(value), path + "." + field.getName(), numbers, shape);
                }
            }
        }
    }

    private static boolean model(Object value) {
        return value != null && model(value.getClass());
    }

    private static boolean model(Class<?> type) {
        return type != null && type.getName().startsWith("io.swagger.");
    }
}
