package dev.arazzo.codegen.source.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.arazzo.codegen.diagnostic.Diagnostics;
import dev.arazzo.codegen.diagnostic.SourceLocation;
import dev.arazzo.codegen.source.FileAccess;
import dev.arazzo.codegen.source.OperationDemand;
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
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads OpenAPI 3.0/3.1 and Swagger 2.0 documents through swagger-parser, and OpenAPI 3.2 ones rewritten into
 * 3.1 first ({@link OpenApi32}). Problems are reported at the
 * Arazzo node that names the document ({@code at}): swagger-parser keeps no positions.
 */
public final class OpenApiReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private OpenApiReader() {
    }

    /** The OpenAPI document in {@code file}, as the source {@code name}; empty (reported) when it cannot be read. */
    public static Optional<OpenApiSource> read(String name, Path file, SourceLocation at, Diagnostics diagnostics) {
        return read(name, file, at, diagnostics, FileAccess.anywhere());
    }

    /**
     * The OpenAPI document in {@code file}, as the source {@code name}, whose {@code $ref}s may name only the
     * files {@code access} allows; empty (reported) when it cannot be read. Every {@code $ref} is checked
     * before swagger-parser reads anything: a remote one, or one to a file outside the allowed folders, is an
     * error at the {@code $ref} itself, and then the document is not parsed at all.
     */
    public static Optional<OpenApiSource> read(String name, Path file, SourceLocation at, Diagnostics diagnostics,
            FileAccess access) {
        return read(name, file, at, diagnostics, access, OperationDemand.everything());
    }

    /**
     * As {@link #read(String, Path, SourceLocation, Diagnostics, FileAccess)}, reading only what {@code demand}
     * asks for when that can be done exactly ({@link OpenApiSubset}): the operations the steps name, and the
     * components they reach; the source then lists those operations alone. Views, and so the generated code
     * and the diagnostics, are the same as from the whole document; when a subset could not be read exactly
     * (Swagger 2.0, OpenAPI 3.2, a path item {@code $ref}, a {@code $ref} to another file, an operation the
     * document does not define, ...) the whole document is parsed. The system property
     * {@value #WHOLE_DOCUMENTS} set to {@code true} always parses the whole document.
     */
    public static Optional<OpenApiSource> read(String name, Path file, SourceLocation at, Diagnostics diagnostics,
            FileAccess access, OperationDemand demand) {
        if (!Files.isRegularFile(file)) {
            diagnostics.error("source-not-found", at, "source '" + name + "' names file '" + file
                    + "', which does not exist; check the url or add a source mapping");
            return Optional.empty();
        }
        long errorsBefore = diagnostics.errorCount();
        ServerLocations.Collector servers = new ServerLocations.Collector();
        Set<Path> referenced = referencedFiles(file, access, diagnostics, servers);
        if (diagnostics.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            bytes = new byte[0];
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        // every $ref was checked above to name a local, allowed file; remote ones never get here, and
        // swagger-parser's own guard against private and loopback hosts stays on besides
        options.setSafelyResolveURL(true);
        String reading = "the whole document: every operation is asked for";
        if (!demand.all() && !Boolean.getBoolean(WHOLE_DOCUMENTS)) {
            Subset subset = subset(name, file, bytes, demand, options);
            if (subset.openApi() != null) {
                return Optional.of(new OpenApiSource(name, file, subset.openApi(), serverUrl(subset.openApi()),
                        servers.locations(file), false, Map.of(), "the operations the workflows name")
                        .referencing(referenced));
            }
            reading = "the whole document: " + subset.reason();
        }
        Optional<JsonNode> tree = tree(bytes, file);
        String version = tree.map(root -> root.path("openapi").asText("")).orElse("");
        Optional<String> translated = Optional.empty();
        if (version.startsWith("3.2")) {
            // swagger-parser 2.1 reads 3.0 and 3.1 only: the 3.2 document is rewritten into 3.1 first
            translated = OpenApi32.translate(name, file, at, diagnostics);
            if (translated.isEmpty()) {
                return Optional.empty();
            }
        }
        SwaggerParseResult result = translated.isPresent()
                ? new io.swagger.v3.parser.OpenAPIV3Parser().readContents(translated.get(), null, options,
                        file.toUri().toString())
                : new OpenAPIParser().readLocation(file.toUri().toString(), null, options);
        OpenAPI openApi = result.getOpenAPI();
        if (openApi == null || openApi.getPaths() == null && openApi.getComponents() == null) {
            String why = result.getMessages() == null || result.getMessages().isEmpty()
                    ? "it is not an OpenAPI document"
                    : String.join("; ", result.getMessages());
            diagnostics.error("invalid-openapi", at, "source '" + name + "' cannot be read as OpenAPI: " + why);
            return Optional.empty();
        }
        ServerLocations locations = servers.locations(file);
        boolean swagger = tree.map(root -> root.has("swagger")).orElse(false);
        Map<String, String> unsendable = tree.map(CollectionFormats::unsendable).orElse(Map.of());
        return Optional.of(new OpenApiSource(name, file, openApi, serverUrl(openApi), locations, swagger,
                unsendable, reading).referencing(referenced));
    }

    /** The system property that turns reading subsets off: every OpenAPI document is parsed whole. */
    public static final String WHOLE_DOCUMENTS = "arazzo.openapi.wholeDocuments";

    /** A subset read by swagger-parser, or null with the reason the whole document is to be parsed. */
    private record Subset(OpenAPI openApi, String reason) {
    }

    /**
     * The part of the document {@code demand} reads, parsed by swagger-parser from parts read as it reads the
     * whole file (so every value is what it is in a whole parse); OpenAPI 3.0 and 3.1 only.
     */
    private static Subset subset(String name, Path file, byte[] bytes, OperationDemand demand, ParseOptions options) {
        String location = file.toUri().toString();
        // JSON is outlined in one pass over its tokens and only the parts kept are read as trees, by the mapper
        // swagger-parser reads JSON with; YAML is read whole into swagger-parser's tree first
        Optional<OpenApiOutline> outline = OpenApiOutline.scan(bytes,
                io.swagger.v3.parser.ObjectMapperFactory.createJson());
        if (outline.isEmpty()) {
            JsonNode document;
            try {
                String content = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
                document = io.swagger.v3.parser.util.DeserializationUtils.deserializeIntoTree(content, location,
                        options, new SwaggerParseResult());
            } catch (RuntimeException e) {
                return new Subset(null, "it could not be read as a tree (" + e.getMessage() + ")");
            }
            outline = document == null ? Optional.empty() : OpenApiOutline.of(document);
            if (outline.isEmpty()) {
                return new Subset(null, "it is not an object with an object of paths");
            }
        }
        if (outline.get().order.contains("swagger")) {
            return new Subset(null, "Swagger 2.0 goes through swagger-parser's converter");
        }
        var openapi = outline.get().fields.get("openapi");
        String version = openapi == null || openapi.get() == null ? "" : openapi.get().asText("");
        if (!version.startsWith("3.0") && !version.startsWith("3.1")) {
            return new Subset(null, "OpenAPI '" + version + "' is rewritten or converted as a whole");
        }
        OpenApiSubset.Result pruned = OpenApiSubset.of(outline.get(), name, demand);
        if (pruned.subset().isEmpty()) {
            return new Subset(null, pruned.reason());
        }
        String text;
        try {
            text = JSON.writeValueAsString(pruned.subset().get());
        } catch (IOException e) {
            return new Subset(null, "the subset could not be written (" + e.getMessage() + ")");
        }
        SwaggerParseResult result = version.startsWith("3.1")
                ? OpenApi31References.readContents(text, options, location)
                : new io.swagger.v3.parser.OpenAPIV3Parser().readContents(text, null, options, location);
        OpenAPI openApi = result.getOpenAPI();
        if (openApi == null || openApi.getPaths() == null && openApi.getComponents() == null) {
            return new Subset(null, "the subset is not read as OpenAPI; the whole document says why");
        }
        return new Subset(openApi, "");
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
        return referencedFiles(file, FileAccess.anywhere(), new Diagnostics());
    }

    /**
     * The files an OpenAPI document pulls in through {@code $ref}, followed transitively, itself first;
     * a remote {@code $ref}, or one to a file {@code access} does not allow, is reported at the
     * {@code $ref} and not followed. The files are read token by token, so no nesting is too deep.
     */
    public static Set<Path> referencedFiles(Path file, FileAccess access, Diagnostics diagnostics) {
        return referencedFiles(file, access, diagnostics, null);
    }

    /**
     * As {@link #referencedFiles(Path, FileAccess, Diagnostics)}, handing each token of {@code file} itself to
     * {@code servers} (when not null).
     */
    private static Set<Path> referencedFiles(Path file, FileAccess access, Diagnostics diagnostics,
            ServerLocations.Collector servers) {
        Set<Path> seen = new LinkedHashSet<>();
        Deque<Path> pending = new ArrayDeque<>();
        pending.add(file.toAbsolutePath().normalize());
        ServerLocations.Collector collector = servers;
        while (!pending.isEmpty()) {
            Path next = pending.pop();
            if (seen.add(next) && Files.isRegularFile(next)) {
                collectRefs(next, access, pending, diagnostics, collector);
            }
            collector = null;
        }
        return seen;
    }

    private static final java.util.regex.Pattern SCHEME = java.util.regex.Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    private static void collectRefs(Path file, FileAccess access, Deque<Path> pending, Diagnostics diagnostics,
            ServerLocations.Collector servers) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return;
        }
        com.fasterxml.jackson.core.JsonFactory factory = looksLikeJson(file, bytes) ? JSON.getFactory()
                : YAML.getFactory();
        try (com.fasterxml.jackson.core.JsonParser parser = factory.createParser(bytes)) {
            com.fasterxml.jackson.core.JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (servers != null) {
                    servers.accept(parser, token);
                }
                if (token != com.fasterxml.jackson.core.JsonToken.FIELD_NAME || !"$ref".equals(parser.currentName())) {
                    continue;
                }
                com.fasterxml.jackson.core.JsonToken value = parser.nextToken();
                if (value == null) {
                    break;
                }
                if (servers != null) {
                    servers.accept(parser, value);
                }
                if (value != com.fasterxml.jackson.core.JsonToken.VALUE_STRING) {
                    continue;
                }
                String ref = parser.getText();
                int hash = ref.indexOf('#');
                String path = hash < 0 ? ref : ref.substring(0, hash);
                if (path.isEmpty()) {
                    continue; // within the file: most $refs, so their location is taken only for the others
                }
                com.fasterxml.jackson.core.JsonLocation where = parser.currentTokenLocation();
                SourceLocation at = new SourceLocation(file, Math.max(1, where.getLineNr()),
                        Math.max(1, where.getColumnNr()), parser.getParsingContext().pathAsPointer().toString());
                Path target;
                if (SCHEME.matcher(path).find() && !path.regionMatches(true, 0, "file:", 0, 5)) {
                    diagnostics.error("remote-ref", at, "$ref '" + ref + "' is remote, and remote urls are never "
                            + "fetched at build time; save a copy among the project's files and refer to it by a "
                            + "relative path (a source description itself can be mapped with <sourceMappings>)");
                    continue;
                }
                try {
                    target = SCHEME.matcher(path).find()
                            ? Path.of(java.net.URI.create(path)).normalize()
                            : file.resolveSibling(java.net.URLDecoder.decode(path.replace("+", "%2B"),
                                    java.nio.charset.StandardCharsets.UTF_8)).normalize();
                } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
                    diagnostics.error("invalid-ref", at, "$ref '" + ref + "' is not a valid file reference");
                    continue;
                }
                if (!access.allows(target)) {
                    diagnostics.error("ref-outside-project", at, "$ref '" + ref + "' names " + target + ", outside "
                            + "the folders the build may read (" + access.describe() + "); copy the file into the "
                            + "project, or add its folder to the allowed roots (the plugin's <allowedRoots>)");
                    continue;
                }
                pending.add(target);
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable document is reported by the parser that reads it for its content
        }
    }

    /** The document as a tree, JSON or YAML; empty when it cannot be read. */
    private static Optional<JsonNode> tree(byte[] bytes, Path file) {
        try {
            JsonNode root = (looksLikeJson(file, bytes) ? JSON : YAML).readTree(bytes);
            return Optional.ofNullable(root);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static boolean looksLikeJson(Path file, byte[] bytes) {
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
