package dev.arazzo.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultipartBodyTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void eachMemberIsAPartWithItsDispositionTypeAndBytes() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, '\r', '\n'};
        byte[] body = MultipartBody.encode("B", List.of(
                MultipartBody.part("name", "text/plain", null, "Rex"),
                MultipartBody.part("age", null, null, 7.0),
                MultipartBody.part("meta", null, null, MAPPER.readTree("{\"a\":1}")),
                MultipartBody.part("photo", "image/png", "photo", png),
                MultipartBody.part("tags", null, null, List.of("a", "b")),
                MultipartBody.part("absent", null, null, null),
                MultipartBody.part("say \"hi\"", "text/plain; charset=ISO-8859-1", null, "é")));

        byte[] expected = concat(("--B\r\nContent-Disposition: form-data; name=\"name\"\r\n"
                + "Content-Type: text/plain\r\n\r\nRex\r\n"
                + "--B\r\nContent-Disposition: form-data; name=\"age\"\r\nContent-Type: text/plain\r\n\r\n7\r\n"
                + "--B\r\nContent-Disposition: form-data; name=\"meta\"\r\nContent-Type: application/json\r\n\r\n"
                + "{\"a\":1}\r\n"
                + "--B\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"photo\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8), png,
                ("\r\n--B\r\nContent-Disposition: form-data; name=\"tags\"\r\nContent-Type: text/plain\r\n\r\na\r\n"
                + "--B\r\nContent-Disposition: form-data; name=\"tags\"\r\nContent-Type: text/plain\r\n\r\nb\r\n"
                + "--B\r\nContent-Disposition: form-data; name=\"say %22hi%22\"\r\n"
                + "Content-Type: text/plain; charset=ISO-8859-1\r\n\r\n").getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xE9}, "\r\n--B--\r\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(new String(expected, StandardCharsets.ISO_8859_1), new String(body, StandardCharsets.ISO_8859_1));
    }

    @Test
    void bytesWithoutATypeAreOctetStreamAndTheBoundaryIsRandom() {
        String body = new String(MultipartBody.encode("B", List.of(MultipartBody.part("f", null, "f", new byte[] {1}))),
                StandardCharsets.ISO_8859_1);
        assertTrue(body.contains("Content-Type: application/octet-stream\r\n\r\n\u0001\r\n"), body);
        String boundary = MultipartBody.boundary();
        assertTrue(boundary.matches("arazzo-[0-9a-f]{32}"), boundary);
        assertNotEquals(boundary, MultipartBody.boundary());
    }

    @Test
    void aPartHoldingTheBoundaryIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> MultipartBody.encode("B", List.of(MultipartBody.part("t", "text/plain", null, "x--By"))));
    }

    private static byte[] concat(byte[]... arrays) {
        int length = 0;
        for (byte[] array : arrays) {
            length += array.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] array : arrays) {
            System.arraycopy(array, 0, all, at, array.length);
            at += array.length;
        }
        return all;
    }
}
