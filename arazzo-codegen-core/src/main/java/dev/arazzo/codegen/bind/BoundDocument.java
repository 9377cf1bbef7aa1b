package dev.arazzo.codegen.bind;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arazzo.codegen.expression.Condition;
import dev.arazzo.codegen.expression.RuntimeExpression;
import dev.arazzo.codegen.expression.RuntimeExpressionParser.TemplatePart;
import dev.arazzo.codegen.jsonpath.Expression;
import dev.arazzo.codegen.jsonpath.JsonPathQuery;
import dev.arazzo.codegen.load.ArazzoDocument;
import dev.arazzo.codegen.load.ArazzoDocument.Action;
import dev.arazzo.codegen.load.ArazzoDocument.Criterion;
import dev.arazzo.codegen.load.ArazzoDocument.Parameter;
import dev.arazzo.codegen.load.ArazzoDocument.Replacement;
import dev.arazzo.codegen.load.ArazzoDocument.Step;
import dev.arazzo.codegen.load.ArazzoDocument.Workflow;
import dev.arazzo.codegen.source.OperationView;
import dev.arazzo.codegen.source.ParameterLocation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An Arazzo document with every reference resolved and every expression parsed, once: the input of the
 * check and model stages. Each bound node keeps the document node it came from (and so its JSON
 * Pointer, hence its location); what could not be bound (reported already) is null or absent.
 *
 * @param document the document as read
 * @param sources the documents its source descriptions name
 * @param workflows its workflows, in document order
 */
public record BoundDocument(ArazzoDocument document, BoundSources sources, List<BoundWorkflow> workflows) {

    public BoundDocument {
        workflows = List.copyOf(workflows);
    }

    public Optional<BoundWorkflow> workflow(String workflowId) {
        return workflows.stream().filter(w -> w.workflowId().equals(workflowId)).findFirst();
    }

    /**
     * A bound workflow.
     *
     * @param dependsOn its dependsOn entries, in order
     * @param outputs its outputs by name, in order
     */
    public record BoundWorkflow(
            Workflow workflow, List<BoundDependency> dependsOn, List<BoundStep> steps, List<BoundAction> successActions,
            List<BoundAction> failureActions, Map<String, BoundExpression> outputs) {

        public BoundWorkflow {
            dependsOn = List.copyOf(dependsOn);
            steps = List.copyOf(steps);
            successActions = List.copyOf(successActions);
            failureActions = List.copyOf(failureActions);
            outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        }

        public String workflowId() {
            return workflow.workflowId();
        }

        public String pointer() {
            return workflow.pointer();
        }

        public Optional<BoundStep> step(String stepId) {
            return steps.stream().filter(s -> s.stepId().equals(stepId)).findFirst();
        }
    }

    /** A dependsOn entry: the reference as written, and the workflow it names (null when it names none). */
    public record BoundDependency(String reference, String pointer, WorkflowTarget target) {
    }

    /**
     * A bound step: it calls {@code operation} or the workflow {@code callee} (either may be null when
     * it names none that exists).
     *
     * @param parameters for an operation step, the workflow's parameters merged with the step's (a step
     *     parameter replaces one with the same name and location); for a workflow step, its own
     * @param body the request body, or null
     * @param outputs its outputs by name, in order
     * @param message for an AsyncAPI step, what it sends or receives (null for any other step, or when it
     *     names nothing that exists)
     */
    public record BoundStep(
            Step step, OperationView operation, WorkflowTarget callee, List<BoundParameter> parameters,
            BoundBody body, List<BoundCriterion> successCriteria, List<BoundAction> onSuccess,
            List<BoundAction> onFailure, Map<String, BoundExpression> outputs, BoundMessage message) {

        public BoundStep {
            parameters = List.copyOf(parameters);
            successCriteria = List.copyOf(successCriteria);
            onSuccess = List.copyOf(onSuccess);
            onFailure = List.copyOf(onFailure);
            outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        }

        /** A step that is no AsyncAPI step. */
        public BoundStep(
                Step step, OperationView operation, WorkflowTarget callee, List<BoundParameter> parameters,
                BoundBody body, List<BoundCriterion> successCriteria, List<BoundAction> onSuccess,
                List<BoundAction> onFailure, Map<String, BoundExpression> outputs) {
            this(step, operation, callee, parameters, body, successCriteria, onSuccess, onFailure, outputs, null);
        }

        public String stepId() {
            return step.stepId();
        }

        public String pointer() {
            return step.pointer();
        }

        public boolean callsWorkflow() {
            return step.workflowId() != null;
        }
    }

    /**
     * A parameter: {@code location} is the one it gives, or null when it gives none (or an invalid one,
     * reported).
     */
    public record BoundParameter(Parameter parameter, ParameterLocation location, BoundValue value) {

        public String name() {
            return parameter.name();
        }

        /** Whether the step declares it (else it comes from the workflow's parameters). */
        public boolean own(Step step) {
            return step.parameters().contains(parameter);
        }
    }

    /** A request body: its payload (null when it has none) and replacements. */
    public record BoundBody(String contentType, BoundValue payload, List<BoundReplacement> replacements) {
        public BoundBody {
            replacements = List.copyOf(replacements);
        }
    }

    /**
     * A Payload Replacement Object; {@code value} is null when it has none. {@code target} is the JSON
     * Pointer it sets: the one written, or the one a 1.1 {@code targetSelectorType: jsonpath} target denotes
     * (null when that is not one, reported, or when {@code query} or {@code xpath} is set). {@code query} is a
     * 1.1 {@code targetSelectorType: jsonpath} target that can select several nodes, set at each at run time;
     * null for a target that is one location. For a {@code targetSelectorType: xpath} target, {@code xpath} is
     * the bound expression and {@code target} null.
     */
    public record BoundReplacement(
            Replacement replacement, BoundValue value, String target, XPathTarget xpath, JsonPathQuery query) {

        /** A replacement whose target is an XPath into an XML payload. */
        public BoundReplacement(Replacement replacement, BoundValue value, String target, XPathTarget xpath) {
            this(replacement, value, target, xpath, null);
        }

        /** A replacement whose target is a JSONPath that can select several nodes. */
        public BoundReplacement(Replacement replacement, BoundValue value, String target, JsonPathQuery query) {
            this(replacement, value, target, null, query);
        }

        /** A replacement of one location (a JSON Pointer). */
        public BoundReplacement(Replacement replacement, BoundValue value, String target) {
            this(replacement, value, target, null, null);
        }

        /** A replacement whose target is written as a JSON Pointer. */
        public BoundReplacement(Replacement replacement, BoundValue value) {
            this(replacement, value, replacement.target());
        }
    }

    /**
     * A 1.1 replacement target of {@code targetSelectorType: xpath}: an XPath expression selecting one node of
     * an XML payload; {@code saxon} when it needs XPath 2.0 or later (Saxon-HE), else the JDK's XPath 1.0.
     */
    public record XPathTarget(String expression, boolean saxon) {
    }

    /** A runtime expression where the document writes one: its text, its node, and the parsed expression. */
    public record BoundExpression(String text, String pointer, RuntimeExpression expression) {
    }

    /** A value written in the document, parsed: a literal, an expression, a template, or a structure. */
    public sealed interface BoundValue {
        /** The JSON Pointer of the value's node. */
        String pointer();
    }

    /** A JSON value kept as written (a text that is no runtime expression, too). */
    public record LiteralValue(String pointer, JsonNode value) implements BoundValue {
    }

    /**
     * A runtime expression. For {@code $components.parameters.<name>}, {@code component} is the bound value
     * of that parameter (null when it has none).
     */
    public record ExpressionValue(String pointer, BoundExpression expression, BoundValue component)
            implements BoundValue {
    }

    /** A string with embedded {@code {$...}} expressions. */
    public record TemplateValue(String pointer, String text, List<TemplatePart> parts) implements BoundValue {
        public TemplateValue {
            parts = List.copyOf(parts);
        }
    }

    /** A JSON object whose members are values. */
    public record ObjectValue(String pointer, List<Member> members) implements BoundValue {
        public ObjectValue {
            members = List.copyOf(members);
        }
    }

    /** A member of an {@link ObjectValue}. */
    public record Member(String name, BoundValue value) {
    }

    /** A JSON array whose elements are values. */
    public record ArrayValue(String pointer, List<BoundValue> elements) implements BoundValue {
        public ArrayValue {
            elements = List.copyOf(elements);
        }
    }

    /**
     * A Criterion Object, parsed by its type; {@code context} is null when it has none (or when it does not
     * parse: that is an error, reported).
     */
    public sealed interface BoundCriterion {
        Criterion criterion();

        BoundExpression context();
    }

    /** A simple condition. */
    public record SimpleCriterion(Criterion criterion, BoundExpression context, Condition condition)
            implements BoundCriterion {
    }

    /** A regex condition, compiled. */
    public record RegexCriterion(Criterion criterion, BoundExpression context, Pattern regex)
            implements BoundCriterion {
    }

    /** A JSONPath condition, parsed. */
    public record JsonPathCriterion(Criterion criterion, BoundExpression context, Expression condition)
            implements BoundCriterion {
    }

    /** An XPath condition, compiled to check it; {@code saxon}: XPath 2.0 or later, evaluated with Saxon-HE. */
    public record XPathCriterion(Criterion criterion, BoundExpression context, String expression, boolean saxon)
            implements BoundCriterion {
    }

    /** What an action does. */
    public enum ActionKind {
        END, GOTO, RETRY
    }

    /**
     * A success or failure action: {@code workflow} is the workflow it runs, when it names one that exists.
     * {@code kind} is null for an action of an unknown type (reported). {@code parameters} (1.1) are inputs
     * of that workflow, their values evaluated where the action is taken.
     */
    public record BoundAction(Action action, ActionKind kind, WorkflowTarget workflow, List<BoundCriterion> criteria,
            List<BoundParameter> parameters) {
        public BoundAction {
            criteria = List.copyOf(criteria);
            parameters = List.copyOf(parameters);
        }

        public String name() {
            return action.name();
        }

        public String stepId() {
            return action.stepId();
        }
    }
}
