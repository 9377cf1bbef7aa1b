package dev.arazzo.codegen.expression;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * A parsed simple condition of a Criterion Object: literals, runtime expressions, comparisons,
 * {@code ! && || ()}, with {@code [index]} and {@code .property} on values.
 */
public sealed interface Condition {

    /** The runtime expressions this condition reads, left to right. */
    default List<Reference> references() {
        List<Reference> references = new ArrayList<>();
        for (Condition leaf : leaves()) {
            List<Operand> operands = leaf instanceof Comparison comparison
                    ? List.of(comparison.left(), comparison.right())
                    : List.of(((Truthy) leaf).operand());
            for (Operand operand : operands) {
                if (operand instanceof Reference reference) {
                    references.add(reference);
                }
            }
        }
        return references;
    }

    /** The comparisons of this condition, left to right. */
    default List<Comparison> comparisons() {
        return leaves().stream().filter(Comparison.class::isInstance).map(Comparison.class::cast).toList();
    }

    /** The comparisons and lone values this condition joins, left to right (walked without recursion). */
    private List<Condition> leaves() {
        List<Condition> leaves = new ArrayList<>();
        Deque<Condition> pending = new ArrayDeque<>();
        pending.push(this);
        while (!pending.isEmpty()) {
            Condition condition = pending.pop();
            if (condition instanceof Or or) {
                pending.push(or.right());
                pending.push(or.left());
            } else if (condition instanceof And and) {
                pending.push(and.right());
                pending.push(and.left());
            } else if (condition instanceof Not not) {
                pending.push(not.operand());
            } else {
                leaves.add(condition);
            }
        }
        return leaves;
    }

    /** {@code left || right}. */
    record Or(Condition left, Condition right) implements Condition {
    }

    /** {@code left && right}. */
    record And(Condition left, Condition right) implements Condition {
    }

    /** {@code !operand}. */
    record Not(Condition operand) implements Condition {
    }

    /** {@code left op right}. */
    record Comparison(Operator operator, Operand left, Operand right) implements Condition {
        public Comparison {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    /** A lone value: true when it is {@code true} (a boolean or the text "true", case-insensitively). */
    record Truthy(Operand operand) implements Condition {
    }

    /** A comparison operator. */
    enum Operator {
        EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /** One side of a comparison. */
    sealed interface Operand {
    }

    /** A literal: a string, number, boolean or null, as a JSON value. */
    record Literal(JsonNode value) implements Operand {
    }

    /**
     * A runtime expression, followed by property and index accessors; {@code nonSpecForm} says how to
     * write it when the text used a common non-spec form (else null).
     */
    record Reference(String text, int offset, RuntimeExpression expression, List<Accessor> accessors,
            String nonSpecForm) implements Operand {
        public Reference {
            accessors = List.copyOf(accessors);
        }
    }

    /** {@code .name} or {@code [index]} applied to a value. */
    sealed interface Accessor {
    }

    /** {@code .name}. */
    record Property(String name) implements Accessor {
    }

    /** {@code [index]}. */
    record Index(int index) implements Accessor {
    }
}
