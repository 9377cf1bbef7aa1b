package dev.arazzo.codegen.bind;

import dev.arazzo.codegen.load.ArazzoDocument;
import dev.arazzo.codegen.source.ApiSource;
import dev.arazzo.codegen.source.asyncapi.AsyncApiDocument;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The documents an Arazzo document's source descriptions name, by source name.
 *
 * @param apis the API sources (OpenAPI), behind the {@link ApiSource} views
 * @param arazzo the Arazzo sources
 * @param filesRead every file read to get them, absolute and normalized
 * @param unavailable the names of sources that could not be read (each reported once, at its url)
 * @param asyncApis the AsyncAPI sources
 */
public record BoundSources(
        Map<String, ApiSource> apis, Map<String, ArazzoDocument> arazzo, Set<Path> filesRead, Set<String> unavailable,
        Map<String, AsyncApiDocument> asyncApis) {

    public BoundSources {
        apis = Collections.unmodifiableMap(new LinkedHashMap<>(apis));
        arazzo = Collections.unmodifiableMap(new LinkedHashMap<>(arazzo));
        filesRead = Set.copyOf(filesRead);
        unavailable = Set.copyOf(unavailable);
        asyncApis = Collections.unmodifiableMap(new LinkedHashMap<>(asyncApis));
    }

    /** Sources without AsyncAPI ones. */
    public BoundSources(
            Map<String, ApiSource> apis, Map<String, ArazzoDocument> arazzo, Set<Path> filesRead, Set<String> unavailable) {
        this(apis, arazzo, filesRead, unavailable, Map.of());
    }
}
