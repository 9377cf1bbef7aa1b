package dev.arazzo.codegen.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import dev.arazzo.codegen.check.CheckedDocument;
import dev.arazzo.codegen.check.WorkflowChecker;
import dev.arazzo.codegen.check.WorkflowTarget;
import dev.arazzo.codegen.diagnostic.Diagnostics;
import dev.arazzo.codegen.expression.Condition;
import dev.arazzo.codegen.expression.ConditionParser;
import dev.arazzo.codegen.expression.ExpressionSyntaxException;
import dev.arazzo.codegen.expression.RuntimeExpression;
import dev.arazzo.codegen.expression.RuntimeExpressionParser;
import dev.arazzo.codegen.jsonpath.JsonPathParser;
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
import dev.arazzo.codegen.model.WorkflowModel.CalleeModel;
import dev.arazzo.codegen.model.WorkflowModel.DependencyModel;
import dev.arazzo.codegen.model.WorkflowModel.CriterionModel;
import dev.arazzo.codegen.model.WorkflowModel.InputModel;
import dev.arazzo.codegen.model.WorkflowModel.OutputModel;
import dev.arazzo.codegen.model.WorkflowModel.ParameterModel;
import dev.arazzo.codegen.model.WorkflowModel.SourceModel;
import dev.arazzo.codegen.model.WorkflowModel.StepModel;
import dev.arazzo.codegen.model.WorkflowModel.ValueModel;
import dev.arazzo.codegen.resolve.OpenApiSource;
import dev.arazzo.codegen.source.ParameterLocation;
import dev.arazzo.codegen.source.ParameterStyle;
import dev.arazzo.codegen.resolve.ResolvedOperation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private final Map<String, WorkflowModel> built;
    private TypeMapper types;

    private ModelBuilder(CheckedDocument checked, Diagnostics diagnostics, Map<String, WorkflowModel> built) {
        this.checked = checked;
        this.document = checked.document();
        this.diagnostics = diagnostics;
        this.built = built;
    }

    /**
     * Models every workflow of {@code documents} (the document a user named first, then the Arazzo
     * documents its sources name), each workflow after the workflows it calls. Calls that form a cycle
     * are errors.
     */
    public static List<WorkflowModel> build(List<CheckedDocument> documents, String packageName, Diagnostics diagnostics) {
        NameAllocator classNames = new NameAllocator();
        Map<String, ClassName> classes = new LinkedHashMap<>();
        Map<String, CheckedDocument> owners = new LinkedHashMap<>();
        for (CheckedDocument checked : documents) {
            for (Workflow workflow : checked.document().workflows()) {
                String key = key(checked.document(), workflow);
                if (!classes.containsKey(key)) {
                    classes.put(key, ClassName.get(packageName,
                            classNames.newName(JavaNames.pascal(workflow.workflowId()) + "Workflow")));
                    owners.put(key, checked);
                }
            }
        }
        Map<String, WorkflowModel> built = new LinkedHashMap<>();
        Set<String> building = new LinkedHashSet<>();
        for (String key : classes.keySet()) {
            buildInOrder(key, classes, owners, built, building, diagnostics);
        }
        List<WorkflowModel> models = new ArrayList<>();
        classes.keySet().forEach(key -> {
            if (built.get(key) != null) {
                models.add(built.get(key));
            }
        });
        return models;
    }

    private static void buildInOrder(String key, Map<String, ClassName> classes, Map<String, CheckedDocument> owners,
            Map<String, WorkflowModel> built, Set<String> building, Diagnostics diagnostics) {
        if (built.containsKey(key)) {
            return;
        }
        CheckedDocument checked = owners.get(key);
        Workflow workflow = checked.document().workflows().stream()
                .filter(w -> key(checked.document(), w).equals(key)).findFirst().orElseThrow();
        if (!building.add(key)) {
            diagnostics.error("workflow-cycle", checked.document().locate(workflow.pointer() + "/workflowId"),
                    "workflow '" + workflow.workflowId() + "' calls itself through " + String.join(" -> ",
                            building.stream().map(k -> k.substring(k.indexOf('#') + 1)).toList())
                    + "; a generated workflow cannot call itself");
            built.put(key, null);
            return;
        }
        for (Map.Entry<String, WorkflowTarget> call : checked.workflows().entrySet()) {
            if (call.getKey().startsWith(workflow.pointer() + "/") || call.getKey().startsWith("/components/")) {
                String callee = key(call.getValue().document(), call.getValue().workflow());
                if (classes.containsKey(callee) && callee.equals(key)) {
                    continue; // a goto to itself: the same instance, no field needed
                }
                buildInOrder(callee, classes, owners, built, building, diagnostics);
            }
        }
        building.remove(key);
        if (built.containsKey(key)) {
            return;
        }
        built.put(key, new ModelBuilder(checked, diagnostics, built).workflow(workflow, classes.get(key)));
    }

    private static String key(ArazzoDocument document, Workflow workflow) {
        return document.source().file() + "#" + workflow.workflowId();
    }

    /** What a step's expressions read besides inputs: earlier steps' results and dependencies' outputs. */
    private record Reads(Set<String> steps, Set<String> workflows) {
        Reads() {
            this(new LinkedHashSet<>(), new LinkedHashSet<>());
        }
    }

    private WorkflowModel workflow(Workflow workflow, ClassName className) {
        NameAllocator nested = new NameAllocator();
        // besides its own nested types, names of the package's support types stay readable unqualified
        List.of("Inputs", "Outputs", "Builder", "Step", "Result", "Completed", "Ended", "Failed", className.simpleName(),
                "Values", "JsonValue", "Transport", "HttpExchange", "StepRequest", "RequestInterceptor",
                "WorkflowListener", "Credentials", "WorkflowException", "StepFailedException",
                "WorkflowTransportException", "JsonPathSupport").forEach(reserved -> nested.newName(reserved, reserved));
        this.types = new TypeMapper(className, nested, document.source().root());
        List<InputModel> inputs = inputs(workflow);
        NameAllocator fields = new NameAllocator();
        List.of("transport", "maxStepExecutions").forEach(reserved -> fields.newName(reserved, reserved));
        Map<String, CalleeModel> callees = new LinkedHashMap<>();
        for (Map.Entry<String, WorkflowTarget> call : checked.workflows().entrySet()) {
            if (call.getKey().startsWith(workflow.pointer() + "/") || call.getKey().startsWith("/components/")) {
                WorkflowModel callee = built.get(key(call.getValue().document(), call.getValue().workflow()));
                if (callee != null && !callees.containsKey(callee.className().simpleName())) {
                    callees.put(callee.className().simpleName(), new CalleeModel(callee.workflowId(), callee.className(),
                            fields.newName(JavaNames.camel(callee.className().simpleName())), callee.sources(),
                            callee.inputs(), callee.outputs()));
                }
            }
        }
        Map<String, SourceModel> sources = new LinkedHashMap<>();
        for (OpenApiSource source : checked.sources().openApi().values()) {
            boolean used = workflow.steps().stream().anyMatch(s -> {
                ResolvedOperation operation = checked.operations().get(s.pointer());
                return operation != null && operation.source() == source;
            });
            if (used) {
                sources.put(source.name(), new SourceModel(source.name(),
                        fields.newName(JavaNames.camel(source.name()) + "BaseUri"), source.serverUrl()));
            }
        }
        for (CalleeModel callee : callees.values()) {
            for (SourceModel source : callee.sources()) {
                sources.computeIfAbsent(source.name(), name -> new SourceModel(name,
                        fields.newName(JavaNames.camel(name) + "BaseUri"), source.defaultUri()));
            }
        }
        NameAllocator locals = new NameAllocator();
        List.of("inputs", "next", "resume", "executions", "exchange", "called", "failure", "request")
                .forEach(reserved -> locals.newName(reserved, reserved));
        List<DependencyModel> dependencies = new ArrayList<>();
        for (int i = 0; i < workflow.dependsOn().size(); i++) {
            WorkflowTarget target = checked.workflows().get(workflow.pointer() + "/dependsOn/" + i);
            CalleeModel callee = callee(callees, target);
            dependencies.add(new DependencyModel(workflow.dependsOn().get(i), callee,
                    locals.newName(JavaNames.camel(callee.workflowId()) + "Outputs"), null));
        }
        String workflowText = document.source().root().at(workflow.pointer()).toString();
        for (Step step : workflow.steps()) {
            if (step.workflowId() == null) {
                continue;
            }
            CalleeModel callee = callee(callees, checked.workflows().get(step.pointer() + "/workflowId"));
            boolean read = workflowText.contains("$workflows." + step.workflowId() + ".")
                    || workflowText.contains("$workflows." + callee.workflowId() + ".")
                    || workflowText.contains(step.workflowId() + ".outputs.");
            boolean declared = dependencies.stream().anyMatch(d -> d.callee().equals(callee));
            if (read && !declared) {
                dependencies.add(new DependencyModel(step.workflowId(), callee,
                        locals.newName(JavaNames.camel(callee.workflowId()) + "Outputs"), step.stepId()));
            }
        }
        NameAllocator methods = new NameAllocator();
        RESERVED_METHODS.forEach(reserved -> methods.newName(reserved, reserved));
        callees.values().forEach(c -> methods.newName(c.fieldName() + "Inputs", c.fieldName() + "Inputs"));
        List<StepModel> steps = new ArrayList<>();
        Map<String, StepModel> byId = new LinkedHashMap<>();
        for (Step step : workflow.steps()) {
            ResolvedOperation operation = checked.operations().get(step.pointer());
            CalleeModel callee = step.workflowId() == null ? null
                    : callee(callees, checked.workflows().get(step.pointer() + "/workflowId"));
            StepModel model = step(workflow, step, operation, callee,
                    operation == null ? null : sources.get(operation.source().name()),
                    methods.newName(JavaNames.camel(step.stepId())),
                    className.nestedClass(nested.newName(JavaNames.pascal(step.stepId()) + "Result")), inputs, byId,
                    callees, dependencies);
            steps.add(model);
            byId.put(step.stepId(), model);
        }
        NameAllocator outputNames = new NameAllocator();
        List<OutputModel> outputs = new ArrayList<>();
        workflow.outputs().forEach((name, text) -> {
            RuntimeExpression expression = parse(text);
            WorkflowModel.ValueSchema schema = schemaOf(expression, null, null, byId);
            outputs.add(new OutputModel(name, outputNames.newName(JavaNames.camel(name)),
                    schema != null && expression instanceof RuntimeExpression.StepOutput
                            ? types.output(schema.schema(), schema.openApi(), name)
                            : typeOf(expression, inputs, byId, null, dependencies), expression, text, schema));
        });
        return new WorkflowModel(workflow.workflowId(), className, workflow.summary(), workflow.description(),
                document.source().file(), new ArrayList<>(sources.values()), inputs, outputs, steps,
                new ArrayList<>(callees.values()), dependencies, sourceUrls(), securitySchemes(workflow), types.types());
    }

    private Map<String, String> sourceUrls() {
        Map<String, String> urls = new LinkedHashMap<>();
        document.sourceDescriptions().forEach(source -> urls.put(source.name(), source.url()));
        return urls;
    }

    private CalleeModel callee(Map<String, CalleeModel> callees, WorkflowTarget target) {
        WorkflowModel model = built.get(key(target.document(), target.workflow()));
        return callees.get(model.className().simpleName());
    }

    private static final Pattern INPUT_REFERENCE = Pattern.compile("\\$inputs\\.([^.#\\s}\\[\\]=!<>&|()'\"]+)");

    /**
     * The inputs the schema declares, in its order, then inputs the workflow reads without declaring
     * them (reported as warnings by the checker), untyped.
     */
    private List<InputModel> inputs(Workflow workflow) {
        // the schema as written, $refs and all, so that a $ref names the type it becomes
        JsonNode schema = workflow.inputs() == null ? null
                : types.dereference(document.source().root().at(workflow.pointer() + "/inputs"));
        NameAllocator names = TypeMapper.componentNames();
        List<InputModel> inputs = new ArrayList<>();
        Set<String> declared = new HashSet<>();
        if (schema != null && schema.has("properties")) {
            inputs.addAll(types.inputProperties(schema, names));
            inputs.forEach(input -> declared.add(input.name()));
        }
        Matcher reference = INPUT_REFERENCE.matcher(document.source().root().at(workflow.pointer()).toString());
        while (reference.find()) {
            String name = reference.group(1);
            if (declared.add(name)) {
                inputs.add(new InputModel(name, names.newName(JavaNames.camel(name)), TypeMapper.JSON_NODE, false,
                        "read by the workflow but not declared in its inputs schema"));
            }
        }
        return inputs;
    }

    private StepModel step(Workflow workflow, Step step, ResolvedOperation operation, CalleeModel callee,
            SourceModel source, String methodName, ClassName resultType, List<InputModel> inputs,
            Map<String, StepModel> earlier, Map<String, CalleeModel> callees, List<DependencyModel> dependencies) {
        Reads reads = new Reads();
        List<ParameterModel> parameters = new ArrayList<>();
        WorkflowModel.WorkflowCall call = null;
        if (callee != null) {
            List<WorkflowModel.CallInput> passed = new ArrayList<>();
            for (Parameter parameter : step.parameters()) {
                passed.add(new WorkflowModel.CallInput(callee.input(parameter.name()).orElseThrow(),
                        value(parameter.value(), reads)));
            }
            call = new WorkflowModel.WorkflowCall(callee, passed);
        } else {
            for (Parameter parameter : WorkflowChecker.mergedParameters(workflow, step)) {
                var declared = operation.declared(parameter.name(), parameter.in());
                String in = parameter.in() != null ? parameter.in() : declared.map(p -> p.getIn()).orElse(null);
                String name = declared.map(p -> p.getName()).orElse(parameter.name());
                Optional<ParameterLocation> location = ParameterLocation.of(in);
                if (location.isPresent()) {
                    parameters.add(parameter(name, location.get(), declared.orElse(null), operation,
                            value(parameter.value(), reads)));
                }
            }
        }
        BodyModel body = null;
        if (callee == null && step.requestBody() != null && step.requestBody().payload() != null) {
            List<WorkflowModel.ReplacementModel> replacements = new ArrayList<>();
            for (ArazzoDocument.Replacement replacement : step.requestBody().replacements()) {
                replacements.add(new WorkflowModel.ReplacementModel(replacement.target(),
                        value(replacement.value(), reads)));
            }
            body = new BodyModel(contentType(step, operation), value(step.requestBody().payload(), reads), replacements);
        }
        List<CriterionModel> successCriteria = criteria(step.successCriteria(), reads);
        Schema<?> responseSchema = operation == null ? null : responseSchema(operation, successCriteria);
        NameAllocator outputNames = new NameAllocator();
        List<OutputModel> outputs = new ArrayList<>();
        step.outputs().forEach((name, text) -> {
            RuntimeExpression expression = parse(text);
            collectReads(expression, reads);
            WorkflowModel.ValueSchema schema = schemaOf(expression, responseSchema, operation, earlier);
            TypeName type = operation == null
                    ? typeOf(expression, inputs, earlier, callee, dependencies)
                    : outputType(step, name, expression, responseSchema, operation, inputs, earlier, dependencies);
            if (schema != null && expression instanceof RuntimeExpression.StepOutput) {
                type = types.output(schema.schema(), schema.openApi(), name);
            }
            outputs.add(new OutputModel(name, outputNames.newName(JavaNames.camel(name)), type, expression, text,
                    schema));
        });
        List<ActionModel> onSuccess = actions(step.onSuccess(), workflow.successActions(), reads, callees);
        List<ActionModel> onFailure = actions(step.onFailure(), workflow.failureActions(), reads, callees);
        // a step may read its own outputs of an earlier execution (a goto loop): they are null the first time
        WorkflowModel.StepTarget target = call != null ? call
                : new WorkflowModel.HttpCall(source, operation.method(), operation.path(), parameters, body,
                        security(operation), idempotency(operation, parameters, body));
        return new StepModel(step.stepId(), methodName, JavaNames.constant(step.stepId()), resultType,
                step.description(), target, successCriteria, onSuccess, onFailure, outputs,
                new ArrayList<>(reads.steps()), new ArrayList<>(reads.workflows()));
    }

    /** A parameter with the serialization its declaration gives it, OpenAPI's defaults filled in. */
    private static ParameterModel parameter(String name, ParameterLocation location,
            io.swagger.v3.oas.models.parameters.Parameter declared, ResolvedOperation operation, ValueModel value) {
        ParameterStyle style = declared == null || declared.getStyle() == null ? location.defaultStyle()
                : ParameterStyle.of(declared.getStyle().toString()).orElse(location.defaultStyle());
        boolean explode = declared == null || declared.getExplode() == null ? style.explodesByDefault()
                : declared.getExplode();
        boolean allowReserved = declared != null && Boolean.TRUE.equals(declared.getAllowReserved());
        WorkflowModel.ValueSchema schema = declared == null || declared.getSchema() == null ? null
                : new WorkflowModel.ValueSchema(declared.getSchema(), operation.source().openApi());
        return new ParameterModel(name, location, style, explode, allowReserved, schema, value);
    }

    private static final Set<String> TOKEN_MEMBERS = Set.of("clienttoken", "idempotencytoken");
    private static final Set<String> TOKEN_HEADERS = Set.of("idempotency-key", "x-idempotency-key");

    /** The idempotency token the operation declares and the step leaves to the generated code, if any. */
    private static WorkflowModel.IdempotencyModel idempotency(ResolvedOperation operation,
            List<ParameterModel> parameters, BodyModel body) {
        if (operation == null) {
            return null;
        }
        for (io.swagger.v3.oas.models.parameters.Parameter declared : operation.parameters()) {
            if ("header".equals(declared.getIn()) && TOKEN_HEADERS.contains(declared.getName().toLowerCase(Locale.ROOT))
                    && parameters.stream().noneMatch(p -> p.name().equalsIgnoreCase(declared.getName()))) {
                return new WorkflowModel.IdempotencyModel(false, declared.getName());
            }
        }
        if (body == null || !(body.payload() instanceof WorkflowModel.ObjectValue payload)
                || operation.operation().getRequestBody() == null
                || operation.operation().getRequestBody().getContent() == null) {
            return null;
        }
        Schema<?> schema = TypeMapper.follow(TypeMapper.jsonSchema(operation.operation().getRequestBody().getContent()),
                operation.source().openApi());
        if (schema == null || schema.getProperties() == null) {
            return null;
        }
        for (String member : schema.getProperties().keySet()) {
            if (TOKEN_MEMBERS.contains(member.toLowerCase(Locale.ROOT))
                    && payload.members().stream().noneMatch(m -> m.name().equals(member))
                    && body.replacements().stream().noneMatch(r -> r.target().equals("/" + member))) {
                return new WorkflowModel.IdempotencyModel(true, member);
            }
        }
        return null;
    }

    /** The operation's security requirements (else its document's), as alternatives of scheme names. */
    private static List<List<String>> security(ResolvedOperation operation) {
        if (operation == null) {
            return List.of();
        }
        List<io.swagger.v3.oas.models.security.SecurityRequirement> requirements =
                operation.operation().getSecurity() != null
                        ? operation.operation().getSecurity()
                        : operation.source().openApi().getSecurity();
        if (requirements == null) {
            return List.of();
        }
        return requirements.stream().map(r -> (List<String>) new ArrayList<>(r.keySet())).toList();
    }

    /** The security schemes that the workflow's steps require and this generator can give credentials for. */
    private List<WorkflowModel.SecuritySchemeModel> securitySchemes(Workflow workflow) {
        Map<String, io.swagger.v3.oas.models.security.SecurityScheme> found = new LinkedHashMap<>();
        Map<String, Set<String>> scopes = new LinkedHashMap<>();
        for (Step step : workflow.steps()) {
            ResolvedOperation operation = checked.operations().get(step.pointer());
            if (operation == null || operation.source().openApi().getComponents() == null
                    || operation.source().openApi().getComponents().getSecuritySchemes() == null) {
                continue;
            }
            Map<String, io.swagger.v3.oas.models.security.SecurityScheme> declared =
                    operation.source().openApi().getComponents().getSecuritySchemes();
            List<io.swagger.v3.oas.models.security.SecurityRequirement> requirements =
                    operation.operation().getSecurity() != null
                            ? operation.operation().getSecurity()
                            : operation.source().openApi().getSecurity();
            for (io.swagger.v3.oas.models.security.SecurityRequirement requirement
                    : requirements == null ? List.<io.swagger.v3.oas.models.security.SecurityRequirement>of() : requirements) {
                requirement.forEach((name, required) -> {
                    if (declared.containsKey(name)) {
                        found.putIfAbsent(name, declared.get(name));
                        scopes.computeIfAbsent(name, n -> new LinkedHashSet<>()).addAll(required);
                    }
                });
            }
        }
        NameAllocator methods = new NameAllocator();
        List.of("baseUri", "httpClient", "requestInterceptor", "listener", "connectTimeout", "requestTimeout",
                "maxStepExecutions", "build", "credentials").forEach(reserved -> methods.newName(reserved, reserved));
        List<WorkflowModel.SecuritySchemeModel> schemes = new ArrayList<>();
        found.forEach((name, scheme) -> securityScheme(name, scheme, new ArrayList<>(scopes.get(name)), methods)
                .ifPresent(schemes::add));
        return schemes;
    }

    /** {@code scopes}: those the workflow's operations require of the scheme, which a token is asked for. */
    private static Optional<WorkflowModel.SecuritySchemeModel> securityScheme(String name,
            io.swagger.v3.oas.models.security.SecurityScheme scheme, List<String> scopes, NameAllocator methods) {
        String description = scheme.getDescription();
        if (scheme.getType() == null) {
            return Optional.empty();
        }
        switch (scheme.getType()) {
            case APIKEY -> {
                return Optional.of(new WorkflowModel.SecuritySchemeModel(name, methods.newName(JavaNames.camel(name)),
                        WorkflowModel.SecurityKind.API_KEY, scheme.getIn() == null ? "header" : scheme.getIn().toString(),
                        scheme.getName(), null, List.of(), description));
            }
            case HTTP -> {
                String httpScheme = scheme.getScheme() == null ? "" : scheme.getScheme().toLowerCase(Locale.ROOT);
                if (httpScheme.equals("basic") || httpScheme.equals("bearer")) {
                    return Optional.of(new WorkflowModel.SecuritySchemeModel(name, methods.newName(JavaNames.camel(name)),
                            httpScheme.equals("basic") ? WorkflowModel.SecurityKind.BASIC : WorkflowModel.SecurityKind.BEARER,
                            null, null, null, List.of(), description));
                }
                return Optional.empty();
            }
            case OAUTH2 -> {
                var flow = scheme.getFlows() == null ? null : scheme.getFlows().getClientCredentials();
                return Optional.of(new WorkflowModel.SecuritySchemeModel(name, methods.newName(JavaNames.camel(name)),
                        flow != null ? WorkflowModel.SecurityKind.OAUTH2_CLIENT_CREDENTIALS : WorkflowModel.SecurityKind.BEARER,
                        null, null, flow == null ? null : flow.getTokenUrl(), scopes, description));
            }
            default -> {
                return Optional.empty();
            }
        }
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
                Schema<?> schema = TypeMapper.jsonSchema(response.getContent());
                if (schema != null) {
                    return schema;
                }
            }
        }
        return null;
    }

    private TypeName outputType(Step step, String name, RuntimeExpression expression, Schema<?> responseSchema,
            ResolvedOperation operation, List<InputModel> inputs, Map<String, StepModel> earlier,
            List<DependencyModel> dependencies) {
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
            return types.output(schema.get(), operation.source().openApi(), name);
        }
        return typeOf(expression, inputs, earlier, null, dependencies);
    }

    /**
     * The OpenAPI schema a value has: the response schema at a {@code $response.body} pointer, or the
     * schema of an earlier step's output at a pointer into it; null when no schema says.
     */
    private static WorkflowModel.ValueSchema schemaOf(RuntimeExpression expression, Schema<?> responseSchema,
            ResolvedOperation operation, Map<String, StepModel> steps) {
        if (expression instanceof RuntimeExpression.ResponseBody body && responseSchema != null && operation != null) {
            return TypeMapper.at(responseSchema, body.pointer(), operation.source().openApi())
                    .map(schema -> new WorkflowModel.ValueSchema(schema, operation.source().openApi())).orElse(null);
        }
        if (expression instanceof RuntimeExpression.StepOutput read && steps.containsKey(read.stepId())) {
            WorkflowModel.ValueSchema earlier = steps.get(read.stepId()).output(read.name())
                    .map(OutputModel::schema).orElse(null);
            if (earlier == null) {
                return null;
            }
            return TypeMapper.at(earlier.schema(), read.pointer(), earlier.openApi())
                    .map(schema -> new WorkflowModel.ValueSchema(schema, earlier.openApi())).orElse(null);
        }
        return null;
    }

    private static TypeName typeOf(RuntimeExpression expression, List<InputModel> inputs, Map<String, StepModel> steps,
            CalleeModel callee, List<DependencyModel> dependencies) {
        if (expression instanceof RuntimeExpression.Output output && output.pointer().isEmpty() && callee != null) {
            return callee.output(output.name()).map(OutputModel::type).orElse(TypeMapper.JSON_NODE);
        }
        if (expression instanceof RuntimeExpression.WorkflowValue value && value.pointer().isEmpty()) {
            Optional<DependencyModel> dependency = dependencies.stream()
                    .filter(d -> d.reference().equals(value.workflowId())
                            || d.callee().workflowId().equals(value.workflowId())).findFirst();
            if (dependency.isPresent()) {
                return value.output()
                        ? dependency.get().callee().output(value.name()).map(OutputModel::type).orElse(TypeMapper.JSON_NODE)
                        : dependency.get().callee().input(value.name()).map(InputModel::type).orElse(TypeMapper.JSON_NODE);
            }
        }
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

    private ValueModel value(JsonNode node, Reads reads) {
        if (node.isTextual()) {
            String text = node.asText();
            if (RuntimeExpressionParser.isExpression(text) && parses(text.strip())) {
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

    private List<CriterionModel> criteria(List<Criterion> criteria, Reads reads) {
        List<CriterionModel> models = new ArrayList<>();
        for (Criterion criterion : criteria) {
            RuntimeExpression context = criterion.context() == null ? null : parse(criterion.context().strip());
            if (context != null) {
                collectReads(context, reads);
            }
            switch (criterion.type()) {
                case "regex" -> models.add(new WorkflowModel.RegexCriterion(criterion.condition(), context,
                        Pattern.compile(criterion.condition())));
                case "jsonpath" -> models.add(new WorkflowModel.JsonPathCriterion(criterion.condition(), context,
                        JsonPathParser.parseCriterion(criterion.condition())));
                case "xpath" -> models.add(new WorkflowModel.XPathCriterion(criterion.condition(), context,
                        criterion.condition().strip(), !"xpath-10".equals(criterion.version())));
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
    private List<ActionModel> actions(List<Action> own, List<Action> inherited, Reads reads,
            Map<String, CalleeModel> callees) {
        List<ActionModel> models = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Action action : own) {
            names.add(action.name());
            models.add(action(action, reads, callees));
        }
        for (Action action : inherited) {
            if (!names.contains(action.name())) {
                models.add(action(action, reads, callees));
            }
        }
        return models;
    }

    private ActionModel action(Action action, Reads reads, Map<String, CalleeModel> callees) {
        ActionType type = ActionType.valueOf(action.type().toUpperCase(Locale.ROOT));
        WorkflowTarget target = checked.workflows().get(action.pointer() + "/workflowId");
        CalleeModel workflow = target == null ? null : callee(callees, target);
        return new ActionModel(action.name(), type, action.stepId(), workflow,
                action.retryAfter() == null ? 0 : action.retryAfter().doubleValue(),
                action.retryLimit() == null ? 1 : action.retryLimit(), criteria(action.criteria(), reads));
    }

    private static void collectReads(Condition condition, Reads reads) {
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

    private static void collectReads(Condition.Operand operand, Reads reads) {
        if (operand instanceof Condition.Reference reference) {
            collectReads(reference.expression(), reads);
        }
    }

    private static void collectReads(RuntimeExpression expression, Reads reads) {
        if (expression instanceof RuntimeExpression.StepOutput output) {
            reads.steps().add(output.stepId());
        } else if (expression instanceof RuntimeExpression.WorkflowValue value) {
            reads.workflows().add(value.workflowId());
        }
    }

    private static boolean parses(String text) {
        try {
            RuntimeExpressionParser.parse(text);
            return true;
        } catch (ExpressionSyntaxException e) {
            return false;
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
