package dev.arazzo.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** {@code StepRequest.querystring}: the whole query string of an Arazzo 1.1 {@code in: querystring} parameter. */
class QuerystringTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static StepRequest request() {
        return StepRequest.of(URI.create("http://127.0.0.1:1"), "GET", "/search");
    }

    private static String query(StepRequest request) {
        return request.uri().getRawQuery();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "filter=active&sort=desc&limit=50|filter=active&sort=desc&limit=50",
        "q=a b&tag=é|q=a%20b&tag=%C3%A9",
        "q=100%25&x=%2F|q=100%25&x=%2F",
        "q=50%|q=50%25",
        "a=1#frag|a=1%23frag",
        "path=/a/b?c:d@e|path=/a/b?c:d@e"})
    void aTextIsTheQueryStringAsWrittenOnlyWhatAUriCannotHoldEncoded(String text, String sent) {
        assertEquals(sent, query(request().querystring("application/x-www-form-urlencoded", text)));
        assertEquals(sent, query(request().querystring(null, text)));
    }

    @Test
    void anObjectIsFormEncodedMemberByMemberNullsLeftOut() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("category", "tools & toys");
        fields.put("minPrice", 10);
        fields.put("none", null);
        fields.put("inStock", true);

        StepRequest request = request().querystring("application/x-www-form-urlencoded", fields);

        assertEquals("category=tools%20%26%20toys&minPrice=10&inStock=true", query(request));
        assertEquals("tools & toys", request.queryValue("category"));
        assertEquals("10", request.queryValue("minPrice"));
    }

    @Test
    void jsonIsSerializedAndPercentEncodedWhole() throws Exception {
        assertEquals("%7B%22filter%22%3A%22active%22%2C%22limit%22%3A50%7D", query(request().querystring(
                "application/json", MAPPER.readTree("{\"filter\":\"active\",\"limit\":50}"))));
        assertEquals("%7B%22filter%22%3A%22active%22%7D", query(request().querystring("application/json",
                "{\"filter\":\"active\"}")));
    }

    @Test
    void nullSendsNoQueryAndOtherQueryParametersFollowIt() {
        assertEquals(null, query(request().querystring(null, null)));
        assertEquals("a=1&b=2", query(request().querystring(null, "a=1").query("b", 2)));
    }

    @Test
    void anArrayForAFormOrAnUnknownMediaTypeFailsTheStep() {
        WorkflowException array = assertThrows(WorkflowException.class,
                () -> request().querystring(null, List.of("a", "b")));
        assertEquals("GET /search: the querystring value is neither text nor an object; give the whole query "
                + "string as text, or an object whose members are its name=value pairs", array.getMessage());
        assertThrows(WorkflowException.class, () -> request().querystring("application/xml", "<a/>"));
    }
}
