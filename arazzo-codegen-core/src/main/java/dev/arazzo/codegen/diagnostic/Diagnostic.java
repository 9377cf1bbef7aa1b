package dev.arazzo.codegen.diagnostic;

import java.util.Objects;

/**
 * One problem found in a document, as a value.
 *
 * <p>Printed as {@code shop.arazzo.yaml:42:9: error: [unknown-operation] step 'buy' names operation
 * 'purchase', which no source defines; did you mean 'purchaseTicket'?}
 *
 * @param severity whether the problem stops generation
 * @param code a stable, kebab-case tag for the rule that was broken
 * @param location where the offending node stands
 * @param message a sentence that says what is wrong and how to fix it
 */
public record Diagnostic(Severity severity, String code, SourceLocation location, String message) {

    /** The longest message kept whole; a longer one (quoting a huge value) is cut, saying how much was left out. */
    public static final int MAX_MESSAGE = 1_000;

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
        message = bounded(message);
    }

    private static String bounded(String message) {
        if (message.length() <= MAX_MESSAGE) {
            return message;
        }
        int end = MAX_MESSAGE - 60;
        if (Character.isHighSurrogate(message.charAt(end - 1))) {
            end--;
        }
        return message.substring(0, end) + "... (" + (message.length() - end) + " more characters left out)";
    }

    public static Diagnostic error(String code, SourceLocation location, String message) {
        return new Diagnostic(Severity.ERROR, code, location, message);
    }

    public static Diagnostic warning(String code, SourceLocation location, String message) {
        return new Diagnostic(Severity.WARNING, code, location, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The same problem as an error: used when warnings are configured to fail the build. */
    public Diagnostic asError() {
        return new Diagnostic(Severity.ERROR, code, location, message);
    }

    @Override
    public String toString() {
        return location + ": " + severity.label() + ": [" + code + "] " + message;
    }
}
