package com.example.orders.simulator;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP request as the {@link OrderServiceSimulator} received it, before it answered: what tests assert to
 * pin the exact requests a client sends.
 *
 * @param method the HTTP method, e.g. {@code POST}
 * @param path the raw (still percent-encoded) request path, e.g. {@code /orders/ord-1}
 * @param query the raw query string without {@code ?}; empty when the request had none
 * @param headers every request header, names matched case-insensitively; unmodifiable
 * @param bodyBytes the request body exactly as received; empty when the request had none. The accessor
 *     returns a copy.
 */
public record RecordedRequest(
        String method, String path, String query, Map<String, List<String>> headers, byte[] bodyBytes) {

    public RecordedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(query, "query");
        bodyBytes = Objects.requireNonNull(bodyBytes, "bodyBytes").clone();
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Objects.requireNonNull(headers, "headers").forEach((name, values) -> copy
                .computeIfAbsent(name, n -> new ArrayList<>())
                .addAll(values));
        copy.replaceAll((name, values) -> List.copyOf(values));
        headers = Collections.unmodifiableMap(copy);
    }

    /** The request body decoded as UTF-8; empty when the request had none. */
    public String body() {
        return new String(bodyBytes, UTF_8);
    }

    @Override
    public byte[] bodyBytes() {
        return bodyBytes.clone();
    }

    /** The first value of the header {@code name} (case-insensitive), if the request had it. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecordedRequest that
                && method.equals(that.method)
                && path.equals(that.path)
                && query.equals(that.query)
                && headers.equals(that.headers)
                && Arrays.equals(bodyBytes, that.bodyBytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, path, query, headers, Arrays.hashCode(bodyBytes));
    }

    @Override
    public String toString() {
        return "RecordedRequest[method=" + method + ", path=" + path + ", query=" + query + ", headers=" + headers
                + ", body=" + body() + "]";
    }
}
