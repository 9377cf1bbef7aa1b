package dev.arazzo.codegen.source.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.arazzo.codegen.diagnostic.Diagnostics;
import dev.arazzo.codegen.diagnostic.SourceLocation;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.servers.ServerVariable;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads OpenAPI 3.0/3.1 and Swagger 2.0 documents through swagger-parser. Problems are reported at the
 * Arazzo node that names the document ({@code at}): swagger-parser keeps no positions.
 */
public final class OpenApiReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private OpenApiReader() {
    }

    /** The OpenAPI document in {@code file}, as the source {@code name}; empty (reported) when it cannot be read. */
    public static Optional<OpenApiSource> read(String name, Path file, SourceLocation at, Diagnostics diagnostics) {
        if (!Files.isRegularFile(file)) {
            diagnostics.error("source-not-found", at, "source '" + name + "' names file '" + file
                    + "', which does not exist; check the url or add a source mapping");
            return Optional.empty();
        }
        String version = tree(file).map(root -> root.path("openapi").asText("")).orElse("");
        if (version.startsWith("3.2")) {
            diagnostics.error("unsupported-openapi-version", at, "source '" + name + "' is OpenAPI " + version
                    + ", which this generator cannot read yet (its OpenAPI parser reads 3.0 and 3.1); describe the API "
                    + "in OpenAPI 3.1 or 3.0");
            return Optional.empty();
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIParser().readLocation(file.toUri().toString(), null, options);
        OpenAPI openApi = result.getOpenAPI();
        if (openApi == null || openApi.getPaths() == null && openApi.getComponents() == null) {
            String why = result.getMessages() == null || result.getMessages().isEmpty()
                    ? "it is not an OpenAPI document"
                    : String.join("; ", result.getMessages());
            diagnostics.error("invalid-openapi", at, "source '" + name + "' cannot be read as OpenAPI: " + why);
            return Optional.empty();
        }
        return Optional.of(new OpenApiSource(name, file, openApi, serverUrl(openApi)));
    }

    private static String serverUrl(OpenAPI openApi) {
        if (openApi.getServers() == null || openApi.getServers().isEmpty()) {
            return null;
        }
        Server server = openApi.getServers().get(0);
        String url = server.getUrl();
        if (url == null) {
            return null;
        }
        if (server.getVariables() != null) {
            for (Map.Entry<String, ServerVariable> variable : server.getVariables().entrySet()) {
                String value = variable.getValue().getDefault();
                url = url.replace("{" + variable.getKey() + "}", value == null ? "" : value);
            }
        }
        return url;
    }

    /** The files an OpenAPI document pulls in through {@code $ref}, followed transitively, itself first. */
    public static Set<Path> referencedFiles(Path file) {
        Set<Path> seen = new LinkedHashSet<>();
        Deque<Path> pending = new ArrayDeque<>();
        pending.add(file.toAbsolutePath().normalize());
        Set<Path> visited = new HashSet<>();
        while (!pending.isEmpty()) {
            Path next = pending.pop();
            if (!visited.add(next)) {
                continue;
            }
            seen.add(next);
            tree(next).ifPresent(root -> collectRefs(next, root, pending));
        }
        return seen;
    }

    private static void collectRefs(Path file, JsonNode node, Deque<Path> pending) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && !ref.asText().startsWith("#")) {
                String target = ref.asText();
                int hash = target.indexOf('#');
                String path = hash < 0 ? target : target.substring(0, hash);
                if (!path.isEmpty() && !path.contains("://")) {
                    pending.add(file.resolveSibling(path).normalize());
                }
            }
        }
        node.elements().forEachRemaining(child -> collectRefs(file, child, pending));
    }

    /** The document as a tree, JSON or YAML; empty when it cannot be read. */
    private static Optional<JsonNode> tree(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            JsonNode root = (looksLikeJson(file, bytes) ? JSON : YAML).readTree(bytes);
            return Optional.ofNullable(root);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean looksLikeJson(Path file, byte[] bytes) {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            return true;
        }
        for (byte b : bytes) {
            if (!Character.isWhitespace(b)) {
                return b == '{' || b == '[';
            }
        }
        return false;
    }
}
