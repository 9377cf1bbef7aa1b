package dev.arazzo.codegen.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arazzo.codegen.diagnostic.SourceLocation;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * A YAML or JSON document read into a Jackson tree that remembers where every node stands.
 *
 * @param file the document, absolute and normalized
 * @param root the whole document
 * @param positions the line and column of every node's value, keyed by its JSON Pointer
 */
public record SourceDocument(Path file, JsonNode root, Map<String, Position> positions) {

    public SourceDocument {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(root, "root");
        positions = Map.copyOf(positions);
    }

    /**
     * The location of the node at {@code pointer}; for a pointer to a node that does not exist, the
     * location of its nearest existing parent, so a missing field is reported at the object that lacks it.
     */
    public SourceLocation locate(String pointer) {
        String current = pointer;
        while (true) {
            Position position = positions.get(current);
            if (position != null) {
                return new SourceLocation(file, position.line(), position.column(), pointer);
            }
            if (current.isEmpty()) {
                return SourceLocation.ofFile(file, pointer);
            }
            current = current.substring(0, Math.max(0, current.lastIndexOf('/')));
        }
    }

    /** A 1-based line and column. */
    public record Position(int line, int column) {
    }

    /** Escapes one JSON Pointer reference token (RFC 6901). */
    public static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
