package dev.arazzo.codegen.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.arazzo.codegen.expression.Condition;
import dev.arazzo.codegen.expression.RuntimeExpression;
import dev.arazzo.codegen.expression.RuntimeExpressionParser.TemplatePart;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything the emitter needs to write one workflow class: Java names and types already chosen,
 * expressions already parsed and checked.
 */
public record WorkflowModel(
        String workflowId, ClassName className, String summary, String description, Path spec,
        List<SourceModel> sources, List<InputModel> inputs, List<OutputModel> outputs, List<StepModel> steps) {

    public WorkflowModel {
        sources = List.copyOf(sources);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        steps = List.copyOf(steps);
    }

    public Optional<StepModel> step(String stepId) {
        return steps.stream().filter(s -> s.stepId().equals(stepId)).findFirst();
    }

    public Optional<InputModel> input(String name) {
        return inputs.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    /** An API the workflow calls: one base URI on the builder. */
    public record SourceModel(String name, String fieldName, String defaultUri) {
    }

    /** One workflow input: a component of the {@code Inputs} record and a builder method. */
    public record InputModel(String name, String javaName, TypeName type, boolean required, String description) {
    }

    /** A named output of a step or workflow: a record component read from a runtime expression. */
    public record OutputModel(String name, String javaName, TypeName type, RuntimeExpression value, String text) {
    }

    /** One step that calls an OpenAPI operation. */
    public record StepModel(
            String stepId, String methodName, String constantName, ClassName resultType, String description,
            SourceModel source, String httpMethod, String path, List<ParameterModel> parameters, BodyModel body,
            List<CriterionModel> successCriteria, List<ActionModel> onSuccess, List<ActionModel> onFailure,
            List<OutputModel> outputs, List<String> reads) {

        public StepModel {
            parameters = List.copyOf(parameters);
            successCriteria = List.copyOf(successCriteria);
            onSuccess = List.copyOf(onSuccess);
            onFailure = List.copyOf(onFailure);
            outputs = List.copyOf(outputs);
            reads = List.copyOf(reads);
        }

        public Optional<OutputModel> output(String name) {
            return outputs.stream().filter(o -> o.name().equals(name)).findFirst();
        }
    }

    /** A parameter sent with a step's request. {@code in} is path, query, header or cookie. */
    public record ParameterModel(String name, String in, ValueModel value) {
    }

    /** A request body: a payload with expressions anywhere, and replacements by JSON Pointer. */
    public record BodyModel(String contentType, ValueModel payload, List<ReplacementModel> replacements) {
        public BodyModel {
            replacements = List.copyOf(replacements);
        }
    }

    /** A Payload Replacement Object. */
    public record ReplacementModel(String target, ValueModel value) {
    }

    /** A value written in the document: a literal, an expression, a string with embedded expressions, or a structure. */
    public sealed interface ValueModel {
    }

    /** A JSON literal kept as written. */
    public record LiteralValue(JsonNode value) implements ValueModel {
    }

    /** A runtime expression; its type is preserved. */
    public record ExpressionValue(RuntimeExpression expression, String text) implements ValueModel {
    }

    /** A string with embedded {@code {$...}} expressions. */
    public record TemplateValue(List<TemplatePart> parts) implements ValueModel {
        public TemplateValue {
            parts = List.copyOf(parts);
        }
    }

    /** A JSON object whose members are values. */
    public record ObjectValue(List<Member> members) implements ValueModel {
        public ObjectValue {
            members = List.copyOf(members);
        }
    }

    /** A member of an {@link ObjectValue}. */
    public record Member(String name, ValueModel value) {
    }

    /** A JSON array whose elements are values. */
    public record ArrayValue(List<ValueModel> elements) implements ValueModel {
        public ArrayValue {
            elements = List.copyOf(elements);
        }
    }

    /** A criterion compiled from a Criterion Object. */
    public sealed interface CriterionModel {
        /** The condition as written, for messages. */
        String text();
    }

    /** A simple condition. */
    public record SimpleCriterion(String text, Condition condition) implements CriterionModel {
    }

    /** A regex condition applied to a context value, with find semantics. */
    public record RegexCriterion(String text, RuntimeExpression context, String pattern) implements CriterionModel {
    }

    /** A JSONPath condition applied to a context value. */
    public record JsonPathCriterion(String text, RuntimeExpression context, String query) implements CriterionModel {
    }

    /** What a success or failure action does. */
    public enum ActionType {
        END, GOTO, RETRY
    }

    /**
     * A success or failure action: the first whose criteria all hold is taken. {@code stepId} is the
     * goto target, or the step to run before a retry.
     */
    public record ActionModel(
            String name, ActionType type, String stepId, double retryAfterSeconds, int retryLimit,
            List<CriterionModel> criteria) {

        public ActionModel {
            criteria = List.copyOf(criteria);
        }
    }
}
