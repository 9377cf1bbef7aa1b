package dev.arazzo.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a step reads its response: typed values at a pointer, text, bytes, and the Content-Type it expects. */
class HttpExchangeReadingTest {

    private static final URI BASE = URI.create("http://127.0.0.1:1");

    private static HttpExchange exchange(String contentType, byte[] body) {
        HttpHeaders headers = HttpHeaders.of(contentType == null ? Map.of()
                : Map.of("Content-Type", List.of(contentType)), (name, value) -> true);
        return new HttpExchange("pet", StepRequest.of("pet", BASE, "GET", "/pet"), BASE, 200, headers, body, -1);
    }

    private static HttpExchange exchange(String contentType, String body) {
        return exchange(contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readNamesTheStepThePointerTheTypeAndWhatCame() {
        HttpExchange json = exchange("application/json", "{\"age\":\"old\",\"ids\":[1,\"two\"],\"n\":3}");
        assertEquals(3, json.read("/n", Values::integer));
        assertNull(json.read("/missing", Values::integer));
        assertEquals("step 'pet' reads $response.body#/age: expected a 32-bit integer (as the response schema says) "
                + "but found \"old\"",
                assertThrows(WorkflowException.class, () -> json.read("/age", Values::integer)).getMessage());
        assertEquals("step 'pet' reads $response.body#/ids/1: expected a 64-bit integer (as the response schema "
                + "says) but found \"two\"", assertThrows(WorkflowException.class,
                        () -> json.read("/ids", Values.listOf(Values::int64))).getMessage());
        assertEquals("step 'pet' reads $response.body: expected an array (as the response schema says) but found "
                + "{\"age\":\"old\",\"ids\":[1,\"two\"],\"n\":3}", assertThrows(WorkflowException.class,
                        () -> json.read("", Values.listOf(Values::string))).getMessage());
    }

    @Test
    void aPointerReadTwiceOrOnOtherBodiesFindsWhatItNames() {
        HttpExchange first = exchange("application/json", "{\"a\":{\"b/c\":[10,{\"d~e\":\"x\"}]}}");
        HttpExchange second = exchange("application/json", "{\"a\":{\"b/c\":[20]}}");
        for (int i = 0; i < 2; i++) {
            assertEquals(10, first.body("/a/b~1c/0").intValue());
            assertEquals("x", first.body("/a/b~1c/1/d~0e").asText());
            assertEquals(20, second.body("/a/b~1c/0").intValue());
            assertEquals(true, second.body("/a/b~1c/1").isMissingNode());
            assertEquals(first.body(), first.body(""));
        }
        assertThrows(IllegalArgumentException.class, () -> first.body("a"), "not a JSON Pointer: as JsonNode.at");
    }

    @Test
    void aTypedReadOfABodyThatIsNotJsonFailsNamingItsContentType() {
        HttpExchange html = exchange("text/html", "<html>12</html>");
        assertEquals("step 'pet' reads $response.body but the response body is not JSON (Content-Type: text/html); "
                + "it starts: <html>12</html>", assertThrows(WorkflowException.class,
                        () -> html.read("", Values::integer)).getMessage());
        assertNull(exchange("application/json", new byte[0]).read("", Values::integer), "an empty body: null");
    }

    @Test
    void mapsNameTheKeyThatDidNotRead() {
        HttpExchange json = exchange("application/json", "{\"totals\":{\"a/b\":1,\"c~d\":true}}");
        assertEquals("step 'pet' reads $response.body#/totals/c~0d: expected a number (as the response schema says) "
                + "but found true", assertThrows(WorkflowException.class,
                        () -> json.read("/totals", Values.mapOf(Values::number))).getMessage());
    }

    @Test
    void tolerantReadsGiveNullForAValueOfAnotherType() {
        assertNull(Values.tolerant(Values.json("old"), Values::integer));
        assertEquals(List.of(1, 2), Values.tolerant(Values.json(List.of(1, 2)), Values.listOf(Values::integer)));
        assertNull(Values.tolerant(Values.json(List.of(1, "x")), Values.listOf(Values::integer)));
    }

    @Test
    void bytesAreWrittenAsJsonInBase64() {
        assertEquals("\"AQL/\"", Values.json(new byte[] {1, 2, (byte) 0xff}).toString());
    }

    @Test
    void textIsDecodedWithTheCharsetOfTheContentType() {
        byte[] latin1 = "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("caf\u00e9", exchange("text/plain; charset=ISO-8859-1", latin1).text("text/plain"));
        assertEquals("caf\u00e9", exchange("text/plain", "caf\u00e9").text("text/plain"));
        assertEquals("<a/>", exchange("application/problem+xml", "<a/>").text("application/xml"));
        assertEquals("x", exchange(null, "x").text("text/plain"), "no Content-Type: read as declared");
        assertEquals("", exchange("text/plain", new byte[0]).text("text/plain"));
    }

    @Test
    void bytesAreTheBodyAsReceived() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff};
        HttpExchange image = exchange("image/png", png);
        assertArrayEquals(png, image.bytes("image/png"));
        image.bytes("image/png")[0] = 0;
        assertArrayEquals(png, image.bytes("image/png"), "each call gets a copy");
        assertArrayEquals("a,b".getBytes(StandardCharsets.UTF_8),
                exchange("text/csv", "a,b").bytes("text/csv"), "a declared text type may carry format: binary");
        assertArrayEquals(png, exchange("image/jpeg", png).bytes("image/*"));
    }

    @ParameterizedTest(name = "{0} read from {1}")
    @CsvSource(delimiter = '|', value = {
            "text   | application/json         | text/plain",
            "text   | image/png                | text/plain",
            "binary | application/json         | application/octet-stream",
            "binary | text/html; charset=utf-8 | image/png",
    })
    void aContentTypeThatContradictsWhatTheStepReadsFailsTheStep(String kind, String received, String declared) {
        HttpExchange exchange = exchange(received, "{\"message\":\"no\"}");
        WorkflowException wrong = assertThrows(WorkflowException.class,
                () -> Object.class.cast(kind.equals("text") ? exchange.text(declared) : exchange.bytes(declared)));
        assertEquals("step 'pet' reads $response.body as " + kind + " (" + declared + ", as the OpenAPI describes "
                + "the response) but the response's Content-Type is " + received + "; it starts: {\"message\":\"no\"}",
                wrong.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
            "application/json, json", "application/problem+json, json", "text/plain, text", "text/csv, text",
            "application/xml, text", "application/atom+xml, text", "application/yaml, text",
            "application/octet-stream, binary", "image/png, binary", "application/pdf, binary",
    })
    void mediaKinds(String type, String kind) {
        assertEquals(kind, HttpExchange.mediaKind(type));
    }

    @Test
    void aBodyCutAtMaxResponseBytesIsNotReadAsTextOrBytes() {
        HttpHeaders headers = HttpHeaders.of(Map.of("Content-Type", List.of("text/plain")), (n, v) -> true);
        HttpExchange cut = new HttpExchange("pet", StepRequest.of("pet", BASE, "GET", "/pet"), BASE, 200, headers,
                new byte[] {'a'}, 1);
        assertThrows(WorkflowException.class, () -> cut.text("text/plain"));
        assertThrows(WorkflowException.class, () -> cut.bytes("text/plain"));
    }
}
