package dev.arazzo.codegen.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Document text in a string literal and in a Javadoc comment: nothing in it ends a line or the comment. */
class LiteralsAndJavadocsTest {

    static Stream<Arguments> literals() {
        return Stream.of(
                Arguments.of("a\u2028b", "\"a\\u2028b\""),
                Arguments.of("a\u2029b", "\"a\\u2029b\""),
                Arguments.of("a\u0085b", "\"a\\u0085b\""),
                Arguments.of("a\u000Bb\u0000c", "\"a\\u000bb\\u0000c\""),
                Arguments.of("a\nb\rc", "\"a\\nb\\rc\""),
                Arguments.of("*/ \\ \"", "\"*/ \\\\ \\\"\""),
                Arguments.of("\uD83D\uDE00", "\"\uD83D\uDE00\""),
                Arguments.of("\uD83D", "\"\\ud83d\""));
    }

    @ParameterizedTest
    @MethodSource("literals")
    void aLiteralEscapesEveryLineTerminatorAndControl(String text, String literal) {
        assertEquals(literal, Literals.literal(text).toString());
    }

    static Stream<Arguments> comments() {
        return Stream.of(
                Arguments.of("a\u2028b", "a\nb"),
                Arguments.of("a\u2029b", "a\nb"),
                Arguments.of("a\u0085b", "a\nb"),
                Arguments.of("a\r\nb\rc", "a\nb\nc"),
                Arguments.of("end */ here", "end *&#47; here"),
                Arguments.of("\\u000A", "&#92;u000A"));
    }

    @ParameterizedTest
    @MethodSource("comments")
    void aCommentBreaksItsLineAtEveryTerminatorAndCannotBeEnded(String text, String comment) {
        assertEquals(comment, Javadocs.escape(text));
        assertFalse(Javadocs.escape(text).contains("*/"));
    }
}
