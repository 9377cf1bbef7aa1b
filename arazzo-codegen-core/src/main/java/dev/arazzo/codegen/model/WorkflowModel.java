package dev.arazzo.codegen.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.arazzo.codegen.expression.Condition;
import dev.arazzo.codegen.expression.RuntimeExpression;
import dev.arazzo.codegen.expression.RuntimeExpressionParser.TemplatePart;
import dev.arazzo.codegen.jsonpath.Expression;
import dev.arazzo.codegen.jsonpath.JsonPathQuery;
import dev.arazzo.codegen.source.MediaKind;
import dev.arazzo.codegen.source.ParameterLocation;
import dev.arazzo.codegen.source.ParameterStyle;
import dev.arazzo.codegen.source.ResponseView;
import dev.arazzo.codegen.source.SchemaView;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the emitter needs to write one workflow class: Java names and types already chosen,
 * expressions already parsed and checked. {@code sourceUrls} are the urls of the document's source
 * descriptions as written, by name, and under {@link #SELF} the document's {@code $self} as written, when it has
 * one (no source description name holds a '$'). {@code types} are the records and enums that the schemas of its
 * inputs and of the responses it reads need, declared inside the workflow class. {@code servers} are the
 * server urls its operations and those of the workflows it calls go to, each once.
 */
public record WorkflowModel(
        String workflowId, ClassName className, String summary, String description, Path spec,
        List<SourceModel> sources, List<InputModel> inputs, List<OutputModel> outputs, List<StepModel> steps,
        List<CalleeModel> callees, List<DependencyModel> dependencies, Map<String, String> sourceUrls,
        List<SecuritySchemeModel> securitySchemes, List<TypeModel> types, List<ServerModel> servers) {

    /** The key of {@code sourceUrls} that holds the document's {@code $self}: the value of {@code $self}. */
    public static final String SELF = "$self";

    public WorkflowModel {
        servers = List.copyOf(servers);
        securitySchemes = List.copyOf(securitySchemes);
        sourceUrls = Map.copyOf(sourceUrls);
        types = List.copyOf(types);
        sources = List.copyOf(sources);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        steps = List.copyOf(steps);
        callees = List.copyOf(callees);
        dependencies = List.copyOf(dependencies);
    }

    /** Whether some retry action runs another step before retrying (the run loop then remembers where to resume). */
    public boolean resumes() {
        return steps.stream().flatMap(s -> java.util.stream.Stream.concat(s.onSuccess().stream(), s.onFailure().stream()))
                .anyMatch(a -> a.type() == ActionType.RETRY && a.stepId() != null);
    }

    /**
     * Whether some criterion is a JSONPath one, or some value a JSONPath selector of several nodes (the
     * package then needs the JSONPath support class).
     */
    public boolean usesJsonPath() {
        return criteria().anyMatch(c -> c instanceof JsonPathCriterion)
                || values().anyMatch(e -> e instanceof RuntimeExpression.JsonPathSelection);
    }

    /** Every runtime expression of the workflow's values and outputs (not those of criteria). */
    private java.util.stream.Stream<RuntimeExpression> values() {
        List<ValueModel> values = new java.util.ArrayList<>();
        List<RuntimeExpression> expressions = new java.util.ArrayList<>();
        // plain loops: this walk runs in every cold generation, where each lambda is a class to spin
        for (OutputModel output : outputs) {
            expressions.add(output.value());
        }
        for (StepModel step : steps) {
            for (OutputModel output : step.outputs()) {
                expressions.add(output.value());
            }
            for (List<ActionModel> actions : List.of(step.onSuccess(), step.onFailure())) {
                for (ActionModel action : actions) {
                    addValues(action.inputs(), values);
                }
            }
            if (step.target() instanceof HttpCall http) {
                for (ParameterModel parameter : http.parameters()) {
                    values.add(parameter.value());
                }
                if (http.body() != null) {
                    values.add(http.body().payload());
                    for (ReplacementModel replacement : http.body().replacements()) {
                        values.add(replacement.value());
                    }
                }
            } else if (step.target() instanceof WorkflowCall call) {
                addValues(call.inputs(), values);
            }
        }
        while (!values.isEmpty()) {
            ValueModel value = values.remove(values.size() - 1);
            if (value instanceof ExpressionValue expression) {
                expressions.add(expression.expression());
            } else if (value instanceof ObjectValue object) {
                for (Member member : object.members()) {
                    values.add(member.value());
                }
            } else if (value instanceof ArrayValue array) {
                values.addAll(array.elements());
            }
        }
        return expressions.stream();
    }

    private static void addValues(List<CallInput> inputs, List<ValueModel> values) {
        for (CallInput input : inputs) {
            values.add(input.value());
        }
    }

    /**
     * Whether some criterion or selector is XPath 2.0 or later (the package then needs the Saxon-based
     * support class).
     */
    public boolean usesSaxon() {
        return criteria().anyMatch(c -> c instanceof XPathCriterion xpath && xpath.saxon())
                || values().anyMatch(e -> e instanceof RuntimeExpression.XPathSelection xpath && xpath.saxon())
                || steps.stream().anyMatch(s -> s.target() instanceof HttpCall http && http.body() != null
                        && http.body().replacements().stream().anyMatch(r -> r.xpath() != null && r.saxon()));
    }

    private java.util.stream.Stream<CriterionModel> criteria() {
        return steps.stream().flatMap(s -> java.util.stream.Stream.of(s.successCriteria().stream(),
                        s.onSuccess().stream().flatMap(a -> a.criteria().stream()),
                        s.onFailure().stream().flatMap(a -> a.criteria().stream())).flatMap(c -> c));
    }

    public Optional<DependencyModel> dependency(String reference) {
        return dependencies.stream().filter(d -> d.reference().equals(reference)
                || d.callee().workflowId().equals(reference)).findFirst();
    }

    /**
     * Another generated workflow this one runs (from a step, dependsOn or an action), held as a field.
     *
     * @param sources the callee's sources, whose base URIs this workflow passes on
     * @param messages whether the callee (or a workflow it runs) sends or receives messages
     * @param listens the channels of the callee's receive steps that this workflow subscribes to for it when
     *     its run starts (those whose address needs no value of the callee's run)
     */
    public record CalleeModel(
            String workflowId, ClassName className, String fieldName, List<SourceModel> sources,
            List<InputModel> inputs, List<OutputModel> outputs, boolean messages,
            List<MessageModels.ListenedChannel> listens) {

        public CalleeModel {
            sources = List.copyOf(sources);
            inputs = List.copyOf(inputs);
            outputs = List.copyOf(outputs);
            listens = List.copyOf(listens);
        }

        /** A callee without messages. */
        public CalleeModel(
                String workflowId, ClassName className, String fieldName, List<SourceModel> sources,
                List<InputModel> inputs, List<OutputModel> outputs) {
            this(workflowId, className, fieldName, sources, inputs, outputs, false, List.of());
        }

        public Optional<OutputModel> output(String name) {
            return outputs.stream().filter(o -> o.name().equals(name)).findFirst();
        }

        public Optional<InputModel> input(String name) {
            return inputs.stream().filter(i -> i.name().equals(name)).findFirst();
        }
    }

    /**
     * A workflow whose values {@code $workflows.<reference>...} reads: one named in dependsOn (run first,
     * once, with inputs matched by name; {@code stepId} null), or one that the step {@code stepId} calls.
     * {@code callers} are the steps that call it: after each of their runs the outputs are that run's.
     * Its outputs are held in a variable, and passed as a parameter, named {@code outputsName}.
     */
    public record DependencyModel(
            String reference, CalleeModel callee, String outputsName, String stepId, List<String> callers) {

        public DependencyModel {
            callers = List.copyOf(callers);
        }

        /** A dependency set only by {@code stepId}'s runs, or (null) only by dependsOn. */
        public DependencyModel(String reference, CalleeModel callee, String outputsName, String stepId) {
            this(reference, callee, outputsName, stepId, stepId == null ? List.of() : List.of(stepId));
        }

        /** Whether a run of {@code step} sets these outputs. */
        public boolean setBy(String step) {
            return callers.contains(step);
        }

        /** This dependency, also set by the runs of {@code step}. */
        public DependencyModel calledBy(String step) {
            List<String> more = new java.util.ArrayList<>(callers);
            more.add(step);
            return new DependencyModel(reference, callee, outputsName, stepId, more);
        }
    }

    /** What a step calls: an HTTP operation, another workflow, or an AsyncAPI channel. */
    public sealed interface StepTarget permits HttpCall, WorkflowCall, MessageModels.MessageCall {
    }

    /**
     * An OpenAPI operation a step calls.
     *
     * @param source the API it belongs to (its base URI)
     * @param method the HTTP method, upper case
     * @param path the path template, e.g. {@code /contacts/{InstanceId}}
     * @param parameters the parameters sent, each with its location and OpenAPI serialization
     * @param body the request body, or null
     * @param security the operation's security requirements, alternatives of scheme names
     * @param idempotency the token the generated code supplies, or null
     * @param server where its requests go, unless a base URI is set for its source
     */
    public record HttpCall(
            SourceModel source, String method, String path, List<ParameterModel> parameters, BodyModel body,
            List<List<String>> security, IdempotencyModel idempotency, ServerModel server) implements StepTarget {

        public HttpCall {
            security = security.stream().map(List::copyOf).toList();
            parameters = List.copyOf(parameters);
        }
    }

    /** Another workflow a step runs: the callee's inputs, each from a value. */
    public record WorkflowCall(CalleeModel callee, List<CallInput> inputs) implements StepTarget {
        public WorkflowCall {
            inputs = List.copyOf(inputs);
        }
    }

    /** One input of a called workflow and the value passed for it. */
    public record CallInput(InputModel input, ValueModel value) {
    }

    public Optional<StepModel> step(String stepId) {
        return steps.stream().filter(s -> s.stepId().equals(stepId)).findFirst();
    }

    public Optional<InputModel> input(String name) {
        return inputs.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    /** How a security scheme of an OpenAPI description is given credentials on the builder. */
    public enum SecurityKind {
        API_KEY, BASIC, BEARER, OAUTH2_CLIENT_CREDENTIALS,
        /** Met by the client's TLS context ({@code sslContext}): no credentials method of its own. */
        MUTUAL_TLS
    }

    /**
     * A security scheme that the workflow's operations require, with the builder method that takes its
     * credentials. {@code in} and {@code parameterName} are an API key's; {@code tokenUrl} and
     * {@code scopes} an OAuth2 client-credentials flow's.
     */
    public record SecuritySchemeModel(
            String name, String methodName, SecurityKind kind, String in, String parameterName, String tokenUrl,
            List<String> scopes, String description) {

        public SecuritySchemeModel {
            scopes = List.copyOf(scopes);
        }
    }

    /** An API the workflow calls: one base URI on the builder (its servers are in {@link ServerModel}). */
    public record SourceModel(String name, String fieldName) {
    }

    /**
     * A server url that operations of a source go to (the operation's, its path's or its document's
     * first), held in the workflow class's field {@code fieldName}.
     *
     * @param source the source description's name
     * @param url the absolute url template, {@code {name}} for each variable; null when there is none
     * @param variables the url's variables, in document order
     * @param missing when {@code url} is null, what the description says instead (for the message that asks
     *     for a base URI); else null
     */
    public record ServerModel(String source, String fieldName, String url, List<ServerVariableModel> variables,
            String missing) {

        public ServerModel {
            variables = List.copyOf(variables);
        }

        /** The same server, held in another field. */
        public ServerModel named(String otherFieldName) {
            return new ServerModel(source, otherFieldName, url, variables, missing);
        }

        /** Whether {@code other} is the same server url, whatever the field: every other component equal. */
        public boolean sameAs(ServerModel other) {
            return Objects.equals(source, other.source) && Objects.equals(url, other.url)
                    && variables.equals(other.variables) && Objects.equals(missing, other.missing);
        }

        // equals and hashCode as the record's own would be (same components, same hash formula), written out:
        // the emitter collects the servers each once, and a cold JVM links a record's equals through
        // ObjectMethods on its first call (issue #16)

        @Override
        public boolean equals(Object other) {
            return this == other
                    || other instanceof ServerModel that && Objects.equals(fieldName, that.fieldName) && sameAs(that);
        }

        @Override
        public int hashCode() {
            int hash = Objects.hashCode(source);
            hash = 31 * hash + Objects.hashCode(fieldName);
            hash = 31 * hash + Objects.hashCode(url);
            hash = 31 * hash + variables.hashCode();
            return 31 * hash + Objects.hashCode(missing);
        }
    }

    /** A server variable: its default and the values its {@code enum} allows (empty: any). */
    public record ServerVariableModel(String name, String defaultValue, List<String> allowed) {
        public ServerVariableModel {
            allowed = List.copyOf(allowed);
        }
    }

    /**
     * One workflow input, or one property of a nested input or response object: a record component and,
     * on input records, a builder method. {@code name} is the JSON name.
     */
    public record InputModel(String name, String javaName, TypeName type, boolean required, String description) {
    }

    /** A type declared inside the workflow class for a schema. */
    public sealed interface TypeModel permits RecordModel, EnumModel {
        ClassName name();
    }

    /**
     * An object schema with {@code properties}, as a record with {@code toJson()} and {@code fromJson}.
     * An {@code input} record also has a builder and checks its required properties on construction;
     * a response record reads whatever the server sends.
     */
    public record RecordModel(ClassName name, String description, List<InputModel> properties, boolean input)
            implements TypeModel {
        public RecordModel {
            properties = List.copyOf(properties);
        }
    }

    /** A string schema with an {@code enum}: a Java enum whose constants keep their JSON values. */
    public record EnumModel(ClassName name, String description, List<EnumConstant> constants) implements TypeModel {
        public EnumModel {
            constants = List.copyOf(constants);
        }
    }

    /** One constant of an {@link EnumModel}: its Java name and the value written in JSON. */
    public record EnumConstant(String javaName, String value) {
    }

    /**
     * A named output of a step or workflow: a record component read from a runtime expression.
     * {@code schema} is the schema its value was typed from, when one was (else null), so that a
     * JSON Pointer into it ({@code $steps.s.outputs.o#/a}) is typed too.
     */
    public record OutputModel(
            String name, String javaName, TypeName type, RuntimeExpression value, String text, ValueSchema schema) {
    }

    /**
     * How a step reads its response body: as JSON (also when the OpenAPI declares no content), as text or
     * as bytes ({@code kind}), with the media types the OpenAPI declares ({@code mediaTypes}, for the
     * run-time check of the Content-Type); and the members that later expressions read through the step's
     * outputs ({@code checks}), which the step reads with their types so that one that does not match its
     * schema fails the step instead of reading as null.
     */
    public record ResponseModel(ResponseView.BodyKind kind, List<String> mediaTypes, List<CheckedMember> checks) {

        /** A response read as JSON, nothing checked beyond the outputs. */
        public static final ResponseModel JSON = new ResponseModel(ResponseView.BodyKind.JSON, List.of(), List.of());

        public ResponseModel {
            java.util.Objects.requireNonNull(kind, "kind");
            mediaTypes = List.copyOf(mediaTypes);
            checks = List.copyOf(checks);
        }
    }

    /** A member of a response body that a later expression reads: its pointer into the body and its type. */
    public record CheckedMember(String pointer, TypeName type) {
    }

    /** The schema a value has, as its source writes it (a {@code $ref} still names its component). */
    public record ValueSchema(SchemaView schema) {
        public ValueSchema {
            java.util.Objects.requireNonNull(schema, "schema");
        }
    }

    /**
     * One step: it calls an OpenAPI operation or another workflow ({@code target}). {@code reads} are
     * the steps whose results it reads, {@code readsWorkflows} the dependencies whose outputs it reads.
     * {@code timeoutMillis} is its Arazzo 1.1 {@code timeout} (null: none); {@code dependsOn} its step
     * dependencies; {@code recorded}: a step of another workflow depends on it, so its completion is
     * recorded in the run. {@code response} says how its response body is read.
     */
    public record StepModel(
            String stepId, String methodName, String constantName, ClassName resultType, String description,
            StepTarget target, List<CriterionModel> successCriteria, List<ActionModel> onSuccess,
            List<ActionModel> onFailure, List<OutputModel> outputs, List<String> reads, List<String> readsWorkflows,
            Long timeoutMillis, List<StepDependencyModel> dependsOn, boolean recorded, ResponseModel response) {

        public StepModel {
            dependsOn = List.copyOf(dependsOn);
            successCriteria = List.copyOf(successCriteria);
            onSuccess = List.copyOf(onSuccess);
            onFailure = List.copyOf(onFailure);
            outputs = List.copyOf(outputs);
            reads = List.copyOf(reads);
            readsWorkflows = List.copyOf(readsWorkflows);
            response = response == null ? ResponseModel.JSON : response;
        }

        /**
         * A step without timeout and step dependencies whose response is read as JSON (or not declared), with no
         * members checked beyond its outputs.
         */
        public StepModel(
                String stepId, String methodName, String constantName, ClassName resultType, String description,
                StepTarget target, List<CriterionModel> successCriteria, List<ActionModel> onSuccess,
                List<ActionModel> onFailure, List<OutputModel> outputs, List<String> reads,
                List<String> readsWorkflows) {
            this(stepId, methodName, constantName, resultType, description, target, successCriteria, onSuccess,
                    onFailure, outputs, reads, readsWorkflows, null, List.of(), false, null);
        }

        public boolean callsWorkflow() {
            return target instanceof WorkflowCall;
        }

        /** The operation this step calls; only for a step that calls one. */
        public HttpCall http() {
            if (target instanceof HttpCall http) {
                return http;
            }
            throw new IllegalStateException("step '" + stepId + "' calls a workflow, not an operation");
        }

        /** The workflow this step calls; only for a step that calls one. */
        public WorkflowCall workflowCall() {
            if (target instanceof WorkflowCall call) {
                return call;
            }
            throw new IllegalStateException("step '" + stepId + "' calls an operation, not a workflow");
        }

        public Optional<OutputModel> output(String name) {
            return outputs.stream().filter(o -> o.name().equals(name)).findFirst();
        }
    }

    /**
     * A step-level {@code dependsOn} entry: step {@code stepId} of this workflow ({@code workflow} null),
     * or of the generated workflow class {@code workflow} (id {@code workflowId}).
     */
    public record StepDependencyModel(String reference, ClassName workflow, String workflowId, String stepId) {

        public boolean local() {
            return workflow == null;
        }
    }

    /**
     * An idempotency token the operation takes and the step does not set: a request body member (AWS's
     * {@code ClientToken}) or a header ({@code Idempotency-Key}). The generated code sends a new UUID
     * for each step execution and the same one on its retries, so a retried request is not done twice.
     */
    public record IdempotencyModel(boolean inBody, String name) {
    }

    /**
     * A parameter sent with a step's request: its name and location, and how OpenAPI says to serialize
     * it ({@code style}, {@code explode}, {@code allowReserved}, with OpenAPI's defaults filled in when
     * the operation does not declare it); {@code schema} is its declared schema, or null.
     */
    public record ParameterModel(
            String name, ParameterLocation location, ParameterStyle style, boolean explode, boolean allowReserved,
            ValueSchema schema, ValueModel value, String contentType) {
    }

    /**
     * A request body: a payload with expressions anywhere, and replacements by JSON Pointer, written as
     * {@code kind} says. {@code contentType} is the {@code Content-Type} sent (a multipart boundary is added
     * at run time); {@code fields} are how members are written: for a form, those whose encoding is not the
     * default; for multipart, one per member of the payload, in its order.
     */
    public record BodyModel(String contentType, ValueModel payload, List<ReplacementModel> replacements,
            MediaKind kind, List<FieldModel> fields) {
        public BodyModel {
            replacements = List.copyOf(replacements);
            fields = List.copyOf(fields);
        }

        /** A JSON body. */
        public BodyModel(String contentType, ValueModel payload, List<ReplacementModel> replacements) {
            this(contentType, payload, replacements, MediaKind.JSON, List.of());
        }
    }

    /**
     * How one member of a form or multipart body is written, from the OpenAPI Encoding Object and the
     * property's schema.
     *
     * @param name the member's name
     * @param contentType the media type of its value (of each item, for an array), or null: a form field then
     *     takes its style, a part OpenAPI's default by value at run time
     * @param style its style (form fields)
     * @param explode whether arrays and objects are exploded (form fields)
     * @param allowReserved whether reserved characters are sent unencoded (form fields)
     * @param filename the part's {@code filename}, or null
     */
    public record FieldModel(String name, String contentType, ParameterStyle style, boolean explode,
            boolean allowReserved, String filename) {
    }

    /**
     * A Payload Replacement Object: {@code target} the JSON Pointer it sets; or, when {@code query} is not null, a
     * JSONPath target (as written in {@code target}) whose value is set at every node it selects; or, for an XML
     * payload, {@code xpath} the XPath that selects the node it writes ({@code target} null), evaluated by
     * Saxon-HE when {@code saxon}, else by the JDK.
     */
    public record ReplacementModel(String target, ValueModel value, String xpath, boolean saxon, JsonPathQuery query) {

        /** A replacement at an XPath into an XML payload. */
        public ReplacementModel(String target, ValueModel value, String xpath, boolean saxon) {
            this(target, value, xpath, saxon, null);
        }

        /** A replacement at every node a JSONPath selects. */
        public ReplacementModel(String target, ValueModel value, JsonPathQuery query) {
            this(target, value, null, false, query);
        }

        /** A replacement at a JSON Pointer. */
        public ReplacementModel(String target, ValueModel value) {
            this(target, value, null, false, null);
        }
    }

    /** A value written in the document: a literal, an expression, a string with embedded expressions, or a structure. */
    public sealed interface ValueModel {
    }

    /** A JSON literal kept as written. */
    public record LiteralValue(JsonNode value) implements ValueModel {
    }

    /** A runtime expression; its type is preserved. */
    public record ExpressionValue(RuntimeExpression expression, String text) implements ValueModel {
    }

    /** A string with embedded {@code {$...}} expressions. */
    public record TemplateValue(List<TemplatePart> parts) implements ValueModel {
        public TemplateValue {
            parts = List.copyOf(parts);
        }
    }

    /** A JSON object whose members are values. */
    public record ObjectValue(List<Member> members) implements ValueModel {
        public ObjectValue {
            members = List.copyOf(members);
        }
    }

    /** A member of an {@link ObjectValue}. */
    public record Member(String name, ValueModel value) {
    }

    /** A JSON array whose elements are values. */
    public record ArrayValue(List<ValueModel> elements) implements ValueModel {
        public ArrayValue {
            elements = List.copyOf(elements);
        }
    }

    /** A criterion compiled from a Criterion Object. */
    public sealed interface CriterionModel {
        /** The condition as written, for messages. */
        String text();
    }

    /** A simple condition. */
    public record SimpleCriterion(String text, Condition condition) implements CriterionModel {
    }

    /** A regex condition applied to a context value, with find semantics; {@code regex} is compiled. */
    public record RegexCriterion(String text, RuntimeExpression context, java.util.regex.Pattern regex)
            implements CriterionModel {

        /** The pattern as written. */
        public String pattern() {
            return regex.pattern();
        }
    }

    /**
     * An XPath condition applied to a context value's text as XML: XPath 1.0 with the JDK's engine, or
     * with {@code saxon} XPath 2.0 to 3.1 with Saxon-HE.
     */
    public record XPathCriterion(String text, RuntimeExpression context, String expression, boolean saxon)
            implements CriterionModel {
    }

    /** A JSONPath condition applied to a context value: {@code condition} is the parsed criterion. */
    public record JsonPathCriterion(String text, RuntimeExpression context, Expression condition)
            implements CriterionModel {
    }

    /** What a success or failure action does. */
    public enum ActionType {
        END, GOTO, RETRY
    }

    /**
     * A success or failure action: the first whose criteria all hold is taken. {@code stepId} is the
     * goto target, or the step to run before a retry; {@code workflow} the workflow to run instead, and
     * {@code inputs} the inputs its {@code parameters} (1.1) pass it, over those passed by name.
     */
    public record ActionModel(
            String name, ActionType type, String stepId, CalleeModel workflow, double retryAfterSeconds,
            int retryLimit, List<CriterionModel> criteria, List<CallInput> inputs) {

        public ActionModel {
            criteria = List.copyOf(criteria);
            inputs = List.copyOf(inputs);
        }
    }
}
