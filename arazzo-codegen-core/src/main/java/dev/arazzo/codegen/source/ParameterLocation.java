package dev.arazzo.codegen.source;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a parameter goes in a request: the {@code in} of an Arazzo or OpenAPI Parameter Object.
 * {@link #QUERYSTRING} (Arazzo 1.1, OpenAPI 3.2) is the whole query string as one value.
 */
public enum ParameterLocation {
    PATH("path"), QUERY("query"), HEADER("header"), COOKIE("cookie"),
    /** The whole query string as one value (Arazzo 1.1, OpenAPI 3.2). */
    QUERYSTRING("querystring");

    private final String text;

    ParameterLocation(String text) {
        this.text = text;
    }

    /** The location as documents write it. */
    public String text() {
        return text;
    }

    /** The location a document's {@code in} names, if it is one of the five. */
    public static Optional<ParameterLocation> of(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(l -> l.text.equals(lower) && lower.equals(text)).findFirst();
    }

    /** The style OpenAPI gives a parameter here that does not name one: form for query and cookie, else simple. */
    public ParameterStyle defaultStyle() {
        return this == QUERY || this == COOKIE ? ParameterStyle.FORM : ParameterStyle.SIMPLE;
    }

    @Override
    public String toString() {
        return text;
    }
}
