package dev.arazzo.codegen.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arazzo.codegen.diagnostic.Diagnostics;
import dev.arazzo.codegen.diagnostic.SourceLocation;
import dev.arazzo.codegen.expression.Condition;
import dev.arazzo.codegen.expression.ConditionParser;
import dev.arazzo.codegen.expression.ExpressionSyntaxException;
import dev.arazzo.codegen.expression.RuntimeExpression;
import dev.arazzo.codegen.expression.RuntimeExpressionParser;
import dev.arazzo.codegen.load.ArazzoDocument.Action;
import dev.arazzo.codegen.load.ArazzoDocument.Criterion;
import dev.arazzo.codegen.load.ArazzoDocument.Step;
import dev.arazzo.codegen.load.ArazzoDocument.Workflow;
import dev.arazzo.codegen.load.SourceDocument;
import dev.arazzo.codegen.model.TypeMapper;
import dev.arazzo.codegen.resolve.ResolvedOperation;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Warns ({@code type-mismatch}) when a simple condition compares a response body value whose OpenAPI
 * schema type is known with a literal of another type: {@code $response.body#/count == '5'} where
 * {@code count} is an integer, {@code $steps.get.outputs.name == 5} where the output reads a string.
 * Such a comparison compares text with a number and rarely means what it says.
 *
 * <p>The type is taken from the JSON schemas of the operation's 2xx responses (or its default response),
 * and only when they agree. Syntax and binding errors are {@link WorkflowChecker}'s; here a condition
 * that does not parse is skipped.
 */
public final class ComparisonChecker {

    private final CheckedDocument checked;
    private final Diagnostics diagnostics;

    private ComparisonChecker(CheckedDocument checked, Diagnostics diagnostics) {
        this.checked = checked;
        this.diagnostics = diagnostics;
    }

    public static void check(CheckedDocument checked, Diagnostics diagnostics) {
        ComparisonChecker checker = new ComparisonChecker(checked, diagnostics);
        for (Workflow workflow : checked.document().workflows()) {
            for (Step step : workflow.steps()) {
                List<Criterion> criteria = new ArrayList<>(step.successCriteria());
                for (Action action : step.onSuccess()) {
                    criteria.addAll(action.criteria());
                }
                for (Action action : step.onFailure()) {
                    criteria.addAll(action.criteria());
                }
                for (Criterion criterion : criteria) {
                    if (criterion.type().equals("simple")) {
                        checker.check(workflow, step, criterion);
                    }
                }
            }
        }
    }

    private void check(Workflow workflow, Step step, Criterion criterion) {
        Condition condition;
        try {
            condition = ConditionParser.parse(criterion.condition());
        } catch (ExpressionSyntaxException e) {
            return;
        }
        visit(workflow, step, criterion, condition);
    }

    private void visit(Workflow workflow, Step step, Criterion criterion, Condition condition) {
        if (condition instanceof Condition.Or or) {
            visit(workflow, step, criterion, or.left());
            visit(workflow, step, criterion, or.right());
        } else if (condition instanceof Condition.And and) {
            visit(workflow, step, criterion, and.left());
            visit(workflow, step, criterion, and.right());
        } else if (condition instanceof Condition.Not not) {
            visit(workflow, step, criterion, not.operand());
        } else if (condition instanceof Condition.Comparison comparison) {
            if (comparison.left() instanceof Condition.Reference reference
                    && comparison.right() instanceof Condition.Literal literal) {
                compare(workflow, step, criterion, reference, literal, true);
            } else if (comparison.right() instanceof Condition.Reference reference
                    && comparison.left() instanceof Condition.Literal literal) {
                compare(workflow, step, criterion, reference, literal, false);
            }
        }
    }

    private void compare(Workflow workflow, Step step, Criterion criterion, Condition.Reference reference,
            Condition.Literal literal, boolean literalAfter) {
        JsonNode value = literal.value();
        if (value.isNull()) {
            return;
        }
        Optional<Typed> typed = typeOf(workflow, step, reference);
        if (typed.isEmpty()) {
            return;
        }
        String schemaType = typed.get().type();
        String literalType = value.isTextual() ? "string" : value.isBoolean() ? "boolean" : "number";
        String fix;
        if (schemaType.equals("string") && !literalType.equals("string")) {
            fix = "quote the literal: '" + value.asText() + "'";
        } else if ((schemaType.equals("integer") || schemaType.equals("number")) && literalType.equals("string")) {
            fix = isNumber(value.asText()) ? "write the literal without quotes: " + value.asText()
                    : "compare it with a number";
        } else if ((schemaType.equals("integer") || schemaType.equals("number")) && literalType.equals("boolean")) {
            fix = "compare it with a number";
        } else if (schemaType.equals("boolean") && !literalType.equals("boolean")) {
            String text = value.asText().toLowerCase(java.util.Locale.ROOT);
            fix = text.equals("true") || text.equals("false") ? "write the literal without quotes: " + text
                    : "compare it with true or false";
        } else {
            return;
        }
        String pointer = criterion.pointer() + "/condition";
        String condition = criterion.condition();
        String rendered = value.isTextual() ? "the string '" + value.asText() + "'" : literalType.equals("boolean")
                ? "the boolean " + value.asText() : "the number " + value.asText();
        diagnostics.warning("type-mismatch", locateLiteral(pointer, condition, reference, value, literalAfter), "'"
                + reference.text() + "' is " + article(schemaType) + " in " + typed.get().origin() + ", but is compared with "
                + rendered + "; " + fix);
    }

    /** The literal's position in the condition, found next to the reference it is compared with. */
    private SourceLocation locateLiteral(String pointer, String condition, Condition.Reference reference, JsonNode value,
            boolean literalAfter) {
        List<String> spellings = value.isTextual()
                ? List.of("'" + value.asText() + "'", "\"" + value.asText() + "\"")
                : List.of(value.asText());
        int offset = -1;
        for (String spelling : spellings) {
            int found = literalAfter ? condition.indexOf(spelling, reference.offset() + reference.text().length())
                    : condition.lastIndexOf(spelling, reference.offset());
            if (found >= 0 && (offset < 0 || (literalAfter ? found < offset : found > offset))) {
                offset = found;
            }
        }
        int at = offset >= 0 ? offset : reference.offset();
        return checked.document().source().locateWithin(pointer, at)
                .orElseGet(() -> checked.document().locate(pointer));
    }

    private record Typed(String type, String origin) {
    }

    /** The schema type of {@code $response.body#/p}, or of {@code $steps.x.outputs.y} when y reads one. */
    private Optional<Typed> typeOf(Workflow workflow, Step step, Condition.Reference reference) {
        String accessors = pointer(reference.accessors());
        RuntimeExpression expression = reference.expression();
        if (expression instanceof RuntimeExpression.ResponseBody body) {
            return bodyType(step, body.pointer() + accessors);
        }
        if (expression instanceof RuntimeExpression.StepOutput output) {
            Step source = workflow.step(output.stepId()).orElse(null);
            String read = source == null ? null : source.outputs().get(output.name());
            if (read == null) {
                return Optional.empty();
            }
            try {
                if (RuntimeExpressionParser.parse(read) instanceof RuntimeExpression.ResponseBody body) {
                    return bodyType(source, body.pointer() + output.pointer() + accessors);
                }
            } catch (ExpressionSyntaxException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private Optional<Typed> bodyType(Step step, String pointer) {
        ResolvedOperation operation = checked.operations().get(step.pointer());
        if (operation == null || operation.operation().getResponses() == null) {
            return Optional.empty();
        }
        OpenAPI openApi = operation.source().openApi();
        Set<String> types = new LinkedHashSet<>();
        List<ApiResponse> responses = new ArrayList<>();
        operation.operation().getResponses().forEach((code, response) -> {
            if (code.startsWith("2")) {
                responses.add(response);
            }
        });
        if (responses.isEmpty() && operation.operation().getResponses().get("default") != null) {
            responses.add(operation.operation().getResponses().get("default"));
        }
        for (ApiResponse response : responses) {
            ApiResponse resolved = follow(response, openApi);
            Schema<?> schema = resolved == null ? null : TypeMapper.jsonSchema(resolved.getContent());
            if (schema == null) {
                continue;
            }
            Optional<Schema<?>> at = TypeMapper.at(schema, pointer, openApi);
            if (at.isEmpty()) {
                return Optional.empty();
            }
            types.add(name(TypeMapper.follow(at.get(), openApi)));
        }
        if (types.size() != 1 || types.contains(null)) {
            return Optional.empty();
        }
        String id = operation.operation().getOperationId();
        return Optional.of(new Typed(types.iterator().next(), "the response schema of operation '"
                + (id != null ? id : operation.method() + " " + operation.path()) + "'"));
    }

    private static ApiResponse follow(ApiResponse response, OpenAPI openApi) {
        if (response == null || response.get$ref() == null || openApi.getComponents() == null
                || openApi.getComponents().getResponses() == null) {
            return response;
        }
        String ref = response.get$ref();
        return openApi.getComponents().getResponses().get(ref.substring(ref.lastIndexOf('/') + 1));
    }

    /** The JSON type a schema says its values have, when it is a scalar: string, integer, number or boolean. */
    private static String name(Schema<?> schema) {
        String type = schema == null ? null : TypeMapper.openApiType(schema);
        return type != null && List.of("string", "integer", "number", "boolean").contains(type) ? type : null;
    }

    /** {@code .name} and {@code [i]} accessors as a JSON Pointer suffix. */
    private static String pointer(List<Condition.Accessor> accessors) {
        StringBuilder pointer = new StringBuilder();
        for (Condition.Accessor accessor : accessors) {
            if (accessor instanceof Condition.Property property) {
                pointer.append('/').append(SourceDocument.escape(property.name()));
            } else if (accessor instanceof Condition.Index index) {
                pointer.append('/').append(index.index());
            }
        }
        return pointer.toString();
    }

    private static boolean isNumber(String text) {
        try {
            new java.math.BigDecimal(text.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String article(String type) {
        return type.equals("integer") ? "an integer" : "a " + type;
    }
}
