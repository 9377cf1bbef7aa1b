package dev.arazzo.codegen.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arazzo.codegen.check.SchemaChecker;
import dev.arazzo.codegen.diagnostic.Diagnostics;
import dev.arazzo.codegen.diagnostic.SourceLocation;
import dev.arazzo.codegen.load.ArazzoDocument;
import dev.arazzo.codegen.load.DocumentLoader;
import dev.arazzo.codegen.load.SourceDocument;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.servers.ServerVariable;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The resolve stage, first half: finds and parses every document that an Arazzo document's source
 * descriptions name: OpenAPI 3.0/3.1 and Swagger 2.0 through swagger-parser, Arazzo through the loader.
 *
 * <p>A url is looked up in the source mappings first (offline builds, mirrors), then taken relative
 * to the Arazzo document. Remote urls without a mapping are reported, never fetched.
 */
public final class SourceResolver {

    private final DocumentLoader loader;
    private final Map<String, Path> mappings;
    private final Diagnostics diagnostics;

    public SourceResolver(DocumentLoader loader, Map<String, Path> mappings, Diagnostics diagnostics) {
        this.loader = loader;
        this.mappings = mappings;
        this.diagnostics = diagnostics;
    }

    public Sources resolve(ArazzoDocument document) {
        Map<String, OpenApiSource> openApi = new LinkedHashMap<>();
        Map<String, ArazzoDocument> arazzo = new LinkedHashMap<>();
        Set<Path> filesRead = new LinkedHashSet<>();
        filesRead.add(document.source().file());
        Set<String> names = new java.util.HashSet<>();
        for (ArazzoDocument.SourceDescription description : document.sourceDescriptions()) {
            SourceLocation at = document.locate(description.pointer() + "/url");
            if (!names.add(description.name())) {
                diagnostics.error("duplicate-source", document.locate(description.pointer() + "/name"),
                        "source description name '" + description.name() + "' is used twice; give each source its own name");
                continue;
            }
            Path file = locate(document, description.url(), at);
            if (file == null) {
                continue;
            }
            String type = description.type();
            if (type == null) {
                type = guessType(file);
            }
            if ("arazzo".equals(type)) {
                loader.load(file, at, diagnostics).flatMap(source -> {
                    filesRead.add(source.file());
                    return SchemaChecker.read(source, diagnostics);
                }).ifPresent(source -> arazzo.put(description.name(), source));
            } else if ("openapi".equals(type)) {
                OpenApiSource source = parseOpenApi(description.name(), file, at);
                if (source != null) {
                    openApi.put(description.name(), source);
                    filesRead.addAll(referencedFiles(file, at));
                }
            }
            // any other type is a schema violation, reported by SchemaChecker at the type itself
        }
        Set<String> unavailable = new LinkedHashSet<>();
        document.sourceDescriptions().stream().map(ArazzoDocument.SourceDescription::name)
                .filter(name -> !openApi.containsKey(name) && !arazzo.containsKey(name)).forEach(unavailable::add);
        return new Sources(openApi, arazzo, filesRead, unavailable);
    }

    private Path locate(ArazzoDocument document, String url, SourceLocation at) {
        Path mapped = mappings.get(url);
        if (mapped != null) {
            return mapped.toAbsolutePath().normalize();
        }
        URI uri;
        try {
            uri = URI.create(url.replace(" ", "%20"));
        } catch (IllegalArgumentException e) {
            diagnostics.error("invalid-url", at, "source url '" + url + "' is not a valid URI reference");
            return null;
        }
        if (uri.getScheme() != null && !uri.getScheme().equalsIgnoreCase("file")) {
            diagnostics.error("remote-source", at, "source url '" + url + "' is remote and is never fetched at build "
                    + "time; map it to a local copy with a source mapping (the plugin's <sourceMappings>)");
            return null;
        }
        if (uri.getScheme() != null) {
            return Path.of(uri).normalize();
        }
        String path = uri.getPath() == null ? url : uri.getPath();
        return document.source().file().resolveSibling(path).normalize();
    }

    private String guessType(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.contains("arazzo") ? "arazzo" : "openapi";
    }

    private OpenApiSource parseOpenApi(String name, Path file, SourceLocation at) {
        if (!java.nio.file.Files.isRegularFile(file)) {
            diagnostics.error("source-not-found", at, "source '" + name + "' names file '" + file
                    + "', which does not exist; check the url or add a source mapping");
            return null;
        }
        String version = loader.load(file, at, new Diagnostics())
                .map(doc -> doc.root().path("openapi").asText("")).orElse("");
        if (version.startsWith("3.2")) {
            diagnostics.error("unsupported-openapi-version", at, "source '" + name + "' is OpenAPI " + version
                    + ", which this generator cannot read yet (its OpenAPI parser reads 3.0 and 3.1); describe the API "
                    + "in OpenAPI 3.1 or 3.0");
            return null;
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
            return null;
        }
        return new OpenApiSource(name, file, openApi, serverUrl(openApi));
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

    /** The files an OpenAPI document pulls in through {@code $ref}, followed transitively. */
    private Set<Path> referencedFiles(Path file, SourceLocation at) {
        Set<Path> seen = new LinkedHashSet<>();
        Deque<Path> pending = new ArrayDeque<>();
        pending.add(file.toAbsolutePath().normalize());
        Map<Path, Boolean> visited = new HashMap<>();
        while (!pending.isEmpty()) {
            Path next = pending.pop();
            if (visited.put(next, Boolean.TRUE) != null) {
                continue;
            }
            seen.add(next);
            loader.load(next, at, new Diagnostics()).ifPresent(doc -> collectRefs(doc, doc.root(), pending));
        }
        return seen;
    }

    private static void collectRefs(SourceDocument doc, JsonNode node, Deque<Path> pending) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && !ref.asText().startsWith("#")) {
                String target = ref.asText();
                int hash = target.indexOf('#');
                String path = hash < 0 ? target : target.substring(0, hash);
                if (!path.isEmpty() && !path.contains("://")) {
                    pending.add(doc.file().resolveSibling(path).normalize());
                }
            }
        }
        node.elements().forEachRemaining(child -> collectRefs(doc, child, pending));
    }
}
