package dev.arazzo.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StepRequestTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final URI BASE = URI.create("http://127.0.0.1:8080/api/");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "plain-Value_1.~|plain-Value_1.~",
            "a b|a%20b",
            "../admin|..%2Fadmin",
            "..|%2E%2E",
            ".|%2E",
            "a/b?c#d|a%2Fb%3Fc%23d",
            "100%|100%25",
            "é€|%C3%A9%E2%82%AC",
            "a+b&c=d;e|a%2Bb%26c%3Dd%3Be"})
    void aPathValueIsEncodedAsOneSegment(String value, String encoded) {
        assertEquals(encoded, StepRequest.encodePathSegment(value));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "a b|a%20b",
            "x=1&y=2|x%3D1%26y%3D2",
            "..|..",
            "1.5|1.5",
            "~user|~user",
            "a+b|a%2Bb",
            "é|%C3%A9"})
    void aQueryComponentIsEncodedWithDotsKept(String value, String encoded) {
        assertEquals(encoded, StepRequest.encodeQuery(value));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "plain-Value_1.~", "a b", "../admin", "..", ".", "...", "a/b?c#d", "100%", "é€", "a+b&c=d;e", "''"})
    void aTextPathValueIsSentAsTheSameValueAsJsonTextWouldBe(String value) {
        StepRequest text = StepRequest.of(BASE, "GET", "/a/{id}/b").path("id", value);
        StepRequest node = StepRequest.of(BASE, "GET", "/a/{id}/b")
                .path("id", ParameterStyles.Style.SIMPLE, false, MAPPER.getNodeFactory().textNode(value));

        assertEquals(node.uri(), text.uri());
        assertEquals(node.uri().getRawPath(), text.uri().getRawPath());
        assertEquals("http://127.0.0.1:8080/api/a/" + StepRequest.encodePathSegment(value) + "/b",
                text.uri().toString());
        assertEquals(node.pathValues(), text.pathValues());
        assertEquals(Map.of("id", value), text.pathValues());
    }

    @Test
    void pathParametersAreFoundByTheirWholeNameAndASecondValueReplacesTheFirst() {
        StepRequest request = StepRequest.of(BASE, "GET", "/{id}/{idx}/{i}/{d}/{id}")
                .path("idx", "two")
                .path("id", "one")
                .path("i", "three")
                .path("d", "four")
                .path("idx", "2 b");

        assertEquals("http://127.0.0.1:8080/api/one/2%20b/three/four/one", request.uri().toString());
        assertEquals(List.of("idx", "id", "i", "d"), List.copyOf(request.pathValues().keySet()));
        assertEquals("2 b", request.pathValue("idx"));
        assertEquals("one", request.pathValue("id"));
        assertNull(request.pathValue("x"));
        assertEquals("step 's': path parameter 'ix' has no value", assertThrows(WorkflowException.class,
                () -> StepRequest.of("s", BASE, "GET", "/{i}/{ix}").path("i", "1").uri()).getMessage());
    }

    @Test
    void theTemplatesTextAroundAndBetweenNamesIsKeptAsItIs() {
        assertEquals("http://127.0.0.1:8080/api/v1.0/a-1:x%20y/tail.json",
                StepRequest.of(BASE, "GET", "/v1.0/{a}-{b}:{c}/tail.json").path("a", "a").path("b", "1")
                        .path("c", "x y").uri().toString());
        assertEquals("http://127.0.0.1:8080/api/1", StepRequest.of(BASE, "GET", "/{a}").path("a", "1").uri()
                .toString());
        assertEquals("http://127.0.0.1:8080/api/plain/path", StepRequest.of(BASE, "GET", "/plain/path").uri()
                .toString());
    }

    @Test
    void aBaseUriWithoutTrailingSlashIsJoinedTheSame() {
        assertEquals(URI.create("http://127.0.0.1:8080/api/pets/1?q=x"),
                StepRequest.of(URI.create("http://127.0.0.1:8080/api"), "GET", "/pets/{id}").path("id", "1")
                        .query("q", "x").uri());
        assertEquals(URI.create("http://127.0.0.1:8080/pets"),
                StepRequest.of(URI.create("http://127.0.0.1:8080/"), "GET", "/pets").uri());
    }

    @Test
    void theUriJoinsBasePathAndQueryInOrder() {
        StepRequest request = StepRequest.of(BASE, "GET", "/pets/{petId}/toys/{toy}")
                .path("petId", "../x")
                .path("toy", 7)
                .query("tag", List.of("a b", "c"))
                .query("absent", null)
                .query("limit", 10)
                .query("json", MAPPER.createArrayNode().add("x").add(2))
                .query("nullNode", MAPPER.nullNode());

        assertEquals(URI.create("http://127.0.0.1:8080/api/pets/..%2Fx/toys/7?tag=a%20b&tag=c&limit=10&json=x&json=2"),
                request.uri());
        assertEquals("a b", request.queryValue("tag"));
        assertEquals(Map.of("petId", "../x", "toy", "7"), request.pathValues());
    }

    @Test
    void aPathParameterWithoutValueIsRefused() {
        WorkflowException nullValue = assertThrows(WorkflowException.class,
                () -> StepRequest.of(BASE, "GET", "/pets/{petId}").path("petId", null));
        assertEquals("GET /pets/{petId}: path parameter 'petId' has no value", nullValue.getMessage());

        WorkflowException missing = assertThrows(WorkflowException.class,
                () -> StepRequest.of(BASE, "GET", "/pets/{petId}").uri());
        assertEquals("GET /pets/{petId}: path parameter 'petId' has no value", missing.getMessage());
    }

    @Test
    void headerAndCookieValuesCannotCarryLineBreaksOrSeparators() {
        StepRequest request = StepRequest.of(BASE, "GET", "/");

        assertEquals("header 'X-Trace' holds a line break; header values cannot", assertThrows(
                WorkflowException.class, () -> request.header("X-Trace", "a\r\nSet-Cookie: x=1")).getMessage());
        assertEquals("header 'X-Trace' holds a line break; header values cannot", assertThrows(
                WorkflowException.class, () -> request.header("X-Trace", "a\nb")).getMessage());
        assertEquals("cookie 'session' holds ';' or a line break; cookie values cannot", assertThrows(
                WorkflowException.class, () -> request.cookie("session", "a; admin=1")).getMessage());
        assertEquals(Map.of(), request.headers());
    }

    @Test
    void headerAndCookieValuesOutsideAsciiAreRefusedNotSentAsQuestionMarks() {
        StepRequest request = StepRequest.of(BASE, "GET", "/");

        assertEquals("header 'X-Name' holds U+00E9 at index 3; HTTP header values are ASCII, so encode the value"
                + " first (for example percent-encoded or Base64)",
                assertThrows(WorkflowException.class, () -> request.header("X-Name", "Ren\u00e9")).getMessage());
        assertEquals("header 'X-Emoji' holds U+1F600 at index 0; HTTP header values are ASCII, so encode the value"
                + " first (for example percent-encoded or Base64)",
                assertThrows(WorkflowException.class, () -> request.header("X-Emoji", "\ud83d\ude00")).getMessage());
        assertEquals("header 'X-Nul' holds U+0000 at index 1; HTTP header values are ASCII, so encode the value"
                + " first (for example percent-encoded or Base64)",
                assertThrows(WorkflowException.class, () -> request.header("X-Nul", "a\u0000")).getMessage());
        assertEquals("cookie 'c' holds U+00FC at index 0; HTTP cookie values are ASCII, so encode the value"
                + " first (for example percent-encoded or Base64)",
                assertThrows(WorkflowException.class, () -> request.cookie("c", "\u00fc")).getMessage());
        request.header("X-Tab", "a\tb ~!");
        assertEquals(Map.of("X-Tab", "a\tb ~!"), request.headers());
    }

    @Test
    void theHttpRequestCarriesHeadersCookiesContentTypeAndADefaultAccept() {
        HttpRequest request = StepRequest.of(BASE, "PUT", "/things")
                .header("X-Trace", "t-1")
                .header("X-None", null)
                .cookie("a", "1")
                .cookie("b", "two")
                .jsonBody("application/json", MAPPER.createObjectNode().put("name", "Widget"))
                .toHttpRequest(Duration.ofSeconds(3));

        assertEquals("PUT", request.method());
        assertEquals(Duration.ofSeconds(3), request.timeout().orElseThrow());
        assertEquals(List.of("application/json"), request.headers().allValues("Content-Type"));
        assertEquals(List.of("application/json"), request.headers().allValues("Accept"));
        assertEquals(List.of("t-1"), request.headers().allValues("X-Trace"));
        assertEquals(List.of("a=1; b=two"), request.headers().allValues("Cookie"));
        assertFalse(request.headers().firstValue("X-None").isPresent());
        assertEquals("{\"name\":\"Widget\"}".length(), request.bodyPublisher().orElseThrow().contentLength());
    }

    @Test
    void anAcceptGivenByTheStepReplacesTheDefault() {
        HttpRequest request = StepRequest.of(BASE, "GET", "/").header("Accept", "application/xml")
                .toHttpRequest(Duration.ofSeconds(1));

        assertEquals(List.of("application/xml"), request.headers().allValues("Accept"));
    }

    @Test
    void bodiesAreWrittenAsJsonFormOrText() throws Exception {
        StepRequest json = StepRequest.of(BASE, "POST", "/").jsonBody("application/json",
                MAPPER.readTree("{\"a\":[1,\"x\"],\"b\":null}"));
        assertArrayEquals("{\"a\":[1,\"x\"],\"b\":null}".getBytes(StandardCharsets.UTF_8), json.body());
        assertEquals(MAPPER.readTree("{\"a\":[1,\"x\"],\"b\":null}"), json.jsonBody());

        StepRequest form = StepRequest.of(BASE, "POST", "/").formBody(MAPPER.readTree(
                "{\"grant type\":\"a&b\",\"n\":2,\"s\":\"é\"}"));
        assertEquals("grant%20type=a%26b&n=2&s=%C3%A9", new String(form.body(), StandardCharsets.UTF_8));
        assertEquals(List.of("application/x-www-form-urlencoded"),
                form.toHttpRequest(Duration.ofSeconds(1)).headers().allValues("Content-Type"));

        StepRequest text = StepRequest.of(BASE, "POST", "/").textBody("text/plain", "héllo");
        assertArrayEquals("héllo".getBytes(StandardCharsets.UTF_8), text.body());
        assertEquals(MAPPER.getNodeFactory().textNode("héllo"), text.jsonBody());
    }

    @Test
    void textValueBinaryFormAndMultipartBodiesCarryTheirMediaType() throws Exception {
        StepRequest latin = StepRequest.of(BASE, "POST", "/").textBody("text/plain; charset=ISO-8859-1", "é");
        assertArrayEquals(new byte[] {(byte) 0xE9}, latin.body());

        StepRequest number = StepRequest.of(BASE, "POST", "/").valueBody("text/plain", 614.0);
        assertArrayEquals("614".getBytes(StandardCharsets.UTF_8), number.body());
        WorkflowException object = assertThrows(WorkflowException.class, () -> StepRequest.of("put", BASE, "POST",
                "/").valueBody("application/xml", MAPPER.readTree("{\"a\":1}")));
        assertEquals("step 'put': the request body is an object, which 'application/xml' cannot carry; give the "
                + "payload as text", object.getMessage());

        StepRequest binary = StepRequest.of(BASE, "POST", "/").binaryBody("image/png", new byte[] {0, 1, (byte) 255});
        assertArrayEquals(new byte[] {0, 1, (byte) 255}, binary.body());
        assertEquals(List.of("image/png"), binary.toHttpRequest(Duration.ofSeconds(1)).headers()
                .allValues("Content-Type"));
        assertThrows(WorkflowException.class, () -> StepRequest.of(BASE, "POST", "/").binaryBody("image/png", null));

        StepRequest form = StepRequest.of(BASE, "POST", "/").formBody("application/x-www-form-urlencoded",
                MAPPER.readTree("{\"t\":[\"a\",\"b\"]}"),
                FormBody.field("t", ParameterStyles.Style.FORM, false, false, null));
        assertEquals("t=a,b", new String(form.body(), StandardCharsets.UTF_8));
        assertThrows(WorkflowException.class, () -> StepRequest.of(BASE, "POST", "/").formBody(
                "application/x-www-form-urlencoded", MAPPER.readTree("{\"t\":[[1]]}")));

        StepRequest multipart = StepRequest.of(BASE, "POST", "/").multipartBody("multipart/form-data",
                MultipartBody.part("a", null, null, "x"));
        String contentType = multipart.toHttpRequest(Duration.ofSeconds(1)).headers().firstValue("Content-Type")
                .orElseThrow();
        assertTrue(contentType.matches("multipart/form-data; boundary=arazzo-[0-9a-f]{32}"), contentType);
        String boundary = contentType.substring(contentType.indexOf('=') + 1);
        assertEquals("--" + boundary + "\r\nContent-Disposition: form-data; name=\"a\"\r\nContent-Type: text/plain"
                + "\r\n\r\nx\r\n--" + boundary + "--\r\n", new String(multipart.body(), StandardCharsets.UTF_8));
    }

    @Test
    void theBodyGivenToInterceptorsIsACopy() {
        StepRequest request = StepRequest.of(BASE, "POST", "/").textBody("text/plain", "abc");
        request.body()[0] = 'X';

        assertArrayEquals("abc".getBytes(StandardCharsets.UTF_8), request.body());
    }

    @Test
    void maskedUrisHideUserInformationAndSecretLookingQueryValues() {
        assertEquals("https://***@api.example.com/x?api_key=***&page=2&access_token=***&X-Amz-Signature=***&q",
                StepRequest.masked(URI.create(
                        "https://user:pw@api.example.com/x?api_key=k1&page=2&access_token=t&X-Amz-Signature=s&q")));
        assertEquals("http://h/p", StepRequest.masked(URI.create("http://h/p")));
    }
}
