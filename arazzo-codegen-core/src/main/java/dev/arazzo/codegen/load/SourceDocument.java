package dev.arazzo.codegen.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arazzo.codegen.diagnostic.SourceLocation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;

/**
 * A YAML or JSON document read into a Jackson tree that remembers where every node stands.
 *
 * @param file the document, absolute and normalized
 * @param root the whole document
 * @param positions the line and column of every node's value, keyed by its JSON Pointer
 */
public record SourceDocument(Path file, JsonNode root, Map<String, Position> positions, List<String> lines) {

    public SourceDocument {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(root, "root");
        positions = Map.copyOf(positions);
        lines = List.copyOf(lines);
    }

    /**
     * The location of character {@code offset} of the string at {@code pointer}, when the string is
     * written on one line, plain or quoted without escapes; else the location of the string itself.
     */
    public Optional<SourceLocation> locateWithin(String pointer, int offset) {
        Position position = positions.get(pointer);
        JsonNode node = root.at(pointer);
        if (position == null || !node.isTextual() || position.line() > lines.size()) {
            return Optional.empty();
        }
        String line = lines.get(position.line() - 1);
        int start = position.column() - 1;
        String text = node.asText();
        int shift;
        if (line.startsWith(text, start)) {
            shift = 0;
        } else if (start < line.length() && (line.charAt(start) == '\'' || line.charAt(start) == '"')
                && line.startsWith(text, start + 1) && text.indexOf(line.charAt(start)) < 0 && text.indexOf('\\') < 0) {
            shift = 1;
        } else {
            return Optional.empty();
        }
        return Optional.of(new SourceLocation(file, position.line(), position.column() + shift + offset, pointer));
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
