package dev.arazzo.codegen.source.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.arazzo.codegen.diagnostic.Diagnostics;
import dev.arazzo.codegen.diagnostic.SourceLocation;
import dev.arazzo.codegen.source.FileAccess;
import dev.arazzo.codegen.source.FileReads;
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
        byte[] bytes = readAll(file);
        boolean subsetAsked = !demand.all() && !Boolean.getBoolean(WHOLE_DOCUMENTS);
        Path topFile = file.toAbsolutePath().normalize();
        TopPass top = new TopPass(topFile, access);
        Optional<OpenApiOutline> outline = Optional.empty();
        boolean outlined = false;
        if (bytes != null && subsetAsked && OpenApiOutline.startsWithObject(bytes) && looksLikeJson(file, bytes)) {
            // one pass over the tokens outlines the document, checks its $refs and finds its servers; the parser
            // stops at a key written twice in an object, as swagger-parser's does (then the whole document is
            // parsed, and swagger-parser reports the key), and then the $refs and servers take a pass of their own
            OpenApiOutline.Pass pass = OpenApiOutline.scan(bytes, SwaggerJson.MAPPER, top);
            traced(trace -> trace.pass(topFile));
            outline = pass.outline();
            outlined = true;
            if (!pass.complete()) {
                top = new TopPass(topFile, access);
                tokens(topFile, bytes, top);
            }
        } else if (bytes != null) {
            tokens(topFile, bytes, top);
        }
        ServerLocations.Collector servers = top.servers;
        Set<Path> referenced = referencedFiles(top.file, top.refs, access, diagnostics);
        if (diagnostics.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        if (bytes == null) {
            bytes = new byte[0];
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        // every $ref was checked above to name a local, allowed file; remote ones never get here, and
        // swagger-parser's own guard against private and loopback hosts stays on besides
        options.setSafelyResolveURL(true);
        String reading = "the whole document: every operation is asked for";
        if (subsetAsked) {
            // a text that is not a JSON object is not outlined: the JSON mapper is not even built for it
            Subset subset = subset(name, file, bytes, outlined || !OpenApiOutline.startsWithObject(bytes) ? outline
                    : OpenApiOutline.scan(bytes, SwaggerJson.MAPPER), demand, options);
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
        traced(trace -> {
            trace.read(topFile); // swagger-parser, or the 3.2 rewriting, reads the file once more, and parses it
            trace.pass(topFile);
        });
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
    private static Subset subset(String name, Path file, byte[] bytes, Optional<OpenApiOutline> outline,
            OperationDemand demand, ParseOptions options) {
        String location = file.toUri().toString();
        // JSON is outlined in one pass over its tokens and only the parts kept are read as trees, by the mapper
        // swagger-parser reads JSON with; YAML (and JSON that cannot be outlined) is read whole into
        // swagger-parser's tree first
        if (outline.isEmpty()) {
            JsonNode document;
            try {
                traced(trace -> trace.pass(file.toAbsolutePath().normalize()));
                String content = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
                // swagger-parser's tree of YAML, read without its mappers; what that cannot read, swagger-parser
                document = SwaggerYaml.read(content).orElseGet(() -> io.swagger.v3.parser.util.DeserializationUtils
                        .deserializeIntoTree(content, location, options, new SwaggerParseResult()));
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
        // as the tree: swagger-parser deserializes it and resolves its $refs as readContents would after reading
        // its text (no text written and read back)
        SwaggerParseResult result = OpenApi31References.readTree(pruned.subset().get(), options, location);
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
        Path top = file.toAbsolutePath().normalize();
        RefCheck refs = new RefCheck(top, access);
        byte[] bytes = Files.isRegularFile(top) ? readAll(top) : null;
        if (bytes != null) {
            tokens(top, bytes, refs);
        }
        return referencedFiles(top, refs, access, diagnostics);
    }

    /**
     * The files the document {@code top} pulls in, itself first: {@code topRefs} holds what the pass over its
     * own tokens found; each other file is read and passed over here, in the order they are named.
     */
    private static Set<Path> referencedFiles(Path top, RefCheck topRefs, FileAccess access,
            Diagnostics diagnostics) {
        Set<Path> seen = new LinkedHashSet<>();
        seen.add(top);
        Deque<Path> pending = new ArrayDeque<>();
        topRefs.report(diagnostics, pending);
        while (!pending.isEmpty()) {
            Path next = pending.pop();
            if (seen.add(next) && Files.isRegularFile(next)) {
                byte[] bytes = readAll(next);
                if (bytes != null) {
                    RefCheck refs = new RefCheck(next, access);
                    tokens(next, bytes, refs);
                    refs.report(diagnostics, pending);
                }
            }
        }
        return seen;
    }

    /** Hands every token of {@code file} to {@code tokens}, as far as the text can be read. */
    private static void tokens(Path file, byte[] bytes, OpenApiOutline.Tokens tokens) {
        traced(trace -> trace.pass(file));
        com.fasterxml.jackson.core.JsonFactory factory = looksLikeJson(file, bytes) ? JSON.getFactory()
                : YAML.getFactory();
        try (com.fasterxml.jackson.core.JsonParser parser = factory.createParser(bytes)) {
            com.fasterxml.jackson.core.JsonToken token;
            while ((token = parser.nextToken()) != null) {
                tokens.accept(parser, token);
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable document is reported by the parser that reads it for its content
        }
    }

    /** The whole file, or null when it cannot be read (the parser that reads it for its content says why). */
    private static byte[] readAll(Path file) {
        traced(trace -> trace.read(file.toAbsolutePath().normalize()));
        try {
            return FileReads.readAllBytes(file);
        } catch (IOException e) {
            return null;
        }
    }

    private static final java.util.regex.Pattern SCHEME = java.util.regex.Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    /**
     * A mapper that reads JSON trees as swagger-parser's ({@code ObjectMapperFactory.createJson}) reads them: a
     * key written twice in an object is an error. swagger-parser's also registers JSR-310 support and sets
     * features of writing and of binding to classes, none of which a tree read touches; made once.
     */
    private static final class SwaggerJson {
        static final ObjectMapper MAPPER = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
    }

    /** The tokens of the document itself: its {@code $ref}s checked, its servers found. */
    private static final class TopPass implements OpenApiOutline.Tokens {

        final Path file;
        final RefCheck refs;
        final ServerLocations.Collector servers = new ServerLocations.Collector();

        TopPass(Path file, FileAccess access) {
            this.file = file;
            this.refs = new RefCheck(file, access);
        }

        @Override
        public void accept(com.fasterxml.jackson.core.JsonParser parser, com.fasterxml.jackson.core.JsonToken token)
                throws IOException {
            servers.accept(parser, token);
            refs.accept(parser, token);
        }
    }

    /** A problem of a {@code $ref}, reported once the pass over its file is over. */
    private record RefProblem(String code, SourceLocation at, String message) {
    }

    /**
     * The {@code $ref}s of one file, from its tokens: each to another allowed file is kept to be followed; a
     * remote one, an invalid one and one to a file {@code access} does not allow is a problem at the {@code $ref}.
     */
    private static final class RefCheck implements OpenApiOutline.Tokens {

        private final Path file;
        private final FileAccess access;
        private final java.util.List<Path> targets = new java.util.ArrayList<>();
        private final java.util.List<RefProblem> problems = new java.util.ArrayList<>();
        private boolean afterRef;

        RefCheck(Path file, FileAccess access) {
            this.file = file;
            this.access = access;
        }

        @Override
        public void accept(com.fasterxml.jackson.core.JsonParser parser, com.fasterxml.jackson.core.JsonToken token)
                throws IOException {
            if (afterRef) {
                afterRef = false;
                if (token == com.fasterxml.jackson.core.JsonToken.VALUE_STRING) {
                    check(parser);
                }
                return;
            }
            afterRef = token == com.fasterxml.jackson.core.JsonToken.FIELD_NAME
                    && "$ref".equals(parser.currentName());
        }

        private void check(com.fasterxml.jackson.core.JsonParser parser) throws IOException {
            if (parser.getTextLength() == 0 || parser.getTextCharacters()[parser.getTextOffset()] == '#') {
                return; // within the file: most $refs, so their text and location are taken only for the others
            }
            String ref = parser.getText();
            int hash = ref.indexOf('#');
            String path = hash < 0 ? ref : ref.substring(0, hash);
            com.fasterxml.jackson.core.JsonLocation where = parser.currentTokenLocation();
            SourceLocation at = new SourceLocation(file, Math.max(1, where.getLineNr()),
                    Math.max(1, where.getColumnNr()), parser.getParsingContext().pathAsPointer().toString());
            Path target;
            if (SCHEME.matcher(path).find() && !path.regionMatches(true, 0, "file:", 0, 5)) {
                problems.add(new RefProblem("remote-ref", at, "$ref '" + ref + "' is remote, and remote urls are "
                        + "never fetched at build time; save a copy among the project's files and refer to it by a "
                        + "relative path (a source description itself can be mapped with <sourceMappings>)"));
                return;
            }
            try {
                target = SCHEME.matcher(path).find()
                        ? Path.of(java.net.URI.create(path)).normalize()
                        : file.resolveSibling(java.net.URLDecoder.decode(path.replace("+", "%2B"),
                                java.nio.charset.StandardCharsets.UTF_8)).normalize();
            } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
                problems.add(new RefProblem("invalid-ref", at, "$ref '" + ref + "' is not a valid file reference"));
                return;
            }
            if (!access.allows(target)) {
                problems.add(new RefProblem("ref-outside-project", at, "$ref '" + ref + "' names " + target
                        + ", outside the folders the build may read (" + access.describe() + "); copy the file "
                        + "into the project, or add its folder to the allowed roots (the plugin's <allowedRoots>)"));
                return;
            }
            targets.add(target);
        }

        /** Reports the problems found, in the order of the file, and adds the files named to {@code pending}. */
        void report(Diagnostics diagnostics, Deque<Path> pending) {
            problems.forEach(problem -> diagnostics.error(problem.code(), problem.at(), problem.message()));
            pending.addAll(targets);
        }
    }

    /** For tests: when set on a thread, what reading on that thread does ({@link Trace}). */
    static final ThreadLocal<Trace> TRACE = new ThreadLocal<>();

    static void traced(java.util.function.Consumer<Trace> event) {
        Trace trace = TRACE.get();
        if (trace != null) {
            event.accept(trace);
        }
    }

    /** By file, how often it was read whole and passed over token by token; and the bytes of parts read as trees. */
    static final class Trace {

        final Map<Path, Integer> reads = new java.util.HashMap<>();
        final Map<Path, Integer> passes = new java.util.HashMap<>();
        long partBytes;

        void read(Path file) {
            reads.merge(file, 1, Integer::sum);
        }

        void pass(Path file) {
            passes.merge(file, 1, Integer::sum);
        }
    }

    /** The document as a tree, JSON or YAML; empty when it cannot be read. */
    private static Optional<JsonNode> tree(byte[] bytes, Path file) {
        traced(trace -> trace.pass(file.toAbsolutePath().normalize()));
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
