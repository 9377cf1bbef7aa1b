package dev.arazzo.codegen.diagnostic;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a node of a document stands: its file, 1-based line and column, and its JSON Pointer.
 *
 * <p>Every diagnostic of the generator has a line and column; a problem about a whole file (an empty
 * document, a request's setting for it) stands at its start, 1:1. Line 0 (position unknown) is kept for
 * other users of the type.
 */
public record SourceLocation(Path file, int line, int column, String jsonPointer) {

    public SourceLocation {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(jsonPointer, "jsonPointer");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must not be negative: " + line + ":" + column);
        }
    }

    /** The start of {@code file} (1:1), for a problem about the whole file or a node without a position. */
    public static SourceLocation ofFile(Path file, String jsonPointer) {
        return new SourceLocation(file, 1, 1, jsonPointer);
    }

    // equals and hashCode as the record's own would be (same components, same hash formula), written out: a
    // cold JVM links a record's equals and hashCode through ObjectMethods on their first calls (issue #16)

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof SourceLocation that && line == that.line && column == that.column
                && file.equals(that.file) && jsonPointer.equals(that.jsonPointer);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * file.hashCode() + line) + column) + jsonPointer.hashCode();
    }

    /** {@code file:line:column}, or just {@code file} when the position is unknown. */
    @Override
    public String toString() {
        String name = file.toString();
        return line == 0 ? name : name + ":" + line + ":" + column;
    }
}
