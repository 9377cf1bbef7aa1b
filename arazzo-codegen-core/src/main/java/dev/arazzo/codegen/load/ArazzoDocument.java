package dev.arazzo.codegen.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arazzo.codegen.diagnostic.SourceLocation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An Arazzo document as read: the specification's objects as records, each with the JSON Pointer of
 * the node it was read from. Reusable Objects ({@code reference} + {@code value}) are already replaced
 * by what they reference.
 *
 * <p>Arazzo 1.1 fields are components added after the 1.0 ones, each with a secondary constructor that
 * keeps the 1.0 shape: {@code $self} ({@link #self}); step {@code channelPath}, {@code action},
 * {@code correlationId}, {@code timeout}, {@code dependsOn}; Selector Objects ({@link Selector}) in
 * outputs ({@code outputValues}), parameter values, payloads and replacement values; replacement
 * {@code targetSelectorType}; action {@code parameters}. {@link Value} says what a value is: a runtime
 * expression, a Selector Object or a literal. In a 1.0 document an object value is always a literal.
 *
 * @param self the document's {@code $self} as written (1.1), or null
 */
public record ArazzoDocument(
        SourceDocument source, String arazzo, String title, List<SourceDescription> sourceDescriptions,
        List<Workflow> workflows, String self) {

    public ArazzoDocument {
        sourceDescriptions = List.copyOf(sourceDescriptions);
        workflows = List.copyOf(workflows);
    }

    /** A document without {@code $self}. */
    public ArazzoDocument(SourceDocument source, String arazzo, String title,
            List<SourceDescription> sourceDescriptions, List<Workflow> workflows) {
        this(source, arazzo, title, sourceDescriptions, workflows, null);
    }

    /** Whether the document declares Arazzo 1.1.x. */
    public boolean isV11() {
        return arazzo.startsWith("1.1.");
    }

    public SourceLocation locate(String pointer) {
        return source.locate(pointer);
    }

    public Optional<Workflow> workflow(String workflowId) {
        return workflows.stream().filter(w -> w.workflowId().equals(workflowId)).findFirst();
    }

    public Optional<SourceDescription> sourceDescription(String name) {
        return sourceDescriptions.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * A Source Description Object: {@code type} ({@code openapi}, {@code arazzo}, or in 1.1
     * {@code asyncapi}) is null when the document does not say.
     */
    public record SourceDescription(String name, String url, String type, String pointer) {
    }

    /**
     * A Workflow Object. {@code inputs} is the JSON Schema of the inputs ({@code $ref}s into components followed).
     * {@code outputs} holds the outputs given as strings (runtime expressions), {@code outputValues} every
     * output in document order, Selector Objects (1.1) included.
     */
    public record Workflow(
            String workflowId, String summary, String description, JsonNode inputs, List<String> dependsOn,
            List<Step> steps, List<Action> successActions, List<Action> failureActions, Map<String, String> outputs,
            List<Parameter> parameters, String pointer, Map<String, Value> outputValues) {

        public Workflow {
            dependsOn = List.copyOf(dependsOn);
            steps = List.copyOf(steps);
            successActions = List.copyOf(successActions);
            failureActions = List.copyOf(failureActions);
            outputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputs));
            parameters = List.copyOf(parameters);
            outputValues = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputValues));
        }

        /** A workflow whose outputs are all runtime expressions. */
        public Workflow(
                String workflowId, String summary, String description, JsonNode inputs, List<String> dependsOn,
                List<Step> steps, List<Action> successActions, List<Action> failureActions,
                Map<String, String> outputs, List<Parameter> parameters, String pointer) {
            this(workflowId, summary, description, inputs, dependsOn, steps, successActions, failureActions, outputs,
                    parameters, pointer, Value.expressions(outputs, pointer + "/outputs"));
        }

        public Optional<Step> step(String stepId) {
            return steps.stream().filter(s -> s.stepId().equals(stepId)).findFirst();
        }
    }

    /**
     * A Step Object: exactly one of {@code operationId}, {@code operationPath}, {@code channelPath} (1.1) and
     * {@code workflowId} is set. {@code outputs} holds the outputs given as strings (runtime expressions),
     * {@code outputValues} every output in document order, Selector Objects (1.1) included.
     *
     * @param channelPath (1.1) a source description expression and JSON Pointer to an AsyncAPI channel, or null
     * @param action (1.1) {@code send} or {@code receive} for an AsyncAPI step, or null
     * @param correlationId (1.1) what correlates a received message with the run, or null
     * @param timeout (1.1) milliseconds the step may take, or null
     * @param dependsOn (1.1) the steps that must complete first: a stepId of this workflow,
     *     {@code $workflows.<workflowId>.steps.<stepId>} or
     *     {@code $sourceDescriptions.<name>.<workflowId>.steps.<stepId>}; each at {@code pointer/dependsOn/i}
     */
    public record Step(
            String stepId, String description, String operationId, String operationPath, String workflowId,
            List<Parameter> parameters, RequestBody requestBody, List<Criterion> successCriteria,
            List<Action> onSuccess, List<Action> onFailure, Map<String, String> outputs, String pointer,
            String channelPath, String action, Value correlationId, Long timeout, List<String> dependsOn,
            Map<String, Value> outputValues) {

        public Step {
            parameters = List.copyOf(parameters);
            successCriteria = List.copyOf(successCriteria);
            onSuccess = List.copyOf(onSuccess);
            onFailure = List.copyOf(onFailure);
            outputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputs));
            dependsOn = List.copyOf(dependsOn);
            outputValues = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputValues));
        }

        /** A step with the Arazzo 1.0 fields only. */
        public Step(
                String stepId, String description, String operationId, String operationPath, String workflowId,
                List<Parameter> parameters, RequestBody requestBody, List<Criterion> successCriteria,
                List<Action> onSuccess, List<Action> onFailure, Map<String, String> outputs, String pointer) {
            this(stepId, description, operationId, operationPath, workflowId, parameters, requestBody,
                    successCriteria, onSuccess, onFailure, outputs, pointer, null, null, null, null, List.of(),
                    Value.expressions(outputs, pointer + "/outputs"));
        }
    }

    /**
     * A Parameter Object; {@code in} is null when the document does not say (1.1 also allows
     * {@code querystring}, and {@code channel} for AsyncAPI steps). {@code value} is the value as written;
     * {@code selector} is set when that value is a Selector Object (1.1).
     */
    public record Parameter(String name, String in, JsonNode value, String pointer, Selector selector) {

        /** A parameter whose value is not a Selector Object. */
        public Parameter(String name, String in, JsonNode value, String pointer) {
            this(name, in, value, pointer, null);
        }

        /** The value, told apart; its pointer is {@code pointer/value}. */
        public Value valueOf() {
            return Value.of(value, selector, pointer + "/value");
        }

        // equals and hashCode as the record's own would be (same components, same hash formula), written out:
        // binding asks whether a step declares a parameter, and a cold JVM links a record's equals through
        // ObjectMethods on its first call (issue #16)

        @Override
        public boolean equals(Object other) {
            return this == other || other instanceof Parameter that && Objects.equals(name, that.name)
                    && Objects.equals(in, that.in) && Objects.equals(value, that.value)
                    && Objects.equals(pointer, that.pointer) && Objects.equals(selector, that.selector);
        }

        @Override
        public int hashCode() {
            int hash = Objects.hashCode(name);
            hash = 31 * hash + Objects.hashCode(in);
            hash = 31 * hash + Objects.hashCode(value);
            hash = 31 * hash + Objects.hashCode(pointer);
            return 31 * hash + Objects.hashCode(selector);
        }
    }

    /**
     * A Request Body Object. {@code selectors} (1.1) are the Selector Objects inside the payload, keyed by
     * their JSON Pointer within the payload ({@code ""} when the whole payload is one).
     */
    public record RequestBody(String contentType, JsonNode payload, List<Replacement> replacements, String pointer,
            Map<String, Selector> selectors) {
        public RequestBody {
            replacements = List.copyOf(replacements);
            selectors = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(selectors));
        }

        /** A request body without Selector Objects. */
        public RequestBody(String contentType, JsonNode payload, List<Replacement> replacements, String pointer) {
            this(contentType, payload, replacements, pointer, Map.of());
        }
    }

    /**
     * A Payload Replacement Object. {@code targetSelectorType} (1.1) says how {@code target} is written, null
     * when the document does not say (JSON Pointer for JSON payloads, XPath for XML ones); {@code selector} is
     * set when {@code value} is a Selector Object (1.1).
     */
    public record Replacement(String target, JsonNode value, String pointer, ExpressionType targetSelectorType,
            Selector selector) {

        /** A replacement as Arazzo 1.0 writes it. */
        public Replacement(String target, JsonNode value, String pointer) {
            this(target, value, pointer, null, null);
        }

        /** The value, told apart; its pointer is {@code pointer/value}. */
        public Value valueOf() {
            return Value.of(value, selector, pointer + "/value");
        }
    }

    /**
     * A Criterion Object; {@code type} is "simple", "regex", "jsonpath" or "xpath" (or, from an Expression
     * Type Object in 1.1, "jsonpointer"); {@code version} is the Expression Type Object's version, or null
     * when the document gives none.
     */
    public record Criterion(String context, String condition, String type, String version, String pointer) {

        /** The type and version as an Expression Type Object. */
        public ExpressionType expressionType() {
            return new ExpressionType(type, version, pointer + "/type");
        }
    }

    /**
     * A Success Action Object or Failure Action Object. {@code parameters} (1.1) are passed to the workflow a
     * {@code workflowId} action goes to; each at {@code pointer/parameters/i}.
     */
    public record Action(
            String name, String type, String workflowId, String stepId, BigDecimal retryAfter, Integer retryLimit,
            List<Criterion> criteria, String pointer, List<Parameter> parameters) {

        public Action {
            criteria = List.copyOf(criteria);
            parameters = List.copyOf(parameters);
        }

        /** An action without parameters. */
        public Action(
                String name, String type, String workflowId, String stepId, BigDecimal retryAfter, Integer retryLimit,
                List<Criterion> criteria, String pointer) {
            this(name, type, workflowId, stepId, retryAfter, retryLimit, criteria, pointer, List.of());
        }
    }

    /**
     * An Expression Type Object (1.1; in 1.0 the Criterion Expression Type Object), or the short string form
     * of a selector type. {@code type} is {@code jsonpath}, {@code xpath} or {@code jsonpointer} (criteria
     * also {@code simple}, {@code regex}); {@code version} is null when the document gives none.
     */
    public record ExpressionType(String type, String version, String pointer) {

        /**
         * The version in force: the one given, else Arazzo 1.1's default for the type ({@code rfc9535},
         * {@code xpath-31}, {@code rfc6901}); null for types without versions.
         */
        public String versionOrDefault() {
            if (version != null) {
                return version;
            }
            return switch (type) {
                case "jsonpath" -> "rfc9535";
                case "xpath" -> "xpath-31";
                case "jsonpointer" -> "rfc6901";
                default -> null;
            };
        }
    }

    /**
     * A Selector Object (1.1): {@code selector}, of {@code type}, applied to what the runtime expression
     * {@code context} gives.
     */
    public record Selector(String context, String selector, ExpressionType type, String pointer) {
    }

    /**
     * A value as the document gives it, for a later stage to switch over: a runtime expression, a Selector
     * Object, or a literal (any other JSON, including a string with embedded {@code {$...}} expressions).
     */
    public sealed interface Value {

        /** Where the value is. */
        String pointer();

        /** A string that is one runtime expression ({@code $...}). */
        record Expression(String expression, String pointer) implements Value {
        }

        /** A Selector Object. */
        record Selection(Selector selector) implements Value {
            @Override
            public String pointer() {
                return selector.pointer();
            }
        }

        /** Any other value: a constant, possibly a string with embedded expressions. */
        record Literal(JsonNode value, String pointer) implements Value {
        }

        /** {@code node} at {@code pointer}, a Selector Object when {@code selector} is set. */
        static Value of(JsonNode node, Selector selector, String pointer) {
            if (selector != null) {
                return new Selection(selector);
            }
            if (node != null && node.isTextual() && node.asText().startsWith("$")) {
                return new Expression(node.asText(), pointer);
            }
            return new Literal(node, pointer);
        }

        /** Outputs given as strings, as values at {@code pointer/<name>}. */
        static Map<String, Value> expressions(Map<String, String> outputs, String pointer) {
            Map<String, Value> values = new java.util.LinkedHashMap<>();
            outputs.forEach((name, expression) -> values.put(name, of(
                    com.fasterxml.jackson.databind.node.TextNode.valueOf(expression), null,
                    pointer + "/" + SourceDocument.escape(name))));
            return values;
        }
    }
}
