package dev.arazzo.codegen.jsonpath;

import java.util.List;
import java.util.Objects;

/**
 * A parsed RFC 9535 JSONPath query: an identifier ({@code $} or, inside filters, {@code @}) followed by
 * segments.
 *
 * <p>Immutable. Obtained from {@link JsonPathParser#parse(String)}; turned into Java by
 * {@link JsonPathCompiler}.
 *
 * @param relative {@code true} for a query that starts at the current node {@code @} (only inside
 *     filter expressions), {@code false} for one that starts at the root {@code $}
 * @param segments the segments, in order
 */
public record JsonPathQuery(boolean relative, List<Segment> segments) {

    public JsonPathQuery {
        segments = List.copyOf(Objects.requireNonNull(segments, "segments"));
    }

    /**
     * Whether the query is a singular query (RFC 9535, section 2.3.5.1): every segment is a child
     * segment holding one name or one index selector, so it selects at most one node.
     */
    public boolean isSingular() {
        return segments.stream().allMatch(Segment::isSingular);
    }

    /** Whether a filter anywhere in this query (at any depth) refers to the root {@code $}. */
    boolean refersToRootInFilter() {
        return segments.stream()
                .flatMap(segment -> segment.selectors().stream())
                .anyMatch(selector -> selector instanceof Selector.Filter filter
                        && filter.expression().refersToRoot());
    }

    /** The query in RFC 9535 normalized syntax (bracket notation, single quotes). */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(relative ? "@" : "$");
        segments.forEach(segment -> text.append(segment));
        return text.toString();
    }
}
