package dev.arazzo.codegen.bind;

import dev.arazzo.codegen.diagnostic.Diagnostics;
import dev.arazzo.codegen.diagnostic.SourceLocation;
import dev.arazzo.codegen.load.ArazzoDocument;
import dev.arazzo.codegen.load.DocumentLoader;
import dev.arazzo.codegen.load.SchemaChecker;
import dev.arazzo.codegen.source.ApiSource;
import dev.arazzo.codegen.source.FileAccess;
import dev.arazzo.codegen.source.OperationDemand;
import dev.arazzo.codegen.source.asyncapi.AsyncApiDocument;
import dev.arazzo.codegen.source.asyncapi.AsyncApiReader;
import dev.arazzo.codegen.source.openapi.OpenApiReader;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The bind stage, first part: finds and reads every document that an Arazzo document's source
 * descriptions name: OpenAPI 3.0/3.1 and Swagger 2.0 through the OpenAPI source, Arazzo through the
 * loader.
 *
 * <p>A url is looked up in the source mappings first (offline builds, mirrors), as written or as resolved
 * against the document's base URI; then taken relative to that base. The base URI is the document's
 * {@code $self} (Arazzo 1.1), itself resolved against the document's file when relative; without
 * {@code $self}, the document's file. Remote urls without a mapping are reported, never fetched.
 */
public final class SourceBinder {

    private final DocumentLoader loader;
    private final Map<String, Path> mappings;
    private final Diagnostics diagnostics;
    private final FileAccess access;

    public SourceBinder(DocumentLoader loader, Map<String, Path> mappings, Diagnostics diagnostics) {
        this(loader, mappings, diagnostics, FileAccess.anywhere());
    }

    /**
     * A binder whose unmapped source urls, and the {@code $ref}s of the OpenAPI documents they name, may
     * name only the files {@code access} allows.
     */
    public SourceBinder(DocumentLoader loader, Map<String, Path> mappings, Diagnostics diagnostics,
            FileAccess access) {
        this.loader = loader;
        this.mappings = mappings;
        this.diagnostics = diagnostics;
        this.access = access;
    }

    public BoundSources bind(ArazzoDocument document) {
        Map<String, ApiSource> openApi = new LinkedHashMap<>();
        Map<String, ArazzoDocument> arazzo = new LinkedHashMap<>();
        Map<String, AsyncApiDocument> asyncApis = new LinkedHashMap<>();
        Set<Path> filesRead = new LinkedHashSet<>();
        filesRead.add(document.source().file());
        Set<String> names = new java.util.HashSet<>();
        OperationDemand demand = demand(document);
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
                OpenApiReader.read(description.name(), file, at, diagnostics, access, demand).ifPresent(source -> {
                    openApi.put(description.name(), source);
                    filesRead.addAll(source.referencedFiles());
                });
            } else if ("asyncapi".equals(type)) {
                AsyncApiReader.read(description.name(), file, at, diagnostics).ifPresent(source -> {
                    asyncApis.put(description.name(), source);
                    filesRead.add(file);
                });
            }
            // any other type is a schema violation, reported by SchemaChecker at the type itself
        }
        Set<String> unavailable = new LinkedHashSet<>();
        document.sourceDescriptions().stream().map(ArazzoDocument.SourceDescription::name)
                .filter(name -> !openApi.containsKey(name) && !arazzo.containsKey(name) && !asyncApis.containsKey(name))
                .forEach(unavailable::add);
        return new BoundSources(openApi, arazzo, filesRead, unavailable, asyncApis);
    }

    /** The operations the document's steps name, as written: what its OpenAPI sources are read for. */
    private static OperationDemand demand(ArazzoDocument document) {
        Set<String> operationIds = new LinkedHashSet<>();
        Set<String> operationPaths = new LinkedHashSet<>();
        for (ArazzoDocument.Workflow workflow : document.workflows()) {
            for (ArazzoDocument.Step step : workflow.steps()) {
                if (step.operationId() != null) {
                    operationIds.add(step.operationId());
                }
                if (step.operationPath() != null) {
                    operationPaths.add(step.operationPath());
                }
            }
        }
        return OperationDemand.of(operationIds, operationPaths);
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
        URI base = selfBase(document);
        String resolvedNote = "";
        if (base != null && uri.getScheme() == null) {
            uri = base.resolve(uri);
            mapped = mappings.get(uri.toString());
            if (mapped != null) {
                return mapped.toAbsolutePath().normalize();
            }
            resolvedNote = " (resolved against the document's $self: " + uri + ")";
        }
        if (uri.getScheme() != null && !uri.getScheme().equalsIgnoreCase("file")) {
            diagnostics.error("remote-source", at, "source url '" + url + "'" + resolvedNote + " is remote and is "
                    + "never fetched at build time; map " + (resolvedNote.isEmpty() ? "it" : "either form")
                    + " to a local copy with a source mapping (the plugin's <sourceMappings>)");
            return null;
        }
        Path file;
        try {
            file = uri.getScheme() != null
                    ? Path.of(uri).normalize()
                    : document.source().file().resolveSibling(uri.getPath() == null ? url : uri.getPath()).normalize();
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            diagnostics.error("invalid-url", at, "source url '" + url + "' does not name a local file");
            return null;
        }
        if (!access.allows(file)) {
            diagnostics.error("source-outside-project", at, "source url '" + url + "' names " + file + ", outside the "
                    + "folders the build may read (" + access.describe() + "); copy the file into the project, map "
                    + "the url to a local copy (<sourceMappings>), or add its folder to <allowedRoots>");
            return null;
        }
        return file;
    }

    /**
     * The base URI of {@code document} when it has a {@code $self}: that URI, resolved against the document's
     * file when it is relative; null without {@code $self} (or with one that is not a URI reference, which the
     * schema check reports).
     */
    private static URI selfBase(ArazzoDocument document) {
        if (document.self() == null) {
            return null;
        }
        try {
            URI self = URI.create(document.self().replace(" ", "%20"));
            return self.isAbsolute() ? self : document.source().file().toUri().resolve(self);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String guessType(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.contains("arazzo") ? "arazzo" : name.contains("asyncapi") ? "asyncapi" : "openapi";
    }
}
