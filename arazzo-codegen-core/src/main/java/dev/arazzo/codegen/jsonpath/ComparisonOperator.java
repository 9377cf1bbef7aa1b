package dev.arazzo.codegen.jsonpath;

/** A comparison operator of a filter expression (RFC 9535, section 2.3.5.2.2). */
public enum ComparisonOperator {
    EQUAL("=="),
    NOT_EQUAL("!="),
    LESS("<"),
    LESS_OR_EQUAL("<="),
    GREATER(">"),
    GREATER_OR_EQUAL(">=");

    private final String symbol;

    ComparisonOperator(String symbol) {
        this.symbol = symbol;
    }

    /** The operator as written in a query, e.g. {@code "<="}. */
    public String symbol() {
        return symbol;
    }
}
