package dev.arazzo.codegen.source.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.arazzo.codegen.diagnostic.Diagnostics;
import dev.arazzo.codegen.diagnostic.SourceLocation;
import dev.arazzo.codegen.source.FileAccess;
import dev.arazzo.codegen.source.OperationDemand;
import dev.arazzo.codegen.source.OperationView;
import dev.arazzo.codegen.source.ParameterView;
import dev.arazzo.codegen.source.ResponseView;
import dev.arazzo.codegen.source.SchemaView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reading an OpenAPI document for the operations the steps name: which parts are kept, that the views of the
 * kept operations are those of the whole document, and where the whole document is parsed instead.
 */
class OpenApiSubsetTest {

    private static final String SUBSET = "the operations the workflows name";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path directory;

    private static String document(String version) {
        return """
                openapi: %s
                info: {title: pets, version: '1'}
                servers:
                - url: https://pets.example/v1
                security:
                - key: []
                paths:
                  /pets/{id}:
                    parameters:
                    - $ref: '#/components/parameters/Id'
                    get:
                      operationId: getPet
                      responses:
                        '200':
                          $ref: '#/components/responses/PetResponse'
                    put:
                      operationId: putPet
                      requestBody:
                        $ref: '#/components/requestBodies/PetBody'
                      responses:
                        '204': {description: stored}
                  /trees:
                    get:
                      operationId: getTree
                      security:
                      - oauth: [read]
                      responses:
                        '200':
                          description: a tree
                          content:
                            application/json:
                              schema: {$ref: '#/components/schemas/Node'}
                  /owners:
                    get:
                      operationId: listOwners
                      responses:
                        '200':
                          description: owners
                          content:
                            application/json:
                              schema: {$ref: '#/components/schemas/Owner'}
                components:
                  parameters:
                    Id: {name: id, in: path, required: true, schema: {$ref: '#/components/schemas/PetId'}}
                  responses:
                    PetResponse:
                      description: a pet
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Pet'}
                  requestBodies:
                    PetBody:
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Pet'}
                  schemas:
                    PetId: {type: string, format: uuid}
                    Pet:
                      type: object
                      required: [kind]
                      properties:
                        kind: {type: string}
                        owner: {$ref: '#/components/schemas/OwnerRef'}
                      discriminator:
                        propertyName: kind
                        mapping:
                          dog: '#/components/schemas/Dog'
                          cat: Cat
                    OwnerRef: {$ref: '#/components/schemas/Owner'}
                    Owner: {type: object, properties: {name: {type: string}}}
                    Dog:
                      allOf:
                      - {$ref: '#/components/schemas/Pet'}
                      - {type: object, properties: {barks: {type: boolean}}}
                    Cat:
                      allOf:
                      - {$ref: '#/components/schemas/Pet'}
                      - {type: object, properties: {purrs: {type: boolean}}}
                    Node:
                      type: object
                      properties:
                        children: {type: array, items: {$ref: '#/components/schemas/Node'}}
                    Unused: {type: object, properties: {big: {type: string}}}
                  securitySchemes:
                    key: {type: apiKey, in: header, name: X-Key}
                    oauth:
                      type: oauth2
                      flows:
                        clientCredentials: {tokenUrl: 'https://pets.example/token', scopes: {read: reads}}
                """.formatted(version);
    }

    @ParameterizedTest(name = "OpenAPI {0}")
    @ValueSource(strings = {"3.0.3", "3.1.1"})
    void refsToRefsDiscriminatorMappingsAndRecursiveSchemasAreKeptAndReadAsInTheWholeDocument(String version)
            throws Exception {
        Path file = write("pets.yaml", document(version));
        OperationDemand demand = OperationDemand.of(Set.of("getPet", "getTree"), Set.of());

        OpenApiSource subset = read(file, demand);
        OpenApiSource whole = read(file, OperationDemand.everything());

        assertEquals(SUBSET, subset.reading());
        assertEquals(List.of("getPet", "getTree"), subset.operations().stream().map(OperationView::operationId)
                .toList());
        assertEquals(List.of("getPet", "putPet", "getTree", "listOwners"), whole.operations().stream()
                .map(OperationView::operationId).toList());
        assertEquals(describe(whole, Set.of("getPet", "getTree")), describe(subset, Set.of("getPet", "getTree")));
        assertEquals(whole.securitySchemes(), subset.securitySchemes());
        assertEquals(whole.servers(), subset.servers());

        OpenApiSubset.Result pruned = OpenApiSubset.of(YAML.readTree(file.toFile()), "pets", demand);
        var components = pruned.subset().orElseThrow().path("components");
        assertEquals(List.of("PetId", "Pet", "OwnerRef", "Owner", "Dog", "Cat", "Node"),
                names(components.path("schemas")), "document order, refs followed through refs and mappings");
        assertEquals(List.of("Id"), names(components.path("parameters")));
        assertEquals(List.of("PetResponse"), names(components.path("responses")));
        assertEquals(List.of(), names(components.path("requestBodies")), "putPet's body is not read");
        assertEquals(List.of("key", "oauth"), names(components.path("securitySchemes")));
        assertEquals(List.of("get"), names(pruned.subset().get().path("paths").path("/pets/{id}")).stream()
                .filter(field -> !field.equals("parameters")).toList());
    }

    @ParameterizedTest(name = "OpenAPI {0}")
    @ValueSource(strings = {"3.0.3", "3.1.1"})
    void aJsonDocumentIsOutlinedInOnePassAndOnlyTheKeptPartsAreReadAsTrees(String version) throws Exception {
        Path file = write("pets.json", new ObjectMapper().writerWithDefaultPrettyPrinter()
                .writeValueAsString(YAML.readTree(document(version))));
        OperationDemand demand = OperationDemand.of(Set.of("getPet", "getTree"), Set.of());

        OpenApiSource subset = read(file, demand);
        OpenApiOutline outline = OpenApiOutline.scan(Files.readAllBytes(file),
                io.swagger.v3.parser.ObjectMapperFactory.createJson()).orElseThrow();

        assertEquals(SUBSET, subset.reading());
        assertEquals(describe(read(file, OperationDemand.everything()), Set.of("getPet", "getTree")),
                describe(subset, Set.of("getPet", "getTree")));
        assertEquals(List.of("get", "put"), List.copyOf(outline.paths.get("/pets/{id}").operationIds().keySet()));
        assertEquals(List.of("PetId", "Pet", "OwnerRef", "Owner", "Dog", "Cat", "Node", "Unused"),
                List.copyOf(outline.components.get("schemas").keySet()));
        assertEquals(OpenApiSubset.of(new ObjectMapper().readTree(file.toFile()), "pets", demand).subset(),
                OpenApiSubset.of(outline, "pets", demand).subset(), "the outline keeps what the tree keeps");
    }

    @ParameterizedTest(name = "OpenAPI {0}")
    @ValueSource(strings = {"3.0.3", "3.1.1"})
    void theDocumentsOwnExtensionsAreLeftOutOfTheSubsetAndTheirRefsAreNotFollowed(String version) throws Exception {
        // GitHub's API carries its webhooks in a 600 KB top-level x-webhooks: no view reads a top-level extension
        String json = new ObjectMapper().writerWithDefaultPrettyPrinter()
                .writeValueAsString(YAML.readTree(document(version).replace("paths:\n",
                        "x-webhooks:\n  ping: {post: {requestBody: {content: {application/json: {schema: "
                                + "{$ref: '#/components/schemas/Unused'}}}}}}\nx-logo: {url: logo.png}\npaths:\n")));
        Path file = write("pets.json", json);
        OperationDemand demand = OperationDemand.of(Set.of("getPet"), Set.of());
        OpenApiOutline outline = OpenApiOutline.scan(Files.readAllBytes(file),
                io.swagger.v3.parser.ObjectMapperFactory.createJson()).orElseThrow();

        var subset = OpenApiSubset.of(outline, "pets", demand).subset().orElseThrow();
        OpenApiSource read = read(file, demand);

        assertEquals(List.of("openapi", "info", "servers", "security", "paths", "components"), names(subset));
        assertEquals(List.of("PetId", "Pet", "OwnerRef", "Owner", "Dog", "Cat"),
                names(subset.path("components").path("schemas")), "Unused is named by x-webhooks alone");
        assertEquals(SUBSET, read.reading());
        assertEquals(describe(read(file, OperationDemand.everything()), Set.of("getPet")),
                describe(read, Set.of("getPet")));
    }

    @Test
    void theOnePassInternsNoFieldName() throws Exception {
        // GitHub's thousands of distinct names would each go through String.intern and Jackson's InternCache
        String unique = "Schema" + System.nanoTime();
        String interned = new String(unique.toCharArray()).intern();
        String json = new ObjectMapper().writeValueAsString(YAML.readTree(document("3.0.3")))
                .replace("\"Unused\":", "\"" + unique + "\":{\"type\":\"object\"},\"Unused\":");

        OpenApiOutline outline = OpenApiOutline.scan(json.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                io.swagger.v3.parser.ObjectMapperFactory.createJson()).orElseThrow();

        String read = outline.components.get("schemas").keySet().stream().filter(unique::equals).findFirst()
                .orElseThrow();
        assertTrue(read != interned, "the name as the pass read it is not the JVM's interned one");
    }

    @Test
    void aJsonKeyWrittenTwiceIsNotOutlinedAndReportedAsTheWholeDocumentIsReported() throws Exception {
        String json = new ObjectMapper().writeValueAsString(YAML.readTree(document("3.0.3")))
                .replace("\"Unused\":", "\"Owner\":{\"type\":\"object\"},\"Unused\":");
        Path file = write("pets.json", json);
        Diagnostics subset = new Diagnostics();
        Diagnostics whole = new Diagnostics();

        OpenApiReader.read("pets", file, SourceLocation.ofFile(file, ""), subset, FileAccess.anywhere(),
                OperationDemand.of(Set.of("listOwners"), Set.of()));
        OpenApiReader.read("pets", file, SourceLocation.ofFile(file, ""), whole, FileAccess.anywhere(),
                OperationDemand.everything());

        assertTrue(OpenApiOutline.scan(Files.readAllBytes(file), io.swagger.v3.parser.ObjectMapperFactory.createJson())
                .isEmpty());
        assertEquals(whole.all(), subset.all());
    }

    @Test
    void aJsonKeyWrittenTwiceDeepInAnUnusedComponentReadsTheWholeDocumentSoSwaggerParserReportsIt() throws Exception {
        String json = new ObjectMapper().writerWithDefaultPrettyPrinter()
                .writeValueAsString(YAML.readTree(document("3.0.3")))
                .replace("\"big\" : {", "\"big\" : {\"type\" : \"integer\"}, \"big\" : {");
        Path file = write("pets.json", json);
        Diagnostics subset = new Diagnostics();
        Diagnostics whole = new Diagnostics();
        OpenApiReader.Trace trace = new OpenApiReader.Trace();

        OpenApiReader.TRACE.set(trace);
        try {
            OpenApiReader.read("pets", file, SourceLocation.ofFile(file, ""), subset, FileAccess.anywhere(),
                    OperationDemand.of(Set.of("listOwners"), Set.of()));
        } finally {
            OpenApiReader.TRACE.remove();
        }
        OpenApiReader.read("pets", file, SourceLocation.ofFile(file, ""), whole, FileAccess.anywhere(),
                OperationDemand.everything());

        // swagger-parser's JSON parser rejects the key written twice; then its Swagger 2.0 reader says why not
        assertEquals(List.of("invalid-openapi"), whole.all().stream().map(d -> d.code()).toList());
        assertEquals(whole.all(), subset.all(), "not read as a subset that would not report the key");
        // the one pass stops at the key: the $refs and servers take a pass of their own, the outline's fallback
        // one, and the whole document is parsed by swagger-parser
        assertEquals(Map.of(file.toAbsolutePath().normalize(), 5), trace.passes);
    }

    @ParameterizedTest(name = "OpenAPI {0}")
    @ValueSource(strings = {"3.0.3", "3.1.1"})
    void aJsonDocumentReadAsASubsetIsReadOnceAndPassedOverOnce(String version) throws Exception {
        Path file = write("pets.json", new ObjectMapper().writerWithDefaultPrettyPrinter()
                .writeValueAsString(YAML.readTree(document(version))));
        OperationDemand demand = OperationDemand.of(Set.of("getPet"), Set.of());
        OpenApiReader.Trace trace = new OpenApiReader.Trace();

        OpenApiSource subset;
        OpenApiReader.TRACE.set(trace);
        try {
            subset = read(file, demand);
        } finally {
            OpenApiReader.TRACE.remove();
        }
        OpenApiSource whole = read(file, OperationDemand.everything());

        assertEquals(SUBSET, subset.reading());
        Path absolute = file.toAbsolutePath().normalize();
        assertEquals(Map.of(absolute, 1), trace.reads);
        assertEquals(Map.of(absolute, 1), trace.passes);
        assertTrue(trace.partBytes > 0 && trace.partBytes < Files.size(file), trace.partBytes + " bytes of parts");
        assertEquals(whole.servers(), subset.servers(), "the servers and their locations, from the same pass");
        assertTrue(subset.servers().get(0).location().line() > 1, subset.servers().toString());
        assertEquals(describe(whole, Set.of("getPet")), describe(subset, Set.of("getPet")));
    }

    @Test
    void aFileAJsonSubsetRefersToIsStillFollowedAndReadOnce() throws Exception {
        Path shared = write("shared.json", "{\"Owner\": {\"type\": \"object\"}}");
        Path file = write("pets.json", new ObjectMapper().writerWithDefaultPrettyPrinter()
                .writeValueAsString(YAML.readTree(document("3.0.3").replace(
                        "Owner: {type: object, properties: {name: {type: string}}}",
                        "Owner: {$ref: 'shared.json#/Owner'}"))));
        OpenApiReader.Trace trace = new OpenApiReader.Trace();

        OpenApiSource source;
        OpenApiReader.TRACE.set(trace);
        try {
            source = read(file, OperationDemand.of(Set.of("getTree"), Set.of()));
        } finally {
            OpenApiReader.TRACE.remove();
        }

        assertEquals(SUBSET, source.reading());
        assertEquals(Set.of(file.toAbsolutePath().normalize(), shared.toAbsolutePath().normalize()),
                source.referencedFiles());
        Map<Path, Integer> once = Map.of(file.toAbsolutePath().normalize(), 1,
                shared.toAbsolutePath().normalize(), 1);
        assertEquals(once, trace.reads);
        assertEquals(once, trace.passes);
    }

    @Test
    void theRefsOfAJsonSubsetAreCheckedInItsOnePassAsInTheWholeDocument() throws Exception {
        String json = new ObjectMapper().writerWithDefaultPrettyPrinter()
                .writeValueAsString(YAML.readTree(document("3.0.3")))
                .replace("\"big\" : {", "\"big\" : {\"$ref\" : \"https://pets.example/big.json\"}, \"x\" : {")
                .replace("\"name\" : {", "\"name\" : {\"$ref\" : \"../outside.json#/Name\"}, \"y\" : {")
                .replace("\"purrs\" : {", "\"purrs\" : {\"$ref\" : \"%zz.json\"}, \"z\" : {");
        Path project = Files.createDirectories(directory.resolve("project"));
        Path file = Files.writeString(project.resolve("pets.json"), json);
        FileAccess access = new FileAccess(List.of(project));
        Diagnostics subset = new Diagnostics();
        Diagnostics whole = new Diagnostics();
        OpenApiReader.Trace trace = new OpenApiReader.Trace();

        OpenApiReader.TRACE.set(trace);
        try {
            OpenApiReader.read("pets", file, SourceLocation.ofFile(file, ""), subset, access,
                    OperationDemand.of(Set.of("getPet"), Set.of()));
        } finally {
            OpenApiReader.TRACE.remove();
        }
        OpenApiReader.read("pets", file, SourceLocation.ofFile(file, ""), whole, access,
                OperationDemand.everything());

        assertEquals(List.of("ref-outside-project", "invalid-ref", "remote-ref"),
                subset.all().stream().map(d -> d.code()).toList());
        assertEquals("/components/schemas/Unused/properties/big/$ref", subset.all().get(2).location().jsonPointer());
        assertEquals(whole.all(), subset.all(), "codes, messages, lines, columns and pointers");
        assertEquals(Map.of(file.toAbsolutePath().normalize(), 1), trace.passes);
    }

    @Test
    void anOperationPathKeepsItsOperationAndAPathItemPointerItsWholeItem() throws Exception {
        Path file = write("pets.yaml", document("3.0.3"));

        OpenApiSource method = read(file, OperationDemand.of(Set.of(),
                Set.of("{$sourceDescriptions.pets.url}#/paths/~1pets~1{id}/put")));
        OpenApiSource item = read(file, OperationDemand.of(Set.of(), Set.of("pets.yaml#/paths/~1owners")));

        assertEquals(List.of("putPet"), method.operations().stream().map(OperationView::operationId).toList());
        assertEquals(describe(read(file, OperationDemand.everything()), Set.of("putPet")),
                describe(method, Set.of("putPet")));
        assertEquals(List.of("listOwners"), item.operations().stream().map(OperationView::operationId).toList());
        assertEquals(SUBSET, item.reading());
    }

    @Test
    void aQualifiedOperationIdOfAnotherSourceAsksNothingOfThisOne() throws Exception {
        Path file = write("pets.yaml", document("3.0.3"));

        OpenApiSource source = read(file, OperationDemand.of(Set.of("$sourceDescriptions.other.getPet",
                "$sourceDescriptions.pets.listOwners"), Set.of()));

        assertEquals(List.of("listOwners"), source.operations().stream().map(OperationView::operationId).toList());
    }

    @Test
    void anOperationTheDocumentDoesNotDefineReadsTheWholeDocumentSoSuggestionsNameEveryOperation() throws Exception {
        Path file = write("pets.yaml", document("3.0.3"));

        OpenApiSource source = read(file, OperationDemand.of(Set.of("getPets"), Set.of()));

        assertEquals("the whole document: operationId 'getPets' is not defined here", source.reading());
        assertEquals(4, source.operations().size());
    }

    @Test
    void aRefToAnotherFileReadsTheWholeDocument() throws Exception {
        write("shared.yaml", "Owner: {type: object, properties: {name: {type: string}}}\n");
        Path file = write("pets.yaml", document("3.0.3").replace(
                "Owner: {type: object, properties: {name: {type: string}}}", "Owner: {$ref: 'shared.yaml#/Owner'}"));

        OpenApiSource source = read(file, OperationDemand.of(Set.of("listOwners"), Set.of()));

        assertEquals("the whole document: $ref 'shared.yaml#/Owner' does not name a component of this file",
                source.reading());
        assertEquals(4, source.operations().size());
    }

    @Test
    void aRefToAnotherFileInAnOperationNoStepNamesDoesNotStopTheSubset() throws Exception {
        write("shared.yaml", "Owner: {type: object, properties: {name: {type: string}}}\n");
        Path file = write("pets.yaml", document("3.0.3").replace(
                "Owner: {type: object, properties: {name: {type: string}}}", "Owner: {$ref: 'shared.yaml#/Owner'}"));

        OpenApiSource source = read(file, OperationDemand.of(Set.of("getTree"), Set.of()));

        assertEquals(SUBSET, source.reading());
    }

    @Test
    void aPathItemRefReadsTheWholeDocument() throws Exception {
        Path file = write("pets.yaml", document("3.1.1").replace("  /owners:\n    get:\n",
                "  /keepers:\n    $ref: '#/components/pathItems/Keepers'\n  /owners:\n    get:\n")
                .replace("components:\n", "components:\n  pathItems:\n    Keepers:\n      get:\n"
                        + "        operationId: listKeepers\n        responses: {'200': {description: keepers}}\n"));

        OpenApiSource source = read(file, OperationDemand.of(Set.of("getTree"), Set.of()));

        assertEquals("the whole document: path item '/keepers' is a $ref", source.reading());
        assertEquals(read(file, OperationDemand.everything()).operations().size(), source.operations().size());
    }

    @Test
    void swagger20AndOpenApi32AreReadWhole() throws Exception {
        Path swagger = write("swagger.yaml", """
                swagger: '2.0'
                info: {title: pets, version: '1'}
                host: pets.example
                paths:
                  /pets:
                    get:
                      operationId: listPets
                      responses: {'200': {description: pets}}
                """);
        Path v32 = write("v32.yaml", document("3.2.0"));

        assertEquals("the whole document: Swagger 2.0 goes through swagger-parser's converter",
                read(swagger, OperationDemand.of(Set.of("listPets"), Set.of())).reading());
        assertEquals("the whole document: OpenAPI '3.2.0' is rewritten or converted as a whole",
                read(v32, OperationDemand.of(Set.of("getPet"), Set.of())).reading());
    }

    @Test
    void theInternalSwitchReadsEveryDocumentWhole() throws Exception {
        Path file = write("pets.yaml", document("3.0.3"));
        System.setProperty(OpenApiReader.WHOLE_DOCUMENTS, "true");
        try {
            assertEquals(4, read(file, OperationDemand.of(Set.of("getPet"), Set.of())).operations().size());
        } finally {
            System.clearProperty(OpenApiReader.WHOLE_DOCUMENTS);
        }
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(directory.resolve(name), text);
    }

    private static OpenApiSource read(Path file, OperationDemand demand) {
        Diagnostics diagnostics = new Diagnostics();
        OpenApiSource source = OpenApiReader.read("pets", file, SourceLocation.ofFile(file, ""), diagnostics,
                FileAccess.anywhere(), demand).orElseThrow();
        assertEquals(List.of(), diagnostics.all());
        return source;
    }

    private static List<String> names(com.fasterxml.jackson.databind.JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Everything the views say of the operations {@code ids}, as text. */
    private static String describe(OpenApiSource source, Set<String> ids) {
        StringBuilder text = new StringBuilder();
        for (OperationView operation : source.operations()) {
            if (!ids.contains(operation.operationId())) {
                continue;
            }
            text.append(operation.method()).append(' ').append(operation.path()).append(' ')
                    .append(operation.operationId()).append('\n');
            for (ParameterView parameter : operation.parameters()) {
                text.append("  parameter ").append(parameter.name()).append(' ').append(parameter.location())
                        .append(' ').append(parameter.style()).append(' ').append(parameter.explode()).append(' ')
                        .append(schema(parameter.schema(), 0)).append('\n');
            }
            text.append("  request ").append(operation.requestContentTypes()).append(' ')
                    .append(schema(operation.requestJsonSchema(), 0)).append('\n');
            for (ResponseView response : operation.responses()) {
                text.append("  response ").append(response.code()).append(' ').append(response.reference())
                        .append(' ').append(schema(response.jsonSchema(), 0)).append('\n');
            }
            text.append("  security ").append(operation.securityRequirements()).append('\n');
        }
        return text.toString();
    }

    private static String schema(SchemaView schema, int depth) {
        if (schema == null) {
            return "-";
        }
        if (depth > 4) {
            return "...";
        }
        SchemaView resolved = schema.resolved();
        StringBuilder text = new StringBuilder("{ref=" + schema.ref() + " type=" + resolved.type() + " format="
                + resolved.format() + " required=" + resolved.required());
        Map<String, SchemaView> properties = resolved.properties() == null ? Map.of() : resolved.properties();
        for (Map.Entry<String, SchemaView> property : properties.entrySet()) {
            text.append(' ').append(property.getKey()).append('=').append(schema(property.getValue(), depth + 1));
        }
        if (resolved.items() != null) {
            text.append(" items=").append(schema(resolved.items(), depth + 1));
        }
        for (SchemaView part : resolved.allOf() == null ? List.<SchemaView>of() : resolved.allOf()) {
            text.append(" allOf=").append(schema(part, depth + 1));
        }
        return text.append('}').toString();
    }
}
