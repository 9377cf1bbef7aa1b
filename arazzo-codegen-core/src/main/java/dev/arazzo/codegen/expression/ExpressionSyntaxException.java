package dev.arazzo.codegen.expression;

/**
 * A runtime expression or condition that does not follow the grammar.
 *
 * <p>The message is a sentence that says what is wrong and how to fix it; {@link #offset()} is the
 * 0-based character position in the text where the problem was found.
 */
public final class ExpressionSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int offset;

    public ExpressionSyntaxException(String message, int offset) {
        super(message);
        this.offset = offset;
    }

    public int offset() {
        return offset;
    }
}
