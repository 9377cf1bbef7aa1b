package dev.arazzo.runtime;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;

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
    /** The longest wait before a retry that a server's {@code Retry-After} may ask for: 60 seconds. */
    public static final Duration DEFAULT_MAX_RETRY_DELAY = Duration.ofSeconds(60);
    /** The most bytes of one response body that are read: 16 MiB. */
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
    private static final System.Logger LOGGER = System.getLogger(Transport.class.getName());
    private static final WorkflowListener SILENT = new WorkflowListener() {
    };

    private final String workflowId;
    private final HttpClient client;
    private final RequestInterceptor interceptor;
    private final Duration requestTimeout;
    private final WorkflowListener listener;
    private final Credentials credentials;
    private final Duration maxRetryDelay;
    private final int maxResponseBytes;
    private final boolean tls;
    /** One handler for every response (a lambda written at the call would be a new object per call). */
    private final HttpResponse.BodyHandler<BoundedBody> bodyHandler;

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
        this(workflowId, client, connectTimeout, interceptor, requestTimeout, listener, credentials,
                DEFAULT_MAX_RETRY_DELAY, DEFAULT_MAX_RESPONSE_BYTES);
    }

    /**
     * The transport of one workflow client, with bounds on waits and on response bodies.
     *
     * @param workflowId the workflow, for the listener and the log
     * @param client the client to send with, or null for a new one with {@code connectTimeout}
     * @param connectTimeout the connect timeout of a new client (unused when {@code client} is given)
     * @param interceptor changes each request before it is sent, or null
     * @param requestTimeout the timeout of each request
     * @param listener hears every exchange and retry, or null
     * @param credentials the credentials of the security schemes
     * @param maxRetryDelay the longest wait before a retry; a longer one fails the step
     * @param maxResponseBytes the most bytes of a response body kept; a larger body is cut there, and
     *     reading it fails the step
     * @throws NullPointerException if {@code credentials}, {@code requestTimeout} or {@code maxRetryDelay}
     *     is null, or both {@code client} and {@code connectTimeout} are
     * @throws IllegalArgumentException if {@code maxRetryDelay} is negative or {@code maxResponseBytes}
     *     less than 1
     */
    public Transport(String workflowId, HttpClient client, Duration connectTimeout, RequestInterceptor interceptor,
            Duration requestTimeout, WorkflowListener listener, Credentials credentials, Duration maxRetryDelay,
            int maxResponseBytes) {
        this(workflowId, client, connectTimeout, interceptor, requestTimeout, listener, credentials, maxRetryDelay,
                maxResponseBytes, null);
    }

    /**
     * The transport of one workflow client, with bounds on waits and on response bodies, and the TLS
     * context of the client it makes.
     *
     * @param workflowId the workflow, for the listener and the log
     * @param client the client to send with, or null for a new one with {@code connectTimeout} and
     *     {@code sslContext}
     * @param connectTimeout the connect timeout of a new client (unused when {@code client} is given)
     * @param interceptor changes each request before it is sent, or null
     * @param requestTimeout the timeout of each request
     * @param listener hears every exchange and retry, or null
     * @param credentials the credentials of the security schemes
     * @param maxRetryDelay the longest wait before a retry; a longer one fails the step
     * @param maxResponseBytes the most bytes of a response body kept; a larger body is cut there, and
     *     reading it fails the step
     * @param sslContext the TLS context of a new client (its key managers present the client certificate of
     *     a {@code mutualTLS} scheme), or null for the JDK's default; unused when {@code client} is given
     * @throws NullPointerException if {@code credentials}, {@code requestTimeout} or {@code maxRetryDelay}
     *     is null, or both {@code client} and {@code connectTimeout} are
     * @throws IllegalArgumentException if {@code maxRetryDelay} is negative or {@code maxResponseBytes}
     *     less than 1
     */
    public Transport(String workflowId, HttpClient client, Duration connectTimeout, RequestInterceptor interceptor,
            Duration requestTimeout, WorkflowListener listener, Credentials credentials, Duration maxRetryDelay,
            int maxResponseBytes, SSLContext sslContext) {
        this.maxRetryDelay = Objects.requireNonNull(maxRetryDelay, "maxRetryDelay");
        if (maxRetryDelay.isNegative()) {
            throw new IllegalArgumentException("maxRetryDelay must not be negative: " + maxRetryDelay);
        }
        if (maxResponseBytes < 1) {
            throw new IllegalArgumentException("maxResponseBytes must be at least 1: " + maxResponseBytes);
        }
        this.maxResponseBytes = maxResponseBytes;
        this.bodyHandler = info -> BoundedBody.subscriber(info, maxResponseBytes);
        this.workflowId = workflowId;
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        // a client given is used as it is: whether it presents a certificate is its owner's business
        this.tls = client != null || sslContext != null;
        if (client != null) {
            this.client = client;
        } else {
            HttpClient.Builder builder = HttpClient.newBuilder()
                    .connectTimeout(Objects.requireNonNull(connectTimeout, "connectTimeout"));
            if (sslContext != null) {
                builder.sslContext(sslContext);
            }
            this.client = builder.build();
        }
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
     * @throws WorkflowException if the request interceptor fails or returns null, or the request cannot
     *     be built (a header the HTTP client refuses, such as {@code Host}), or no alternative of
     *     {@code security} has its credentials (then nothing is sent; see {@link Credentials})
     */
    public HttpExchange send(String stepId, StepRequest request, List<List<String>> security) {
        return send(stepId, request, security, null);
    }

    /**
     * Sends {@code request} like {@link #send(String, StepRequest, List)}, within the step's
     * {@code timeout}: when the whole exchange (from sending the request to the last byte of the
     * response) has not completed in time, the request is abandoned and the exchange returned is a
     * {@linkplain HttpExchange#timedOut() timed-out} one, so that the step fails and its failure actions
     * apply. Credentials are fetched before the time starts.
     *
     * @param stepId the step, for the listener, the log and messages
     * @param request the request the step built
     * @param security the operation's security requirements, each a list of scheme names
     * @param timeout the step's timeout, or null for none (the transport's request timeout still applies)
     * @return the request and its response, or a timed-out exchange
     * @throws WorkflowTransportException if the request cannot be sent or the response not read, or the
     *     thread is interrupted (its interrupt flag is then set again)
     * @throws WorkflowException if the request interceptor fails or returns null, or the request cannot
     *     be built (a header the HTTP client refuses, such as {@code Host})
     */
    public HttpExchange send(String stepId, StepRequest request, List<List<String>> security, Duration timeout) {
        // looked up once: fetching credentials opens no deadline of its own
        Deadline deadline = Deadline.current();
        if (deadline != null) {
            deadline.checkNotElapsed();
        }
        credentials.apply(stepId, request, security, client, requestTimeout, tls, interceptor != null);
        // within a called workflow's deadline (its calling step's timeout), the time left bounds the exchange
        Duration left = null;
        if (deadline != null) {
            deadline.checkNotElapsed();
            left = deadline.timeLeft();
        }
        boolean clamped = left != null && (timeout == null || left.compareTo(timeout) < 0);
        Duration limit = clamped ? left : timeout;
        HttpRequest httpRequest;
        try {
            httpRequest = request.toHttpRequest(limit != null && limit.compareTo(requestTimeout) < 0
                    ? limit : requestTimeout);
        } catch (IllegalArgumentException e) {
            throw new WorkflowException("step '" + stepId + "': the request cannot be built: " + e.getMessage(), e);
        }
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
            HttpResponse<BoundedBody> response = limit == null
                    ? client.send(httpRequest, bodyHandler)
                    : within(httpRequest, limit);
            if (response == null && clamped) {
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                LOGGER.log(System.Logger.Level.DEBUG, () -> workflowId + "/" + stepId + ": " + shown(request, uri)
                        + " was abandoned: the timeout of the step that runs this workflow elapsed");
                listener.stepFinished(workflowId, stepId, 0, took);
                throw Deadline.expired();
            }
            if (response == null) {
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                LOGGER.log(System.Logger.Level.DEBUG, () -> workflowId + "/" + stepId + ": " + shown(request, uri)
                        + " did not complete within the step's timeout of " + timeout.toMillis() + " ms");
                listener.stepFinished(workflowId, stepId, 0, took);
                return HttpExchange.timedOut(stepId, request, uri, timeout);
            }
            long tookNanos = System.nanoTime() - started;
            if (LOGGER.isLoggable(System.Logger.Level.DEBUG)) { // else no message supplier is allocated per call
                LOGGER.log(System.Logger.Level.DEBUG, workflowId + "/" + stepId + ": " + shown(request, uri) + " -> "
                        + response.statusCode() + " in " + tookNanos / 1_000_000 + " ms");
            }
            if (listener != SILENT) { // else no Duration per call
                listener.stepFinished(workflowId, stepId, response.statusCode(), Duration.ofNanos(tookNanos));
            }
            BoundedBody body = response.body();
            return new HttpExchange(stepId, request, uri, response.statusCode(), response.headers(), body.bytes(),
                    body.cut() ? maxResponseBytes : -1);
        } catch (IllegalArgumentException e) {
            throw new WorkflowException("step '" + stepId + "': the request cannot be sent: " + e.getMessage(), e);
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

    /**
     * Sends and reads the whole response within {@code timeout}; null when it did not complete in time
     * (the exchange is then cancelled). The HTTP client's own timeout (the request's) is reported as a
     * time-out too, since it is never longer than {@code timeout} here.
     */
    private HttpResponse<BoundedBody> within(HttpRequest httpRequest, Duration timeout)
            throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<BoundedBody>> response =
                client.sendAsync(httpRequest, bodyHandler);
        try {
            return response.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            response.cancel(true);
            return null;
        } catch (InterruptedException e) {
            response.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException && timeout.compareTo(requestTimeout) <= 0) {
                return null;
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof IllegalArgumentException illegal) {
                throw illegal;
            }
            throw new IOException(cause == null ? e : cause);
        }
    }

    /** The request as messages and logs show it: method and url, secrets masked. */
    private static String shown(StepRequest request, URI uri) {
        return request.method() + " " + StepRequest.masked(uri);
    }

    /**
     * Waits before a retry: the response's {@code Retry-After} header (seconds or an HTTP date) when it
     * has one, else {@code retryAfterSeconds}; a wait longer than the transport's {@code maxRetryDelay}
     * fails the step instead.
     *
     * @param stepId the step that is retried
     * @param exchange its last exchange, or null for a step that calls a workflow
     * @param retryAfterSeconds the step's {@code retryAfter}
     * @param attempt which retry this is, from 1
     * @throws WorkflowException if the wait asked for is longer than {@code maxRetryDelay}
     * @throws WorkflowTransportException if the thread is interrupted while waiting (its interrupt flag
     *     is then set again)
     */
    public void pauseBeforeRetry(String stepId, HttpExchange exchange, double retryAfterSeconds, int attempt) {
        String header = exchange == null ? null : exchange.header("Retry-After");
        Optional<Duration> asked = retryAfter(header);
        Duration wait;
        if (asked.isPresent()) {
            wait = asked.get();
            if (wait.compareTo(maxRetryDelay) > 0) {
                throw new WorkflowException("step '" + stepId + "': the server asks to wait before retrying "
                        + "(Retry-After: " + excerpt(header.strip()) + "), longer than maxRetryDelay ("
                        + seconds(maxRetryDelay) + "); the step is not retried (raise the limit with the builder's "
                        + "maxRetryDelay)");
            }
        } else {
            if (retryAfterSeconds > maxRetryDelay.getSeconds() + maxRetryDelay.getNano() / 1e9) {
                throw new WorkflowException("step '" + stepId + "': its retryAfter (" + retryAfterSeconds
                        + " s) is longer than maxRetryDelay (" + seconds(maxRetryDelay) + "); the step is not "
                        + "retried (raise the limit with the builder's maxRetryDelay)");
            }
            wait = Duration.ofNanos((long) (Math.max(0, retryAfterSeconds) * 1_000_000_000L));
        }
        // within a called workflow's deadline, a wait past it ends there and aborts the run (not retried)
        Duration left = Deadline.remaining();
        boolean clamped = left != null && left.compareTo(wait) < 0;
        if (clamped) {
            wait = left;
        } else {
            listener.retrying(workflowId, stepId, attempt, wait);
        }
        if (wait.isZero() && !clamped) {
            return;
        }
        try {
            Thread.sleep(wait.toMillis(), (int) (wait.toNanos() % 1_000_000));
            if (clamped) {
                throw Deadline.expired();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkflowTransportException(stepId, "interrupted while waiting to retry", e);
        }
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static String excerpt(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64) + "...";
    }

    /** The wait a {@code Retry-After} value asks for; seconds beyond a long's range are the longest wait. */
    private static Optional<Duration> retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            } catch (NumberFormatException | ArithmeticException tooLong) {
                return Optional.of(Duration.ofSeconds(Long.MAX_VALUE));
            }
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration until = Duration.between(ZonedDateTime.now(at.getZone()), at);
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeParseException notDate) {
            return Optional.empty();
        }
    }

    /**
     * Keeps the first {@code limit} bytes of a body; at the first byte beyond, it stops reading (the
     * connection is dropped) instead of holding the rest.
     */
    private static final class BoundedBody implements HttpResponse.BodySubscriber<BoundedBody> {

        private final int limit;
        private final boolean framed;
        private final CompletableFuture<BoundedBody> result; // null when framed: the adapter keeps the future
        private byte[] bytes;
        private int size;
        private boolean cut;
        private Flow.Subscription subscription;

        private BoundedBody(int limit, boolean framed) {
            this.limit = limit;
            this.framed = framed;
            this.result = framed ? null : new CompletableFuture<>();
            // the whole of a framed body at once, up to 64 KB (a HEAD's answer may announce a length it never sends)
            this.bytes = new byte[framed ? Math.min(limit, 1 << 16) : 0];
        }

        /**
         * The subscriber of a response's body. An HTTP/1.1 body whose Content-Length is within {@code limit} is
         * read into an array of that length, through the JDK's own adapter ({@code BodySubscribers.fromSubscriber}):
         * the client completes that one on the thread that read the last bytes, where a subscriber of its
         * caller's makes it hand every body over to its executor first (a task, and often a thread woken, per
         * response), which {@code BodyHandlers.ofByteArray} does not pay either. HTTP/1.1 frames such a body
         * by its length, so no byte beyond can come. Any other body (chunked, HTTP/2, no or a larger
         * Content-Length) streams into a growing array up to {@code limit}.
         */
        static HttpResponse.BodySubscriber<BoundedBody> subscriber(HttpResponse.ResponseInfo info, int limit) {
            long length = info.version() == HttpClient.Version.HTTP_1_1 ? contentLength(info) : -1;
            if (length >= 0 && length <= limit) {
                return HttpResponse.BodySubscribers.fromSubscriber(new BoundedBody((int) length, true), body -> body);
            }
            return new BoundedBody(limit, false);
        }

        /** The Content-Length, or -1. */
        private static long contentLength(HttpResponse.ResponseInfo info) {
            String value = HttpExchange.firstValue(info.headers(), "Content-Length");
            if (value == null) {
                return -1;
            }
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        byte[] bytes() {
            return size == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, size);
        }

        boolean cut() {
            return cut;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result != null && result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                int room = limit - size;
                int take = Math.min(room, buffer.remaining());
                if (size + take > bytes.length) {
                    bytes = java.util.Arrays.copyOf(bytes, (int) Math.min(limit,
                            Math.max(size + (long) take, bytes.length * 2L)));
                }
                buffer.get(bytes, size, take);
                size += take;
                if (buffer.hasRemaining()) {
                    if (framed) { // the adapter cancels the exchange and fails the response with this
                        throw new IllegalStateException("the response body is longer than its Content-Length ("
                                + limit + " bytes)");
                    }
                    cut = true;
                    subscription.cancel();
                    result.complete(this);
                    return;
                }
            }
        }

        @Override
        public void onError(Throwable throwable) {
            if (result != null) {
                result.completeExceptionally(throwable);
            }
        }

        @Override
        public void onComplete() {
            if (result != null) {
                result.complete(this);
            }
        }

        @Override
        public CompletionStage<BoundedBody> getBody() {
            return result;
        }
    }
}
