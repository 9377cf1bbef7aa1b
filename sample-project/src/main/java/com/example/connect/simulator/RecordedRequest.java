package com.example.connect.simulator;

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
 * One HTTP request as a simulator of this sample (the {@link ConnectSimulator}, the orders sample's
 * {@code OrderServiceSimulator}) received it, before it answered; what tests assert to pin the exact requests a
 * client sends.
 *
 * @param method the HTTP method, e.g. {@code PUT}
 * @param path the raw (still percent-encoded) request path, e.g. {@code /contacts/inst-1/abc}
 * @param query the raw query string without {@code ?}; empty when the request had none
 * @param headers every request header, names matched case-insensitively; unmodifiable
 * @param bodyBytes the request body exactly as received, e.g. to check a signature over it; empty when
 *     the request had none. The accessor returns a copy.
 */
public record RecordedRequest(
        String method, String path, String query, Map<String, List<String>> headers, byte[] bodyBytes) {

    public RecordedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(query, "query");
        bodyBytes = Objects.requireNonNull(bodyBytes, "bodyBytes").clone();
        // HTTP header names are case-insensitive; a TreeMap with that order keeps lookups honest.
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

    /** Shows the values of {@code Authorization} and {@code X-Amz-Security-Token} as {@code <redacted>}. */
    @Override
    public String toString() {
        Map<String, List<String>> shown = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> shown.put(name,
                name.equalsIgnoreCase("Authorization") || name.equalsIgnoreCase("X-Amz-Security-Token")
                        ? List.of("<redacted>")
                        : values));
        return "RecordedRequest[method=" + method + ", path=" + path + ", query=" + query + ", headers=" + shown
                + ", body=" + body() + "]";
    }
}
