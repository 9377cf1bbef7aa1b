package dev.arazzo.codegen.jsonpath;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One segment of a {@link JsonPathQuery}: a child segment ({@code [a, b]}, {@code .name}, {@code .*})
 * or a descendant segment ({@code ..[a, b]}, {@code ..name}, {@code ..*}).
 *
 * @param descendant {@code true} for a descendant segment, which applies its selectors to the input
 *     node and to all of its descendants
 * @param selectors the selectors, at least one, in order: their results are concatenated
 */
public record Segment(boolean descendant, List<Selector> selectors) {

    public Segment {
        selectors = List.copyOf(Objects.requireNonNull(selectors, "selectors"));
        if (selectors.isEmpty()) {
            throw new IllegalArgumentException("a segment needs at least one selector");
        }
    }

    /** Whether this is a child segment with a single name or index selector. */
    public boolean isSingular() {
        return !descendant
                && selectors.size() == 1
                && (selectors.get(0) instanceof Selector.Name || selectors.get(0) instanceof Selector.Index);
    }

    @Override
    public String toString() {
        return (descendant ? ".." : "")
                + selectors.stream().map(Object::toString).collect(Collectors.joining(",", "[", "]"));
    }
}
