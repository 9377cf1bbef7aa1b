package dev.arazzo.codegen.resolve;

import dev.arazzo.codegen.load.ArazzoDocument;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * The documents an Arazzo document's source descriptions name, by source name.
 *
 * @param openApi the OpenAPI sources
 * @param arazzo the Arazzo sources
 * @param filesRead every file read to get them, absolute and normalized
 * @param unavailable the names of sources that could not be read (each reported once, at its url)
 */
public record Sources(
        Map<String, OpenApiSource> openApi, Map<String, ArazzoDocument> arazzo, Set<Path> filesRead,
        Set<String> unavailable) {

    public Sources {
        openApi = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(openApi));
        arazzo = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(arazzo));
        filesRead = Set.copyOf(filesRead);
        unavailable = Set.copyOf(unavailable);
    }
}
