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
        boolean xpath = "xpath".equals(selector.type().type());
        Optional<String> pointer = nodes.isPresent() || xpath ? Optional.of("") : pointer(selector, report);
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
        if ("xpath".equals(selector.type().type())) {
            return xpath(selector, context, report);
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
     * An XPath selector: the JDK's XPath 1.0 engine for an expression that compiles as XPath 1.0 (its
     * result type is XPath 1.0's, which the expression alone decides, so it is learnt by evaluating it once
     * on an empty document); Saxon-HE for one that needs XPath 2.0 or later, with a warning that says to
     * add it; an error for one that compiles as neither, or needs 2.0 but is declared {@code xpath-10}.
     * Where one value is needed, as it is by default; outputs take every node ({@link
     * RuntimeExpression.XPathSelection#all}).
     */
    private Optional<BoundExpression> xpath(ArazzoDocument.Selector selector, RuntimeExpression context,
            Diagnostics report) {
        String version = selector.type().versionOrDefault();
        String pointer = selector.pointer() + "/selector";
        if (!version.matches("xpath-(10|20|30|31)")) {
            unknownVersion(selector.type(), "xpath-10, xpath-20, xpath-30 or xpath-31", report);
            return Optional.empty();
        }
        String expression = selector.selector().strip();
        String text = selector.context().strip() + " " + expression;
        try {
            javax.xml.xpath.XPath engine = javax.xml.xpath.XPathFactory.newInstance().newXPath();
            javax.xml.xpath.XPathExpression compiled = engine.compile(expression);
            org.w3c.dom.Document empty = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .newDocument();
            RuntimeExpression.XPathResult result = switch (compiled.evaluateExpression(empty,
                    javax.xml.xpath.XPathEvaluationResult.class).type()) {
                case STRING -> RuntimeExpression.XPathResult.STRING;
                case NUMBER -> RuntimeExpression.XPathResult.NUMBER;
                case BOOLEAN -> RuntimeExpression.XPathResult.BOOLEAN;
                default -> RuntimeExpression.XPathResult.NODES;
            };
            return Optional.of(new BoundExpression(text, selector.pointer(),
                    new RuntimeExpression.XPathSelection(context, expression, result, false, true)));
        } catch (javax.xml.xpath.XPathExpressionException | javax.xml.parsers.ParserConfigurationException
                | RuntimeException e) {
            // not XPath 1.0 (or not evaluable as such): XPath 2.0 or later, or no XPath
        }
        if ("xpath-10".equals(version)) {
            report.error("invalid-xpath", document.locate(pointer), "XPath selector '" + expression + "' does not "
                    + "compile as XPath 1.0, the version it declares; write XPath 1.0, or declare xpath-31 (which "
                    + "needs Saxon-HE at run time)");
            return Optional.empty();
        }
        Optional<String> saxonError = SaxonXPath.compileError(expression);
        if (saxonError.isPresent()) {
            report.error("invalid-xpath", document.locate(pointer), "XPath selector '" + expression + "' does not "
                    + "compile: " + saxonError.get());
            return Optional.empty();
        }
        report.warning("xpath-needs-saxon", document.locate(pointer), "XPath selector '" + expression + "' needs "
                + version + " (it is not XPath 1.0): the generated code evaluates it with Saxon-HE, so add "
                + "net.sf.saxon:Saxon-HE to the project's run-time dependencies, or write it in XPath 1.0 for the "
                + "JDK's engine");
        return Optional.of(new BoundExpression(text, selector.pointer(),
                new RuntimeExpression.XPathSelection(context, expression, RuntimeExpression.XPathResult.NODES, true,
                        true)));
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
     * The query of a 1.1 {@code targetSelectorType: jsonpath} replacement target that can select other than
     * one node (a filter, wildcard, slice, descendant segment, several selectors, an index from the end): set
     * at run time at every node it selects. Empty for any other target ({@link #pointer} takes those); null
     * (reported) for a draft query that means something else under RFC 9535.
     */
    Optional<JsonPathQuery> targetQuery(String written, ExpressionType type, String pointer, Diagnostics report) {
        String version = type.versionOrDefault();
        if (!"jsonpath".equals(type.type())
                || !"rfc9535".equals(version) && !"draft-goessner-dispatch-jsonpath-00".equals(version)) {
            return Optional.empty();
        }
        JsonPathQuery query;
        try {
            query = JsonPathParser.parse(written.strip());
        } catch (JsonPathSyntaxException e) {
            return Optional.empty();
        }
        if (singular(query).isPresent()) {
            return Optional.empty();
        }
        if (version.startsWith("draft")) {
            String differs = GoessnerDraft.difference(query);
            if (differs != null) {
                report.error("invalid-selector", document.locate(pointer), "JSONPath target '" + written.strip()
                        + "' under draft-goessner-dispatch-jsonpath-00: " + differs + "; write it so both mean the "
                        + "same, or declare version rfc9535 (the default)");
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
                report.error("invalid-selector", document.locate(pointer), "an XPath ('" + written.strip()
                        + "') selects in XML, not a JSON location; use jsonpointer or jsonpath here");
                return Optional.empty();
            }
            default -> {
                report.error("invalid-selector", document.locate(type.pointer()), "selector type '" + type.type()
                        + "' is none of jsonpath, xpath and jsonpointer");
                return Optional.empty();
            }
        }
    }

    /**
     * A replacement target of {@code targetSelectorType: xpath}: an expression that compiles as XPath 1.0 and
     * gives a node-set (the JDK's engine), else one Saxon-HE compiles (XPath 2.0+, with the same
     * {@code xpath-needs-saxon} warning as selectors); empty (reported) for an unknown version, an XPath 1.0
     * expression of another result type, one declared {@code xpath-10} that is not XPath 1.0, or no XPath.
     * Prefixes are bound to the payload's declarations at run time, so any prefix compiles here.
     */
    Optional<BoundDocument.XPathTarget> xpathTarget(String written, ExpressionType type, String pointer,
            Diagnostics report) {
        String version = type.versionOrDefault();
        if (!version.matches("xpath-(10|20|30|31)")) {
            unknownVersion(type, "xpath-10, xpath-20, xpath-30 or xpath-31", report);
            return Optional.empty();
        }
        String expression = written.strip();
        Optional<Boolean> nodes = xpath10Nodes(expression);
        if (nodes.isPresent()) {
            if (!nodes.get()) {
                report.error("invalid-xpath", document.locate(pointer), "XPath replacement target '" + expression
                        + "' gives a string, number or boolean, not a node; select the one element, attribute or "
                        + "text node to write, e.g. /order/id, /order/@id or /order/id/text()");
                return Optional.empty();
            }
            return Optional.of(new BoundDocument.XPathTarget(expression, false));
        }
        if ("xpath-10".equals(version)) {
            report.error("invalid-xpath", document.locate(pointer), "XPath replacement target '" + expression
                    + "' does not compile as XPath 1.0, the version it declares; write XPath 1.0, or declare "
                    + "xpath-31 (which needs Saxon-HE at run time)");
            return Optional.empty();
        }
        Optional<String> saxonError = SaxonXPath.compileErrorAnyPrefix(expression);
        if (saxonError.isPresent()) {
            report.error("invalid-xpath", document.locate(pointer), "XPath replacement target '" + expression
                    + "' does not compile: " + saxonError.get());
            return Optional.empty();
        }
        report.warning("xpath-needs-saxon", document.locate(pointer), "XPath replacement target '" + expression
                + "' needs " + version + " (it is not XPath 1.0): the generated code evaluates it with Saxon-HE, so "
                + "add net.sf.saxon:Saxon-HE to the project's run-time dependencies, or write it in XPath 1.0 for "
                + "the JDK's engine");
        return Optional.of(new BoundDocument.XPathTarget(expression, true));
    }

    /**
     * Whether {@code expression}, compiled as XPath 1.0 by the JDK (any prefix bound), gives a node-set; empty
     * when it does not compile or evaluate as XPath 1.0.
     */
    static Optional<Boolean> xpath10Nodes(String expression) {
        if (expression.matches("(?s).*[A-Za-z_][\\w.-]*:[A-Za-z_][\\w.-]*\\s*\\(.*")) {
            // a prefixed function (xs:integer(...), fn:...): the JDK has none, so XPath 2.0 or later
            return Optional.empty();
        }
        try {
            javax.xml.xpath.XPath engine = javax.xml.xpath.XPathFactory.newInstance().newXPath();
            engine.setNamespaceContext(new javax.xml.namespace.NamespaceContext() {
                @Override
                public String getNamespaceURI(String prefix) {
                    return "urn:arazzo:prefix:" + prefix;
                }

                @Override
                public String getPrefix(String namespaceUri) {
                    return null;
                }

                @Override
                public java.util.Iterator<String> getPrefixes(String namespaceUri) {
                    return java.util.Collections.emptyIterator();
                }
            });
            org.w3c.dom.Document empty = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .newDocument();
            javax.xml.xpath.XPathEvaluationResult.XPathResultType result = engine.compile(expression)
                    .evaluateExpression(empty, javax.xml.xpath.XPathEvaluationResult.class).type();
            return Optional.of(result == javax.xml.xpath.XPathEvaluationResult.XPathResultType.NODESET
                    || result == javax.xml.xpath.XPathEvaluationResult.XPathResultType.NODE);
        } catch (javax.xml.xpath.XPathExpressionException | javax.xml.parsers.ParserConfigurationException
                | RuntimeException e) {
            return Optional.empty();
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
