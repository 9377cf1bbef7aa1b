package dev.arazzo.codegen.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arazzo.codegen.bind.BoundDocument.ActionKind;
import dev.arazzo.codegen.bind.BoundDocument.BoundStep;
import dev.arazzo.codegen.bind.BoundDocument.BoundWorkflow;
import dev.arazzo.codegen.diagnostic.Diagnostic;
import dev.arazzo.codegen.diagnostic.Diagnostics;
import dev.arazzo.codegen.expression.Condition;
import dev.arazzo.codegen.expression.RuntimeExpression;
import dev.arazzo.codegen.expression.RuntimeExpressionParser.TemplatePart;
import dev.arazzo.codegen.jsonpath.Expression;
import dev.arazzo.codegen.source.ParameterLocation;
import dev.arazzo.codegen.testing.Documents;
import dev.arazzo.codegen.testing.LookWorkflow;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bind stage: every reference resolved and every expression parsed once, kept with its node. */
class BinderTest {

    @TempDir
    Path directory;

    @Test
    void stepsAreBoundToTheirOperationOrWorkflowAndTheirExpressionsParsed() throws Exception {
        Documents.write(directory, "things.yaml", Documents.THINGS_OPENAPI);
        Path spec = Documents.write(directory, "look.arazzo.yaml", LookWorkflow.ARAZZO);
        Diagnostics diagnostics = new Diagnostics();

        BoundDocument bound = Documents.bind(spec, diagnostics).get(0);

        assertEquals(List.of(), diagnostics.all());
        BoundWorkflow look = bound.workflow("look").orElseThrow();
        BoundStep get = look.step("get").orElseThrow();
        assertEquals("getThing", get.operation().operationId());
        assertSame(bound.sources().apis().get("things"), get.operation().source());
        assertNull(get.callee());

        assertEquals(ParameterLocation.PATH, get.parameters().get(0).location());
        var id = assertInstanceOf(BoundDocument.ExpressionValue.class, get.parameters().get(0).value());
        assertEquals(new RuntimeExpression.Input("id", ""), id.expression().expression());
        assertEquals("/workflows/0/steps/0/parameters/0/value", id.pointer());
        var template = assertInstanceOf(BoundDocument.TemplateValue.class, get.parameters().get(1).value());
        assertInstanceOf(TemplatePart.Embedded.class, template.parts().get(1));
        assertEquals(ParameterLocation.QUERY, get.parameters().get(2).location());
        assertInstanceOf(BoundDocument.ArrayValue.class, get.parameters().get(2).value());

        var status = assertInstanceOf(BoundDocument.SimpleCriterion.class, get.successCriteria().get(0));
        assertInstanceOf(Condition.Comparison.class, status.condition());
        var regex = assertInstanceOf(BoundDocument.RegexCriterion.class, get.successCriteria().get(1));
        assertEquals("^\\{", regex.regex().pattern());
        assertInstanceOf(RuntimeExpression.ResponseBody.class, regex.context().expression());
        var jsonPath = assertInstanceOf(BoundDocument.JsonPathCriterion.class, get.successCriteria().get(2));
        var query = assertInstanceOf(Expression.Query.class, jsonPath.condition());
        assertEquals(2, query.query().segments().size(), query.toString());

        assertEquals(ActionKind.RETRY, get.onFailure().get(0).kind());
        assertInstanceOf(RuntimeExpression.ResponseBody.class, get.outputs().get("id").expression());

        BoundStep sub = look.step("sub").orElseThrow();
        assertEquals("other", sub.callee().workflow().workflowId());
        assertNull(sub.operation());
        assertInstanceOf(RuntimeExpression.StepOutput.class, look.outputs().get("id").expression());

        BoundStep one = bound.workflow("other").orElseThrow().step("one").orElseThrow();
        assertEquals("POST /things", one.operation().method() + " " + one.operation().path());
        assertInstanceOf(BoundDocument.ObjectValue.class, one.body().payload());
    }

    @Test
    void whatDoesNotBindOrParseIsReportedAtItsNodeAndLeftUnbound() throws Exception {
        Documents.write(directory, "things.yaml", Documents.THINGS_OPENAPI);
        Path spec = Documents.write(directory, "broken.arazzo.yaml", """
                arazzo: 1.0.1
                info: {title: broken, version: '1'}
                sourceDescriptions: [{name: things, url: things.yaml, type: openapi}]
                workflows:
                  - workflowId: broken
                    steps:
                      - stepId: get
                        operationId: getThings
                        successCriteria:
                          - {context: $response.body, condition: '(', type: regex}
                          - condition: $statusCode ==
                        outputs: {id: $response.nobody}
                      - stepId: call
                        workflowId: absent
                """);
        Diagnostics diagnostics = new Diagnostics();

        BoundWorkflow broken = Documents.bind(spec, diagnostics).get(0).workflow("broken").orElseThrow();

        assertEquals(List.of("unknown-operation", "invalid-regex", "invalid-expression", "invalid-expression",
                "unknown-workflow"), diagnostics.all().stream().map(Diagnostic::code).toList());
        assertTrue(diagnostics.all().stream().allMatch(d -> d.location().line() > 0), diagnostics.all().toString());
        BoundStep get = broken.step("get").orElseThrow();
        assertNull(get.operation());
        assertEquals(List.of(), get.successCriteria(), "neither condition parses");
        assertTrue(get.outputs().isEmpty());
        assertNull(broken.step("call").orElseThrow().callee());
    }
}
