package dev.arazzo.codegen.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arazzo.codegen.diagnostic.Diagnostics;
import dev.arazzo.codegen.diagnostic.SourceLocation;
import dev.arazzo.codegen.expression.Condition;
import dev.arazzo.codegen.expression.ConditionParser;
import dev.arazzo.codegen.expression.ExpressionSyntaxException;
import dev.arazzo.codegen.expression.RuntimeExpression;
import dev.arazzo.codegen.expression.RuntimeExpressionParser;
import dev.arazzo.codegen.expression.JsonPathConditions;
import dev.arazzo.codegen.load.ArazzoDocument;
import dev.arazzo.codegen.load.ArazzoDocument.Action;
import dev.arazzo.codegen.load.ArazzoDocument.Criterion;
import dev.arazzo.codegen.load.ArazzoDocument.Parameter;
import dev.arazzo.codegen.load.ArazzoDocument.Step;
import dev.arazzo.codegen.load.ArazzoDocument.Workflow;
import dev.arazzo.codegen.load.SourceDocument;
import dev.arazzo.codegen.load.Suggestions;
import dev.arazzo.codegen.resolve.OperationResolver;
import dev.arazzo.codegen.resolve.ResolvedOperation;
import dev.arazzo.codegen.resolve.Sources;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The check stage: every reference in a document is bound and every expression parsed, and each
 * problem becomes a diagnostic with the location of the node that holds it.
 *
 * <p>Checked: step targets resolve to operations; parameters exist on the operation; runtime
 * expressions follow the grammar and name inputs, steps and outputs that exist, in places where
 * they have a value (a response is read only after the request); a {@code $steps.x} reference names
 * a step that can have run before; criteria parse and regexes compile; goto and retry targets exist.
 */
public final class WorkflowChecker {

    /** Where an expression is evaluated, which decides what it may read. */
    private enum Scope {
        REQUEST, RESPONSE, WORKFLOW_RESULT, WORKFLOW_OUTPUTS
    }

    private final ArazzoDocument document;
    private final Sources sources;
    private final Diagnostics diagnostics;

    private WorkflowChecker(ArazzoDocument document, Sources sources, Diagnostics diagnostics) {
        this.document = document;
        this.sources = sources;
        this.diagnostics = diagnostics;
    }

    public static CheckedDocument check(ArazzoDocument document, Sources sources, Diagnostics diagnostics) {
        CheckedDocument checked = new WorkflowChecker(document, sources, diagnostics).check();
        FlowChecker.check(checked, diagnostics);
        ComparisonChecker.check(checked, diagnostics);
        return checked;
    }

    private final Map<String, WorkflowTarget> targets = new HashMap<>();

    private CheckedDocument check() {
        Map<String, ResolvedOperation> operations = new HashMap<>();
        OperationResolver resolver = new OperationResolver(document, sources, diagnostics);
        Set<String> workflowIds = new HashSet<>();
        for (Workflow workflow : document.workflows()) {
            if (!workflowIds.add(workflow.workflowId())) {
                diagnostics.error("duplicate-workflow", at(workflow.pointer() + "/workflowId"), "workflowId '"
                        + workflow.workflowId() + "' is used twice in this document; give each workflow its own id");
            }
            checkWorkflow(workflow, resolver, operations);
        }
        return new CheckedDocument(document, sources, operations, targets);
    }

    /**
     * The workflow {@code reference} names: a workflowId of this document, or
     * {@code $sourceDescriptions.<name>.<workflowId>} of an Arazzo source.
     */
    private WorkflowTarget resolveWorkflow(String reference, String pointer, String who) {
        ArazzoDocument target = document;
        String workflowId = reference;
        if (reference.startsWith("$sourceDescriptions.")) {
            String rest = reference.substring("$sourceDescriptions.".length());
            int dot = rest.indexOf('.');
            String name = dot < 0 ? rest : rest.substring(0, dot);
            target = sources.arazzo().get(name);
            if (sources.unavailable().contains(name)) {
                return null; // it could not be read: that is reported at its url
            }
            if (target == null || dot < 0) {
                diagnostics.error("unknown-source", at(pointer), who + " names source description '" + name
                        + "', which is not an Arazzo source of this document" + Suggestions.didYouMean(name,
                                sources.arazzo().keySet()));
                return null;
            }
            workflowId = rest.substring(dot + 1);
        }
        Workflow workflow = target.workflow(workflowId).orElse(null);
        if (workflow == null) {
            diagnostics.error("unknown-workflow", at(pointer), who + " names workflow '" + workflowId + "', which "
                    + (target == document ? "this document" : "source '" + target.source().file().getFileName() + "'")
                    + " does not define" + Suggestions.didYouMean(workflowId,
                            target.workflows().stream().map(Workflow::workflowId).toList()));
            return null;
        }
        WorkflowTarget resolved = new WorkflowTarget(target, workflow);
        targets.put(pointer, resolved);
        return resolved;
    }

    private void checkWorkflow(Workflow workflow, OperationResolver resolver, Map<String, ResolvedOperation> operations) {
        Set<String> stepIds = new HashSet<>();
        for (Step step : workflow.steps()) {
            if (!stepIds.add(step.stepId())) {
                diagnostics.error("duplicate-step", at(step.pointer() + "/stepId"), "stepId '" + step.stepId()
                        + "' is used twice in workflow '" + workflow.workflowId() + "'; give each step its own id");
            }
        }
        for (int i = 0; i < workflow.dependsOn().size(); i++) {
            String pointer = workflow.pointer() + "/dependsOn/" + i;
            WorkflowTarget dependency = resolveWorkflow(workflow.dependsOn().get(i), pointer,
                    "workflow '" + workflow.workflowId() + "' depends on a workflow that");
            if (dependency != null && dependency.sameAs(document, workflow)) {
                diagnostics.error("workflow-cycle", at(pointer), "workflow '" + workflow.workflowId()
                        + "' depends on itself; remove it from its own dependsOn");
            }
        }
        StepGraph graph = new StepGraph(workflow);
        for (Step step : workflow.steps()) {
            ResolvedOperation operation = null;
            if (step.workflowId() != null) {
                WorkflowTarget callee = resolveWorkflow(step.workflowId(), step.pointer() + "/workflowId",
                        "step '" + step.stepId() + "'");
                if (callee != null) {
                    checkCallInputs(step, callee);
                }
            } else {
                operation = resolver.resolve(step).orElse(null);
                if (operation != null) {
                    operations.put(step.pointer(), operation);
                }
            }
            checkStep(workflow, step, operation, graph);
        }
        checkActions(workflow, null, workflow.successActions(), graph);
        checkActions(workflow, null, workflow.failureActions(), graph);
        workflow.outputs().forEach((name, expression) -> checkExpression(workflow, null, expression,
                workflow.pointer() + "/outputs/" + SourceDocument.escape(name), Scope.WORKFLOW_OUTPUTS, graph));
    }

    private void checkStep(Workflow workflow, Step step, ResolvedOperation operation, StepGraph graph) {
        for (Parameter parameter : mergedParameters(workflow, step)) {
            if (operation != null && step.parameters().contains(parameter)) {
                checkParameter(step, parameter, operation);
            }
            checkValue(workflow, step, parameter.value(), parameter.pointer() + "/value", graph);
        }
        if (step.requestBody() != null) {
            if (step.requestBody().payload() != null) {
                checkValue(workflow, step, step.requestBody().payload(), step.requestBody().pointer() + "/payload", graph);
            }
            for (ArazzoDocument.Replacement replacement : step.requestBody().replacements()) {
                if (!replacement.target().isEmpty() && !replacement.target().startsWith("/")) {
                    diagnostics.error("invalid-pointer", at(replacement.pointer() + "/target"), "replacement target '"
                            + replacement.target() + "' must be a JSON Pointer such as '/user/id'");
                }
                if (replacement.value() != null) {
                    checkValue(workflow, step, replacement.value(), replacement.pointer() + "/value", graph);
                }
            }
        }
        for (Criterion criterion : step.successCriteria()) {
            checkCriterion(workflow, step, criterion, graph);
        }
        checkActions(workflow, step, step.onSuccess(), graph);
        checkActions(workflow, step, step.onFailure(), graph);
        step.outputs().forEach((name, expression) -> checkExpression(workflow, step, expression,
                step.pointer() + "/outputs/" + SourceDocument.escape(name), resultScope(step), graph));
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

    /** The workflow's parameters, then the step's; a step parameter replaces one with the same name and location. */
    public static List<Parameter> mergedParameters(Workflow workflow, Step step) {
        if (step.workflowId() != null) {
            return step.parameters();
        }
        List<Parameter> merged = new ArrayList<>();
        for (Parameter parameter : workflow.parameters()) {
            boolean overridden = step.parameters().stream().anyMatch(p -> p.name().equals(parameter.name())
                    && (p.in() == null || parameter.in() == null || p.in().equals(parameter.in())));
            if (!overridden) {
                merged.add(parameter);
            }
        }
        merged.addAll(step.parameters());
        return merged;
    }

    private void checkParameter(Step step, Parameter parameter, ResolvedOperation operation) {
        List<io.swagger.v3.oas.models.parameters.Parameter> declared = operation.parameters();
        if (parameter.in() != null && !List.of("path", "query", "header", "cookie").contains(parameter.in())) {
            diagnostics.error("invalid-parameter", at(parameter.pointer() + "/in"), "parameter '" + parameter.name()
                    + "' is 'in: " + parameter.in() + "'; use path, query, header or cookie");
            return;
        }
        var match = operation.declared(parameter.name(), parameter.in());
        if (match.isPresent()) {
            if (!match.get().getName().equals(parameter.name())) {
                diagnostics.warning("parameter-name-mismatch", at(parameter.pointer()), "parameter '" + parameter.name()
                        + "' is declared by operation " + describe(operation) + " as '" + match.get().getName()
                        + "'; it is sent as '" + match.get().getName() + "': write that name");
            }
            return;
        }
        if (parameter.in() != null && !"path".equals(parameter.in())) {
            diagnostics.warning("undeclared-parameter", at(parameter.pointer()), "parameter '" + parameter.name()
                    + "' (in " + parameter.in() + ") is not declared by operation " + describe(operation)
                    + "; it is sent anyway" + Suggestions.didYouMean(parameter.name(),
                            declared.stream().map(p -> p.getName()).toList()));
        } else {
            diagnostics.error("unknown-parameter", at(parameter.pointer()), "parameter '" + parameter.name()
                    + "' is not declared by operation " + describe(operation) + Suggestions.didYouMean(
                            parameter.name(), declared.stream().map(p -> p.getName()).toList()));
        }
    }

    private static String describe(ResolvedOperation operation) {
        String id = operation.operation().getOperationId();
        return id != null ? "'" + id + "'" : operation.method() + " " + operation.path();
    }

    private void checkValue(Workflow workflow, Step step, JsonNode value, String pointer, StepGraph graph) {
        if (value.isTextual()) {
            String text = value.asText();
            if (RuntimeExpressionParser.isExpression(text)) {
                try {
                    RuntimeExpressionParser.Parsed parsed = RuntimeExpressionParser.parseNoting(text.strip());
                    nonSpec(pointer, parsed.nonSpecForm().orElse(null));
                    bind(workflow, step, parsed.expression(), text, pointer, Scope.REQUEST, graph);
                } catch (ExpressionSyntaxException e) {
                    // a value may be a constant: a text that is no runtime expression is sent as written
                    diagnostics.warning("not-an-expression", at(pointer), e.getMessage() + "; the value is sent as "
                            + "the text '" + text + "'");
                }
            } else if (text.contains("{$")) {
                try {
                    for (RuntimeExpressionParser.TemplatePart part : RuntimeExpressionParser.parseTemplate(text)) {
                        if (part instanceof RuntimeExpressionParser.TemplatePart.Embedded embedded) {
                            nonSpec(pointer, embedded.parsed().nonSpecForm().orElse(null));
                            bind(workflow, step, embedded.expression(), embedded.text(), pointer, Scope.REQUEST, graph);
                        }
                    }
                } catch (ExpressionSyntaxException e) {
                    syntax(pointer, e);
                }
            }
        } else if (value.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                checkValue(workflow, step, field.getValue(), pointer + "/" + SourceDocument.escape(field.getKey()), graph);
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                checkValue(workflow, step, value.get(i), pointer + "/" + i, graph);
            }
        }
    }

    private void checkExpression(Workflow workflow, Step step, String text, String pointer, Scope scope, StepGraph graph) {
        try {
            RuntimeExpressionParser.Parsed parsed = RuntimeExpressionParser.parseNoting(text.strip());
            nonSpec(pointer, parsed.nonSpecForm().orElse(null));
            bind(workflow, step, parsed.expression(), text, pointer, scope, graph);
        } catch (ExpressionSyntaxException e) {
            syntax(pointer, e);
        }
    }

    private void nonSpec(String pointer, String sentence) {
        if (sentence != null) {
            diagnostics.warning("non-spec-expression", at(pointer), sentence);
        }
    }

    private void bind(Workflow workflow, Step step, RuntimeExpression expression, String text, String pointer,
            Scope scope, StepGraph graph) {
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
        } else if (expression instanceof RuntimeExpression.SourceDescriptionField field) {
            if (document.sourceDescription(field.name()).isEmpty()) {
                diagnostics.error("unknown-source", location, "'" + text + "' names source description '"
                        + field.name() + "', which this document does not have" + Suggestions.didYouMean(
                                field.name(), document.sourceDescriptions().stream().map(s -> s.name()).toList()));
            } else if (!field.field().equals("url")) {
                diagnostics.error("invalid-expression", location, "'" + text + "' reads field '" + field.field()
                        + "'; a source description is read as '$sourceDescriptions." + field.name() + ".url'");
            }
        } else if (expression instanceof RuntimeExpression.Component component) {
            if (!component.kind().equals("parameters")) {
                diagnostics.error("invalid-expression", location, "'" + text + "' cannot be used as a value; only "
                        + "'$components.parameters.<name>' is");
            } else if (document.source().root().path("components").path("parameters").get(component.name()) == null) {
                diagnostics.error("unknown-component", location, "'" + text + "' names no parameter under components");
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
        if (!target.outputs().containsKey(output.name())) {
            diagnostics.warning("unknown-output", location, "'" + text + "' reads output '" + output.name()
                    + "' of step '" + output.stepId() + "', which that step does not define, so it is always null"
                    + Suggestions.didYouMean(output.name(), target.outputs().keySet()) + "; define it in the step's outputs");
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
        WorkflowTarget callee = targets.get(step.pointer() + "/workflowId");
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
        for (int i = 0; i < workflow.dependsOn().size(); i++) {
            WorkflowTarget target = targets.get(workflow.pointer() + "/dependsOn/" + i);
            if (target != null && (workflow.dependsOn().get(i).equals(value.workflowId())
                    || target.workflow().workflowId().equals(value.workflowId()))) {
                dependency = target;
            }
        }
        for (Step step : workflow.steps()) {
            WorkflowTarget called = step.workflowId() == null ? null : targets.get(step.pointer() + "/workflowId");
            if (dependency == null && called != null && (step.workflowId().equals(value.workflowId())
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

    private void checkCriterion(Workflow workflow, Step step, Criterion criterion, StepGraph graph) {
        String pointer = criterion.pointer() + "/condition";
        if (criterion.context() != null) {
            checkExpression(workflow, step, criterion.context(), criterion.pointer() + "/context", resultScope(step),
                    graph);
        }
        switch (criterion.type()) {
            case "simple" -> {
                try {
                    bindCondition(workflow, step, ConditionParser.parse(criterion.condition()), pointer, graph);
                } catch (ExpressionSyntaxException e) {
                    syntax(pointer, e);
                }
            }
            case "regex" -> {
                try {
                    Pattern.compile(criterion.condition());
                } catch (PatternSyntaxException e) {
                    diagnostics.error("invalid-regex", at(pointer), "regex '" + criterion.condition()
                            + "' does not compile: " + e.getDescription() + " near index " + e.getIndex());
                }
            }
            case "jsonpath" -> {
                try {
                    JsonPathConditions.check(criterion.condition());
                } catch (ExpressionSyntaxException e) {
                    syntax(pointer, e);
                }
            }
            case "xpath" -> {
                String expression = criterion.condition().strip();
                if ("xpath-10".equals(criterion.version())) {
                    try {
                        javax.xml.xpath.XPathFactory.newInstance().newXPath().compile(expression);
                    } catch (javax.xml.xpath.XPathExpressionException e) {
                        diagnostics.error("invalid-xpath", at(pointer), "xpath '" + expression + "' does not compile "
                                + "as XPath 1.0: " + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()));
                    }
                } else {
                    try {
                        new net.sf.saxon.s9api.Processor(false).newXPathCompiler().compile(expression);
                        diagnostics.warning("xpath-needs-saxon", at(criterion.pointer()), "xpath criterion '"
                                + expression + "' is " + (criterion.version() == null ? "XPath 3.0, the default"
                                        : criterion.version()) + ": the generated code evaluates it with Saxon-HE, so "
                                + "add net.sf.saxon:Saxon-HE to the project's dependencies, or write "
                                + "'version: xpath-10' to evaluate it with the JDK's XPath 1.0 engine");
                    } catch (net.sf.saxon.s9api.SaxonApiException e) {
                        diagnostics.error("invalid-xpath", at(pointer), "xpath '" + expression + "' does not compile: "
                                + e.getMessage());
                    }
                }
            }
            default -> unsupported(criterion.pointer() + "/type", "'" + criterion.type() + "' criteria");
        }
    }

    private void bindCondition(Workflow workflow, Step step, Condition condition, String pointer, StepGraph graph) {
        if (condition instanceof Condition.Or or) {
            bindCondition(workflow, step, or.left(), pointer, graph);
            bindCondition(workflow, step, or.right(), pointer, graph);
        } else if (condition instanceof Condition.And and) {
            bindCondition(workflow, step, and.left(), pointer, graph);
            bindCondition(workflow, step, and.right(), pointer, graph);
        } else if (condition instanceof Condition.Not not) {
            bindCondition(workflow, step, not.operand(), pointer, graph);
        } else if (condition instanceof Condition.Comparison comparison) {
            bindOperand(workflow, step, comparison.left(), pointer, graph);
            bindOperand(workflow, step, comparison.right(), pointer, graph);
        } else if (condition instanceof Condition.Truthy truthy) {
            bindOperand(workflow, step, truthy.operand(), pointer, graph);
        }
    }

    private void bindOperand(Workflow workflow, Step step, Condition.Operand operand, String pointer, StepGraph graph) {
        if (operand instanceof Condition.Reference reference) {
            nonSpec(pointer, reference.nonSpecForm());
            bind(workflow, step, reference.expression(), reference.text(), pointer, resultScope(step), graph);
        }
    }

    private void checkActions(Workflow workflow, Step step, List<Action> actions, StepGraph graph) {
        for (Action action : actions) {
            String type = action.type().toLowerCase(Locale.ROOT);
            switch (type) {
                case "end" -> {
                }
                case "goto", "retry" -> {
                    if (action.workflowId() != null) {
                        resolveWorkflow(action.workflowId(), action.pointer() + "/workflowId", "action '"
                                + action.name() + "'");
                    } else if (action.stepId() != null && workflow.step(action.stepId()).isEmpty()) {
                        diagnostics.warning("unknown-step", at(action.pointer() + "/stepId"), "action '" + action.name()
                                + "' goes to step '" + action.stepId() + "', which workflow '" + workflow.workflowId()
                                + "' does not have" + Suggestions.didYouMean(action.stepId(),
                                        workflow.steps().stream().map(Step::stepId).toList())
                                + "; taking the action fails the run with a WorkflowException");
                    } else if (type.equals("goto") && action.stepId() == null) {
                        diagnostics.error("missing-field", at(action.pointer()), "goto action '" + action.name()
                                + "' needs a 'stepId' (or 'workflowId') to go to");
                    }
                }
                default -> diagnostics.error("invalid-action-type", at(action.pointer() + "/type"), "action '"
                        + action.name() + "' has type '" + action.type() + "'; use end, goto or retry");
            }
            for (Criterion criterion : action.criteria()) {
                checkCriterion(workflow, step, criterion, graph);
            }
        }
    }

    private void unsupported(String pointer, String what) {
        diagnostics.error("unsupported-feature", at(pointer), what + " are not generated by this version yet; "
                + "remove them from the workflow or generate it by hand");
    }

    private void syntax(String pointer, ExpressionSyntaxException e) {
        document.source().locateWithin(pointer, e.offset()).ifPresentOrElse(
                exact -> diagnostics.error("invalid-expression", exact, e.getMessage()),
                () -> diagnostics.error("invalid-expression", at(pointer), e.getMessage() + " (at character "
                        + (e.offset() + 1) + ")"));
    }

    private SourceLocation at(String pointer) {
        return document.locate(pointer);
    }
}
