package dev.arazzo.bench.workflow;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * An {@link HttpClient} that sends each kind of request once through a real client (to the simulator) and
 * from then on answers it in memory with the response recorded then, so that a benchmark measures what a
 * client of the workflow does itself (build the requests, write and read the JSON, check and bind the
 * results) without the HTTP exchange, which costs every client the same and dominates, and varies with the
 * scheduler, in a loopback measurement.
 *
 * <p>A request's kind is its method and its path up to the second segment (the seed's three calls:
 * {@code PUT /contact/chat}, {@code GET /contacts/<instance>}, {@code POST /contact/attributes}). Each
 * replayed call does what the JDK's client does with the bytes on the caller's side: it reads the whole
 * request body from its publisher, and hands the recorded body to the caller's {@code BodyHandler} as one
 * buffer (a read-only view of it, so no client can change the recording), with the recorded status and
 * headers, over HTTP/1.1.
 */
final class ReplayHttpClient extends HttpClient {

    /** One recorded answer. */
    private record Answer(int status, HttpHeaders headers, byte[] body) {
    }

    private final HttpClient recorder;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    /**
     * @param recorder the client that sends the first request of each kind
     */
    ReplayHttpClient(HttpClient recorder) {
        this.recorder = recorder;
    }

    /**
     * A builder whose settings go to {@code real} and whose {@code build()} makes a replaying client over the
     * client {@code real} builds (for a client, like openapi-generator's {@code ApiClient}, that builds its own).
     *
     * @param real the builder of the client that records
     * @return the builder
     */
    static HttpClient.Builder builder(HttpClient.Builder real) {
        return new HttpClient.Builder() {
            @Override
            public HttpClient.Builder cookieHandler(CookieHandler cookieHandler) {
                real.cookieHandler(cookieHandler);
                return this;
            }

            @Override
            public HttpClient.Builder connectTimeout(Duration duration) {
                real.connectTimeout(duration);
                return this;
            }

            @Override
            public HttpClient.Builder sslContext(SSLContext sslContext) {
                real.sslContext(sslContext);
                return this;
            }

            @Override
            public HttpClient.Builder sslParameters(SSLParameters sslParameters) {
                real.sslParameters(sslParameters);
                return this;
            }

            @Override
            public HttpClient.Builder executor(Executor executor) {
                real.executor(executor);
                return this;
            }

            @Override
            public HttpClient.Builder followRedirects(Redirect policy) {
                real.followRedirects(policy);
                return this;
            }

            @Override
            public HttpClient.Builder version(Version version) {
                real.version(version);
                return this;
            }

            @Override
            public HttpClient.Builder priority(int priority) {
                real.priority(priority);
                return this;
            }

            @Override
            public HttpClient.Builder proxy(ProxySelector proxySelector) {
                real.proxy(proxySelector);
                return this;
            }

            @Override
            public HttpClient.Builder authenticator(Authenticator authenticator) {
                real.authenticator(authenticator);
                return this;
            }

            @Override
            public HttpClient build() {
                return new ReplayHttpClient(real.build());
            }
        };
    }

    /** The requests' kinds recorded so far. */
    Set<String> kinds() {
        return Set.copyOf(answers.keySet());
    }

    /** A request's kind: its method and its path up to the second segment ({@code GET /contacts/<instance>}). */
    static String kind(HttpRequest request) {
        String path = request.uri().getRawPath();
        int first = path.indexOf('/', 1);
        int second = first < 0 ? -1 : path.indexOf('/', first + 1);
        return request.method() + " " + (second < 0 ? path : path.substring(0, second));
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        String kind = kind(request);
        Answer answer = answers.get(kind);
        if (answer == null) {
            HttpResponse<byte[]> recorded = recorder.send(request, HttpResponse.BodyHandlers.ofByteArray());
            answer = new Answer(recorded.statusCode(), recorded.headers(), recorded.body());
            answers.putIfAbsent(kind, answer);
        } else {
            drain(request);
        }
        return respond(request, answer, handler);
    }

    /** Reads the request body to its end, as the client writing it to the connection would. */
    private static void drain(HttpRequest request) throws IOException, InterruptedException {
        if (request.bodyPublisher().isEmpty()) {
            return;
        }
        CompletableFuture<Long> done = new CompletableFuture<>();
        request.bodyPublisher().get().subscribe(new Flow.Subscriber<ByteBuffer>() {
            private long bytes;

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                bytes += item.remaining();
                item.position(item.limit());
            }

            @Override
            public void onError(Throwable throwable) {
                done.completeExceptionally(throwable);
            }

            @Override
            public void onComplete() {
                done.complete(bytes);
            }
        });
        await(done);
    }

    private static <T> HttpResponse<T> respond(HttpRequest request, Answer answer, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        HttpResponse.ResponseInfo info = new HttpResponse.ResponseInfo() {
            @Override
            public int statusCode() {
                return answer.status();
            }

            @Override
            public HttpHeaders headers() {
                return answer.headers();
            }

            @Override
            public Version version() {
                return Version.HTTP_1_1;
            }
        };
        HttpResponse.BodySubscriber<T> subscriber = handler.apply(info);
        subscriber.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
            }

            @Override
            public void cancel() {
            }
        });
        subscriber.onNext(List.of(ByteBuffer.wrap(answer.body()).asReadOnlyBuffer()));
        subscriber.onComplete();
        T body = await(subscriber.getBody().toCompletableFuture());
        return new HttpResponse<>() {
            @Override
            public int statusCode() {
                return answer.status();
            }

            @Override
            public HttpRequest request() {
                return request;
            }

            @Override
            public Optional<HttpResponse<T>> previousResponse() {
                return Optional.empty();
            }

            @Override
            public HttpHeaders headers() {
                return answer.headers();
            }

            @Override
            public T body() {
                return body;
            }

            @Override
            public Optional<javax.net.ssl.SSLSession> sslSession() {
                return Optional.empty();
            }

            @Override
            public URI uri() {
                return request.uri();
            }

            @Override
            public Version version() {
                return Version.HTTP_1_1;
            }
        };
    }

    private static <T> T await(CompletableFuture<T> future) throws IOException, InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
            HttpResponse.BodyHandler<T> handler) {
        try {
            return CompletableFuture.completedFuture(send(request, handler));
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
            HttpResponse.BodyHandler<T> handler, HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        return sendAsync(request, handler);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return recorder.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return recorder.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return recorder.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return recorder.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return recorder.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return recorder.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return recorder.authenticator();
    }

    @Override
    public Version version() {
        return recorder.version();
    }

    @Override
    public Optional<Executor> executor() {
        return recorder.executor();
    }
}
