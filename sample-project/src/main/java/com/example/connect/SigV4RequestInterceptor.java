package com.example.connect;

import dev.arazzo.runtime.RequestInterceptor;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Signs each request of a workflow with AWS Signature Version 4 for Amazon Connect, with the AWS SDK's
 * signer module alone ({@code software.amazon.awssdk:http-auth-aws}).
 *
 * <p>The signer sees the request's method, URI, headers and the exact body bytes (it hashes them into
 * the signature); the request comes back with {@code Authorization}, {@code X-Amz-Date} and, for
 * temporary credentials, {@code X-Amz-Security-Token} added. {@code Host} is signed but not set: it is a
 * header {@link java.net.http.HttpClient} writes itself, from the URI, as {@code host} or
 * {@code host:port} for a port other than the scheme's default; that is the form the signer signs, and
 * {@link #intercept} checks that it is.
 *
 * <pre>{@code
 * RequestInterceptor signer = SigV4RequestInterceptor.fromEnvironment(endpoint, System::getenv);
 * StartChatAndSetAttributesWorkflow.builder().baseUri(endpoint).requestInterceptor(signer).build();
 * }</pre>
 *
 * <p>Neither {@link #toString()} nor any exception message of this class contains a secret.
 */
public final class SigV4RequestInterceptor implements RequestInterceptor {

    /** The signing name of Amazon Connect's API. */
    public static final String SERVICE = "connect";

    static final String ACCESS_KEY_ID = "AWS_ACCESS_KEY_ID";
    static final String SECRET_ACCESS_KEY = "AWS_SECRET_ACCESS_KEY";
    static final String SESSION_TOKEN = "AWS_SESSION_TOKEN";
    static final String REGION = "AWS_REGION";

    /** {@code connect.us-east-1.amazonaws.com}, {@code connect-fips.us-gov-west-1.amazonaws.com}. */
    private static final Pattern CONNECT_HOST =
            Pattern.compile("connect(?:-fips)?\\.([a-z0-9]+(?:-[a-z0-9]+)+)\\.amazonaws\\.com");
    private static final Pattern REGION_NAME = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)+");

    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final AwsCredentialsIdentity credentials;
    private final String region;
    private final String service;
    private final Clock clock;

    /**
     * A signer for Amazon Connect in {@code region}, with these credentials and the system clock.
     *
     * @param credentials an {@link AwsSessionCredentialsIdentity} for temporary credentials
     */
    public SigV4RequestInterceptor(AwsCredentialsIdentity credentials, String region) {
        this(credentials, region, Clock.systemUTC());
    }

    /** For tests: signs for any endpoint, at the time {@code clock} tells. */
    SigV4RequestInterceptor(AwsCredentialsIdentity credentials, String region, Clock clock) {
        this(credentials, region, SERVICE, clock);
    }

    /** For tests: another service's signing name, e.g. the {@code service} of AWS's published test suite. */
    SigV4RequestInterceptor(AwsCredentialsIdentity credentials, String region, String service, Clock clock) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.region = Objects.requireNonNull(region, "region");
        this.service = Objects.requireNonNull(service, "service");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Whether requests to {@code endpoint} go to AWS, and so must be signed: its host ends with {@code .amazonaws.com}. */
    public static boolean isAwsEndpoint(URI endpoint) {
        String host = endpoint.getHost();
        return host != null && host.toLowerCase(Locale.ROOT).endsWith(".amazonaws.com");
    }

    /** The region in an Amazon Connect endpoint's host, e.g. {@code us-east-1} in {@code connect.us-east-1.amazonaws.com}. */
    static Optional<String> regionOf(URI endpoint) {
        String host = endpoint.getHost();
        if (host == null) {
            return Optional.empty();
        }
        Matcher matcher = CONNECT_HOST.matcher(host.toLowerCase(Locale.ROOT));
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /**
     * A signer for requests to the AWS endpoint {@code endpoint}, with the credentials of the environment:
     * {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY} and, for temporary credentials,
     * {@code AWS_SESSION_TOKEN}. The region is {@code AWS_REGION} if set, else the one in the endpoint's
     * host ({@code connect.<region>.amazonaws.com}).
     *
     * @param env looks up an environment variable, e.g. {@code System::getenv}; null for unset
     * @throws IllegalStateException with a one-line message naming what is missing or inconsistent; it
     *     names variables, never their values
     */
    public static SigV4RequestInterceptor fromEnvironment(URI endpoint, Function<String, String> env) {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(env, "env");
        String accessKeyId = variable(env, ACCESS_KEY_ID);
        String secretAccessKey = variable(env, SECRET_ACCESS_KEY);
        String sessionToken = variable(env, SESSION_TOKEN);
        if (accessKeyId == null || secretAccessKey == null) {
            String missing = accessKeyId == null && secretAccessKey == null
                    ? ACCESS_KEY_ID + " and " + SECRET_ACCESS_KEY
                    : accessKeyId == null ? ACCESS_KEY_ID : SECRET_ACCESS_KEY;
            throw new IllegalStateException(endpoint.getHost() + " is an AWS endpoint and requests to it must be "
                    + "signed, but " + missing + " " + (missing.contains(" and ") ? "are" : "is")
                    + " not set (set " + ACCESS_KEY_ID + " and " + SECRET_ACCESS_KEY + ", and " + SESSION_TOKEN
                    + " for temporary credentials)");
        }
        String region = region(endpoint, variable(env, REGION));
        AwsCredentialsIdentity credentials = sessionToken == null
                ? AwsCredentialsIdentity.create(accessKeyId, secretAccessKey)
                : AwsSessionCredentialsIdentity.create(accessKeyId, secretAccessKey, sessionToken);
        return new SigV4RequestInterceptor(credentials, region);
    }

    private static String region(URI endpoint, String configured) {
        Optional<String> inHost = regionOf(endpoint);
        if (configured == null) {
            return inHost.orElseThrow(() -> new IllegalStateException("cannot tell the AWS region of "
                    + endpoint.getHost() + " (expected connect.<region>.amazonaws.com): set " + REGION));
        }
        if (!REGION_NAME.matcher(configured).matches()) {
            throw new IllegalStateException(REGION + " is not a region name such as us-east-1: '" + configured + "'");
        }
        if (inHost.isPresent() && !inHost.get().equals(configured)) {
            throw new IllegalStateException(REGION + " is " + configured + " but the endpoint " + endpoint.getHost()
                    + " is in " + inHost.get() + ": the signature would not match");
        }
        return configured;
    }

    private static String variable(Function<String, String> env, String name) {
        String value = env.apply(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The region this signer signs for. */
    public String region() {
        return region;
    }

    /** The service signing name, {@value #SERVICE} but in tests. */
    String service() {
        return service;
    }

    @Override
    public HttpRequest intercept(HttpRequest request, byte[] body) {
        URI uri = request.uri();
        SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder()
                .uri(uri)
                .method(SdkHttpMethod.fromValue(request.method()));
        request.headers().map().forEach(unsigned::putHeader);
        SignedRequest signed = signer.sign(sign -> sign
                .identity(credentials)
                .request(unsigned.build())
                .payload(ContentStreamProvider.fromByteArrayUnsafe(body == null ? new byte[0] : body))
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(HttpSigner.SIGNING_CLOCK, clock));

        HttpHeaders original = request.headers();
        HttpRequest.Builder result = HttpRequest.newBuilder(request, (name, value) -> true);
        for (Map.Entry<String, List<String>> header : signed.request().headers().entrySet()) {
            String name = header.getKey();
            List<String> values = header.getValue();
            if (name.equalsIgnoreCase("Host")) {
                // java.net.http refuses to set Host; it sends its own, which must be what was signed.
                String sent = hostHeaderOf(uri);
                if (!values.equals(List.of(sent))) {
                    throw new IllegalStateException("signed Host " + values + " but the HTTP client sends " + sent);
                }
            } else if (!original.allValues(name).equals(values)) {
                result.setHeader(name, values.get(0));
                values.subList(1, values.size()).forEach(value -> result.header(name, value));
            }
        }
        return result.build();
    }

    /** The {@code Host} header java.net.http sends for {@code uri}: the host, and the port unless the scheme's default. */
    static String hostHeaderOf(URI uri) {
        int port = uri.getPort();
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        boolean defaultPort = port == -1 || port == (https ? 443 : 80);
        return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
    }

    /** Names the region and service; never the credentials. */
    @Override
    public String toString() {
        return "SigV4RequestInterceptor[region=" + region + ", service=" + service + "]";
    }
}
