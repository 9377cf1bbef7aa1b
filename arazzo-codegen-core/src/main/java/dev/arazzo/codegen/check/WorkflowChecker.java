package dev.arazzo.codegen.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arazzo.codegen.bind.BoundDocument;
import dev.arazzo.codegen.bind.BoundDocument.BoundAction;
import dev.arazzo.codegen.bind.BoundDocument.BoundCriterion;
import dev.arazzo.codegen.bind.BoundDocument.BoundDependency;
import dev.arazzo.codegen.bind.BoundDocument.BoundExpression;
import dev.arazzo.codegen.bind.BoundDocument.BoundParameter;
import dev.arazzo.codegen.bind.BoundDocument.BoundStep;
import dev.arazzo.codegen.bind.BoundDocument.BoundValue;
import dev.arazzo.codegen.bind.BoundDocument.BoundWorkflow;
import dev.arazzo.codegen.bind.WorkflowTarget;
import dev.arazzo.codegen.diagnostic.Diagnostics;
import dev.arazzo.codegen.diagnostic.SourceLocation;
import dev.arazzo.codegen.expression.Condition;
import dev.arazzo.codegen.expression.RuntimeExpression;
import dev.arazzo.codegen.expression.RuntimeExpressionParser;
import dev.arazzo.codegen.load.ArazzoDocument;
import dev.arazzo.codegen.load.ArazzoDocument.Parameter;
import dev.arazzo.codegen.load.ArazzoDocument.Step;
import dev.arazzo.codegen.load.ArazzoDocument.Workflow;
import dev.arazzo.codegen.load.SourceDocument;
import dev.arazzo.codegen.load.Suggestions;
import dev.arazzo.codegen.source.OperationView;
import dev.arazzo.codegen.source.ParameterLocation;
import dev.arazzo.codegen.source.ParameterView;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The check stage: reads a {@link BoundDocument} (every reference resolved, every expression parsed by
 * the bind stage) and turns each problem it finds into a diagnostic with the location of the node that
 * holds it.
 *
 * <p>Checked: ids are unique; parameters exist on the operation; runtime expressions name inputs, steps
 * and outputs that exist, in places where they have a value (a response is read only after the
 * request); a {@code $steps.x} reference names a step that can have run before; a {@code $workflows.x}
 * reference names a workflow this one depends on or calls; goto and retry targets exist.
 */
public final class WorkflowChecker {

    /** Where an expression is evaluated, which decides what it may read. */
    private enum Scope {
        REQUEST, RESPONSE, WORKFLOW_RESULT, WORKFLOW_OUTPUTS
    }

    private final BoundDocument bound;
    private final ArazzoDocument document;
    private final Diagnostics diagnostics;
    private BoundWorkflow current;

    private WorkflowChecker(BoundDocument bound, Diagnostics diagnostics) {
        this.bound = bound;
        this.document = bound.document();
        this.diagnostics = diagnostics;
    }

    /**
     * Checks a bound document: this class's checks, then {@link FlowChecker}'s, {@link ComparisonChecker}'s,
     * {@link ParameterChecker}'s, {@link RequestBodyChecker}'s, {@link DependencyChecker}'s,
     * {@link ServerChecker}'s and {@link IdentifierChecker}'s.
     */
    public static void check(BoundDocument bound, Diagnostics diagnostics) {
        new WorkflowChecker(bound, diagnostics).check();
        FlowChecker.check(bound, diagnostics);
        ComparisonChecker.check(bound, diagnostics);
        ParameterChecker.check(bound, diagnostics);
        RequestBodyChecker.check(bound, diagnostics);
        DependencyChecker.check(bound, diagnostics);
        ServerChecker.check(bound, diagnostics);
        IdentifierChecker.check(bound, diagnostics);
    }

    private void check() {
        Set<String> workflowIds = new HashSet<>();
        for (BoundWorkflow workflow : bound.workflows()) {
            if (!workflowIds.add(workflow.workflowId())) {
                diagnostics.error("duplicate-workflow", at(workflow.pointer() + "/workflowId"), "workflowId '"
                        + workflow.workflowId() + "' is used twice in this document; give each workflow its own id");
            }
            current = workflow;
            checkWorkflow(workflow);
        }
    }

    private void checkWorkflow(BoundWorkflow bound) {
        Workflow workflow = bound.workflow();
        Set<String> stepIds = new HashSet<>();
        for (Step step : workflow.steps()) {
            if (!stepIds.add(step.stepId())) {
                diagnostics.error("duplicate-step", at(step.pointer() + "/stepId"), "stepId '" + step.stepId()
                        + "' is used twice in workflow '" + workflow.workflowId() + "'; give each step its own id");
            }
        }
        for (BoundDependency dependency : bound.dependsOn()) {
            if (dependency.target() != null && dependency.target().sameAs(document, workflow)) {
                diagnostics.error("workflow-cycle", at(dependency.pointer()), "workflow '" + workflow.workflowId()
                        + "' depends on itself; remove it from its own dependsOn");
            }
        }
        checkNames(workflow);
        StepGraph graph = new StepGraph(workflow);
        for (BoundStep step : bound.steps()) {
            if (step.callee() != null) {
                checkCallInputs(step.step(), step.callee());
            }
            checkStep(workflow, step, graph);
        }
        checkActions(workflow, null, bound.successActions(), graph);
        checkActions(workflow, null, bound.failureActions(), graph);
        bound.outputs().values().forEach(output -> checkExpression(workflow, null, output, Scope.WORKFLOW_OUTPUTS,
                graph));
    }

    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[a-zA-Z0-9.\\-_]+");

    /** Input and output names outside the specification's {@code ^[a-zA-Z0-9\.\-_]+$}: a warning each. */
    private void checkNames(Workflow workflow) {
        JsonNode properties = workflow.inputs() == null ? null : workflow.inputs().get("properties");
        if (properties != null && properties.isObject()) {
            properties.fieldNames().forEachRemaining(name -> {
                String pointer = workflow.pointer() + "/inputs/properties/" + SourceDocument.escape(name);
                checkName("input", name, document.source().root().at(pointer).isMissingNode()
                        ? workflow.pointer() + "/inputs" : pointer);
            });
        }
        workflow.outputs().keySet().forEach(name -> checkName("output", name,
                workflow.pointer() + "/outputs/" + SourceDocument.escape(name)));
        for (Step step : workflow.steps()) {
            step.outputs().keySet().forEach(name -> checkName("output", name,
                    step.pointer() + "/outputs/" + SourceDocument.escape(name)));
        }
    }

    private void checkName(String kind, String name, String pointer) {
        if (!NAME.matcher(name).matches()) {
            diagnostics.warning("invalid-name", at(pointer), kind + " name '" + name + "' has characters the "
                    + "specification does not allow in names (only letters, digits, '.', '-' and '_'); it is generated "
                    + "with a legal Java name (ASCII letters, digits and '_'), but other tools may reject it: rename it");
        }
    }

    private void checkStep(Workflow workflow, BoundStep bound, StepGraph graph) {
        Step step = bound.step();
        for (BoundParameter parameter : bound.parameters()) {
            if (bound.operation() != null && parameter.own(step)
                    && (parameter.parameter().in() == null || parameter.location() != null)) {
                checkParameter(step, parameter, bound.operation());
            }
            checkValue(workflow, step, parameter.value(), graph);
        }
        if (bound.body() != null) {
            if (bound.body().payload() != null) {
                checkValue(workflow, step, bound.body().payload(), graph);
            }
            for (BoundDocument.BoundReplacement replacement : bound.body().replacements()) {
                ArazzoDocument.Replacement written = replacement.replacement();
                if (written.targetSelectorType() == null && !written.target().isEmpty()
                        && !written.target().startsWith("/")) {
                    diagnostics.error("invalid-pointer", at(written.pointer() + "/target"), "replacement target '"
                            + written.target() + "' must be a JSON Pointer such as '/user/id'");
                }
                if (replacement.value() != null) {
                    checkValue(workflow, step, replacement.value(), graph);
                }
            }
        }
        if (bound.message() != null && bound.message().correlationId() != null) {
            checkValue(workflow, step, bound.message().correlationId(), graph);
        }
        for (BoundCriterion criterion : bound.successCriteria()) {
            checkCriterion(workflow, step, criterion, graph);
        }
        checkActions(workflow, step, bound.onSuccess(), graph);
        checkActions(workflow, step, bound.onFailure(), graph);
        bound.outputs().values().forEach(output -> checkExpression(workflow, step, output, resultScope(step), graph));
    }

    private static Scope resultScope(Step step) {
        return step != null && step.workflowId() != null ? Scope.WORKFLOW_RESULT : Scope.RESPONSE;
    }

    /** A workflow step's parameters are the called workflow's inputs, matched by name. */
    private void checkCallInputs(Step step, WorkflowTarget callee) {
        JsonNode properties = callee.workflow().inputs() == null ? null : callee.workflow().inputs().get("properties");
        List<String> known = new ArrayList<>();
        if (properties != null) {
            properties.fieldNames().forEachRemaining(known::add);
        }
        for (Parameter parameter : step.parameters()) {
            if (!known.contains(parameter.name())) {
                diagnostics.error("unknown-input", at(parameter.pointer()), "step '" + step.stepId() + "' passes '"
                        + parameter.name() + "', which workflow '" + callee.workflow().workflowId()
                        + "' does not declare in its inputs" + Suggestions.didYouMean(parameter.name(), known));
            }
        }
    }

    private void checkParameter(Step step, BoundParameter bound, OperationView operation) {
        Parameter parameter = bound.parameter();
        List<ParameterView> declared = operation.parameters();
        var match = operation.declared(parameter.name(), bound.location());
        if (match.isPresent()) {
            if (!match.get().name().equals(parameter.name())) {
                diagnostics.warning("parameter-name-mismatch", at(parameter.pointer()), "parameter '" + parameter.name()
                        + "' is declared by operation " + operation.describe() + " as '" + match.get().name()
                        + "'; it is sent as '" + match.get().name() + "': write that name");
            }
            return;
        }
        if (bound.location() != null && bound.location() != ParameterLocation.PATH) {
            diagnostics.warning("undeclared-parameter", at(parameter.pointer()), "parameter '" + parameter.name()
                    + "' (in " + parameter.in() + ") is not declared by operation " + operation.describe()
                    + "; it is sent anyway" + Suggestions.didYouMean(parameter.name(),
                            declared.stream().map(ParameterView::name).toList()));
        } else {
            diagnostics.error("unknown-parameter", at(parameter.pointer()), "parameter '" + parameter.name()
                    + "' is not declared by operation " + operation.describe() + Suggestions.didYouMean(
                            parameter.name(), declared.stream().map(ParameterView::name).toList()));
        }
    }

    private void checkValue(Workflow workflow, Step step, BoundValue value, StepGraph graph) {
        if (value instanceof BoundDocument.ExpressionValue expression) {
            checkReference(workflow, step, expression.expression().expression(), expression.expression().text(),
                    expression.pointer(), Scope.REQUEST, graph);
        } else if (value instanceof BoundDocument.TemplateValue template
                && !RuntimeExpressionParser.isExpression(template.text())) {
            for (RuntimeExpressionParser.TemplatePart part : template.parts()) {
                if (part instanceof RuntimeExpressionParser.TemplatePart.Embedded embedded) {
                    checkReference(workflow, step, embedded.expression(), embedded.text(), template.pointer(), Scope.REQUEST,
                            graph);
                }
            }
        } else if (value instanceof BoundDocument.ObjectValue object) {
            object.members().forEach(member -> checkValue(workflow, step, member.value(), graph));
        } else if (value instanceof BoundDocument.ArrayValue array) {
            array.elements().forEach(element -> checkValue(workflow, step, element, graph));
        }
    }

    private void checkExpression(Workflow workflow, Step step, BoundExpression expression, Scope scope,
            StepGraph graph) {
        checkReference(workflow, step, expression.expression(), expression.text(), expression.pointer(), scope, graph);
    }

    private void checkReference(Workflow workflow, Step step, RuntimeExpression expression, String text, String pointer,
            Scope scope, StepGraph graph) {
        if (expression instanceof RuntimeExpression.JsonPathSelection selection) {
            checkReference(workflow, step, selection.context(), text, pointer, scope, graph);
            return;
        }
        if (expression instanceof RuntimeExpression.XPathSelection selection) {
            checkReference(workflow, step, selection.context(), text, pointer, scope, graph);
            return;
        }
        SourceLocation location = at(pointer);
        if (expression instanceof RuntimeExpression.Input input) {
            JsonNode properties = workflow.inputs() == null ? null : workflow.inputs().get("properties");
            if (properties == null || !properties.has(input.name())) {
                List<String> known = new ArrayList<>();
                if (properties != null) {
                    properties.fieldNames().forEachRemaining(known::add);
                }
                diagnostics.warning("undeclared-input", location, "'" + text + "' reads input '" + input.name()
                        + "', which workflow '" + workflow.workflowId() + "' does not declare in its inputs"
                        + Suggestions.didYouMean(input.name(), known) + "; it is added as an untyped input (JsonNode): "
                        + "declare it under inputs.properties to type it");
            }
        } else if (expression instanceof RuntimeExpression.StepOutput output) {
            bindStepOutput(workflow, step, output, text, location, graph);
        } else if (expression instanceof RuntimeExpression.Output output) {
            bindCalleeOutput(step, output, text, location, scope);
        } else if (expression instanceof RuntimeExpression.WorkflowValue value) {
            bindWorkflowValue(workflow, value, text, location);
            checkWorkflowRun(step, value, text, location, scope, graph);
        } else if (expression instanceof RuntimeExpression.Self) {
            if (document.self() == null) {
                diagnostics.error("undefined-self", location, "'" + text + "' reads the document's $self, but this "
                        + "document has none; add '$self: <its URI>' at the top (Arazzo 1.1)");
            }
        } else if (expression instanceof RuntimeExpression.SourceDescriptionField field) {
            String named = IdentifierChecker.namedOperation(bound, field);
            if (named != null) {
                // Arazzo 1.1: an operationId or workflowId of the source before a field of its description
                diagnostics.error("invalid-expression", location, "'" + text + "' names " + named + " of source '"
                        + field.name() + "' (Arazzo 1.1 resolves an operationId or workflowId before a field), "
                        + "which is no value; use it as a step's operationId or workflowId"
                        + (field.field().equals("url") ? ", and write the source's url as a literal" : ""));
            } else if (document.sourceDescription(field.name()).isEmpty()) {
                diagnostics.error("unknown-source", location, "'" + text + "' names source description '"
                        + field.name() + "', which this document does not have" + Suggestions.didYouMean(
                                field.name(), document.sourceDescriptions().stream().map(s -> s.name()).toList()));
            } else if (!field.field().equals("url")) {
                diagnostics.error("invalid-expression", location, "'" + text + "' reads field '" + field.field()
                        + "'; a source description is read as '$sourceDescriptions." + field.name() + ".url'");
            }
        } else if (expression instanceof RuntimeExpression.Constant) {
            return; // a constant output (warned about when bound) reads nothing
        } else if (expression instanceof RuntimeExpression.Component component) {
            if (!component.kind().equals("parameters")) {
                diagnostics.error("invalid-expression", location, "'" + text + "' cannot be used as a value; only "
                        + "'$components.parameters.<name>' is");
            } else if (document.source().root().path("components").path("parameters").get(component.name()) == null) {
                diagnostics.error("unknown-component", location, "'" + text + "' names no parameter under components");
            }
        } else if (expression instanceof RuntimeExpression.MessageHeader
                || expression instanceof RuntimeExpression.MessagePayload) {
            // inside a receive step, MessageStepChecker checks it against the message's schemas
            if (step == null || !"receive".equals(step.action())) {
                diagnostics.error("message-outside-receive", location, "'" + text + "' reads the message a receive "
                        + "step took, and is read only in that step (its criteria, actions and outputs); elsewhere "
                        + "read the receive step's outputs ($steps.<stepId>.outputs.<name>)");
            }
        } else {
            // $url, $method, $statusCode, $request.*, $response.*: values of the exchange
            responseOnly(text, location, scope);
        }
    }

    private void bindStepOutput(Workflow workflow, Step step, RuntimeExpression.StepOutput output, String text,
            SourceLocation location, StepGraph graph) {
        Step target = workflow.step(output.stepId()).orElse(null);
        if (target == null) {
            diagnostics.error("unknown-step", location, "'" + text + "' reads step '" + output.stepId()
                    + "', which workflow '" + workflow.workflowId() + "' does not have" + Suggestions.didYouMean(
                            output.stepId(), workflow.steps().stream().map(Step::stepId).toList()));
            return;
        }
        if (!target.outputs().containsKey(output.name()) && !target.outputValues().containsKey(output.name())) {
            diagnostics.warning("unknown-output", location, "'" + text + "' reads output '" + output.name()
                    + "' of step '" + output.stepId() + "', which that step does not define, so it is always null"
                    + Suggestions.didYouMean(output.name(), target.outputValues().keySet())
                    + "; define it in the step's outputs");
            return;
        }
        if (step != null && !graph.canRunBefore(target.stepId(), step.stepId())) {
            diagnostics.error("step-not-run", location, "'" + text + "' reads step '" + output.stepId()
                    + "', which cannot have run before step '" + step.stepId() + "'; read only steps that come earlier");
        }
    }

    /** {@code $outputs.x} in a workflow step's outputs or criteria: an output of the workflow it called. */
    private void bindCalleeOutput(Step step, RuntimeExpression.Output output, String text, SourceLocation location,
            Scope scope) {
        if (scope != Scope.WORKFLOW_RESULT) {
            diagnostics.error("invalid-expression", location, "'" + text + "' reads an output of a called workflow; it "
                    + "has a value only in the outputs and criteria of a step that calls a workflow (workflowId)");
            return;
        }
        WorkflowTarget callee = current.step(step.stepId()).map(BoundStep::callee).orElse(null);
        if (callee != null && !callee.workflow().outputs().containsKey(output.name())) {
            diagnostics.warning("unknown-output", location, "'" + text + "' reads output '" + output.name()
                    + "' of workflow '" + callee.workflow().workflowId() + "', which that workflow does not define, so it "
                    + "is always null" + Suggestions.didYouMean(output.name(), callee.workflow().outputs().keySet()));
        }
    }

    /** {@code $workflows.x.inputs.y} and {@code $workflows.x.outputs.y}: x must be one this workflow depends on. */
    private void bindWorkflowValue(Workflow workflow, RuntimeExpression.WorkflowValue value, String text,
            SourceLocation location) {
        WorkflowTarget dependency = null;
        for (BoundDependency entry : current.dependsOn()) {
            WorkflowTarget target = entry.target();
            if (target != null && (entry.reference().equals(value.workflowId())
                    || target.workflow().workflowId().equals(value.workflowId()))) {
                dependency = target;
            }
        }
        for (BoundStep step : current.steps()) {
            WorkflowTarget called = step.callee();
            if (dependency == null && called != null && (step.step().workflowId().equals(value.workflowId())
                    || called.workflow().workflowId().equals(value.workflowId()))) {
                dependency = called;
            }
        }
        if (dependency == null) {
            diagnostics.error("unknown-workflow", location, "'" + text + "' reads workflow '" + value.workflowId()
                    + "', which workflow '" + workflow.workflowId() + "' neither depends on nor calls in a step; add "
                    + "it to dependsOn" + Suggestions.didYouMean(value.workflowId(), workflow.dependsOn()));
            return;
        }
        if (value.output() && !dependency.workflow().outputs().containsKey(value.name())) {
            diagnostics.warning("unknown-output", location, "'" + text + "' reads output '" + value.name()
                    + "' of workflow '" + value.workflowId() + "', which that workflow does not define, so it is always "
                    + "null" + Suggestions.didYouMean(value.name(), dependency.workflow().outputs().keySet()));
        }
        JsonNode properties = dependency.workflow().inputs() == null ? null
                : dependency.workflow().inputs().get("properties");
        if (!value.output() && (properties == null || !properties.has(value.name()))) {
            diagnostics.warning("unknown-input", location, "'" + text + "' reads input '" + value.name()
                    + "' of workflow '" + value.workflowId() + "', which that workflow does not declare");
        }
    }

    /**
     * {@code $workflows.x.outputs.y} of a workflow that no dependsOn runs first: some step that calls x must
     * be able to run before the step that reads it (or be that step, reading after its call). Whether one
     * did on a given run is checked at run time.
     */
    private void checkWorkflowRun(Step step, RuntimeExpression.WorkflowValue value, String text,
            SourceLocation location, Scope scope, StepGraph graph) {
        if (step == null || !value.output()) {
            return;
        }
        List<String> callers = new ArrayList<>();
        for (BoundDependency entry : current.dependsOn()) {
            if (entry.target() != null && (entry.reference().equals(value.workflowId())
                    || entry.target().workflow().workflowId().equals(value.workflowId()))) {
                return;
            }
        }
        for (BoundStep candidate : current.steps()) {
            WorkflowTarget called = candidate.callee();
            if (called != null && (candidate.step().workflowId().equals(value.workflowId())
                    || called.workflow().workflowId().equals(value.workflowId()))) {
                callers.add(candidate.stepId());
            }
        }
        if (callers.isEmpty()) {
            return; // reported by bindWorkflowValue
        }
        boolean after = scope != Scope.REQUEST && callers.contains(step.stepId());
        if (!after && callers.stream().noneMatch(caller -> graph.canRunBefore(caller, step.stepId()))) {
            diagnostics.error("workflow-not-run", location, "'" + text + "' reads the outputs of workflow '"
                    + value.workflowId() + "', which no step that runs it (" + String.join(", ", callers)
                    + ") can have run before step '" + step.stepId() + "'; read it in or after such a step, "
                    + "or add the workflow to dependsOn");
        }
    }

    private void responseOnly(String text, SourceLocation location, Scope scope) {
        if (scope == Scope.REQUEST) {
            diagnostics.error("response-not-available", location, "'" + text + "' has no value while the request is "
                    + "built; read it in the step's outputs or criteria");
        } else if (scope == Scope.WORKFLOW_RESULT && text.strip().equals("$statusCode")) {
            diagnostics.warning("response-not-available", location, "'$statusCode' has no value in a step that calls "
                    + "a workflow; it reads 200 once the workflow completed: test '$outputs.<name>' instead");
        } else if (scope == Scope.WORKFLOW_RESULT) {
            diagnostics.error("response-not-available", location, "'" + text + "' has no value in a step that calls "
                    + "a workflow; read the workflow's outputs as '$outputs.<name>'");
        } else if (scope == Scope.WORKFLOW_OUTPUTS) {
            diagnostics.error("response-not-available", location, "'" + text + "' has no value in workflow outputs; "
                    + "define a step output and read it as '$steps.<stepId>.outputs.<name>'");
        }
    }

    private void checkCriterion(Workflow workflow, Step step, BoundCriterion criterion, StepGraph graph) {
        if (criterion.context() != null) {
            checkExpression(workflow, step, criterion.context(), resultScope(step), graph);
        }
        if (criterion instanceof BoundDocument.SimpleCriterion simple) {
            bindCondition(workflow, step, simple.condition(), simple.criterion().pointer() + "/condition", graph);
        }
    }

    private void bindCondition(Workflow workflow, Step step, Condition condition, String pointer, StepGraph graph) {
        for (Condition.Reference reference : condition.references()) {
            checkReference(workflow, step, reference.expression(), reference.text(), pointer, resultScope(step), graph);
        }
    }

    private void checkActions(Workflow workflow, Step step, List<BoundAction> actions, StepGraph graph) {
        for (BoundAction bound : actions) {
            ArazzoDocument.Action action = bound.action();
            // a workflowId is bound (or reported) by the bind stage
            boolean leaves = bound.kind() == BoundDocument.ActionKind.GOTO || bound.kind() == BoundDocument.ActionKind.RETRY;
            if (leaves && action.workflowId() == null) {
                if (action.stepId() != null && workflow.step(action.stepId()).isEmpty()) {
                    diagnostics.warning("unknown-step", at(action.pointer() + "/stepId"), "action '" + action.name()
                            + "' goes to step '" + action.stepId() + "', which workflow '" + workflow.workflowId()
                            + "' does not have" + Suggestions.didYouMean(action.stepId(),
                                    workflow.steps().stream().map(Step::stepId).toList())
                            + "; taking the action fails the run with a WorkflowException");
                } else if (bound.kind() == BoundDocument.ActionKind.GOTO && action.stepId() == null) {
                    diagnostics.error("missing-field", at(action.pointer()), "goto action '" + action.name()
                            + "' needs a 'stepId' (or 'workflowId') to go to");
                }
            }
            for (BoundCriterion criterion : bound.criteria()) {
                checkCriterion(workflow, step, criterion, graph);
            }
            checkActionInputs(bound);
        }
    }

    /** An action's parameters (1.1) are inputs of the workflow it goes to, matched by name. */
    private void checkActionInputs(BoundAction bound) {
        if (bound.parameters().isEmpty() || bound.workflow() == null) {
            return;
        }
        JsonNode inputs = bound.workflow().workflow().inputs();
        JsonNode properties = inputs == null ? null : inputs.get("properties");
        List<String> known = new ArrayList<>();
        if (properties != null) {
            properties.fieldNames().forEachRemaining(known::add);
        }
        for (BoundParameter parameter : bound.parameters()) {
            if (!known.contains(parameter.name())) {
                diagnostics.error("unknown-input", at(parameter.parameter().pointer()), "action '" + bound.name()
                        + "' passes '" + parameter.name() + "', which workflow '" + bound.workflow().workflow()
                        .workflowId() + "' does not declare in its inputs"
                        + Suggestions.didYouMean(parameter.name(), known));
            }
        }
    }

    private SourceLocation at(String pointer) {
        return document.locate(pointer);
    }
}
