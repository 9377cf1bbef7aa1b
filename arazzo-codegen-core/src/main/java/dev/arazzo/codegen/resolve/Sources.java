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
 */
public record Sources(Map<String, OpenApiSource> openApi, Map<String, ArazzoDocument> arazzo, Set<Path> filesRead) {

    public Sources {
        openApi = Map.copyOf(openApi);
        arazzo = Map.copyOf(arazzo);
        filesRead = Set.copyOf(filesRead);
    }
}
