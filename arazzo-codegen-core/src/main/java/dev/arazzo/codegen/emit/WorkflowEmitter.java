package dev.arazzo.codegen.emit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.arazzo.codegen.expression.RuntimeExpression;
import dev.arazzo.codegen.jsonpath.JsonPathCriterion;
import dev.arazzo.codegen.model.JavaNames;
import dev.arazzo.codegen.model.WorkflowModel;
import dev.arazzo.codegen.source.ParameterLocation;
import dev.arazzo.codegen.model.WorkflowModel.ActionModel;
import dev.arazzo.codegen.model.WorkflowModel.CalleeModel;
import dev.arazzo.codegen.model.WorkflowModel.DependencyModel;
import dev.arazzo.codegen.model.WorkflowModel.CriterionModel;
import dev.arazzo.codegen.model.WorkflowModel.InputModel;
import dev.arazzo.codegen.model.WorkflowModel.OutputModel;
import dev.arazzo.codegen.model.WorkflowModel.ParameterModel;
import dev.arazzo.codegen.model.WorkflowModel.SourceModel;
import dev.arazzo.codegen.model.WorkflowModel.StepModel;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.lang.model.element.Modifier;

/**
 * The emit stage: one {@link JavaFile} per workflow, from its {@link WorkflowModel}.
 *
 * <p>The class holds nested records {@code Inputs} (with a builder that checks required inputs),
 * {@code Outputs} and one result record per step; one public method per step; {@code run(Inputs)}
 * with the workflow's control flow as a loop over a private {@code Step} enum; and a builder for
 * base URIs, the HTTP client, a request interceptor, the request timeout and the step budget.
 */
public final class WorkflowEmitter {

    /** The generator that the {@code @Generated} annotation names: the class of its entry point. */
    public static final String GENERATOR = "dev.arazzo.codegen.ArazzoCodegen";

    private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
    private static final ClassName STEP_ENUM_NAME = ClassName.get("", "Step");

    private final WorkflowModel workflow;
    private final String specName;
    private final ClassName className;
    private final ClassName inputs;
    private final ClassName outputs;
    private final ClassName builder;
    private final ClassName stepEnum;
    private final ClassName values;
    private final ClassName transport;
    private final ClassName exchange;
    private final ClassName stepRequest;
    private final ClassName interceptor;
    private final ClassName listener;
    private final ClassName result;
    private final ClassName completed;
    private final ClassName ended;
    private final ClassName failed;
    private final ClassName workflowException;
    private final ClassName stepFailed;
    private final ExpressionCompiler compiler;
    private final TypeEmitter types;
    private final Map<String, String> patternConstants = new LinkedHashMap<>();
    private final NameAllocator constants = new NameAllocator();
    /** The idempotency token variable of each step that has one, in {@code execute}. */
    private final Map<String, String> tokens = new LinkedHashMap<>();

    private final boolean idempotencyTokens;

    private WorkflowEmitter(WorkflowModel workflow, String specName, boolean idempotencyTokens) {
        this.workflow = workflow;
        this.idempotencyTokens = idempotencyTokens;
        this.specName = specName;
        this.className = workflow.className();
        String pkg = className.packageName();
        this.inputs = className.nestedClass("Inputs");
        this.outputs = className.nestedClass("Outputs");
        this.builder = className.nestedClass("Builder");
        this.stepEnum = className.nestedClass(STEP_ENUM_NAME.simpleName());
        this.values = ClassName.get(pkg, "Values");
        this.transport = ClassName.get(pkg, "Transport");
        this.exchange = ClassName.get(pkg, "HttpExchange");
        this.stepRequest = ClassName.get(pkg, "StepRequest");
        this.interceptor = ClassName.get(pkg, "RequestInterceptor");
        this.listener = ClassName.get(pkg, "WorkflowListener");
        this.result = className.nestedClass("Result");
        this.completed = className.nestedClass("Completed");
        this.ended = className.nestedClass("Ended");
        this.failed = className.nestedClass("Failed");
        this.workflowException = ClassName.get(pkg, "WorkflowException");
        this.stepFailed = ClassName.get(pkg, "StepFailedException");
        this.types = new TypeEmitter(pkg);
        Set<String> namesInScope = new HashSet<>(List.of("inputs", "exchange", "called", "failure", "next", "resume",
                "executions", "request"));
        workflow.steps().forEach(step -> namesInScope.add(step.methodName()));
        workflow.dependencies().forEach(dependency -> namesInScope.add(dependency.outputsName()));
        this.compiler = new ExpressionCompiler(workflow, values, workflow.sourceUrls(),
                new JsonPathCriterion(jsonPathSupport(className.packageName()), namesInScope), null);
        List.of("DEFAULT_MAX_STEP_EXECUTIONS").forEach(c -> constants.newName(c, c));
    }

    /** The class that compiled JSONPath criteria of the workflows in {@code packageName} call. */
    public static ClassName jsonPathSupport(String packageName) {
        return ClassName.get(packageName, "JsonPathSupport");
    }

    /** The Java file for {@code workflow}; {@code specName} is the file name of the document it came from. */
    public static JavaFile emit(WorkflowModel workflow, String specName, boolean idempotencyTokens) {
        return new WorkflowEmitter(workflow, specName, idempotencyTokens).file();
    }

    /** The token the generated code supplies for {@code step}, or null (none, or switched off). */
    private WorkflowModel.IdempotencyModel idempotency(StepModel step) {
        return idempotencyTokens && !step.callsWorkflow() ? step.http().idempotency() : null;
    }

    private JavaFile file() {
        TypeSpec.Builder type = TypeSpec.classBuilder(className)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addAnnotation(AnnotationSpec.builder(GENERATED)
                        .addMember("value", "$S", GENERATOR)
                        .addMember("comments", "$S", "workflow " + workflow.workflowId() + " of " + specName)
                        .build())
                .addJavadoc(classJavadoc());
        List<FieldSpec> defaults = new ArrayList<>();
        for (SourceModel source : workflow.sources()) {
            if (ClientBuilderEmitter.isAbsolute(source.defaultUri())) {
                defaults.add(FieldSpec.builder(URI.class, ClientBuilderEmitter.defaultUriConstant(source), Modifier.PRIVATE, Modifier.STATIC,
                                Modifier.FINAL)
                        .initializer("$T.create($S)", URI.class, source.defaultUri()).build());
            }
        }
        type.addField(FieldSpec.builder(int.class, "DEFAULT_MAX_STEP_EXECUTIONS", Modifier.PUBLIC, Modifier.STATIC,
                        Modifier.FINAL)
                .addJavadoc("How many step executions one run may make, unless the builder says otherwise.\n")
                .initializer("$L", 1000).build());
        defaults.forEach(type::addField);
        List<MethodSpec> stepMethods = new ArrayList<>();
        List<MethodSpec> privateMethods = new ArrayList<>();
        for (StepModel step : workflow.steps()) {
            stepMethods.add(publicStepMethod(step));
            privateMethods.add(step.callsWorkflow() ? callMethod(step) : sendMethod(step));
            privateMethods.add(failureMethod(step));
            privateMethods.add(resultMethod(step));
        }
        for (CalleeModel callee : inputsByName()) {
            privateMethods.add(inputsByNameMethod(callee));
        }
        MethodSpec execute = executeMethod();
        patternConstants.forEach((pattern, name) -> type.addField(FieldSpec.builder(Pattern.class, name, Modifier.PRIVATE,
                        Modifier.STATIC, Modifier.FINAL)
                .initializer("$T.compile($S)", Pattern.class, pattern).build()));
        type.addField(transport, "transport", Modifier.PRIVATE, Modifier.FINAL);
        for (SourceModel source : workflow.sources()) {
            type.addField(URI.class, source.fieldName(), Modifier.PRIVATE, Modifier.FINAL);
        }
        type.addField(int.class, "maxStepExecutions", Modifier.PRIVATE, Modifier.FINAL);
        for (CalleeModel callee : workflow.callees()) {
            type.addField(callee.className(), callee.fieldName(), Modifier.PRIVATE, Modifier.FINAL);
        }
        type.addMethod(constructor());
        type.addMethod(MethodSpec.methodBuilder("builder")
                .addJavadoc("Starts configuring a client of this workflow.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(builder)
                .addStatement("return new $T()", builder)
                .build());
        type.addMethod(runMethod());
        type.addMethod(execute);
        stepMethods.forEach(type::addMethod);
        privateMethods.forEach(type::addMethod);
        type.addType(inputsRecord());
        workflow.types().forEach(nested -> type.addType(types.type(nested)));
        type.addType(outputsRecord());
        resultTypes().forEach(type::addType);
        workflow.steps().forEach(step -> type.addType(resultRecord(step)));
        type.addType(stepEnumType());
        type.addType(new ClientBuilderEmitter(workflow, builder, transport, interceptor, listener).builderType());
        return JavaFile.builder(className.packageName(), type.build())
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }

    private CodeBlock classJavadoc() {
        CodeBlock.Builder doc = CodeBlock.builder();
        if (workflow.summary() != null) {
            doc.add("$L\n\n", Javadocs.escape(workflow.summary()));
        }
        if (workflow.description() != null) {
            doc.add("<p>$L\n\n", Javadocs.escape(workflow.description()));
        }
        doc.add("<p>Generated from workflow {@code $L} of {@code $L}:\n", Javadocs.escape(workflow.workflowId()),
                Javadocs.escape(specName));
        doc.add("<pre>{@code\n");
        doc.add("$L client = $L.builder().build();\n", className.simpleName(), className.simpleName());
        doc.add("$L.Outputs outputs = client.run($L.Inputs.builder()\n        // set the inputs\n        .build());\n",
                className.simpleName(), className.simpleName());
        doc.add("}</pre>\n");
        return doc.build();
    }

    private MethodSpec constructor() {
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addParameter(builder, "builder")
                .addStatement("this.transport = new $T($S, builder.httpClient, builder.connectTimeout, "
                        + "builder.requestInterceptor, builder.requestTimeout, builder.listener, "
                        + "builder.credentials.copy())", transport, workflow.workflowId());
        for (SourceModel source : workflow.sources()) {
            constructor.addStatement("this.$N = builder.$N", source.fieldName(), source.fieldName());
        }
        constructor.addStatement("this.maxStepExecutions = builder.maxStepExecutions");
        for (CalleeModel callee : workflow.callees()) {
            CodeBlock.Builder build = CodeBlock.builder()
                    .add("this.$N = $T.builder()", callee.fieldName(), callee.className())
                    .add("\n.httpClient(transport.client())")
                    .add("\n.requestInterceptor(builder.requestInterceptor)")
                    .add("\n.requestTimeout(builder.requestTimeout)")
                    .add("\n.maxStepExecutions(builder.maxStepExecutions)")
                    .add("\n.listener(builder.listener)")
                    .add("\n.credentials(transport.credentials())");
            for (SourceModel source : callee.sources()) {
                SourceModel own = workflow.sources().stream().filter(s -> s.name().equals(source.name())).findFirst()
                        .orElseThrow();
                build.add("\n.baseUri($S, builder.$N)", source.name(), own.fieldName());
            }
            constructor.addStatement(build.add("\n.build()").build());
        }
        return constructor.build();
    }

    // ---- steps -------------------------------------------------------------------------------

    /** The parameters a step's methods take: the inputs, then the results of the steps it reads. */
    private List<ParameterSpec> stepParameters(StepModel step) {
        List<ParameterSpec> parameters = new ArrayList<>();
        parameters.add(ParameterSpec.builder(inputs, "inputs").build());
        for (String read : step.reads()) {
            StepModel earlier = workflow.step(read).orElseThrow();
            parameters.add(ParameterSpec.builder(earlier.resultType(), earlier.methodName()).build());
        }
        for (String read : step.readsWorkflows()) {
            DependencyModel dependency = workflow.dependency(read).orElseThrow();
            parameters.add(ParameterSpec.builder(outputsOf(dependency.callee()), dependency.outputsName()).build());
        }
        return parameters;
    }

    private static ClassName outputsOf(CalleeModel callee) {
        return callee.className().nestedClass("Outputs");
    }

    private static ClassName inputsOf(CalleeModel callee) {
        return callee.className().nestedClass("Inputs");
    }

    /** The type of what a step's criteria and outputs read: the HTTP exchange, or the called workflow's outputs. */
    private TypeName resultSource(StepModel step) {
        return step.callsWorkflow() ? outputsOf(step.workflowCall().callee()) : exchange;
    }

    private static String resultSourceName(StepModel step) {
        return step.callsWorkflow() ? "called" : "exchange";
    }

    private CodeBlock stepArguments(StepModel step, boolean withExchange) {
        List<CodeBlock> arguments = new ArrayList<>();
        if (withExchange) {
            arguments.add(CodeBlock.of("$N", resultSourceName(step)));
        }
        stepParameters(step).forEach(p -> arguments.add(CodeBlock.of("$N", p.name())));
        return CodeBlock.join(arguments, ", ");
    }

    private MethodSpec publicStepMethod(StepModel step) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(step.methodName())
                .addModifiers(Modifier.PUBLIC)
                .returns(step.resultType())
                .addParameters(stepParameters(step));
        CodeBlock.Builder doc = CodeBlock.builder();
        if (step.description() != null) {
            doc.add("$L\n\n<p>", Javadocs.escape(step.description()));
        }
        if (step.callsWorkflow()) {
            doc.add("Step {@code $L}: runs workflow {@code $L}, checked against its success criteria.\n",
                    Javadocs.escape(step.stepId()), Javadocs.escape(step.workflowCall().callee().workflowId()));
        } else {
            doc.add("Step {@code $L}: {@code $L $L}, checked against its success criteria.\n",
                    Javadocs.escape(step.stepId()), step.http().method(), Javadocs.escape(step.http().path()));
        }
        doc.add("\n@throws $T when the response does not meet the success criteria\n", stepFailed);
        method.addJavadoc(doc.build());
        method.addStatement("$T.requireNonNull(inputs, $S)", Objects.class, "inputs");
        for (String read : step.reads()) {
            StepModel earlier = workflow.step(read).orElseThrow();
            if (!read.equals(step.stepId())) {
                method.addStatement("$T.requireNonNull($N, $S)", Objects.class, earlier.methodName(),
                        "step '" + step.stepId() + "' reads the result of step '" + read + "'");
            }
        }
        for (String read : step.readsWorkflows()) {
            DependencyModel dependency = workflow.dependency(read).orElseThrow();
            method.addStatement("$T.requireNonNull($N, $S)", Objects.class, dependency.outputsName(),
                    "step '" + step.stepId() + "' reads the outputs of workflow '" + read + "'");
        }
        method.addStatement("$T $N = $N($L)", resultSource(step), resultSourceName(step), sendName(step),
                sendArguments(step, CodeBlock.of("$T.randomUUID().toString()", UUID.class)));
        method.addStatement("$T failure = $N($L)", String.class, failureName(step), stepArguments(step, true));
        method.beginControlFlow("if (failure != null)");
        method.addStatement(stepFailure(step));
        method.endControlFlow();
        method.addStatement("return $N($L)", resultName(step), stepArguments(step, true));
        return method.build();
    }

    /** The arguments of a step's send method: those of its other methods, then its idempotency token. */
    private CodeBlock sendArguments(StepModel step, CodeBlock token) {
        CodeBlock arguments = stepArguments(step, false);
        return idempotency(step) == null ? arguments : CodeBlock.of("$L, $L", arguments, token);
    }

    private static String sendName(StepModel step) {
        return (step.callsWorkflow() ? "call" : "send") + capitalize(step.methodName());
    }

    /** {@code throw new StepFailedException(...)} for a step whose criteria failed (status 0: it called a workflow). */
    private CodeBlock stepFailure(StepModel step) {
        return step.callsWorkflow()
                ? CodeBlock.of("throw new $T($S, 0, failure, $S)", stepFailed, step.stepId(), "")
                : CodeBlock.of("throw new $T($S, exchange.statusCode(), failure, exchange.bodyExcerpt())", stepFailed,
                        step.stepId());
    }

    /** {@code return new Failed(...)} for a step whose criteria failed (status 0: it called a workflow). */
    private CodeBlock failedResult(StepModel step) {
        return step.callsWorkflow()
                ? CodeBlock.of("return new $T($S, 0, failure, $S)", failed, step.stepId(), "")
                : CodeBlock.of("return new $T($S, exchange.statusCode(), failure, exchange.bodyExcerpt())", failed,
                        step.stepId());
    }

    private MethodSpec callMethod(StepModel step) {
        CalleeModel callee = step.workflowCall().callee();
        CodeBlock.Builder inputs = CodeBlock.builder().add("$T.builder()", inputsOf(callee));
        ExpressionCompiler scoped = compiler.in(step);
        for (WorkflowModel.CallInput input : step.workflowCall().inputs()) {
            inputs.add("\n.$N($L)", input.input().javaName(), scoped.convertedValue(input.value(), input.input().type()));
        }
        inputs.add("\n.build()");
        return MethodSpec.methodBuilder(sendName(step))
                .addModifiers(Modifier.PRIVATE)
                .returns(outputsOf(callee))
                .addParameters(stepParameters(step))
                .addStatement("return $N.run($L)", callee.fieldName(), inputs.build())
                .build();
    }

    /** The callees run with this workflow's inputs matched by name: dependencies and workflow actions. */
    private List<CalleeModel> inputsByName() {
        Set<String> used = new LinkedHashSet<>();
        workflow.dependencies().forEach(d -> used.add(d.callee().fieldName()));
        for (StepModel step : workflow.steps()) {
            for (ActionModel action : concat(step.onSuccess(), step.onFailure())) {
                if (action.workflow() != null) {
                    used.add(action.workflow().fieldName());
                }
            }
        }
        return workflow.callees().stream().filter(c -> used.contains(c.fieldName())).toList();
    }

    private static List<ActionModel> concat(List<ActionModel> a, List<ActionModel> b) {
        List<ActionModel> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private MethodSpec inputsByNameMethod(CalleeModel callee) {
        CodeBlock.Builder build = CodeBlock.builder().add("return $T.builder()", inputsOf(callee));
        for (InputModel input : callee.inputs()) {
            workflow.input(input.name()).filter(own -> sameShape(own.type(), input.type()))
                    .ifPresent(own -> build.add("\n.$N($L)", input.javaName(),
                            compiler.converted(CodeBlock.of("inputs.$N()", own.javaName()), own.type(), input.type())));
        }
        return MethodSpec.methodBuilder(callee.fieldName() + "Inputs")
                .addJavadoc("The inputs of workflow {@code $L}: this workflow's inputs of the same name and type.\n",
                        Javadocs.escape(callee.workflowId()))
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(inputsOf(callee))
                .addParameter(inputs, "inputs")
                .addStatement(build.add("\n.build()").build())
                .build();
    }

    /**
     * Whether a value of type {@code a} can fill an input of type {@code b}: the same type, or records
     * and enums of the same name declared by two workflows (one component used by both), through JSON.
     */
    private static boolean sameShape(TypeName a, TypeName b) {
        if (a.equals(b)) {
            return true;
        }
        if (a instanceof ParameterizedTypeName x && b instanceof ParameterizedTypeName y) {
            if (!x.rawType().equals(y.rawType()) || x.typeArguments().size() != y.typeArguments().size()) {
                return false;
            }
            for (int i = 0; i < x.typeArguments().size(); i++) {
                if (!sameShape(x.typeArguments().get(i), y.typeArguments().get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a instanceof ClassName x && b instanceof ClassName y && x.enclosingClassName() != null
                && y.enclosingClassName() != null && x.simpleName().equals(y.simpleName())
                && x.packageName().equals(y.packageName());
    }

    private static String failureName(StepModel step) {
        return step.methodName() + "Failure";
    }

    private static String resultName(StepModel step) {
        return step.methodName() + "Result";
    }

    private static String capitalize(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private MethodSpec sendMethod(StepModel step) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(sendName(step))
                .addModifiers(Modifier.PRIVATE)
                .returns(exchange)
                .addParameters(stepParameters(step));
        WorkflowModel.IdempotencyModel idempotency = idempotency(step);
        if (idempotency != null) {
            method.addParameter(String.class, "idempotencyToken");
        }
        CodeBlock.Builder request = CodeBlock.builder()
                .add("$T request = $T.of($N, $S, $S)", stepRequest, stepRequest, step.http().source().fieldName(),
                        step.http().method(), step.http().path())
                .indent().indent();
        for (ParameterModel parameter : step.http().parameters()) {
            request.add("\n.$N($S, $L)", requestMethod(parameter.location()), parameter.name(), compiler.in(step).value(parameter.value()));
        }
        if (idempotency != null && !idempotency.inBody()) {
            request.add("\n.header($S, idempotencyToken)", idempotency.name());
        }
        request.unindent().unindent();
        method.addStatement(request.build());
        if (step.http().body() != null) {
            WorkflowModel.BodyModel body = step.http().body();
            String contentType = body.contentType();
            if (contentType.toLowerCase(java.util.Locale.ROOT).contains("x-www-form-urlencoded")
                    && !ExpressionCompiler.isText(body.payload())) {
                method.addStatement("request.formBody($L)", payload(step));
            } else if (ExpressionCompiler.isText(body.payload()) && body.replacements().isEmpty()) {
                method.addStatement("request.textBody($S, $L)", contentType, compiler.in(step).value(body.payload()));
            } else {
                method.addStatement("request.jsonBody($S, $L)", contentType, payload(step));
            }
        }
        method.addStatement("return transport.send($S, request, $L)", step.stepId(), security(step.http().security()));
        return method.build();
    }

    /** The {@code StepRequest} method that adds a parameter at {@code location}. */
    private static String requestMethod(ParameterLocation location) {
        return switch (location) {
            case PATH -> "path";
            case QUERY -> "query";
            case HEADER -> "header";
            case COOKIE -> "cookie";
        };
    }

    /** The security requirements as a Java expression: {@code List.of(List.of("apiKey"))}. */
    private static CodeBlock security(List<List<String>> requirements) {
        List<CodeBlock> alternatives = new ArrayList<>();
        for (List<String> requirement : requirements) {
            alternatives.add(CodeBlock.of("$T.of($L)", List.class,
                    CodeBlock.join(requirement.stream().map(name -> CodeBlock.of("$S", name)).toList(), ", ")));
        }
        return CodeBlock.of("$T.of($L)", List.class, CodeBlock.join(alternatives, ", "));
    }

    private CodeBlock payload(StepModel step) {
        WorkflowModel.BodyModel body = step.http().body();
        CodeBlock payload = body.payload() instanceof WorkflowModel.ObjectValue
                || body.payload() instanceof WorkflowModel.ArrayValue
                ? compiler.in(step).value(body.payload())
                : CodeBlock.of("$T.json($L)", values, compiler.in(step).value(body.payload()));
        for (WorkflowModel.ReplacementModel replacement : body.replacements()) {
            payload = CodeBlock.of("$T.replace($L, $S, $L)", values, payload, replacement.target(),
                    compiler.in(step).value(replacement.value()));
        }
        if (idempotency(step) != null && idempotency(step).inBody()) {
            payload = CodeBlock.of("$T.replace($L, $S, idempotencyToken)", values, payload, "/" + idempotency(step).name());
        }
        return payload;
    }

    private MethodSpec failureMethod(StepModel step) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(failureName(step))
                .addJavadoc("The first success criterion of step {@code $L} that the exchange does not meet, or null.\n",
                        Javadocs.escape(step.stepId()))
                .addModifiers(Modifier.PRIVATE)
                .returns(String.class)
                .addParameter(resultSource(step), resultSourceName(step))
                .addParameters(stepParameters(step));
        if (step.successCriteria().isEmpty()) {
            if (step.callsWorkflow()) {
                method.addStatement("return null");
            } else {
                method.addStatement("return exchange.statusCode() / 100 == 2 ? null : $S", "$statusCode is 2xx");
            }
            return method.build();
        }
        for (CriterionModel criterion : step.successCriteria()) {
            method.beginControlFlow("if (!($L))", criterion(step, criterion));
            method.addStatement("return $S", criterion.text());
            method.endControlFlow();
        }
        method.addStatement("return null");
        return method.build();
    }

    private CodeBlock criterion(StepModel step, CriterionModel criterion) {
        return compiler.in(step).criterion(criterion, pattern -> patternConstants.computeIfAbsent(pattern,
                p -> constants.newName(JavaNames.constant(step.stepId()) + "_PATTERN")));
    }

    private MethodSpec resultMethod(StepModel step) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(resultName(step))
                .addModifiers(Modifier.PRIVATE)
                .returns(step.resultType())
                .addParameter(resultSource(step), resultSourceName(step))
                .addParameters(stepParameters(step));
        List<CodeBlock> components = new ArrayList<>();
        for (OutputModel output : step.outputs()) {
            components.add(compiler.in(step).converted(output.value(), output.type()));
        }
        if (components.isEmpty()) {
            method.addStatement("return new $T()", step.resultType());
        } else {
            method.addStatement("return new $T(\n$L)", step.resultType(), CodeBlock.join(components, ",\n"));
        }
        return method.build();
    }

    // ---- run ---------------------------------------------------------------------------------

    private MethodSpec runMethod() {
        return MethodSpec.methodBuilder("run")
                .addModifiers(Modifier.PUBLIC)
                .returns(outputs)
                .addParameter(inputs, "inputs")
                .addJavadoc("Runs the workflow: each step's request, its success criteria, and its success and failure\n"
                        + "actions ({@code end}, {@code goto}, {@code retry}).\n\n"
                        + "@return the workflow's outputs; outputs of steps that did not run are null\n"
                        + "@throws $T when a step fails and no failure action handles it\n"
                        + "@throws $T when a request cannot be sent or its response not read\n"
                        + "@throws $T when the workflow runs more steps than the builder allows\n", stepFailed,
                        ClassName.get(className.packageName(), "WorkflowTransportException"), workflowException)
                .addStatement("$T result = execute(inputs)", result)
                .beginControlFlow("if (result instanceof $T completed)", completed)
                .addStatement("return completed.outputs()")
                .endControlFlow()
                .beginControlFlow("if (result instanceof $T ended)", ended)
                .addStatement("return ended.outputs()")
                .endControlFlow()
                .addStatement("$T failed = ($T) result", failed, failed)
                .addStatement("throw new $T(failed.stepId(), failed.statusCode(), failed.failedCriterion(), "
                        + "failed.bodyExcerpt())", stepFailed)
                .build();
    }

    /** The sealed {@code Result} of {@code execute} and its three kinds. */
    private List<TypeSpec> resultTypes() {
        TypeSpec sealed = TypeSpec.interfaceBuilder(result)
                .addModifiers(Modifier.PUBLIC, Modifier.SEALED)
                .addPermittedSubclass(completed)
                .addPermittedSubclass(ended)
                .addPermittedSubclass(failed)
                .addJavadoc("How a run of the workflow turned out: {@link Completed}, {@link Ended} early by an "
                        + "{@code end} action,\nor {@link Failed} at a step that no failure action handled.\n")
                .build();
        TypeSpec completedType = TypeSpec.recordBuilder(completed)
                .addModifiers(Modifier.PUBLIC)
                .addSuperinterface(result)
                .addJavadoc("The workflow ran to its end.\n\n@param outputs its outputs\n")
                .recordConstructor(MethodSpec.constructorBuilder().addParameter(outputs, "outputs").build())
                .build();
        TypeSpec endedType = TypeSpec.recordBuilder(ended)
                .addModifiers(Modifier.PUBLIC)
                .addSuperinterface(result)
                .addJavadoc("An {@code end} action ended the workflow early.\n\n"
                        + "@param stepId the step whose action ended it\n"
                        + "@param outputs its outputs; those of steps that did not run are null\n")
                .recordConstructor(MethodSpec.constructorBuilder()
                        .addParameter(String.class, "stepId").addParameter(outputs, "outputs").build())
                .build();
        TypeSpec failedType = TypeSpec.recordBuilder(failed)
                .addModifiers(Modifier.PUBLIC)
                .addSuperinterface(result)
                .addJavadoc("A step failed and no failure action handled it.\n\n"
                        + "@param stepId the step that failed (of a workflow this one depends on, when that failed)\n"
                        + "@param statusCode the HTTP status of its last response (0 for a step that calls a workflow)\n"
                        + "@param failedCriterion the first success criterion that did not hold, as written\n"
                        + "@param bodyExcerpt the start of the response body, at most 512 characters\n")
                .recordConstructor(MethodSpec.constructorBuilder()
                        .addParameter(String.class, "stepId").addParameter(int.class, "statusCode")
                        .addParameter(String.class, "failedCriterion").addParameter(String.class, "bodyExcerpt").build())
                .build();
        return List.of(sealed, completedType, endedType, failedType);
    }

    private MethodSpec executeMethod() {
        NameAllocator locals = new NameAllocator();
        List.of("inputs", "next", "resume", "executions", "exchange", "called", "failure", "request", "endedAt",
                "outputs").forEach(n -> locals.newName(n, n));
        Map<String, String> retryCounters = new LinkedHashMap<>();
        MethodSpec.Builder run = MethodSpec.methodBuilder("execute")
                .addModifiers(Modifier.PUBLIC)
                .returns(result)
                .addParameter(inputs, "inputs")
                .addJavadoc("Runs the workflow like {@link #run}, but returns a failed step as a {@link Failed} result\n"
                        + "instead of throwing.\n\n"
                        + "@throws $T when a request cannot be sent or its response not read\n"
                        + "@throws $T when the workflow runs more steps than the builder allows\n",
                        ClassName.get(className.packageName(), "WorkflowTransportException"), workflowException);
        run.addStatement("$T.requireNonNull(inputs, $S)", Objects.class, "inputs");
        for (DependencyModel dependency : workflow.dependencies()) {
            locals.newName(dependency.outputsName(), dependency.outputsName());
            if (dependency.stepId() == null) {
                // a workflow this one depends on runs first; its failure is this run's
                run.addStatement("$T $N", outputsOf(dependency.callee()), dependency.outputsName());
                run.beginControlFlow("try");
                run.addStatement("$N = $N.run($N(inputs))", dependency.outputsName(), dependency.callee().fieldName(),
                        dependency.callee().fieldName() + "Inputs");
                run.nextControlFlow("catch ($T e)", stepFailed);
                run.addStatement("return new $T(e.stepId(), e.statusCode(), e.failedCriterion(), e.bodyExcerpt())",
                        failed);
                run.endControlFlow();
            } else {
                run.addStatement("$T $N = null", outputsOf(dependency.callee()), dependency.outputsName());
            }
        }
        Set<String> kept = keptResults();
        for (StepModel step : workflow.steps()) {
            locals.newName(step.methodName(), step.methodName());
            if (kept.contains(step.stepId())) {
                run.addStatement("$T $N = null", step.resultType(), step.methodName());
            }
        }
        for (StepModel step : workflow.steps()) {
            for (ActionModel action : concat(step.onSuccess(), step.onFailure())) {
                String key = step.stepId() + "\u0000" + action.name();
                if (action.type() == WorkflowModel.ActionType.RETRY && !retryCounters.containsKey(key)) {
                    String counter = locals.newName(step.methodName() + JavaNames.pascal(action.name()) + "Retries");
                    retryCounters.put(key, counter);
                    run.addStatement("int $N = 0", counter);
                }
            }
        }
        tokens.clear();
        for (StepModel step : workflow.steps()) {
            if (idempotency(step) != null) {
                String token = locals.newName(step.methodName() + "IdempotencyToken");
                tokens.put(step.stepId(), token);
                run.addStatement("$T $N = null", String.class, token);
            }
        }
        run.addStatement("int executions = 0");
        boolean ends = workflow.steps().stream().anyMatch(step -> concat(step.onSuccess(), step.onFailure()).stream()
                .anyMatch(action -> action.type() == WorkflowModel.ActionType.END));
        if (ends) {
            run.addStatement("$T endedAt = null", String.class);
        }
        if (workflow.resumes()) {
            run.addStatement("$T resume = null", stepEnum);
        }
        if (workflow.steps().isEmpty()) {
            run.addStatement("$T next = null", stepEnum);
        } else {
            run.addStatement("$T next = $T.$N", stepEnum, stepEnum, workflow.steps().get(0).constantName());
        }
        run.beginControlFlow("while (next != null)");
        run.beginControlFlow("if (++executions > maxStepExecutions)");
        run.addStatement("throw new $T($S + maxStepExecutions + $S)", workflowException,
                "workflow '" + workflow.workflowId() + "' ran more than ", " steps; is a goto looping?");
        run.endControlFlow();
        run.beginControlFlow("switch (next)");
        for (int i = 0; i < workflow.steps().size(); i++) {
            StepModel step = workflow.steps().get(i);
            String following = i + 1 < workflow.steps().size() ? workflow.steps().get(i + 1).constantName() : null;
            run.beginControlFlow("case $N ->", step.constantName());
            for (String read : step.reads()) {
                if (read.equals(step.stepId())) {
                    continue; // its own outputs of an earlier execution: null the first time
                }
                StepModel earlier = workflow.step(read).orElseThrow();
                run.beginControlFlow("if ($N == null)", earlier.methodName());
                run.addStatement("throw new $T($S)", workflowException, "step '" + step.stepId()
                        + "' reads the outputs of step '" + read + "', which has not run");
                run.endControlFlow();
            }
            for (String read : step.readsWorkflows()) {
                DependencyModel dependency = workflow.dependency(read).orElseThrow();
                if (dependency.stepId() != null) {
                    run.beginControlFlow("if ($N == null)", dependency.outputsName());
                    run.addStatement("throw new $T($S)", workflowException, "step '" + step.stepId()
                            + "' reads the outputs of workflow '" + read + "', which has not run");
                    run.endControlFlow();
                }
            }
            if (step.callsWorkflow()) {
                run.addStatement("$T called = null", outputsOf(step.workflowCall().callee()));
                run.addStatement("$T failure", String.class);
                run.beginControlFlow("try");
                run.addStatement("called = $N($L)", sendName(step), stepArguments(step, false));
                run.addStatement("failure = $N($L)", failureName(step), stepArguments(step, true));
                run.nextControlFlow("catch ($T e)", workflowException);
                run.addStatement("failure = $S + e.getMessage()", "workflow '" + step.workflowCall().callee().workflowId()
                        + "' failed: ");
                run.endControlFlow();
            } else {
                String token = tokens.get(step.stepId());
                if (token != null) {
                    // one token per execution of the step, the same on its retries
                    run.beginControlFlow("if ($N == null)", token);
                    run.addStatement("$N = $T.randomUUID().toString()", token, UUID.class);
                    run.endControlFlow();
                }
                run.addStatement("$T exchange = $N($L)", exchange, sendName(step),
                        sendArguments(step, token == null ? null : CodeBlock.of("$N", token)));
                run.addStatement("$T failure = $N($L)", String.class, failureName(step), stepArguments(step, true));
            }
            run.beginControlFlow("if (failure == null)");
            for (DependencyModel dependency : workflow.dependencies()) {
                if (step.stepId().equals(dependency.stepId())) {
                    run.addStatement("$N = called", dependency.outputsName());
                }
            }
            if (kept.contains(step.stepId())) {
                run.addStatement("$N = $N($L)", step.methodName(), resultName(step), stepArguments(step, true));
            }
            if (tokens.containsKey(step.stepId())) {
                run.addStatement("$N = null", tokens.get(step.stepId()));
            }
            CodeBlock following_ = following == null ? CodeBlock.of("null") : CodeBlock.of("$T.$N", stepEnum, following);
            CodeBlock proceed = workflow.resumes()
                    ? CodeBlock.of("next = resume != null ? resume : $L;\nresume = null", following_)
                    : CodeBlock.of("next = $L", following_);
            actions(run, step, step.onSuccess(), retryCounters, proceed, false);
            run.nextControlFlow("else");
            actions(run, step, step.onFailure(), retryCounters, failedResult(step), true);
            run.endControlFlow();
            run.endControlFlow();
        }
        run.endControlFlow();
        run.endControlFlow();
        List<CodeBlock> values = new ArrayList<>();
        for (OutputModel output : workflow.outputs()) {
            values.add(workflowOutput(output));
        }
        if (values.isEmpty()) {
            run.addStatement("$T outputs = new $T()", outputs, outputs);
        } else {
            run.addStatement("$T outputs = new $T(\n$L)", outputs, outputs, CodeBlock.join(values, ",\n"));
        }
        if (ends) {
            run.addStatement("return endedAt == null ? new $T(outputs) : new $T(endedAt, outputs)", completed, ended);
        } else {
            run.addStatement("return new $T(outputs)", completed);
        }
        return run.build();
    }

    /** An action whose step does not exist (a warning at build time) fails the run when it is taken. */
    private void missingStep(MethodSpec.Builder run, StepModel step, ActionModel action) {
        run.addStatement("throw new $T($S)", workflowException, "action '" + action.name() + "' of step '"
                + step.stepId() + "' goes to step '" + action.stepId() + "', which workflow '" + workflow.workflowId()
                + "' does not have");
    }

    /** The steps whose results {@code execute} keeps: those that other steps or the workflow's outputs read. */
    private Set<String> keptResults() {
        Set<String> kept = new LinkedHashSet<>();
        workflow.steps().forEach(step -> kept.addAll(step.reads()));
        for (OutputModel output : workflow.outputs()) {
            if (output.value() instanceof RuntimeExpression.StepOutput read) {
                kept.add(read.stepId());
            }
        }
        return kept;
    }

    /** An if / else-if chain over the actions: the first whose criteria hold is taken, else {@code otherwise}. */
    private void actions(MethodSpec.Builder run, StepModel step, List<ActionModel> actions,
            Map<String, String> retryCounters, CodeBlock otherwise, boolean failing) {
        boolean open = false;
        for (ActionModel action : actions) {
            List<CodeBlock> conditions = new ArrayList<>();
            for (CriterionModel criterion : action.criteria()) {
                conditions.add(criterion(step, criterion));
            }
            String counter = retryCounters.get(step.stepId() + "\u0000" + action.name());
            if (action.type() == WorkflowModel.ActionType.RETRY) {
                conditions.add(CodeBlock.of("$N < $L", counter, action.retryLimit()));
            }
            if (conditions.isEmpty()) {
                // an action without criteria always matches: the chain ends here
                if (open) {
                    run.nextControlFlow("else");
                    actionBody(run, step, action, counter, failing);
                    run.endControlFlow();
                } else {
                    actionBody(run, step, action, counter, failing);
                }
                return;
            }
            CodeBlock condition = CodeBlock.join(conditions, " && ");
            if (open) {
                run.nextControlFlow("else if ($L)", condition);
            } else {
                run.beginControlFlow("if ($L)", condition);
                open = true;
            }
            actionBody(run, step, action, counter, failing);
        }
        if (open) {
            run.nextControlFlow("else");
            run.addStatement(otherwise);
            run.endControlFlow();
        } else {
            run.addStatement(otherwise);
        }
    }

    private void actionBody(MethodSpec.Builder run, StepModel step, ActionModel action, String counter,
            boolean failing) {
        if (failing && action.type() != WorkflowModel.ActionType.RETRY && tokens.containsKey(step.stepId())) {
            run.addStatement("$N = null", tokens.get(step.stepId())); // leaving the step: its next execution is new
        }
        switch (action.type()) {
            case END -> {
                run.addStatement("endedAt = $S", step.stepId());
                run.addStatement("next = null");
            }
            case GOTO -> {
                if (action.workflow() != null) {
                    run.addStatement("$N.run($N(inputs))", action.workflow().fieldName(),
                            action.workflow().fieldName() + "Inputs");
                    run.addStatement("next = null");
                } else if (workflow.step(action.stepId()).isPresent()) {
                    run.addStatement("next = $T.$N", stepEnum, workflow.step(action.stepId()).get().constantName());
                } else {
                    missingStep(run, step, action);
                }
            }
            case RETRY -> {
                run.addStatement("$N++", counter);
                run.addStatement("transport.pauseBeforeRetry($S, $L, $L, $N)", step.stepId(),
                        step.callsWorkflow() ? "null" : "exchange", action.retryAfterSeconds(), counter);
                if (action.workflow() != null) {
                    run.addStatement("$N.run($N(inputs))", action.workflow().fieldName(),
                            action.workflow().fieldName() + "Inputs");
                }
                if (action.stepId() != null && workflow.step(action.stepId()).isEmpty()) {
                    missingStep(run, step, action);
                } else if (action.stepId() != null) {
                    run.addStatement("resume = $T.$N", stepEnum, step.constantName());
                    run.addStatement("next = $T.$N", stepEnum, workflow.step(action.stepId()).get().constantName());
                } else {
                    run.addStatement("next = $T.$N", stepEnum, step.constantName());
                }
            }
        }
    }

    private CodeBlock workflowOutput(OutputModel output) {
        if (output.value() instanceof RuntimeExpression.StepOutput read) {
            StepModel step = workflow.step(read.stepId()).orElseThrow();
            return CodeBlock.of("$N == null ? null : $L", step.methodName(), compiler.converted(read, output.type()));
        }
        return compiler.converted(output.value(), output.type());
    }

    // ---- nested types ------------------------------------------------------------------------

    private TypeSpec inputsRecord() {
        return types.record(inputs, CodeBlock.of("The inputs of workflow {@code $L}.\n",
                Javadocs.escape(workflow.workflowId())), workflow.inputs(), true,
                input -> "input '" + input.name() + "' is required");
    }

    private TypeSpec outputsRecord() {
        MethodSpec.Builder components = MethodSpec.constructorBuilder();
        CodeBlock.Builder doc = CodeBlock.builder().add("The outputs of workflow {@code $L}.\n",
                Javadocs.escape(workflow.workflowId()));
        for (OutputModel output : workflow.outputs()) {
            components.addParameter(output.type(), output.javaName());
            doc.add("$L@param $N {@code $L}\n", workflow.outputs().indexOf(output) == 0 ? "\n" : "", output.javaName(),
                    Javadocs.escape(output.text()));
        }
        return TypeSpec.recordBuilder(outputs)
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc(doc.build())
                .recordConstructor(components.build())
                .build();
    }

    private TypeSpec resultRecord(StepModel step) {
        MethodSpec.Builder components = MethodSpec.constructorBuilder();
        CodeBlock.Builder doc = CodeBlock.builder().add("The outputs of step {@code $L}.\n",
                Javadocs.escape(step.stepId()));
        for (OutputModel output : step.outputs()) {
            components.addParameter(output.type(), output.javaName());
            doc.add("$L@param $N {@code $L}\n", step.outputs().indexOf(output) == 0 ? "\n" : "", output.javaName(),
                    Javadocs.escape(output.text()));
        }
        return TypeSpec.recordBuilder(step.resultType())
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc(doc.build())
                .recordConstructor(components.build())
                .build();
    }

    private TypeSpec stepEnumType() {
        TypeSpec.Builder type = TypeSpec.enumBuilder(stepEnum).addModifiers(Modifier.PRIVATE)
                .addJavadoc("The steps, for {@link #run}'s control flow.\n");
        for (StepModel step : workflow.steps()) {
            type.addEnumConstant(step.constantName());
        }
        if (workflow.steps().isEmpty()) {
            type.addEnumConstant("NONE");
        }
        return type.build();
    }
}
