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
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * {@code {$...}} expressions in a templated XML payload: each value is escaped for where it stands (element
 * content, an attribute value and its quote), checked in a CDATA section, and refused at build time where no
 * value can be sent exactly (a name, a tag, a comment, a processing instruction); the body sent always parses.
 */
class XmlTemplateTest extends ScenarioTest {

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
                      text/xml:
                        schema: {type: string}
                      application/order+xml:
                        schema: {type: string}
                  responses:
                    '201': {description: Placed.}
            """;
    private static final String HEADER = """
            arazzo: 1.0.1
            info: {title: XML templates, version: '1'}
            sourceDescriptions:
              - {name: orders, url: orders-openapi.yaml, type: openapi}
            """;
    private static final String NASTY = "a&b<c>d\"e'f";

    @BeforeEach
    void writeOpenApi() {
        scenario.write("orders-openapi.yaml", OPENAPI);
    }

    private GeneratedCode place(String contentType, String payload) {
        return scenario.generate(HEADER + """
                workflows:
                  - workflowId: place
                    inputs:
                      type: object
                      properties:
                        id: {type: string}
                        note: {type: string}
                    steps:
                      - stepId: order
                        operationId: placeOrder
                        requestBody:
                          contentType: %s
                          payload: |-
                %s
                """.formatted(contentType, payload.indent(12).stripTrailing()));
    }

    private Request run(GeneratedCode code, String id, String note) throws Exception {
        scenario.server().on("POST", "/orders", new Response(201, "", Map.of()));
        call(scenario.client(code, "PlaceWorkflow"), "run", Scenario.inputs(code, "PlaceWorkflow",
                Map.of("id", id, "note", note)));
        return scenario.server().requests().get(0);
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void valuesAreEscapedForContentAndForEachAttributeQuote() throws Exception {
        GeneratedCode code = place("application/xml", """
                <?xml version="1.0"?>
                <order ref="{$inputs.id}" alt='{$inputs.id}'>{$inputs.note}<n>x {$inputs.note} y</n></order>""");
        assertTrue(code.result().diagnostics().isEmpty(), code.result().diagnostics().toString());

        Request sent = run(code, NASTY + "\t\n", NASTY);

        assertEquals("POST /orders", sent.method() + " " + sent.rawPath());
        assertEquals("application/xml", sent.header("Content-Type"));
        assertEquals("<?xml version=\"1.0\"?>\n<order ref=\"a&amp;b&lt;c>d&quot;e'f&#9;&#10;\" "
                + "alt='a&amp;b&lt;c>d\"e&apos;f&#9;&#10;'>a&amp;b&lt;c&gt;d\"e'f<n>x a&amp;b&lt;c&gt;d\"e'f y</n>"
                + "</order>", sent.body());
        Document document = parse(sent.body());
        assertEquals(NASTY + "\t\n", document.getDocumentElement().getAttribute("ref"));
        assertEquals(NASTY + "\t\n", document.getDocumentElement().getAttribute("alt"));
        assertEquals(NASTY + "x " + NASTY + " y", document.getDocumentElement().getTextContent());
    }

    @Test
    void aValueThatIsXmlIsSentAsItsCharactersNotAsMarkup() throws Exception {
        GeneratedCode code = place("text/xml", "<order><note>{$inputs.note}</note></order>");

        Request sent = run(code, "1", "<b>bold</b>");

        assertEquals("text/xml", sent.header("Content-Type"));
        assertEquals("<order><note>&lt;b&gt;bold&lt;/b&gt;</note></order>", sent.body());
        assertEquals("<b>bold</b>", parse(sent.body()).getDocumentElement().getTextContent());
    }

    @Test
    void aPlusXmlTypeIsEscapedToo() throws Exception {
        GeneratedCode code = place("application/order+xml", "<order id=\"{$inputs.id}\"/>");

        Request sent = run(code, "\"/><evil/><x a=\"", "n");

        assertEquals("<order id=\"&quot;/>&lt;evil/>&lt;x a=&quot;\"/>", sent.body());
        assertEquals(1, parse(sent.body()).getDocumentElement().getAttributes().getLength());
    }

    @Test
    void aValueInACdataSectionIsSentAsItIsAndMayNotEndTheSection() throws Exception {
        GeneratedCode code = place("application/xml", "<order><![CDATA[{$inputs.note}]]></order>");

        Request sent = run(code, "1", "a&b<c>");
        assertEquals("<order><![CDATA[a&b<c>]]></order>", sent.body());

        Throwable failed = assertThrows(Throwable.class, () -> call(scenario.client(code, "PlaceWorkflow"), "run",
                Scenario.inputs(code, "PlaceWorkflow", Map.of("id", "1", "note", "x]]><evil/>"))));
        while (!(failed instanceof WorkflowException) && failed.getCause() != null) {
            failed = failed.getCause();
        }
        assertInstanceOf(WorkflowException.class, failed);
        assertTrue(failed.getMessage().contains("{$inputs.note} is inside a CDATA section of the XML payload, and "
                + "its value holds ']]>'"), failed.getMessage());
        assertEquals(1, scenario.server().requests().size());
    }

    @Test
    void aWholePayloadExpressionIsSentAsItIs() throws Exception {
        GeneratedCode code = place("application/xml", "{$inputs.note}");

        Request sent = run(code, "1", "<order a=\"1\">&amp;</order>");

        assertEquals("<order a=\"1\">&amp;</order>", sent.body());
    }

    @Test
    void whereNoValueCanBeSentExactlyIsALocatedError() {
        Path spec = scenario.write("workflow.arazzo.yaml", HEADER + """
                workflows:
                  - workflowId: bad
                    inputs:
                      type: object
                      properties:
                        id: {type: string}
                    steps:
                      - stepId: name
                        operationId: placeOrder
                        requestBody:
                          contentType: application/xml
                          payload: <order-{$inputs.id}/>
                      - stepId: attribute
                        operationId: placeOrder
                        requestBody:
                          contentType: application/xml
                          payload: <order {$inputs.id}="1"/>
                      - stepId: unquoted
                        operationId: placeOrder
                        requestBody:
                          contentType: application/xml
                          payload: <order a={$inputs.id}/>
                      - stepId: comment
                        operationId: placeOrder
                        requestBody:
                          contentType: application/xml
                          payload: <order><!-- {$inputs.id} --></order>
                      - stepId: instruction
                        operationId: placeOrder
                        requestBody:
                          contentType: text/xml
                          payload: <?pi {$inputs.id}?><order/>
                      - stepId: end
                        operationId: placeOrder
                        requestBody:
                          contentType: application/xml
                          payload: <order></order{$inputs.id}>
                      - stepId: broken
                        operationId: placeOrder
                        requestBody:
                          contentType: application/xml
                          payload: <order>{$inputs.id}</other>
                """);
        GenerationResult result = ArazzoCodegen.generate(GenerationRequest.builder().spec(spec)
                .outputDirectory(directory.resolve("generated")).packageName(GeneratedCode.PACKAGE).build());
        List<String> found = result.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::toString)
                .map(d -> d.substring(spec.toString().length())).toList();

        assertTrue(result.files().isEmpty());
        String fix = " of its XML payload, where no value can be sent exactly; move the expression into element "
                + "content or a quoted attribute value";
        assertEquals(List.of(
                ":16:20: error: [unencodable-payload] step 'name' inserts {$inputs.id} into an element or "
                        + "attribute name" + fix,
                ":21:20: error: [unencodable-payload] step 'attribute' inserts {$inputs.id} into a tag, outside "
                        + "any quoted attribute value" + fix,
                ":26:20: error: [unencodable-payload] step 'unquoted' inserts {$inputs.id} into a tag, outside "
                        + "any quoted attribute value" + fix,
                ":31:20: error: [unencodable-payload] step 'comment' inserts {$inputs.id} into a comment" + fix,
                ":36:20: error: [unencodable-payload] step 'instruction' inserts {$inputs.id} into a processing "
                        + "instruction" + fix,
                ":41:20: error: [unencodable-payload] step 'end' inserts {$inputs.id} into an element or "
                        + "attribute name" + fix),
                found.subList(0, found.size() - 1));
        assertTrue(found.get(found.size() - 1).startsWith(":46:20: error: [unencodable-payload] step 'broken' "
                + "sends an XML payload that is not well-formed XML with its expressions' values left out (or "
                + "holds a DTD, which is refused): "), found.get(found.size() - 1));
    }
}
