package dev.arazzo.codegen.expression;

import dev.arazzo.codegen.source.ParameterLocation;
import java.util.Objects;

/**
 * A parsed Arazzo runtime expression (the ABNF of the specification's "Runtime Expressions" section).
 *
 * <p>A {@code pointer} is a JSON Pointer into the value ({@code ""} for the whole value).
 */
public sealed interface RuntimeExpression {

    /**
     * The expression whose value this one reads: itself, or the context of a selector. What checks the
     * steps, inputs and workflows an expression reads looks at this one.
     */
    default RuntimeExpression read() {
        return this;
    }

    /** {@code $url}. */
    record Url() implements RuntimeExpression {
    }

    /** {@code $method}. */
    record Method() implements RuntimeExpression {
    }

    /** {@code $statusCode}. */
    record StatusCode() implements RuntimeExpression {
    }

    /** {@code $self} (Arazzo 1.1): the document's {@code $self} URI. */
    record Self() implements RuntimeExpression {
    }

    /** {@code $request.header.X}, {@code $request.query.x}, {@code $request.path.x}. */
    record RequestParameter(ParameterLocation in, String name) implements RuntimeExpression {
        public RequestParameter {
            Objects.requireNonNull(in, "in");
            Objects.requireNonNull(name, "name");
        }
    }

    /** {@code $request.body} with an optional {@code #/pointer}. */
    record RequestBody(String pointer) implements RuntimeExpression {
        public RequestBody {
            Objects.requireNonNull(pointer, "pointer");
        }
    }

    /** {@code $response.header.X}: header names are case-insensitive. */
    record ResponseHeader(String name) implements RuntimeExpression {
        public ResponseHeader {
            Objects.requireNonNull(name, "name");
        }
    }

    /** {@code $response.body} with an optional {@code #/pointer}. */
    record ResponseBody(String pointer) implements RuntimeExpression {
        public ResponseBody {
            Objects.requireNonNull(pointer, "pointer");
        }
    }

    /** {@code $inputs.name}, with an optional {@code #/pointer}. */
    record Input(String name, String pointer) implements RuntimeExpression {
        public Input {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(pointer, "pointer");
        }
    }

    /** {@code $outputs.name}: an output of the current workflow. */
    record Output(String name, String pointer) implements RuntimeExpression {
        public Output {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(pointer, "pointer");
        }
    }

    /** {@code $steps.stepId.outputs.name#/pointer}. */
    record StepOutput(String stepId, String name, String pointer) implements RuntimeExpression {
        public StepOutput {
            Objects.requireNonNull(stepId, "stepId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(pointer, "pointer");
        }
    }

    /** {@code $workflows.id.inputs.name} or {@code $workflows.id.outputs.name#/pointer}. */
    record WorkflowValue(String workflowId, boolean output, String name, String pointer) implements RuntimeExpression {
        public WorkflowValue {
            Objects.requireNonNull(workflowId, "workflowId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(pointer, "pointer");
        }
    }

    /** {@code $sourceDescriptions.name.url} (or another field of the Source Description Object). */
    record SourceDescriptionField(String name, String field) implements RuntimeExpression {
        public SourceDescriptionField {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(field, "field");
        }
    }

    /**
     * Not a runtime expression: a constant written where an output expects one ({@code guildCount: 2},
     * {@code name: abc}); a text, a boolean, a number or null.
     */
    record Constant(com.fasterxml.jackson.databind.JsonNode value) implements RuntimeExpression {
        public Constant {
            Objects.requireNonNull(value, "value");
        }
    }

    /** {@code $components.parameters.name} and other {@code $components.kind.name} forms. */
    record Component(String kind, String name) implements RuntimeExpression {
        public Component {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
        }
    }

    /** {@code $message.header.X} or {@code $message.header#/X}: a header of the message a receive step took. */
    record MessageHeader(String name) implements RuntimeExpression {
        public MessageHeader {
            Objects.requireNonNull(name, "name");
        }
    }

    /** {@code $message.payload} with an optional {@code #/pointer}: the payload of the message a receive step took. */
    record MessagePayload(String pointer) implements RuntimeExpression {
        public MessagePayload {
            Objects.requireNonNull(pointer, "pointer");
        }
    }

    /**
     * An Arazzo 1.1 Selector Object with a JSONPath query that can select other than one node (a wildcard,
     * slice, filter, descendant segment, several selectors, an index from the end), applied to the value of
     * {@code context}: the RFC 9535 node list, or, where one value is needed ({@code single}), its one node.
     *
     * @param context the selector's context, structured data
     * @param query the parsed query
     * @param selector the query as written, for messages
     * @param single whether exactly one node is needed (a parameter that is not an array)
     */
    record JsonPathSelection(RuntimeExpression context, dev.arazzo.codegen.jsonpath.JsonPathQuery query,
            String selector, boolean single) implements RuntimeExpression {
        public JsonPathSelection {
            Objects.requireNonNull(context, "context");
            Objects.requireNonNull(query, "query");
            Objects.requireNonNull(selector, "selector");
        }

        @Override
        public RuntimeExpression read() {
            return context.read();
        }

        /** This selection where exactly one node is needed. */
        public JsonPathSelection one() {
            return new JsonPathSelection(context, query, selector, true);
        }
    }

    /**
     * An Arazzo 1.1 Selector Object of {@code type: xpath}, applied to the value of {@code context} read as
     * XML text. An expression that compiles as XPath 1.0 is evaluated by the JDK, its result of the XPath 1.0
     * type {@code result} (a node-set as the string values of its nodes); one that needs XPath 2.0 or later
     * by Saxon-HE ({@code saxon}), its items' string values ({@code NODES}).
     *
     * @param context the selector's context
     * @param expression the XPath expression, stripped
     * @param result the type of its result
     * @param saxon whether it needs XPath 2.0 or later (Saxon-HE at run time)
     * @param single whether one value is needed: a node-set of exactly one node, its string value
     */
    record XPathSelection(RuntimeExpression context, String expression, XPathResult result, boolean saxon,
            boolean single) implements RuntimeExpression {
        public XPathSelection {
            Objects.requireNonNull(context, "context");
            Objects.requireNonNull(expression, "expression");
            Objects.requireNonNull(result, "result");
        }

        @Override
        public RuntimeExpression read() {
            return context.read();
        }

        /** This selection where every node is wanted (an output): a node-set is a list. */
        public XPathSelection all() {
            return new XPathSelection(context, expression, result, saxon, false);
        }

        /** This selection where one value is needed. */
        public XPathSelection one() {
            return new XPathSelection(context, expression, result, saxon, true);
        }
    }

    /** The type of an XPath selector's result. */
    enum XPathResult {
        /** A node-set (XPath 1.0), or a sequence (2.0 and later): string values. */
        NODES,
        /** A string. */
        STRING,
        /** A number, a double. */
        NUMBER,
        /** A boolean. */
        BOOLEAN
    }
}
