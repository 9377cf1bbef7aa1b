package dev.arazzo.codegen.features;

import static dev.arazzo.codegen.testing.GeneratedCode.call;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.arazzo.codegen.ArazzoCodegen;
import dev.arazzo.codegen.GenerationRequest;
import dev.arazzo.codegen.GenerationResult;
import dev.arazzo.codegen.diagnostic.Diagnostic;
import dev.arazzo.codegen.testing.GeneratedCode;
import dev.arazzo.runtime.WorkflowException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code $response.body} read by the response's media type: the text of a text or XML response, the bytes of
 * a binary one, JSON as before; a Content-Type that contradicts what the step reads fails the step; a JSON
 * Pointer into a body that is not JSON is a build-time error. Against a local server that answers raw bytes.
 */
class ResponseMediaTypesTest {

    static final String OPENAPI = """
            openapi: 3.0.3
            info: {title: Media, version: '1'}
            servers: [{url: 'https://media.example.com'}]
            paths:
              /report:
                get:
                  operationId: getReport
                  responses:
                    '200':
                      description: A CSV report.
                      content: {text/csv: {schema: {type: string}}}
              /page:
                get:
                  operationId: getPage
                  responses:
                    '200':
                      description: An XML page.
                      content: {application/xml: {schema: {type: string}}}
              /logo:
                get:
                  operationId: getLogo
                  responses:
                    '200':
                      description: The logo.
                      content: {image/png: {}}
              /export:
                get:
                  operationId: getExport
                  responses:
                    '200':
                      description: A file download, declared as text but binary.
                      content: {text/csv: {schema: {type: string, format: binary}}}
              /thing:
                get:
                  operationId: getThing
                  responses:
                    '200':
                      description: JSON.
                      content:
                        application/hal+json:
                          schema: {type: object, properties: {name: {type: string}}}
            """;

    private static final String WORKFLOW = """
            arazzo: 1.0.1
            info: {title: Media, version: '1'}
            sourceDescriptions:
              - {name: media, url: media-openapi.yaml, type: openapi}
            workflows:
              - workflowId: media
                steps:
                  - stepId: report
                    operationId: getReport
                    successCriteria:
                      - condition: $statusCode == 200
                      - {context: $response.body, type: regex, condition: '^id,name\\n'}
                    outputs: {csv: $response.body}
                  - stepId: page
                    operationId: getPage
                    successCriteria:
                      - {context: $response.body, type: {type: xpath, version: xpath-10}, condition: "/page[title = 'Home']"}
                    outputs: {xml: $response.body}
                  - stepId: logo
                    operationId: getLogo
                    outputs: {png: $response.body}
                  - stepId: export
                    operationId: getExport
                    outputs: {data: $response.body}
                  - stepId: thing
                    operationId: getThing
                    outputs: {name: $response.body#/name}
                outputs:
                  csv: $steps.report.outputs.csv
                  xml: $steps.page.outputs.xml
                  png: $steps.logo.outputs.png
                  data: $steps.export.outputs.data
                  name: $steps.thing.outputs.name
            """;

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, (byte) 0xff, (byte) 0xfe};

    /** A response to give: status, Content-Type (null for none) and the exact bytes. */
    record Answer(int status, String contentType, byte[] body) {
        static Answer of(String contentType, String body) {
            return new Answer(200, contentType, body.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A request as received: method, raw path, the Accept header. */
    record Received(String method, String path, String accept) {
    }

    /** A local server that answers each path with raw bytes and records each request. */
    static final class BytesServer implements AutoCloseable {
        final Map<String, Answer> answers = new ConcurrentHashMap<>();
        final List<Received> received = Collections.synchronizedList(new ArrayList<>());
        private final HttpServer server;

        BytesServer() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                        exchange.getRequestHeaders().getFirst("Accept")));
                Answer answer = answers.getOrDefault(exchange.getRequestURI().getPath(),
                        new Answer(404, "application/json", "{}".getBytes(StandardCharsets.UTF_8)));
                if (answer.contentType() != null) {
                    exchange.getResponseHeaders().add("Content-Type", answer.contentType());
                }
                exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
                if (answer.body().length > 0) {
                    exchange.getResponseBody().write(answer.body());
                }
                exchange.close();
            });
            server.start();
        }

        URI baseUri() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    @TempDir
    static Path directory;

    private static BytesServer server;
    private static GeneratedCode code;

    @BeforeAll
    static void generate() throws IOException {
        server = new BytesServer();
        Files.writeString(directory.resolve("media-openapi.yaml"), OPENAPI);
        code = GeneratedCode.generate(GenerationRequest.builder().spec(write(WORKFLOW))
                .outputDirectory(directory.resolve("generated")).packageName(GeneratedCode.PACKAGE).build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void answers() {
        server.received.clear();
        server.answers.put("/report", Answer.of("text/csv; charset=utf-8", "id,name\n1,Zoë\n"));
        server.answers.put("/page", Answer.of("application/xml", "<page><title>Home</title></page>"));
        server.answers.put("/logo", new Answer(200, "image/png", PNG));
        server.answers.put("/export", new Answer(200, "text/csv", PNG));
        server.answers.put("/thing", Answer.of("application/hal+json", "{\"name\":\"lamp\"}"));
    }

    private static Path write(String arazzo) throws IOException {
        return Files.writeString(directory.resolve("media.arazzo.yaml"), arazzo);
    }

    private Object client() {
        Object builder = call(code.type("MediaWorkflow"), "builder");
        call(builder, "baseUri", server.baseUri());
        return call(builder, "build");
    }

    private Object run() {
        return call(client(), "run", call(call(code.type("MediaWorkflow.Inputs"), "builder"), "build"));
    }

    @Test
    void textAndXmlAreReadAsTextBinaryAsBytesJsonAsBefore() throws Exception {
        Object outputs = run();

        assertEquals(String.class, code.type("MediaWorkflow.Outputs").getMethod("csv").getReturnType());
        assertEquals(byte[].class, code.type("MediaWorkflow.Outputs").getMethod("png").getReturnType());
        assertEquals(byte[].class, code.type("MediaWorkflow.Outputs").getMethod("data").getReturnType());
        assertEquals(String.class, code.type("MediaWorkflow.ReportResult").getMethod("csv").getReturnType());
        assertEquals("id,name\n1,Zoë\n", call(outputs, "csv"));
        assertEquals("<page><title>Home</title></page>", call(outputs, "xml"));
        assertArrayEquals(PNG, (byte[]) call(outputs, "png"));
        assertArrayEquals(PNG, (byte[]) call(outputs, "data"), "format: binary reads bytes whatever the type");
        assertEquals("lamp", call(outputs, "name"));
        assertEquals(List.of(new Received("GET", "/report", "text/csv"),
                new Received("GET", "/page", "application/xml"),
                new Received("GET", "/logo", "image/png"), new Received("GET", "/export", "text/csv"),
                new Received("GET", "/thing", "application/json")), server.received,
                "a step that reads text or bytes asks for the declared media types");
    }

    @Test
    void textIsDecodedWithTheCharsetOfTheContentType() {
        server.answers.put("/report", new Answer(200, "text/csv; charset=ISO-8859-1",
                "id,name\n1,Zoë\n".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals("id,name\n1,Zoë\n", call(run(), "csv"));
    }

    @Test
    void criteriaReadTheTextOfTextAndXmlResponses() {
        server.answers.put("/page", Answer.of("application/xml", "<page><title>Away</title></page>"));
        RuntimeException failed = assertThrows(RuntimeException.class, this::run);
        assertEquals("/page[title = 'Home']", call(failed, "failedCriterion"));
        server.answers.put("/page", Answer.of("application/xml", "<page><title>Home</title></page>"));
        server.answers.put("/report", Answer.of("text/csv", "name,id\n"));
        failed = assertThrows(RuntimeException.class, this::run);
        assertEquals("^id,name\\n", call(failed, "failedCriterion"));
    }

    @Test
    void aContentTypeThatContradictsWhatTheStepReadsFailsTheStep() {
        server.answers.put("/logo", Answer.of("text/html", "<html>maintenance</html>"));
        WorkflowException html = assertInstanceOf(WorkflowException.class, assertThrows(RuntimeException.class,
                this::run));
        assertEquals("step 'logo' reads $response.body as binary (image/png, as the OpenAPI describes the response) "
                + "but the response's Content-Type is text/html; it starts: <html>maintenance</html>",
                html.getMessage());

        server.answers.put("/logo", new Answer(200, "image/png", PNG));
        server.answers.put("/report", Answer.of("application/json", "{\"error\":\"no report\"}"));
        WorkflowException json = assertInstanceOf(WorkflowException.class, assertThrows(RuntimeException.class,
                this::run));
        assertEquals("step 'report' reads $response.body as text (text/csv, as the OpenAPI describes the response) "
                + "but the response's Content-Type is application/json; it starts: {\"error\":\"no report\"}",
                json.getMessage());
    }

    @Test
    void aResponseWithoutContentTypeIsReadAsDeclared() {
        server.answers.put("/logo", new Answer(200, null, PNG));
        server.answers.put("/report", new Answer(200, null, "id,name\n".getBytes(StandardCharsets.UTF_8)));
        Object outputs = run();
        assertArrayEquals(PNG, (byte[]) call(outputs, "png"));
        assertEquals("id,name\n", call(outputs, "csv"));
    }

    @Test
    void aJsonPointerIntoATextOrBinaryResponseIsALocatedBuildError() throws IOException {
        Path spec = Files.writeString(directory.resolve("pointers.arazzo.yaml"), """
                arazzo: 1.0.1
                info: {title: Media, version: '1'}
                sourceDescriptions:
                  - {name: media, url: media-openapi.yaml, type: openapi}
                workflows:
                  - workflowId: pointers
                    steps:
                      - stepId: report
                        operationId: getReport
                        successCriteria:
                          - condition: $response.body#/total > 0
                          - {context: $response.body, type: jsonpath, condition: '$[?@.total > 0]'}
                        outputs:
                          first: $response.body#/0
                      - stepId: logo
                        operationId: getLogo
                        outputs: {size: $response.body#/size}
                        onFailure:
                          - {name: stop, type: end, criteria: [{context: $response.body#/error, type: regex, condition: x}]}
                """);

        GenerationResult result = ArazzoCodegen.generate(GenerationRequest.builder().spec(spec)
                .outputDirectory(directory.resolve("bad")).packageName(GeneratedCode.PACKAGE).build());

        assertEquals(List.of(
                spec + ":14:18: error: [pointer-into-non-json] step 'report' reads $response.body#/0, but its "
                        + "response is text/csv, not JSON, so a JSON Pointer cannot select in it; read $response.body "
                        + "whole (a String), or test it with a regex or xpath criterion",
                spec + ":11:24: error: [pointer-into-non-json] step 'report' reads $response.body#/total, but its "
                        + "response is text/csv, not JSON, so a JSON Pointer cannot select in it; read $response.body "
                        + "whole (a String), or test it with a regex or xpath criterion",
                spec + ":12:23: error: [pointer-into-non-json] step 'report' tests $response.body with a JSONPath "
                        + "criterion, but its response is text/csv, not JSON; test it with a regex or xpath criterion "
                        + "instead",
                spec + ":17:25: error: [pointer-into-non-json] step 'logo' reads $response.body#/size, but its "
                        + "response is image/png, not JSON, so a JSON Pointer cannot select in it; read "
                        + "$response.body whole (the bytes)",
                spec + ":19:58: error: [pointer-into-non-json] step 'logo' reads $response.body#/error, but its "
                        + "response is image/png, not JSON, so a JSON Pointer cannot select in it; read "
                        + "$response.body whole (the bytes)"),
                result.diagnostics().stream().map(Diagnostic::toString).toList());
        assertTrue(result.files().isEmpty());
    }
}
