package dev.arazzo.codegen.source.asyncapi;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.arazzo.codegen.diagnostic.Diagnostics;
import dev.arazzo.codegen.diagnostic.SourceLocation;
import dev.arazzo.codegen.source.FileReads;
import dev.arazzo.codegen.source.SchemaView;
import dev.arazzo.codegen.source.asyncapi.AsyncApiDocument.Action;
import dev.arazzo.codegen.source.asyncapi.AsyncApiDocument.Channel;
import dev.arazzo.codegen.source.asyncapi.AsyncApiDocument.ChannelParameter;
import dev.arazzo.codegen.source.asyncapi.AsyncApiDocument.CorrelationId;
import dev.arazzo.codegen.source.asyncapi.AsyncApiDocument.Message;
import dev.arazzo.codegen.source.asyncapi.AsyncApiDocument.Operation;
import dev.arazzo.codegen.source.asyncapi.AsyncApiDocument.Reply;
import dev.arazzo.codegen.source.asyncapi.AsyncApiDocument.Server;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an AsyncAPI 3.0 document (YAML or JSON) into an {@link AsyncApiDocument}, keeping the line and column
 * of every node, so that its problems are reported where they are written. {@code $ref}s inside the document
 * are followed; one to another file is reported (copy the definition into the document).
 */
public final class AsyncApiReader {

    /** The largest AsyncAPI file read: 8 MiB. */
    public static final long MAX_BYTES = 8L * 1024 * 1024;
    private static final int MAX_DEPTH = 256;
    private static final String DEFAULT_CONTENT_TYPE = "application/json";

    private final String name;
    private final Path file;
    private final Diagnostics diagnostics;
    private final Map<String, int[]> positions;
    private final JsonNode root;
    private final JsonSchemaView.Views schemas;
    private final String defaultContentType;
    private final Map<String, Message> messagesByPointer = new HashMap<>();
    private final Map<String, Channel> channelsByPointer = new LinkedHashMap<>();

    private AsyncApiReader(String name, Path file, Diagnostics diagnostics, JsonNode root, Map<String, int[]> positions) {
        this.name = name;
        this.file = file;
        this.diagnostics = diagnostics;
        this.root = root;
        this.positions = positions;
        this.schemas = new JsonSchemaView.Views(root);
        this.defaultContentType = root.path("defaultContentType").isTextual()
                ? root.path("defaultContentType").asText() : DEFAULT_CONTENT_TYPE;
    }

    /**
     * The AsyncAPI document in {@code file}, as the source {@code name}; empty (reported) when it cannot be read.
     *
     * @param at the Arazzo node that names the file, where a missing or unreadable file is reported
     */
    public static Optional<AsyncApiDocument> read(String name, Path file, SourceLocation at, Diagnostics diagnostics) {
        if (!Files.isRegularFile(file)) {
            diagnostics.error("source-not-found", at, "source '" + name + "' names file '" + file
                    + "', which does not exist; check the url or add a source mapping");
            return Optional.empty();
        }
        Map<String, int[]> positions = new HashMap<>();
        JsonNode root;
        try {
            if (Files.size(file) > MAX_BYTES) {
                diagnostics.error("invalid-asyncapi", at, "source '" + name + "' is larger than " + MAX_BYTES
                        + " bytes, more than an AsyncAPI document this generator reads");
                return Optional.empty();
            }
            byte[] bytes = FileReads.readAllBytes(file);
            JsonFactory factory = looksLikeJson(bytes) ? new JsonFactory() : new YAMLFactory();
            try (JsonParser parser = factory.createParser(bytes)) {
                if (parser.nextToken() == null) {
                    diagnostics.error("invalid-asyncapi", at, "source '" + name + "' is empty");
                    return Optional.empty();
                }
                root = tree(parser, "", positions, 0);
            }
        } catch (IOException | IllegalStateException e) {
            diagnostics.error("invalid-asyncapi", at, "source '" + name + "' cannot be read as YAML or JSON: "
                    + firstLine(e.getMessage()));
            return Optional.empty();
        }
        AsyncApiReader reader = new AsyncApiReader(name, file, diagnostics, root, positions);
        String version = root.path("asyncapi").asText("");
        if (!root.isObject() || version.isEmpty()) {
            diagnostics.error("invalid-asyncapi", at, "source '" + name + "' is not an AsyncAPI document: it has no "
                    + "'asyncapi' field");
            return Optional.empty();
        }
        if (!version.startsWith("3.0")) {
            diagnostics.error("unsupported-asyncapi-version", reader.locate("/asyncapi"), "source '" + name
                    + "' is AsyncAPI " + version + "; this generator reads AsyncAPI 3.0 (convert the document, for "
                    + "example with the AsyncAPI CLI's 'convert' command)");
            return Optional.empty();
        }
        return Optional.of(reader.document(version));
    }

    private AsyncApiDocument document(String version) {
        Map<String, Server> servers = new LinkedHashMap<>();
        root.path("servers").properties().forEach(e -> {
            String pointer = "/servers/" + escape(e.getKey());
            JsonNode server = follow(e.getValue(), pointer);
            if (server != null) {
                servers.put(e.getKey(), new Server(e.getKey(), text(server, "host"), text(server, "protocol"),
                        text(server, "pathname"), pointer));
            }
        });
        Map<String, Channel> channels = new LinkedHashMap<>();
        root.path("channels").properties().forEach(e -> {
            Channel channel = channel("/channels/" + escape(e.getKey()), e.getKey());
            if (channel != null) {
                channels.put(e.getKey(), channel);
            }
        });
        Map<String, Operation> operations = new LinkedHashMap<>();
        root.path("operations").properties().forEach(e -> {
            Operation operation = operation("/operations/" + escape(e.getKey()), e.getKey());
            if (operation != null) {
                operations.put(e.getKey(), operation);
            }
        });
        return new AsyncApiDocument(name, file, version, servers, channels, operations, this::locate);
    }

    private Channel channel(String pointer, String key) {
        String[] definedAt = new String[1];
        JsonNode node = follow(root.at(pointer), pointer, definedAt);
        if (node == null) {
            return null;
        }
        Channel known = channelsByPointer.get(definedAt[0]);
        if (known != null) {
            return known;
        }
        String address = node.path("address").isTextual() ? node.path("address").asText() : null;
        Map<String, ChannelParameter> parameters = new LinkedHashMap<>();
        node.path("parameters").properties().forEach(e -> {
            String at = definedAt[0] + "/parameters/" + escape(e.getKey());
            JsonNode parameter = follow(e.getValue(), at);
            if (parameter != null) {
                List<String> values = new ArrayList<>();
                parameter.path("enum").forEach(v -> values.add(v.asText()));
                parameters.put(e.getKey(), new ChannelParameter(e.getKey(), values, text(parameter, "default"),
                        text(parameter, "location"), at));
            }
        });
        Map<String, Message> messages = new LinkedHashMap<>();
        node.path("messages").properties().forEach(e -> {
            String at = definedAt[0] + "/messages/" + escape(e.getKey());
            Message message = message(at, e.getKey());
            if (message != null) {
                messages.put(e.getKey(), message);
                messagesByPointer.put(at, message);
            }
        });
        Channel channel = new Channel(key, address, parameters, messages, definedAt[0]);
        channelsByPointer.put(definedAt[0], channel);
        channelsByPointer.put(pointer, channel);
        return channel;
    }

    private Message message(String pointer, String key) {
        String[] definedAt = new String[1];
        JsonNode node = follow(root.at(pointer), pointer, definedAt);
        if (node == null) {
            return null;
        }
        Message known = messagesByPointer.get(definedAt[0]);
        if (known != null) {
            return known;
        }
        CorrelationId correlationId = null;
        JsonNode correlation = node.get("correlationId");
        if (correlation != null) {
            String at = definedAt[0] + "/correlationId";
            JsonNode object = follow(correlation, at, definedAt.clone());
            String location = object == null ? null : text(object, "location");
            if (location != null) {
                correlationId = correlationId(location, at);
            }
        }
        String contentType = node.path("contentType").isTextual() ? node.path("contentType").asText() : defaultContentType;
        Message message = new Message(key, node.path("name").isTextual() ? node.path("name").asText() : key, contentType,
                schema(node.get("headers"), definedAt[0] + "/headers"),
                schema(node.get("payload"), definedAt[0] + "/payload"), correlationId, definedAt[0]);
        messagesByPointer.put(definedAt[0], message);
        return message;
    }

    private CorrelationId correlationId(String location, String pointer) {
        boolean header = location.startsWith("$message.header#");
        boolean payload = location.startsWith("$message.payload#");
        if (!header && !payload) {
            diagnostics.error("invalid-asyncapi", locate(pointer + "/location"), "correlationId location '" + location
                    + "' must be $message.header#/<pointer> or $message.payload#/<pointer>");
            return null;
        }
        String jsonPointer = location.substring(location.indexOf('#') + 1);
        if (!jsonPointer.isEmpty() && !jsonPointer.startsWith("/")) {
            diagnostics.error("invalid-asyncapi", locate(pointer + "/location"), "correlationId location '" + location
                    + "' has no JSON Pointer after '#'; write it as " + location.substring(0, location.indexOf('#'))
                    + "#/" + jsonPointer);
            return null;
        }
        return new CorrelationId(location, header, jsonPointer, pointer);
    }

    private SchemaView schema(JsonNode node, String pointer) {
        if (node == null) {
            return null;
        }
        if (node.isObject() && node.has("schemaFormat") && node.has("schema")) {
            String format = node.path("schemaFormat").asText("").toLowerCase(Locale.ROOT);
            if (!format.contains("asyncapi") && !format.contains("schema+json") && !format.contains("schema+yaml")) {
                diagnostics.warning("asyncapi-schema-format", locate(pointer + "/schemaFormat"), "schema format '"
                        + node.path("schemaFormat").asText() + "' is not JSON Schema; its values are read as JsonNode");
                return null;
            }
            return schema(node.get("schema"), pointer + "/schema");
        }
        checkRefs(node, pointer, 0);
        return schemas.of(node);
    }

    private void checkRefs(JsonNode node, String pointer, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && schemas.target(ref.asText()) == null) {
                reportRef(ref.asText(), pointer + "/$ref");
            }
            node.properties().forEach(e -> checkRefs(e.getValue(), pointer + "/" + escape(e.getKey()), depth + 1));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkRefs(node.get(i), pointer + "/" + i, depth + 1);
            }
        }
    }

    private Operation operation(String pointer, String operationId) {
        JsonNode node = follow(root.at(pointer), pointer);
        if (node == null) {
            return null;
        }
        String actionText = text(node, "action");
        Action action = "send".equals(actionText) ? Action.SEND : "receive".equals(actionText) ? Action.RECEIVE : null;
        if (action == null) {
            diagnostics.error("invalid-asyncapi", locate(pointer + "/action"), "operation '" + operationId
                    + "' has action " + (actionText == null ? "none" : "'" + actionText + "'")
                    + "; AsyncAPI 3.0 operations are 'send' or 'receive'");
            return null;
        }
        Channel channel = channelRef(node.get("channel"), pointer + "/channel", operationId);
        if (channel == null) {
            return null;
        }
        List<Message> messages = messageRefs(node.get("messages"), pointer + "/messages", channel);
        Reply reply = null;
        JsonNode replyNode = node.get("reply");
        if (replyNode != null) {
            String at = pointer + "/reply";
            JsonNode resolved = follow(replyNode, at);
            if (resolved != null) {
                Channel replyChannel = resolved.has("channel")
                        ? channelRef(resolved.get("channel"), at + "/channel", operationId) : null;
                reply = new Reply(replyChannel, replyChannel == null ? List.of()
                        : messageRefs(resolved.get("messages"), at + "/messages", replyChannel), at);
            }
        }
        String summary = text(node, "summary") != null ? text(node, "summary") : text(node, "description");
        return new Operation(operationId, action, channel, messages, reply, summary, pointer);
    }

    private Channel channelRef(JsonNode ref, String pointer, String operationId) {
        String target = ref == null ? null : text(ref, "$ref");
        if (target == null || !target.startsWith("#/channels/")) {
            diagnostics.error("invalid-asyncapi", locate(pointer), "operation '" + operationId + "' must name its "
                    + "channel with a $ref to #/channels/<name>");
            return null;
        }
        String channelPointer = decodeRef(target);
        Channel known = channelsByPointer.get(channelPointer);
        if (known != null) {
            return known;
        }
        if (root.at(channelPointer).isMissingNode()) {
            reportRef(target, pointer + "/$ref");
            return null;
        }
        String key = channelPointer.substring("/channels/".length()).replace("~1", "/").replace("~0", "~");
        return channel(channelPointer, key);
    }

    private List<Message> messageRefs(JsonNode refs, String pointer, Channel channel) {
        if (refs == null || !refs.isArray()) {
            return List.copyOf(channel.messages().values());
        }
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            String target = text(refs.get(i), "$ref");
            String at = pointer + "/" + i;
            Message message = target == null ? null : messagesByPointer.get(decodeRef(target));
            if (message == null && target != null && target.startsWith("#") && !root.at(decodeRef(target)).isMissingNode()) {
                String ref = decodeRef(target);
                message = message(ref, ref.substring(ref.lastIndexOf('/') + 1));
            }
            if (message == null) {
                diagnostics.error("invalid-asyncapi", locate(at), "operation message " + (target == null
                        ? "must be a $ref to a message of its channel" : "'" + target + "' names no message"));
            } else {
                messages.add(message);
            }
        }
        return messages;
    }

    private JsonNode follow(JsonNode node, String pointer) {
        return follow(node, pointer, new String[1]);
    }

    /** The node {@code $ref}s lead to from {@code node}; {@code definedAt[0]} becomes its pointer. */
    private JsonNode follow(JsonNode node, String pointer, String[] definedAt) {
        JsonNode current = node;
        String at = pointer;
        for (int depth = 0; current != null && current.isObject() && current.path("$ref").isTextual(); depth++) {
            String ref = current.path("$ref").asText();
            JsonNode target = depth < 32 ? schemas.target(ref) : null;
            if (target == null) {
                reportRef(ref, at + "/$ref");
                return null;
            }
            at = decodeRef(ref);
            current = target;
        }
        definedAt[0] = at;
        return current == null || current.isMissingNode() ? null : current;
    }

    private void reportRef(String ref, String pointer) {
        if (ref.startsWith("#")) {
            diagnostics.error("invalid-asyncapi", locate(pointer), "$ref '" + ref + "' names nothing in the document");
        } else {
            diagnostics.error("asyncapi-external-ref", locate(pointer), "$ref '" + ref + "' names another document, "
                    + "which this generator does not read for AsyncAPI; copy the definition into this document");
        }
    }

    SourceLocation locate(String pointer) {
        String current = pointer;
        while (true) {
            int[] position = positions.get(current);
            if (position != null) {
                return new SourceLocation(file, position[0], position[1], pointer);
            }
            if (current.isEmpty()) {
                return SourceLocation.ofFile(file, pointer);
            }
            current = current.substring(0, Math.max(0, current.lastIndexOf('/')));
        }
    }

    private static String decodeRef(String ref) {
        return decode(ref.substring(1));
    }

    /** A {@code $ref}'s fragment, percent-decoded (a JSON Pointer stays escaped with ~0 and ~1). */
    static String decode(String fragment) {
        return java.net.URLDecoder.decode(fragment.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    private static boolean looksLikeJson(byte[] bytes) {
        for (byte b : bytes) {
            if (!Character.isWhitespace(b)) {
                return b == '{';
            }
        }
        return false;
    }

    private static String firstLine(String message) {
        String text = message == null ? "unknown error" : message;
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    /** Reads the value at the parser's current token, recording the position of every node by its pointer. */
    private static JsonNode tree(JsonParser parser, String pointer, Map<String, int[]> positions, int depth)
            throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException("the document nests deeper than " + MAX_DEPTH + " levels");
        }
        JsonLocation location = parser.currentTokenLocation();
        positions.put(pointer, new int[] {location.getLineNr(), location.getColumnNr()});
        JsonToken token = parser.currentToken();
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = nodes.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    parser.nextToken();
                    object.set(field, tree(parser, pointer + "/" + escape(field), positions, depth + 1));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = nodes.arrayNode();
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(tree(parser, pointer + "/" + index++, positions, depth + 1));
                }
                return array;
            }
            case VALUE_STRING -> {
                return nodes.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return nodes.numberNode(parser.getBigIntegerValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return nodes.numberNode(parser.getDecimalValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return nodes.booleanNode(token == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return nodes.nullNode();
            }
            default -> throw new IllegalStateException("unexpected " + token + " at line " + location.getLineNr());
        }
    }
}
