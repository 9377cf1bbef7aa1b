package com.example.connect;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

class SigV4RequestInterceptorTest {

    // AWS's published example credentials and the date of its SigV4 test suite.
    static final String ACCESS_KEY_ID = "AKIDEXAMPLE";
    static final String SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2015-08-30T12:36:00Z"), ZoneOffset.UTC);

    private static final AwsCredentialsIdentity CREDENTIALS =
            AwsCredentialsIdentity.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY);

    private static final byte[] BODY =
            "{\"InstanceId\":\"inst-1\",\"ContactFlowId\":\"flow-1\"}".getBytes(UTF_8);

    @Test
    void theAuthorizationHeaderNamesTheCredentialScopeTheSignedHeadersAndA64HexSignature() {
        HttpRequest signed = new SigV4RequestInterceptor(CREDENTIALS, "eu-west-2", CLOCK)
                .intercept(startChat(URI.create("https://connect.eu-west-2.amazonaws.com/contact/chat")), BODY);

        String authorization = signed.headers().firstValue("Authorization").orElseThrow();
        assertTrue(authorization.matches("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/eu-west-2/connect/aws4_request, "
                + "SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}"), SigV4.redact(authorization));
        assertEquals(List.of("20150830T123600Z"), signed.headers().allValues("X-Amz-Date"));
        SigV4.Authorization parsed = SigV4.Authorization.parse(authorization);
        assertEquals(List.of("accept", "content-type", "host", "x-amz-content-sha256", "x-amz-date"),
                parsed.signedHeaders());
        assertEquals(List.of(SigV4.hex(SigV4.sha256(BODY))), signed.headers().allValues("x-amz-content-sha256"),
                "the payload hash");
        assertFalse(signed.headers().firstValue("X-Amz-Security-Token").isPresent());
    }

    @Test
    void theSignedRequestIsTheOriginalWithTheSigningHeadersAdded() {
        HttpRequest request = startChat(URI.create("https://connect.us-east-1.amazonaws.com/contact/chat"));

        HttpRequest signed = new SigV4RequestInterceptor(CREDENTIALS, "us-east-1", CLOCK).intercept(request, BODY);

        assertEquals(request.method(), signed.method());
        assertEquals(request.uri(), signed.uri());
        assertEquals(request.timeout(), signed.timeout());
        assertEquals(request.bodyPublisher().orElseThrow().contentLength(),
                signed.bodyPublisher().orElseThrow().contentLength());
        request.headers().map().forEach((name, values) -> assertEquals(values, signed.headers().allValues(name), name));
        assertFalse(signed.headers().firstValue("Host").isPresent(), "java.net.http sends Host itself");
        // What the signer adds, and nothing else.
        assertEquals(Set.of("authorization", "x-amz-date", "x-amz-content-sha256"),
                signed.headers().map().keySet().stream()
                        .filter(name -> request.headers().firstValue(name).isEmpty())
                        .map(name -> name.toLowerCase(Locale.ROOT))
                        .collect(Collectors.toSet()));
    }

    @Test
    void temporaryCredentialsAddAndSignTheSecurityToken() {
        AwsSessionCredentialsIdentity session =
                AwsSessionCredentialsIdentity.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY, "session-token-value");
        URI uri = URI.create("https://connect.us-east-1.amazonaws.com/contact/chat");

        HttpRequest signed = new SigV4RequestInterceptor(session, "us-east-1", CLOCK).intercept(startChat(uri), BODY);

        assertEquals(List.of("session-token-value"), signed.headers().allValues("X-Amz-Security-Token"));
        SigV4.Authorization authorization = SigV4.verify(received(signed, BODY), ACCESS_KEY_ID, SECRET_ACCESS_KEY);
        assertTrue(authorization.signedHeaders().contains("x-amz-security-token"),
                authorization.signedHeaders().toString());
    }

    /** The hand-written algorithm of the tests reproduces AWS's published signature of its get-vanilla example. */
    @Test
    void theTestsOwnSigV4ReproducesAwsPublishedGetVanillaSignature() {
        SigV4.Request getVanilla = new SigV4.Request("GET", "/", "",
                Map.of("Host", List.of("example.amazonaws.com"), "X-Amz-Date", List.of("20150830T123600Z")),
                new byte[0]);

        String canonical = SigV4.canonicalRequest(getVanilla, List.of("host", "x-amz-date"));

        assertEquals("GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n"
                + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", canonical);
        assertEquals("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
                SigV4.signature(SECRET_ACCESS_KEY, "20150830T123600Z", "us-east-1", "service", canonical));
    }

    /**
     * AWS's published "GET Object" example of signing with headers (from the S3 API reference): its
     * credentials, clock and request give exactly its published signature. That example signs
     * x-amz-content-sha256 as this signer does, and its path needs no encoding, so S3's single path
     * encoding and every other service's double one agree on it.
     */
    @Test
    void theInterceptorReproducesAwsPublishedSignatureOfTheGetObjectExample() {
        AwsCredentialsIdentity example =
                AwsCredentialsIdentity.create("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        Clock clock = Clock.fixed(Instant.parse("2013-05-24T00:00:00Z"), ZoneOffset.UTC);
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://examplebucket.s3.amazonaws.com/test.txt"))
                .GET()
                .header("Range", "bytes=0-9")
                .build();

        HttpRequest signed = new SigV4RequestInterceptor(example, "us-east-1", "s3", clock).intercept(request, new byte[0]);

        SigV4.Authorization authorization =
                SigV4.Authorization.parse(signed.headers().firstValue("Authorization").orElseThrow());
        assertEquals("AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request",
                authorization.accessKeyId() + "/" + authorization.scope());
        assertEquals(List.of("host", "range", "x-amz-content-sha256", "x-amz-date"), authorization.signedHeaders());
        assertEquals(List.of("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
                signed.headers().allValues("x-amz-content-sha256"));
        assertEquals("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41", authorization.signature());
        SigV4.verify(received(signed, new byte[0]), "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    }

    /** For a fixed clock the signature is the one the hand-written algorithm computes, over body, path and query. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "PUT | https://connect.us-east-1.amazonaws.com/contact/chat | | {\"InstanceId\":\"inst-1\"}",
        "GET | https://connect.us-east-1.amazonaws.com/contacts/inst-1/c%20d%2Fe | |",
        "POST | https://connect.ap-southeast-2.amazonaws.com/contact/attributes/inst-1/abc | | {\"Attributes\":{\"k\":\"v ü\"}}",
        "GET | https://connect.us-east-1.amazonaws.com/contacts/inst-1 | b=2&a=%2F&a=1&c= |",
        "GET | http://127.0.0.1:8123/contacts/x | |",
    })
    void theSignatureIsTheOneTheSpecificationComputes(String method, String uri, String query, String body) {
        URI target = URI.create(query == null ? uri : uri + "?" + query);
        byte[] bytes = body == null ? new byte[0] : body.getBytes(UTF_8);
        HttpRequest.Builder builder = HttpRequest.newBuilder(target)
                .method(method, bytes.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(bytes))
                .header("Accept", "application/json");
        if (bytes.length > 0) {
            builder.header("Content-Type", "application/json");
        }
        String region = SigV4RequestInterceptor.regionOf(target).orElse("us-east-1");

        HttpRequest signed = new SigV4RequestInterceptor(CREDENTIALS, region, CLOCK).intercept(builder.build(), bytes);

        SigV4.Authorization authorization = SigV4.verify(received(signed, bytes), ACCESS_KEY_ID, SECRET_ACCESS_KEY);
        assertEquals(region, authorization.region());
        assertEquals("connect", authorization.service());
        assertTrue(authorization.signedHeaders().containsAll(List.of("accept", "host", "x-amz-date")),
                authorization.signedHeaders().toString());
        // Tampering with what was signed breaks the signature.
        byte[] other = (body == null ? " " : body + " ").getBytes(UTF_8);
        assertThrows(AssertionError.class, () -> SigV4.verify(received(signed, other), ACCESS_KEY_ID, SECRET_ACCESS_KEY));
    }

    @Test
    void anotherMomentGivesAnotherDateAndSignature() {
        HttpRequest request = startChat(URI.create("https://connect.us-east-1.amazonaws.com/contact/chat"));
        Clock later = Clock.offset(CLOCK, Duration.ofDays(1).plusSeconds(1));

        HttpRequest first = new SigV4RequestInterceptor(CREDENTIALS, "us-east-1", CLOCK).intercept(request, BODY);
        HttpRequest second = new SigV4RequestInterceptor(CREDENTIALS, "us-east-1", later).intercept(request, BODY);

        assertEquals("20150831T123601Z", second.headers().firstValue("X-Amz-Date").orElseThrow());
        assertNotEquals(first.headers().firstValue("Authorization"), second.headers().firstValue("Authorization"));
        SigV4.verify(received(second, BODY), ACCESS_KEY_ID, SECRET_ACCESS_KEY);
    }

    @ParameterizedTest
    @CsvSource({
        "https://connect.us-east-1.amazonaws.com, connect.us-east-1.amazonaws.com",
        "https://connect.us-east-1.amazonaws.com:443/x, connect.us-east-1.amazonaws.com",
        "https://connect.us-east-1.amazonaws.com:8443/x, connect.us-east-1.amazonaws.com:8443",
        "http://127.0.0.1/x, 127.0.0.1",
        "http://127.0.0.1:80/x, 127.0.0.1",
        "http://127.0.0.1:8080/x, 127.0.0.1:8080",
    })
    void theHostHeaderIsTheHostAndAPortOtherThanTheDefault(String uri, String host) {
        assertEquals(host, SigV4RequestInterceptor.hostHeaderOf(URI.create(uri)));
    }

    @Test
    void toStringNamesNoSecret() {
        String text = new SigV4RequestInterceptor(
                AwsSessionCredentialsIdentity.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY, "tok"), "us-east-1").toString();

        assertEquals("SigV4RequestInterceptor[region=us-east-1, service=connect]", text);
    }

    static HttpRequest startChat(URI uri) {
        return HttpRequest.newBuilder(uri)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(BODY))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30))
                .build();
    }

    /** {@code signed} as a server receives it: with the Host header java.net.http adds. */
    static SigV4.Request received(HttpRequest signed, byte[] body) {
        Map<String, List<String>> headers = new HashMap<>(signed.headers().map());
        URI uri = signed.uri();
        headers.put("Host", List.of(uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort()));
        return new SigV4.Request(signed.method(), signed.uri().getRawPath(),
                signed.uri().getRawQuery() == null ? "" : signed.uri().getRawQuery(), headers, body);
    }
}
