package dev.arazzo.codegen.emit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.arazzo.codegen.emit.StepEmitter.StepHelpers;
import dev.arazzo.codegen.model.WorkflowModel;
import dev.arazzo.codegen.model.WorkflowModel.CalleeModel;
import dev.arazzo.codegen.model.WorkflowModel.ServerModel;
import dev.arazzo.codegen.model.WorkflowModel.SourceModel;
import dev.arazzo.codegen.model.WorkflowModel.StepModel;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.lang.model.element.Modifier;

/**
 * The emit stage: one {@link JavaFile} per workflow, from its {@link WorkflowModel}.
 *
 * <p>The class holds nested records {@code Inputs} (with a builder that checks required inputs),
 * {@code Outputs} and one result record per step; one public method per step; {@code run(Inputs)}
 * with the workflow's control flow; and a builder for base URIs, the HTTP client, a request
 * interceptor, the timeouts and the step budget. This class puts the file together; each concern has
 * its emitter: {@link StepEmitter} (step methods), {@link RunEmitter} (the run loop),
 * {@link CriteriaEmitter}, {@link TypeEmitter}, {@link ResultTypeEmitter}, {@link ClientBuilderEmitter}.
 */
public final class WorkflowEmitter {

    /** The generator that the {@code @Generated} annotation names: the class of its entry point. */
    public static final String GENERATOR = "dev.arazzo.codegen.ArazzoCodegen";

    private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

    private final EmitContext context;
    private final WorkflowModel workflow;
    private final WorkflowNames names;

    private WorkflowEmitter(EmitContext context) {
        this.context = context;
        this.workflow = context.workflow();
        this.names = context.names();
    }

    /**
     * The Java file for {@code workflow}.
     *
     * @param specName the file name of the document it came from
     * @param runtime the run-time support types the generated code calls
     * @param idempotencyTokens whether steps supply the idempotency tokens their operations take
     */
    public static JavaFile emit(WorkflowModel workflow, String specName, RuntimeTypes runtime,
            boolean idempotencyTokens) {
        return new WorkflowEmitter(new EmitContext(workflow, specName, runtime, idempotencyTokens)).file();
    }

    private JavaFile file() {
        StepEmitter steps = new StepEmitter(context);
        Map<String, StepHelpers> helpers = new LinkedHashMap<>();
        workflow.steps().forEach(step -> helpers.put(step.stepId(), steps.helpers(step)));
        RunEmitter run = new RunEmitter(context, helpers);
        List<MethodSpec> methods = new ArrayList<>(List.of(builderMethod(), run.run(), run.execute()));
        workflow.steps().forEach(step -> methods.add(steps.publicMethod(step, helpers.get(step.stepId()))));
        helpers.values().forEach(step -> methods.addAll(step.methods()));
        methods.addAll(new CalleeInputsEmitter(context).methods());

        TypeSpec.Builder type = TypeSpec.classBuilder(workflow.className())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addAnnotation(AnnotationSpec.builder(GENERATED)
                        .addMember("value", "$S", GENERATOR)
                        .addMember("comments", "$L", comments())
                        .build())
                .addJavadoc(classJavadoc());
        fields(type);
        type.addMethod(constructor());
        type.addMethods(methods);
        type.addTypes(nestedTypes());
        return JavaFile.builder(workflow.className().packageName(), type.build())
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }

    /** Where the class comes from; split only when it would not fit its line. */
    private CodeBlock comments() {
        String comments = "workflow " + workflow.workflowId() + " of " + context.specName();
        return comments.length() <= 96 ? Literals.literal(comments) : Literals.string(comments);
    }

    private CodeBlock classJavadoc() {
        CodeBlock.Builder doc = CodeBlock.builder();
        if (workflow.summary() != null) {
            doc.add("$L\n\n", Javadocs.escape(workflow.summary()));
        }
        if (workflow.description() != null) {
            doc.add("<p>$L\n\n", Javadocs.escape(workflow.description()));
        }
        String simpleName = workflow.className().simpleName();
        doc.add("<p>Generated from workflow {@code $L}\nof {@code $L}:\n", Javadocs.escape(workflow.workflowId()),
                Javadocs.escape(context.specName()));
        doc.add("<pre>{@code\n");
        doc.add("var client = $L.builder()$L.build();\n", simpleName, exampleBaseUris()
                + (MessageStepEmitter.needed(workflow) ? ".messageTransport(transport)" : ""));
        doc.add("var outputs = client.run($L.Inputs.builder()\n        // set the inputs\n        .build());\n",
                simpleName);
        doc.add("}</pre>\n");
        return doc.build();
    }

    /**
     * The {@code baseUri} calls the class example needs: {@code build()} throws for a source without an absolute
     * server url, so the example sets those (all of them with the one-argument form when none has one).
     */
    private String exampleBaseUris() {
        List<SourceModel> missing = workflow.sources().stream()
                .filter(source -> workflow.servers().stream()
                        .anyMatch(server -> server.source().equals(source.name()) && server.url() == null))
                .toList();
        if (missing.isEmpty()) {
            return "";
        }
        String uri = "URI.create(\"https://api.example.com\")";
        if (missing.size() == workflow.sources().size()) {
            return "\n        .baseUri(" + uri + ") // the OpenAPI description names no server url\n        ";
        }
        StringBuilder calls = new StringBuilder();
        for (SourceModel source : missing) {
            calls.append("\n        .baseUri(\"").append(Javadocs.escape(source.name())).append("\", ").append(uri)
                    .append(")");
        }
        return calls.append("\n        ").toString();
    }

    /** The constants (step budget, default base URIs, regex patterns), then the client's state. */
    private void fields(TypeSpec.Builder type) {
        type.addField(FieldSpec.builder(int.class, "DEFAULT_MAX_STEP_EXECUTIONS", Modifier.PUBLIC, Modifier.STATIC,
                        Modifier.FINAL)
                .addJavadoc("How many step executions one run may make, unless the builder says otherwise.\n")
                .initializer("$L", 1000).build());
        for (ServerModel server : workflow.servers()) {
            type.addField(FieldSpec.builder(context.runtime().server(), names.server(server), Modifier.PRIVATE,
                            Modifier.STATIC, Modifier.FINAL)
                    .initializer(server(server)).build());
        }
        if (ClientBuilderEmitter.hasServerVariables(workflow)) {
            type.addField(FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(List.class),
                                    context.runtime().server()), "SERVERS", Modifier.PRIVATE, Modifier.STATIC,
                            Modifier.FINAL)
                    .initializer("$T.of($L)", List.class, CodeBlock.join(workflow.servers().stream()
                            .map(server -> CodeBlock.of("$N", names.server(server))).toList(), ",$W"))
                    .build());
        }
        names.patterns().forEach((pattern, name) -> type.addField(FieldSpec.builder(Pattern.class, name,
                        Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("$T.compile($Z$L)", Pattern.class, Literals.string(pattern)).build()));
        type.addField(context.runtime().transport(), "transport", Modifier.PRIVATE, Modifier.FINAL);
        for (ServerModel server : ownServers()) {
            type.addField(URI.class, server.fieldName(), Modifier.PRIVATE, Modifier.FINAL);
        }
        type.addField(int.class, "maxStepExecutions", Modifier.PRIVATE, Modifier.FINAL);
        if (MessageStepEmitter.needed(workflow)) {
            type.addField(context.runtime().messaging(), "messaging", Modifier.PRIVATE, Modifier.FINAL);
        }
        for (CalleeModel callee : workflow.callees()) {
            type.addField(callee.className(), callee.fieldName(), Modifier.PRIVATE, Modifier.FINAL);
        }
    }

    private MethodSpec constructor() {
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addParameter(names.builder(), "builder")
                .addStatement("this.transport = new $T($Z$L,$Wbuilder.httpClient, builder.connectTimeout,$W"
                        + "builder.requestInterceptor, builder.requestTimeout, builder.listener,$W"
                        + "builder.credentials.copy(),$Wbuilder.maxRetryDelay, builder.maxResponseBytes,$W"
                        + "builder.sslContext)",
                        context.runtime().transport(), Literals.string(workflow.workflowId()));
        for (ServerModel server : ownServers()) {
            constructor.addStatement("this.$N = builder.servers.uri($N)", server.fieldName(), names.server(server));
        }
        constructor.addStatement("this.maxStepExecutions = builder.maxStepExecutions");
        if (MessageStepEmitter.needed(workflow)) {
            constructor.addStatement("this.messaging = builder.messaging.copy($L, builder.listener)",
                    Literals.string(workflow.workflowId()));
            constructor.addCode(new MessageStepEmitter(context).requirements());
        }
        for (CalleeModel callee : workflow.callees()) {
            constructor.addStatement(callee(callee));
        }
        return constructor.build();
    }

    /** A called workflow's client, configured like this one, sharing its HTTP client and credentials. */
    private CodeBlock callee(CalleeModel callee) {
        CodeBlock.Builder build = CodeBlock.builder()
                .add("this.$N = $T.builder()", callee.fieldName(), callee.className())
                .add("\n.httpClient(transport.client())")
                .add("\n.requestInterceptor(builder.requestInterceptor)")
                .add("\n.requestTimeout(builder.requestTimeout)")
                .add("\n.maxStepExecutions(builder.maxStepExecutions)")
                .add("\n.maxRetryDelay(builder.maxRetryDelay)")
                .add("\n.maxResponseBytes(builder.maxResponseBytes)")
                .add("\n.listener(builder.listener)")
                .add("\n.credentials(transport.credentials())")
                .add("\n.servers(builder.servers)");
        if (callee.messages()) {
            build.add("\n.messaging(builder.messaging)");
        }
        return build.add("\n.build()").build();
    }

    /** The servers the workflow's own steps send to, each once, in step order. */
    private List<ServerModel> ownServers() {
        List<ServerModel> own = new ArrayList<>();
        for (StepModel step : workflow.steps()) {
            if (step.target() instanceof WorkflowModel.HttpCall http && !own.contains(http.server())) {
                own.add(http.server());
            }
        }
        return own;
    }

    /** {@code Servers.Server.of("pets", "https://{region}.example.com", Servers.Variable.of(...))}. */
    private CodeBlock server(ServerModel server) {
        if (server.url() == null) {
            return CodeBlock.of("$T.missing($S,$W$L)", context.runtime().server(), server.source(),
                    Literals.string(server.missing()));
        }
        List<CodeBlock> arguments = new ArrayList<>();
        arguments.add(CodeBlock.of("$L", Literals.string(server.source())));
        arguments.add(Literals.string(server.url()));
        for (WorkflowModel.ServerVariableModel variable : server.variables()) {
            List<CodeBlock> values = new ArrayList<>();
            values.add(CodeBlock.of("$L", Literals.string(variable.name())));
            values.add(CodeBlock.of("$L", Literals.string(variable.defaultValue())));
            variable.allowed().forEach(allowed -> values.add(CodeBlock.of("$L", Literals.string(allowed))));
            arguments.add(CodeBlock.of("$T.of($L)", context.runtime().serverVariable(),
                    CodeBlock.join(values, ",$W")));
        }
        return CodeBlock.of("$T.of($L)", context.runtime().server(), CodeBlock.join(arguments, ",$W"));
    }

    private MethodSpec builderMethod() {
        return MethodSpec.methodBuilder("builder")
                .addJavadoc("Starts configuring a client of this workflow.\n\n"
                        + "@return a builder with the defaults set\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(names.builder())
                .addStatement("return new $T()", names.builder())
                .build();
    }

    private List<TypeSpec> nestedTypes() {
        ResultTypeEmitter results = new ResultTypeEmitter(context);
        List<TypeSpec> types = new ArrayList<>();
        types.add(context.types().record(names.inputs(), CodeBlock.of("The inputs of workflow {@code $L}.\n",
                Javadocs.escape(workflow.workflowId())), workflow.inputs(), true,
                input -> "input '" + input.name() + "' is required"));
        workflow.types().forEach(nested -> types.add(context.types().type(nested)));
        types.add(results.outputs());
        types.addAll(results.results());
        for (StepModel step : workflow.steps()) {
            types.add(results.stepResult(step));
        }
        types.add(results.stepEnum());
        types.add(new ClientBuilderEmitter(context).builderType());
        return types;
    }
}
