package dev.arazzo.codegen.check;

import dev.arazzo.codegen.bind.BoundDocument;
import dev.arazzo.codegen.bind.BoundDocument.BoundBody;
import dev.arazzo.codegen.bind.BoundDocument.BoundStep;
import dev.arazzo.codegen.bind.BoundDocument.BoundValue;
import dev.arazzo.codegen.bind.BoundDocument.BoundWorkflow;
import dev.arazzo.codegen.diagnostic.Diagnostics;
import dev.arazzo.codegen.load.ArazzoDocument;
import dev.arazzo.codegen.source.EncodingView;
import dev.arazzo.codegen.source.MediaKind;
import dev.arazzo.codegen.source.MediaTypeView;
import dev.arazzo.codegen.source.OperationView;
import dev.arazzo.codegen.source.RequestBodyChoice;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Request bodies the generator cannot send exactly as the operation describes them: a {@code contentType}
 * the operation does not declare, a media type range, several media types and none chosen, and payloads
 * the chosen media type cannot carry (an object as XML or as bytes, an array as a form, a literal as
 * multipart, a structure or a number as bytes). Each is an error at the step's {@code requestBody}, its
 * {@code contentType} or its {@code payload}. Whether an expression sent as bytes is a {@code byte[]} input
 * is checked where types are known, in the model.
 */
final class RequestBodyChecker {

    private final BoundDocument bound;
    private final Diagnostics diagnostics;

    private RequestBodyChecker(BoundDocument bound, Diagnostics diagnostics) {
        this.bound = bound;
        this.diagnostics = diagnostics;
    }

    static void check(BoundDocument bound, Diagnostics diagnostics) {
        RequestBodyChecker checker = new RequestBodyChecker(bound, diagnostics);
        for (BoundWorkflow workflow : bound.workflows()) {
            for (BoundStep step : workflow.steps()) {
                if (step.operation() != null && !step.callsWorkflow() && step.body() != null
                        && step.body().payload() != null) {
                    checker.check(step, step.operation(), step.body());
                } else if (step.message() != null && step.body() != null) {
                    new XmlReplacementChecker(bound, diagnostics).message(step);
                }
            }
        }
    }

    private void check(BoundStep step, OperationView operation, BoundBody body) {
        ArazzoDocument.RequestBody written = step.step().requestBody();
        String pointer = written.pointer();
        String subject = "step '" + step.stepId() + "'";
        RequestBodyChoice choice = operation.requestBody(body.contentType());
        if (choice instanceof RequestBodyChoice.Undeclared undeclared) {
            diagnostics.error("unknown-content-type", at(pointer + "/contentType"), subject + " sends contentType '"
                    + undeclared.requested() + "', which operation " + operation.describe() + " does not declare for "
                    + "its request body; use " + declared(operation));
            return;
        }
        if (choice instanceof RequestBodyChoice.Range range) {
            boolean own = body.contentType() != null;
            diagnostics.error("content-type-range", at(pointer + (own ? "/contentType" : "")), subject + (own
                    ? " gives contentType '" + range.range() + "'"
                    : " calls operation " + operation.describe() + ", whose request body is '" + range.range() + "'")
                    + ", a range, which no request can carry; give requestBody.contentType as one media type "
                    + "it includes");
            return;
        }
        if (choice instanceof RequestBodyChoice.Ambiguous) {
            diagnostics.error("ambiguous-content-type", at(pointer), subject + " does not say which media type "
                    + "it sends, and operation " + operation.describe() + " declares several, none JSON ("
                    + declared(operation) + "); add requestBody.contentType");
            return;
        }
        RequestBodyChoice.Chosen chosen = (RequestBodyChoice.Chosen) choice;
        String type = chosen.contentType();
        BoundValue payload = body.payload();
        String problem = switch (chosen.kind()) {
            case JSON -> null;
            case FORM -> payload instanceof BoundDocument.ObjectValue || isText(payload)
                    || payload instanceof BoundDocument.ExpressionValue ? null
                    : "a form is written from an object (one field per member) or from text sent as is";
            case MULTIPART -> payload instanceof BoundDocument.ObjectValue
                    || payload instanceof BoundDocument.ExpressionValue ? null
                    : "a multipart body is written from an object, one part per member";
            case TEXT -> payload instanceof BoundDocument.ObjectValue || payload instanceof BoundDocument.ArrayValue
                    || isNull(payload)
                    ? "'" + type + "' is sent as text: give the payload as text (a string, or a string with "
                            + "{$...} expressions)"
                    : null;
            case BINARY -> payload instanceof BoundDocument.ExpressionValue || isText(payload) ? null
                    : "'" + type + "' is sent as bytes: give the payload as an input of type string with "
                            + "format: binary (a byte[]), e.g. $inputs.file";
            case UNSUPPORTED -> "the generator cannot write '" + type + "'; use multipart/form-data, "
                    + "multipart/mixed or another media type the operation declares";
        };
        if (problem != null) {
            diagnostics.error("unencodable-payload", at(payload.pointer()), subject + " sends " + describe(payload)
                    + " as '" + type + "': " + problem);
            return;
        }
        if (chosen.kind() == MediaKind.FORM && payload instanceof BoundDocument.ObjectValue object) {
            for (BoundDocument.Member member : object.members()) {
                EncodingView encoding = chosen.declared() == null ? null
                        : chosen.declared().encoding().get(member.name());
                if ((encoding == null || encoding.contentType() == null) && nests(member.value())) {
                    diagnostics.error("unencodable-payload", at(member.value().pointer()), subject + " sends form "
                            + "field '" + member.name() + "' as " + describe(member.value()) + " holding arrays or "
                            + "objects, which no form style writes; give the field an encoding with a contentType "
                            + "(application/json) in the OpenAPI description, or flatten it");
                }
            }
        }
        boolean structured = chosen.kind() == MediaKind.JSON
                || chosen.kind() == MediaKind.FORM && !isText(payload);
        List<BoundDocument.BoundReplacement> pointers = body.replacements().stream()
                .filter(replacement -> !XmlReplacementChecker.isXPath(replacement)).toList();
        if (!structured && !pointers.isEmpty()) {
            diagnostics.error("unencodable-payload", at(pointers.get(0).replacement().pointer()), subject
                    + " has payload replacements, which apply to JSON and form bodies only, not to '" + type
                    + "'; write the values into the payload instead"
                    + (MediaKind.isXml(type) ? ", or give each an XPath target (targetSelectorType: "
                    + "xpath)" : ""));
        }
        new XmlReplacementChecker(bound, diagnostics).http(step, type, chosen.kind());
        new XmlReplacementChecker(bound, diagnostics).template(step, type);
    }

    /** Whether a value written in the document is an array or object that holds arrays or objects. */
    private static boolean nests(BoundValue value) {
        List<BoundValue> items = value instanceof BoundDocument.ObjectValue object
                ? object.members().stream().map(BoundDocument.Member::value).toList()
                : value instanceof BoundDocument.ArrayValue array ? array.elements() : List.of();
        return items.stream().anyMatch(item -> item instanceof BoundDocument.ObjectValue
                || item instanceof BoundDocument.ArrayValue
                || item instanceof BoundDocument.LiteralValue literal && literal.value().isContainerNode());
    }

    private static boolean isText(BoundValue value) {
        return value instanceof BoundDocument.TemplateValue
                || value instanceof BoundDocument.LiteralValue literal && literal.value().isTextual();
    }

    private static boolean isNull(BoundValue value) {
        return value instanceof BoundDocument.LiteralValue literal && literal.value().isNull();
    }

    private static String describe(BoundValue value) {
        if (value instanceof BoundDocument.ObjectValue) {
            return "an object";
        }
        if (value instanceof BoundDocument.ArrayValue) {
            return "an array";
        }
        if (value instanceof BoundDocument.LiteralValue literal) {
            return literal.value().isTextual() ? "text" : literal.value().isNull() ? "null"
                    : "the literal " + literal.value();
        }
        if (value instanceof BoundDocument.TemplateValue) {
            return "text";
        }
        return "an expression's value";
    }

    private static String declared(OperationView operation) {
        List<MediaTypeView> types = operation.requestMediaTypes();
        return types.size() == 1 ? "'" + types.get(0).name() + "'"
                : "one of " + types.stream().map(t -> "'" + t.name() + "'").collect(Collectors.joining(", "));
    }

    private dev.arazzo.codegen.diagnostic.SourceLocation at(String pointer) {
        return bound.document().locate(pointer);
    }
}
