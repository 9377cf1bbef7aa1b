package dev.arazzo.codegen.emit;

import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * String literals of generated code that fit its lines: a long text (a message naming steps and
 * workflows from the document) becomes a concatenation that JavaPoet may wrap between its parts.
 */
final class Literals {

    /** The length from which a text is split into parts (shorter ones fit a line as they are). */
    private static final int SPLIT = 72;

    /** About how long each part is. */
    private static final int PART = 56;

    private Literals() {
    }

    /** {@code text} as a Java string expression: one literal, or {@code "..." + "..."} wrapped as needed. */
    static CodeBlock string(String text) {
        if (text.length() <= SPLIT) {
            return CodeBlock.of("$S", text);
        }
        List<CodeBlock> parts = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + PART);
            if (end < text.length()) {
                // break after a space; a word longer than a part stays whole
                int space = text.lastIndexOf(' ', end - 1);
                int next = text.indexOf(' ', end);
                end = space > start ? space + 1 : next < 0 ? text.length() : next + 1;
            }
            parts.add(CodeBlock.of("$S", text.substring(start, end)));
            start = end;
        }
        return CodeBlock.join(parts, "$W+ ");
    }
}
