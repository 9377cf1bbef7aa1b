package dev.arazzo.codegen.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arazzo.codegen.bind.BoundDocument;
import dev.arazzo.codegen.bind.BoundDocument.BoundAction;
import dev.arazzo.codegen.bind.BoundDocument.BoundCriterion;
import dev.arazzo.codegen.bind.BoundDocument.BoundExpression;
import dev.arazzo.codegen.bind.BoundDocument.BoundStep;
import dev.arazzo.codegen.bind.BoundDocument.BoundWorkflow;
import dev.arazzo.codegen.diagnostic.Diagnostics;
import dev.arazzo.codegen.diagnostic.SourceLocation;
import dev.arazzo.codegen.expression.Condition;
import dev.arazzo.codegen.expression.RuntimeExpression;
import dev.arazzo.codegen.load.ArazzoDocument.Criterion;
import dev.arazzo.codegen.load.SourceDocument;
import dev.arazzo.codegen.source.OperationView;
import dev.arazzo.codegen.source.ResponseView;
import dev.arazzo.codegen.source.SchemaView;
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

    private final BoundDocument bound;
    private final Diagnostics diagnostics;

    private ComparisonChecker(BoundDocument bound, Diagnostics diagnostics) {
        this.bound = bound;
        this.diagnostics = diagnostics;
    }

    public static void check(BoundDocument bound, Diagnostics diagnostics) {
        ComparisonChecker checker = new ComparisonChecker(bound, diagnostics);
        for (BoundWorkflow workflow : bound.workflows()) {
            for (BoundStep step : workflow.steps()) {
                List<BoundCriterion> criteria = new ArrayList<>(step.successCriteria());
                for (BoundAction action : step.onSuccess()) {
                    criteria.addAll(action.criteria());
                }
                for (BoundAction action : step.onFailure()) {
                    criteria.addAll(action.criteria());
                }
                for (BoundCriterion criterion : criteria) {
                    if (criterion instanceof BoundDocument.SimpleCriterion simple) {
                        checker.visit(workflow, step, simple.criterion(), simple.condition());
                    }
                }
            }
        }
    }

    private void visit(BoundWorkflow workflow, BoundStep step, Criterion criterion, Condition condition) {
        for (Condition.Comparison comparison : condition.comparisons()) {
            if (comparison.left() instanceof Condition.Reference reference
                    && comparison.right() instanceof Condition.Literal literal) {
                compare(workflow, step, criterion, reference, literal, true);
            } else if (comparison.right() instanceof Condition.Reference reference
                    && comparison.left() instanceof Condition.Literal literal) {
                compare(workflow, step, criterion, reference, literal, false);
            }
        }
    }

    private void compare(BoundWorkflow workflow, BoundStep step, Criterion criterion, Condition.Reference reference,
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
        return bound.document().source().locateWithin(pointer, at)
                .orElseGet(() -> bound.document().locate(pointer));
    }

    private record Typed(String type, String origin) {
    }

    /** The schema type of {@code $response.body#/p}, or of {@code $steps.x.outputs.y} when y reads one. */
    private Optional<Typed> typeOf(BoundWorkflow workflow, BoundStep step, Condition.Reference reference) {
        String accessors = pointer(reference.accessors());
        RuntimeExpression expression = reference.expression();
        if (expression instanceof RuntimeExpression.ResponseBody body) {
            return bodyType(step, body.pointer() + accessors);
        }
        if (expression instanceof RuntimeExpression.StepOutput output) {
            BoundStep source = workflow.step(output.stepId()).orElse(null);
            BoundExpression read = source == null ? null : source.outputs().get(output.name());
            if (read != null && read.expression() instanceof RuntimeExpression.ResponseBody body) {
                return bodyType(source, body.pointer() + output.pointer() + accessors);
            }
        }
        return Optional.empty();
    }

    private Optional<Typed> bodyType(BoundStep step, String pointer) {
        OperationView operation = step.operation();
        if (operation == null || operation.responses().isEmpty()) {
            return Optional.empty();
        }
        Set<String> types = new LinkedHashSet<>();
        List<ResponseView> responses = new ArrayList<>();
        operation.responses().stream().filter(r -> r.code().startsWith("2")).forEach(responses::add);
        if (responses.isEmpty()) {
            operation.responses().stream().filter(r -> r.code().equals("default")).forEach(responses::add);
        }
        for (ResponseView response : responses) {
            SchemaView schema = response.jsonSchema();
            if (schema == null) {
                continue;
            }
            Optional<SchemaView> at = schema.at(pointer);
            if (at.isEmpty()) {
                return Optional.empty();
            }
            types.add(name(at.get().resolved()));
        }
        if (types.size() != 1 || types.contains(null)) {
            return Optional.empty();
        }
        String id = operation.operationId();
        return Optional.of(new Typed(types.iterator().next(), "the response schema of operation '"
                + (id != null ? id : operation.method() + " " + operation.path()) + "'"));
    }

    /** The JSON type a schema says its values have, when it is a scalar: string, integer, number or boolean. */
    private static String name(SchemaView schema) {
        String type = schema == null ? null : schema.type();
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
