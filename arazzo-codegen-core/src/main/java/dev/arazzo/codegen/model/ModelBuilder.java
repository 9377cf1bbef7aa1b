package dev.arazzo.codegen.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import dev.arazzo.codegen.check.CheckedDocument;
import dev.arazzo.codegen.diagnostic.Diagnostics;
import dev.arazzo.codegen.expression.Condition;
import dev.arazzo.codegen.expression.ConditionParser;
import dev.arazzo.codegen.expression.ExpressionSyntaxException;
import dev.arazzo.codegen.expression.RuntimeExpression;
import dev.arazzo.codegen.expression.RuntimeExpressionParser;
import dev.arazzo.codegen.load.ArazzoDocument;
import dev.arazzo.codegen.load.ArazzoDocument.Action;
import dev.arazzo.codegen.load.ArazzoDocument.Criterion;
import dev.arazzo.codegen.load.ArazzoDocument.Parameter;
import dev.arazzo.codegen.load.ArazzoDocument.Step;
import dev.arazzo.codegen.load.ArazzoDocument.Workflow;
import dev.arazzo.codegen.load.SourceDocument;
import dev.arazzo.codegen.model.WorkflowModel.ActionModel;
import dev.arazzo.codegen.model.WorkflowModel.ActionType;
import dev.arazzo.codegen.model.WorkflowModel.BodyModel;
import dev.arazzo.codegen.model.WorkflowModel.CriterionModel;
import dev.arazzo.codegen.model.WorkflowModel.InputModel;
import dev.arazzo.codegen.model.WorkflowModel.OutputModel;
import dev.arazzo.codegen.model.WorkflowModel.ParameterModel;
import dev.arazzo.codegen.model.WorkflowModel.SourceModel;
import dev.arazzo.codegen.model.WorkflowModel.StepModel;
import dev.arazzo.codegen.model.WorkflowModel.ValueModel;
import dev.arazzo.codegen.resolve.OpenApiSource;
import dev.arazzo.codegen.resolve.ResolvedOperation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The model stage: turns a checked document into {@link WorkflowModel}s, choosing every Java name
 * and type. Problems it can still find (a pointer that the response schema says cannot exist) are
 * warnings; the value is then typed as JsonNode.
 */
public final class ModelBuilder {

    private static final Set<String> RESERVED_METHODS = Set.of("run", "builder", "execute", "toString", "hashCode",
            "equals", "getClass", "notify", "notifyAll", "wait", "clone", "finalize");

    private final CheckedDocument checked;
    private final ArazzoDocument document;
    private final Diagnostics diagnostics;

    private ModelBuilder(CheckedDocument checked, Diagnostics diagnostics) {
        this.checked = checked;
        this.document = checked.document();
        this.diagnostics = diagnostics;
    }

    public static List<WorkflowModel> build(CheckedDocument checked, String packageName, Diagnostics diagnostics) {
        ModelBuilder builder = new ModelBuilder(checked, diagnostics);
        NameAllocator classNames = new NameAllocator();
        List<WorkflowModel> models = new ArrayList<>();
        for (Workflow workflow : checked.document().workflows()) {
            String simpleName = classNames.newName(JavaNames.pascal(workflow.workflowId()) + "Workflow");
            models.add(builder.workflow(workflow, ClassName.get(packageName, simpleName)));
        }
        return models;
    }

    private WorkflowModel workflow(Workflow workflow, ClassName className) {
        List<InputModel> inputs = inputs(workflow.inputs());
        Map<String, SourceModel> sources = new LinkedHashMap<>();
        NameAllocator sourceFields = new NameAllocator();
        for (OpenApiSource source : checked.sources().openApi().values()) {
            boolean used = workflow.steps().stream().anyMatch(s -> {
                ResolvedOperation operation = checked.operations().get(s.pointer());
                return operation != null && operation.source() == source;
            });
            if (used) {
                sources.put(source.name(), new SourceModel(source.name(),
                        sourceFields.newName(JavaNames.camel(source.name()) + "BaseUri"), source.serverUrl()));
            }
        }
        NameAllocator methods = new NameAllocator();
        RESERVED_METHODS.forEach(reserved -> methods.newName(reserved, reserved));
        NameAllocator nested = new NameAllocator();
        List.of("Inputs", "Outputs", "Builder", "Step").forEach(reserved -> nested.newName(reserved, reserved));
        List<StepModel> steps = new ArrayList<>();
        Map<String, StepModel> byId = new LinkedHashMap<>();
        for (Step step : workflow.steps()) {
            ResolvedOperation operation = checked.operations().get(step.pointer());
            StepModel model = step(workflow, step, operation, sources.get(operation.source().name()),
                    methods.newName(JavaNames.camel(step.stepId())),
                    className.nestedClass(nested.newName(JavaNames.pascal(step.stepId()) + "Result")), inputs, byId);
            steps.add(model);
            byId.put(step.stepId(), model);
        }
        NameAllocator outputNames = new NameAllocator();
        List<OutputModel> outputs = new ArrayList<>();
        workflow.outputs().forEach((name, text) -> {
            RuntimeExpression expression = parse(text);
            outputs.add(new OutputModel(name, outputNames.newName(JavaNames.camel(name)),
                    typeOf(expression, inputs, byId), expression, text));
        });
        return new WorkflowModel(workflow.workflowId(), className, workflow.summary(), workflow.description(),
                document.source().file(), new ArrayList<>(sources.values()), inputs, outputs, steps);
    }

    private List<InputModel> inputs(JsonNode schema) {
        List<InputModel> inputs = new ArrayList<>();
        if (schema == null || !schema.has("properties")) {
            return inputs;
        }
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        NameAllocator names = new NameAllocator();
        names.newName("builder", "builder");
        Iterator<Map.Entry<String, JsonNode>> properties = schema.get("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            inputs.add(new InputModel(property.getKey(), names.newName(JavaNames.camel(property.getKey())),
                    TypeMapper.fromJsonSchema(property.getValue()), required.contains(property.getKey()),
                    property.getValue().path("description").asText(null)));
        }
        return inputs;
    }

    private StepModel step(Workflow workflow, Step step, ResolvedOperation operation, SourceModel source,
            String methodName, ClassName resultType, List<InputModel> inputs, Map<String, StepModel> earlier) {
        List<ParameterModel> parameters = new ArrayList<>();
        Set<String> reads = new LinkedHashSet<>();
        for (Parameter parameter : mergedParameters(workflow, step)) {
            String in = parameter.in() != null ? parameter.in() : operation.parameters().stream()
                    .filter(p -> p.getName().equals(parameter.name())).map(p -> p.getIn()).findFirst().orElse("query");
            parameters.add(new ParameterModel(parameter.name(), in, value(parameter.value(), reads)));
        }
        BodyModel body = null;
        if (step.requestBody() != null && step.requestBody().payload() != null) {
            List<WorkflowModel.ReplacementModel> replacements = new ArrayList<>();
            for (ArazzoDocument.Replacement replacement : step.requestBody().replacements()) {
                replacements.add(new WorkflowModel.ReplacementModel(replacement.target(),
                        value(replacement.value(), reads)));
            }
            body = new BodyModel(contentType(step, operation), value(step.requestBody().payload(), reads), replacements);
        }
        List<CriterionModel> successCriteria = criteria(step.successCriteria(), reads);
        Schema<?> responseSchema = responseSchema(operation, successCriteria);
        NameAllocator outputNames = new NameAllocator();
        List<OutputModel> outputs = new ArrayList<>();
        step.outputs().forEach((name, text) -> {
            RuntimeExpression expression = parse(text);
            collectReads(expression, reads);
            TypeName type = outputType(step, name, expression, responseSchema, operation, inputs, earlier);
            outputs.add(new OutputModel(name, outputNames.newName(JavaNames.camel(name)), type, expression, text));
        });
        List<ActionModel> onSuccess = actions(step.onSuccess(), workflow.successActions(), reads);
        List<ActionModel> onFailure = actions(step.onFailure(), workflow.failureActions(), reads);
        reads.remove(step.stepId());
        return new StepModel(step.stepId(), methodName, JavaNames.constant(step.stepId()), resultType,
                step.description(), source, operation.method(), operation.path(), parameters, body, successCriteria,
                onSuccess, onFailure, outputs, new ArrayList<>(reads));
    }

    private static List<Parameter> mergedParameters(Workflow workflow, Step step) {
        List<Parameter> merged = new ArrayList<>();
        for (Parameter parameter : workflow.parameters()) {
            if (step.parameters().stream().noneMatch(p -> p.name().equals(parameter.name())
                    && (p.in() == null || parameter.in() == null || p.in().equals(parameter.in())))) {
                merged.add(parameter);
            }
        }
        merged.addAll(step.parameters());
        return merged;
    }

    private String contentType(Step step, ResolvedOperation operation) {
        if (step.requestBody().contentType() != null) {
            return step.requestBody().contentType();
        }
        if (operation.operation().getRequestBody() != null && operation.operation().getRequestBody().getContent() != null
                && !operation.operation().getRequestBody().getContent().isEmpty()) {
            return operation.operation().getRequestBody().getContent().keySet().iterator().next();
        }
        return "application/json";
    }

    /** The schema of the JSON body of the response the step expects: the status its criteria name, else the first 2xx. */
    private static Schema<?> responseSchema(ResolvedOperation operation, List<CriterionModel> criteria) {
        if (operation.operation().getResponses() == null) {
            return null;
        }
        Map<String, ApiResponse> responses = operation.operation().getResponses();
        List<String> candidates = new ArrayList<>();
        for (CriterionModel criterion : criteria) {
            if (criterion instanceof WorkflowModel.SimpleCriterion simple
                    && simple.condition() instanceof Condition.Comparison comparison
                    && comparison.operator() == Condition.Operator.EQ
                    && comparison.left() instanceof Condition.Reference reference
                    && reference.expression() instanceof RuntimeExpression.StatusCode
                    && comparison.right() instanceof Condition.Literal literal) {
                candidates.add(literal.value().asText());
            }
        }
        responses.keySet().stream().filter(code -> code.startsWith("2")).forEach(candidates::add);
        candidates.add("2XX");
        candidates.add("default");
        for (String code : candidates) {
            ApiResponse response = responses.get(code);
            if (response != null && response.getContent() != null) {
                Schema<?> schema = jsonSchema(response.getContent());
                if (schema != null) {
                    return schema;
                }
            }
        }
        return null;
    }

    private static Schema<?> jsonSchema(Content content) {
        for (Map.Entry<String, MediaType> media : content.entrySet()) {
            String type = media.getKey().toLowerCase(Locale.ROOT);
            if ((type.contains("json") || type.equals("*/*")) && media.getValue().getSchema() != null) {
                return media.getValue().getSchema();
            }
        }
        return null;
    }

    private TypeName outputType(Step step, String name, RuntimeExpression expression, Schema<?> responseSchema,
            ResolvedOperation operation, List<InputModel> inputs, Map<String, StepModel> earlier) {
        if (expression instanceof RuntimeExpression.ResponseBody body) {
            if (responseSchema == null) {
                return TypeMapper.JSON_NODE;
            }
            Optional<Schema<?>> schema = TypeMapper.at(responseSchema, body.pointer(), operation.source().openApi());
            if (schema.isEmpty()) {
                diagnostics.warning("unknown-response-field", document.locate(step.pointer() + "/outputs/"
                        + SourceDocument.escape(name)), "output '" + name + "' reads '" + body.pointer()
                        + "', which the response schema of " + operation.method() + " " + operation.path()
                        + " does not define; it is typed as JsonNode");
                return TypeMapper.JSON_NODE;
            }
            return TypeMapper.fromOpenApi(schema.get(), operation.source().openApi());
        }
        return typeOf(expression, inputs, earlier);
    }

    private static TypeName typeOf(RuntimeExpression expression, List<InputModel> inputs, Map<String, StepModel> steps) {
        if (expression instanceof RuntimeExpression.StatusCode) {
            return ClassName.get(Integer.class);
        }
        if (expression instanceof RuntimeExpression.Input input && input.pointer().isEmpty()) {
            return inputs.stream().filter(i -> i.name().equals(input.name())).map(InputModel::type).findFirst()
                    .orElse(TypeMapper.JSON_NODE);
        }
        if (expression instanceof RuntimeExpression.StepOutput output && output.pointer().isEmpty()) {
            StepModel step = steps.get(output.stepId());
            if (step != null) {
                return step.output(output.name()).map(OutputModel::type).orElse(TypeMapper.JSON_NODE);
            }
        }
        if (expression instanceof RuntimeExpression.ResponseHeader || expression instanceof RuntimeExpression.Url
                || expression instanceof RuntimeExpression.Method
                || expression instanceof RuntimeExpression.RequestParameter
                || expression instanceof RuntimeExpression.SourceDescriptionField) {
            return ClassName.get(String.class);
        }
        return TypeMapper.JSON_NODE;
    }

    private ValueModel value(JsonNode node, Set<String> reads) {
        if (node.isTextual()) {
            String text = node.asText();
            if (RuntimeExpressionParser.isExpression(text)) {
                RuntimeExpression expression = parse(text.strip());
                collectReads(expression, reads);
                if (expression instanceof RuntimeExpression.Component component) {
                    JsonNode parameter = document.source().root().path("components").path("parameters")
                            .path(component.name());
                    return value(parameter.path("value"), reads);
                }
                return new WorkflowModel.ExpressionValue(expression, text);
            }
            if (text.contains("{$")) {
                try {
                    List<RuntimeExpressionParser.TemplatePart> parts = RuntimeExpressionParser.parseTemplate(text);
                    parts.forEach(p -> {
                        if (p instanceof RuntimeExpressionParser.TemplatePart.Embedded embedded) {
                            collectReads(embedded.expression(), reads);
                        }
                    });
                    return new WorkflowModel.TemplateValue(parts);
                } catch (ExpressionSyntaxException e) {
                    throw new IllegalStateException("checked template does not parse: " + text, e);
                }
            }
            return new WorkflowModel.LiteralValue(node);
        }
        if (node.isObject()) {
            List<WorkflowModel.Member> members = new ArrayList<>();
            node.fields().forEachRemaining(f -> members.add(new WorkflowModel.Member(f.getKey(), value(f.getValue(), reads))));
            return new WorkflowModel.ObjectValue(members);
        }
        if (node.isArray()) {
            List<ValueModel> elements = new ArrayList<>();
            node.forEach(e -> elements.add(value(e, reads)));
            return new WorkflowModel.ArrayValue(elements);
        }
        return new WorkflowModel.LiteralValue(node);
    }

    private List<CriterionModel> criteria(List<Criterion> criteria, Set<String> reads) {
        List<CriterionModel> models = new ArrayList<>();
        for (Criterion criterion : criteria) {
            RuntimeExpression context = criterion.context() == null ? null : parse(criterion.context().strip());
            if (context != null) {
                collectReads(context, reads);
            }
            switch (criterion.type()) {
                case "regex" -> models.add(new WorkflowModel.RegexCriterion(criterion.condition(), context,
                        criterion.condition()));
                case "jsonpath" -> models.add(new WorkflowModel.JsonPathCriterion(criterion.condition(), context,
                        criterion.condition()));
                default -> {
                    try {
                        Condition condition = ConditionParser.parse(criterion.condition());
                        collectReads(condition, reads);
                        models.add(new WorkflowModel.SimpleCriterion(criterion.condition(), condition));
                    } catch (ExpressionSyntaxException e) {
                        throw new IllegalStateException("checked condition does not parse: " + criterion.condition(), e);
                    }
                }
            }
        }
        return models;
    }

    /** The step's own actions, then the workflow's whose names the step does not use. */
    private List<ActionModel> actions(List<Action> own, List<Action> inherited, Set<String> reads) {
        List<ActionModel> models = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Action action : own) {
            names.add(action.name());
            models.add(action(action, reads));
        }
        for (Action action : inherited) {
            if (!names.contains(action.name())) {
                models.add(action(action, reads));
            }
        }
        return models;
    }

    private ActionModel action(Action action, Set<String> reads) {
        ActionType type = ActionType.valueOf(action.type().toUpperCase(Locale.ROOT));
        return new ActionModel(action.name(), type, action.stepId(),
                action.retryAfter() == null ? 0 : action.retryAfter().doubleValue(),
                action.retryLimit() == null ? 1 : action.retryLimit(), criteria(action.criteria(), reads));
    }

    private static void collectReads(Condition condition, Set<String> reads) {
        if (condition instanceof Condition.Or or) {
            collectReads(or.left(), reads);
            collectReads(or.right(), reads);
        } else if (condition instanceof Condition.And and) {
            collectReads(and.left(), reads);
            collectReads(and.right(), reads);
        } else if (condition instanceof Condition.Not not) {
            collectReads(not.operand(), reads);
        } else if (condition instanceof Condition.Comparison comparison) {
            collectReads(comparison.left(), reads);
            collectReads(comparison.right(), reads);
        } else if (condition instanceof Condition.Truthy truthy) {
            collectReads(truthy.operand(), reads);
        }
    }

    private static void collectReads(Condition.Operand operand, Set<String> reads) {
        if (operand instanceof Condition.Reference reference) {
            collectReads(reference.expression(), reads);
        }
    }

    private static void collectReads(RuntimeExpression expression, Set<String> reads) {
        if (expression instanceof RuntimeExpression.StepOutput output) {
            reads.add(output.stepId());
        }
    }

    private static RuntimeExpression parse(String text) {
        try {
            return RuntimeExpressionParser.parse(text.strip());
        } catch (ExpressionSyntaxException e) {
            throw new IllegalStateException("checked expression does not parse: " + text, e);
        }
    }
}
