package dev.arazzo.codegen.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An expression of a filter selector (RFC 9535, section 2.3.5), already checked to be well-typed.
 *
 * <p>Where an expression stands decides its meaning: a {@link Query} used as a test is an existence
 * test, as an operand of a {@link Comparison} a singular query, as a function argument a node list
 * (or a value, for a {@code ValueType} parameter); a {@link FunctionCall} used as a test returns a
 * logical value, as an operand a value.
 */
public sealed interface Expression {

    /**
     * A literal: a string, number, {@code true}, {@code false} or {@code null}.
     *
     * @param value a scalar Jackson node ({@code TextNode}, a numeric node, {@code BooleanNode} or
     *     {@code NullNode}); these are immutable
     */
    record Literal(JsonNode value) implements Expression {
        public Literal {
            Objects.requireNonNull(value, "value");
            if (!value.isValueNode()) {
                throw new IllegalArgumentException("a literal is a string, number, boolean or null: " + value);
            }
        }

        @Override
        public String toString() {
            return value.isTextual() ? quote(value.textValue()) : value.toString();
        }
    }

    /**
     * An embedded query, relative ({@code @...}) or absolute ({@code $...}).
     *
     * @param query the query
     */
    record Query(JsonPathQuery query) implements Expression {
        public Query {
            Objects.requireNonNull(query, "query");
        }

        @Override
        public String toString() {
            return query.toString();
        }
    }

    /**
     * A call of a function extension whose arguments match its parameter types.
     *
     * @param function the function
     * @param arguments one argument per parameter
     */
    record FunctionCall(JsonPathFunction function, List<Expression> arguments) implements Expression {
        public FunctionCall {
            Objects.requireNonNull(function, "function");
            arguments = List.copyOf(Objects.requireNonNull(arguments, "arguments"));
        }

        @Override
        public String toString() {
            return function.functionName()
                    + arguments.stream().map(Object::toString).collect(Collectors.joining(", ", "(", ")"));
        }
    }

    /**
     * {@code left op right}, where each side is a literal, a singular query or a value-typed function call.
     *
     * @param left the left operand
     * @param operator the operator
     * @param right the right operand
     */
    record Comparison(Expression left, ComparisonOperator operator, Expression right) implements Expression {
        public Comparison {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public String toString() {
            return left + " " + operator.symbol() + " " + right;
        }
    }

    /**
     * {@code !operand}.
     *
     * @param operand a logical expression, existence test or logical function call
     */
    record Not(Expression operand) implements Expression {
        public Not {
            Objects.requireNonNull(operand, "operand");
        }

        @Override
        public String toString() {
            return "!(" + operand + ")";
        }
    }

    /**
     * {@code a && b && ...}.
     *
     * @param operands two or more logical expressions
     */
    record And(List<Expression> operands) implements Expression {
        public And {
            operands = List.copyOf(Objects.requireNonNull(operands, "operands"));
        }

        @Override
        public String toString() {
            return operands.stream().map(Object::toString).collect(Collectors.joining(" && ", "(", ")"));
        }
    }

    /**
     * {@code a || b || ...}.
     *
     * @param operands two or more logical expressions
     */
    record Or(List<Expression> operands) implements Expression {
        public Or {
            operands = List.copyOf(Objects.requireNonNull(operands, "operands"));
        }

        @Override
        public String toString() {
            return operands.stream().map(Object::toString).collect(Collectors.joining(" || ", "(", ")"));
        }
    }

    /** Whether this expression contains a query on the root {@code $}, at any depth. */
    default boolean refersToRoot() {
        if (this instanceof Query query) {
            return !query.query().relative() || query.query().refersToRootInFilter();
        }
        if (this instanceof FunctionCall call) {
            return call.arguments().stream().anyMatch(Expression::refersToRoot);
        }
        if (this instanceof Comparison comparison) {
            return comparison.left().refersToRoot() || comparison.right().refersToRoot();
        }
        if (this instanceof Not not) {
            return not.operand().refersToRoot();
        }
        if (this instanceof And and) {
            return and.operands().stream().anyMatch(Expression::refersToRoot);
        }
        if (this instanceof Or or) {
            return or.operands().stream().anyMatch(Expression::refersToRoot);
        }
        return false;
    }

    /** A member name as a single-quoted JSONPath string literal, escaped as in normalized paths. */
    static String quote(String name) {
        StringBuilder text = new StringBuilder("'");
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            switch (c) {
                case '\'' -> text.append("\\'");
                case '\\' -> text.append("\\\\");
                case '\b' -> text.append("\\b");
                case '\f' -> text.append("\\f");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> {
                    if (c < 0x20) {
                        text.append(String.format("\\u%04x", (int) c));
                    } else {
                        text.append(c);
                    }
                }
            }
        }
        return text.append('\'').toString();
    }
}
