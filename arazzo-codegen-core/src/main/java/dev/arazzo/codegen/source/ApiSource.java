package dev.arazzo.codegen.source;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An API description that a source description names, as the rest of the generator sees it: its
 * operations, parameters and schemas through the project's own views, whatever parsed it. OpenAPI
 * lives in {@code dev.arazzo.codegen.source.openapi}; another kind of source (AsyncAPI) is another
 * package implementing these interfaces.
 */
public interface ApiSource {

    /** The source description's name. */
    String name();

    /** The local file it was read from. */
    Path file();

    /** Its first server url with variables set to their defaults, or null when it has none. */
    String serverUrl();

    /** The document's own servers (its {@code servers}, or what Swagger 2.0's host and basePath make). */
    default List<ServerView> servers() {
        return List.of();
    }

    /** Every operation, in document order. */
    List<OperationView> operations();

    /** The security schemes the description declares, by name, in document order. */
    Map<String, SecuritySchemeView> securitySchemes();
}
