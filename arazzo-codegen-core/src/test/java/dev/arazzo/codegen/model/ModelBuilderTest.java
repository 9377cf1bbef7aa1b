package dev.arazzo.codegen.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.ClassName;
import dev.arazzo.codegen.diagnostic.Diagnostics;
import dev.arazzo.codegen.jsonpath.Expression;
import dev.arazzo.codegen.model.WorkflowModel.ActionType;
import dev.arazzo.codegen.model.WorkflowModel.HttpCall;
import dev.arazzo.codegen.model.WorkflowModel.ParameterModel;
import dev.arazzo.codegen.model.WorkflowModel.StepModel;
import dev.arazzo.codegen.model.WorkflowModel.WorkflowCall;
import dev.arazzo.codegen.source.ParameterLocation;
import dev.arazzo.codegen.source.ParameterStyle;
import dev.arazzo.codegen.testing.Documents;
import dev.arazzo.codegen.testing.LookWorkflow;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model of a bound document: each step's target a sealed kind, parameters with their OpenAPI serialization. */
class ModelBuilderTest {

    @TempDir
    Path directory;

    private List<WorkflowModel> models;

    @BeforeEach
    void build() throws Exception {
        Documents.write(directory, "things.yaml", Documents.THINGS_OPENAPI);
        Path spec = Documents.write(directory, "look.arazzo.yaml", LookWorkflow.ARAZZO);
        Diagnostics diagnostics = new Diagnostics();
        models = ModelBuilder.build(Documents.bind(spec, diagnostics), "com.example", diagnostics);
        assertEquals(List.of(), diagnostics.all());
    }

    @Test
    void anOperationStepIsAnHttpCallWithItsParametersSerializedAsTheOperationDeclaresThem() {
        StepModel get = look().step("get").orElseThrow();
        HttpCall http = assertInstanceOf(HttpCall.class, get.target());
        assertEquals("GET", http.method());
        assertEquals("/things/{id}", http.path());
        assertEquals("thingsBaseUri", http.source().fieldName());
        assertEquals(List.of(List.of("key")), http.security());
        ParameterModel id = http.parameters().get(0);
        assertEquals(ParameterLocation.PATH, id.location());
        assertEquals(ParameterStyle.SIMPLE, id.style());
        assertFalse(id.explode());
        assertNotNull(id.schema());
        assertEquals("string", id.schema().schema().type());
        ParameterModel tags = http.parameters().get(2);
        assertEquals(ParameterLocation.QUERY, tags.location());
        assertEquals(ParameterStyle.PIPE_DELIMITED, tags.style());
        assertFalse(tags.explode());
        assertEquals(ParameterStyle.FORM, http.parameters().get(1).style(), "OpenAPI's default for a query");
        assertTrue(http.parameters().get(1).explode());
    }

    @Test
    void aWorkflowStepIsAWorkflowCall() {
        StepModel sub = look().step("sub").orElseThrow();
        WorkflowCall call = assertInstanceOf(WorkflowCall.class, sub.target());
        assertEquals("other", call.callee().workflowId());
        assertEquals("id", call.inputs().get(0).input().name());
        assertTrue(sub.callsWorkflow());
        assertEquals(List.of("get"), sub.reads());
    }

    @Test
    void criteriaCarryTheirParsedFormsAndActionsTheirKind() {
        StepModel get = look().step("get").orElseThrow();
        assertInstanceOf(WorkflowModel.SimpleCriterion.class, get.successCriteria().get(0));
        assertEquals("^\\{", assertInstanceOf(WorkflowModel.RegexCriterion.class, get.successCriteria().get(1))
                .pattern());
        assertInstanceOf(Expression.Query.class,
                assertInstanceOf(WorkflowModel.JsonPathCriterion.class, get.successCriteria().get(2)).condition());
        assertEquals(ActionType.RETRY, get.onFailure().get(0).type());
        assertEquals(2, get.onFailure().get(0).retryLimit());
    }

    @Test
    void outputsAreTypedFromTheSchemaViewTheyLandOn() {
        StepModel get = look().step("get").orElseThrow();
        assertEquals(ClassName.get(String.class), get.output("id").orElseThrow().type());
        assertEquals(ClassName.get(Float.class), get.output("weight").orElseThrow().type());
        assertEquals("float", get.output("weight").orElseThrow().schema().schema().resolved().format());
    }

    @Test
    void anIdempotencyTokenTheBodyLeavesOutIsSupplied() {
        StepModel one = models.stream().filter(m -> m.workflowId().equals("other")).findFirst().orElseThrow()
                .step("one").orElseThrow();
        assertEquals(new WorkflowModel.IdempotencyModel(true, "ClientToken"), one.http().idempotency());
    }

    private WorkflowModel look() {
        return models.stream().filter(m -> m.workflowId().equals("look")).findFirst().orElseThrow();
    }
}
