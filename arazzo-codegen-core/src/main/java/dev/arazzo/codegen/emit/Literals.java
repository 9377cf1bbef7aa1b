package dev.arazzo.codegen.emit;

import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * String literals of generated code, for any text: every character that could end a line or is not printable
 * (line and paragraph separators, NEL, controls, lone surrogates) is written as an escape, a long text
 * becomes a concatenation that JavaPoet may wrap between its parts, and a text whose class-file constant
 * would exceed 65,535 bytes becomes {@code String.join("", ...)} over constants that each fit.
 */
final class Literals {

    /** The length from which a text is split into parts (shorter ones fit a line as they are). */
    private static final int SPLIT = 72;

    /** About how long each part is. */
    private static final int PART = 56;

    /** A word longer than this is cut, so that no line of generated code grows without bound. */
    private static final int LONGEST_WORD = 80;

    /**
     * The most bytes (modified UTF-8, as in the class file) a string constant of generated code takes: the
     * class file holds 65,535, and javac refuses a constant of 65,535 characters or more, so one less.
     */
    static final int MAX_CONSTANT_BYTES = 65_534;

    private Literals() {
    }

    /** {@link #string}, or {@code null} when {@code text} is null. */
    static CodeBlock stringOrNull(String text) {
        return text == null ? CodeBlock.of("null") : string(text);
    }

    /** {@code text} as a Java string expression: one literal, or {@code "..." + "..."} wrapped as needed. */
    static CodeBlock string(String text) {
        if (constantBytes(text, 0, text.length()) <= MAX_CONSTANT_BYTES) {
            return constant(text);
        }
        List<CodeBlock> chunks = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = start;
            int bytes = 0;
            while (end < text.length()) {
                int width = Character.isHighSurrogate(text.charAt(end)) && end + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(end + 1)) ? 2 : 1;
                int more = constantBytes(text, end, end + width);
                if (bytes + more > MAX_CONSTANT_BYTES) {
                    break;
                }
                bytes += more;
                end += width;
            }
            chunks.add(constant(text.substring(start, end)));
            start = end;
        }
        return CodeBlock.of("$T.join(\"\",$W$L)", String.class, CodeBlock.join(chunks, ",$W"));
    }

    /** A constant expression for a text that fits one class-file constant. */
    private static CodeBlock constant(String text) {
        if (text.length() <= SPLIT) {
            return literal(text);
        }
        List<CodeBlock> parts = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + PART);
            if (end < text.length()) {
                // break after a space; a word longer than LONGEST_WORD is cut, never inside a surrogate pair
                int space = text.lastIndexOf(' ', end - 1);
                int next = text.indexOf(' ', end);
                end = space > start ? space + 1 : next < 0 ? text.length() : next + 1;
                if (end - start > LONGEST_WORD) {
                    end = start + PART;
                    if (Character.isLowSurrogate(text.charAt(end)) && Character.isHighSurrogate(text.charAt(end - 1))) {
                        end--;
                    }
                }
            }
            parts.add(literal(text.substring(start, end)));
            start = end;
        }
        return CodeBlock.join(parts, "$W+ ");
    }

    /** One Java string literal, quotes included, in which only printable characters appear as themselves. */
    static CodeBlock literal(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))
                            || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
                    if (paired || !needsEscape(c)) {
                        out.append(c);
                    } else {
                        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    }
                }
            }
        }
        return CodeBlock.of("$L", out.append('"').toString());
    }

    /** Controls, line and paragraph separators, format characters, unassigned code units and surrogates. */
    private static boolean needsEscape(char c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.FORMAT,
                    Character.SURROGATE, Character.UNASSIGNED, Character.PRIVATE_USE -> true;
            default -> false;
        };
    }

    /** The bytes {@code text[from, to)} takes in a class file's constant pool (modified UTF-8). */
    static int constantBytes(String text, int from, int to) {
        int bytes = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            bytes += c != 0 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }
        return bytes;
    }
}
