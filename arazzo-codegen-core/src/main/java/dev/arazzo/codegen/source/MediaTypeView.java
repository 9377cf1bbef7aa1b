package dev.arazzo.codegen.source;

import java.util.Map;

/**
 * A media type an operation's request body declares: its name as written (a type or a range such as
 * {@code text/*}), its schema and the encodings of its properties (form and multipart bodies).
 *
 * @param name the media type as the description writes it
 * @param schema its schema, or null
 * @param encoding the Encoding Objects by property name, in document order
 */
public record MediaTypeView(String name, SchemaView schema, Map<String, EncodingView> encoding) {

    public MediaTypeView {
        encoding = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(encoding));
    }

    /** How a body of this type is written. */
    public MediaKind kind() {
        return MediaKind.of(name);
    }
}
