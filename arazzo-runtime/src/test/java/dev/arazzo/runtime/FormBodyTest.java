package dev.arazzo.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FormBodyTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"a\":1,\"b\":\"x y\"}|a=1&b=x%20y",
            "{\"n\":614.0,\"ok\":true}|n=614&ok=true",
            "{\"tags\":[\"x\",\"y\"]}|tags=x&tags=y",
            "{\"color\":{\"R\":100,\"G\":200}}|R=100&G=200",
            "{\"a\":null,\"b\":\"&=+/\"}|b=%26%3D%2B%2F",
            "{\"é\":\"€\"}|%C3%A9=%E2%82%AC",
            "{}|''"})
    void membersWithoutEncodingAreFormFieldsWithExplode(String fields, String form) throws Exception {
        assertEquals(form, FormBody.encode(json(fields), List.of()));
    }

    @Test
    void anEncodingGivesAMemberItsStyleExplodeAllowReservedOrContentType() throws Exception {
        JsonNode fields = json("{\"tags\":[\"x\",\"y\"],\"pipes\":[\"a\",\"b\"],\"deep\":{\"k\":1},"
                + "\"doc\":{\"k\":[1,2]},\"path\":\"a/b?c\",\"note\":\"hi there\"}");
        List<FormBody.Field> encodings = List.of(
                FormBody.field("tags", ParameterStyles.Style.FORM, false, false, null),
                FormBody.field("pipes", ParameterStyles.Style.PIPE_DELIMITED, false, false, null),
                FormBody.field("deep", ParameterStyles.Style.DEEP_OBJECT, true, false, null),
                FormBody.field("doc", ParameterStyles.Style.FORM, true, false, "application/json"),
                FormBody.field("path", ParameterStyles.Style.FORM, true, true, null),
                FormBody.field("note", ParameterStyles.Style.FORM, true, false, "text/plain"));

        assertEquals("tags=x,y&pipes=a%7Cb&deep%5Bk%5D=1&doc=%7B%22k%22%3A%5B1%2C2%5D%7D&path=a/b?c"
                + "&note=hi%20there", FormBody.encode(fields, encodings));
    }

    @Test
    void nestedValuesWithoutAContentTypeAndNonObjectsAreRefused() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> FormBody.encode(json("{\"a\":{\"b\":[1]}}"), List.of()));
        IllegalArgumentException array = assertThrows(IllegalArgumentException.class,
                () -> FormBody.encode(json("[1]"), List.of()));
        assertEquals("a form body must be an object, one member per field; got array", array.getMessage());
    }
}
