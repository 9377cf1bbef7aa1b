package dev.arazzo.codegen.jsonpath;

import java.util.Objects;

/**
 * One selector of a {@link Segment} (RFC 9535, section 2.3).
 *
 * <p>Integers are {@code long}s checked at parse time to lie in the I-JSON range
 * [-(2<sup>53</sup>)+1, 2<sup>53</sup>-1].
 */
public sealed interface Selector {

    /**
     * {@code 'name'}: the value of the member with that name, when the input is an object.
     *
     * @param name the member name, unescaped
     */
    record Name(String name) implements Selector {
        public Name {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String toString() {
            return Expression.quote(name);
        }
    }

    /** {@code *}: all the elements of an array or all the member values of an object. */
    record Wildcard() implements Selector {
        @Override
        public String toString() {
            return "*";
        }
    }

    /**
     * {@code 3} or {@code -1}: one element of an array; negative indices count from the end.
     *
     * @param index the index
     */
    record Index(long index) implements Selector {
        @Override
        public String toString() {
            return Long.toString(index);
        }
    }

    /**
     * {@code start:end:step}: a slice of an array; absent bounds are {@code null}.
     *
     * @param start the first index, or {@code null} for the default, which depends on the sign of step
     * @param end the index at which the slice stops (excluded), or {@code null} for the default
     * @param step the step, or {@code null} for 1
     */
    record Slice(Long start, Long end, Long step) implements Selector {
        @Override
        public String toString() {
            return (start == null ? "" : start) + ":" + (end == null ? "" : end) + ":" + (step == null ? "" : step);
        }
    }

    /**
     * {@code ?expression}: the children of an array or object for which the expression holds.
     *
     * @param expression a well-typed logical expression
     */
    record Filter(Expression expression) implements Selector {
        public Filter {
            Objects.requireNonNull(expression, "expression");
        }

        @Override
        public String toString() {
            return "?" + expression;
        }
    }
}
