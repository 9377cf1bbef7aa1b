package dev.arazzo.codegen.emit;

import com.palantir.javapoet.ClassName;

/**
 * The run-time support types that generated code calls, all named in this one place: the emitters
 * take them from here and nowhere else.
 *
 * @param packageName the package that holds them
 */
record RuntimeTypes(String packageName) {

    ClassName values() {
        return type("Values");
    }

    ClassName jsonValue() {
        return type("JsonValue");
    }

    ClassName transport() {
        return type("Transport");
    }

    ClassName exchange() {
        return type("HttpExchange");
    }

    ClassName stepRequest() {
        return type("StepRequest");
    }

    ClassName credentials() {
        return type("Credentials");
    }

    ClassName interceptor() {
        return type("RequestInterceptor");
    }

    ClassName listener() {
        return type("WorkflowListener");
    }

    ClassName workflowException() {
        return type("WorkflowException");
    }

    ClassName stepFailed() {
        return type("StepFailedException");
    }

    ClassName transportException() {
        return type("WorkflowTransportException");
    }

    ClassName jsonPathSupport() {
        return type("JsonPathSupport");
    }

    ClassName xpathSupport() {
        return type("XPathSupport");
    }

    private ClassName type(String simpleName) {
        return ClassName.get(packageName, simpleName);
    }
}
