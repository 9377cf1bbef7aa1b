package dev.arazzo.codegen.check;

import dev.arazzo.codegen.bind.BoundDocument;
import dev.arazzo.codegen.bind.BoundDocument.BoundCriterion;
import dev.arazzo.codegen.bind.BoundDocument.BoundExpression;
import dev.arazzo.codegen.bind.BoundDocument.BoundParameter;
import dev.arazzo.codegen.bind.BoundDocument.BoundStep;
import dev.arazzo.codegen.bind.BoundDocument.BoundWorkflow;
import dev.arazzo.codegen.bind.BoundMessage;
import dev.arazzo.codegen.diagnostic.Diagnostics;
import dev.arazzo.codegen.diagnostic.SourceLocation;
import dev.arazzo.codegen.expression.Condition;
import dev.arazzo.codegen.expression.RuntimeExpression;
import dev.arazzo.codegen.load.ArazzoDocument;
import dev.arazzo.codegen.load.ArazzoDocument.Step;
import dev.arazzo.codegen.load.Suggestions;
import dev.arazzo.codegen.source.MediaKind;
import dev.arazzo.codegen.source.SchemaView;
import dev.arazzo.codegen.source.asyncapi.AsyncApiDocument;
import dev.arazzo.codegen.source.asyncapi.AsyncApiDocument.Action;
import dev.arazzo.codegen.source.asyncapi.AsyncApiDocument.CorrelationId;
import dev.arazzo.codegen.source.asyncapi.AsyncApiDocument.Message;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the AsyncAPI steps of a bound document: the action, the correlation, the channel's address and
 * its parameters, header parameters, what {@code $message} reads (against the messages' schemas), the
 * {@code correlationId} locations of the AsyncAPI messages, and the protocols of their servers.
 */
public final class MessageStepChecker {

    /** The protocols the project's own transport (arazzo-kafka) serves. */
    static final Set<String> KAFKA = Set.of("kafka", "kafka-secure");
    private static final Pattern ADDRESS_PARAMETER = Pattern.compile("\\{([^{}]+)\\}");

    private final ArazzoDocument document;
    private final Diagnostics diagnostics;
    private final Set<String> protocolsReported = new HashSet<>();

    private MessageStepChecker(ArazzoDocument document, Diagnostics diagnostics) {
        this.document = document;
        this.diagnostics = diagnostics;
    }

    /** Reports the problems of every AsyncAPI step of {@code bound}. */
    public static void check(BoundDocument bound, Diagnostics diagnostics) {
        MessageStepChecker checker = new MessageStepChecker(bound.document(), diagnostics);
        for (BoundWorkflow workflow : bound.workflows()) {
            for (BoundStep step : workflow.steps()) {
                if (step.message() != null) {
                    checker.step(step, step.message());
                }
            }
        }
    }

    private SourceLocation at(String pointer) {
        return document.locate(pointer);
    }

    private void step(BoundStep bound, BoundMessage message) {
        Step step = bound.step();
        String name = "step '" + step.stepId() + "'";
        protocols(message.source());
        if (message.action() == null) {
            diagnostics.error("missing-action", at(step.pointer() + (step.action() == null ? "" : "/action")),
                    "AsyncAPI " + name + " must say what it does: 'action: send' (publish a message) or "
                            + "'action: receive' (wait for one)");
            return;
        }
        if (message.channel().address() == null) {
            diagnostics.error("channel-without-address", at(step.pointer()), name + " uses channel '"
                    + message.channel().key() + "', whose address the AsyncAPI document leaves open; give the channel "
                    + "an address");
        } else {
            channelParameters(step, bound, message);
        }
        for (BoundParameter parameter : bound.parameters()) {
            String in = parameter.parameter().in();
            if (!"header".equals(in) && !"channel".equals(in)) {
                diagnostics.error("invalid-parameter", at(parameter.parameter().pointer() + (in == null ? "" : "/in")),
                        "parameter '" + parameter.name() + "' of AsyncAPI " + name + " must be 'in: header' (a message "
                                + "header) or 'in: channel' (a parameter of the channel's address)");
            } else if ("header".equals(in) && message.receives()) {
                diagnostics.error("invalid-parameter", at(parameter.parameter().pointer() + "/in"), "receive " + name
                        + " sends nothing, so header parameter '" + parameter.name() + "' has no message to go on; "
                        + "read a received header with $message.header." + parameter.name());
            } else if ("header".equals(in)) {
                undeclaredHeader(parameter, message, name);
            }
        }
        if (message.receives()) {
            receive(bound, message, name);
        } else {
            if (step.correlationId() != null) {
                diagnostics.error("correlation-on-send", at(step.correlationId().pointer()), "send " + name
                        + " has a correlationId, which only a receive step uses; send the id as a header or payload "
                        + "value of the message, and give the receive step that waits for the reply the correlationId");
            }
            if (step.requestBody() == null) {
                diagnostics.warning("send-without-payload", at(step.pointer() + "/action"), "send " + name
                        + " has no requestBody, so its message's payload is empty; give the payload as requestBody");
            } else {
                textPayload(bound, message, name);
            }
        }
        correlationLocations(message);
        exchangeReads(bound, name);
        if (!message.receives() && step.timeout() != null) {
            diagnostics.error("unsupported-feature", at(step.pointer() + "/timeout"), "send " + name + " has a "
                    + "timeout, which is generated for receive steps only (a send returns once the transport accepted "
                    + "the message); remove it, or set the transport's own send timeout");
        }
    }

    /**
     * A send step's payload is sent as JSON, unless the message's content type (the step's requestBody
     * contentType, else the AsyncAPI message's) is not JSON: then it must be text, sent as written.
     */
    private void textPayload(BoundStep bound, BoundMessage message, String name) {
        String contentType = bound.step().requestBody().contentType() != null
                ? bound.step().requestBody().contentType()
                : message.messages().stream().map(Message::contentType).filter(java.util.Objects::nonNull).findFirst()
                        .orElse("application/json");
        BoundDocument.BoundValue payload = bound.body() == null ? null : bound.body().payload();
        boolean text = payload instanceof BoundDocument.TemplateValue
                || payload instanceof BoundDocument.LiteralValue literal && literal.value().isTextual();
        if (payload != null && !text && MediaKind.of(contentType) != MediaKind.JSON) {
            diagnostics.error("unsupported-feature", at(payload.pointer()), "send " + name + " publishes a message "
                    + "of content type '" + contentType + "', which is not JSON, so its payload must be text (a string "
                    + "or a template with {$...}), sent as written; a structure or an expression is sent as JSON only");
        }
        if (MediaKind.isXml(contentType) && payload instanceof BoundDocument.TemplateValue) {
            diagnostics.error("unsupported-feature", at(payload.pointer()), "send " + name + " publishes an XML "
                    + "message from a template with {$...}, whose values a message step does not escape for XML yet "
                    + "(a value holding '<', '&' or a quote would change the document); write the payload without "
                    + "expressions, or publish it as JSON");
        }
    }

    /**
     * An AsyncAPI step has no HTTP exchange: {@code $statusCode}, {@code $response.*}, {@code $request.*},
     * {@code $url} and {@code $method} in its criteria and outputs have no value.
     */
    private void exchangeReads(BoundStep bound, String name) {
        List<BoundCriterion> criteria = new ArrayList<>(bound.successCriteria());
        bound.onSuccess().forEach(action -> criteria.addAll(action.criteria()));
        bound.onFailure().forEach(action -> criteria.addAll(action.criteria()));
        for (BoundCriterion criterion : criteria) {
            if (criterion.context() != null) {
                httpRead(criterion.context().expression(), criterion.context().text(), criterion.context().pointer(),
                        name);
            }
            if (criterion instanceof BoundDocument.SimpleCriterion simple) {
                for (Condition.Reference reference : simple.condition().references()) {
                    httpRead(reference.expression(), reference.text(), simple.criterion().pointer() + "/condition",
                            name);
                }
            }
        }
        for (BoundExpression output : bound.outputs().values()) {
            httpRead(output.expression(), output.text(), output.pointer(), name);
        }
    }

    private void httpRead(RuntimeExpression expression, String text, String pointer, String name) {
        if (expression instanceof RuntimeExpression.StatusCode || expression instanceof RuntimeExpression.Url
                || expression instanceof RuntimeExpression.Method
                || expression instanceof RuntimeExpression.ResponseHeader
                || expression instanceof RuntimeExpression.ResponseBody
                || expression instanceof RuntimeExpression.RequestBody
                || expression instanceof RuntimeExpression.RequestParameter) {
            diagnostics.error("response-not-available", at(pointer), "'" + text + "' has no value in AsyncAPI "
                    + name + ", which has no HTTP exchange; read the received message with $message.payload or "
                    + "$message.header.<name>");
        }
    }

    /**
     * A receive step's channel is subscribed to when the run starts, before any step: its address may take
     * literals and the workflow's inputs only.
     */
    private static boolean knownAtStart(BoundDocument.BoundValue value) {
        if (value instanceof BoundDocument.LiteralValue) {
            return true;
        }
        if (value instanceof BoundDocument.ExpressionValue expression) {
            return expression.expression().expression() instanceof RuntimeExpression.Input;
        }
        if (value instanceof BoundDocument.TemplateValue template) {
            return template.parts().stream().allMatch(part -> !(part instanceof
                    dev.arazzo.codegen.expression.RuntimeExpressionParser.TemplatePart.Embedded embedded)
                    || embedded.expression() instanceof RuntimeExpression.Input);
        }
        return false;
    }

    private void receive(BoundStep bound, BoundMessage message, String name) {
        Step step = bound.step();
        if (step.requestBody() != null) {
            diagnostics.error("body-on-receive", at(step.requestBody().pointer()), "receive " + name + " sends "
                    + "nothing, so it takes no requestBody; remove it");
        }
        boolean correlated = step.correlationId() != null;
        if (!correlated && step.successCriteria().isEmpty()) {
            diagnostics.warning("uncorrelated-receive", at(step.pointer() + "/action"), "receive " + name + " has "
                    + "neither a correlationId nor successCriteria, so the first message on channel '"
                    + message.channel().address() + "' after the run starts completes it, whichever run it is for; "
                    + "give it a correlationId");
        }
        if (correlated && message.messages().stream().noneMatch(m -> m.correlationId() != null)) {
            diagnostics.error("no-correlation-id", at(step.correlationId().pointer()), name + " gives a correlationId, "
                    + "but no message on channel '" + message.channel().key() + "' declares where its correlation id "
                    + "is (the AsyncAPI message's correlationId); add that to the message, or select the message with "
                    + "successCriteria instead");
        }
        if (message.operation() != null && message.operation().action() == Action.RECEIVE
                && message.operation().reply() != null && message.operation().reply().channel() != null) {
            diagnostics.warning("receive-on-request", at(step.pointer() + "/action"), "receive " + name
                    + " waits on channel '" + message.channel().key() + "', where operation '"
                    + message.operation().operationId() + "' receives its requests; its replies come on channel '"
                    + message.operation().reply().channel().key() + "': to wait for the reply, name that channel with "
                    + "channelPath");
        }
        for (BoundCriterion criterion : bound.successCriteria()) {
            criterion(criterion, message);
        }
        for (BoundDocument.BoundAction action : bound.onSuccess()) {
            action.criteria().forEach(criterion -> criterion(criterion, message));
        }
        for (BoundDocument.BoundAction action : bound.onFailure()) {
            action.criteria().forEach(criterion -> criterion(criterion, message));
        }
        for (BoundExpression output : bound.outputs().values()) {
            read(output.expression(), output.text(), output.pointer(), message);
        }
    }

    private void criterion(BoundCriterion criterion, BoundMessage message) {
        if (criterion.context() != null) {
            read(criterion.context().expression(), criterion.context().text(), criterion.context().pointer(), message);
        }
        if (criterion instanceof BoundDocument.SimpleCriterion simple) {
            for (Condition.Reference reference : simple.condition().references()) {
                read(reference.expression(), reference.text(), simple.criterion().pointer() + "/condition", message);
            }
        }
    }

    /** A {@code $message} read must land on a schema of some message the step may take. */
    private void read(RuntimeExpression expression, String text, String pointer, BoundMessage message) {
        if (expression instanceof RuntimeExpression.MessagePayload payload) {
            List<SchemaView> schemas = message.messages().stream().map(Message::payload).toList();
            if (!schemas.isEmpty() && schemas.stream().allMatch(s -> s != null && s.at(payload.pointer()).isEmpty())) {
                diagnostics.error("unknown-message-field", at(pointer), "'" + text + "' points at '"
                        + payload.pointer() + "', which the payload schema of no message on channel '"
                        + message.channel().key() + "' has" + Suggestions.didYouMean(payload.pointer(),
                                fields(schemas)));
            }
        } else if (expression instanceof RuntimeExpression.MessageHeader header) {
            List<SchemaView> schemas = message.messages().stream().map(Message::headers).toList();
            if (!schemas.isEmpty() && schemas.stream().allMatch(s -> s != null && s.resolved() != null
                    && s.resolved().properties() != null && !s.resolved().properties().containsKey(header.name()))) {
                diagnostics.error("unknown-message-field", at(pointer), "'" + text + "' reads header '" + header.name()
                        + "', which the headers schema of no message on channel '" + message.channel().key()
                        + "' declares" + Suggestions.didYouMean(header.name(), headerNames(schemas)));
            }
        }
    }

    private static List<String> fields(List<SchemaView> schemas) {
        Set<String> fields = new LinkedHashSet<>();
        for (SchemaView schema : schemas) {
            SchemaView resolved = schema == null ? null : schema.resolved();
            if (resolved != null && resolved.properties() != null) {
                resolved.properties().keySet().forEach(key -> fields.add("/" + key));
            }
        }
        return List.copyOf(fields);
    }

    private static List<String> headerNames(List<SchemaView> schemas) {
        return fields(schemas).stream().map(field -> field.substring(1)).toList();
    }

    private void undeclaredHeader(BoundParameter parameter, BoundMessage message, String name) {
        List<SchemaView> schemas = message.messages().stream().map(Message::headers).toList();
        boolean declared = schemas.isEmpty() || schemas.stream().anyMatch(s -> s == null || s.resolved() == null
                || s.resolved().properties() == null || s.resolved().properties().containsKey(parameter.name()));
        if (!declared) {
            diagnostics.warning("undeclared-header", at(parameter.parameter().pointer()), "header '"
                    + parameter.name() + "' of " + name + " is not declared by the headers schema of any message on "
                    + "channel '" + message.channel().key() + "'; it is sent anyway"
                    + Suggestions.didYouMean(parameter.name(), headerNames(schemas)));
        }
    }

    private void channelParameters(Step step, BoundStep bound, BoundMessage message) {
        Set<String> inAddress = new LinkedHashSet<>();
        Matcher matcher = ADDRESS_PARAMETER.matcher(message.channel().address());
        while (matcher.find()) {
            inAddress.add(matcher.group(1));
        }
        Set<String> given = new HashSet<>();
        for (BoundParameter parameter : bound.parameters()) {
            if (!"channel".equals(parameter.parameter().in())) {
                continue;
            }
            given.add(parameter.name());
            if (message.receives() && !knownAtStart(parameter.value())) {
                diagnostics.error("unsupported-feature", at(parameter.parameter().pointer() + "/value"),
                        "channel parameter '" + parameter.name() + "' of receive step '" + step.stepId() + "' reads "
                                + "a value that the run has only after it started, but the run subscribes to its "
                                + "receive channels when it starts (so that no reply is missed); give it a literal or "
                                + "a workflow input ($inputs.<name>)");
            }
            if (!inAddress.contains(parameter.name())) {
                diagnostics.error("unknown-channel-parameter", at(parameter.parameter().pointer() + "/name"),
                        "parameter '" + parameter.name() + "' is not a parameter of channel '" + message.channel().key()
                                + "' (address '" + message.channel().address() + "')"
                                + Suggestions.didYouMean(parameter.name(), inAddress));
            }
        }
        for (String parameter : inAddress) {
            AsyncApiDocument.ChannelParameter declared = message.channel().parameters().get(parameter);
            if (!given.contains(parameter) && (declared == null || declared.defaultValue() == null)) {
                diagnostics.error("missing-channel-parameter", at(step.pointer()), "step '" + step.stepId()
                        + "' uses channel address '" + message.channel().address() + "', whose parameter '" + parameter
                        + "' it gives no value; add a parameter with 'in: channel' and name '" + parameter + "'");
            }
        }
    }

    /** The AsyncAPI messages' correlationId locations must land on their schemas, a header one on a single header. */
    private void correlationLocations(BoundMessage message) {
        for (Message each : message.messages()) {
            CorrelationId correlation = each.correlationId();
            if (correlation == null) {
                continue;
            }
            SourceLocation location = message.source().locate(correlation.pointer() + "/location");
            SchemaView schema = correlation.inHeader() ? each.headers() : each.payload();
            if (correlation.inHeader() && (correlation.jsonPointer().isEmpty()
                    || correlation.jsonPointer().indexOf('/', 1) >= 0)) {
                diagnostics.error("correlation-pointer", location, "correlationId location '" + correlation.location()
                        + "' of message '" + each.name() + "' must name one header, as '$message.header#/<name>': "
                        + "headers are flat name-value pairs");
            } else if (schema != null && schema.at(correlation.jsonPointer()).isEmpty()) {
                diagnostics.error("correlation-pointer", location, "correlationId location '" + correlation.location()
                        + "' of message '" + each.name() + "' points at nothing its " + (correlation.inHeader()
                                ? "headers" : "payload") + " schema has" + Suggestions.didYouMean(
                                        correlation.jsonPointer(), fields(List.of(schema))));
            }
        }
    }

    private void protocols(AsyncApiDocument source) {
        if (!protocolsReported.add(source.name())) {
            return;
        }
        List<String> others = new ArrayList<>(source.protocols().stream()
                .filter(p -> p != null && !KAFKA.contains(p)).toList());
        if (!others.isEmpty()) {
            SourceLocation location = document.sourceDescription(source.name())
                    .map(d -> at(d.pointer() + "/url")).orElse(SourceLocation.ofFile(source.file(), ""));
            diagnostics.warning("message-protocol", location, "source '" + source.name() + "' has servers of protocol "
                    + String.join(", ", others.stream().map(p -> "'" + p + "'").toList()) + "; the workflow needs a "
                    + "MessageTransport whose supportsProtocol says yes to it (arazzo-kafka's serves kafka only)");
        }
    }
}
