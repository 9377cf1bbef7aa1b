package dev.arazzo.codegen.runtime;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/** Sends the requests of a workflow's steps through one {@link HttpClient}. */
final class Transport {

    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client;
    private final RequestInterceptor interceptor;
    private final Duration requestTimeout;

    Transport(HttpClient client, RequestInterceptor interceptor, Duration requestTimeout) {
        this.client = client != null
                ? client
                : HttpClient.newBuilder().connectTimeout(DEFAULT_CONNECT_TIMEOUT).build();
        this.interceptor = interceptor;
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    /** Sends {@code request} for step {@code stepId} and reads the whole response. */
    HttpExchange send(String stepId, StepRequest request) {
        HttpRequest httpRequest = request.toHttpRequest(requestTimeout);
        if (interceptor != null) {
            httpRequest = Objects.requireNonNull(interceptor.intercept(httpRequest, request.body()),
                    "the request interceptor returned null");
        }
        URI uri = httpRequest.uri();
        try {
            HttpResponse<byte[]> response = client.send(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
            return new HttpExchange(request, uri, response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new WorkflowTransportException(stepId, request.method() + " " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkflowTransportException(stepId, request.method() + " " + uri + " was interrupted", e);
        }
    }

    /**
     * Waits before a retry: the response's {@code Retry-After} header (seconds or an HTTP date) when it
     * has one, else {@code retryAfterSeconds}.
     */
    static void pauseBeforeRetry(String stepId, HttpExchange exchange, double retryAfterSeconds) {
        Duration wait = retryAfter(exchange.header("Retry-After"))
                .orElse(Duration.ofNanos((long) (retryAfterSeconds * 1_000_000_000L)));
        if (wait.isNegative() || wait.isZero()) {
            return;
        }
        try {
            Thread.sleep(wait.toMillis(), (int) (wait.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkflowTransportException(stepId, "interrupted while waiting to retry", e);
        }
    }

    private static java.util.Optional<Duration> retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return java.util.Optional.empty();
        }
        String value = header.strip();
        try {
            return java.util.Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration until = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return java.util.Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException notDate) {
                return java.util.Optional.empty();
            }
        }
    }
}
