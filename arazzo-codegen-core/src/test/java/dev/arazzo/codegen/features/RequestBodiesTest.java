package dev.arazzo.codegen.features;

import static dev.arazzo.codegen.testing.GeneratedCode.call;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arazzo.codegen.ArazzoCodegen;
import dev.arazzo.codegen.GenerationRequest;
import dev.arazzo.codegen.GenerationResult;
import dev.arazzo.codegen.diagnostic.Diagnostic;
import dev.arazzo.codegen.testing.GeneratedCode;
import dev.arazzo.codegen.testing.RecordingServer.Request;
import dev.arazzo.codegen.testing.RecordingServer.Response;
import dev.arazzo.codegen.testing.Scenario;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Request bodies sent as the operation's media type says (issue 11, "Request bodies, by media type"): the
 * exact {@code Content-Type} and body bytes a generated client sends to a local server, and the build-time
 * errors for what it cannot send so.
 */
class RequestBodiesTest extends ScenarioTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String OPENAPI = """
            openapi: 3.0.3
            info: {title: Bodies, version: '1'}
            paths:
              /text:
                post:
                  operationId: postText
                  requestBody:
                    content:
                      text/plain: {schema: {type: string}}
                  responses: {'200': {description: Seen.}}
              /xml:
                post:
                  operationId: postXml
                  requestBody:
                    content:
                      application/xml: {schema: {type: object, properties: {a: {type: string}}}}
                  responses: {'200': {description: Seen.}}
              /latin:
                post:
                  operationId: postLatin
                  requestBody:
                    content:
                      text/plain; charset=ISO-8859-1: {schema: {type: string}}
                  responses: {'200': {description: Seen.}}
              /form:
                post:
                  operationId: postForm
                  requestBody:
                    content:
                      application/x-www-form-urlencoded:
                        schema:
                          type: object
                          properties:
                            name: {type: string}
                            tags: {type: array, items: {type: string}}
                            ids: {type: array, items: {type: integer}}
                            color: {type: object, properties: {R: {type: integer}, G: {type: integer}}}
                            meta: {type: object, properties: {a: {type: integer}}}
                            path: {type: string}
                        encoding:
                          ids: {style: form, explode: false}
                          meta: {contentType: application/json}
                          path: {allowReserved: true}
                  responses: {'200': {description: Seen.}}
              /upload:
                post:
                  operationId: upload
                  requestBody:
                    content:
                      multipart/form-data:
                        schema:
                          type: object
                          properties:
                            name: {type: string}
                            age: {type: integer}
                            meta: {type: object, properties: {a: {type: integer}}}
                            photo: {type: string, format: binary}
                            tags: {type: array, items: {type: string}}
                            doc: {type: string}
                        encoding:
                          photo: {contentType: image/png}
                          doc: {contentType: application/xml}
                  responses: {'200': {description: Seen.}}
              /mixed:
                post:
                  operationId: mixed
                  requestBody:
                    content:
                      multipart/mixed:
                        schema: {type: object, properties: {note: {type: string}, raw: {type: string, format: binary}}}
                  responses: {'200': {description: Seen.}}
              /bytes:
                post:
                  operationId: postBytes
                  requestBody:
                    content:
                      application/octet-stream: {schema: {type: string, format: binary}}
                  responses: {'200': {description: Seen.}}
              /choice:
                post:
                  operationId: choice
                  requestBody:
                    content:
                      application/xml: {schema: {type: string}}
                      application/json: {schema: {type: object}}
                      text/*: {schema: {type: string}}
                  responses: {'200': {description: Seen.}}
              /two:
                post:
                  operationId: twoTexts
                  requestBody:
                    content:
                      text/plain: {schema: {type: string}}
                      application/xml: {schema: {type: string}}
                  responses: {'200': {description: Seen.}}
              /anytext:
                post:
                  operationId: anyText
                  requestBody:
                    content:
                      text/*: {schema: {type: string}}
                  responses: {'200': {description: Seen.}}
              /related:
                post:
                  operationId: related
                  requestBody:
                    content:
                      multipart/related: {schema: {type: object}}
                  responses: {'200': {description: Seen.}}
            """;

    private static final String HEADER = """
            arazzo: 1.0.1
            info: {title: Bodies, version: '1'}
            sourceDescriptions:
              - {name: bodies, url: bodies-openapi.yaml, type: openapi}
            workflows:
              - workflowId: bodies
                inputs:
                  type: object
                  properties:
                    who: {type: string}
                    count: {type: number}
                    photo: {type: string, format: binary}
                    raw: {type: string, contentMediaType: application/octet-stream}
                    color: {type: object, properties: {R: {type: integer}, G: {type: integer}}}
                    form: {type: object, properties: {name: {type: string}, photo: {type: string}}}
                steps:
            """;

    @BeforeEach
    void writeOpenApi() {
        scenario.write("bodies-openapi.yaml", OPENAPI);
        for (String path : List.of("/text", "/xml", "/latin", "/form", "/upload", "/mixed", "/bytes", "/choice",
                "/anytext")) {
            scenario.server().on("POST", path, Response.json(200, "{}"));
        }
    }

    private List<Request> run(GeneratedCode code, Map<String, Object> inputs) {
        call(scenario.client(code, "BodiesWorkflow"), "run", Scenario.inputs(code, "BodiesWorkflow", inputs));
        return scenario.server().requests();
    }

    @Test
    void textAndXmlPayloadsAreSentVerbatimAndPrimitivesAsParametersWriteThem() {
        GeneratedCode code = scenario.generate(HEADER + """
                      - stepId: text
                        operationId: postText
                        requestBody:
                          payload: 'Hello {$inputs.who}, "quoted"'
                      - stepId: number
                        operationId: postText
                        requestBody:
                          payload: $inputs.count
                      - stepId: literal
                        operationId: postText
                        requestBody:
                          payload: true
                      - stepId: xml
                        operationId: postXml
                        requestBody:
                          contentType: application/xml
                          payload: '<a>{$inputs.who}</a>'
                      - stepId: latin
                        operationId: postLatin
                        requestBody:
                          payload: $inputs.who
                """);

        List<Request> requests = run(code, Map.of("who", "Zoë", "count", 614.0));

        assertEquals(5, requests.size(), requests.toString());
        assertEquals("text/plain", requests.get(0).header("Content-Type"));
        assertEquals("Hello Zoë, \"quoted\"", requests.get(0).body());
        assertEquals("614", requests.get(1).body());
        assertEquals("true", requests.get(2).body());
        assertEquals("application/xml", requests.get(3).header("Content-Type"));
        assertEquals("<a>Zoë</a>", requests.get(3).body());
        assertEquals("text/plain; charset=ISO-8859-1", requests.get(4).header("Content-Type"));
        assertArrayEquals("Zoë".getBytes(StandardCharsets.ISO_8859_1), scenario.server().bodyBytes(4));
    }

    @Test
    void formPayloadsAreEncodedMemberByMemberAsTheEncodingSaysAndTextIsSentAsIs() {
        GeneratedCode code = scenario.generate(HEADER + """
                      - stepId: fields
                        operationId: postForm
                        requestBody:
                          payload:
                            name: $inputs.who
                            tags: [a b, c]
                            ids: [1, 2]
                            color: $inputs.color
                            meta: {a: 1}
                            path: a/b?c
                      - stepId: given
                        operationId: postForm
                        requestBody:
                          contentType: application/x-www-form-urlencoded
                          payload: 'name=already%20encoded&x=1'
                """);

        List<Request> requests = run(code, Map.of("who", "Zoë", "color", color(code)));

        assertEquals("application/x-www-form-urlencoded", requests.get(0).header("Content-Type"));
        assertEquals("name=Zo%C3%AB&tags=a%20b&tags=c&ids=1,2&R=100&G=200&meta=%7B%22a%22%3A1%7D&path=a/b?c",
                requests.get(0).body());
        assertEquals("application/x-www-form-urlencoded", requests.get(1).header("Content-Type"));
        assertEquals("name=already%20encoded&x=1", requests.get(1).body());
    }

    private static Object color(GeneratedCode code) {
        Object builder = call(code.type("BodiesWorkflow.Color"), "builder");
        call(builder, "r", 100);
        call(builder, "g", 200);
        return call(builder, "build");
    }

    @Test
    void multipartPayloadsAreOnePartPerMemberWithARandomBoundaryAndFilePartsFromBinaryInputs() {
        GeneratedCode code = scenario.generate(HEADER + """
                      - stepId: upload
                        operationId: upload
                        requestBody:
                          payload:
                            name: $inputs.who
                            age: 7
                            meta: {a: 1}
                            photo: $inputs.photo
                            tags: [x, y]
                            doc: '<d/>'
                      - stepId: mixed
                        operationId: mixed
                        requestBody:
                          contentType: multipart/mixed
                          payload:
                            note: hi
                            raw: $inputs.raw
                """);
        byte[] photo = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0, (byte) 0xFF};

        List<Request> requests = run(code, Map.of("who", "Zoë", "photo", photo, "raw", new byte[] {1, 2}));

        String boundary = boundary(requests.get(0).header("Content-Type"), "multipart/form-data");
        List<Part> parts = parts(scenario.server().bodyBytes(0), boundary);
        assertEquals(List.of(
                Part.text("Content-Disposition: form-data; name=\"name\"\r\nContent-Type: text/plain", "Zoë"),
                Part.text("Content-Disposition: form-data; name=\"age\"\r\nContent-Type: text/plain", "7"),
                Part.text("Content-Disposition: form-data; name=\"meta\"\r\nContent-Type: application/json",
                        "{\"a\":1}"),
                new Part("Content-Disposition: form-data; name=\"photo\"; filename=\"photo\"\r\n"
                        + "Content-Type: image/png", new String(photo, StandardCharsets.ISO_8859_1)),
                Part.text("Content-Disposition: form-data; name=\"tags\"\r\nContent-Type: text/plain", "x"),
                Part.text("Content-Disposition: form-data; name=\"tags\"\r\nContent-Type: text/plain", "y"),
                Part.text("Content-Disposition: form-data; name=\"doc\"\r\nContent-Type: application/xml", "<d/>")),
                parts);

        String mixed = boundary(requests.get(1).header("Content-Type"), "multipart/mixed");
        assertTrue(!mixed.equals(boundary), "a new boundary per request");
        assertEquals(List.of(
                Part.text("Content-Disposition: form-data; name=\"note\"\r\nContent-Type: text/plain", "hi"),
                new Part("Content-Disposition: form-data; name=\"raw\"; filename=\"raw\"\r\n"
                        + "Content-Type: application/octet-stream", "\u0001\u0002")),
                parts(scenario.server().bodyBytes(1), mixed));
    }

    @Test
    void binaryPayloadsAreTheInputsBytesAndTheMediaTypeIsChosenAsTheOperationSays() throws Exception {
        GeneratedCode code = scenario.generate(HEADER + """
                      - stepId: bytes
                        operationId: postBytes
                        requestBody:
                          payload: $inputs.photo
                      - stepId: firstJson
                        operationId: choice
                        requestBody:
                          payload: {who: $inputs.who}
                      - stepId: inRange
                        operationId: choice
                        requestBody:
                          contentType: text/csv
                          payload: 'a,b'
                      - stepId: ownRange
                        operationId: anyText
                        requestBody:
                          contentType: text/markdown; charset=UTF-8
                          payload: '# {$inputs.who}'
                """);
        byte[] photo = {0, (byte) 0xC3, (byte) 0x28, (byte) 0xFF};

        List<Request> requests = run(code, Map.of("who", "Zoë", "photo", photo));

        assertEquals("application/octet-stream", requests.get(0).header("Content-Type"));
        assertArrayEquals(photo, scenario.server().bodyBytes(0));
        assertEquals("application/json", requests.get(1).header("Content-Type"));
        assertEquals(JSON.readTree("{\"who\":\"Zoë\"}"), JSON.readTree(requests.get(1).body()));
        assertEquals("text/csv", requests.get(2).header("Content-Type"));
        assertEquals("a,b", requests.get(2).body());
        assertEquals("text/markdown; charset=UTF-8", requests.get(3).header("Content-Type"));
        assertEquals("# Zoë", requests.get(3).body());
    }

    @Test
    void whatTheGeneratorCannotSendAsTheMediaTypeSaysIsALocatedError() {
        Path spec = scenario.write("workflow.arazzo.yaml", HEADER + """
                      - stepId: undeclared
                        operationId: postText
                        requestBody:
                          contentType: application/json
                          payload: {a: 1}
                      - stepId: ambiguous
                        operationId: twoTexts
                        requestBody:
                          payload: hello
                      - stepId: range
                        operationId: anyText
                        requestBody:
                          payload: hello
                      - stepId: xmlObject
                        operationId: postXml
                        requestBody:
                          payload: {a: x}
                      - stepId: formArray
                        operationId: postForm
                        requestBody:
                          payload: [1, 2]
                      - stepId: multipartText
                        operationId: upload
                        requestBody:
                          payload: name=x
                      - stepId: bytesLiteral
                        operationId: postBytes
                        requestBody:
                          payload: {a: 1}
                      - stepId: textReplaced
                        operationId: postText
                        requestBody:
                          payload: hello
                          replacements:
                            - {target: /a, value: 1}
                      - stepId: relatedParts
                        operationId: related
                        requestBody:
                          payload: {a: 1}
                      - stepId: nestedField
                        operationId: postForm
                        requestBody:
                          payload:
                            color: {R: [1]}
                            meta: {a: {b: 1}}
                """);

        List<String> diagnostics = diagnostics(spec);

        assertEquals(List.of(
                spec + ":20:24: error: [unknown-content-type] step 'undeclared' sends contentType 'application/json', "
                        + "which operation 'postText' does not declare for its request body; use 'text/plain'",
                spec + ":25:11: error: [ambiguous-content-type] step 'ambiguous' does not say which media type it "
                        + "sends, and operation 'twoTexts' declares several, none JSON (one of 'text/plain', "
                        + "'application/xml'); add requestBody.contentType",
                spec + ":29:11: error: [content-type-range] step 'range' calls operation 'anyText', whose request "
                        + "body is 'text/*', a range, which no request can carry; give requestBody.contentType as one "
                        + "media type it includes",
                spec + ":33:20: error: [unencodable-payload] step 'xmlObject' sends an object as 'application/xml': "
                        + "'application/xml' is sent as text: give the payload as text (a string, or a string with "
                        + "{$...} expressions)",
                spec + ":37:20: error: [unencodable-payload] step 'formArray' sends an array as "
                        + "'application/x-www-form-urlencoded': a form is written from an object (one field per "
                        + "member) or from text sent as is",
                spec + ":41:20: error: [unencodable-payload] step 'multipartText' sends text as "
                        + "'multipart/form-data': a multipart body is written from an object, one part per member",
                spec + ":45:20: error: [unencodable-payload] step 'bytesLiteral' sends an object as "
                        + "'application/octet-stream': 'application/octet-stream' is sent as bytes: give the payload "
                        + "as an input of type string with format: binary (a byte[]), e.g. $inputs.file",
                spec + ":51:15: error: [unencodable-payload] step 'textReplaced' has payload replacements, which "
                        + "apply to JSON and form bodies only, not to 'text/plain'; write the values into the payload "
                        + "instead",
                spec + ":55:20: error: [unencodable-payload] step 'relatedParts' sends an object as "
                        + "'multipart/related': the generator cannot write 'multipart/related'; use "
                        + "multipart/form-data, multipart/mixed or another media type the operation declares",
                spec + ":60:20: error: [unencodable-payload] step 'nestedField' sends form field 'color' as an "
                        + "object holding arrays or objects, which no form style writes; give the field an encoding "
                        + "with a contentType (application/json) in the OpenAPI description, or flatten it"),
                diagnostics);
    }

    @Test
    void textSentAsBytesIsItsUtf8BytesWithAWarningAndAnInputObjectIsSentPartByPart() {
        GeneratedCode code = scenario.generate(HEADER + """
                      - stepId: textBytes
                        operationId: postBytes
                        requestBody:
                          payload: $inputs.who
                      - stepId: formParts
                        operationId: upload
                        requestBody:
                          contentType: multipart/form-data
                          payload: $inputs.form
                """);
        Object form = call(call(call(call(code.type("BodiesWorkflow.Form"), "builder"), "name", "Rex"), "photo",
                "not really a png"), "build");

        List<Request> requests = run(code, Map.of("who", "Zoë", "form", form));

        assertEquals(List.of(directory.resolve("workflow.arazzo.yaml") + ":20:20: warning: [text-as-bytes] step "
                + "'textBytes' sends text as 'application/octet-stream', a binary media type: it is sent as its UTF-8 "
                + "bytes; declare input 'who' with format: binary (a byte[]) to send any bytes"),
                code.result().diagnostics().stream().map(Diagnostic::toString).toList());
        assertEquals("application/octet-stream", requests.get(0).header("Content-Type"));
        assertArrayEquals("Zoë".getBytes(StandardCharsets.UTF_8), scenario.server().bodyBytes(0));
        String boundary = boundary(requests.get(1).header("Content-Type"), "multipart/form-data");
        assertEquals(List.of(
                Part.text("Content-Disposition: form-data; name=\"name\"\r\nContent-Type: text/plain", "Rex"),
                Part.text("Content-Disposition: form-data; name=\"photo\"; filename=\"photo\"\r\n"
                        + "Content-Type: image/png", "not really a png")),
                parts(scenario.server().bodyBytes(1), boundary));
    }

    @Test
    void aBinaryPayloadThatIsNeitherBytesNorTextIsALocatedError() {
        Path spec = scenario.write("workflow.arazzo.yaml", HEADER + """
                      - stepId: notBytes
                        operationId: postBytes
                        requestBody:
                          payload: $inputs.count
                """);

        assertEquals(List.of(spec + ":20:20: error: [unencodable-payload] step 'notBytes' sends "
                + "'application/octet-stream' as bytes, so its payload must be an input of type string with format: "
                + "binary (a byte[]), e.g. $inputs.file; declare the input so, or send the text with a text media "
                + "type"),
                diagnostics(spec));
    }

    private List<String> diagnostics(Path spec) {
        GenerationResult result = ArazzoCodegen.generate(GenerationRequest.builder().spec(spec)
                .outputDirectory(directory.resolve("generated")).packageName(GeneratedCode.PACKAGE).build());
        assertTrue(result.files().isEmpty());
        return result.diagnostics().stream().map(Diagnostic::toString).toList();
    }

    /** A part as received: its header lines joined by CRLF, and its content as ISO-8859-1 text (one char per byte). */
    private record Part(String headers, String content) {
        /** A part whose content is {@code text} in UTF-8. */
        static Part text(String headers, String text) {
            return new Part(headers, new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
        }
    }

    private static String boundary(String contentType, String mediaType) {
        Matcher matcher = Pattern.compile(Pattern.quote(mediaType) + "; boundary=([0-9A-Za-z'()+_,./:=?-]{1,70})")
                .matcher(contentType);
        assertTrue(matcher.matches(), contentType);
        return matcher.group(1);
    }

    /** The parts of a multipart body (RFC 2046), asserting its framing: delimiters, CRLFs, the close delimiter. */
    private static List<Part> parts(byte[] body, String boundary) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary;
        assertTrue(text.startsWith(delimiter + "\r\n"), text);
        assertTrue(text.endsWith("\r\n" + delimiter + "--\r\n"), text);
        String inner = text.substring(delimiter.length() + 2, text.length() - delimiter.length() - 6);
        List<Part> parts = new ArrayList<>();
        for (String part : inner.split(Pattern.quote("\r\n" + delimiter + "\r\n"), -1)) {
            int blank = part.indexOf("\r\n\r\n");
            assertTrue(blank > 0, part);
            parts.add(new Part(part.substring(0, blank), part.substring(blank + 4)));
        }
        return parts;
    }
}
