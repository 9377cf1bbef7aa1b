package dev.arazzo.codegen.source.openapi;

import com.fasterxml.jackson.core.JsonFactory;
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
 * positions, so the file is read once more, token by token, and only the nodes inside a {@code servers}
 * list (and Swagger 2.0's {@code host} and {@code basePath}) are remembered.
 */
final class ServerLocations {

    private final Path file;
    private final Map<String, SourceLocation> locations;

    private ServerLocations(Path file, Map<String, SourceLocation> locations) {
        this.file = file;
        this.locations = locations;
    }

    /**
     * The locations in {@code file}, whose content is {@code bytes}, read with {@code factory}; none (every node
     * at 1:1) when it cannot be read.
     */
    static ServerLocations of(Path file, byte[] bytes, JsonFactory factory) {
        Map<String, SourceLocation> found = new HashMap<>();
        try (JsonParser parser = factory.createParser(bytes)) {
            int inside = 0;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (inside > 0) {
                    if (token.isStructStart()) {
                        inside++;
                    } else if (token.isStructEnd()) {
                        inside--;
                    }
                }
                boolean field = token == JsonToken.FIELD_NAME;
                if (field && inside == 0 && "servers".equals(parser.currentName())) {
                    remember(parser, found);
                    if (parser.nextToken() == JsonToken.START_ARRAY) {
                        inside = 1;
                    }
                } else if (inside > 0 || field && parser.getParsingContext().getParent() != null
                        && parser.getParsingContext().getParent().inRoot()
                        && ("host".equals(parser.currentName()) || "basePath".equals(parser.currentName()))) {
                    remember(parser, found);
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable document is reported by the parser that reads it for its content
        }
        return new ServerLocations(file, found);
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
