package dev.arazzo.codegen.features;

import static dev.arazzo.codegen.testing.GeneratedCode.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
import dev.arazzo.runtime.WorkflowException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Arazzo 1.1 replacements into an XML payload ({@code targetSelectorType: xpath}): the target selects one
 * element, attribute or text node, the value becomes its text (escaped), and every other byte of the payload is
 * sent as written; a target that selects none or several fails the step before sending; what cannot be sent
 * exactly is a located error.
 */
class XPathReplacementTest extends ScenarioTest {

    private static final String OPENAPI = """
            openapi: 3.0.3
            info: {title: Orders, version: '1'}
            paths:
              /orders:
                post:
                  operationId: placeOrder
                  requestBody:
                    content:
                      application/xml:
                        schema: {type: string}
                  responses:
                    '201': {description: Placed.}
              /notes:
                post:
                  operationId: note
                  requestBody:
                    content:
                      text/plain:
                        schema: {type: string}
                  responses:
                    '201': {description: Noted.}
              /things:
                post:
                  operationId: thing
                  requestBody:
                    content:
                      application/json:
                        schema: {type: object}
                  responses:
                    '201': {description: Made.}
            """;
    private static final String HEADER = """
            arazzo: 1.1.0
            info: {title: XPath replacements, version: '1'}
            sourceDescriptions:
              - {name: orders, url: orders-openapi.yaml, type: openapi}
            """;

    @BeforeEach
    void writeOpenApi() {
        scenario.write("orders-openapi.yaml", OPENAPI);
    }

    @Test
    void replacementsWriteTheSelectedNodesAndSendEveryOtherByteAsWritten() throws Exception {
        GeneratedCode code = scenario.generate(HEADER + """
                workflows:
                  - workflowId: place
                    inputs:
                      type: object
                      properties:
                        id: {type: string}
                        note: {type: string}
                        count: {type: integer}
                    steps:
                      - stepId: order
                        operationId: placeOrder
                        requestBody:
                          contentType: application/xml
                          payload: |-
                            <?xml version="1.0" encoding="UTF-8"?>
                            <!-- an order -->
                            <o:order xmlns:o="urn:orders" z='last' a="first" ref="{$inputs.id}">
                              <o:id>TBD</o:id>
                              <o:note/>
                              <o:count>0</o:count>
                              <o:line sku="a1" qty='1'/>
                            </o:order>
                          replacements:
                            - {target: /o:order/o:id, targetSelectorType: xpath, value: $inputs.id}
                            - target: /o:order/o:note
                              targetSelectorType: {type: xpath, version: xpath-10}
                              value: $inputs.note
                            - {target: /o:order/o:count/text(), targetSelectorType: xpath, value: $inputs.count}
                            - {target: "/o:order/o:line[@sku = 'a1']/@qty", targetSelectorType: xpath, value: $inputs.note}
                            - {target: /o:order/@a, targetSelectorType: xpath, value: '7'}
                """);
        scenario.server().on("POST", "/orders", new Response(201, "", Map.of()));

        call(scenario.client(code, "PlaceWorkflow"), "run", Scenario.inputs(code, "PlaceWorkflow",
                Map.of("id", "A-1", "note", "<&\"'>", "count", 3)));

        Request sent = scenario.server().requests().get(0);
        assertEquals("POST /orders", sent.method() + " " + sent.rawPath());
        assertEquals("application/xml", sent.header("Content-Type"));
        assertEquals("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- an order -->
                <o:order xmlns:o="urn:orders" z='last' a="7" ref="A-1">
                  <o:id>A-1</o:id>
                  <o:note>&lt;&amp;"'&gt;</o:note>
                  <o:count>3</o:count>
                  <o:line sku="a1" qty='&lt;&amp;"&apos;>'/>
                </o:order>""", sent.body());
        assertTrue(code.result().diagnostics().isEmpty(), code.result().diagnostics().toString());
    }

    @Test
    void anXPath2TargetIsEvaluatedBySaxonWithAWarning() throws Exception {
        GeneratedCode code = scenario.generate(HEADER + """
                workflows:
                  - workflowId: place
                    steps:
                      - stepId: order
                        operationId: placeOrder
                        requestBody:
                          contentType: application/xml
                          payload: <order><line n="1"/><line n="2">x</line></order>
                          replacements:
                            - {target: "/order/line[xs:integer(@n) = 2]", targetSelectorType: xpath, value: y}
                """);
        scenario.server().on("POST", "/orders", new Response(201, "", Map.of()));

        call(scenario.client(code, "PlaceWorkflow"), "run", Scenario.inputs(code, "PlaceWorkflow", Map.of()));

        assertEquals("<order><line n=\"1\"/><line n=\"2\">y</line></order>",
                scenario.server().requests().get(0).body());
        List<String> warnings = code.result().diagnostics().stream().map(Diagnostic::toString).toList();
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains(":14:24: warning: [xpath-needs-saxon] XPath replacement target "
                + "'/order/line[xs:integer(@n) = 2]' needs xpath-31"), warnings.get(0));
    }

    @Test
    void aTargetThatSelectsNoneOrSeveralNodesAtRunTimeFailsTheStepBeforeSending() throws Exception {
        GeneratedCode code = scenario.generate(HEADER + """
                workflows:
                  - workflowId: place
                    inputs:
                      type: object
                      properties:
                        xml: {type: string}
                    steps:
                      - stepId: order
                        operationId: placeOrder
                        requestBody:
                          contentType: application/xml
                          payload: $inputs.xml
                          replacements:
                            - {target: /order/line, targetSelectorType: xpath, value: v}
                """);
        for (String xml : List.of("<order/>", "<order><line/><line/></order>")) {
            WorkflowException failed = assertInstanceOf(WorkflowException.class, assertThrows(RuntimeException.class,
                    () -> call(scenario.client(code, "PlaceWorkflow"), "run",
                            Scenario.inputs(code, "PlaceWorkflow", Map.of("xml", xml)))));
            assertTrue(failed.getMessage().contains("step 'order' replacement target '/order/line' selects "
                    + (xml.equals("<order/>") ? 0 : 2) + " nodes in the XML payload; it must select exactly one "
                    + "element, attribute or text node"), failed.getMessage());
        }
        assertEquals(List.of(), scenario.server().requests());
    }

    @Test
    void whatCannotBeReplacedExactlyIsALocatedError() {
        Path spec = scenario.write("workflow.arazzo.yaml", HEADER + """
                workflows:
                  - workflowId: bad
                    steps:
                      - stepId: none
                        operationId: placeOrder
                        requestBody:
                          contentType: application/xml
                          payload: <order><line/><line/></order>
                          replacements:
                            - {target: /order/id, targetSelectorType: xpath, value: v}
                            - {target: /order/line, targetSelectorType: xpath, value: v}
                            - {target: count(/order/line), targetSelectorType: xpath, value: v}
                            - {target: "/order/line[xs:integer(@n) = 2]", targetSelectorType: {type: xpath, version: xpath-10}, value: v}
                      - stepId: text
                        operationId: note
                        requestBody:
                          contentType: text/plain
                          payload: <a/>
                          replacements:
                            - {target: /a, targetSelectorType: xpath, value: v}
                      - stepId: json
                        operationId: thing
                        requestBody:
                          contentType: application/json
                          payload: {a: 1}
                          replacements:
                            - {target: /a, targetSelectorType: xpath, value: v}
                      - stepId: broken
                        operationId: placeOrder
                        requestBody:
                          contentType: application/xml
                          payload: <order>
                          replacements:
                            - {target: /order, targetSelectorType: xpath, value: v}
                """);
        GenerationResult result = ArazzoCodegen.generate(GenerationRequest.builder().spec(spec)
                .outputDirectory(directory.resolve("generated")).packageName(GeneratedCode.PACKAGE).build());
        List<String> found = result.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::toString)
                .map(d -> d.substring(spec.toString().length())).toList();

        assertTrue(result.files().isEmpty());
        assertEquals(List.of(
                ":14:24: error: [invalid-replacement] step 'none''s XPath replacement target '/order/id' selects "
                        + "nothing in the literal payload; it must select exactly one element, attribute or text node "
                        + "(prefixes mean what the payload declares)",
                ":15:24: error: [invalid-replacement] step 'none''s XPath replacement target '/order/line' selects "
                        + "2 nodes in the literal payload; it must select exactly one element, attribute or text node "
                        + "(prefixes mean what the payload declares)",
                ":16:24: error: [invalid-xpath] XPath replacement target 'count(/order/line)' gives a string, number "
                        + "or boolean, not a node; select the one element, attribute or text node to write, e.g. "
                        + "/order/id, /order/@id or /order/id/text()",
                ":17:24: error: [invalid-xpath] XPath replacement target '/order/line[xs:integer(@n) = 2]' does not "
                        + "compile as XPath 1.0, the version it declares; write XPath 1.0, or declare xpath-31 (which "
                        + "needs Saxon-HE at run time)",
                ":24:24: error: [unencodable-payload] step 'text' sends 'text/plain', not XML, so its XPath "
                        + "replacement target '/a' has nothing to select; use targetSelectorType jsonpointer or "
                        + "jsonpath for a JSON payload, or send the XML media type the operation declares",
                ":31:24: error: [xpath-into-json] step 'json' sends 'application/json', not XML, so its XPath "
                        + "replacement target '/a' has nothing to select; use targetSelectorType jsonpointer or "
                        + "jsonpath for a JSON payload, or send the XML media type the operation declares"),
                found.subList(0, found.size() - 1));
        assertTrue(found.get(found.size() - 1).startsWith(":36:20: error: [unencodable-payload] step 'broken' "
                + "replaces into its XML payload, which is not well-formed XML (or holds a DTD, which is refused): "),
                found.get(found.size() - 1));
    }

    @Test
    void anXPathTargetInAMessagePayloadIsALocatedError() {
        scenario.write("audit-asyncapi.yaml", """
                asyncapi: 3.0.0
                info: {title: audit, version: '1'}
                channels:
                  audit:
                    address: audit
                    messages:
                      entry: {contentType: application/xml, payload: {type: string}}
                operations:
                  record: {action: receive, channel: {$ref: '#/channels/audit'}}
                """);
        Path spec = scenario.write("workflow.arazzo.yaml", """
                arazzo: 1.1.0
                info: {title: XPath replacements, version: '1'}
                sourceDescriptions:
                  - {name: audit, url: audit-asyncapi.yaml, type: asyncapi}
                workflows:
                  - workflowId: audit
                    steps:
                      - stepId: record
                        operationId: record
                        action: send
                        requestBody:
                          payload: <entry><id/></entry>
                          replacements:
                            - {target: /entry/id, targetSelectorType: xpath, value: v}
                """);
        GenerationResult result = ArazzoCodegen.generate(GenerationRequest.builder().spec(spec)
                .outputDirectory(directory.resolve("generated")).packageName(GeneratedCode.PACKAGE).build());

        assertEquals(List.of(spec + ":14:24: error: [unencodable-payload] step 'record' sends a message, and its "
                + "XPath replacement target applies to XML request bodies of HTTP steps only; write the payload as "
                + "text with {$...} expressions"), result.diagnostics().stream().filter(Diagnostic::isError)
                        .map(Diagnostic::toString).toList());
    }
}
