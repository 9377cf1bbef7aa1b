package dev.arazzo.codegen.source;

import java.util.Arrays;
import java.util.Optional;

/** How a parameter value is serialized: the {@code style} of an OpenAPI Parameter Object. */
public enum ParameterStyle {
    MATRIX("matrix"), LABEL("label"), FORM("form"), SIMPLE("simple"), SPACE_DELIMITED("spaceDelimited"),
    PIPE_DELIMITED("pipeDelimited"), DEEP_OBJECT("deepObject");

    private final String text;

    ParameterStyle(String text) {
        this.text = text;
    }

    /** The style as OpenAPI writes it. */
    public String text() {
        return text;
    }

    /** The style OpenAPI's {@code style} names, if it is one. */
    public static Optional<ParameterStyle> of(String text) {
        return Arrays.stream(values()).filter(s -> s.text.equals(text)).findFirst();
    }

    /** Whether OpenAPI explodes values of this style when the parameter does not say: only form does. */
    public boolean explodesByDefault() {
        return this == FORM;
    }

    @Override
    public String toString() {
        return text;
    }
}
