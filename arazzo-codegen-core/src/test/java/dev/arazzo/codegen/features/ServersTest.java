package dev.arazzo.codegen.features;

import static dev.arazzo.codegen.testing.GeneratedCode.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arazzo.codegen.ArazzoCodegen;
import dev.arazzo.codegen.GenerationRequest;
import dev.arazzo.codegen.GenerationResult;
import dev.arazzo.codegen.diagnostic.Diagnostic;
import dev.arazzo.codegen.testing.GeneratedCode;
import dev.arazzo.codegen.testing.RecordingServer.Response;
import dev.arazzo.codegen.testing.Scenario;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where requests go: each operation's own servers, else its path's, else its document's; server variables
 * (defaults, {@code serverVariable}, enums); relative server urls against the source's url; {@code baseUri}.
 * The servers are mounted on path prefixes of the recording server, so the request line shows which won.
 */
class ServersTest extends ScenarioTest {

    private String port() {
        return String.valueOf(scenario.server().baseUri().getPort());
    }

    /** Two sources: {@code servers} with servers at all three levels, {@code other} with one variable. */
    private GeneratedCode levels() {
        String base = scenario.server().baseUri().toString();
        scenario.write("servers-openapi.yaml", """
                openapi: 3.0.3
                info: {title: Servers, version: '1'}
                servers:
                  - url: 'http://127.0.0.1:{port}/{version}'
                    variables:
                      port: {default: '%s'}
                      version: {default: v1, enum: [v1, v2]}
                  - url: https://unused.example.com
                paths:
                  /a:
                    get: {operationId: documentLevel, responses: {'200': {description: ok}}}
                  /b:
                    servers: [{url: '%s/path-level'}]
                    get: {operationId: pathLevel, responses: {'200': {description: ok}}}
                    post:
                      operationId: operationLevel
                      servers: [{url: '%s/operation-level'}]
                      responses: {'200': {description: ok}}
                """.formatted(port(), base, base));
        scenario.write("other-openapi.yaml", """
                openapi: 3.1.0
                info: {title: Other, version: '1'}
                servers:
                  - url: 'http://127.0.0.1:%s/other-{version}'
                    variables:
                      version: {default: v1}
                paths:
                  /d: {get: {operationId: otherOne, responses: {'200': {description: ok}}}}
                """.formatted(port()));
        GeneratedCode code = scenario.generate("""
                arazzo: 1.0.1
                info: {title: Servers, version: '1'}
                sourceDescriptions:
                  - {name: servers, url: servers-openapi.yaml, type: openapi}
                  - {name: other, url: other-openapi.yaml, type: openapi}
                workflows:
                  - workflowId: levels
                    steps:
                      - {stepId: a, operationId: documentLevel}
                      - {stepId: b, operationId: pathLevel}
                      - {stepId: c, operationId: operationLevel}
                      - {stepId: d, operationId: otherOne}
                """);
        for (String route : List.of("GET /v1/a", "GET /v2/a", "GET /path-level/b", "POST /operation-level/b",
                "GET /other-v1/d", "GET /other-v2/d", "GET /mock/a", "GET /mock/b", "POST /mock/b", "GET /mock/d")) {
            scenario.server().on(route.split(" ")[0], route.split(" ")[1], Response.json(200, "{}"));
        }
        return code;
    }

    private List<String> requestLines() {
        return scenario.server().requests().stream().map(r -> r.method() + " " + r.rawPath()).toList();
    }

    private void run(GeneratedCode code, Object builder) {
        call(call(builder, "build"), "run", Scenario.inputs(code, "LevelsWorkflow", Map.of()));
    }

    @Test
    void operationServersOverridePathServersWhichOverrideTheDocumentsWithVariablesAtTheirDefaults() {
        GeneratedCode code = levels();
        run(code, call(code.type("LevelsWorkflow"), "builder"));
        assertEquals(List.of("GET /v1/a", "GET /path-level/b", "POST /operation-level/b", "GET /other-v1/d"),
                requestLines());
    }

    @Test
    void serverVariableSetsAVariableOfEverySourceAndTheSourceVariantWinsForItsSource() {
        GeneratedCode code = levels();
        Object builder = call(code.type("LevelsWorkflow"), "builder");
        call(builder, "serverVariable", "version", "v2");
        run(code, builder);
        call(builder, "serverVariable", "other", "version", "v1");
        run(code, builder);
        assertEquals(List.of("GET /v2/a", "GET /path-level/b", "POST /operation-level/b", "GET /other-v2/d",
                "GET /v2/a", "GET /path-level/b", "POST /operation-level/b", "GET /other-v1/d"), requestLines());
    }

    @Test
    void aValueOutsideTheEnumFailsAtBuildAndAnUnknownVariableWhenSet() {
        GeneratedCode code = levels();
        Object builder = call(code.type("LevelsWorkflow"), "builder");
        call(builder, "serverVariable", "servers", "version", "v3");
        IllegalStateException outside = assertThrows(IllegalStateException.class, () -> call(builder, "build"));
        assertEquals("server variable 'version' of source 'servers' is 'v3', which its enum does not allow; set one "
                + "of v1, v2 with serverVariable(...)", outside.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> call(builder, "serverVariable", "region", "eu"));
        assertEquals("no server has a variable named 'region'; the variables are port, version", unknown.getMessage());
        IllegalArgumentException notOfSource = assertThrows(IllegalArgumentException.class,
                () -> call(builder, "serverVariable", "other", "port", "1"));
        assertEquals("no server of source 'other' has a variable named 'port'; the variables are version",
                notOfSource.getMessage());
        assertEquals(List.of(), scenario.server().requests());
    }

    @Test
    void baseUriReplacesEveryServerUrlOfItsSourceAndTheOperationPathIsAppended() {
        GeneratedCode code = levels();
        Object builder = call(code.type("LevelsWorkflow"), "builder");
        call(builder, "baseUri", "servers", URI.create(scenario.server().baseUri() + "/mock"));
        run(code, builder);
        call(builder, "baseUri", URI.create(scenario.server().baseUri() + "/mock/"));
        run(code, builder);
        assertEquals(List.of("GET /mock/a", "GET /mock/b", "POST /mock/b", "GET /other-v1/d",
                "GET /mock/a", "GET /mock/b", "POST /mock/b", "GET /mock/d"), requestLines());
    }

    @Test
    void relativeServerUrlsResolveAgainstTheSourceUrlAndSwaggerHostsAreUsed() {
        String origin = scenario.server().baseUri().toString();
        Path remote = scenario.write("remote-openapi.yaml", """
                openapi: 3.0.3
                info: {title: Remote, version: '1'}
                servers: [{url: /v2}]
                paths:
                  /a: {get: {operationId: rootRelative, responses: {'200': {description: ok}}}}
                  /x:
                    servers: [{url: ../api}]
                    get: {operationId: dotDot, responses: {'200': {description: ok}}}
                  /y:
                    get:
                      operationId: networkPath
                      servers: [{url: '//127.0.0.1:%s/net'}]
                      responses: {'200': {description: ok}}
                """.formatted(port()));
        scenario.write("swagger.yaml", """
                swagger: '2.0'
                info: {title: Old, version: '1'}
                host: 127.0.0.1:%s
                basePath: /old
                schemes: [http]
                paths:
                  /s: {get: {operationId: swaggerOne, responses: {'200': {description: ok}}}}
                """.formatted(port()));
        scenario.write("local-openapi.yaml", """
                openapi: 3.0.3
                info: {title: Local, version: '1'}
                servers: [{url: /v2}]
                paths:
                  /l: {get: {operationId: localOne, responses: {'200': {description: ok}}}}
                """);
        scenario.write("bare-openapi.yaml", """
                openapi: 3.0.3
                info: {title: Bare, version: '1'}
                paths:
                  /n: {get: {operationId: bareOne, responses: {'200': {description: ok}}}}
                """);
        Path spec = scenario.write("workflow.arazzo.yaml", """
                arazzo: 1.0.1
                info: {title: Relative, version: '1'}
                sourceDescriptions:
                  - {name: remote, url: '%s/specs/remote-openapi.yaml', type: openapi}
                  - {name: old, url: swagger.yaml, type: openapi}
                  - {name: local, url: local-openapi.yaml, type: openapi}
                  - {name: bare, url: bare-openapi.yaml, type: openapi}
                workflows:
                  - workflowId: relative
                    steps:
                      - {stepId: a, operationId: rootRelative}
                      - {stepId: x, operationId: dotDot}
                      - {stepId: y, operationId: networkPath}
                      - {stepId: s, operationId: swaggerOne}
                      - {stepId: l, operationId: localOne}
                      - {stepId: n, operationId: bareOne}
                """.formatted(origin));
        GeneratedCode code = GeneratedCode.generate(GenerationRequest.builder().spec(spec)
                .outputDirectory(directory.resolve("generated")).packageName(GeneratedCode.PACKAGE)
                .sourceMapping(origin + "/specs/remote-openapi.yaml", remote).build());
        for (String route : List.of("/v2/a", "/api/x", "/net/y", "/old/s", "/local/l", "/bare/n")) {
            scenario.server().on("GET", route, Response.json(200, "{}"));
        }

        Object builder = call(code.type("RelativeWorkflow"), "builder");
        IllegalStateException local = assertThrows(IllegalStateException.class, () -> call(builder, "build"));
        assertEquals("source 'local' has no absolute http(s) server url in its OpenAPI description (it says '/v2', "
                + "relative to the description's url 'local-openapi.yaml', which is not an http url); set its base "
                + "URI with baseUri(\"local\", uri)", local.getMessage());
        call(builder, "baseUri", "local", URI.create(origin + "/local"));
        IllegalStateException bare = assertThrows(IllegalStateException.class, () -> call(builder, "build"));
        assertEquals("source 'bare' has no server url in its OpenAPI description; set its base URI with "
                + "baseUri(\"bare\", uri)", bare.getMessage());
        call(builder, "baseUri", "bare", URI.create(origin + "/bare"));
        call(call(builder, "build"), "run", Scenario.inputs(code, "RelativeWorkflow", Map.of()));

        assertEquals(List.of("GET /v2/a", "GET /api/x", "GET /net/y", "GET /old/s", "GET /local/l", "GET /bare/n"),
                requestLines());
    }

    @Test
    void serversThatCannotBeSentToAreLocatedErrorsInTheirOpenApiFile() {
        Path openApi = scenario.write("bad-openapi.yaml", """
                openapi: 3.0.3
                info: {title: Bad, version: '1'}
                servers:
                  - url: 'https://{region}.{zone}.example.com/{version}'
                    variables:
                      region: {description: no default}
                      version: {default: v9, enum: [v1, v2]}
                paths:
                  /a:
                    get: {operationId: a, responses: {'200': {description: ok}}}
                  /b:
                    get:
                      operationId: b
                      servers:
                        - url: 'http://exa mple.com/{v}'
                          variables: {v: {default: '1'}}
                      responses: {'200': {description: ok}}
                """);
        Path spec = scenario.write("workflow.arazzo.yaml", """
                arazzo: 1.0.1
                info: {title: Bad, version: '1'}
                sourceDescriptions:
                  - {name: bad, url: bad-openapi.yaml, type: openapi}
                workflows:
                  - workflowId: bad
                    steps:
                      - {stepId: a, operationId: a}
                      - {stepId: b, operationId: b}
                """);

        GenerationResult result = ArazzoCodegen.generate(GenerationRequest.builder().spec(spec)
                .outputDirectory(directory.resolve("generated")).packageName(GeneratedCode.PACKAGE).build());

        String url = "'https://{region}.{zone}.example.com/{version}' (source 'bad')";
        assertEquals(List.of(
                openApi + ":6:7: error: [server-variable-without-default] server variable 'region' of server url "
                        + url + " has no default, which OpenAPI requires; give it one",
                openApi + ":7:7: error: [server-variable-default-not-in-enum] server variable 'version' of server "
                        + "url " + url + " has default 'v9', which its enum (v1, v2) does not list; make the default "
                        + "one of them",
                openApi + ":4:5: error: [undeclared-server-variable] server url " + url + " uses variable 'zone', "
                        + "which its variables do not declare; declare it with a default",
                openApi + ":15:11: error: [invalid-server-url] server url 'http://exa mple.com/{v}' (source 'bad') "
                        + "is not a valid URL with its variables at their defaults; write it as an absolute url "
                        + "(https://api.example.com/v1) or a path (/v1)"),
                result.diagnostics().stream().map(Diagnostic::toString).toList());
        assertTrue(result.files().isEmpty());
    }
}
