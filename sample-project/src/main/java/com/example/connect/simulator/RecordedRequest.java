package com.example.connect.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP request as the {@link ConnectSimulator} received it, before it answered; what tests assert
 * to pin the exact requests a client sends.
 *
 * @param method the HTTP method, e.g. {@code PUT}
 * @param path the raw (still percent-encoded) request path, e.g. {@code /contacts/inst-1/abc}
 * @param query the raw query string without {@code ?}; empty when the request had none
 * @param headers every request header, names matched case-insensitively; unmodifiable
 * @param body the request body decoded as UTF-8; empty when the request had none
 */
public record RecordedRequest(
        String method, String path, String query, Map<String, List<String>> headers, String body) {

    public RecordedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(body, "body");
        // HTTP header names are case-insensitive; a TreeMap with that order keeps lookups honest.
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Objects.requireNonNull(headers, "headers").forEach((name, values) -> copy
                .computeIfAbsent(name, n -> new ArrayList<>())
                .addAll(values));
        copy.replaceAll((name, values) -> List.copyOf(values));
        headers = Collections.unmodifiableMap(copy);
    }

    /** The first value of the header {@code name} (case-insensitive), if the request had it. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
