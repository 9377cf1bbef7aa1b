package dev.arazzo.codegen.emit;

import com.palantir.javapoet.ClassName;
import java.util.Objects;

/**
 * The run-time support types that generated code names, all in one package: {@code dev.arazzo.runtime}
 * (the {@code arazzo-runtime} jar, {@code runtime=shared}) or the generated package itself, where
 * {@link RuntimeSupport} copies their sources ({@code runtime=inline}). Emitters name them only through
 * this class.
 *
 * @param packageName the package that holds the support types
 */
public record RuntimeTypes(String packageName) {

    /** The package of the {@code arazzo-runtime} module. */
    public static final String SHARED_PACKAGE = "dev.arazzo.runtime";

    public RuntimeTypes {
        Objects.requireNonNull(packageName, "packageName");
    }

    /** The types of the {@code arazzo-runtime} jar, shared by every generated package. */
    public static RuntimeTypes shared() {
        return new RuntimeTypes(SHARED_PACKAGE);
    }

    /** The types as copied into {@code packageName}, next to the workflows that use them. */
    public static RuntimeTypes inline(String packageName) {
        return new RuntimeTypes(packageName);
    }

    /** Whether these are the shared types of {@code arazzo-runtime}. */
    public boolean isShared() {
        return packageName.equals(SHARED_PACKAGE);
    }

    public ClassName values() {
        return type("Values");
    }

    public ClassName jsonValue() {
        return type("JsonValue");
    }

    public ClassName transport() {
        return type("Transport");
    }

    public ClassName httpExchange() {
        return type("HttpExchange");
    }

    public ClassName stepRequest() {
        return type("StepRequest");
    }

    /** {@code FormBody}: how a form body's fields are written. */
    public ClassName formBody() {
        return type("FormBody");
    }

    /** {@code MultipartBody}: the parts of a multipart body. */
    public ClassName multipartBody() {
        return type("MultipartBody");
    }

    public ClassName parameterStyles() {
        return type("ParameterStyles");
    }

    /** {@code ParameterStyles.Style}: the OpenAPI style a generated request gives a parameter. */
    public ClassName parameterStyle() {
        return type("ParameterStyles").nestedClass("Style");
    }

    public ClassName credentials() {
        return type("Credentials");
    }

    /** {@code Servers}: the base URIs and server variables a builder collects. */
    public ClassName servers() {
        return type("Servers");
    }

    /** {@code Servers.Server}: one server url of a source. */
    public ClassName server() {
        return type("Servers").nestedClass("Server");
    }

    /** {@code Servers.Variable}: a variable of a server url. */
    public ClassName serverVariable() {
        return type("Servers").nestedClass("Variable");
    }

    public ClassName requestInterceptor() {
        return type("RequestInterceptor");
    }

    public ClassName workflowListener() {
        return type("WorkflowListener");
    }

    public ClassName workflowException() {
        return type("WorkflowException");
    }

    public ClassName stepFailedException() {
        return type("StepFailedException");
    }

    /** A step that runs a workflow and did not complete within its timeout. */
    public ClassName stepTimeoutException() {
        return type("StepTimeoutException");
    }

    /** The deadline of a called run: a workflow step's timeout. */
    public ClassName deadline() {
        return type("Deadline");
    }

    public ClassName workflowTransportException() {
        return type("WorkflowTransportException");
    }

    /** The helpers that compiled JSONPath criteria call. */
    public ClassName jsonPathSupport() {
        return type("JsonPathSupport");
    }

    /** XPath 2.0+ criteria with Saxon-HE. */
    public ClassName xpathSupport() {
        return type("XPathSupport");
    }

    /** Replacements into XML payloads by XPath 1.0 targets. */
    public ClassName xmlReplacement() {
        return type("XmlReplacement");
    }

    /** The run's record of completed steps, for step dependsOn entries naming another workflow's step. */
    public ClassName completedSteps() {
        return type("CompletedSteps");
    }

    /** The message side of a client: transports, receive timeout, a run's subscriptions. */
    public ClassName messaging() {
        return type("Messaging");
    }

    public ClassName messagingChannel() {
        return messaging().nestedClass("Channel");
    }

    public ClassName messagingRun() {
        return messaging().nestedClass("Run");
    }

    public ClassName messageExchange() {
        return type("MessageExchange");
    }

    public ClassName messageTransport() {
        return type("MessageTransport");
    }

    private ClassName type(String simpleName) {
        return ClassName.get(packageName, simpleName);
    }
}
