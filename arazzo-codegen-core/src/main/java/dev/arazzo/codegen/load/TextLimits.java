package dev.arazzo.codegen.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arazzo.codegen.diagnostic.Diagnostic;
import dev.arazzo.codegen.diagnostic.SourceLocation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Text that generated Java cannot carry as written: a name (a key, an id, a source url, a media type) that would
 * become a string constant longer than the class-file limit (65,535 bytes of UTF-8). Names are written where Java
 * needs a constant (case labels, constants); every other text is split by the emitter into constants that fit,
 * and every character of it, line and paragraph separators included, is written as an escape where needed.
 */
final class TextLimits {

    /** The most UTF-8 bytes a Java string constant holds. */
    static final int MAX_CONSTANT_BYTES = 65_535;

    private static final Set<String> COMMENT_ONLY = Set.of("description", "summary", "title");

    /** The fields whose values are names: written as single constants. */
    private static final Set<String> NAMES = Set.of("stepId", "workflowId", "operationId", "operationPath",
            "channelPath", "contentType", "url", "type", "in");

    private TextLimits() {
    }

    static List<Diagnostic> check(SourceDocument source) {
        List<Diagnostic> found = new ArrayList<>();
        Deque<Map.Entry<String, JsonNode>> pending = new ArrayDeque<>();
        pending.push(Map.entry("", source.root()));
        while (!pending.isEmpty()) {
            Map.Entry<String, JsonNode> next = pending.pop();
            String pointer = next.getKey();
            JsonNode node = next.getValue();
            if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    String child = pointer + "/" + SourceDocument.escape(field.getKey());
                    textual(field.getKey(), child, source, found);
                    if (NAMES.contains(field.getKey()) && field.getValue().isTextual()) {
                        textual(field.getValue().asText(), child, source, found);
                    }
                    if (!(COMMENT_ONLY.contains(field.getKey()) && field.getValue().isTextual())) {
                        pending.push(Map.entry(child, field.getValue()));
                    }
                }
            } else if (node.isArray()) {
                for (int i = node.size() - 1; i >= 0; i--) {
                    pending.push(Map.entry(pointer + "/" + i, node.get(i)));
                }
            }
        }
        return found;
    }

    private static void textual(String text, String pointer, SourceDocument source, List<Diagnostic> found) {
        SourceLocation at = source.locate(pointer);
        if (text.length() > MAX_CONSTANT_BYTES / 3 && text.getBytes(StandardCharsets.UTF_8).length > MAX_CONSTANT_BYTES) {
            found.add(Diagnostic.error("text-too-long", at, "this text is " + text.getBytes(StandardCharsets.UTF_8).length
                    + " bytes long in UTF-8, more than a Java string constant holds (" + MAX_CONSTANT_BYTES
                    + "); shorten it"));
        }
    }
}
