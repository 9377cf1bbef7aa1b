package dev.arazzo.codegen.source.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arazzo.codegen.diagnostic.Diagnostics;
import dev.arazzo.codegen.diagnostic.SourceLocation;
import dev.arazzo.codegen.source.OperationView;
import dev.arazzo.codegen.source.ServerView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The servers of an OpenAPI operation: its own, else its path item's, else the document's, with their locations. */
class OpenApiServersTest {

    @TempDir
    Path directory;

    private OpenApiSource read(String name, String text) throws Exception {
        Path file = Files.writeString(directory.resolve(name), text);
        Diagnostics diagnostics = new Diagnostics();
        OpenApiSource source = OpenApiReader.read("api", file, SourceLocation.ofFile(file, ""), diagnostics)
                .orElseThrow();
        assertEquals(List.of(), diagnostics.all());
        return source;
    }

    private static OperationView operation(OpenApiSource source, String id) {
        return source.operations().stream().filter(o -> id.equals(o.operationId())).findFirst().orElseThrow();
    }

    @Test
    void operationServersOverridePathServersWhichOverrideTheDocumentsAndKeepTheirLines() throws Exception {
        OpenApiSource source = read("api.yaml", """
                openapi: 3.0.3
                info: {title: Api, version: '1'}
                servers:
                  - url: https://{region}.example.com/v1
                    variables:
                      region: {default: us, enum: [us, eu]}
                  - url: https://backup.example.com
                paths:
                  /a:
                    get: {operationId: documentLevel, responses: {'200': {description: ok}}}
                  /b:
                    servers: [{url: 'https://paths.example.com'}]
                    get: {operationId: pathLevel, responses: {'200': {description: ok}}}
                    post:
                      operationId: operationLevel
                      servers:
                        - url: /relative
                      responses: {'200': {description: ok}}
                """);
        ServerView document = operation(source, "documentLevel").servers().get(0);
        assertEquals("https://{region}.example.com/v1", document.url());
        assertEquals(2, operation(source, "documentLevel").servers().size());
        assertEquals("4:5 /servers/0/url", where(document.location()));
        ServerView.Variable region = document.variables().get(0);
        assertEquals(List.of("region", "us", List.of("us", "eu")),
                List.of(region.name(), region.defaultValue(), region.allowed()));
        assertEquals("6:7 /servers/0/variables/region", where(region.location()));
        ServerView path = operation(source, "pathLevel").servers().get(0);
        assertEquals("https://paths.example.com", path.url());
        assertEquals("12:16 /paths/~1b/servers/0/url", where(path.location()));
        ServerView own = operation(source, "operationLevel").servers().get(0);
        assertEquals("/relative", own.url());
        assertEquals("17:11 /paths/~1b/post/servers/0/url", where(own.location()));
        assertEquals(List.of(), source.operations().stream().filter(o -> o.servers().isEmpty()).toList());
    }

    @Test
    void aDocumentWithoutServersHasNone() throws Exception {
        OpenApiSource source = read("bare.yaml", """
                openapi: 3.1.0
                info: {title: Bare, version: '1'}
                paths:
                  /a: {get: {operationId: a, responses: {'200': {description: ok}}}}
                """);
        assertEquals(List.of(), operation(source, "a").servers());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "host: api.example.com;basePath: /v2;schemes: [https] | https://api.example.com/v2",
            "host: api.example.com                                 | //api.example.com/",
            "basePath: /v2                                         | /v2",
    })
    // without schemes, Swagger 2.0 means the scheme the description is read with: a network-path reference
    void swaggerTwoServersAreWhatTheConverterMakesOfHostBasePathAndSchemes(String lines, String expected)
            throws Exception {
        OpenApiSource source = read("swagger.yaml", "swagger: '2.0'\ninfo: {title: Old, version: '1'}\n"
                + lines.replace(";", "\n") + "\npaths:\n  /a:\n    get:\n      operationId: a\n"
                + "      responses: {'200': {description: ok}}\n");
        assertEquals(expected, operation(source, "a").servers().get(0).url());
    }

    @ParameterizedTest(name = "{0} against {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "/v2              | https://example.com/specs/openapi.yaml | https://example.com/v2",
            "//host.test/x    | https://example.com/specs/openapi.yaml | https://host.test/x",
            "../api           | https://example.com/specs/openapi.yaml | https://example.com/api",
            "v3/{region}      | https://example.com/specs/openapi.yaml | https://example.com/specs/v3/{region}",
            "/v2              | http://example.com                     | http://example.com/v2",
            "/v2              | file:///work/specs/openapi.yaml        | file:/v2",
            "/v2              | specs/openapi.yaml                     | /v2",
            "/v2              | -                                      | /v2",
            "https://a.test/x | https://example.com/openapi.yaml       | https://a.test/x",
            "{scheme}://a.test | https://example.com/openapi.yaml      | {scheme}://a.test",
    })
    void relativeServerUrlsResolveAgainstTheUrlOfTheirDescription(String server, String source, String expected) {
        assertEquals(expected, ServerView.resolve(server, source));
    }

    private static String where(SourceLocation location) {
        return location.line() + ":" + location.column() + " " + location.jsonPointer();
    }
}
