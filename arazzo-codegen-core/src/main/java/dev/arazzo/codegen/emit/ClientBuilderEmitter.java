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
import javax.net.ssl.SSLContext;

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
    private final ClassName servers;
    private final ClassName messaging;
    private final ClassName messageTransport;

    ClientBuilderEmitter(EmitContext context) {
        this.workflow = context.workflow();
        this.names = context.names();
        this.className = workflow.className();
        this.builder = names.builder();
        this.transport = context.runtime().transport();
        this.interceptor = context.runtime().requestInterceptor();
        this.listener = context.runtime().workflowListener();
        this.credentials = context.runtime().credentials();
        this.servers = context.runtime().servers();
        this.messaging = context.runtime().messaging();
        this.messageTransport = context.runtime().messageTransport();
    }

    /** Whether some server of the workflow (or of a workflow it calls) has variables. */
    static boolean hasServerVariables(WorkflowModel workflow) {
        return workflow.servers().stream().anyMatch(server -> !server.variables().isEmpty());
    }

    TypeSpec builderType() {
        TypeSpec.Builder type = TypeSpec.classBuilder(builder)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Configures a {@link $T}:\nbase URIs, HTTP client, request interceptor, timeouts.\n",
                        className);
        fields(type);
        boolean expects = !workflow.securitySchemes().isEmpty();
        type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
                .addCode(expects ? CodeBlock.of("expectCredentials();\n") : CodeBlock.of(""))
                .build());
        type.addMethod(baseUri());
        type.addMethod(namedBaseUri());
        if (hasServerVariables(workflow)) {
            type.addMethod(serverVariable(false));
            if (workflow.sources().size() > 1) {
                type.addMethod(serverVariable(true));
            }
        }
        type.addMethod(MethodSpec.methodBuilder("servers")
                .addJavadoc("Shares the base URIs and server variables of a workflow that calls this one.\n\n"
                        + "@param servers the caller's\n@return this builder\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(builder)
                .addParameter(servers, "servers")
                .addStatement("this.servers = $T.requireNonNull(servers, $S)", Objects.class, "servers")
                .addStatement("return this")
                .build());
        type.addMethod(setter("httpClient", TypeName.get(HttpClient.class),
                "The HTTP client to send requests with; by default one with a 10 second connect timeout\n"
                        + "(and the {@link #sslContext} when one is set). A client given here is used as it is:\n"
                        + "{@link #connectTimeout} and {@link #sslContext} do not change it.",
                "the client, or null for the default one"));
        type.addMethod(setter("sslContext", TypeName.get(SSLContext.class),
                "The TLS context of the client this builder makes: its key managers present the client\n"
                        + "certificate of a {@code mutualTLS} security scheme, its trust managers decide which\n"
                        + "servers are trusted. Not applied to a client given with {@link #httpClient}, which is\n"
                        + "used as it is (a {@code mutualTLS} requirement then counts as met).",
                "the context, or null for the JDK's default"));
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
                .addCode(expects ? CodeBlock.of("expectCredentials();\n") : CodeBlock.of(""))
                .addStatement("return this")
                .build());
        if (expects) {
            type.addMethod(expectCredentials());
        }
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
        if (MessageStepEmitter.needed(workflow)) {
            messageMethods(type);
        }
        type.addMethod(build());
        return type.build();
    }

    /** The message side: the transports of the AsyncAPI sources, the default receive timeout, the caller's share. */
    private void messageMethods(TypeSpec.Builder type) {
        type.addField(FieldSpec.builder(messaging, "messaging", Modifier.PRIVATE).initializer("new $T()", messaging)
                .build());
        type.addMethod(MethodSpec.methodBuilder("messageTransport")
                .addJavadoc("Sends and receives the messages of every AsyncAPI source through {@code transport}\n"
                        + "(unless a source has its own): {@code KafkaMessageTransport} of {@code arazzo-kafka},\n"
                        + "{@code InMemoryMessageTransport} in tests. Required: {@link #build()} fails without one.\n\n"
                        + "@param transport the transport\n@return this builder\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(builder)
                .addParameter(messageTransport, "transport")
                .addStatement("messaging.transport(transport)")
                .addStatement("return this")
                .build());
        type.addMethod(MethodSpec.methodBuilder("messageTransport")
                .addJavadoc("Sends and receives the messages of AsyncAPI source description {@code sourceName}\n"
                        + "through {@code transport}, instead of the transport for every source.\n\n"
                        + "@param sourceName the name of an AsyncAPI source description\n"
                        + "@param transport the transport\n@return this builder\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(builder)
                .addParameter(String.class, "sourceName")
                .addParameter(messageTransport, "transport")
                .addStatement("messaging.transport(sourceName, transport)")
                .addStatement("return this")
                .build());
        type.addMethod(MethodSpec.methodBuilder("defaultReceiveTimeout")
                .addJavadoc("How long a receive step without a {@code timeout} waits for its message; 30 seconds\n"
                        + "by default.\n\n@param defaultReceiveTimeout a positive duration\n@return this builder\n"
                        + "@throws IllegalArgumentException when it is zero or negative\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(builder)
                .addParameter(Duration.class, "defaultReceiveTimeout")
                .addStatement("messaging.defaultReceiveTimeout(defaultReceiveTimeout)")
                .addStatement("return this")
                .build());
        type.addMethod(MethodSpec.methodBuilder("messaging")
                .addJavadoc("Shares the message transports and receive timeout of a workflow that calls this one.\n")
                .returns(builder)
                .addParameter(messaging, "messaging")
                .addStatement("this.messaging = $T.requireNonNull(messaging, $S)", Objects.class, "messaging")
                .addStatement("return this")
                .build());
    }

    private void fields(TypeSpec.Builder type) {
        type.addField(FieldSpec.builder(servers, "servers", Modifier.PRIVATE).initializer("new $T()", servers)
                .build());
        type.addField(HttpClient.class, "httpClient", Modifier.PRIVATE);
        type.addField(SSLContext.class, "sslContext", Modifier.PRIVATE);
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
                        + "instead of its OpenAPI server urls (the document's, a path's or an operation's):\n"
                        + "each operation's path is appended to it.\n\n"
                        + "@param baseUri where the requests go\n"
                        + "@return this builder\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(builder)
                .addParameter(URI.class, "baseUri")
                .addStatement("$T.requireNonNull(baseUri, $S)", Objects.class, "baseUri");
        for (SourceModel source : workflow.sources()) {
            all.addStatement("servers.baseUri($L, baseUri)", Literals.string(source.name()));
        }
        return all.addStatement("return this").build();
    }

    private MethodSpec namedBaseUri() {
        MethodSpec.Builder named = MethodSpec.methodBuilder("baseUri")
                .addJavadoc("Sends the requests of source description {@code sourceName} to {@code baseUri}\n"
                        + "instead of its OpenAPI server urls: each operation's path is appended to it.\n\n"
                        + "@param sourceName the name of a source description the workflow calls\n"
                        + "@param baseUri where its requests go\n"
                        + "@return this builder\n"
                        + "@throws IllegalArgumentException when the workflow calls no source of that name\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(builder)
                .addParameter(String.class, "sourceName")
                .addParameter(URI.class, "baseUri")
                .addStatement("$T.requireNonNull(baseUri, $S)", Objects.class, "baseUri");
        if (!workflow.sources().isEmpty()) {
            named.beginControlFlow("switch ($T.requireNonNull(sourceName, $S))", Objects.class, "sourceName");
        }
        if (workflow.sources().isEmpty()) {
            // no OpenAPI source (the workflow only sends and receives messages): every name is unknown
            named.addStatement("throw new $T($Z$L + sourceName)", IllegalArgumentException.class,
                    Literals.string("workflow '" + workflow.workflowId() + "' calls no OpenAPI source; no source named "));
            return named.build();
        }
        named.addStatement("case $L -> servers.baseUri(sourceName, baseUri)", CodeBlock.join(workflow.sources()
                .stream().map(source -> Literals.literal(source.name())).toList(), ",$W"));
        named.addStatement("default -> throw new $T($Z$L + sourceName$W+ $L)", IllegalArgumentException.class,
                Literals.string("workflow '" + workflow.workflowId() + "' calls no source named '"),
                Literals.string("'; its sources are "
                        + String.join(", ", workflow.sources().stream().map(SourceModel::name).toList())));
        named.endControlFlow();
        return named.addStatement("return this").build();
    }

    /** {@code serverVariable(name, value)}, or with {@code bySource} {@code serverVariable(sourceName, name, value)}. */
    private MethodSpec serverVariable(boolean bySource) {
        List<String> names = new ArrayList<>();
        workflow.servers().forEach(server -> server.variables().stream().map(WorkflowModel.ServerVariableModel::name)
                .filter(name -> !names.contains(name)).forEach(names::add));
        String listed = String.join(", ", names.stream().map(name -> "{@code " + Javadocs.escape(name) + "}").toList());
        MethodSpec.Builder method = MethodSpec.methodBuilder("serverVariable")
                .addJavadoc("$L", bySource
                        ? "Sets variable {@code name} of the server urls of source description {@code sourceName};\n"
                                + "it wins over a value set for every source.\n\n"
                                + "@param sourceName the name of a source description the workflow calls\n"
                        : "Sets variable {@code name} of the server urls of every source that has one\n"
                                + "(instead of its default).\nThe variables: " + listed + ".\n\n")
                .addJavadoc("@param name the variable, as the server url writes it in braces\n"
                        + "@param value its value; one its {@code enum} allows, checked by {@link #build()}\n"
                        + "@return this builder\n"
                        + "@throws IllegalArgumentException when no server url $Lhas a variable of that name\n",
                        bySource ? "of that source " : "")
                .addModifiers(Modifier.PUBLIC)
                .returns(builder);
        if (bySource) {
            method.addParameter(String.class, "sourceName");
        }
        method.addParameter(String.class, "name")
                .addParameter(String.class, "value")
                .addStatement("servers.variable(SERVERS, $L, name, value)",
                        bySource ? CodeBlock.of("$T.requireNonNull(sourceName, $S)", Objects.class, "sourceName")
                                : CodeBlock.of("null"));
        return method.addStatement("return this").build();
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
        boolean missing = workflow.servers().stream().anyMatch(server -> server.url() == null);
        boolean enums = workflow.servers().stream().anyMatch(server -> server.variables().stream()
                .anyMatch(variable -> !variable.allowed().isEmpty()));
        String when = missing && enums ? "when a source has no absolute server url and no base URI was set,\n"
                + "    or a server variable's value is not one its enum allows\n"
                : missing ? "when a source has no absolute server url and no base URI was set\n"
                : enums ? "when a server variable's value is not one its enum allows\n" : "";
        boolean variables = hasServerVariables(workflow);
        if (MessageStepEmitter.needed(workflow)) {
            String messages = "when no message transport serves an AsyncAPI source the workflow uses,\n"
                    + "    or its transport does not serve a protocol the source's servers declare\n";
            when = when.isEmpty() ? messages : when.substring(0, when.length() - 1) + ",\n    or " + messages;
        }
        return MethodSpec.methodBuilder("build")
                .addJavadoc("Makes the client.\n\n@return a client of the workflow, configured as this builder says\n"
                        + "$L", when.isEmpty() && !variables ? ""
                        : "@throws IllegalStateException " + (when.isEmpty()
                                ? "when the server variables make a url that is not an absolute URI\n" : when))
                .addModifiers(Modifier.PUBLIC)
                .returns(className)
                .addStatement("return new $T(this)", className)
                .build();
    }

    /**
     * {@code expectCredentials()}: tells the credentials which builder method takes each scheme's, so that a
     * request sent without them fails naming it.
     */
    private MethodSpec expectCredentials() {
        MethodSpec.Builder method = MethodSpec.methodBuilder("expectCredentials")
                .addJavadoc("Names the builder method of each security scheme, for the failure of a request\n"
                        + "whose operation requires credentials that were not given.\n")
                .addModifiers(Modifier.PRIVATE);
        for (WorkflowModel.SecuritySchemeModel scheme : workflow.securitySchemes()) {
            String name = scheme.methodName();
            switch (scheme.kind()) {
                case MUTUAL_TLS -> method.addStatement("credentials.expectMutualTls($L)",
                        Literals.string(scheme.name()));
                case API_KEY -> method.addStatement("credentials.expect($L, $S)",
                        Literals.string(scheme.name()), name + "(apiKey)");
                case BASIC -> method.addStatement("credentials.expect($L, $S)", Literals.string(scheme.name()),
                        name + "(username, password)");
                case BEARER -> method.addStatement("credentials.expect($L, $S)",
                        Literals.string(scheme.name()), name + "(tokens)");
                case OAUTH2_CLIENT_CREDENTIALS -> method.addStatement("credentials.expect($L, $S)",
                        Literals.string(scheme.name()),
                        name + "ClientCredentials(clientId, clientSecret) or " + name + "(tokens)");
            }
        }
        return method.build();
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
                    .addStatement("credentials.apiKey($L, $S, $S, apiKey)", Literals.string(scheme.name()), scheme.in(),
                            scheme.parameterName())
                    .addStatement("return this").build());
            case BASIC -> List.of(credential(scheme.methodName())
                    .addJavadoc("The user name and password of HTTP basic security scheme {@code $L}.$L\n\n"
                            + "@param username the user name\n@param password the password\n@return this builder\n",
                            name, about)
                    .addParameter(String.class, "username")
                    .addParameter(String.class, "password")
                    .addStatement("credentials.basic($L, username, password)", Literals.string(scheme.name()))
                    .addStatement("return this").build());
            case BEARER -> List.of(bearer(scheme, about));
            case OAUTH2_CLIENT_CREDENTIALS -> List.of(bearer(scheme, about), clientCredentials(scheme));
            case MUTUAL_TLS -> List.of(); // the client certificate comes with sslContext(SSLContext)
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
                .addStatement("credentials.bearer($L, tokens)", Literals.string(scheme.name()))
                .addStatement("return this").build();
    }

    private MethodSpec clientCredentials(WorkflowModel.SecuritySchemeModel scheme) {
        CodeBlock scopes = CodeBlock.of("$T.of($L)", List.class,
                CodeBlock.join(scheme.scopes().stream().map(Literals::string).toList(), ",$W"));
        return credential(scheme.methodName() + "ClientCredentials")
                .addJavadoc("Fetches the tokens of OAuth2 security scheme {@code $L}\nfrom {@code $L}\n"
                        + "with the client credentials grant, and keeps each until 30 seconds before it expires.\n\n"
                        + "@param clientId the client's id\n@param clientSecret the client's secret\n"
                        + "@return this builder\n",
                        Javadocs.escape(scheme.name()), Javadocs.escape(scheme.tokenUrl()))
                .addParameter(String.class, "clientId")
                .addParameter(String.class, "clientSecret")
                .addStatement("credentials.clientCredentials($L, $S,$WclientId, clientSecret, $L)",
                        Literals.string(scheme.name()),
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
