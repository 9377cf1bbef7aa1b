package dev.arazzo.codegen.model;

import com.palantir.javapoet.NameAllocator;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One scope of Java names in a generated workflow class, with the names that the generated code itself
 * uses already taken, so that no name from a document can clash with them. Every name that the model or
 * an emitter derives ({@code startChatFailure}, {@code START_CHAT_PATTERN}, {@code startChatRetries})
 * is allocated here: keywords and clashes get a {@code _} suffix.
 *
 * <pre>{@code
 * NameScope locals = NameScope.of(NameScope.Kind.LOCALS);
 * locals.newName("inputs");   // "inputs_": the generated code's own parameter keeps its name
 * }</pre>
 */
public final class NameScope {

    /** The scopes of a workflow class, each with the names that the generated code reserves in it. */
    public enum Kind {
        /** Types nested in the workflow class, and the package's support types read unqualified there. */
        NESTED_TYPES("Inputs", "Outputs", "Builder", "Step", "Result", "Completed", "Ended", "Failed",
                "Values", "JsonValue", "Transport", "HttpExchange", "StepRequest", "RequestInterceptor",
                "WorkflowListener", "Credentials", "WorkflowException", "StepFailedException",
                "WorkflowTransportException", "JsonPathSupport", "XPathSupport", "Servers", "Messaging",
                "MessageExchange", "MessageTransport", "XmlReplacement", "Deadline", "StepTimeoutException"),
        /** Instance fields of the workflow class. */
        FIELDS("transport", "maxStepExecutions", "messaging"),
        /** Methods of the workflow class: its own, and those every object has. */
        METHODS("run", "builder", "execute", "toString", "hashCode", "equals", "getClass", "notify", "notifyAll",
                "wait", "clone", "finalize"),
        /** Methods of the workflow's builder, beside which each security scheme gets its credentials method. */
        BUILDER_METHODS("baseUri", "httpClient", "requestInterceptor", "listener", "connectTimeout", "requestTimeout",
                "maxStepExecutions", "maxRetryDelay", "maxResponseBytes", "build", "credentials", "servers",
                "serverVariable", "sslContext", "expectCredentials", "messageTransport", "defaultReceiveTimeout",
                "messaging"),
        /** Static constants of the workflow class. */
        CONSTANTS("DEFAULT_MAX_STEP_EXECUTIONS", "SERVERS"),
        /** Constants of the private enum of the steps that the run loop switches on. */
        STEP_CONSTANTS(),
        /** Parameters and local variables of the run loop and of the step methods. */
        LOCALS("inputs", "next", "resume", "executions", "exchange", "called", "failure", "request", "endedAt",
                "outputs", "result", "completed", "ended", "failed", "e", "idempotencyToken", "runScope",
                "messages", "message"),
        /** Components of generated records, which may not be named like the methods records have. */
        COMPONENTS("builder", "toJson", "fromJson", "toString", "hashCode", "equals", "getClass", "notify",
                "notifyAll", "wait", "clone", "finalize");

        private final List<String> reserved;

        Kind(String... reserved) {
            this.reserved = List.of(reserved);
        }

        /** The names the generated code uses in this scope. */
        public List<String> reserved() {
            return reserved;
        }
    }

    private final NameAllocator allocator;
    private final Set<String> names;

    private NameScope(NameAllocator allocator, Set<String> names) {
        this.allocator = allocator;
        this.names = names;
    }

    /** A fresh scope of {@code kind}, with its reserved names taken. */
    public static NameScope of(Kind kind) {
        NameScope scope = new NameScope(new NameAllocator(), new LinkedHashSet<>());
        kind.reserved().forEach(scope::take);
        return scope;
    }

    /**
     * A Java name for {@code suggestion} (already a Java-like identifier) that no other name of this
     * scope has.
     */
    public String newName(String suggestion) {
        String name = JavaNames.newName(allocator, Objects.requireNonNull(suggestion, "suggestion"));
        names.add(name);
        return name;
    }

    /**
     * Takes {@code name}, chosen in another scope (a step's method name that is also a local variable),
     * as it is; a clash is a bug in the caller.
     *
     * @throws IllegalStateException when the name is taken already
     */
    public String take(String name) {
        String allocated = newName(name);
        if (!allocated.equals(name)) {
            throw new IllegalStateException("name '" + name + "' is taken in this scope");
        }
        return name;
    }

    /** Whether {@code name} is taken in this scope. */
    public boolean contains(String name) {
        return names.contains(name);
    }

    /** Every name taken so far, reserved ones first. */
    public Set<String> names() {
        return Collections.unmodifiableSet(names);
    }

    /** A copy to allocate further names in, leaving this scope as it is (a nested scope). */
    public NameScope copy() {
        return new NameScope(allocator.clone(), new LinkedHashSet<>(names));
    }
}
