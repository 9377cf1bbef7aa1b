package dev.arazzo.codegen.bind;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arazzo.codegen.bind.BoundDocument.ActionKind;
import dev.arazzo.codegen.bind.BoundDocument.BoundAction;
import dev.arazzo.codegen.bind.BoundDocument.BoundBody;
import dev.arazzo.codegen.bind.BoundDocument.BoundCriterion;
import dev.arazzo.codegen.bind.BoundDocument.BoundDependency;
import dev.arazzo.codegen.bind.BoundDocument.BoundExpression;
import dev.arazzo.codegen.bind.BoundDocument.BoundParameter;
import dev.arazzo.codegen.bind.BoundDocument.BoundReplacement;
import dev.arazzo.codegen.bind.BoundDocument.BoundStep;
import dev.arazzo.codegen.bind.BoundDocument.BoundValue;
import dev.arazzo.codegen.bind.BoundDocument.BoundWorkflow;
import dev.arazzo.codegen.diagnostic.Diagnostics;
import dev.arazzo.codegen.diagnostic.SourceLocation;
import dev.arazzo.codegen.expression.Condition;
import dev.arazzo.codegen.expression.ConditionParser;
import dev.arazzo.codegen.expression.ExpressionSyntaxException;
import dev.arazzo.codegen.expression.RuntimeExpression;
import dev.arazzo.codegen.expression.RuntimeExpressionParser;
import dev.arazzo.codegen.expression.RuntimeExpressionParser.TemplatePart;
import dev.arazzo.codegen.jsonpath.JsonPathParser;
import dev.arazzo.codegen.jsonpath.JsonPathQuery;
import dev.arazzo.codegen.jsonpath.JsonPathSyntaxException;
import dev.arazzo.codegen.jsonpath.Segment;
import dev.arazzo.codegen.load.ArazzoDocument;
import dev.arazzo.codegen.load.ArazzoDocument.Action;
import dev.arazzo.codegen.load.ArazzoDocument.Criterion;
import dev.arazzo.codegen.load.ArazzoDocument.Parameter;
import dev.arazzo.codegen.load.ArazzoDocument.Step;
import dev.arazzo.codegen.load.ArazzoDocument.Workflow;
import dev.arazzo.codegen.load.SourceDocument;
import dev.arazzo.codegen.load.Suggestions;
import dev.arazzo.codegen.source.OperationView;
import dev.arazzo.codegen.source.ParameterLocation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The bind stage: resolves every operation, workflow and component reference of an Arazzo document and
 * parses every runtime expression, condition, regex, JSONPath and XPath in it, once, into a
 * {@link BoundDocument}. What does not resolve or parse becomes a diagnostic at its node, and stays
 * unbound; whether the bound references make sense (a step read before it runs, a parameter the
 * operation lacks) is the check stage's.
 */
public final class Binder {

    private final ArazzoDocument document;
    private final BoundSources sources;
    private final Diagnostics diagnostics;
    private final OperationBinder operations;
    private final SelectorBinder selectors;
    private final MessageBinder messages;

    private Binder(ArazzoDocument document, BoundSources sources, Diagnostics diagnostics) {
        this.selectors = new SelectorBinder(document);
        this.document = document;
        this.sources = sources;
        this.diagnostics = diagnostics;
        this.operations = new OperationBinder(document, sources, diagnostics);
        this.messages = new MessageBinder(document, sources, diagnostics);
    }

    /** Binds {@code document}, whose source descriptions name {@code sources}. */
    public static BoundDocument bind(ArazzoDocument document, BoundSources sources, Diagnostics diagnostics) {
        Binder binder = new Binder(document, sources, diagnostics);
        List<BoundWorkflow> workflows = new ArrayList<>();
        for (Workflow workflow : document.workflows()) {
            workflows.add(binder.workflow(workflow));
        }
        return new BoundDocument(document, sources, workflows);
    }

    /** The workflow's parameters, then the step's; a step parameter replaces one with the same name and location. */
    private static List<Parameter> mergedParameters(Workflow workflow, Step step) {
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

    /**
     * Arazzo 1.1: a step that runs a workflow gets the workflow's parameters too, as the called workflow's
     * inputs: those whose name is one of its inputs (the others are for the operation steps), unless the
     * step gives a parameter of that name; then the step's own.
     */
    private static List<Parameter> workflowStepParameters(Workflow workflow, Step step, WorkflowTarget callee) {
        JsonNode inputs = callee == null || callee.workflow().inputs() == null ? null
                : callee.workflow().inputs().get("properties");
        List<Parameter> merged = new ArrayList<>();
        for (Parameter parameter : workflow.parameters()) {
            if (inputs != null && inputs.has(parameter.name())
                    && step.parameters().stream().noneMatch(p -> p.name().equals(parameter.name()))) {
                merged.add(parameter);
            }
        }
        merged.addAll(step.parameters());
        return merged;
    }

    private BoundWorkflow workflow(Workflow workflow) {
        List<BoundDependency> dependsOn = new ArrayList<>();
        for (int i = 0; i < workflow.dependsOn().size(); i++) {
            String pointer = workflow.pointer() + "/dependsOn/" + i;
            String reference = workflow.dependsOn().get(i);
            dependsOn.add(new BoundDependency(reference, pointer, workflowNamed(reference, pointer,
                    "workflow '" + workflow.workflowId() + "' depends on a workflow that")));
        }
        List<BoundStep> steps = new ArrayList<>();
        for (Step step : workflow.steps()) {
            steps.add(step(workflow, step));
        }
        List<BoundAction> successActions = actions(workflow.successActions());
        List<BoundAction> failureActions = actions(workflow.failureActions());
        Map<String, BoundExpression> outputs = outputs(workflow.outputValues(), workflow.outputs(),
                workflow.pointer());
        return new BoundWorkflow(workflow, dependsOn, steps, successActions, failureActions, outputs);
    }

    private BoundStep step(Workflow workflow, Step step) {
        WorkflowTarget callee = null;
        OperationView operation = null;
        BoundMessage message = null;
        if (step.workflowId() != null) {
            callee = workflowNamed(step.workflowId(), step.pointer() + "/workflowId", "step '" + step.stepId() + "'");
        } else if (messages.isMessageStep(step)) {
            message = messages.bind(step, correlationId(step));
        } else {
            operation = operations.bind(step).orElse(null);
        }
        List<BoundParameter> parameters = new ArrayList<>();
        for (Parameter parameter : step.workflowId() != null && document.isV11()
                ? workflowStepParameters(workflow, step, callee) : mergedParameters(workflow, step)) {
            ParameterLocation location = ParameterLocation.of(parameter.in()).orElse(null);
            if (parameter.in() != null && location == null && operation != null
                    && step.parameters().contains(parameter)) {
                diagnostics.error("invalid-parameter", at(parameter.pointer() + "/in"), "parameter '"
                        + parameter.name() + "' is 'in: " + parameter.in() + "'; use path, query, querystring, header or cookie");
            }
            parameters.add(new BoundParameter(parameter, location, parameter.selector() != null
                    ? selected(parameter.selector(), parameter.value(), parameter.pointer() + "/value")
                    : value(parameter.value(), parameter.pointer() + "/value", new HashSet<>(), diagnostics)));
        }
        BoundBody body = null;
        if (step.requestBody() != null) {
            ArazzoDocument.RequestBody requestBody = step.requestBody();
            Diagnostics payloadReport = new Diagnostics();
            BoundValue payload = requestBody.payload() == null ? null
                    : value(requestBody.payload(), requestBody.pointer() + "/payload", new HashSet<>(), payloadReport);
            outsideSelectors(payloadReport, requestBody.pointer() + "/payload", requestBody.selectors().keySet());
            if (payload != null && !requestBody.selectors().isEmpty()) {
                payload = withSelectors(payload, requestBody.pointer() + "/payload", requestBody.selectors());
            }
            List<BoundReplacement> replacements = new ArrayList<>();
            for (ArazzoDocument.Replacement replacement : requestBody.replacements()) {
                BoundValue value = replacement.value() == null ? null : replacement.selector() != null
                        ? selected(replacement.selector(), replacement.value(), replacement.pointer() + "/value")
                        : value(replacement.value(), replacement.pointer() + "/value", new HashSet<>(), diagnostics);
                ArazzoDocument.ExpressionType targetType = replacement.targetSelectorType();
                if (targetType != null && "xpath".equals(targetType.type())) {
                    replacements.add(new BoundReplacement(replacement, value, null, selectors.xpathTarget(
                            replacement.target(), targetType, replacement.pointer() + "/target", diagnostics)
                            .orElse(null)));
                    continue;
                }
                Optional<JsonPathQuery> query = targetType == null ? Optional.empty()
                        : selectors.targetQuery(replacement.target(), targetType,
                                replacement.pointer() + "/target", diagnostics);
                if (query != null && query.isPresent() && replacements.isEmpty() && payload != null) {
                    unmatched(query.get(), payload, replacement);
                }
                if (query == null || query.isPresent()) {
                    replacements.add(new BoundReplacement(replacement, value, null, query == null ? null : query.get()));
                    continue;
                }
                String target = targetType == null ? replacement.target()
                        : selectors.pointer(replacement.target(), targetType,
                                replacement.pointer() + "/target", diagnostics).orElse(null);
                replacements.add(new BoundReplacement(replacement, value, target));
            }
            body = new BoundBody(requestBody.contentType(), payload, replacements);
        }
        List<BoundCriterion> successCriteria = criteria(step.successCriteria());
        List<BoundAction> onSuccess = actions(step.onSuccess());
        List<BoundAction> onFailure = actions(step.onFailure());
        Map<String, BoundExpression> outputs = outputs(step.outputValues(), step.outputs(), step.pointer());
        return new BoundStep(step, operation, callee, parameters, body, successCriteria, onSuccess, onFailure,
                outputs, message);
    }

    /**
     * Reports a JSONPath replacement target (the step's first replacement) whose leading names and indexes
     * lead out of the payload as written: it can select no node, so the step would always fail. Stops where
     * the payload is an expression, known only at run time.
     */
    private void unmatched(JsonPathQuery query, BoundValue payload, ArazzoDocument.Replacement replacement) {
        BoundValue value = payload;
        JsonNode literal = null;
        String path = "$";
        for (Segment segment : query.segments()) {
            if (segment.descendant() || segment.selectors().size() != 1) {
                return;
            }
            dev.arazzo.codegen.jsonpath.Selector selector = segment.selectors().get(0);
            String name = selector instanceof dev.arazzo.codegen.jsonpath.Selector.Name n ? n.name() : null;
            long index = selector instanceof dev.arazzo.codegen.jsonpath.Selector.Index i ? i.index() : -1;
            if (name == null && index < 0) {
                return;
            }
            if (literal == null && value instanceof BoundDocument.LiteralValue written) {
                literal = written.value();
            }
            boolean found;
            if (literal != null) {
                literal = name != null ? literal.get(name) : literal.isArray() ? literal.get((int) index) : null;
                found = literal != null;
            } else if (value instanceof BoundDocument.ObjectValue object) {
                value = name == null ? null : object.members().stream().filter(m -> m.name().equals(name))
                        .map(BoundDocument.Member::value).findFirst().orElse(null);
                found = value != null;
            } else if (value instanceof BoundDocument.ArrayValue array) {
                value = name != null || index >= array.elements().size() ? null : array.elements().get((int) index);
                found = value != null;
            } else {
                return;
            }
            if (!found) {
                diagnostics.error("unmatched-target", document.locate(replacement.pointer() + "/target"),
                        "JSONPath target '" + replacement.target().strip() + "' can select no node of the payload: "
                        + "the payload has no " + (name != null ? "member '" + name + "'" : "element " + index)
                        + " at " + path + ", so the step would always fail; write the target to match the payload");
                return;
            }
            path += name != null ? "." + name : "[" + index + "]";
        }
    }

    private Map<String, BoundExpression> outputs(Map<String, String> outputs, String owner) {
        Map<String, BoundExpression> bound = new LinkedHashMap<>();
        outputs.forEach((name, text) -> {
            String pointer = owner + "/outputs/" + SourceDocument.escape(name);
            JsonNode written = document.source().root().at(pointer);
            if (written.isValueNode() && !(written.isTextual() && (RuntimeExpressionParser.isExpression(text.strip())
                    || text.contains("{$")))) {
                bound.put(name, constant(name, text, pointer, written));
            } else {
                expression(text, pointer).ifPresent(expression -> bound.put(name, expression));
            }
        });
        return bound;
    }

    /** Outputs in order: runtime expressions ({@code written}) and, in 1.1, Selector Objects. */
    private Map<String, BoundExpression> outputs(Map<String, ArazzoDocument.Value> values, Map<String, String> written,
            String owner) {
        if (values.values().stream().noneMatch(v -> v instanceof ArazzoDocument.Value.Selection)) {
            return outputs(written, owner);
        }
        Map<String, BoundExpression> bound = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            Optional<BoundExpression> expression = value instanceof ArazzoDocument.Value.Selection selection
                    ? selectors.bind(selection.selector(), diagnostics).map(Binder::everyNode)
                    : written.containsKey(name)
                            ? expression(written.get(name), owner + "/outputs/" + SourceDocument.escape(name))
                            : Optional.empty();
            expression.ifPresent(e -> bound.put(name, e));
        });
        return bound;
    }

    /** An output's selector: an XPath node-set is every node's string value, not exactly one. */
    private static BoundExpression everyNode(BoundExpression bound) {
        return bound.expression() instanceof RuntimeExpression.XPathSelection xpath
                ? new BoundExpression(bound.text(), bound.pointer(), xpath.all()) : bound;
    }

    /** A Selector Object where a value is written: the expression it denotes (a literal when it has none, reported). */
    private BoundValue selected(ArazzoDocument.Selector selector, JsonNode written, String pointer) {
        return selectors.bind(selector, diagnostics)
                .<BoundValue>map(expression -> new BoundDocument.ExpressionValue(pointer, expression, null))
                .orElseGet(() -> new BoundDocument.LiteralValue(pointer, written));
    }

    /**
     * Reports what binding a payload found, but for what concerns the members of its Selector Objects (at
     * {@code root} + one of {@code selectors}): those are bound as selectors instead.
     */
    private void outsideSelectors(Diagnostics found, String root, Set<String> selectors) {
        for (dev.arazzo.codegen.diagnostic.Diagnostic diagnostic : found.all()) {
            String at = diagnostic.location() == null ? null : diagnostic.location().jsonPointer();
            if (at == null || selectors.stream().noneMatch(s -> at.equals(root + s) || at.startsWith(root + s + "/"))) {
                diagnostics.add(diagnostic);
            }
        }
    }

    /** {@code value} (the payload at {@code root}) with the Selector Objects at their payload pointers bound. */
    private BoundValue withSelectors(BoundValue value, String root, Map<String, ArazzoDocument.Selector> found) {
        String relative = value.pointer().substring(root.length());
        ArazzoDocument.Selector selector = found.get(relative);
        if (selector != null) {
            return selected(selector, document.source().root().at(value.pointer()), value.pointer());
        }
        if (value instanceof BoundDocument.ObjectValue object) {
            return new BoundDocument.ObjectValue(object.pointer(), object.members().stream()
                    .map(m -> new BoundDocument.Member(m.name(), withSelectors(m.value(), root, found))).toList());
        }
        if (value instanceof BoundDocument.ArrayValue array) {
            return new BoundDocument.ArrayValue(array.pointer(), array.elements().stream()
                    .map(e -> withSelectors(e, root, found)).toList());
        }
        return value;
    }

    /**
     * An output written as a constant ({@code count: 2}, {@code flag: true}, {@code name: abc}) rather than
     * a runtime expression: read as that constant, of its type, with a warning.
     */
    private BoundExpression constant(String name, String text, String pointer, JsonNode written) {
        String kind = written.isTextual() ? "text" : written.isBoolean() ? "boolean"
                : written.isIntegralNumber() ? "integer" : "number";
        diagnostics.warning("constant-output", at(pointer), "output '" + name + "' is the " + kind + " constant "
                + (written.isTextual() ? "'" + text + "'" : text) + ", not a runtime expression; it is read as that "
                + "constant (a runtime expression starts with '$', such as '$response.body#/" + name + "')");
        return new BoundExpression(text, pointer, new RuntimeExpression.Constant(written));
    }

    /** A runtime expression where the document must have one: a syntax error is an error. */
    private Optional<BoundExpression> expression(String text, String pointer) {
        try {
            RuntimeExpressionParser.Parsed parsed = RuntimeExpressionParser.parseNoting(text.strip());
            nonSpec(pointer, parsed.nonSpecForm().orElse(null));
            return Optional.of(new BoundExpression(text, pointer, parsed.expression()));
        } catch (ExpressionSyntaxException e) {
            syntax(pointer, e);
            return Optional.empty();
        }
    }

    /** A step's {@code correlationId}, parsed like a parameter value; null when it has none. */
    private BoundValue correlationId(Step step) {
        if (step.correlationId() == null) {
            return null;
        }
        JsonNode node = document.source().root().at(step.correlationId().pointer());
        return node.isMissingNode() ? null
                : value(node, step.correlationId().pointer(), new HashSet<>(), diagnostics);
    }

    /**
     * A value: a text starting with {@code $} is a runtime expression (else, with a warning, the text as
     * written), one with {@code {$...}} a template; objects and arrays are values member by member.
     * {@code components} holds the component parameters being substituted (a parameter cannot contain
     * itself); problems go to {@code report}.
     */
    private BoundValue value(JsonNode node, String pointer, Set<String> components, Diagnostics report) {
        if (node.isTextual()) {
            String text = node.asText();
            if (RuntimeExpressionParser.isExpression(text)) {
                try {
                    RuntimeExpressionParser.Parsed parsed = RuntimeExpressionParser.parseNoting(text.strip());
                    nonSpec(report, pointer, parsed.nonSpecForm().orElse(null));
                    BoundExpression expression = new BoundExpression(text, pointer, parsed.expression());
                    return new BoundDocument.ExpressionValue(pointer, expression, component(parsed.expression(),
                            components));
                } catch (ExpressionSyntaxException e) {
                    // a value may be a constant: a text that is no runtime expression is sent as written
                    report.warning("not-an-expression", at(pointer), e.getMessage() + "; the value is sent as "
                            + "the text '" + text + "'");
                    if (text.contains("{$")) {
                        try {
                            return new BoundDocument.TemplateValue(pointer, text,
                                    RuntimeExpressionParser.parseTemplate(text));
                        } catch (ExpressionSyntaxException ignored) {
                            // sent as written
                        }
                    }
                    return new BoundDocument.LiteralValue(pointer, node);
                }
            }
            if (text.contains("{$")) {
                try {
                    List<TemplatePart> parts = RuntimeExpressionParser.parseTemplate(text);
                    for (TemplatePart part : parts) {
                        if (part instanceof TemplatePart.Embedded embedded) {
                            nonSpec(report, pointer, embedded.parsed().nonSpecForm().orElse(null));
                        }
                    }
                    return new BoundDocument.TemplateValue(pointer, text, parts);
                } catch (ExpressionSyntaxException e) {
                    syntax(report, pointer, e);
                }
            }
            return new BoundDocument.LiteralValue(pointer, node);
        }
        if (node.isObject()) {
            List<BoundDocument.Member> members = new ArrayList<>();
            node.properties().forEach(field -> members.add(new BoundDocument.Member(field.getKey(),
                    value(field.getValue(), pointer + "/" + SourceDocument.escape(field.getKey()), components, report))));
            return new BoundDocument.ObjectValue(pointer, members);
        }
        if (node.isArray()) {
            List<BoundValue> elements = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                elements.add(value(node.get(i), pointer + "/" + i, components, report));
            }
            return new BoundDocument.ArrayValue(pointer, elements);
        }
        return new BoundDocument.LiteralValue(pointer, node);
    }

    /** The value of the component parameter {@code $components.parameters.<name>} names, bound; else null. */
    private BoundValue component(RuntimeExpression expression, Set<String> components) {
        if (!(expression instanceof RuntimeExpression.Component component) || !component.kind().equals("parameters")) {
            return null;
        }
        String pointer = "/components/parameters/" + SourceDocument.escape(component.name());
        JsonNode parameter = document.source().root().at(pointer);
        if (parameter.isMissingNode() || !components.add(component.name())) {
            return null;
        }
        // as before, a component parameter's value is not reported on where it is used: its problems
        // would repeat at every use
        BoundValue value = value(parameter.path("value"), pointer + "/value", components, new Diagnostics());
        components.remove(component.name());
        return value;
    }

    private List<BoundCriterion> criteria(List<Criterion> criteria) {
        List<BoundCriterion> bound = new ArrayList<>();
        for (Criterion criterion : criteria) {
            criterion(criterion).ifPresent(bound::add);
        }
        return bound;
    }

    /**
     * A criterion whose condition parses; else empty, reported. A context that does not parse is reported
     * and left null, so that the condition is still checked.
     */
    private Optional<BoundCriterion> criterion(Criterion criterion) {
        BoundExpression context = criterion.context() == null ? null
                : expression(criterion.context(), criterion.pointer() + "/context").orElse(null);
        return condition(criterion, context);
    }

    private Optional<BoundCriterion> condition(Criterion criterion, BoundExpression context) {
        String pointer = criterion.pointer() + "/condition";
        switch (criterion.type()) {
            case "simple" -> {
                try {
                    Condition condition = ConditionParser.parse(criterion.condition());
                    references(condition, pointer);
                    return Optional.of(new BoundDocument.SimpleCriterion(criterion, context, condition));
                } catch (ExpressionSyntaxException e) {
                    syntax(pointer, e);
                }
            }
            case "regex" -> {
                try {
                    return Optional.of(new BoundDocument.RegexCriterion(criterion, context,
                            Pattern.compile(criterion.condition())));
                } catch (PatternSyntaxException e) {
                    diagnostics.error("invalid-regex", at(pointer), "regex '" + criterion.condition()
                            + "' does not compile: " + e.getDescription() + " near index " + e.getIndex());
                }
            }
            case "jsonpath" -> {
                try {
                    return Optional.of(new BoundDocument.JsonPathCriterion(criterion, context,
                            JsonPathParser.parseCriterion(criterion.condition())));
                } catch (JsonPathSyntaxException e) {
                    syntax(pointer, new ExpressionSyntaxException("JSONPath '" + criterion.condition().strip() + "': "
                            + e.reason(), e.index()));
                }
            }
            case "xpath" -> {
                return xpath(criterion, context, pointer);
            }
            case "jsonpointer" -> diagnostics.error("unsupported-feature", at(criterion.pointer() + "/type"),
                    "a jsonpointer criterion has no condition to evaluate: Arazzo 1.1 names simple, regex, jsonpath "
                    + "and xpath criteria; test the value the pointer selects with a simple condition instead, "
                    + "e.g. '$response.body#/a == 1'");
            default -> unsupported(criterion.pointer() + "/type", "'" + criterion.type() + "' criteria");
        }
        return Optional.empty();
    }

    private Optional<BoundCriterion> xpath(Criterion criterion, BoundExpression context, String pointer) {
        String expression = criterion.condition().strip();
        if ("xpath-10".equals(criterion.version())) {
            try {
                javax.xml.xpath.XPathFactory.newInstance().newXPath().compile(expression);
            } catch (javax.xml.xpath.XPathExpressionException e) {
                diagnostics.error("invalid-xpath", at(pointer), "xpath '" + expression + "' does not compile "
                        + "as XPath 1.0: " + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()));
                return Optional.empty();
            }
            return Optional.of(new BoundDocument.XPathCriterion(criterion, context, expression, false));
        }
        Optional<String> saxonError = SaxonXPath.compileError(expression);
        if (saxonError.isPresent()) {
            diagnostics.error("invalid-xpath", at(pointer), "xpath '" + expression + "' does not compile: "
                    + saxonError.get());
            return Optional.empty();
        }
        diagnostics.warning("xpath-needs-saxon", at(criterion.pointer()), "xpath criterion '"
                + expression + "' is " + (criterion.version() == null ? "XPath 3.0, the default"
                        : criterion.version()) + ": the generated code evaluates it with Saxon-HE, so "
                + "add net.sf.saxon:Saxon-HE to the project's dependencies, or write "
                + "'version: xpath-10' to evaluate it with the JDK's XPath 1.0 engine");
        return Optional.of(new BoundDocument.XPathCriterion(criterion, context, expression, true));
    }

    /** Warns about each reference of a condition written in a non-spec form. */
    private void references(Condition condition, String pointer) {
        condition.references().forEach(reference -> nonSpec(pointer, reference.nonSpecForm()));
    }

    private List<BoundAction> actions(List<Action> actions) {
        List<BoundAction> bound = new ArrayList<>();
        for (Action action : actions) {
            ActionKind kind = switch (action.type().toLowerCase(Locale.ROOT)) {
                case "end" -> ActionKind.END;
                case "goto" -> ActionKind.GOTO;
                case "retry" -> ActionKind.RETRY;
                default -> null;
            };
            WorkflowTarget workflow = null;
            if (kind == null) {
                diagnostics.error("invalid-action-type", at(action.pointer() + "/type"), "action '"
                        + action.name() + "' has type '" + action.type() + "'; use end, goto or retry");
            } else if (kind != ActionKind.END && action.workflowId() != null) {
                workflow = workflowNamed(action.workflowId(), action.pointer() + "/workflowId", "action '"
                        + action.name() + "'");
            }
            List<BoundParameter> parameters = new ArrayList<>();
            for (Parameter parameter : action.parameters()) {
                parameters.add(new BoundParameter(parameter, null, parameter.selector() != null
                        ? selected(parameter.selector(), parameter.value(), parameter.pointer() + "/value")
                        : value(parameter.value(), parameter.pointer() + "/value", new HashSet<>(), diagnostics)));
            }
            bound.add(new BoundAction(action, kind, workflow, criteria(action.criteria()), parameters));
        }
        return bound;
    }

    /**
     * The workflow {@code reference} names: a workflowId of this document, or
     * {@code $sourceDescriptions.<name>.<workflowId>} of an Arazzo source; null (reported) when none.
     */
    private WorkflowTarget workflowNamed(String reference, String pointer, String who) {
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
        return new WorkflowTarget(target, workflow);
    }

    private void nonSpec(String pointer, String sentence) {
        nonSpec(diagnostics, pointer, sentence);
    }

    private void nonSpec(Diagnostics report, String pointer, String sentence) {
        if (sentence != null) {
            report.warning("non-spec-expression", at(pointer), sentence);
        }
    }

    private void unsupported(String pointer, String what) {
        diagnostics.error("unsupported-feature", at(pointer), what + " are not generated by this version yet; "
                + "remove them from the workflow or generate it by hand");
    }

    private void syntax(String pointer, ExpressionSyntaxException e) {
        syntax(diagnostics, pointer, e);
    }

    private void syntax(Diagnostics report, String pointer, ExpressionSyntaxException e) {
        document.source().locateWithin(pointer, e.offset()).ifPresentOrElse(
                exact -> report.error("invalid-expression", exact, e.getMessage()),
                () -> report.error("invalid-expression", at(pointer), e.getMessage() + " (at character "
                        + (e.offset() + 1) + ")"));
    }

    private SourceLocation at(String pointer) {
        return document.locate(pointer);
    }
}
