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
import dev.arazzo.codegen.testing.RecordingServer.Request;
import dev.arazzo.codegen.testing.RecordingServer.Response;
import dev.arazzo.codegen.testing.Scenario;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parameter values on the wire: numbers, booleans, date-times, reserved characters, absent path values. */
class ParameterValuesTest extends ScenarioTest {

    private static final String VALUES_OPENAPI = """
            openapi: 3.1.0
            info: {title: Values, version: '1'}
            paths:
              /amounts/{amount}:
                post:
                  operationId: sendValues
                  parameters:
                    - {name: amount, in: path, required: true, schema: {type: number}}
                    - {name: big, in: query, schema: {type: number}}
                    - {name: flag, in: query, schema: {type: boolean}}
                    - {name: at, in: query, schema: {type: string, format: date-time}}
                    - {name: next, in: query, allowReserved: true, schema: {type: string}}
                    - {name: X-Amount, in: header, schema: {type: number}}
                  requestBody:
                    content:
                      text/plain:
                        schema: {type: string}
                  responses:
                    '200': {description: Seen.}
            """;

    @Test
    void numbersBooleansAndDateTimesAreSentAsTextWithoutFractionOrExponent() {
        scenario.write("values-openapi.yaml", VALUES_OPENAPI);
        GeneratedCode code = scenario.generate("""
                arazzo: 1.0.1
                info: {title: Values, version: '1'}
                sourceDescriptions:
                  - {name: values, url: values-openapi.yaml, type: openapi}
                workflows:
                  - workflowId: values
                    inputs:
                      type: object
                      properties:
                        amount: {type: number}
                        big: {type: number}
                        flag: {type: boolean}
                        at: {type: string, format: date-time}
                        next: {type: string}
                    steps:
                      - stepId: send
                        operationId: sendValues
                        parameters:
                          - {name: amount, in: path, value: $inputs.amount}
                          - {name: big, in: query, value: $inputs.big}
                          - {name: flag, in: query, value: $inputs.flag}
                          - {name: at, in: query, value: $inputs.at}
                          - {name: next, in: query, value: $inputs.next}
                          - {name: X-Amount, in: header, value: $inputs.amount}
                        requestBody:
                          contentType: text/plain
                          payload: 'amount {$inputs.amount}, big {$inputs.big}'
                """);
        scenario.server().on("POST", "/amounts/614", Response.json(200, "{}"));

        call(scenario.client(code, "ValuesWorkflow"), "run", Scenario.inputs(code, "ValuesWorkflow", Map.of(
                "amount", 614.0, "big", 1e21, "flag", true,
                "at", OffsetDateTime.of(2024, 5, 1, 10, 15, 30, 0, ZoneOffset.ofHours(2)), "next", "/a/b?c=d&e")));

        Request request = scenario.server().requests().get(0);
        assertEquals("/amounts/614", request.rawPath());
        assertEquals("big=1000000000000000000000&flag=true&at=2024-05-01T10%3A15%3A30%2B02%3A00&next=/a/b?c%3Dd%26e",
                request.query());
        assertEquals("614", request.header("X-Amount"));
        assertEquals("amount 614, big 1000000000000000000000", request.body());
    }

    @Test
    void aNullPathValueFailsTheStepNamingStepAndParameter() {
        GeneratedCode code = scenario.generate("""
                arazzo: 1.0.1
                info: {title: Features, version: '1'}
                sourceDescriptions:
                  - {name: things, url: things-openapi.yaml, type: openapi}
                workflows:
                  - workflowId: lookup
                    inputs:
                      type: object
                      properties:
                        id: {type: string}
                    steps:
                      - stepId: get
                        operationId: getThing
                        parameters:
                          - {name: id, in: path, value: $inputs.id}
                """);

        RuntimeException failed = assertThrows(RuntimeException.class, () -> call(scenario.client(code,
                "LookupWorkflow"), "run", Scenario.inputs(code, "LookupWorkflow", Map.of())));

        assertEquals("WorkflowException", failed.getClass().getSimpleName());
        assertEquals("step 'get': path parameter 'id' has no value", failed.getMessage());
        assertTrue(scenario.server().requests().isEmpty(), "nothing is sent");
    }

    @Test
    void parametersNoStyleCanSerializeAreLocatedErrors() {
        scenario.write("styles-openapi.yaml", """
                openapi: 3.0.3
                info: {title: Styles, version: '1'}
                paths:
                  /styles/{id}:
                    get:
                      operationId: badStyles
                      parameters:
                        - {name: id, in: path, required: true, style: form, schema: {type: string}}
                        - {name: filter, in: query, style: deepObject, explode: true, schema: {type: array, items: {type: string}}}
                        - {name: tags, in: query, style: pipeDelimited, explode: true, schema: {type: array, items: {type: string}}}
                        - {name: word, in: query, style: spaceDelimited, schema: {type: string}}
                        - {name: X-Grid, in: header, schema: {type: array, items: {type: array, items: {type: integer}}}}
                        - {name: fine, in: query, style: deepObject, explode: true, schema: {type: object}}
                      responses:
                        '200': {description: Seen.}
                """);
        Path spec = scenario.write("workflow.arazzo.yaml", """
                arazzo: 1.0.1
                info: {title: Styles, version: '1'}
                sourceDescriptions:
                  - {name: styles, url: styles-openapi.yaml, type: openapi}
                workflows:
                  - workflowId: styles
                    steps:
                      - stepId: get
                        operationId: badStyles
                        parameters:
                          - {name: id, in: path, value: a}
                          - {name: filter, in: query, value: [a]}
                          - {name: tags, in: query, value: [a, b]}
                          - {name: word, in: query, value: a}
                          - {name: X-Grid, in: header, value: [[1]]}
                          - {name: fine, in: query, value: {a: 1}}
                """);

        GenerationResult result = ArazzoCodegen.generate(GenerationRequest.builder().spec(spec)
                .outputDirectory(directory.resolve("generated")).packageName(GeneratedCode.PACKAGE).build());

        assertEquals(List.of(
                spec + ":11:13: error: [unserializable-parameter] parameter 'id' (in path) of operation 'badStyles' "
                        + "has style 'form', which OpenAPI does not allow in the path; use 'matrix' or 'label' or "
                        + "'simple' in the OpenAPI description",
                spec + ":12:13: error: [unserializable-parameter] parameter 'filter' (in query) of operation "
                        + "'badStyles' has style 'deepObject', which OpenAPI defines only for objects with explode: "
                        + "true; use style 'form' for an array in the OpenAPI description",
                spec + ":13:13: error: [unserializable-parameter] parameter 'tags' (in query) of operation "
                        + "'badStyles' has style 'pipeDelimited' with explode: true, which OpenAPI defines only for "
                        + "arrays and objects without explode; set explode: false in the OpenAPI description",
                spec + ":14:13: error: [unserializable-parameter] parameter 'word' (in query) of operation "
                        + "'badStyles' has style 'spaceDelimited', which OpenAPI defines only for arrays and objects "
                        + "without explode; use style 'form' for a primitive in the OpenAPI description",
                spec + ":15:13: error: [unserializable-parameter] parameter 'X-Grid' (in header) of operation "
                        + "'badStyles' is an array holding arrays or objects, which no OpenAPI style serializes; "
                        + "describe it with 'content' (a media type) instead of 'schema', or flatten it"),
                result.diagnostics().stream().map(Diagnostic::toString).toList());
        assertTrue(result.files().isEmpty());
    }

    @Test
    void parametersDescribedWithContentAreSentAsThatMediaTypeWrites() {
        scenario.write("content-openapi.yaml", """
                openapi: 3.0.3
                info: {title: Content, version: '1'}
                paths:
                  /search:
                    get:
                      operationId: search
                      parameters:
                        - name: filter
                          in: query
                          content:
                            application/json:
                              schema: {type: object, properties: {a: {type: integer}, b: {type: string}}}
                        - name: X-Note
                          in: header
                          content:
                            text/plain:
                              schema: {type: string}
                      responses:
                        '200': {description: Seen.}
                  /xml:
                    get:
                      operationId: xmlParameter
                      parameters:
                        - name: doc
                          in: query
                          content:
                            application/xml:
                              schema: {type: string}
                      responses:
                        '200': {description: Seen.}
                """);
        String header = """
                arazzo: 1.0.1
                info: {title: Content, version: '1'}
                sourceDescriptions:
                  - {name: content, url: content-openapi.yaml, type: openapi}
                workflows:
                  - workflowId: content
                    steps:
                """;
        GeneratedCode code = scenario.generate(header + """
                      - stepId: search
                        operationId: search
                        parameters:
                          - {name: filter, in: query, value: {a: 1, b: 'x y'}}
                          - {name: X-Note, in: header, value: 'plain, as is'}
                """);
        scenario.server().on("GET", "/search", Response.json(200, "{}"));

        call(scenario.client(code, "ContentWorkflow"), "run", Scenario.inputs(code, "ContentWorkflow", Map.of()));

        Request request = scenario.server().requests().get(0);
        assertEquals("filter=%7B%22a%22%3A1%2C%22b%22%3A%22x%20y%22%7D", request.query());
        assertEquals("plain, as is", request.header("X-Note"));

        Path spec = scenario.write("workflow.arazzo.yaml", header + """
                      - stepId: xml
                        operationId: xmlParameter
                        parameters:
                          - {name: doc, in: query, value: '<a/>'}
                """);
        GenerationResult result = ArazzoCodegen.generate(GenerationRequest.builder().spec(spec)
                .outputDirectory(directory.resolve("generated-xml")).packageName(GeneratedCode.PACKAGE).build());
        assertEquals(List.of(spec + ":11:13: error: [unserializable-parameter] parameter 'doc' (in query) of "
                + "operation 'xmlParameter' is described with content 'application/xml', which the generator cannot "
                + "write; describe it with application/json, text/plain or a schema"),
                result.diagnostics().stream().map(Diagnostic::toString).toList());
    }
}
