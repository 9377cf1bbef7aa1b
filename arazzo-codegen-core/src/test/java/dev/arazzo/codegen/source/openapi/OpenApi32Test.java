package dev.arazzo.codegen.source.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arazzo.codegen.diagnostic.Diagnostic;
import dev.arazzo.codegen.diagnostic.Diagnostics;
import dev.arazzo.codegen.diagnostic.SourceLocation;
import dev.arazzo.codegen.source.OperationView;
import dev.arazzo.codegen.source.ParameterLocation;
import dev.arazzo.codegen.source.ParameterView;
import dev.arazzo.codegen.testing.Documents;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OpenAPI 3.2 documents, rewritten into 3.1 for swagger-parser, seen through the views with their 3.2 meaning. */
class OpenApi32Test {

    @TempDir
    Path directory;

    @Test
    void queryAndAdditionalOperationsKeepTheirMethodAndPathAndQuerystringParametersTheirLocation() throws Exception {
        Path file = Path.of(OpenApi32Test.class.getResource("/fixtures/openapi32/search.openapi.yaml").toURI());
        Diagnostics diagnostics = new Diagnostics();

        OpenApiSource source = OpenApiReader.read("search", file, SourceLocation.ofFile(file, ""), diagnostics)
                .orElseThrow();

        assertEquals(List.of(), diagnostics.all());
        assertEquals("https://search.example.com/v1", source.serverUrl());
        assertEquals(List.of("GET /products listProducts", "QUERY /products searchProducts",
                        "PURGE /products purgeProducts", "GET /lookup lookup"),
                source.operations().stream().map(o -> o.method() + " " + o.path() + " " + o.operationId()).toList());
        OperationView search = source.operations().get(1);
        assertEquals(List.of("X-Tenant"), search.parameters().stream().map(ParameterView::name).toList(),
                "the path item's parameters apply to its QUERY operation too");
        assertEquals(List.of("application/json"), search.requestContentTypes());
        assertEquals("array", search.responses().get(0).jsonSchema().type(),
                "a $ref to components/mediaTypes is followed");
        ParameterView filter = source.operations().get(3).parameters().get(0);
        assertEquals(ParameterLocation.QUERYSTRING, filter.location());
        assertEquals("application/x-www-form-urlencoded", filter.contentType());
    }

    @Test
    void whatCannotBeTranslatedIsReportedInTheOpenApiFile() throws Exception {
        Path file = Documents.write(directory, "bad.yaml", """
                openapi: 3.2.0
                info: {title: Bad, version: '1'}
                paths:
                  /a:
                    additionalOperations:
                      POST: {responses: {'200': {description: ok}}}
                    get:
                      parameters:
                        - {name: c, in: cookie, style: cookie, schema: {type: string}}
                      responses:
                        '200':
                          description: ok
                          content:
                            application/jsonl: {itemSchema: {type: object}}
                """);
        Diagnostics diagnostics = new Diagnostics();

        assertTrue(OpenApiReader.read("bad", file, SourceLocation.ofFile(file, ""), diagnostics).isEmpty());

        assertEquals(List.of(
                file + ":6:13: error: [openapi-untranslatable] additionalOperations of path '/a' names POST, which "
                        + "OpenAPI 3.2 forbids there; write it as the path item's 'post' field",
                file + ":9:40: error: [openapi-untranslatable] parameter 'c' has 'style: cookie' (OpenAPI 3.2), which "
                        + "this generator cannot send yet; use 'style: form'",
                file + ":14:45: warning: [openapi-item-schema] this media type describes a stream of items "
                        + "('itemSchema', OpenAPI 3.2); the generator reads the body untyped, as JsonNode"),
                diagnostics.all().stream().map(Diagnostic::toString).toList());
    }
}
