package com.example.connect;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URLDecoder;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 written out in the tests from AWS's published description of the algorithm
 * (canonical request, string to sign, derived signing key), independent of the SDK's signer: what a
 * server does to check a signed request.
 */
final class SigV4 {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";

    /** {@code AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/service/aws4_request, SignedHeaders=a;b, Signature=hex}. */
    static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([^/,\\s]+)/(\\d{8})/([a-z0-9-]+)/([a-z0-9-]+)/aws4_request, "
                    + "SignedHeaders=([a-z0-9!#$%&'*+.^_`|~-]+(?:;[a-z0-9!#$%&'*+.^_`|~-]+)*), "
                    + "Signature=([0-9a-f]{64})");

    private static final HexFormat HEX = HexFormat.of();

    private SigV4() {}

    /** A request as a server receives it: the raw path and query are still percent-encoded as sent. */
    record Request(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {

        Request {
            Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.forEach((name, values) -> copy.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values));
            headers = copy;
        }

        String header(String name) {
            List<String> values = headers.get(name);
            if (values == null || values.size() != 1) {
                throw new AssertionError("expected one " + name + " header, got " + values);
            }
            return values.get(0);
        }
    }

    /** The parts of an {@code Authorization} header. */
    record Authorization(String accessKeyId, String date, String region, String service, List<String> signedHeaders,
            String signature) {

        static Authorization parse(String header) {
            Matcher matcher = AUTHORIZATION.matcher(header);
            if (!matcher.matches()) {
                throw new AssertionError("not a SigV4 Authorization header: " + redact(header));
            }
            return new Authorization(matcher.group(1), matcher.group(2), matcher.group(3), matcher.group(4),
                    List.of(matcher.group(5).split(";")), matcher.group(6));
        }

        String scope() {
            return date + "/" + region + "/" + service + "/aws4_request";
        }
    }

    /** Keeps the signature of an Authorization header out of assertion messages. */
    static String redact(String authorization) {
        return authorization.replaceAll("Signature=\\S+", "Signature=<redacted>");
    }

    /**
     * The canonical request: method, canonical URI, canonical query, canonical headers, signed headers and
     * the hex SHA-256 of the payload, one per line.
     */
    static String canonicalRequest(Request request, List<String> signedHeaders) {
        StringBuilder headers = new StringBuilder();
        for (String name : signedHeaders) {
            List<String> values = request.headers().get(name);
            if (values == null) {
                throw new AssertionError("signed header " + name + " is not in the request");
            }
            headers.append(name).append(':')
                    .append(values.stream().map(SigV4::trimAll).collect(Collectors.joining(",")))
                    .append('\n');
        }
        return request.method() + "\n"
                + canonicalUri(request.rawPath()) + "\n"
                + canonicalQuery(request.rawQuery()) + "\n"
                + headers + "\n"
                + String.join(";", signedHeaders) + "\n"
                + hex(sha256(request.body()));
    }

    /**
     * Every service but S3: the path without {@code .} and {@code ..} segments, each segment encoded again
     * (the path as sent is encoded once, so this is the second encoding the specification asks for).
     */
    static String canonicalUri(String rawPath) {
        if (rawPath.isEmpty()) {
            return "/";
        }
        Deque<String> segments = new ArrayDeque<>();
        String[] parts = rawPath.split("/", -1);
        for (int i = 1; i < parts.length; i++) {
            String segment = parts[i];
            if (segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                segments.pollLast();
                continue;
            }
            segments.addLast(uriEncode(segment));
        }
        return "/" + String.join("/", segments);
    }

    /** Parameters decoded, then encoded again, sorted by name and then value; {@code name=} when there is no value. */
    static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String parameter : rawQuery.split("&")) {
            if (parameter.isEmpty()) {
                continue;
            }
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            String value = equals < 0 ? "" : parameter.substring(equals + 1);
            pairs.add(new String[] {uriEncode(percentDecode(name)), uriEncode(percentDecode(value))});
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        return pairs.stream().map(pair -> pair[0] + "=" + pair[1]).collect(Collectors.joining("&"));
    }

    /** Every byte but the unreserved {@code A-Z a-z 0-9 - _ . ~} as {@code %XX}, upper-case hex. */
    static String uriEncode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(UTF_8)) {
            char c = (char) (b & 0xff);
            boolean unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~';
            if (unreserved) {
                encoded.append(c);
            } else {
                encoded.append('%').append(HEX.withUpperCase().toHexDigits(b));
            }
        }
        return encoded.toString();
    }

    private static String percentDecode(String value) {
        // URLDecoder would turn '+' into a space; a query as sent has a literal '+' only as %2B.
        return URLDecoder.decode(value.replace("+", "%2B"), UTF_8);
    }

    /** Leading and trailing spaces removed, runs of spaces inside made one. */
    private static String trimAll(String value) {
        return value.strip().replaceAll(" +", " ");
    }

    static String stringToSign(String amzDate, String scope, String canonicalRequest) {
        return ALGORITHM + "\n" + amzDate + "\n" + scope + "\n" + hex(sha256(canonicalRequest.getBytes(UTF_8)));
    }

    /** HMAC("AWS4" + secret, date), then the region, the service and {@code aws4_request}. */
    static byte[] signingKey(String secretAccessKey, String date, String region, String service) {
        byte[] key = hmac(("AWS4" + secretAccessKey).getBytes(UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, service);
        return hmac(key, "aws4_request");
    }

    static String signature(String secretAccessKey, String amzDate, String region, String service,
            String canonicalRequest) {
        String date = amzDate.substring(0, 8);
        String scope = date + "/" + region + "/" + service + "/aws4_request";
        return hex(hmac(signingKey(secretAccessKey, date, region, service),
                stringToSign(amzDate, scope, canonicalRequest)));
    }

    /**
     * Checks {@code request} as AWS would: its Authorization header names {@code accessKeyId}, a scope on
     * the date of its {@code X-Amz-Date}, and a signature that the canonical request of exactly what was
     * received (with the headers it says it signed) reproduces.
     *
     * @return the parsed Authorization header
     * @throws AssertionError when anything does not hold; the message contains no secret
     */
    static Authorization verify(Request request, String accessKeyId, String secretAccessKey) {
        Authorization authorization = Authorization.parse(request.header("Authorization"));
        String amzDate = request.header("X-Amz-Date");
        if (!amzDate.matches("\\d{8}T\\d{6}Z")) {
            throw new AssertionError("X-Amz-Date is not yyyyMMdd'T'HHmmss'Z': " + amzDate);
        }
        if (!authorization.accessKeyId().equals(accessKeyId)) {
            throw new AssertionError("signed with another access key id");
        }
        if (!authorization.date().equals(amzDate.substring(0, 8))) {
            throw new AssertionError("credential scope date " + authorization.date() + " is not the day of " + amzDate);
        }
        List<String> sorted = authorization.signedHeaders().stream().sorted().collect(Collectors.toList());
        if (!authorization.signedHeaders().equals(sorted)
                || authorization.signedHeaders().stream().anyMatch(h -> !h.equals(h.toLowerCase(Locale.ROOT)))) {
            throw new AssertionError("SignedHeaders must be lower case and sorted: " + authorization.signedHeaders());
        }
        String canonical = canonicalRequest(request, authorization.signedHeaders());
        String expected = signature(secretAccessKey, amzDate, authorization.region(), authorization.service(),
                canonical);
        if (!MessageDigest.isEqual(expected.getBytes(UTF_8), authorization.signature().getBytes(UTF_8))) {
            throw new AssertionError("the signature does not match the canonical request:\n"
                    + canonical.replaceAll("(?m)^x-amz-security-token:.*$", "x-amz-security-token:<redacted>"));
        }
        return authorization;
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(UTF_8));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }
}
