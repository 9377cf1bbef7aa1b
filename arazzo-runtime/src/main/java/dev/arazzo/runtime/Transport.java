package dev.arazzo.runtime;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;

/**
 * Sends the requests of a workflow's steps through one {@link HttpClient}, tells the listener, and logs
 * each exchange through {@link System.Logger} at DEBUG level (method, url with secret query values
 * masked, status, time; never headers or bodies).
 */
public final class Transport {

    /** How long connecting may take when the workflow makes its own {@link HttpClient}: 10 seconds. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** How long one request may take, from sending to the end of the response: 30 seconds. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final System.Logger LOGGER = System.getLogger(Transport.class.getName());
    private static final WorkflowListener SILENT = new WorkflowListener() {
    };

    private final String workflowId;
    private final HttpClient client;
    private final RequestInterceptor interceptor;
    private final Duration requestTimeout;
    private final WorkflowListener listener;
    private final Credentials credentials;

    /**
     * The transport of one workflow client.
     *
     * @param workflowId the workflow, for the listener and the log
     * @param client the client to send with, or null for a new one with {@code connectTimeout}
     * @param connectTimeout the connect timeout of a new client (unused when {@code client} is given)
     * @param interceptor changes each request before it is sent, or null
     * @param requestTimeout the timeout of each request
     * @param listener hears every exchange and retry, or null
     * @param credentials the credentials of the security schemes
     * @throws NullPointerException if {@code credentials} or {@code requestTimeout} is null, or both
     *     {@code client} and {@code connectTimeout} are
     */
    public Transport(String workflowId, HttpClient client, Duration connectTimeout, RequestInterceptor interceptor,
            Duration requestTimeout, WorkflowListener listener, Credentials credentials) {
        this.workflowId = workflowId;
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.client = client != null
                ? client
                : HttpClient.newBuilder().connectTimeout(Objects.requireNonNull(connectTimeout, "connectTimeout"))
                        .build();
        this.interceptor = interceptor;
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.listener = listener == null ? SILENT : listener;
    }

    /**
     * The listener, shared with the workflows this one calls.
     *
     * @return the listener given, or null when none was
     */
    public WorkflowListener listener() {
        return listener == SILENT ? null : listener;
    }

    /**
     * The credentials, shared with the workflows this one calls.
     *
     * @return the credentials this transport applies
     */
    public Credentials credentials() {
        return credentials;
    }

    /**
     * The HTTP client, shared with the workflows this one calls.
     *
     * @return the client this transport sends with
     */
    public HttpClient client() {
        return client;
    }

    /**
     * Sends {@code request} for step {@code stepId} with the credentials of the first of
     * {@code security}'s requirements that has them, and reads the whole response.
     *
     * @param stepId the step, for the listener, the log and messages
     * @param request the request the step built
     * @param security the operation's security requirements, each a list of scheme names
     * @return the request and its response
     * @throws WorkflowTransportException if the request cannot be sent or the response not read, or the
     *     thread is interrupted (its interrupt flag is then set again)
     * @throws WorkflowException if the request interceptor fails or returns null
     */
    public HttpExchange send(String stepId, StepRequest request, List<List<String>> security) {
        credentials.apply(request, security, client, requestTimeout);
        HttpRequest httpRequest = request.toHttpRequest(requestTimeout);
        if (interceptor != null) {
            HttpRequest intercepted;
            try {
                intercepted = interceptor.intercept(httpRequest, request.body());
            } catch (RuntimeException e) {
                throw new WorkflowException("step '" + stepId + "': the request interceptor failed: "
                        + e.getMessage(), e);
            }
            if (intercepted == null) {
                throw new WorkflowException("step '" + stepId + "': the request interceptor returned no request");
            }
            httpRequest = intercepted;
        }
        URI uri = httpRequest.uri();
        listener.stepStarted(workflowId, stepId);
        long started = System.nanoTime();
        try {
            HttpResponse<byte[]> response = client.send(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            LOGGER.log(System.Logger.Level.DEBUG, () -> workflowId + "/" + stepId + ": " + shown(request, uri) + " -> "
                    + response.statusCode() + " in " + took.toMillis() + " ms");
            listener.stepFinished(workflowId, stepId, response.statusCode(), took);
            return new HttpExchange(request, uri, response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            LOGGER.log(System.Logger.Level.DEBUG, () -> workflowId + "/" + stepId + ": " + shown(request, uri)
                    + " failed: " + e);
            throw new WorkflowTransportException(stepId, shown(request, uri) + " failed: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkflowTransportException(stepId, shown(request, uri) + " was interrupted", e);
        }
    }

    /** The request as messages and logs show it: method and url, secrets masked. */
    private static String shown(StepRequest request, URI uri) {
        return request.method() + " " + StepRequest.masked(uri);
    }

    /**
     * Waits before a retry: the response's {@code Retry-After} header (seconds or an HTTP date) when it
     * has one, else {@code retryAfterSeconds}.
     *
     * @param stepId the step that is retried
     * @param exchange its last exchange, or null for a step that calls a workflow
     * @param retryAfterSeconds the step's {@code retryAfter}
     * @param attempt which retry this is, from 1
     * @throws WorkflowTransportException if the thread is interrupted while waiting (its interrupt flag
     *     is then set again)
     */
    public void pauseBeforeRetry(String stepId, HttpExchange exchange, double retryAfterSeconds, int attempt) {
        Duration wait = retryAfter(exchange == null ? null : exchange.header("Retry-After"))
                .orElse(Duration.ofNanos((long) (retryAfterSeconds * 1_000_000_000L)));
        listener.retrying(workflowId, stepId, attempt, wait.isNegative() ? Duration.ZERO : wait);
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
