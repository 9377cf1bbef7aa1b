package dev.arazzo.codegen.source.openapi;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An OpenAPI document seen by its parts, each read only when asked for: the top-level fields, each path item
 * with the operationIds of its operations, and each component. {@link #of(JsonNode)} outlines a tree already
 * read; {@link #scan} outlines a JSON file in one pass over its tokens, keeping where each path item and
 * component stands in the bytes, and reads a part as a tree only when it is asked for, with the same mapper
 * that would have read the whole file (so every value is what it would be in the whole tree).
 */
final class OpenApiOutline {

    /** The path item fields that hold operations, as swagger-parser reads them (OpenAPI 3.0 and 3.1). */
    static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    /**
     * A path item.
     *
     * @param operationIds by method, the operation's operationId (null when it has none)
     * @param reference whether the item is a {@code $ref}
     * @param problem why its operations cannot be read from the outline, or null
     * @param node the item, read when asked for
     */
    record PathItem(Map<String, String> operationIds, boolean reference, String problem, Supplier<JsonNode> node) {
    }

    /** The top-level fields but {@code paths} and {@code components}, in document order, read when asked for. */
    final Map<String, Supplier<JsonNode>> fields = new LinkedHashMap<>();
    /** Whether the document has {@code paths} (an object) and {@code components}, and where each field stands. */
    final List<String> order = new java.util.ArrayList<>();
    final Map<String, PathItem> paths = new LinkedHashMap<>();
    /** By kind, each named component; a kind that is not a map of components (an extension) has no entry. */
    final Map<String, Map<String, Supplier<JsonNode>>> components = new LinkedHashMap<>();
    /** The fields of {@code components} that are not maps of components, as they are. */
    final Map<String, Supplier<JsonNode>> componentFields = new LinkedHashMap<>();
    boolean hasPaths;
    boolean hasComponents;

    private OpenApiOutline() {
    }

    /** The outline of a document read as a tree; empty when it is not an object with an object of paths. */
    static Optional<OpenApiOutline> of(JsonNode document) {
        if (!document.isObject()) {
            return Optional.empty();
        }
        OpenApiOutline outline = new OpenApiOutline();
        for (Map.Entry<String, JsonNode> field : document.properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            outline.order.add(key);
            if (key.equals("paths")) {
                if (!value.isObject()) {
                    return Optional.empty();
                }
                outline.hasPaths = true;
                for (Map.Entry<String, JsonNode> item : value.properties()) {
                    outline.paths.put(item.getKey(), item(item.getValue()));
                }
            } else if (key.equals("components") && value.isObject()) {
                outline.hasComponents = true;
                for (Map.Entry<String, JsonNode> kind : value.properties()) {
                    if (kind.getValue().isObject() && !kind.getKey().startsWith("x-")) {
                        Map<String, Supplier<JsonNode>> named = new LinkedHashMap<>();
                        kind.getValue().properties().forEach(component -> named.put(component.getKey(),
                                component::getValue));
                        outline.components.put(kind.getKey(), named);
                    } else {
                        outline.componentFields.put(kind.getKey(), kind::getValue);
                    }
                }
            } else {
                outline.fields.put(key, () -> value);
            }
        }
        return Optional.of(outline);
    }

    private static PathItem item(JsonNode item) {
        if (!item.isObject()) {
            return new PathItem(Map.of(), false, "it is not an object", () -> item);
        }
        Map<String, String> ids = new LinkedHashMap<>();
        String problem = null;
        for (String method : METHODS) {
            JsonNode operation = item.get(method);
            if (operation == null) {
                continue;
            }
            JsonNode id = operation.get("operationId");
            if (!operation.isObject() || id != null && !id.isTextual()) {
                problem = "operation " + method + " is not read as written";
            } else {
                ids.put(method, id == null ? null : id.asText());
            }
        }
        return new PathItem(ids, item.has("$ref"), problem, () -> item);
    }

    /**
     * The outline of the JSON text {@code bytes} as {@code mapper} reads it; empty when the text is not a JSON
     * object whose parts can be told apart in one pass (then the whole tree is read): it does not start with
     * {@code {}, it has a key twice in the maps outlined, or it is not well-formed.
     */
    static Optional<OpenApiOutline> scan(byte[] bytes, ObjectMapper mapper) {
        return scan(bytes, mapper, (parser, token) -> {
        }).outline();
    }

    /** Whether the text starts with {@code {}: else it is not outlined, and no token of it is read. */
    static boolean startsWithObject(byte[] bytes) {
        int first = 0;
        while (first < bytes.length && (bytes[first] & 0xff) <= ' ') {
            first++;
        }
        return first < bytes.length && bytes[first] == '{';
    }

    /** Sees each token of a pass over a file, in order, as the parser stands at it. */
    interface Tokens {

        /** Looks at {@code token}, the one the parser stands at. */
        void accept(JsonParser parser, JsonToken token) throws IOException;
    }

    /**
     * What one pass over a file gave.
     *
     * @param outline the outline, or empty as {@link #scan(byte[], ObjectMapper)} says
     * @param complete whether every token of the file was handed over; not when the text is not well-formed or
     *     has a key twice in an object (the parser stops there)
     */
    record Pass(Optional<OpenApiOutline> outline, boolean complete) {
    }

    /**
     * As {@link #scan(byte[], ObjectMapper)}, handing every token of the file to {@code tokens} in the same pass,
     * to the end of the file also when the text cannot be outlined, so that other readers of the tokens (the
     * {@code $ref} check, the server locations) need no pass of their own.
     */
    static Pass scan(byte[] bytes, ObjectMapper mapper, Tokens tokens) {
        if (!startsWithObject(bytes)) {
            return new Pass(Optional.empty(), false);
        }
        try (JsonParser parser = passFactory(mapper).createParser(bytes)) {
            // the Scanner finds a key written twice in an object itself, as the mapper's parser would (so the
            // pass stops there as it would): the parser's own detection allocates a set for each object
            parser.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            Scanner scanner = new Scanner(parser, bytes, mapper, tokens,
                    mapper.getFactory().isEnabled(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));
            Optional<OpenApiOutline> outline;
            try {
                outline = scanner.outline();
            } catch (IOException | RuntimeException e) {
                return new Pass(Optional.empty(), false);
            }
            try {
                while (scanner.next() != null) {
                    // the rest of the file, for the other readers of its tokens
                }
            } catch (IOException | RuntimeException e) {
                return new Pass(outline, false);
            }
            return new Pass(outline, true);
        } catch (IOException | RuntimeException e) {
            return new Pass(Optional.empty(), false);
        }
    }

    /**
     * The mapper's factory, its field names not interned: each name is still one String per distinct name (the
     * canonicalizing symbol table stays), and every reader of the pass compares names by {@code equals}, but a
     * name new to the JVM is not put through {@link String#intern} and Jackson's {@code InternCache} (which
     * GitHub's thousands of distinct property names overflow, and so clear, again and again). The parts are
     * still read with the mapper itself.
     */
    private static com.fasterxml.jackson.core.JsonFactory passFactory(ObjectMapper mapper) {
        return mapper.getFactory().rebuild().disable(com.fasterxml.jackson.core.JsonFactory.Feature.INTERN_FIELD_NAMES)
                .build();
    }

    /**
     * One pass over the tokens of a JSON file: each token is taken through {@link #next()}, which hands it to the
     * other readers, and the parts are kept as bytes, so nothing reads a token the others do not see.
     */
    private static final class Scanner {

        private final JsonParser parser;
        private final byte[] bytes;
        private final ObjectMapper mapper;
        private final Tokens tokens;
        /** By depth, the keys of the object open there; null when keys written twice are not looked for. */
        private Names[] names;
        private int depth;

        Scanner(JsonParser parser, byte[] bytes, ObjectMapper mapper, Tokens tokens, boolean duplicates) {
            this.parser = parser;
            this.bytes = bytes;
            this.mapper = mapper;
            this.tokens = tokens;
            this.names = duplicates ? new Names[16] : null;
        }

        JsonToken next() throws IOException {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return null;
            }
            if (names != null) {
                duplicates(token);
            }
            tokens.accept(parser, token);
            return token;
        }

        private void duplicates(JsonToken token) throws IOException {
            if (token == JsonToken.FIELD_NAME) {
                if (!names[depth].add(parser.currentName())) {
                    throw new com.fasterxml.jackson.core.JsonParseException(parser,
                            "Duplicate field '" + parser.currentName() + "'");
                }
            } else if (token.isStructStart()) {
                depth++;
                if (token == JsonToken.START_OBJECT) {
                    if (depth == names.length) {
                        names = java.util.Arrays.copyOf(names, depth * 2);
                    }
                    if (names[depth] == null) {
                        names[depth] = new Names();
                    }
                    names[depth].clear();
                }
            } else if (token.isStructEnd()) {
                depth--;
            }
        }

        /** Past the value the parser stands at: when a container, through its end. */
        void skip() throws IOException {
            if (!parser.currentToken().isStructStart()) {
                return;
            }
            int depth = 1;
            while (depth > 0) {
                JsonToken token = next();
                if (token == null) {
                    throw new java.io.EOFException("the text ends inside a value");
                }
                if (token.isStructStart()) {
                    depth++;
                } else if (token.isStructEnd()) {
                    depth--;
                }
            }
        }

        /** The outline; empty (the parser then stands anywhere inside the root object) when there is none. */
        Optional<OpenApiOutline> outline() throws IOException {
            OpenApiOutline outline = new OpenApiOutline();
            if (next() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (next() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonToken value = next();
                if (outline.order.contains(key)) {
                    return Optional.empty();
                }
                outline.order.add(key);
                if (key.equals("paths") && value == JsonToken.START_OBJECT) {
                    outline.hasPaths = true;
                    while (next() == JsonToken.FIELD_NAME) {
                        String path = parser.currentName();
                        if (outline.paths.containsKey(path)) {
                            return Optional.empty();
                        }
                        next();
                        outline.paths.put(path, item());
                    }
                } else if (key.equals("paths")) {
                    return Optional.empty();
                } else if (key.equals("components") && value == JsonToken.START_OBJECT) {
                    outline.hasComponents = true;
                    while (next() == JsonToken.FIELD_NAME) {
                        String kind = parser.currentName();
                        JsonToken start = next();
                        if (outline.components.containsKey(kind) || outline.componentFields.containsKey(kind)) {
                            return Optional.empty();
                        }
                        if (start == JsonToken.START_OBJECT && !kind.startsWith("x-")) {
                            Map<String, Supplier<JsonNode>> named = new LinkedHashMap<>();
                            while (next() == JsonToken.FIELD_NAME) {
                                String name = parser.currentName();
                                if (named.containsKey(name)) {
                                    return Optional.empty();
                                }
                                next();
                                named.put(name, part());
                            }
                            outline.components.put(kind, named);
                        } else {
                            outline.componentFields.put(kind, part());
                        }
                    }
                } else if (key.equals("webhooks")) {
                    skip(); // never read
                    outline.fields.put(key, () -> null);
                } else {
                    outline.fields.put(key, part());
                }
            }
            return Optional.of(outline);
        }

        private PathItem item() throws IOException {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                return new PathItem(Map.of(), false, "it is not an object", part());
            }
            long start = parser.currentTokenLocation().getByteOffset();
            Map<String, String> ids = new LinkedHashMap<>();
            boolean reference = false;
            String problem = null;
            java.util.Set<String> keys = new java.util.HashSet<>();
            while (next() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = next();
                if (!keys.add(field)) {
                    problem = "it has the field '" + field + "' twice";
                }
                reference |= field.equals("$ref");
                if (!METHODS.contains(field)) {
                    skip();
                } else if (value != JsonToken.START_OBJECT) {
                    problem = "operation " + field + " is not read as written";
                    skip();
                } else {
                    String id = null;
                    while (next() == JsonToken.FIELD_NAME) {
                        String name = parser.currentName();
                        JsonToken token = next();
                        if (name.equals("operationId")) {
                            if (token != JsonToken.VALUE_STRING || id != null) {
                                problem = "operation " + field + " is not read as written";
                            }
                            id = parser.getText();
                        }
                        skip();
                    }
                    ids.put(field, id);
                }
            }
            long end = parser.currentLocation().getByteOffset();
            return new PathItem(order(ids), reference, problem, slice(start, end));
        }

        /** The value the parser stands at: kept as bytes when a container, read now when a scalar. */
        private Supplier<JsonNode> part() throws IOException {
            if (!parser.currentToken().isStructStart()) {
                JsonNode node = mapper.readTree(parser); // the token itself: the parser does not move
                return () -> node;
            }
            long start = parser.currentTokenLocation().getByteOffset();
            skip();
            return slice(start, parser.currentLocation().getByteOffset());
        }

        private Supplier<JsonNode> slice(long start, long end) {
            byte[] text = bytes;
            ObjectMapper reader = mapper;
            return () -> {
                OpenApiReader.traced(trace -> trace.partBytes += end - start);
                try {
                    return reader.readTree(text, (int) start, (int) (end - start));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
        }
    }

    /**
     * The keys of one object, to find one written twice: an open-addressing table kept from object to object at
     * the same depth, so that nothing is allocated for an object no larger than one seen before.
     */
    private static final class Names {

        private String[] table = new String[16];
        private int[] used = new int[8];
        private int size;

        /** Adds {@code name}; false when the object has it already. */
        boolean add(String name) {
            if (size * 2 >= table.length) {
                grow();
            }
            int mask = table.length - 1;
            int slot = name.hashCode() & mask;
            while (table[slot] != null) {
                if (table[slot].equals(name)) {
                    return false;
                }
                slot = (slot + 1) & mask;
            }
            table[slot] = name;
            used[size++] = slot;
            return true;
        }

        void clear() {
            for (int i = 0; i < size; i++) {
                table[used[i]] = null;
            }
            size = 0;
        }

        private void grow() {
            String[] kept = new String[size];
            for (int i = 0; i < size; i++) {
                kept[i] = table[used[i]];
            }
            table = new String[table.length * 2];
            used = new int[table.length / 2];
            size = 0;
            for (String name : kept) {
                add(name);
            }
        }
    }

    /** The operationIds in the order swagger-parser lists operations. */
    private static Map<String, String> order(Map<String, String> ids) {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String method : METHODS) {
            if (ids.containsKey(method)) {
                ordered.put(method, ids.get(method));
            }
        }
        return ordered;
    }
}
