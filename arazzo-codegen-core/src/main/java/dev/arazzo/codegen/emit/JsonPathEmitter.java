package dev.arazzo.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Compiles the conditions of {@code jsonpath} criteria into Java. */
final class JsonPathEmitter {

    private static final Pattern DOTTED = Pattern.compile("^\\$((?:\\.[A-Za-z_][A-Za-z0-9_]*)*)\\s*(?:(==|!=)\\s*(null))?$");

    private final ClassName values;

    JsonPathEmitter(ClassName values) {
        this.values = values;
    }

    CodeBlock criterion(String query, CodeBlock context) {
        Matcher matcher = DOTTED.matcher(query.strip());
        if (!matcher.matches()) {
            throw new IllegalStateException("jsonpath not supported: " + query);
        }
        String pointer = matcher.group(1).replace('.', '/');
        CodeBlock node = CodeBlock.of("$T.node($L.at($S))", values, context, pointer);
        if (matcher.group(2) == null) {
            return CodeBlock.of("$L != null", node);
        }
        return CodeBlock.of("$T.$N($L, null)", values, matcher.group(2).equals("==") ? "equal" : "notEqual", node);
    }
}
