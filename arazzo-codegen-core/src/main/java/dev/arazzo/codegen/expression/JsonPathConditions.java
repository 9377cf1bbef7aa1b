package dev.arazzo.codegen.expression;

import dev.arazzo.codegen.jsonpath.JsonPathCriterion;
import dev.arazzo.codegen.jsonpath.JsonPathSyntaxException;

/** Checks the conditions of {@code jsonpath} criteria at build time (RFC 9535, and the forms Arazzo documents use). */
public final class JsonPathConditions {

    private JsonPathConditions() {
    }

    /** Throws when {@code condition} is not a JSONPath criterion this generator can compile. */
    public static void check(String condition) throws ExpressionSyntaxException {
        try {
            JsonPathCriterion.check(condition);
        } catch (JsonPathSyntaxException e) {
            throw new ExpressionSyntaxException("JSONPath '" + condition.strip() + "': " + e.reason(), e.index());
        }
    }
}
