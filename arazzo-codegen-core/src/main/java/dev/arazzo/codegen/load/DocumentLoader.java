package dev.arazzo.codegen.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.arazzo.codegen.diagnostic.Diagnostics;
import dev.arazzo.codegen.diagnostic.SourceLocation;
import dev.arazzo.codegen.source.FileReads;
import java.io.IOException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The load stage: reads a YAML or JSON file into a {@link SourceDocument}, keeping the line and column of
 * every node from the parser's token locations.
 *
 * <p>Syntax errors and duplicate keys become diagnostics at their position; a file that cannot be read
 * becomes one diagnostic at the node that named it.
 */
public final class DocumentLoader {

    private static final JsonNodeFactory NODES = new JsonNodeFactory(true); // decimals exactly as written

    /** How deep objects and arrays may nest in a document; deeper is one diagnostic where it starts. */
    public static final int MAX_DEPTH = 256;

    private final JsonFactory json = new JsonFactory();

    /**
     * Loads {@code file}; problems are reported to {@code diagnostics}, at {@code referrer} when the file
     * itself cannot be read.
     */
    public Optional<SourceDocument> load(Path file, SourceLocation referrer, Diagnostics diagnostics) {
        Path absolute = file.toAbsolutePath().normalize();
        byte[] bytes;
        try {
            bytes = FileReads.readAllBytes(absolute);
        } catch (NoSuchFileException e) {
            diagnostics.error("file-not-found", referrer, "file '" + absolute + "' does not exist; check the path");
            return Optional.empty();
        } catch (IOException e) {
            diagnostics.error("file-unreadable", referrer, "file '" + absolute + "' cannot be read: " + e.getMessage());
            return Optional.empty();
        }
        JsonFactory factory = looksLikeJson(absolute, bytes) ? json : yaml();
        Map<String, SourceDocument.Position> positions = new HashMap<>();
        try (JsonParser parser = factory.createParser(bytes)) {
            if (parser.nextToken() == null) {
                diagnostics.error("empty-document", new SourceLocation(absolute, 1, 1, ""),
                        "the document is empty; it must hold an object");
                return Optional.empty();
            }
            long before = diagnostics.errorCount();
            JsonNode root = read(parser, "", absolute, positions, diagnostics, 0);
            if (diagnostics.errorCount() > before) {
                return Optional.empty();
            }
            return Optional.of(new SourceDocument(absolute, root, positions,
                    new String(bytes, java.nio.charset.StandardCharsets.UTF_8).lines().toList()));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            SourceLocation location = at == null || at.getLineNr() < 1
                    ? new SourceLocation(absolute, 1, 1, "")
                    : new SourceLocation(absolute, at.getLineNr(), Math.max(1, at.getColumnNr()), "");
            String problem = firstLine(e.getOriginalMessage());
            if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
                // SnakeYAML knows where the problem itself is, not only where the construct began
                Mark mark = yaml.getProblemMark();
                location = new SourceLocation(absolute, mark.getLine() + 1, mark.getColumn() + 1, "");
                problem = yaml.getProblem() + (yaml.getContext() == null ? "" : " (" + yaml.getContext() + ")");
            }
            diagnostics.error("syntax-error", location, "the document is not valid "
                    + (factory == json ? "JSON" : "YAML") + ": " + problem);
            return Optional.empty();
        } catch (IOException e) {
            diagnostics.error("file-unreadable", referrer, "file '" + absolute + "' cannot be read: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static JsonFactory yaml() {
        return Yaml.FACTORY;
    }

    /** Made for the first YAML document (a factory is immutable and shared): reading only JSON loads no YAML parser. */
    private static final class Yaml {
        static final JsonFactory FACTORY = new YAMLFactory();
    }

    private static boolean looksLikeJson(Path file, byte[] bytes) {
        if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
            return true;
        }
        for (byte b : bytes) {
            if (!Character.isWhitespace(b)) {
                return b == '{' || b == '[';
            }
        }
        return false;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }

    private static JsonNode read(JsonParser parser, String pointer, Path file,
            Map<String, SourceDocument.Position> positions, Diagnostics diagnostics, int depth) throws IOException {
        JsonLocation start = parser.currentTokenLocation();
        positions.put(pointer, new SourceDocument.Position(start.getLineNr(), start.getColumnNr()));
        JsonToken token = parser.currentToken();
        if (depth == MAX_DEPTH && (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY)) {
            diagnostics.error("too-deep", new SourceLocation(file, start.getLineNr(), Math.max(1, start.getColumnNr()),
                    pointer), "objects and arrays nest more than " + MAX_DEPTH + " levels deep from here; flatten "
                    + "the document");
            parser.skipChildren();
            return NODES.nullNode();
        }
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonLocation keyAt = parser.currentTokenLocation();
                    parser.nextToken();
                    String child = pointer + "/" + SourceDocument.escape(name);
                    if (object.has(name)) {
                        diagnostics.error("duplicate-key",
                                new SourceLocation(file, keyAt.getLineNr(), keyAt.getColumnNr(), child),
                                "key '" + name + "' appears twice in the same object; remove one of them");
                    }
                    object.set(name, read(parser, child, file, positions, diagnostics, depth + 1));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(parser, pointer + "/" + index++, file, positions, diagnostics, depth + 1));
                }
                return array;
            }
            case VALUE_STRING -> {
                return NODES.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(parser.getDecimalValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            case VALUE_EMBEDDED_OBJECT -> {
                Object value = parser.getEmbeddedObject();
                return NODES.textNode(value == null ? "" : value.toString());
            }
            default -> throw new IllegalStateException("unexpected token " + token + " at " + start);
        }
    }
}
