package dev.arazzo.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.arazzo.codegen.model.JavaNames;
import dev.arazzo.codegen.model.WorkflowModel;
import dev.arazzo.codegen.model.WorkflowModel.SourceModel;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javax.lang.model.element.Modifier;

/**
 * Emits the {@code Builder} of a workflow class: base URIs (all sources, or one by name), HTTP client,
 * timeouts, request interceptor, listener, step budget, and one method per security scheme that takes
 * its credentials.
 */
final class ClientBuilderEmitter {

    private final WorkflowModel workflow;
    private final ClassName className;
    private final ClassName builder;
    private final ClassName transport;
    private final ClassName interceptor;
    private final ClassName listener;
    private final ClassName credentials;

    ClientBuilderEmitter(WorkflowModel workflow, ClassName builder, RuntimeTypes runtime) {
        this.workflow = workflow;
        this.className = workflow.className();
        this.builder = builder;
        this.transport = runtime.transport();
        this.interceptor = runtime.requestInterceptor();
        this.listener = runtime.workflowListener();
        this.credentials = runtime.credentials();
    }

    /** Whether a server url is absolute, so that it can be a default base URI. */
    static boolean isAbsolute(String uri) {
        if (uri == null) {
            return false;
        }
        try {
            return URI.create(uri).isAbsolute();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The constant that holds a source's default base URI. */
    static String defaultUriConstant(SourceModel source) {
        return JavaNames.constant(source.name()) + "_DEFAULT_URI";
    }

    TypeSpec builderType() {
        TypeSpec.Builder type = TypeSpec.classBuilder(builder)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Configures a {@link $T}: base URIs, HTTP client, request interceptor, timeouts.\n", className);
        for (SourceModel source : workflow.sources()) {
            FieldSpec.Builder field = FieldSpec.builder(URI.class, source.fieldName(), Modifier.PRIVATE);
            if (isAbsolute(source.defaultUri())) {
                field.initializer("$N", defaultUriConstant(source));
            }
            type.addField(field.build());
        }
        type.addField(HttpClient.class, "httpClient", Modifier.PRIVATE);
        type.addField(FieldSpec.builder(Duration.class, "connectTimeout", Modifier.PRIVATE)
                .initializer("$T.DEFAULT_CONNECT_TIMEOUT", transport).build());
        type.addField(listener, "listener", Modifier.PRIVATE);
        type.addField(FieldSpec.builder(credentials, "credentials",
                Modifier.PRIVATE).initializer("new $T()", credentials).build());
        type.addField(interceptor, "requestInterceptor", Modifier.PRIVATE);
        type.addField(FieldSpec.builder(Duration.class, "requestTimeout", Modifier.PRIVATE)
                .initializer("$T.DEFAULT_REQUEST_TIMEOUT", transport).build());
        type.addField(FieldSpec.builder(int.class, "maxStepExecutions", Modifier.PRIVATE)
                .initializer("DEFAULT_MAX_STEP_EXECUTIONS").build());
        type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());

        MethodSpec.Builder all = MethodSpec.methodBuilder("baseUri")
                .addJavadoc("Sends the requests of every source to {@code baseUri} instead of its OpenAPI server url.\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(builder)
                .addParameter(URI.class, "baseUri")
                .addStatement("$T.requireNonNull(baseUri, $S)", Objects.class, "baseUri");
        for (SourceModel source : workflow.sources()) {
            all.addStatement("this.$N = baseUri", source.fieldName());
        }
        type.addMethod(all.addStatement("return this").build());

        MethodSpec.Builder named = MethodSpec.methodBuilder("baseUri")
                .addJavadoc("Sends the requests of source description {@code sourceName} to {@code baseUri}.\n\n"
                        + "@throws IllegalArgumentException when the workflow calls no source of that name\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(builder)
                .addParameter(String.class, "sourceName")
                .addParameter(URI.class, "baseUri")
                .addStatement("$T.requireNonNull(baseUri, $S)", Objects.class, "baseUri")
                .beginControlFlow("switch ($T.requireNonNull(sourceName, $S))", Objects.class, "sourceName");
        for (SourceModel source : workflow.sources()) {
            named.addStatement("case $S -> this.$N = baseUri", source.name(), source.fieldName());
        }
        named.addStatement("default -> throw new $T($S + sourceName + $S)", IllegalArgumentException.class,
                "workflow '" + workflow.workflowId() + "' calls no source named '",
                "'; its sources are " + String.join(", ", workflow.sources().stream().map(SourceModel::name).toList()));
        named.endControlFlow();
        type.addMethod(named.addStatement("return this").build());

        type.addMethod(setter("httpClient", TypeName.get(HttpClient.class),
                "The HTTP client to send requests with; by default one with a 10 second connect timeout."));
        type.addMethod(setter("requestInterceptor", interceptor,
                "Changes every request before it is sent: authentication, signing, tracing."));
        type.addMethod(setter("listener", listener,
                "Hears every step start and end and every retry: for metrics and tracing."));
        for (WorkflowModel.SecuritySchemeModel scheme : workflow.securitySchemes()) {
            securityMethods(scheme).forEach(type::addMethod);
        }
        type.addMethod(MethodSpec.methodBuilder("credentials")
                .addJavadoc("Shares the credentials of a workflow that calls this one.\n")
                .returns(builder)
                .addParameter(credentials, "credentials")
                .addStatement("this.credentials = $T.requireNonNull(credentials, $S)", Objects.class, "credentials")
                .addStatement("return this")
                .build());
        type.addMethod(MethodSpec.methodBuilder("connectTimeout")
                .addJavadoc("How long connecting may take when no {@link #httpClient} is given; 10 seconds by default.\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(builder)
                .addParameter(Duration.class, "connectTimeout")
                .beginControlFlow("if (connectTimeout.isNegative() || connectTimeout.isZero())")
                .addStatement("throw new $T($S + connectTimeout)", IllegalArgumentException.class,
                        "connectTimeout must be positive: ")
                .endControlFlow()
                .addStatement("this.connectTimeout = connectTimeout")
                .addStatement("return this")
                .build());
        type.addMethod(MethodSpec.methodBuilder("requestTimeout")
                .addJavadoc("How long one request may take; 30 seconds by default.\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(builder)
                .addParameter(Duration.class, "requestTimeout")
                .beginControlFlow("if (requestTimeout.isNegative() || requestTimeout.isZero())")
                .addStatement("throw new $T($S + requestTimeout)", IllegalArgumentException.class,
                        "requestTimeout must be positive: ")
                .endControlFlow()
                .addStatement("this.requestTimeout = requestTimeout")
                .addStatement("return this")
                .build());
        type.addMethod(MethodSpec.methodBuilder("maxStepExecutions")
                .addJavadoc("How many step executions one run may make before it fails; stops goto loops.\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(builder)
                .addParameter(int.class, "maxStepExecutions")
                .beginControlFlow("if (maxStepExecutions < 1)")
                .addStatement("throw new $T($S + maxStepExecutions)", IllegalArgumentException.class,
                        "maxStepExecutions must be at least 1: ")
                .endControlFlow()
                .addStatement("this.maxStepExecutions = maxStepExecutions")
                .addStatement("return this")
                .build());
        MethodSpec.Builder build = MethodSpec.methodBuilder("build")
                .addModifiers(Modifier.PUBLIC)
                .returns(className);
        for (SourceModel source : workflow.sources()) {
            if (!isAbsolute(source.defaultUri())) {
                build.beginControlFlow("if ($N == null)", source.fieldName());
                build.addStatement("throw new $T($S)", IllegalStateException.class, "source '" + source.name()
                        + "' has no absolute server url in its OpenAPI description"
                        + (source.defaultUri() == null ? "" : " (it says '" + source.defaultUri() + "')")
                        + "; set one with baseUri(\"" + source.name() + "\", uri)");
                build.endControlFlow();
            }
        }
        type.addMethod(build.addStatement("return new $T(this)", className).build());
        return type.build();
    }

    /** The builder methods that take the credentials of one security scheme. */
    private List<MethodSpec> securityMethods(WorkflowModel.SecuritySchemeModel scheme) {
        String about = scheme.description() == null ? "" : "\n\n<p>" + Javadocs.escape(scheme.description());
        MethodSpec.Builder method = MethodSpec.methodBuilder(scheme.methodName())
                .addModifiers(Modifier.PUBLIC)
                .returns(builder);
        List<MethodSpec> methods = new ArrayList<>();
        switch (scheme.kind()) {
            case API_KEY -> methods.add(method
                    .addJavadoc("The API key of security scheme {@code $L}, sent as $L {@code $L}.$L\n",
                            Javadocs.escape(scheme.name()), scheme.in(), Javadocs.escape(scheme.parameterName()), about)
                    .addParameter(String.class, "apiKey")
                    .addStatement("credentials.apiKey($S, $S, $S, apiKey)", scheme.name(), scheme.in(),
                            scheme.parameterName())
                    .addStatement("return this").build());
            case BASIC -> methods.add(method
                    .addJavadoc("The user name and password of HTTP basic security scheme {@code $L}.$L\n",
                            Javadocs.escape(scheme.name()), about)
                    .addParameter(String.class, "username")
                    .addParameter(String.class, "password")
                    .addStatement("credentials.basic($S, username, password)", scheme.name())
                    .addStatement("return this").build());
            case BEARER, OAUTH2_CLIENT_CREDENTIALS -> {
                methods.add(method
                        .addJavadoc("The bearer tokens of security scheme {@code $L}, asked for before each request "
                                + "(a supplier that refreshes them as they expire).$L\n", Javadocs.escape(scheme.name()),
                                about)
                        .addParameter(ParameterizedTypeName.get(Supplier.class, String.class), "tokens")
                        .addStatement("credentials.bearer($S, tokens)", scheme.name())
                        .addStatement("return this").build());
                if (scheme.kind() == WorkflowModel.SecurityKind.OAUTH2_CLIENT_CREDENTIALS) {
                    methods.add(MethodSpec.methodBuilder(scheme.methodName() + "ClientCredentials")
                            .addJavadoc("Fetches the tokens of OAuth2 security scheme {@code $L} from {@code $L} with the "
                                    + "client credentials grant,\nand keeps each until 30 seconds before it expires.\n",
                                    Javadocs.escape(scheme.name()), Javadocs.escape(scheme.tokenUrl()))
                            .addModifiers(Modifier.PUBLIC)
                            .returns(builder)
                            .addParameter(String.class, "clientId")
                            .addParameter(String.class, "clientSecret")
                            .addStatement("credentials.clientCredentials($S, $S, clientId, clientSecret, $L)", scheme.name(),
                                    scheme.tokenUrl(), CodeBlock.of("$T.of($L)", List.class, CodeBlock.join(
                                            scheme.scopes().stream().map(x -> CodeBlock.of("$S", x)).toList(), ", ")))
                            .addStatement("return this").build());
                }
            }
        }
        return methods;
    }

    private MethodSpec setter(String name, TypeName type, String doc) {
        return MethodSpec.methodBuilder(name)
                .addJavadoc("$L\n", doc)
                .addModifiers(Modifier.PUBLIC)
                .returns(builder)
                .addParameter(type, name)
                .addStatement("this.$N = $N", name, name)
                .addStatement("return this")
                .build();
    }
}
