package dev.arazzo.codegen.expression;

/** Checks the conditions of {@code jsonpath} criteria at build time. */
public final class JsonPathConditions {

    private JsonPathConditions() {
    }

    /** Throws when {@code condition} is not a JSONPath criterion this generator can compile. */
    public static void check(String condition) throws ExpressionSyntaxException {
        if (!condition.strip().startsWith("$")) {
            throw new ExpressionSyntaxException("a JSONPath query starts with '$'", 0);
        }
    }
}
