package dev.arazzo.codegen.source.openapi;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.arazzo.codegen.diagnostic.SourceLocation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the servers of an OpenAPI file stand, line and column, by JSON Pointer: swagger-parser keeps no
 * positions, so they are taken from the tokens of the pass that follows the file's {@code $ref}s
 * ({@link Collector}), and only the nodes inside a {@code servers} list (and Swagger 2.0's {@code host} and
 * {@code basePath}) are remembered.
 */
final class ServerLocations {

    private final Path file;
    private final Map<String, SourceLocation> locations;

    private ServerLocations(Path file, Map<String, SourceLocation> locations) {
        this.file = file;
        this.locations = locations;
    }

    /**
     * Takes the locations from the tokens of a pass over the file that another reader makes, each token
     * handed over in order, so the file is not read once more for them.
     */
    static final class Collector {

        private final Map<String, SourceLocation> found = new HashMap<>();
        private int inside;
        private boolean afterServers;

        /** Looks at the token the parser stands at. */
        void accept(JsonParser parser, JsonToken token) throws IOException {
            if (afterServers) {
                afterServers = false;
                if (token == JsonToken.START_ARRAY) {
                    inside = 1;
                }
                return;
            }
            if (inside > 0) {
                if (token.isStructStart()) {
                    inside++;
                } else if (token.isStructEnd()) {
                    inside--;
                }
                if (inside > 0) {
                    remember(parser, found); // every node inside the list, up to its end
                }
                return;
            }
            if (token != JsonToken.FIELD_NAME) {
                return; // most tokens: the name is taken once, and only for a field
            }
            String name = parser.currentName();
            if ("servers".equals(name)) {
                remember(parser, found);
                afterServers = true;
            } else if (("host".equals(name) || "basePath".equals(name))
                    && parser.getParsingContext().getParent() != null
                    && parser.getParsingContext().getParent().inRoot()) {
                remember(parser, found);
            }
        }

        /** What was found, as the locations of {@code file}. */
        ServerLocations locations(Path file) {
            return new ServerLocations(file, new HashMap<>(found));
        }
    }

    private static void remember(JsonParser parser, Map<String, SourceLocation> found) {
        JsonLocation where = parser.currentTokenLocation();
        String pointer = parser.getParsingContext().pathAsPointer().toString();
        found.putIfAbsent(pointer, new SourceLocation(Path.of(""), Math.max(1, where.getLineNr()),
                Math.max(1, where.getColumnNr()), pointer));
    }

    /** Whether the file has a node at {@code pointer}. */
    boolean has(String pointer) {
        return locations.containsKey(pointer);
    }

    /** Where the node at {@code pointer} stands, else the nearest of its parents that was remembered, else 1:1. */
    SourceLocation at(String pointer) {
        String current = pointer;
        while (true) {
            SourceLocation location = locations.get(current);
            if (location != null) {
                return new SourceLocation(file, location.line(), location.column(), pointer);
            }
            int slash = current.lastIndexOf('/');
            if (slash <= 0) {
                return SourceLocation.ofFile(file, pointer);
            }
            current = current.substring(0, slash);
        }
    }
}
