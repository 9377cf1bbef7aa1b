package dev.arazzo.codegen.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import dev.arazzo.codegen.bind.BoundDocument;
import dev.arazzo.codegen.bind.BoundDocument.BoundAction;
import dev.arazzo.codegen.bind.BoundDocument.BoundCriterion;
import dev.arazzo.codegen.bind.BoundDocument.BoundDependency;
import dev.arazzo.codegen.bind.BoundDocument.BoundExpression;
import dev.arazzo.codegen.bind.BoundDocument.BoundParameter;
import dev.arazzo.codegen.bind.BoundDocument.BoundStep;
import dev.arazzo.codegen.bind.BoundDocument.BoundValue;
import dev.arazzo.codegen.bind.BoundDocument.BoundWorkflow;
import dev.arazzo.codegen.bind.BoundMessage;
import dev.arazzo.codegen.bind.StepDependencies;
import dev.arazzo.codegen.bind.WorkflowTarget;
import dev.arazzo.codegen.diagnostic.Diagnostics;
import dev.arazzo.codegen.diagnostic.SourceLocation;
import dev.arazzo.codegen.expression.Condition;
import dev.arazzo.codegen.expression.RuntimeExpression;
import dev.arazzo.codegen.expression.RuntimeExpressionParser.TemplatePart;
import dev.arazzo.codegen.load.ArazzoDocument;
import dev.arazzo.codegen.load.ArazzoDocument.Step;
import dev.arazzo.codegen.load.ArazzoDocument.Workflow;
import dev.arazzo.codegen.load.SourceDocument;
import dev.arazzo.codegen.model.WorkflowModel.ActionModel;
import dev.arazzo.codegen.model.WorkflowModel.ActionType;
import dev.arazzo.codegen.model.WorkflowModel.BodyModel;
import dev.arazzo.codegen.model.WorkflowModel.CalleeModel;
import dev.arazzo.codegen.model.WorkflowModel.CriterionModel;
import dev.arazzo.codegen.model.WorkflowModel.DependencyModel;
import dev.arazzo.codegen.model.WorkflowModel.InputModel;
import dev.arazzo.codegen.model.WorkflowModel.OutputModel;
import dev.arazzo.codegen.model.WorkflowModel.ParameterModel;
import dev.arazzo.codegen.model.WorkflowModel.SourceModel;
import dev.arazzo.codegen.model.WorkflowModel.StepModel;
import dev.arazzo.codegen.model.WorkflowModel.ValueModel;
import dev.arazzo.codegen.model.WorkflowModel.ValueSchema;
import dev.arazzo.codegen.source.ApiSource;
import dev.arazzo.codegen.source.MediaKind;
import dev.arazzo.codegen.source.OperationView;
import dev.arazzo.codegen.source.ParameterLocation;
import dev.arazzo.codegen.source.ParameterStyle;
import dev.arazzo.codegen.source.ParameterView;
import dev.arazzo.codegen.source.ResponseView;
import dev.arazzo.codegen.source.SchemaView;
import dev.arazzo.codegen.source.SecuritySchemeView;
import dev.arazzo.codegen.source.asyncapi.AsyncApiDocument;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * The model stage: turns bound, checked documents into {@link WorkflowModel}s, choosing every Java name
 * and type. It parses nothing: expressions, conditions and queries come parsed from the bind stage.
 * Problems it can still find (a pointer that the response schema says cannot exist) are warnings; the
 * value is then typed as JsonNode. A JSON Pointer into a response the OpenAPI describes as text or bytes
 * is an error ({@code pointer-into-non-json}).
 */
public final class ModelBuilder {

    private final BoundDocument bound;
    private final ArazzoDocument document;
    private final Diagnostics diagnostics;
    private final Map<String, WorkflowModel> built;
    private final StepLinks links;
    private TypeMapper types;

    private ModelBuilder(BoundDocument bound, Diagnostics diagnostics, Map<String, WorkflowModel> built,
            StepLinks links) {
        this.bound = bound;
        this.document = bound.document();
        this.diagnostics = diagnostics;
        this.built = built;
        this.links = links;
    }

    /**
     * The generated classes of all workflows, by {@link #key}, and the steps ({@code key + "/" + stepId})
     * whose completion a step of another workflow depends on; {@code servers}: the server of each operation
     * (by identity) for each url of its source description, worked out once for every step and workflow that
     * calls it ({@link ServerModels#of} parses its url).
     */
    private record StepLinks(Map<String, ClassName> classes, Set<String> recorded,
            Map<OperationView, Map<String, WorkflowModel.ServerModel>> servers) {
    }

    /**
     * Models every workflow of {@code documents} (the document a user named first, then the Arazzo
     * documents its sources name), each workflow after the workflows it calls. Calls that form a cycle
     * are errors.
     */
    public static List<WorkflowModel> build(List<BoundDocument> documents, String packageName, Diagnostics diagnostics) {
        NameAllocator classNames = new NameAllocator();
        Map<String, ClassName> classes = new LinkedHashMap<>();
        Map<String, BoundDocument> owners = new LinkedHashMap<>();
        for (BoundDocument bound : documents) {
            for (Workflow workflow : bound.document().workflows()) {
                String key = key(bound.document(), workflow);
                if (!classes.containsKey(key)) {
                    classes.put(key, ClassName.get(packageName,
                            JavaNames.typeName(classNames, JavaNames.pascal(workflow.workflowId()) + "Workflow")));
                    owners.put(key, bound);
                }
            }
        }
        // each key's bound workflow, the first of its owner's with that key: looked up once, not per workflow
        Map<String, BoundWorkflow> workflows = new HashMap<>();
        Set<String> recorded = new HashSet<>();
        for (BoundDocument bound : documents) {
            for (BoundWorkflow workflow : bound.workflows()) {
                String key = key(bound.document(), workflow.workflow());
                if (owners.get(key) == bound) {
                    workflows.putIfAbsent(key, workflow);
                }
                for (BoundStep step : workflow.steps()) {
                    for (StepDependencies.Target target : StepDependencies.of(bound, workflow.workflow(), step.step())) {
                        if (target.resolved() && !target.local()) {
                            recorded.add(key(target.workflow().document(), target.workflow().workflow()) + "/"
                                    + target.stepId());
                        }
                    }
                }
            }
        }
        StepLinks links = new StepLinks(classes, recorded, new IdentityHashMap<>());
        Map<String, WorkflowModel> built = new LinkedHashMap<>();
        Set<String> building = new LinkedHashSet<>();
        for (String key : classes.keySet()) {
            buildInOrder(key, links, owners, workflows, built, building, diagnostics);
        }
        List<WorkflowModel> models = new ArrayList<>();
        classes.keySet().forEach(key -> {
            if (built.get(key) != null) {
                models.add(built.get(key));
            }
        });
        return models;
    }

    private static void buildInOrder(String key, StepLinks links, Map<String, BoundDocument> owners,
            Map<String, BoundWorkflow> workflows, Map<String, WorkflowModel> built, Set<String> building,
            Diagnostics diagnostics) {
        Map<String, ClassName> classes = links.classes();
        if (built.containsKey(key)) {
            return;
        }
        BoundDocument bound = owners.get(key);
        BoundWorkflow workflow = workflows.get(key);
        if (workflow == null) {
            throw new NoSuchElementException("no bound workflow " + key);
        }
        if (!building.add(key)) {
            diagnostics.error("workflow-cycle", bound.document().locate(workflow.pointer() + "/workflowId"),
                    "workflow '" + workflow.workflowId() + "' calls itself through " + String.join(" -> ",
                            building.stream().map(k -> k.substring(k.indexOf('#') + 1)).toList())
                    + "; a generated workflow cannot call itself");
            built.put(key, null);
            return;
        }
        if (callsItself(bound, workflow, diagnostics)) {
            built.put(key, null);
            building.remove(key);
            return;
        }
        for (WorkflowTarget call : calls(workflow)) {
            buildInOrder(key(call.document(), call.workflow()), links, owners, workflows, built, building,
                    diagnostics);
        }
        building.remove(key);
        if (built.containsKey(key)) {
            return;
        }
        built.put(key, new ModelBuilder(bound, diagnostics, built, links).workflow(workflow, classes.get(key)));
    }

    /**
     * Reports each step and action of {@code workflow} that runs {@code workflow} itself (a generated class
     * cannot hold an instance of itself); whether there was any.
     */
    private static boolean callsItself(BoundDocument bound, BoundWorkflow workflow, Diagnostics diagnostics) {
        boolean any = false;
        List<BoundAction> actions = new ArrayList<>(workflow.successActions());
        actions.addAll(workflow.failureActions());
        for (BoundStep step : workflow.steps()) {
            if (step.callee() != null && step.callee().sameAs(bound.document(), workflow.workflow())) {
                diagnostics.error("workflow-cycle", bound.document().locate(step.step().pointer() + "/workflowId"),
                        "step '" + step.stepId() + "' runs workflow '" + workflow.workflowId() + "', the workflow it "
                        + "belongs to; a generated workflow cannot call itself");
                any = true;
            }
            actions.addAll(step.onSuccess());
            actions.addAll(step.onFailure());
        }
        for (BoundAction action : actions) {
            if (action.workflow() != null && action.workflow().sameAs(bound.document(), workflow.workflow())) {
                diagnostics.error("goto-own-workflow", bound.document().locate(action.action().pointer()
                        + "/workflowId"), "action '" + action.name() + "' goes to workflow '" + workflow.workflowId()
                        + "', the one it is in; to start it over, go to its first step with 'stepId' instead");
                any = true;
            }
        }
        return any;
    }

    /** The workflows a workflow runs: those it depends on, those its steps call, those its actions run. */
    private static List<WorkflowTarget> calls(BoundWorkflow workflow) {
        List<WorkflowTarget> calls = new ArrayList<>();
        workflow.dependsOn().stream().map(BoundDependency::target).forEach(calls::add);
        for (BoundStep step : workflow.steps()) {
            calls.add(step.callee());
            step.onSuccess().forEach(action -> calls.add(action.workflow()));
            step.onFailure().forEach(action -> calls.add(action.workflow()));
        }
        workflow.successActions().forEach(action -> calls.add(action.workflow()));
        workflow.failureActions().forEach(action -> calls.add(action.workflow()));
        calls.removeIf(java.util.Objects::isNull);
        return calls;
    }

    private static String key(ArazzoDocument document, Workflow workflow) {
        return document.source().file() + "#" + workflow.workflowId();
    }

    /** An allocator with the names that the generated code reserves in scope {@code kind} taken. */
    private static NameAllocator reserving(NameScope.Kind kind) {
        NameAllocator names = new NameAllocator();
        kind.reserved().forEach(reserved -> names.newName(reserved, reserved));
        if (kind == NameScope.Kind.NESTED_TYPES) {
            kind.reserved().forEach(reserved -> JavaNames.reserveType(names, reserved));
        }
        return names;
    }

    /** What a step's expressions read besides inputs: earlier steps' results and dependencies' outputs. */
    private record Reads(Set<String> steps, Set<String> workflows) {
        Reads() {
            this(new LinkedHashSet<>(), new LinkedHashSet<>());
        }
    }

    private WorkflowModel workflow(BoundWorkflow workflow, ClassName className) {
        NameAllocator nested = reserving(NameScope.Kind.NESTED_TYPES);
        nested.newName(className.simpleName(), className.simpleName());
        JavaNames.reserveType(nested, className.simpleName());
        this.types = new TypeMapper(className, nested, document.source().root());
        List<InputModel> inputs = inputs(workflow);
        NameAllocator fields = reserving(NameScope.Kind.FIELDS);
        Map<String, CalleeModel> callees = new LinkedHashMap<>();
        for (WorkflowTarget call : calls(workflow)) {
            WorkflowModel callee = built.get(key(call.document(), call.workflow()));
            if (callee != null && !callees.containsKey(callee.className().simpleName())) {
                callees.put(callee.className().simpleName(), new CalleeModel(callee.workflowId(), callee.className(),
                        JavaNames.newName(fields, JavaNames.camel(callee.className().simpleName())), callee.sources(),
                        callee.inputs(), callee.outputs(), MessageModels.usesMessages(callee),
                        MessageModels.listened(callee, true)));
            }
        }
        Map<String, SourceModel> sources = new LinkedHashMap<>();
        for (ApiSource source : bound.sources().apis().values()) {
            boolean used = workflow.steps().stream().anyMatch(s -> s.operation() != null
                    && s.operation().source() == source);
            if (used) {
                sources.put(source.name(), new SourceModel(source.name(),
                        JavaNames.newName(fields, JavaNames.camel(source.name()) + "BaseUri")));
            }
        }
        for (CalleeModel callee : callees.values()) {
            for (SourceModel source : callee.sources()) {
                sources.computeIfAbsent(source.name(), name -> new SourceModel(name,
                        JavaNames.newName(fields, JavaNames.camel(name) + "BaseUri")));
            }
        }
        List<WorkflowModel.ServerModel> servers = servers(workflow, sources, callees.values(), fields);
        NameAllocator locals = reserving(NameScope.Kind.LOCALS);
        List<DependencyModel> dependencies = new ArrayList<>();
        for (BoundDependency dependsOn : workflow.dependsOn()) {
            CalleeModel callee = callee(callees, dependsOn.target());
            dependencies.add(new DependencyModel(dependsOn.reference(), callee,
                    JavaNames.newName(locals, JavaNames.camel(callee.workflowId()) + "Outputs"), null));
        }
        for (BoundDependency dependsOn : workflow.dependsOn()) {
            unfilled(inputs, callee(callees, dependsOn.target()), dependsOn.pointer(), "dependsOn entry '"
                    + dependsOn.reference() + "'");
        }
        List<BoundAction> actionsRun = new ArrayList<>();
        for (BoundStep step : workflow.steps()) {
            if (step.callee() != null && step.step().parameters().isEmpty()) {
                unfilled(inputs, callee(callees, step.callee()), step.step().pointer() + "/workflowId",
                        "step '" + step.stepId() + "'");
            }
            actionsRun.addAll(concat(step.onSuccess(), step.onFailure()));
        }
        actionsRun.addAll(concat(workflow.successActions(), workflow.failureActions()));
        for (BoundAction action : actionsRun) {
            if (action.workflow() != null) {
                Set<String> passed = new HashSet<>();
                action.parameters().forEach(parameter -> passed.add(parameter.name()));
                unfilled(inputs, callee(callees, action.workflow()), passed, action.action().pointer()
                        + "/workflowId", "action '" + action.name() + "'");
            }
        }
        Set<String> workflowsRead = new HashSet<>();
        expressions(workflow, (pointer, expression) -> {
            if (expression instanceof RuntimeExpression.WorkflowValue value) {
                workflowsRead.add(value.workflowId());
            }
        });
        for (BoundStep step : workflow.steps()) {
            if (step.callee() == null) {
                continue;
            }
            CalleeModel callee = callee(callees, step.callee());
            boolean read = workflowsRead.contains(step.step().workflowId())
                    || workflowsRead.contains(callee.workflowId());
            int declared = -1;
            for (int i = 0; i < dependencies.size(); i++) {
                declared = dependencies.get(i).callee().equals(callee) ? i : declared;
            }
            if (read && declared < 0) {
                dependencies.add(new DependencyModel(step.step().workflowId(), callee,
                        JavaNames.newName(locals, JavaNames.camel(callee.workflowId()) + "Outputs"), step.stepId()));
            } else if (read) {
                // $workflows.<id>.outputs after this step are the outputs of its run, dependsOn or not
                dependencies.set(declared, dependencies.get(declared).calledBy(step.stepId()));
            }
        }
        NameAllocator methods = reserving(NameScope.Kind.METHODS);
        callees.values().forEach(c -> methods.newName(c.fieldName() + "Inputs", c.fieldName() + "Inputs"));
        List<StepModel> steps = new ArrayList<>();
        Map<String, StepModel> byId = new LinkedHashMap<>();
        for (BoundStep step : workflow.steps()) {
            CalleeModel callee = step.callee() == null ? null : callee(callees, step.callee());
            StepModel model = step(workflow, step, callee,
                    step.operation() == null ? null : sources.get(step.operation().source().name()),
                    JavaNames.newName(methods, JavaNames.camel(step.stepId())),
                    className.nestedClass(JavaNames.typeName(nested, JavaNames.pascal(step.stepId()) + "Result")),
                    inputs, byId, callees, dependencies,
                    step.operation() == null ? null : server(step.operation(), servers));
            steps.add(model);
            byId.put(step.stepId(), model);
        }
        NameAllocator outputNames = reserving(NameScope.Kind.COMPONENTS);
        List<OutputModel> outputs = new ArrayList<>();
        workflow.outputs().forEach((name, output) -> {
            RuntimeExpression expression = output.expression();
            ValueSchema schema = schemaOf(expression, null, byId);
            outputs.add(new OutputModel(name, JavaNames.newName(outputNames, JavaNames.camel(name)),
                    expression instanceof RuntimeExpression.JsonPathSelection selection
                            ? selectionType(selection, schemaOf(selection.context(), null, byId), name)
                            : expression instanceof RuntimeExpression.XPathSelection selection
                            ? xpathType(selection)
                            : schema != null && expression instanceof RuntimeExpression.StepOutput
                            ? types.output(schema.schema(), name)
                            : typeOf(expression, inputs, byId, null, dependencies), expression, output.text(), schema));
        });
        // last, so that the members checked take the types the outputs that read them gave
        steps.replaceAll(model -> withChecks(workflow, model));
        return new WorkflowModel(workflow.workflowId(), className, workflow.workflow().summary(),
                workflow.workflow().description(), document.source().file(), new ArrayList<>(sources.values()), inputs,
                outputs, steps, new ArrayList<>(callees.values()), dependencies, sourceUrls(),
                securitySchemes(workflow, callees.values()), types.types(), servers);
    }

    /**
     * The servers of the workflow's operations, each once, then those of the workflows it calls: a
     * document's server in its source's field, an operation's or path's in one named after the operation.
     */
    private List<WorkflowModel.ServerModel> servers(BoundWorkflow workflow, Map<String, SourceModel> sources,
            java.util.Collection<CalleeModel> callees, NameAllocator fields) {
        List<WorkflowModel.ServerModel> servers = new ArrayList<>();
        for (BoundStep step : workflow.steps()) {
            OperationView operation = step.operation();
            if (operation == null || step.callee() != null) {
                continue;
            }
            WorkflowModel.ServerModel server = serverOf(operation);
            if (servers.stream().noneMatch(server::sameAs)) {
                boolean documents = operation.servers().equals(operation.source().servers());
                String field = documents ? sources.get(operation.source().name()).fieldName()
                        : JavaNames.newName(fields, JavaNames.camel(operation.operationId() != null
                                ? operation.operationId() : operation.source().name()) + "BaseUri");
                servers.add(server.named(field));
            }
        }
        for (CalleeModel callee : callees) {
            WorkflowModel model = built.values().stream().filter(m -> m.className().equals(callee.className()))
                    .findFirst().orElse(null);
            for (WorkflowModel.ServerModel server : model == null ? List.<WorkflowModel.ServerModel>of()
                    : model.servers()) {
                if (servers.stream().noneMatch(server::sameAs)) {
                    servers.add(server.named(JavaNames.newName(fields, server.fieldName())));
                }
            }
        }
        return servers;
    }

    /** The server of {@code operation} among the workflow's. */
    private WorkflowModel.ServerModel server(OperationView operation, List<WorkflowModel.ServerModel> servers) {
        WorkflowModel.ServerModel server = serverOf(operation);
        return servers.stream().filter(server::sameAs).findFirst().orElseThrow();
    }

    /** {@link ServerModels#of} {@code operation}, with the url of its source description in this document. */
    private WorkflowModel.ServerModel serverOf(OperationView operation) {
        String sourceUrl = document.sourceDescription(operation.source().name())
                .map(ArazzoDocument.SourceDescription::url).orElse(null);
        Map<String, WorkflowModel.ServerModel> byUrl = links.servers().computeIfAbsent(operation,
                o -> new HashMap<>());
        WorkflowModel.ServerModel server = byUrl.get(sourceUrl);
        if (server == null) {
            server = ServerModels.of(operation, sourceUrl, null);
            byUrl.put(sourceUrl, server);
        }
        return server;
    }

    private Map<String, String> sourceUrls() {
        Map<String, String> urls = new LinkedHashMap<>();
        document.sourceDescriptions().forEach(source -> urls.put(source.name(), source.url()));
        if (document.self() != null) {
            urls.put(WorkflowModel.SELF, document.self());
        }
        return urls;
    }

    private CalleeModel callee(Map<String, CalleeModel> callees, WorkflowTarget target) {
        WorkflowModel model = built.get(key(target.document(), target.workflow()));
        return callees.get(model.className().simpleName());
    }

    /**
     * The inputs the schema declares, in its order, then inputs the workflow reads without declaring
     * them (reported as warnings by the checker), untyped, in the order the document writes them.
     */
    private List<InputModel> inputs(BoundWorkflow workflow) {
        // the schema as written, $refs and all, so that a $ref names the type it becomes
        JsonNode schema = workflow.workflow().inputs() == null ? null
                : types.dereference(document.source().root().at(workflow.pointer() + "/inputs"));
        NameAllocator names = TypeMapper.componentNames();
        List<InputModel> inputs = new ArrayList<>();
        Set<String> declared = new HashSet<>();
        if (schema != null && schema.has("properties")) {
            inputs.addAll(types.inputProperties(schema, names));
            inputs.forEach(input -> declared.add(input.name()));
        }
        record Read(SourceLocation at, String name) {
        }
        List<Read> undeclared = new ArrayList<>();
        expressions(workflow, (pointer, expression) -> {
            if (expression instanceof RuntimeExpression.Input input && !declared.contains(input.name())) {
                undeclared.add(new Read(document.locate(pointer), input.name()));
            }
        });
        undeclared.sort(Comparator.comparingInt((Read read) -> read.at().line()).thenComparingInt(read -> read.at().column()));
        for (Read read : undeclared) {
            if (declared.add(read.name())) {
                inputs.add(new InputModel(read.name(), JavaNames.newName(names, JavaNames.camel(read.name())),
                        TypeMapper.JSON_NODE, false, "read by the workflow but not declared in its inputs schema"));
            }
        }
        return inputs;
    }

    /** Every runtime expression of a workflow, with the pointer of the node that holds it, in traversal order. */
    private static void expressions(BoundWorkflow workflow, java.util.function.BiConsumer<String, RuntimeExpression> read) {
        // a selector reads its context
        java.util.function.BiConsumer<String, RuntimeExpression> each = (pointer, e) -> read.accept(pointer, e.read());
        for (BoundStep step : workflow.steps()) {
            // plain loops: this walk runs in every cold generation, where each lambda is a class to spin
            for (BoundParameter parameter : step.parameters()) {
                expressions(parameter.value(), each);
            }
            if (step.body() != null) {
                if (step.body().payload() != null) {
                    expressions(step.body().payload(), each);
                }
                for (BoundDocument.BoundReplacement replacement : step.body().replacements()) {
                    if (replacement.value() != null) {
                        expressions(replacement.value(), each);
                    }
                }
            }
            expressions(step.successCriteria(), each);
            for (BoundAction action : concat(step.onSuccess(), step.onFailure())) {
                expressions(action.criteria(), each);
            }
            for (BoundExpression output : step.outputs().values()) {
                each.accept(output.pointer(), output.expression());
            }
        }
        for (BoundAction action : concat(workflow.successActions(), workflow.failureActions())) {
            expressions(action.criteria(), each);
        }
        for (BoundExpression output : workflow.outputs().values()) {
            each.accept(output.pointer(), output.expression());
        }
    }

    private static void expressions(List<BoundCriterion> criteria,
            java.util.function.BiConsumer<String, RuntimeExpression> each) {
        for (BoundCriterion criterion : criteria) {
            expressions(criterion, each);
        }
    }

    private static void expressions(BoundValue value, java.util.function.BiConsumer<String, RuntimeExpression> each) {
        if (value instanceof BoundDocument.ExpressionValue expression) {
            each.accept(expression.pointer(), expression.expression().expression());
            if (expression.component() != null) {
                expressions(expression.component(), each);
            }
        } else if (value instanceof BoundDocument.TemplateValue template) {
            for (TemplatePart part : template.parts()) {
                if (part instanceof TemplatePart.Embedded embedded) {
                    each.accept(template.pointer(), embedded.expression());
                }
            }
        } else if (value instanceof BoundDocument.ObjectValue object) {
            for (BoundDocument.Member member : object.members()) {
                expressions(member.value(), each);
            }
        } else if (value instanceof BoundDocument.ArrayValue array) {
            for (BoundValue element : array.elements()) {
                expressions(element, each);
            }
        }
    }

    private static void expressions(BoundCriterion criterion, java.util.function.BiConsumer<String, RuntimeExpression> each) {
        if (criterion.context() != null) {
            each.accept(criterion.context().pointer(), criterion.context().expression());
        }
        if (criterion instanceof BoundDocument.SimpleCriterion simple) {
            String pointer = simple.criterion().pointer() + "/condition";
            for (Condition.Reference reference : simple.condition().references()) {
                each.accept(pointer, reference.expression());
            }
        }
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /**
     * Reports each required input of {@code callee} that {@code inputs} (the caller's) do not fill by
     * {@link CalleeInputs}' rule, at {@code pointer}, the call written by {@code who}.
     */
    private void unfilled(List<InputModel> inputs, CalleeModel callee, String pointer, String who) {
        unfilled(inputs, callee, Set.of(), pointer, who);
    }

    /** As {@link #unfilled(List, CalleeModel, String, String)}, but the inputs named {@code passed} are given. */
    private void unfilled(List<InputModel> inputs, CalleeModel callee, Set<String> passed, String pointer,
            String who) {
        for (InputModel missing : CalleeInputs.unfilled(inputs, callee)) {
            if (passed.contains(missing.name())) {
                continue;
            }
            diagnostics.error("missing-input", document.locate(pointer), who + " runs workflow '" + callee.workflowId()
                    + "' with this workflow's inputs of the same name and type, but none fills its required input '"
                    + missing.name() + "'; declare an input '" + missing.name() + "' of the same type"
                    + (who.startsWith("step") ? ", or pass it in the step's parameters" : ""));
        }
    }

    private StepModel step(BoundWorkflow workflow, BoundStep step, CalleeModel callee, SourceModel source,
            String methodName, ClassName resultType, List<InputModel> inputs, Map<String, StepModel> earlier,
            Map<String, CalleeModel> callees, List<DependencyModel> dependencies, WorkflowModel.ServerModel server) {
        Reads reads = new Reads();
        OperationView operation = step.operation();
        List<ParameterModel> parameters = new ArrayList<>();
        WorkflowModel.WorkflowCall call = null;
        if (callee != null && step.step().parameters().isEmpty()) {
            // no parameters: this workflow's inputs by name and type, as for goto, retry and dependsOn
            call = new WorkflowModel.WorkflowCall(callee, CalleeInputs.byNameAndType(inputs, callee));
        } else if (callee != null) {
            List<WorkflowModel.CallInput> passed = new ArrayList<>();
            for (BoundParameter parameter : step.parameters()) {
                passed.add(new WorkflowModel.CallInput(callee.input(parameter.name()).orElseThrow(),
                        value(parameter.value(), reads)));
            }
            call = new WorkflowModel.WorkflowCall(callee, passed);
        } else if (step.message() == null) {
            for (BoundParameter parameter : step.parameters()) {
                Optional<ParameterView> declared = operation.declared(parameter.name(), parameter.location());
                ParameterLocation location = parameter.location() != null ? parameter.location()
                        : declared.map(ParameterView::location).orElse(null);
                String name = declared.map(ParameterView::name).orElse(parameter.name());
                if (location != null) {
                    parameters.add(parameter(name, location, declared.orElse(null),
                            oneUnlessArray(value(parameter.value(), reads), declared.orElse(null))));
                }
            }
        }
        BodyModel body = null;
        if (callee == null && step.message() == null && step.body() != null && step.body().payload() != null) {
            List<WorkflowModel.ReplacementModel> replacements = new ArrayList<>();
            for (BoundDocument.BoundReplacement replacement : step.body().replacements()) {
                BoundDocument.XPathTarget xpath = replacement.xpath();
                replacements.add(new WorkflowModel.ReplacementModel(replacement.query() != null
                        ? replacement.replacement().target().strip() : replacement.target(),
                        replacement.value() == null ? new WorkflowModel.LiteralValue(NullNode.getInstance())
                                : value(replacement.value(), reads),
                        xpath == null ? null : xpath.expression(), xpath != null && xpath.saxon(), replacement.query()));
            }
            body = new BodyBuilder(document, diagnostics).body(step, operation, value(step.body().payload(), reads),
                    replacements, inputs);
        }
        List<CriterionModel> successCriteria = criteria(step.successCriteria(), reads);
        ResponseView expected = operation == null ? null : expectedResponse(operation, successCriteria);
        ResponseView.BodyKind kind = expected == null || expected.bodyKind() == null
                ? ResponseView.BodyKind.JSON : expected.bodyKind();
        SchemaView responseSchema = operation == null || kind != ResponseView.BodyKind.JSON ? null
                : responseSchema(operation, successCriteria);
        if (kind != ResponseView.BodyKind.JSON) {
            pointersIntoNonJson(workflow, step, expected);
        } else if (expected != null && expected.bodyKind() != null) {
            xpathIntoJson(step, expected);
        }
        NameAllocator outputNames = reserving(NameScope.Kind.COMPONENTS);
        List<OutputModel> outputs = new ArrayList<>();
        step.outputs().forEach((name, output) -> {
            RuntimeExpression expression = output.expression();
            collectReads(expression, reads);
            ValueSchema schema = schemaOf(expression, responseSchema, earlier);
            TypeName type = operation == null
                    ? typeOf(expression, inputs, earlier, callee, dependencies)
                    : outputType(step.step(), name, expression, responseSchema, kind, operation, inputs, earlier,
                            dependencies);
            if (schema != null && expression instanceof RuntimeExpression.StepOutput) {
                type = types.output(schema.schema(), name);
            }
            if (step.message() != null) {
                type = messageType(step.message(), expression, name, type);
            }
            if (expression instanceof RuntimeExpression.JsonPathSelection selection) {
                type = selectionType(selection, schemaOf(selection.context(), responseSchema, earlier), name);
            } else if (expression instanceof RuntimeExpression.XPathSelection selection) {
                type = xpathType(selection);
            }
            outputs.add(new OutputModel(name, JavaNames.newName(outputNames, JavaNames.camel(name)), type, expression,
                    output.text(), schema));
        });
        List<ActionModel> onSuccess = actions(step.onSuccess(), workflow.successActions(), reads, callees);
        List<ActionModel> onFailure = actions(step.onFailure(), workflow.failureActions(), reads, callees);
        WorkflowModel.StepTarget target = call != null ? call
                : step.message() != null ? messageCall(step, reads)
                : new WorkflowModel.HttpCall(source, operation.method(), operation.path(), parameters, body,
                        security(operation), idempotency(operation, parameters, body), server);
        // a step may read its own outputs of an earlier execution (a goto loop): they are null the first time
        return new StepModel(step.stepId(), methodName, JavaNames.constant(step.stepId()), resultType,
                step.step().description(), target, successCriteria, onSuccess, onFailure, outputs,
                new ArrayList<>(reads.steps()), new ArrayList<>(reads.workflows()), step.step().timeout(),
                stepDependencies(workflow, step), links.recorded().contains(key(document, workflow.workflow()) + "/"
                        + step.stepId()),
                new WorkflowModel.ResponseModel(kind, expected == null ? List.of() : expected.mediaTypes(), List.of()));
    }

    /**
     * The type of a {@code $message} read of a receive step: a header is a String (headers travel as UTF-8
     * text); a payload read is typed from the schema its pointer lands on when the channel carries one message;
     * anything else keeps {@code otherwise}.
     */
    private TypeName messageType(BoundMessage message, RuntimeExpression expression, String name, TypeName otherwise) {
        if (expression instanceof RuntimeExpression.MessageHeader) {
            return ClassName.get(String.class);
        }
        if (expression instanceof RuntimeExpression.MessagePayload payload && message.messages().size() == 1
                && message.messages().get(0).payload() != null) {
            return message.messages().get(0).payload().at(payload.pointer())
                    .map(schema -> types.output(schema, name)).orElse(TypeMapper.JSON_NODE);
        }
        return otherwise;
    }

    /** The message an AsyncAPI step sends or waits for, from what the binder found. */
    private MessageModels.MessageCall messageCall(BoundStep step, Reads reads) {
        BoundMessage message = step.message();
        List<MessageModels.NamedValue> channelParameters = new ArrayList<>();
        List<MessageModels.NamedValue> headers = new ArrayList<>();
        for (BoundParameter parameter : step.parameters()) {
            MessageModels.NamedValue named = new MessageModels.NamedValue(parameter.name(),
                    value(parameter.value(), reads));
            if ("channel".equals(parameter.parameter().in())) {
                channelParameters.add(named);
            } else if ("header".equals(parameter.parameter().in())) {
                headers.add(named);
            }
        }
        String contentType = step.step().requestBody() != null && step.step().requestBody().contentType() != null
                ? step.step().requestBody().contentType()
                : message.messages().stream().map(AsyncApiDocument.Message::contentType)
                        .filter(java.util.Objects::nonNull).findFirst().orElse("application/json");
        BodyModel payload = null;
        if (!message.receives() && step.body() != null && step.body().payload() != null) {
            List<WorkflowModel.ReplacementModel> replacements = new ArrayList<>();
            for (BoundDocument.BoundReplacement replacement : step.body().replacements()) {
                replacements.add(new WorkflowModel.ReplacementModel(replacement.query() != null
                        ? replacement.replacement().target().strip() : replacement.target(),
                        replacement.value() == null ? new WorkflowModel.LiteralValue(NullNode.getInstance())
                                : value(replacement.value(), reads), replacement.query()));
            }
            payload = new BodyModel(contentType, value(step.body().payload(), reads), replacements);
        }
        MessageModels.CorrelationModel correlation = null;
        if (message.receives() && message.correlationId() != null) {
            AsyncApiDocument.CorrelationId located = message.messages().stream()
                    .map(AsyncApiDocument.Message::correlationId).filter(java.util.Objects::nonNull).findFirst()
                    .orElse(null);
            if (located != null) {
                correlation = new MessageModels.CorrelationModel(value(message.correlationId(), reads),
                        located.inHeader(), located.jsonPointer() == null ? "" : located.jsonPointer());
            }
        }
        if (message.channel().address() != null) {
            // an address parameter the step does not give takes the AsyncAPI Parameter Object's default
            java.util.regex.Matcher inAddress = java.util.regex.Pattern.compile("\\{([^{}]+)\\}")
                    .matcher(message.channel().address());
            while (inAddress.find()) {
                String name = inAddress.group(1);
                AsyncApiDocument.ChannelParameter declared = message.channel().parameters().get(name);
                if (channelParameters.stream().noneMatch(p -> p.name().equals(name)) && declared != null
                        && declared.defaultValue() != null) {
                    channelParameters.add(new MessageModels.NamedValue(name,
                            new WorkflowModel.LiteralValue(TextNode.valueOf(declared.defaultValue()))));
                }
            }
        }
        return new MessageModels.MessageCall(message.source().name(), message.receives(), message.channel().key(),
                message.channel().address(), channelParameters, headers, payload, contentType, correlation,
                step.step().timeout(), message.source().protocols().stream().filter(java.util.Objects::nonNull)
                        .distinct().toList());
    }

    /** The step's dependsOn entries (each resolved: the check stage reported those that are not). */
    private List<WorkflowModel.StepDependencyModel> stepDependencies(BoundWorkflow workflow, BoundStep step) {
        List<WorkflowModel.StepDependencyModel> dependencies = new ArrayList<>();
        for (StepDependencies.Target target : StepDependencies.of(bound, workflow.workflow(), step.step())) {
            if (!target.resolved()) {
                continue;
            }
            WorkflowTarget owner = target.workflow();
            dependencies.add(new WorkflowModel.StepDependencyModel(target.reference(), target.local() ? null
                    : links.classes().get(key(owner.document(), owner.workflow())), owner.workflow().workflowId(),
                    target.stepId()));
        }
        return dependencies;
    }

    /** A parameter with the serialization its declaration gives it, OpenAPI's defaults filled in. */
    /**
     * A parameter's value: a JSONPath selection that can give several nodes is the parameter's array when
     * the operation declares it one, else exactly one node is needed (the step fails on none or several).
     */
    private static ValueModel oneUnlessArray(ValueModel value, ParameterView declared) {
        if (!(value instanceof WorkflowModel.ExpressionValue expression)
                || !(expression.expression() instanceof RuntimeExpression.JsonPathSelection
                        || expression.expression() instanceof RuntimeExpression.XPathSelection)) {
            return value;
        }
        SchemaView schema = declared == null || declared.schema() == null ? null : declared.schema().resolved();
        boolean array = schema != null && ("array".equals(schema.type()) || schema.items() != null);
        if (expression.expression() instanceof RuntimeExpression.XPathSelection xpath) {
            return new WorkflowModel.ExpressionValue(array ? xpath.all() : xpath, expression.text());
        }
        RuntimeExpression.JsonPathSelection selection = (RuntimeExpression.JsonPathSelection) expression.expression();
        return array ? value : new WorkflowModel.ExpressionValue(selection.one(), expression.text());
    }

    /**
     * The type of an XPath selection: a String for one node's string value or a string result, a Double for
     * a number, a Boolean for a boolean, and {@code List<String>} for every node of a node-set.
     */
    private static TypeName xpathType(RuntimeExpression.XPathSelection selection) {
        return switch (selection.result()) {
            case STRING -> ClassName.get(String.class);
            case NUMBER -> ClassName.get(Double.class);
            case BOOLEAN -> ClassName.get(Boolean.class);
            case NODES -> selection.single() ? ClassName.get(String.class)
                    : com.palantir.javapoet.ParameterizedTypeName.get(ClassName.get(List.class),
                            ClassName.get(String.class));
        };
    }

    /**
     * The type of a JSONPath selection's node list: {@code List<T>} when every node its query can reach has
     * one schema ({@link SelectionSchemas}), typed from it; else {@code List<JsonNode>}.
     */
    private TypeName selectionType(RuntimeExpression.JsonPathSelection selection, ValueSchema context, String name) {
        SchemaView schema = context == null ? null : SelectionSchemas.of(context.schema(), selection.query());
        TypeName element = schema == null ? TypeMapper.JSON_NODE : types.output(schema, name);
        return com.palantir.javapoet.ParameterizedTypeName.get(ClassName.get(List.class), element);
    }

    private static ParameterModel parameter(String name, ParameterLocation location, ParameterView declared,
            ValueModel value) {
        if (declared == null || declared.ignoredHeader()) {
            ParameterStyle style = location.defaultStyle();
            return new ParameterModel(name, location, style, style.explodesByDefault(), false, null, value, null);
        }
        return new ParameterModel(name, location, declared.style(), declared.explode(), declared.allowReserved(),
                declared.schema() == null ? null : new ValueSchema(declared.schema()), value, declared.contentType());
    }

    private static final Set<String> TOKEN_MEMBERS = Set.of("clienttoken", "idempotencytoken");
    private static final Set<String> TOKEN_HEADERS = Set.of("idempotency-key", "x-idempotency-key");

    /** The idempotency token the operation declares and the step leaves to the generated code, if any. */
    private static WorkflowModel.IdempotencyModel idempotency(OperationView operation,
            List<ParameterModel> parameters, BodyModel body) {
        for (ParameterView declared : operation.parameters()) {
            if (declared.location() == ParameterLocation.HEADER
                    && TOKEN_HEADERS.contains(declared.name().toLowerCase(Locale.ROOT))
                    && parameters.stream().noneMatch(p -> p.name().equalsIgnoreCase(declared.name()))) {
                return new WorkflowModel.IdempotencyModel(false, declared.name());
            }
        }
        if (body == null || body.kind() != MediaKind.JSON
                || !(body.payload() instanceof WorkflowModel.ObjectValue payload)
                || operation.requestJsonSchema() == null) {
            return null;
        }
        SchemaView schema = operation.requestJsonSchema().resolved();
        if (schema == null || schema.properties() == null) {
            return null;
        }
        for (String member : schema.properties().keySet()) {
            if (TOKEN_MEMBERS.contains(member.toLowerCase(Locale.ROOT))
                    && payload.members().stream().noneMatch(m -> m.name().equals(member))
                    && body.replacements().stream().noneMatch(r -> ("/" + member).equals(r.target()))) {
                return new WorkflowModel.IdempotencyModel(true, member);
            }
        }
        return null;
    }

    /** The operation's security requirements (else its document's), as alternatives of scheme names. */
    private static List<List<String>> security(OperationView operation) {
        return operation.securityRequirements().stream().map(r -> (List<String>) new ArrayList<>(r.keySet())).toList();
    }

    /**
     * The security schemes that the workflow's steps require and this generator can give credentials for,
     * then those of the workflows it calls (which share its credentials), each once by name.
     */
    private List<WorkflowModel.SecuritySchemeModel> securitySchemes(BoundWorkflow workflow,
            java.util.Collection<CalleeModel> callees) {
        Map<String, SecuritySchemeView> found = new LinkedHashMap<>();
        Map<String, Set<String>> scopes = new LinkedHashMap<>();
        for (BoundStep step : workflow.steps()) {
            OperationView operation = step.operation();
            if (operation == null) {
                continue;
            }
            Map<String, SecuritySchemeView> declared = operation.source().securitySchemes();
            for (Map<String, List<String>> requirement : operation.securityRequirements()) {
                for (Map.Entry<String, List<String>> required : requirement.entrySet()) {
                    String name = required.getKey();
                    if (declared.containsKey(name)) {
                        found.putIfAbsent(name, declared.get(name));
                        scopes.computeIfAbsent(name, n -> new LinkedHashSet<>()).addAll(required.getValue());
                    }
                }
            }
        }
        NameAllocator methods = reserving(NameScope.Kind.BUILDER_METHODS);
        List<WorkflowModel.SecuritySchemeModel> schemes = new ArrayList<>();
        for (Map.Entry<String, SecuritySchemeView> scheme : found.entrySet()) {
            securityScheme(scheme.getKey(), scheme.getValue(), new ArrayList<>(scopes.get(scheme.getKey())), methods)
                    .ifPresent(schemes::add);
        }
        for (CalleeModel callee : callees) {
            built.values().stream().filter(model -> model.className().equals(callee.className())).findFirst()
                    .ifPresent(model -> model.securitySchemes().stream()
                            .filter(scheme -> schemes.stream().noneMatch(s -> s.name().equals(scheme.name())))
                            .forEach(scheme -> schemes.add(new WorkflowModel.SecuritySchemeModel(scheme.name(),
                                    scheme.kind() == WorkflowModel.SecurityKind.MUTUAL_TLS ? scheme.methodName()
                                            : JavaNames.newName(methods, scheme.methodName()), scheme.kind(),
                                    scheme.in(), scheme.parameterName(), scheme.tokenUrl(), scheme.scopes(),
                                    scheme.description()))));
        }
        return schemes;
    }

    /** {@code scopes}: those the workflow's operations require of the scheme, which a token is asked for. */
    private static Optional<WorkflowModel.SecuritySchemeModel> securityScheme(String name, SecuritySchemeView scheme,
            List<String> scopes, NameAllocator methods) {
        String description = scheme.description();
        if (scheme.type() == null) {
            return Optional.empty();
        }
        switch (scheme.type()) {
            case API_KEY -> {
                String method = JavaNames.newName(methods, JavaNames.camel(name));
                return Optional.of(new WorkflowModel.SecuritySchemeModel(name, method,
                        WorkflowModel.SecurityKind.API_KEY, scheme.in() == null ? "header" : scheme.in(),
                        scheme.parameterName(), null, List.of(), description));
            }
            case HTTP -> {
                String httpScheme = scheme.scheme() == null ? "" : scheme.scheme().toLowerCase(Locale.ROOT);
                if (httpScheme.equals("basic") || httpScheme.equals("bearer")) {
                    String method = JavaNames.newName(methods, JavaNames.camel(name));
                    return Optional.of(new WorkflowModel.SecuritySchemeModel(name, method,
                            httpScheme.equals("basic") ? WorkflowModel.SecurityKind.BASIC : WorkflowModel.SecurityKind.BEARER,
                            null, null, null, List.of(), description));
                }
                return Optional.empty();
            }
            case OAUTH2 -> {
                String method = JavaNames.newName(methods, JavaNames.camel(name));
                return Optional.of(new WorkflowModel.SecuritySchemeModel(name, method,
                        scheme.clientCredentials() ? WorkflowModel.SecurityKind.OAUTH2_CLIENT_CREDENTIALS
                                : WorkflowModel.SecurityKind.BEARER,
                        null, null, scheme.tokenUrl(), scopes, description));
            }
            case MUTUAL_TLS -> {
                return Optional.of(new WorkflowModel.SecuritySchemeModel(name, "sslContext",
                        WorkflowModel.SecurityKind.MUTUAL_TLS, null, null, null, List.of(), description));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /**
     * The schema of the JSON body of the response the step expects: the status its criteria name, else
     * the first 2xx. (A response written as a {@code $ref} to a component response is not followed here.)
     */
    private static SchemaView responseSchema(OperationView operation, List<CriterionModel> criteria) {
        if (operation.responses().isEmpty()) {
            return null;
        }
        Map<String, ResponseView> responses = new LinkedHashMap<>();
        operation.responses().forEach(response -> responses.put(response.code(), response));
        for (String code : statusCandidates(responses, criteria)) {
            ResponseView response = responses.get(code);
            if (response != null && !response.reference() && response.jsonSchema() != null) {
                return response.jsonSchema();
            }
        }
        return null;
    }

    private static final TypeName BYTES = com.palantir.javapoet.ArrayTypeName.of(TypeName.BYTE);

    /**
     * The response the step reads: the one its criteria name by status, else the first 2xx, 2XX or
     * default that declares content; null when none does.
     */
    private static ResponseView expectedResponse(OperationView operation, List<CriterionModel> criteria) {
        Map<String, ResponseView> responses = new LinkedHashMap<>();
        operation.responses().forEach(response -> responses.put(response.code(), response));
        for (String code : statusCandidates(responses, criteria)) {
            ResponseView response = responses.get(code);
            if (response != null && response.bodyKind() != null) {
                return response;
            }
        }
        return null;
    }

    /** The status codes whose response a step reads, in order of preference. */
    private static List<String> statusCandidates(Map<String, ResponseView> responses, List<CriterionModel> criteria) {
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
        return candidates;
    }

    /**
     * Reports each {@code $response.body#/pointer} that a step whose response is text or bytes reads (in
     * its outputs, criteria and the actions that apply to it): a JSON Pointer cannot select in it.
     */
    private void pointersIntoNonJson(BoundWorkflow workflow, BoundStep step, ResponseView expected) {
        String what = String.join(", ", expected.mediaTypes());
        boolean text = expected.bodyKind() == ResponseView.BodyKind.TEXT;
        java.util.function.BiConsumer<String, RuntimeExpression> report = (pointer, expression) -> {
            if (expression instanceof RuntimeExpression.ResponseBody body && !body.pointer().isEmpty()) {
                diagnostics.error("pointer-into-non-json", document.locate(pointer), "step '" + step.stepId()
                        + "' reads $response.body#" + body.pointer() + ", but its response is " + what + ", not JSON, "
                        + "so a JSON Pointer cannot select in it; read $response.body whole (" + (text
                        ? "a String), or test it with a regex or xpath criterion" : "the bytes)"));
            }
        };
        step.outputs().values().forEach(output -> report.accept(output.pointer(), output.expression()));
        step.outputs().values().stream().filter(output -> output.expression() instanceof RuntimeExpression
                .JsonPathSelection selection && selection.context() instanceof RuntimeExpression.ResponseBody)
                .forEach(output -> diagnostics.error("pointer-into-non-json", document.locate(output.pointer()),
                        "step '" + step.stepId() + "' selects in $response.body with JSONPath, but its response is "
                        + what + ", not JSON; read $response.body whole" + (text ? " (a String)" : " (the bytes)")));
        List<BoundCriterion> criteria = new ArrayList<>(step.successCriteria());
        Set<String> own = new HashSet<>();
        for (BoundAction action : concat(step.onSuccess(), step.onFailure())) {
            own.add(action.name());
            criteria.addAll(action.criteria());
        }
        for (BoundAction action : concat(workflow.successActions(), workflow.failureActions())) {
            if (!own.contains(action.name())) {
                criteria.addAll(action.criteria());
            }
        }
        criteria.forEach(criterion -> expressions(criterion, report));
        for (BoundCriterion criterion : criteria) {
            if (criterion instanceof BoundDocument.JsonPathCriterion && criterion.context() != null
                    && criterion.context().expression() instanceof RuntimeExpression.ResponseBody) {
                diagnostics.error("pointer-into-non-json", document.locate(criterion.context().pointer()), "step '"
                        + step.stepId() + "' tests $response.body with a JSONPath criterion, but its response is " + what
                        + ", not JSON; test it with a regex" + (text ? " or xpath" : "") + " criterion instead");
            }
        }
    }

    /** Reports each XPath selector over {@code $response.body} of a step whose response is JSON, not XML. */
    private void xpathIntoJson(BoundStep step, ResponseView expected) {
        step.outputs().values().stream().filter(output -> output.expression() instanceof RuntimeExpression
                .XPathSelection selection && selection.context() instanceof RuntimeExpression.ResponseBody)
                .forEach(output -> diagnostics.error("xpath-into-json", document.locate(output.pointer()),
                        "step '" + step.stepId() + "' selects in $response.body with XPath, but its response is "
                        + String.join(", ", expected.mediaTypes()) + ", not XML; select in it with a jsonpath or "
                        + "jsonpointer selector"));
    }

    /**
     * {@code model} with the members of its response that later expressions read through its outputs
     * ({@code $steps.<step>.outputs.<name>#/pointer}), each with the type its schema gives.
     */
    private StepModel withChecks(BoundWorkflow workflow, StepModel model) {
        if (model.callsWorkflow() || model.response().kind() != ResponseView.BodyKind.JSON) {
            return model;
        }
        Map<String, TypeName> checks = new LinkedHashMap<>();
        expressions(workflow, (pointer, expression) -> {
            if (!(expression instanceof RuntimeExpression.StepOutput read) || !read.stepId().equals(model.stepId())
                    || read.pointer().isEmpty()) {
                return;
            }
            OutputModel output = model.output(read.name()).orElse(null);
            if (output == null || output.schema() == null
                    || !(output.value() instanceof RuntimeExpression.ResponseBody body)) {
                return;
            }
            String member = body.pointer() + read.pointer();
            if (checks.containsKey(member)) {
                return;
            }
            output.schema().schema().at(read.pointer()).ifPresent(schema -> {
                String token = read.pointer().substring(read.pointer().lastIndexOf('/') + 1);
                TypeName type = types.output(schema, token.isEmpty() || !Character.isLetter(token.charAt(0))
                        ? output.name() : token);
                if (!type.equals(TypeMapper.JSON_NODE) && !type.equals(ClassName.get(String.class))) {
                    checks.put(member, type);
                }
            });
        });
        if (checks.isEmpty()) {
            return model;
        }
        List<WorkflowModel.CheckedMember> members = new ArrayList<>();
        checks.forEach((member, type) -> members.add(new WorkflowModel.CheckedMember(member, type)));
        return new StepModel(model.stepId(), model.methodName(), model.constantName(), model.resultType(),
                model.description(), model.target(), model.successCriteria(), model.onSuccess(), model.onFailure(),
                model.outputs(), model.reads(), model.readsWorkflows(), model.timeoutMillis(), model.dependsOn(),
                model.recorded(), new WorkflowModel.ResponseModel(
                        model.response().kind(), model.response().mediaTypes(), members));
    }

    private TypeName outputType(Step step, String name, RuntimeExpression expression, SchemaView responseSchema,
            ResponseView.BodyKind kind, OperationView operation, List<InputModel> inputs, Map<String, StepModel> earlier,
            List<DependencyModel> dependencies) {
        if (expression instanceof RuntimeExpression.ResponseBody body && kind != ResponseView.BodyKind.JSON) {
            if (body.pointer().isEmpty()) {
                return kind == ResponseView.BodyKind.TEXT ? ClassName.get(String.class) : BYTES;
            }
            return TypeMapper.JSON_NODE; // reported by pointersIntoNonJson
        }
        if (expression instanceof RuntimeExpression.ResponseBody body) {
            if (responseSchema == null) {
                return TypeMapper.JSON_NODE;
            }
            Optional<SchemaView> schema = responseSchema.at(body.pointer());
            if (schema.isEmpty()) {
                diagnostics.warning("unknown-response-field", document.locate(step.pointer() + "/outputs/"
                        + SourceDocument.escape(name)), "output '" + name + "' reads '" + body.pointer()
                        + "', which the response schema of " + operation.method() + " " + operation.path()
                        + " does not define; it is typed as JsonNode");
                return TypeMapper.JSON_NODE;
            }
            return types.output(schema.get(), name);
        }
        return typeOf(expression, inputs, earlier, null, dependencies);
    }

    /**
     * The schema a value has: the response schema at a {@code $response.body} pointer, or the schema of
     * an earlier step's output at a pointer into it; null when no schema says.
     */
    private static ValueSchema schemaOf(RuntimeExpression expression, SchemaView responseSchema,
            Map<String, StepModel> steps) {
        if (expression instanceof RuntimeExpression.ResponseBody body && responseSchema != null) {
            return responseSchema.at(body.pointer()).map(ValueSchema::new).orElse(null);
        }
        if (expression instanceof RuntimeExpression.StepOutput read && steps.containsKey(read.stepId())) {
            ValueSchema earlier = steps.get(read.stepId()).output(read.name()).map(OutputModel::schema).orElse(null);
            if (earlier == null) {
                return null;
            }
            return earlier.schema().at(read.pointer()).map(ValueSchema::new).orElse(null);
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
        if (expression instanceof RuntimeExpression.Constant constant) {
            return TypeMapper.constantType(constant.value());
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
                || expression instanceof RuntimeExpression.SourceDescriptionField
                || expression instanceof RuntimeExpression.Self) {
            return ClassName.get(String.class);
        }
        return TypeMapper.JSON_NODE;
    }

    private ValueModel value(BoundValue value, Reads reads) {
        if (value instanceof BoundDocument.ExpressionValue expression) {
            RuntimeExpression parsed = expression.expression().expression();
            collectReads(parsed, reads);
            if (parsed instanceof RuntimeExpression.Component) {
                return expression.component() == null ? new WorkflowModel.LiteralValue(MissingNode.getInstance())
                        : value(expression.component(), reads);
            }
            return new WorkflowModel.ExpressionValue(parsed, expression.expression().text());
        }
        if (value instanceof BoundDocument.TemplateValue template) {
            template.parts().forEach(part -> {
                if (part instanceof TemplatePart.Embedded embedded) {
                    collectReads(embedded.expression(), reads);
                }
            });
            return new WorkflowModel.TemplateValue(template.parts());
        }
        if (value instanceof BoundDocument.ObjectValue object) {
            List<WorkflowModel.Member> members = new ArrayList<>();
            object.members().forEach(member -> members.add(new WorkflowModel.Member(member.name(),
                    value(member.value(), reads))));
            return new WorkflowModel.ObjectValue(members);
        }
        if (value instanceof BoundDocument.ArrayValue array) {
            List<ValueModel> elements = new ArrayList<>();
            array.elements().forEach(element -> elements.add(value(element, reads)));
            return new WorkflowModel.ArrayValue(elements);
        }
        return new WorkflowModel.LiteralValue(((BoundDocument.LiteralValue) value).value());
    }

    private List<CriterionModel> criteria(List<BoundCriterion> criteria, Reads reads) {
        List<CriterionModel> models = new ArrayList<>();
        for (BoundCriterion criterion : criteria) {
            RuntimeExpression context = criterion.context() == null ? null : criterion.context().expression();
            if (context != null) {
                collectReads(context, reads);
            }
            String text = criterion.criterion().condition();
            if (criterion instanceof BoundDocument.SimpleCriterion simple) {
                simple.condition().references().forEach(reference -> collectReads(reference.expression(), reads));
                models.add(new WorkflowModel.SimpleCriterion(text, simple.condition()));
            } else if (criterion instanceof BoundDocument.RegexCriterion regex) {
                models.add(new WorkflowModel.RegexCriterion(text, context, regex.regex()));
            } else if (criterion instanceof BoundDocument.JsonPathCriterion path) {
                models.add(new WorkflowModel.JsonPathCriterion(text, context, path.condition()));
            } else if (criterion instanceof BoundDocument.XPathCriterion xpath) {
                models.add(new WorkflowModel.XPathCriterion(text, context, xpath.expression(), xpath.saxon()));
            }
        }
        return models;
    }

    /** The step's own actions, then the workflow's whose names the step does not use. */
    private List<ActionModel> actions(List<BoundAction> own, List<BoundAction> inherited, Reads reads,
            Map<String, CalleeModel> callees) {
        List<ActionModel> models = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (BoundAction action : own) {
            names.add(action.name());
            models.add(action(action, reads, callees));
        }
        for (BoundAction action : inherited) {
            if (!names.contains(action.name())) {
                models.add(action(action, reads, callees));
            }
        }
        return models;
    }

    private ActionModel action(BoundAction action, Reads reads, Map<String, CalleeModel> callees) {
        ActionType type = switch (action.kind()) {
            case END -> ActionType.END;
            case GOTO -> ActionType.GOTO;
            case RETRY -> ActionType.RETRY;
        };
        CalleeModel workflow = action.workflow() == null ? null : callee(callees, action.workflow());
        List<WorkflowModel.CallInput> inputs = new ArrayList<>();
        if (workflow != null) {
            for (BoundParameter parameter : action.parameters()) {
                workflow.input(parameter.name()).ifPresent(input -> inputs.add(
                        new WorkflowModel.CallInput(input, value(parameter.value(), reads))));
            }
        }
        return new ActionModel(action.name(), type, action.stepId(), workflow,
                action.action().retryAfter() == null ? 0 : action.action().retryAfter().doubleValue(),
                action.action().retryLimit() == null ? 1 : action.action().retryLimit(),
                criteria(action.criteria(), reads), inputs);
    }

    private static void collectReads(RuntimeExpression expression, Reads reads) {
        if (expression.read() instanceof RuntimeExpression.StepOutput output) {
            reads.steps().add(output.stepId());
        } else if (expression.read() instanceof RuntimeExpression.WorkflowValue value) {
            reads.workflows().add(value.workflowId());
        }
    }
}
