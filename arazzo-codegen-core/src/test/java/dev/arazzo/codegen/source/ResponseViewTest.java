package dev.arazzo.codegen.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.arazzo.codegen.source.ResponseView.BodyKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a response body holds, by its media types: the rows of the README's Responses table. */
class ResponseViewTest {

    /** A schema view of {@code type} and {@code format}, nothing else. */
    private record Scalar(String type, String format) implements SchemaView {
        @Override
        public SchemaView resolved() {
            return this;
        }

        @Override
        public String ref() {
            return null;
        }

        @Override
        public String lastRef() {
            return null;
        }

        @Override
        public String description() {
            return null;
        }

        @Override
        public Map<String, SchemaView> properties() {
            return null;
        }

        @Override
        public List<String> required() {
            return List.of();
        }

        @Override
        public SchemaView items() {
            return null;
        }

        @Override
        public SchemaView additionalProperties() {
            return null;
        }

        @Override
        public List<SchemaView> allOf() {
            return null;
        }

        @Override
        public boolean combines() {
            return false;
        }
    }

    @ParameterizedTest(name = "{0} ({1}) -> {2}")
    @CsvSource(delimiter = '|', value = {
            "application/json                  |        | JSON",
            "application/problem+json          |        | JSON",
            "application/json; charset=utf-8   |        | JSON",
            "*/*                               |        | JSON",
            "text/plain                        |        | TEXT",
            "text/csv                          |        | TEXT",
            "application/xml                   |        | TEXT",
            "application/atom+xml              |        | TEXT",
            "application/yaml                  |        | TEXT",
            "application/javascript            |        | TEXT",
            "application/x-www-form-urlencoded |        | TEXT",
            "application/octet-stream          |        | BINARY",
            "image/png                         |        | BINARY",
            "application/pdf                   |        | BINARY",
            "text/csv                          | binary | BINARY",
            "*/*                               | binary | BINARY",
            "application/json                  | binary | JSON",
    })
    void mediaTypes(String mediaType, String format, BodyKind kind) {
        assertEquals(kind, ResponseView.kindOf(mediaType, format == null ? null : new Scalar("string", format)));
    }

    @Test
    void aResponseIsJsonWhenOneTypeIsJsonTextWhenAllAreTextElseBytes() {
        assertNull(new ResponseView("204", false, null).bodyKind());
        assertEquals(BodyKind.JSON, response("text/plain", "application/json").bodyKind());
        assertEquals(BodyKind.TEXT, response("text/plain", "application/xml").bodyKind());
        assertEquals(BodyKind.BINARY, response("text/plain", "image/png").bodyKind());
        assertEquals(List.of("text/plain", "image/png"), response("text/plain", "image/png").mediaTypes());
    }

    private static ResponseView response(String... mediaTypes) {
        Map<String, SchemaView> content = new LinkedHashMap<>();
        for (String type : mediaTypes) {
            content.put(type, null);
        }
        return new ResponseView("200", false, null, content);
    }
}
