package dev.arazzo.codegen.jsonpath;

/**
 * Thrown when a string is not a valid RFC 9535 JSONPath query (or Arazzo JSONPath criterion).
 *
 * <p>The message is one sentence saying what is wrong, followed by the 0-based character index in the
 * query where the problem was found, for example {@code "expected ']' to close the bracketed selection
 * (at index 4 of '$.a[1')"}. A checker turns it into a diagnostic by adding the index to the column of
 * the YAML scalar that holds the query.
 */
public final class JsonPathSyntaxException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String query;
    private final int index;
    private final String reason;

    /**
     * Creates the exception.
     *
     * @param query the whole query text
     * @param index the 0-based character index of the problem, at most {@code query.length()}
     * @param reason a sentence saying what is wrong, without the position
     */
    public JsonPathSyntaxException(String query, int index, String reason) {
        super(reason + " (at index " + index + " of '" + query + "')");
        this.query = query;
        this.index = index;
        this.reason = reason;
    }

    /** The whole query text that was parsed. */
    public String query() {
        return query;
    }

    /** The 0-based character (UTF-16 code unit) index in {@link #query()} where the problem is. */
    public int index() {
        return index;
    }

    /** The sentence that says what is wrong, without position and query. */
    public String reason() {
        return reason;
    }
}
