package dev.arazzo.codegen.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arazzo.codegen.ArazzoCodegen;
import dev.arazzo.codegen.GenerationRequest;
import dev.arazzo.codegen.GenerationResult;
import dev.arazzo.codegen.diagnostic.Diagnostics;
import dev.arazzo.codegen.diagnostic.SourceLocation;
import dev.arazzo.codegen.load.ArazzoDocument.ExpressionType;
import dev.arazzo.codegen.load.ArazzoDocument.Parameter;
import dev.arazzo.codegen.load.ArazzoDocument.Selector;
import dev.arazzo.codegen.load.ArazzoDocument.Step;
import dev.arazzo.codegen.load.ArazzoDocument.Value;
import dev.arazzo.codegen.load.ArazzoDocument.Workflow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every Arazzo 1.1 field, read into the document records with its JSON Pointer. */
class ArazzoReaderV11Test {

    @TempDir
    Path output;

    @Test
    void everyFieldArazzo11AddsIsRead() throws Exception {
        Diagnostics diagnostics = new Diagnostics();
        ArazzoDocument document = read(SchemaCheckerTest.fixture("v11/every-field.arazzo.yaml"), diagnostics);

        assertEquals(List.of(), diagnostics.all());
        assertTrue(document.isV11());
        assertEquals("https://example.com/flows/every-field.arazzo.yaml", document.self());
        assertEquals("asyncapi", document.sourceDescription("events").orElseThrow().type());

        Workflow order = document.workflow("order").orElseThrow();
        assertEquals(new Parameter("tenant", null, order.parameters().get(0).value(), "/workflows/0/parameters/0"),
                order.parameters().get(0));
        assertEquals(java.util.Map.of("id", "$steps.place.outputs.id"), order.outputs());
        assertEquals(new Value.Expression("$steps.place.outputs.id", "/workflows/0/outputs/id"),
                order.outputValues().get("id"));
        assertEquals(new Value.Selection(new Selector("$steps.place.outputs.body", "$.items[0].sku",
                new ExpressionType("jsonpath", null, "/workflows/0/outputs/first/type"), "/workflows/0/outputs/first")),
                order.outputValues().get("first"));

        Step place = order.step("place").orElseThrow();
        String at = "/workflows/0/steps/0";
        assertEquals(1500L, place.timeout());
        assertEquals(List.of("warm", "$workflows.other.steps.s", "$sourceDescriptions.flows.w.steps.s"),
                place.dependsOn());
        assertNull(place.channelPath());
        assertNull(place.action());
        assertNull(place.correlationId());
        Parameter query = place.parameters().get(0);
        assertEquals("querystring", query.in());
        assertEquals(new Value.Literal(query.value(), at + "/parameters/0/value"), query.valueOf());
        Parameter code = place.parameters().get(1);
        assertEquals(new Selector("$inputs.doc", "/Envelope/Code",
                new ExpressionType("xpath", "xpath-30", at + "/parameters/1/value/type"), at + "/parameters/1/value"),
                code.selector());
        assertEquals(new Value.Selection(code.selector()), code.valueOf());

        ArazzoDocument.RequestBody body = place.requestBody();
        assertEquals(List.of("/invoice"), List.copyOf(body.selectors().keySet()));
        assertEquals(new Selector("$inputs.invoice", "/number",
                new ExpressionType("jsonpointer", null, at + "/requestBody/payload/invoice/type"),
                at + "/requestBody/payload/invoice"), body.selectors().get("/invoice"));
        ArazzoDocument.Replacement replacement = body.replacements().get(0);
        assertEquals(new ExpressionType("jsonpath", "draft-goessner-dispatch-jsonpath-00",
                at + "/requestBody/replacements/0/targetSelectorType"), replacement.targetSelectorType());
        assertEquals(new Selector("$inputs.stock", "$.qty",
                new ExpressionType("jsonpath", null, at + "/requestBody/replacements/0/value/type"),
                at + "/requestBody/replacements/0/value"), replacement.selector());

        ArazzoDocument.Criterion criterion = place.successCriteria().get(0);
        assertEquals(new ExpressionType("jsonpath", "rfc9535", at + "/successCriteria/0/type"),
                criterion.expressionType());
        ArazzoDocument.Action again = place.onFailure().get(0);
        assertEquals(List.of("reason"), again.parameters().stream().map(Parameter::name).toList());
        assertEquals(new Value.Expression("$statusCode", at + "/onFailure/0/parameters/0/value"),
                again.parameters().get(0).valueOf());

        assertEquals(java.util.Map.of("id", "$response.body#/id", "body", "$response.body"), place.outputs());
        assertEquals(List.of("id", "body", "sku"), List.copyOf(place.outputValues().keySet()));
        assertTrue(place.outputValues().get("sku") instanceof Value.Selection);

        Step wait = order.step("wait").orElseThrow();
        assertEquals("{$sourceDescriptions.events.url}#/channels/orderPlaced", wait.channelPath());
        assertEquals("receive", wait.action());
        assertEquals(new Value.Expression("$message.header#/correlationId", "/workflows/0/steps/1/correlationId"),
                wait.correlationId());
        assertNull(wait.operationId());
    }

    @Test
    void expressionTypesDefaultToTheVersionArazzo11Names() {
        assertEquals("rfc9535", new ExpressionType("jsonpath", null, "").versionOrDefault());
        assertEquals("xpath-31", new ExpressionType("xpath", null, "").versionOrDefault());
        assertEquals("rfc6901", new ExpressionType("jsonpointer", null, "").versionOrDefault());
        assertEquals("xpath-10", new ExpressionType("xpath", "xpath-10", "").versionOrDefault());
    }

    @Test
    void inArazzo10AnObjectWithContextSelectorAndTypeIsALiteral() throws Exception {
        Path spec = Files.writeString(output.resolve("literal.arazzo.yaml"), """
                arazzo: 1.0.1
                info: {title: T, version: '1'}
                sourceDescriptions: [{name: s, url: s.yaml}]
                workflows:
                  - workflowId: w
                    steps:
                      - stepId: a
                        operationId: x
                        requestBody:
                          payload: {context: $inputs.a, selector: /b, type: jsonpointer}
                """);
        Diagnostics diagnostics = new Diagnostics();

        ArazzoDocument document = read(spec, diagnostics);

        assertEquals(List.of(), diagnostics.all());
        assertEquals(java.util.Map.of(), document.workflows().get(0).steps().get(0).requestBody().selectors());
    }

    @Test
    void everyFieldIsBuiltNoneIsAnUnsupportedFeature() throws Exception {
        Path spec = SchemaCheckerTest.fixture("v11/every-field.arazzo.yaml");

        GenerationResult result = ArazzoCodegen.generate(GenerationRequest.builder().spec(spec)
                .outputDirectory(output).packageName("com.example").build());

        // action parameters (51:15) were the last feature of UnbuiltFeatures; the XPath selector (28:25) is
        // generated now, evaluated by the JDK since /Envelope/Code is XPath 1.0 too: no diagnostic there
        assertEquals(List.of(), result.diagnostics().stream()
                .filter(d -> d.code().equals("unsupported-feature") || d.location().line() == 28)
                .map(d -> d.location().line() + ":" + d.location().column() + " " + d.message()).toList());
    }

    private static ArazzoDocument read(Path spec, Diagnostics diagnostics) {
        return new DocumentLoader().load(spec, SourceLocation.ofFile(spec, ""), diagnostics)
                .flatMap(source -> SchemaChecker.read(source, diagnostics)).orElseThrow();
    }
}
