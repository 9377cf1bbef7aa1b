package dev.arazzo.codegen.resolve;

import io.swagger.v3.oas.models.OpenAPI;
import java.nio.file.Path;

/**
 * An OpenAPI document named by a source description, parsed.
 *
 * @param name the source description's name
 * @param file the local file it was read from
 * @param openApi the parsed document, with external {@code $ref}s resolved into components
 * @param serverUrl its first server url with variables set to their defaults, or null when it has none
 */
public record OpenApiSource(String name, Path file, OpenAPI openApi, String serverUrl) {
}
