package dev.arazzo.codegen.diagnostic;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a node of a document stands: its file, 1-based line and column, and its JSON Pointer.
 *
 * <p>A location with line 0 is known only by its file and pointer (for example a node inside an
 * OpenAPI document, whose parser keeps no positions).
 */
public record SourceLocation(Path file, int line, int column, String jsonPointer) {

    public SourceLocation {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(jsonPointer, "jsonPointer");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must not be negative: " + line + ":" + column);
        }
    }

    /** A location known only by its file (and pointer). */
    public static SourceLocation ofFile(Path file, String jsonPointer) {
        return new SourceLocation(file, 0, 0, jsonPointer);
    }

    /** {@code file:line:column}, or just {@code file} when the position is unknown. */
    @Override
    public String toString() {
        String name = file.toString();
        return line == 0 ? name : name + ":" + line + ":" + column;
    }
}
