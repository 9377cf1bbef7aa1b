package dev.arazzo.codegen.bind;

import dev.arazzo.codegen.diagnostic.Diagnostics;
import dev.arazzo.codegen.load.ArazzoDocument;
import dev.arazzo.codegen.load.ArazzoDocument.Step;
import dev.arazzo.codegen.load.Suggestions;
import dev.arazzo.codegen.source.ApiSource;
import dev.arazzo.codegen.source.OperationView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the operation each step names by {@code operationId} (plain or
 * {@code $sourceDescriptions.<name>.<operationId>}) or {@code operationPath}
 * ({@code {$sourceDescriptions.<name>.url}#/paths/~1pets/get}), in the document's API sources.
 */
final class OperationBinder {

    private static final Pattern QUALIFIED_ID = Pattern.compile("^\\$sourceDescriptions\\.([^.]+)\\.(.+)$");
    private static final Pattern OPERATION_PATH = Pattern.compile("^\\{\\$sourceDescriptions\\.([^.}]+)\\.url\\}#(.*)$");
    private static final Pattern LOOSE_OPERATION_PATH = Pattern.compile("^([^#{}]+)#(/paths/.*)$");

    private final ArazzoDocument document;
    private final BoundSources sources;
    private final Diagnostics diagnostics;

    OperationBinder(ArazzoDocument document, BoundSources sources, Diagnostics diagnostics) {
        this.document = document;
        this.sources = sources;
        this.diagnostics = diagnostics;
    }

    /** The operation {@code step} calls; empty (with a diagnostic) when it names none that exists. */
    Optional<OperationView> bind(Step step) {
        if (step.operationId() != null) {
            return byOperationId(step);
        }
        if (step.operationPath() != null) {
            return byOperationPath(step);
        }
        return Optional.empty();
    }

    private Optional<OperationView> byOperationId(Step step) {
        String operationId = step.operationId();
        List<ApiSource> candidates = new ArrayList<>(sources.apis().values());
        Matcher qualified = QUALIFIED_ID.matcher(operationId);
        if (qualified.matches()) {
            ApiSource source = sources.apis().get(qualified.group(1));
            if (source == null) {
                unknownSource(step, "/operationId", qualified.group(1));
                return Optional.empty();
            }
            candidates = List.of(source);
            operationId = qualified.group(2);
        }
        List<OperationView> found = new ArrayList<>();
        List<String> known = new ArrayList<>();
        for (ApiSource source : candidates) {
            for (OperationView operation : source.operations()) {
                String id = operation.operationId();
                if (id != null) {
                    known.add(id);
                    if (id.equals(operationId)) {
                        found.add(operation);
                    }
                }
            }
        }
        if (found.size() == 1) {
            return Optional.of(found.get(0));
        }
        if (found.size() > 1) {
            diagnostics.error("ambiguous-operation", document.locate(step.pointer() + "/operationId"), "step '"
                    + step.stepId() + "' names operation '" + operationId + "', which more than one source defines; "
                    + "qualify it as '$sourceDescriptions.<name>." + operationId + "'");
            return Optional.empty();
        }
        if (candidates.isEmpty()) {
            if (sources.unavailable().isEmpty()) {
                diagnostics.error("unknown-operation", document.locate(step.pointer() + "/operationId"), "step '"
                        + step.stepId() + "' names operation '" + operationId + "', but the document has no OpenAPI "
                        + "source; add one to sourceDescriptions");
            }
            return Optional.empty();
        }
        int dot = operationId.indexOf('.');
        if (dot > 0 && sources.apis().containsKey(operationId.substring(0, dot))) {
            diagnostics.error("unknown-operation", document.locate(step.pointer() + "/operationId"), "step '"
                    + step.stepId() + "' names operation '" + operationId + "' in a shorthand the specification does "
                    + "not have; write '$sourceDescriptions." + operationId + "'");
            return Optional.empty();
        }
        if (!sources.unavailable().isEmpty()) {
            return Optional.empty(); // a source that might define it could not be read: that is reported already
        }
        diagnostics.error("unknown-operation", document.locate(step.pointer() + "/operationId"), "step '"
                + step.stepId() + "' names operation '" + operationId + "', which no source defines"
                + Suggestions.didYouMean(operationId, known));
        return Optional.empty();
    }

    private Optional<OperationView> byOperationPath(Step step) {
        Matcher matcher = OPERATION_PATH.matcher(step.operationPath());
        String sourceName;
        String pointer;
        if (matcher.matches()) {
            sourceName = matcher.group(1);
            pointer = matcher.group(2);
        } else {
            // real documents also write '<source name>#/paths/...' or '<source url>#/paths/...'
            Matcher loose = LOOSE_OPERATION_PATH.matcher(step.operationPath());
            String named = loose.matches() ? sourceNamed(loose.group(1)) : null;
            if (named == null) {
                diagnostics.error("invalid-operation-path", document.locate(step.pointer() + "/operationPath"), "step '"
                        + step.stepId() + "' has operationPath '" + step.operationPath() + "'; write it as "
                        + "'{$sourceDescriptions.<name>.url}#/paths/<path with / as ~1>/<method>'");
                return Optional.empty();
            }
            sourceName = named;
            pointer = loose.group(2);
            diagnostics.warning("non-spec-operation-path", document.locate(step.pointer() + "/operationPath"),
                    "operationPath '" + step.operationPath() + "' names its source without a runtime expression; "
                            + "write '{$sourceDescriptions." + named + ".url}#" + pointer + "' (it is read as that)");
        }
        ApiSource source = sources.apis().get(sourceName);
        if (source == null) {
            unknownSource(step, "/operationPath", sourceName);
            return Optional.empty();
        }
        String[] tokens = pointer.split("/", -1);
        if (tokens.length == 3 && tokens[0].isEmpty() && tokens[1].equals("paths")) {
            // a pointer to a path item: fine when the path has exactly one operation
            String itemPath = unescape(tokens[2]);
            List<OperationView> onPath = source.operations().stream().filter(o -> o.path().equals(itemPath)).toList();
            if (onPath.size() == 1) {
                diagnostics.warning("non-spec-operation-path", document.locate(step.pointer() + "/operationPath"),
                        "operationPath of step '" + step.stepId() + "' points at a path, not an operation; append the "
                                + "method: '" + step.operationPath() + "/" + onPath.get(0).method().toLowerCase(Locale.ROOT)
                                + "' (it is read as that)");
                return Optional.of(onPath.get(0));
            }
        }
        if (tokens.length == 5 && tokens[0].isEmpty() && tokens[1].equals("paths")
                && tokens[3].equals("additionalOperations")) {
            // OpenAPI 3.2: '#/paths/<path>/additionalOperations/<METHOD>'
            tokens = new String[] {"", "paths", tokens[2], unescape(tokens[4])};
        }
        if (tokens.length != 4 || !tokens[0].isEmpty() || !tokens[1].equals("paths")) {
            diagnostics.error("invalid-operation-path", document.locate(step.pointer() + "/operationPath"), "step '"
                    + step.stepId() + "' points at '" + pointer + "'; an operationPath points at an operation, as "
                    + "'#/paths/<path with / as ~1>/<method>'");
            return Optional.empty();
        }
        String path = unescape(tokens[2]);
        String method = tokens[3].toUpperCase(Locale.ROOT);
        List<String> known = new ArrayList<>();
        for (OperationView operation : source.operations()) {
            known.add(operation.path() + " " + operation.method().toLowerCase(Locale.ROOT));
            if (operation.path().equals(path) && operation.method().equals(method)) {
                return Optional.of(operation);
            }
        }
        diagnostics.error("unknown-operation", document.locate(step.pointer() + "/operationPath"), "step '"
                + step.stepId() + "' points at " + method + " " + path + ", which source '" + source.name()
                + "' does not define" + Suggestions.didYouMean(path + " " + tokens[3].toLowerCase(Locale.ROOT), known));
        return Optional.empty();
    }

    /** The source description a loose operationPath prefix means: its name or its url. */
    private String sourceNamed(String prefix) {
        String name = prefix.replaceFirst("^\\$sourceDescriptions\\.", "").replaceFirst("\\.url$", "");
        for (ArazzoDocument.SourceDescription description : document.sourceDescriptions()) {
            if (description.name().equals(name) || description.url().equals(prefix)) {
                return description.name();
            }
        }
        return null;
    }

    private void unknownSource(Step step, String field, String name) {
        if (sources.unavailable().contains(name)) {
            return; // it could not be read: that is reported at its url
        }
        diagnostics.error("unknown-source", document.locate(step.pointer() + field), "step '" + step.stepId()
                + "' names source description '" + name + "', which is not an OpenAPI source of this document"
                + Suggestions.didYouMean(name, sources.apis().keySet()));
    }

    private static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }
}
