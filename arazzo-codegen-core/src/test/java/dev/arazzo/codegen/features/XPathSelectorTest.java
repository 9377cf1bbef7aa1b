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
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Arazzo 1.1 Selector Objects of {@code type: xpath} over XML bodies: outputs typed by the XPath 1.0
 * result type (a node-set {@code List<String>}, a string, a number, a boolean), XPath 2.0+ by Saxon-HE with
 * a warning, parameter values (a declared array takes every node, any other parameter exactly one) and
 * payload values (one node's string value); what cannot be evaluated exactly is a located error.
 */
class XPathSelectorTest extends ScenarioTest {

    private static final String HEADER = """
            arazzo: 1.1.0
            info: {title: XPath selectors, version: '1'}
            sourceDescriptions:
              - {name: invoices, url: invoices-openapi.yaml, type: openapi}
            """;
    private static final String INVOICE = "<Invoice currency=\"eur\" status=\"paid\"><Header><InvoiceNumber>INV-7"
            + "</InvoiceNumber></Header><Customer id=\"c 42\"/><Line sku=\"a1\" amount=\"2.5\"/>"
            + "<Line sku=\"b2\" amount=\"4\"/></Invoice>";
    private static final String WORKFLOW = HEADER + """
            workflows:
              - workflowId: invoice
                steps:
                  - stepId: fetch
                    operationId: getInvoice
                    parameters: [{name: id, in: path, value: inv-7}]
                    outputs:
                      xml: $response.body
                      number: {context: $response.body, selector: /Invoice/Header/InvoiceNumber, type: xpath}
                      currency:
                        context: $response.body
                        selector: string(/Invoice/@currency)
                        type: {type: xpath, version: xpath-10}
                      total: {context: $response.body, selector: sum(/Invoice/Line/@amount), type: xpath}
                      paid: {context: $response.body, selector: "/Invoice/@status = 'paid'", type: xpath}
                      upper: {context: $response.body, selector: upper-case(/Invoice/@currency), type: xpath}
                      skus: {context: $response.body, selector: /Invoice/Line/@sku, type: xpath}
                  - stepId: customer
                    operationId: getCustomer
                    parameters:
                      - name: cid
                        in: path
                        value: {context: $steps.fetch.outputs.xml, selector: /Invoice/Customer/@id, type: xpath}
                      - name: codes
                        in: query
                        value: {context: $steps.fetch.outputs.xml, selector: /Invoice/Line/@sku, type: xpath}
                  - stepId: pay
                    operationId: pay
                    requestBody:
                      contentType: application/json
                      payload:
                        invoiceId:
                          context: $steps.fetch.outputs.xml
                          selector: /Invoice/Header/InvoiceNumber
                          type: {type: xpath, version: xpath-30}
                        lines: {context: $steps.fetch.outputs.xml, selector: count(/Invoice/Line), type: xpath}
                outputs:
                  number: $steps.fetch.outputs.number
                  currency: $steps.fetch.outputs.currency
                  total: $steps.fetch.outputs.total
                  paid: $steps.fetch.outputs.paid
                  upper: $steps.fetch.outputs.upper
                  skus: {context: $steps.fetch.outputs.xml, selector: /Invoice/Line/@sku, type: xpath}
            """;

    private void copyInvoices() throws Exception {
        try (InputStream in = XPathSelectorTest.class.getResourceAsStream("/fixtures/invoices-openapi.yaml")) {
            Files.write(directory.resolve("invoices-openapi.yaml"), in.readAllBytes());
        }
    }

    private static Response xml(String body) {
        return new Response(200, body, Map.of("Content-Type", "application/xml"));
    }

    @Test
    void xpathSelectorsReadXmlIntoTypedOutputsParametersAndPayloads() throws Exception {
        copyInvoices();
        GeneratedCode code = scenario.generate(WORKFLOW);
        List<String> warnings = code.result().diagnostics().stream().map(Diagnostic::toString).toList();
        scenario.server().on("GET", "/invoices/inv-7", xml(INVOICE));
        scenario.server().on("GET", "/customers/c 42", Response.json(200, "{}"));
        scenario.server().on("POST", "/payments", Response.json(201, "{}"));

        Object outputs = call(scenario.client(code, "InvoiceWorkflow"), "run",
                Scenario.inputs(code, "InvoiceWorkflow", Map.of()));

        assertEquals(List.of("INV-7"), call(outputs, "number"));
        assertEquals("eur", call(outputs, "currency"));
        assertEquals(6.5, call(outputs, "total"));
        assertEquals(true, call(outputs, "paid"));
        assertEquals(List.of("EUR"), call(outputs, "upper"));
        assertEquals(List.of("a1", "b2"), call(outputs, "skus"));
        Class<?> result = code.type("InvoiceWorkflow.FetchResult");
        assertEquals(String.class, result.getMethod("currency").getReturnType());
        assertEquals(Double.class, result.getMethod("total").getReturnType());
        assertEquals(Boolean.class, result.getMethod("paid").getReturnType());
        assertEquals("java.util.List<java.lang.String>", result.getMethod("skus").getGenericReturnType().getTypeName());
        List<Request> requests = scenario.server().requests();
        assertEquals(List.of("GET /invoices/inv-7", "GET /customers/c%2042", "POST /payments"),
                requests.stream().map(r -> r.method() + " " + r.rawPath()).toList());
        assertEquals("codes=a1&codes=b2", requests.get(1).query());
        assertEquals("{\"invoiceId\":\"INV-7\",\"lines\":2.0}", requests.get(2).body());
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains(":20:54: warning: [xpath-needs-saxon] XPath selector "
                + "'upper-case(/Invoice/@currency)' needs xpath-31 (it is not XPath 1.0): the generated code evaluates "
                + "it with Saxon-HE, so add net.sf.saxon:Saxon-HE"), warnings.get(0));
    }

    @Test
    void aValueThatNeedsOneNodeFailsTheRunNamingTheSelectorWhenThereAreNoneOrSeveral() throws Exception {
        copyInvoices();
        GeneratedCode code = scenario.generate(WORKFLOW);
        scenario.server().on("GET", "/invoices/inv-7", xml(INVOICE.replace("<Customer id=\"c 42\"/>",
                "<Customer id=\"c1\"/><Customer id=\"c2\"/>")));

        WorkflowException several = assertInstanceOf(WorkflowException.class, assertThrows(RuntimeException.class,
                () -> call(scenario.client(code, "InvoiceWorkflow"), "run",
                        Scenario.inputs(code, "InvoiceWorkflow", Map.of()))));

        assertEquals("step 'customer': XPath selector '/Invoice/Customer/@id' selected 2 nodes where one value is "
                + "needed", several.getMessage());
        assertEquals(1, scenario.server().requests().size());
    }

    @Test
    void aBodyThatIsNotXmlFailsTheRunNamingTheSelector() throws Exception {
        copyInvoices();
        GeneratedCode code = scenario.generate(WORKFLOW);
        scenario.server().on("GET", "/invoices/inv-7", xml("not xml"));

        WorkflowException wrong = assertInstanceOf(WorkflowException.class, assertThrows(RuntimeException.class,
                () -> call(scenario.client(code, "InvoiceWorkflow"), "run",
                        Scenario.inputs(code, "InvoiceWorkflow", Map.of()))));

        assertTrue(wrong.getMessage().startsWith("step 'fetch': XPath selector '/Invoice/Header/InvoiceNumber' "
                + "cannot select in its context, which is not XML"), wrong.getMessage());
    }

    @Test
    void whatCannotBeEvaluatedExactlyIsALocatedError() throws Exception {
        copyInvoices();
        Path spec = scenario.write("workflow.arazzo.yaml", HEADER + """
                workflows:
                  - workflowId: bad
                    steps:
                      - stepId: fetch
                        operationId: getInvoice
                        parameters: [{name: id, in: path, value: x}]
                        outputs:
                          old: {context: $response.body, selector: upper-case(/a), type: {type: xpath, version: xpath-10}}
                          broken: {context: $response.body, selector: "/a[", type: xpath}
                      - stepId: pay
                        operationId: pay
                        requestBody:
                          contentType: application/xml
                          payload: <a><b/></a>
                          replacements:
                            - {target: /a/b, targetSelectorType: xpath, value: x}
                """);
        GenerationResult result = ArazzoCodegen.generate(GenerationRequest.builder().spec(spec)
                .outputDirectory(directory.resolve("generated")).packageName(GeneratedCode.PACKAGE).build());
        List<String> found = result.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::toString)
                .toList();

        assertTrue(result.files().isEmpty());
        assertTrue(found.size() >= 2, found.toString());
        assertEquals(spec + ":12:52: error: [invalid-xpath] XPath selector 'upper-case(/a)' does not compile as XPath "
                + "1.0, the version it declares; write XPath 1.0, or declare xpath-31 (which needs Saxon-HE at run "
                + "time)", found.get(0));
        assertTrue(found.get(1).startsWith(spec + ":13:55: error: [invalid-xpath] XPath selector '/a[' does not "
                + "compile: "), found.get(1));
        // the XPath replacement is generated now (XPathReplacementTest): only the undeclared contentType fails
        assertTrue(found.stream().noneMatch(f -> f.contains("unsupported-feature")), found.toString());
    }
    @Test
    void anXPathSelectorOnAJsonResponseIsALocatedError() throws Exception {
        Path spec = scenario.write("workflow.arazzo.yaml", """
                arazzo: 1.1.0
                info: {title: XPath selectors, version: '1'}
                sourceDescriptions:
                  - {name: things, url: things-openapi.yaml, type: openapi}
                workflows:
                  - workflowId: bad
                    steps:
                      - stepId: fetch
                        operationId: getThing
                        parameters: [{name: id, in: path, value: t1}]
                        outputs:
                          xml: {context: $response.body, selector: /a/b, type: xpath}
                """);
        GenerationResult result = ArazzoCodegen.generate(GenerationRequest.builder().spec(spec)
                .outputDirectory(directory.resolve("generated")).packageName(GeneratedCode.PACKAGE).build());

        assertEquals(List.of(spec + ":12:16: error: [xpath-into-json] step 'fetch' selects in $response.body with "
                + "XPath, but its response is application/json, not XML; select in it with a jsonpath or jsonpointer "
                + "selector"), result.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::toString)
                        .toList());
    }
}
