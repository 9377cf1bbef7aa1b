package dev.arazzo.codegen.bind;

import dev.arazzo.codegen.diagnostic.Diagnostics;
import dev.arazzo.codegen.load.ArazzoDocument;
import dev.arazzo.codegen.load.ArazzoDocument.Step;
import dev.arazzo.codegen.load.Suggestions;
import dev.arazzo.codegen.source.asyncapi.AsyncApiDocument;
import dev.arazzo.codegen.source.asyncapi.AsyncApiDocument.Action;
import dev.arazzo.codegen.source.asyncapi.AsyncApiDocument.Channel;
import dev.arazzo.codegen.source.asyncapi.AsyncApiDocument.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what an AsyncAPI step names, in the document's AsyncAPI sources: an operation by {@code operationId}
 * (plain or {@code $sourceDescriptions.<name>.<operationId>}), by {@code operationPath}
 * ({@code {$sourceDescriptions.<name>.url}#/operations/<id>}), or a channel by {@code channelPath}
 * ({@code {$sourceDescriptions.<name>.url}#/channels/<key>}).
 */
final class MessageBinder {

    private static final Pattern QUALIFIED_ID = Pattern.compile("^\\$sourceDescriptions\\.([^.]+)\\.(.+)$");
    private static final Pattern PATH = Pattern.compile("^\\{?\\$sourceDescriptions\\.([^.}]+)\\.url\\}?#(.*)$");

    private final ArazzoDocument document;
    private final BoundSources sources;
    private final Diagnostics diagnostics;

    MessageBinder(ArazzoDocument document, BoundSources sources, Diagnostics diagnostics) {
        this.document = document;
        this.sources = sources;
        this.diagnostics = diagnostics;
    }

    /**
     * Whether {@code step} is an AsyncAPI step: it has {@code action} or {@code channelPath}, or its
     * operationId or operationPath names an AsyncAPI source (or only an AsyncAPI source defines its operationId).
     */
    boolean isMessageStep(Step step) {
        if (step.workflowId() != null) {
            return false;
        }
        if (step.action() != null || step.channelPath() != null) {
            return true;
        }
        String reference = step.operationId() != null ? step.operationId() : step.operationPath();
        if (reference == null) {
            return false;
        }
        Matcher qualified = QUALIFIED_ID.matcher(reference);
        Matcher path = PATH.matcher(reference);
        if (path.matches()) {
            return sources.asyncApis().containsKey(path.group(1));
        }
        if (qualified.matches()) {
            return sources.asyncApis().containsKey(qualified.group(1));
        }
        boolean inOpenApi = sources.apis().values().stream()
                .anyMatch(api -> api.operations().stream().anyMatch(o -> reference.equals(o.operationId())));
        return !inOpenApi && sources.asyncApis().values().stream().anyMatch(a -> a.operations().containsKey(reference));
    }

    /** What the message step sends or receives; null (reported) when it names nothing that exists. */
    BoundMessage bind(Step step, BoundDocument.BoundValue correlationId) {
        Action action = "send".equals(step.action()) ? Action.SEND : "receive".equals(step.action()) ? Action.RECEIVE
                : null;
        if (step.channelPath() != null) {
            return byChannelPath(step, action, correlationId);
        }
        String field = step.operationId() != null ? "/operationId" : "/operationPath";
        String reference = step.operationId() != null ? step.operationId() : step.operationPath();
        if (reference == null) {
            diagnostics.error("missing-operation", document.locate(step.pointer()), "AsyncAPI step '" + step.stepId()
                    + "' names neither an operationId nor a channelPath");
            return null;
        }
        List<AsyncApiDocument> candidates = new ArrayList<>(sources.asyncApis().values());
        String operationId = reference;
        Matcher path = PATH.matcher(reference);
        Matcher qualified = QUALIFIED_ID.matcher(reference);
        if (path.matches() || qualified.matches()) {
            String name = path.matches() ? path.group(1) : qualified.group(1);
            AsyncApiDocument source = source(step, field, name);
            if (source == null) {
                return null;
            }
            candidates = List.of(source);
            if (path.matches()) {
                String pointer = path.group(2);
                if (!pointer.startsWith("/operations/") || pointer.indexOf('/', 12) >= 0) {
                    diagnostics.error("invalid-operation-path", document.locate(step.pointer() + field), "step '"
                            + step.stepId() + "' points at '" + pointer + "'; in an AsyncAPI source it points at "
                            + "'#/operations/<operationId>', or names a channel with channelPath");
                    return null;
                }
                operationId = pointer.substring(12).replace("~1", "/").replace("~0", "~");
            } else {
                operationId = qualified.group(2);
            }
        }
        List<String> known = new ArrayList<>();
        for (AsyncApiDocument source : candidates) {
            Optional<Operation> operation = source.operation(operationId);
            if (operation.isPresent()) {
                Operation found = operation.get();
                return new BoundMessage(source, found, found.channel(), found.messages(), action, correlationId);
            }
            known.addAll(source.operations().keySet());
        }
        diagnostics.error("unknown-operation", document.locate(step.pointer() + field), "step '" + step.stepId()
                + "' names operation '" + operationId + "', which no AsyncAPI source defines"
                + Suggestions.didYouMean(operationId, known));
        return null;
    }

    private BoundMessage byChannelPath(Step step, Action action, BoundDocument.BoundValue correlationId) {
        Matcher path = PATH.matcher(step.channelPath());
        if (!path.matches()) {
            diagnostics.error("invalid-channel-path", document.locate(step.pointer() + "/channelPath"), "channelPath '"
                    + step.channelPath() + "' of step '" + step.stepId() + "' must name a source and a channel, as "
                    + "'{$sourceDescriptions.<name>.url}#/channels/<channel>'");
            return null;
        }
        AsyncApiDocument source = source(step, "/channelPath", path.group(1));
        if (source == null) {
            return null;
        }
        Optional<Channel> channel = source.channelAt(path.group(2));
        if (channel.isEmpty()) {
            diagnostics.error("unknown-channel", document.locate(step.pointer() + "/channelPath"), "step '"
                    + step.stepId() + "' names channel '" + path.group(2) + "', which source '" + source.name()
                    + "' does not define" + Suggestions.didYouMean(path.group(2), source.channels().values().stream()
                            .map(Channel::pointer).toList()));
            return null;
        }
        Channel found = channel.get();
        return new BoundMessage(source, null, found, List.copyOf(found.messages().values()), action, correlationId);
    }

    private AsyncApiDocument source(Step step, String field, String name) {
        AsyncApiDocument source = sources.asyncApis().get(name);
        if (source == null && !sources.unavailable().contains(name)) {
            diagnostics.error("unknown-source", document.locate(step.pointer() + field), "step '" + step.stepId()
                    + "' names source description '" + name + "', which is not an AsyncAPI source of this document"
                    + Suggestions.didYouMean(name, sources.asyncApis().keySet()));
        }
        return source;
    }
}
