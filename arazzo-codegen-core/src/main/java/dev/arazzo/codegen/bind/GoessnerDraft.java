package dev.arazzo.codegen.bind;

import dev.arazzo.codegen.jsonpath.JsonPathQuery;
import dev.arazzo.codegen.jsonpath.Segment;
import dev.arazzo.codegen.jsonpath.Selector;

/**
 * Where a JSONPath query, read as {@code draft-goessner-dispatch-jsonpath-00}, may mean something other
 * than it does under RFC 9535, whose engine the generated code runs. Names, wildcards, unions, indexes
 * from the start, forward slices and descendant segments mean the same in both. The draft's filters
 * {@code ?()} are JavaScript expressions over {@code @} (comparisons convert between text and numbers, a
 * member test is the member's truthiness, not its existence), it defines no index from the end, and its
 * slices step forward only; such queries are reported rather than run with the RFC's meaning.
 */
final class GoessnerDraft {

    private GoessnerDraft() {
    }

    /** Why {@code query} cannot be evaluated exactly as the draft means it; null when it can. */
    static String difference(JsonPathQuery query) {
        for (Segment segment : query.segments()) {
            for (Selector selector : segment.selectors()) {
                if (selector instanceof Selector.Filter) {
                    return "its filters ?() are JavaScript expressions (comparisons convert between text and numbers, "
                            + "a member test is truthiness, not existence, and there are no functions), which cannot "
                            + "be evaluated exactly";
                }
                if (selector instanceof Selector.Index index && index.index() < 0) {
                    return "it defines no index from the end ([" + index.index() + "] selects nothing there; the "
                            + "slice [" + index.index() + ":] is the same in both)";
                }
                if (selector instanceof Selector.Slice slice && slice.step() != null && slice.step() <= 0) {
                    return "its slices step forward only (step " + slice.step() + ")";
                }
            }
        }
        return null;
    }
}
