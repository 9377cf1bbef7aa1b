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
 * timeouts, request interceptor, listener, step budget, bounds on retry waits and response bodies, and
 * one method per security scheme that takes its credentials.
 */
final class ClientBuilderEmitter {

    private final WorkflowModel workflow;
    private final WorkflowNames names;
    private final ClassName className;
    private final ClassName builder;
    private final ClassName transport;
    private final ClassName interceptor;
    private final ClassName listener;
    private final ClassName credentials;

    ClientBuilderEmitter(EmitContext context) {
        this.workflow = context.workflow();
        this.names = context.names();
        this.className = workflow.className();
        this.builder = names.builder();
        this.transport = context.runtime().transport();
        this.interceptor = context.runtime().requestInterceptor();
        this.listener = context.runtime().workflowListener();
        this.credentials = context.runtime().credentials();
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

    TypeSpec builderType() {
        TypeSpec.Builder type = TypeSpec.classBuilder(builder)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Configures a {@link $T}:\nbase URIs, HTTP client, request interceptor, timeouts.\n",
                        className);
        fields(type);
        type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        type.addMethod(baseUri());
        type.addMethod(namedBaseUri());
        type.addMethod(setter("httpClient", TypeName.get(HttpClient.class),
                "The HTTP client to send requests with; by default one with a 10 second connect timeout.",
                "the client, or null for the default one"));
        type.addMethod(setter("requestInterceptor", interceptor,
                "Changes every request before it is sent: authentication, signing, tracing.",
                "the interceptor, or null for none"));
        type.addMethod(setter("listener", listener,
                "Hears every step start and end and every retry: for metrics and tracing.",
                "the listener, or null for none"));
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
        type.addMethod(positive("connectTimeout", "How long connecting may take when no {@link #httpClient} is "
                + "given;\n10 seconds by default."));
        type.addMethod(positive("requestTimeout", "How long one request may take; 30 seconds by default."));
        type.addMethod(MethodSpec.methodBuilder("maxStepExecutions")
                .addJavadoc("How many step executions one run may make before it fails; stops goto loops.\n\n"
                        + "@param maxStepExecutions at least 1; {@link #DEFAULT_MAX_STEP_EXECUTIONS} by default\n"
                        + "@return this builder\n"
                        + "@throws IllegalArgumentException when it is less than 1\n")
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
        type.addMethod(MethodSpec.methodBuilder("maxRetryDelay")
                .addJavadoc("The longest wait before a retry: a {@code Retry-After} (or a {@code retryAfter}) that\n"
                        + "asks for longer fails the step with the server's value instead of waiting.\n\n"
                        + "@param maxRetryDelay zero or more; 60 seconds by default\n"
                        + "@return this builder\n"
                        + "@throws IllegalArgumentException when it is negative\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(builder)
                .addParameter(Duration.class, "maxRetryDelay")
                .beginControlFlow("if (maxRetryDelay.isNegative())")
                .addStatement("throw new $T($S + maxRetryDelay)", IllegalArgumentException.class,
                        "maxRetryDelay must not be negative: ")
                .endControlFlow()
                .addStatement("this.maxRetryDelay = maxRetryDelay")
                .addStatement("return this")
                .build());
        type.addMethod(MethodSpec.methodBuilder("maxResponseBytes")
                .addJavadoc("The most bytes of one response body that are read: a larger body is cut there\n"
                        + "(its excerpt still shows in a step failure), and a step that reads it fails.\n\n"
                        + "@param maxResponseBytes at least 1; 16 MiB by default\n"
                        + "@return this builder\n"
                        + "@throws IllegalArgumentException when it is less than 1\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(builder)
                .addParameter(int.class, "maxResponseBytes")
                .beginControlFlow("if (maxResponseBytes < 1)")
                .addStatement("throw new $T($S + maxResponseBytes)", IllegalArgumentException.class,
                        "maxResponseBytes must be at least 1: ")
                .endControlFlow()
                .addStatement("this.maxResponseBytes = maxResponseBytes")
                .addStatement("return this")
                .build());
        type.addMethod(build());
        return type.build();
    }

    private void fields(TypeSpec.Builder type) {
        for (SourceModel source : workflow.sources()) {
            FieldSpec.Builder field = FieldSpec.builder(URI.class, source.fieldName(), Modifier.PRIVATE);
            if (isAbsolute(source.defaultUri())) {
                field.initializer("$N", names.defaultUri(source));
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
        type.addField(FieldSpec.builder(Duration.class, "maxRetryDelay", Modifier.PRIVATE)
                .initializer("$T.DEFAULT_MAX_RETRY_DELAY", transport).build());
        type.addField(FieldSpec.builder(int.class, "maxResponseBytes", Modifier.PRIVATE)
                .initializer("$T.DEFAULT_MAX_RESPONSE_BYTES", transport).build());
    }

    private MethodSpec baseUri() {
        MethodSpec.Builder all = MethodSpec.methodBuilder("baseUri")
                .addJavadoc("Sends the requests of every source to {@code baseUri}\n"
                        + "instead of its OpenAPI server url.\n\n"
                        + "@param baseUri where the requests go\n"
                        + "@return this builder\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(builder)
                .addParameter(URI.class, "baseUri")
                .addStatement("$T.requireNonNull(baseUri, $S)", Objects.class, "baseUri");
        for (SourceModel source : workflow.sources()) {
            all.addStatement("this.$N = baseUri", source.fieldName());
        }
        return all.addStatement("return this").build();
    }

    private MethodSpec namedBaseUri() {
        MethodSpec.Builder named = MethodSpec.methodBuilder("baseUri")
                .addJavadoc("Sends the requests of source description {@code sourceName} to {@code baseUri}.\n\n"
                        + "@param sourceName the name of a source description the workflow calls\n"
                        + "@param baseUri where its requests go\n"
                        + "@return this builder\n"
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
        named.addStatement("default -> throw new $T($Z$L + sourceName$W+ $L)", IllegalArgumentException.class,
                Literals.string("workflow '" + workflow.workflowId() + "' calls no source named '"),
                Literals.string("'; its sources are "
                        + String.join(", ", workflow.sources().stream().map(SourceModel::name).toList())));
        named.endControlFlow();
        return named.addStatement("return this").build();
    }

    /** A setter of a positive duration. */
    private MethodSpec positive(String name, String doc) {
        return MethodSpec.methodBuilder(name)
                .addJavadoc("$L\n\n@param $N a positive duration\n@return this builder\n"
                        + "@throws IllegalArgumentException when it is zero or negative\n", doc, name)
                .addModifiers(Modifier.PUBLIC)
                .returns(builder)
                .addParameter(Duration.class, name)
                .beginControlFlow("if ($N.isNegative() || $N.isZero())", name, name)
                .addStatement("throw new $T($S + $N)", IllegalArgumentException.class, name + " must be positive: ",
                        name)
                .endControlFlow()
                .addStatement("this.$N = $N", name, name)
                .addStatement("return this")
                .build();
    }

    private MethodSpec build() {
        MethodSpec.Builder build = MethodSpec.methodBuilder("build")
                .addJavadoc("Makes the client.\n\n@return a client of the workflow, configured as this builder says\n"
                        + "$L", workflow.sources().stream().allMatch(s -> isAbsolute(s.defaultUri())) ? ""
                        : "@throws IllegalStateException when a source has no base URI\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(className);
        for (SourceModel source : workflow.sources()) {
            if (!isAbsolute(source.defaultUri())) {
                build.beginControlFlow("if ($N == null)", source.fieldName());
                build.addStatement("throw new $T($L)", IllegalStateException.class, Literals.string("source '"
                        + source.name() + "' has no absolute server url in its OpenAPI description"
                        + (source.defaultUri() == null ? "" : " (it says '" + source.defaultUri() + "')")
                        + "; set one with baseUri(\"" + source.name() + "\", uri)"));
                build.endControlFlow();
            }
        }
        return build.addStatement("return new $T(this)", className).build();
    }

    /** The builder methods that take the credentials of one security scheme. */
    private List<MethodSpec> securityMethods(WorkflowModel.SecuritySchemeModel scheme) {
        String about = scheme.description() == null ? "" : "\n\n<p>" + Javadocs.escape(scheme.description());
        String name = Javadocs.escape(scheme.name());
        return switch (scheme.kind()) {
            case API_KEY -> List.of(credential(scheme.methodName())
                    .addJavadoc("The API key of security scheme {@code $L},\nsent as $L {@code $L}.$L\n\n"
                            + "@param apiKey the key\n@return this builder\n", name, scheme.in(),
                            Javadocs.escape(scheme.parameterName()), about)
                    .addParameter(String.class, "apiKey")
                    .addStatement("credentials.apiKey($S, $S, $S, apiKey)", scheme.name(), scheme.in(),
                            scheme.parameterName())
                    .addStatement("return this").build());
            case BASIC -> List.of(credential(scheme.methodName())
                    .addJavadoc("The user name and password of HTTP basic security scheme {@code $L}.$L\n\n"
                            + "@param username the user name\n@param password the password\n@return this builder\n",
                            name, about)
                    .addParameter(String.class, "username")
                    .addParameter(String.class, "password")
                    .addStatement("credentials.basic($S, username, password)", scheme.name())
                    .addStatement("return this").build());
            case BEARER -> List.of(bearer(scheme, about));
            case OAUTH2_CLIENT_CREDENTIALS -> List.of(bearer(scheme, about), clientCredentials(scheme));
        };
    }

    private MethodSpec.Builder credential(String name) {
        return MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(builder);
    }

    private MethodSpec bearer(WorkflowModel.SecuritySchemeModel scheme, String about) {
        return credential(scheme.methodName())
                .addJavadoc("The bearer tokens of security scheme {@code $L}, asked for before each request\n"
                        + "(a supplier that refreshes them as they expire).$L\n\n"
                        + "@param tokens gives the current token\n@return this builder\n",
                        Javadocs.escape(scheme.name()), about)
                .addParameter(ParameterizedTypeName.get(Supplier.class, String.class), "tokens")
                .addStatement("credentials.bearer($S, tokens)", scheme.name())
                .addStatement("return this").build();
    }

    private MethodSpec clientCredentials(WorkflowModel.SecuritySchemeModel scheme) {
        CodeBlock scopes = CodeBlock.of("$T.of($L)", List.class,
                CodeBlock.join(scheme.scopes().stream().map(x -> CodeBlock.of("$S", x)).toList(), ",$W"));
        return credential(scheme.methodName() + "ClientCredentials")
                .addJavadoc("Fetches the tokens of OAuth2 security scheme {@code $L}\nfrom {@code $L}\n"
                        + "with the client credentials grant, and keeps each until 30 seconds before it expires.\n\n"
                        + "@param clientId the client's id\n@param clientSecret the client's secret\n"
                        + "@return this builder\n",
                        Javadocs.escape(scheme.name()), Javadocs.escape(scheme.tokenUrl()))
                .addParameter(String.class, "clientId")
                .addParameter(String.class, "clientSecret")
                .addStatement("credentials.clientCredentials($S, $S,$WclientId, clientSecret, $L)", scheme.name(),
                        scheme.tokenUrl(), scopes)
                .addStatement("return this").build();
    }

    private MethodSpec setter(String name, TypeName type, String doc, String parameterDoc) {
        return MethodSpec.methodBuilder(name)
                .addJavadoc("$L\n\n@param $N $L\n@return this builder\n", doc, name, parameterDoc)
                .addModifiers(Modifier.PUBLIC)
                .returns(builder)
                .addParameter(type, name)
                .addStatement("this.$N = $N", name, name)
                .addStatement("return this")
                .build();
    }
}
