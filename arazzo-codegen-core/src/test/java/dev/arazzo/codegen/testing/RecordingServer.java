package dev.arazzo.codegen.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A local HTTP server (the JDK's) that answers from a script and records every request it gets, so
 * that tests can assert the exact requests a generated workflow sends.
 */
public final class RecordingServer implements AutoCloseable {

    /** A request as received. */
    public record Request(String method, String path, String rawPath, String query, Map<String, List<String>> headers,
            String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        @Override
        public String toString() {
            return method + " " + rawPath + (query == null ? "" : "?" + query) + (body.isEmpty() ? "" : " " + body);
        }
    }

    /** A response to give. */
    public record Response(int status, String body, Map<String, String> headers) {
        public static Response json(int status, String body) {
            return new Response(status, body, Map.of("Content-Type", "application/json"));
        }
    }

    private final HttpServer server;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Deque<Response>> script = new ConcurrentHashMap<>();
    private final List<byte[]> bodies = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Deque<Long>> delays = new ConcurrentHashMap<>();
    private final List<String> answered = Collections.synchronizedList(new ArrayList<>());
    private final java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newCachedThreadPool();

    private RecordingServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor); // a slow answer (delay) does not hold up the next request
        server.start();
    }

    public static RecordingServer start() {
        try {
            return new RecordingServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Answers requests to {@code method path} with {@code responses}, in order, the last one repeating;
     * replaces what was scripted for that route before.
     */
    public RecordingServer on(String method, String path, Response... responses) {
        script.put(method + " " + path, new ArrayDeque<>(List.of(responses)));
        return this;
    }

    /**
     * Delays the answers to {@code method path} by {@code millis}, in order (the first request by the
     * first value, ...); later requests are answered at once.
     */
    public RecordingServer delay(String method, String path, long... millis) {
        Deque<Long> queue = new ArrayDeque<>();
        for (long m : millis) {
            queue.add(m);
        }
        delays.put(method + " " + path, queue);
        return this;
    }

    /** Forgets the requests received and the responses scripted, for a server shared by several tests. */
    public void clear() {
        requests.clear();
        script.clear();
        bodies.clear();
        delays.clear();
        answered.clear();
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /**
     * {@code "METHOD path"} of each answer sent so far, in the order they were sent: after its delay, as
     * the response starts. A request whose answer is still delayed is in {@link #requests()} only.
     */
    public List<String> answered() {
        synchronized (answered) {
            return List.copyOf(answered);
        }
    }

    /** The body of the {@code index}th request received, as the bytes that came. */
    public byte[] bodyBytes(int index) {
        synchronized (requests) {
            return bodies.get(index).clone();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] raw = exchange.getRequestBody().readAllBytes();
        String body = new String(raw, StandardCharsets.UTF_8);
        URI uri = exchange.getRequestURI();
        synchronized (requests) {
            bodies.add(raw);
            requests.add(new Request(exchange.getRequestMethod(), uri.getPath(), uri.getRawPath(), uri.getRawQuery(),
                    Map.copyOf(exchange.getRequestHeaders()), body));
        }
        Deque<Response> responses = script.get(exchange.getRequestMethod() + " " + uri.getPath());
        Response response;
        if (responses == null || responses.isEmpty()) {
            response = Response.json(404, "{\"message\":\"no scripted response\"}");
        } else {
            synchronized (responses) {
                response = responses.size() > 1 ? responses.poll() : responses.peek();
            }
        }
        Deque<Long> delay = delays.get(exchange.getRequestMethod() + " " + uri.getPath());
        Long wait = null;
        if (delay != null) {
            synchronized (delay) {
                wait = delay.poll();
            }
        }
        if (wait != null && wait > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        answered.add(exchange.getRequestMethod() + " " + uri.getPath());
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
