package dev.arazzo.codegen.bind;

import dev.arazzo.codegen.bind.BoundDocument.BoundExpression;
import dev.arazzo.codegen.diagnostic.Diagnostics;
import dev.arazzo.codegen.expression.ExpressionSyntaxException;
import dev.arazzo.codegen.expression.RuntimeExpression;
import dev.arazzo.codegen.expression.RuntimeExpressionParser;
import dev.arazzo.codegen.jsonpath.JsonPathParser;
import dev.arazzo.codegen.jsonpath.JsonPathQuery;
import dev.arazzo.codegen.jsonpath.JsonPathSyntaxException;
import dev.arazzo.codegen.jsonpath.Segment;
import dev.arazzo.codegen.jsonpath.Selector;
import dev.arazzo.codegen.load.ArazzoDocument;
import dev.arazzo.codegen.load.ArazzoDocument.ExpressionType;
import dev.arazzo.codegen.load.SourceDocument;
import java.util.Optional;

/**
 * Binds Arazzo 1.1 Selector Objects ({@code context} + {@code selector} + {@code type}) over JSON. A
 * {@code jsonpointer} selector (RFC 6901), or a singular {@code jsonpath} query (names and non-negative
 * indexes only), is the JSON Pointer it denotes applied to its context: the runtime expression
 * {@code context#pointer}, typed from the schema like any other. Any other {@code jsonpath} query (RFC 9535,
 * or the Goessner draft where it means the same, {@link GoessnerDraft}) becomes a
 * {@link RuntimeExpression.JsonPathSelection} of its context: a node list. What it cannot bind exactly is a
 * located error: an XPath selector, a context that is not structured data, an unknown type or version.
 */
final class SelectorBinder {

    private final ArazzoDocument document;

    SelectorBinder(ArazzoDocument document) {
        this.document = document;
    }

    /** {@code selector} as the runtime expression it denotes; empty (reported to {@code report}) when none. */
    Optional<BoundExpression> bind(ArazzoDocument.Selector selector, Diagnostics report) {
        RuntimeExpression context;
        String contextPointer = selector.pointer() + "/context";
        try {
            context = RuntimeExpressionParser.parse(selector.context().strip());
        } catch (ExpressionSyntaxException e) {
            report.error("invalid-expression", document.locate(contextPointer), "selector context '"
                    + selector.context() + "': " + e.getMessage());
            return Optional.empty();
        }
        Optional<JsonPathQuery> nodes = multiNode(selector, report);
        if (nodes == null) {
            return Optional.empty();
        }
        Optional<String> pointer = nodes.isPresent() ? Optional.of("") : pointer(selector, report);
        if (pointer.isEmpty()) {
            return Optional.empty();
        }
        Optional<RuntimeExpression> selected = append(context, pointer.get());
        if (selected.isEmpty()) {
            report.error("invalid-selector", document.locate(contextPointer), "selector context '"
                    + selector.context() + "' is not structured data a selector can apply to; use $response.body, "
                    + "$request.body, $inputs.<name>, $outputs.<name>, $steps.<id>.outputs.<name> or "
                    + "$workflows.<id>.<inputs|outputs>.<name>");
            return Optional.empty();
        }
        if (nodes.isPresent()) {
            String written = selector.selector().strip();
            return Optional.of(new BoundExpression(selector.context().strip() + " " + written, selector.pointer(),
                    new RuntimeExpression.JsonPathSelection(context, nodes.get(), written, false)));
        }
        String text = selector.context().strip() + (selector.context().contains("#") ? "" : "#") + pointer.get();
        return Optional.of(new BoundExpression(text, selector.pointer(), selected.get()));
    }

    /**
     * The query of a JSONPath selector that can select other than one node; empty for any other selector
     * (a singular query, a pointer, XPath: {@link #pointer} takes those); null (reported) for a query that
     * does not parse or that its version cannot evaluate exactly.
     */
    private Optional<JsonPathQuery> multiNode(ArazzoDocument.Selector selector, Diagnostics report) {
        ExpressionType type = selector.type();
        String version = type.versionOrDefault();
        if (!"jsonpath".equals(type.type())
                || !"rfc9535".equals(version) && !"draft-goessner-dispatch-jsonpath-00".equals(version)) {
            return Optional.empty();
        }
        String written = selector.selector().strip();
        String pointer = selector.pointer() + "/selector";
        JsonPathQuery query;
        try {
            query = JsonPathParser.parse(written);
        } catch (JsonPathSyntaxException e) {
            boolean script = version.startsWith("draft") && written.contains("[(");
            report.error("invalid-selector", document.locate(pointer), "JSONPath '" + written + "': "
                    + (script ? "script expressions [(...)] of the Goessner draft are JavaScript, which is not "
                    + "evaluated; write a slice ([-1:]) or an index instead"
                    : e.reason() + " (at character " + (e.index() + 1) + ")"));
            return null;
        }
        if (singular(query).isPresent()) {
            return Optional.empty();
        }
        if (version.startsWith("draft")) {
            String differs = GoessnerDraft.difference(query);
            if (differs != null) {
                report.error("invalid-selector", document.locate(pointer), "JSONPath '" + written + "' under "
                        + "draft-goessner-dispatch-jsonpath-00: " + differs + "; write it so both mean the same, or "
                        + "declare version rfc9535 (the default)");
                return null;
            }
        }
        return Optional.of(query);
    }

    /**
     * The JSON Pointer a selector of {@code type} names: the selector itself for {@code jsonpointer}, the
     * path of a singular JSONPath query; empty (reported) for what is not one.
     */
    Optional<String> pointer(ArazzoDocument.Selector selector, Diagnostics report) {
        return pointer(selector.selector(), selector.type(), selector.pointer() + "/selector", report);
    }

    /** {@code written}, of {@code type} at {@code pointer}, as a JSON Pointer; empty (reported) when it is none. */
    Optional<String> pointer(String written, ExpressionType type, String pointer, Diagnostics report) {
        String version = type.versionOrDefault();
        switch (type.type()) {
            case "jsonpointer" -> {
                if (!"rfc6901".equals(version)) {
                    return unknownVersion(type, "rfc6901", report);
                }
                if (!written.isEmpty() && !written.startsWith("/") || written.matches(".*~([^01]|$).*")) {
                    report.error("invalid-selector", document.locate(pointer), "'" + written + "' is no JSON Pointer "
                            + "(RFC 6901): it is empty or starts with '/', and '~' is followed by 0 or 1");
                    return Optional.empty();
                }
                return Optional.of(written);
            }
            case "jsonpath" -> {
                if (!"rfc9535".equals(version) && !"draft-goessner-dispatch-jsonpath-00".equals(version)) {
                    return unknownVersion(type, "rfc9535 or draft-goessner-dispatch-jsonpath-00", report);
                }
                JsonPathQuery query;
                try {
                    query = JsonPathParser.parse(written.strip());
                } catch (JsonPathSyntaxException e) {
                    report.error("invalid-selector", document.locate(pointer), "JSONPath '" + written.strip() + "': "
                            + e.reason() + " (at character " + (e.index() + 1) + ")");
                    return Optional.empty();
                }
                Optional<String> singular = singular(query);
                if (singular.isEmpty()) {
                    report.error("unsupported-feature", document.locate(pointer), "JSONPath target '"
                            + written.strip() + "' can select other than exactly one node (a wildcard, slice, filter, "
                            + "descendant segment, several selectors or an index from the end); a replacement target "
                            + "is one location, a singular path such as $.a.b or $['a'][0]");
                }
                return singular;
            }
            case "xpath" -> {
                report.error("unsupported-feature", document.locate(pointer), "XPath selectors are not generated by "
                        + "this version yet; select from JSON with a jsonpointer or jsonpath selector, or use an "
                        + "xpath criterion to test the XML");
                return Optional.empty();
            }
            default -> {
                report.error("invalid-selector", document.locate(type.pointer()), "selector type '" + type.type()
                        + "' is none of jsonpath, xpath and jsonpointer");
                return Optional.empty();
            }
        }
    }

    private Optional<String> unknownVersion(ExpressionType type, String known, Diagnostics report) {
        report.error("invalid-selector", document.locate(type.pointer()), "version '" + type.version() + "' of a "
                + type.type() + " selector is not one this generator knows; use " + known);
        return Optional.empty();
    }

    /** The JSON Pointer of a query made of single names and non-negative indexes; empty for any other. */
    static Optional<String> singular(JsonPathQuery query) {
        StringBuilder pointer = new StringBuilder();
        for (Segment segment : query.segments()) {
            if (segment.descendant() || segment.selectors().size() != 1) {
                return Optional.empty();
            }
            Selector selector = segment.selectors().get(0);
            if (selector instanceof Selector.Name name) {
                pointer.append('/').append(SourceDocument.escape(name.name()));
            } else if (selector instanceof Selector.Index index && index.index() >= 0) {
                pointer.append('/').append(index.index());
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(pointer.toString());
    }

    /** {@code context} with {@code pointer} appended to its own; empty for a context without structure. */
    static Optional<RuntimeExpression> append(RuntimeExpression context, String pointer) {
        if (context instanceof RuntimeExpression.ResponseBody body) {
            return Optional.of(new RuntimeExpression.ResponseBody(body.pointer() + pointer));
        }
        if (context instanceof RuntimeExpression.RequestBody body) {
            return Optional.of(new RuntimeExpression.RequestBody(body.pointer() + pointer));
        }
        if (context instanceof RuntimeExpression.Input input) {
            return Optional.of(new RuntimeExpression.Input(input.name(), input.pointer() + pointer));
        }
        if (context instanceof RuntimeExpression.Output output) {
            return Optional.of(new RuntimeExpression.Output(output.name(), output.pointer() + pointer));
        }
        if (context instanceof RuntimeExpression.StepOutput output) {
            return Optional.of(new RuntimeExpression.StepOutput(output.stepId(), output.name(),
                    output.pointer() + pointer));
        }
        if (context instanceof RuntimeExpression.WorkflowValue value) {
            return Optional.of(new RuntimeExpression.WorkflowValue(value.workflowId(), value.output(), value.name(),
                    value.pointer() + pointer));
        }
        return Optional.empty();
    }
}
