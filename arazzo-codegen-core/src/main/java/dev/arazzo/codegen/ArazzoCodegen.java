package dev.arazzo.codegen;

import com.palantir.javapoet.JavaFile;
import dev.arazzo.codegen.GenerationResult.GeneratedFile;
import dev.arazzo.codegen.bind.Binder;
import dev.arazzo.codegen.bind.BoundDocument;
import dev.arazzo.codegen.bind.BoundSources;
import dev.arazzo.codegen.bind.SourceBinder;
import dev.arazzo.codegen.check.MessageStepChecker;
import dev.arazzo.codegen.check.WorkflowChecker;
import dev.arazzo.codegen.diagnostic.Diagnostic;
import dev.arazzo.codegen.diagnostic.Diagnostics;
import dev.arazzo.codegen.diagnostic.SourceLocation;
import dev.arazzo.codegen.emit.RuntimeSupport;
import dev.arazzo.codegen.emit.RuntimeTypes;
import dev.arazzo.codegen.emit.WorkflowEmitter;
import dev.arazzo.codegen.load.ArazzoDocument;
import dev.arazzo.codegen.load.DocumentLoader;
import dev.arazzo.codegen.load.SchemaChecker;
import dev.arazzo.codegen.load.SourceDocument;
import dev.arazzo.codegen.load.UnbuiltFeatures;
import dev.arazzo.codegen.model.ModelBuilder;
import dev.arazzo.codegen.model.WorkflowModel;
import dev.arazzo.codegen.source.FileAccess;
import dev.arazzo.codegen.write.SourceWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;

/**
 * The one entry point: turns Arazzo documents into Java sources.
 *
 * <pre>{@code
 * GenerationResult result = ArazzoCodegen.generate(request);
 * result.diagnostics().forEach(System.err::println);
 * }</pre>
 *
 * <p>The pipeline, per document: load (with source positions) -> bind -> check -> model -> emit;
 * then, for all documents at once, write. Every problem becomes a diagnostic; when any is an error,
 * nothing is written or deleted.
 */
public final class ArazzoCodegen {

    /** The name of the thread a document's JSON Schema check runs on, beside the reading of its sources. */
    static final String SCHEMA_CHECK_THREAD = "arazzo-schema-check";

    /** The version of this generator, part of every incremental fingerprint. */
    public static final String VERSION = readVersion();

    private ArazzoCodegen() {
    }

    public static GenerationResult generate(GenerationRequest request) {
        return generate(request, SchemaChecker::violations);
    }

    /** {@link #generate(GenerationRequest)} with {@code schemaCheck} as each document's JSON Schema check. */
    static GenerationResult generate(GenerationRequest request,
            Function<SourceDocument, List<Diagnostic>> schemaCheck) {
        WarmUp warmUp = WarmUp.start(request.concurrent());
        try {
            return generateAll(request, schemaCheck);
        } finally {
            warmUp.stop();
        }
    }

    private static GenerationResult generateAll(GenerationRequest request,
            Function<SourceDocument, List<Diagnostic>> schemaCheck) {
        List<Diagnostic> configuration = checkConfiguration(request);
        if (configuration.stream().anyMatch(Diagnostic::isError)) {
            return new GenerationResult(List.of(), List.of(), configuration, Set.of());
        }
        Diagnostics diagnostics = new Diagnostics();
        DocumentLoader loader = new DocumentLoader();
        Set<Path> filesRead = new LinkedHashSet<>();
        Map<String, Rendered> files = new LinkedHashMap<>();
        Map<String, Rendered> filesIgnoringCase = new HashMap<>();
        Set<String> supportPackages = new LinkedHashSet<>();
        Set<String> jsonPathPackages = new LinkedHashSet<>();
        Set<String> saxonPackages = new LinkedHashSet<>();
        Set<String> messagePackages = new LinkedHashSet<>();
        for (Path spec : request.specs()) {
            Path file = spec.toAbsolutePath().normalize();
            filesRead.add(file);
            String packageName = request.packageFor(file);
            long errorsBefore = diagnostics.errorCount();
            List<JavaFile> emitted;
            try {
                emitted = generate(file, packageName, request, schemaCheck, loader, diagnostics, filesRead,
                        jsonPathPackages, saxonPackages, messagePackages);
            } catch (RuntimeException | StackOverflowError e) {
                diagnostics.error("internal-error", SourceLocation.ofFile(file, ""), "the generator failed on this "
                        + "document (" + e + "); please report it with the document");
                continue;
            }
            if (diagnostics.errorCount() > errorsBefore) {
                continue;
            }
            for (JavaFile javaFile : emitted) {
                String path = relativePath(javaFile.packageName(), javaFile.typeSpec().name());
                String qualified = qualifiedName(javaFile.packageName(), javaFile.typeSpec().name());
                Rendered rendered = new Rendered(file, qualified, render(javaFile));
                // one file on a case-insensitive file system: two names that differ only in case clash too
                Rendered previous = filesIgnoringCase.putIfAbsent(path.toLowerCase(java.util.Locale.ROOT), rendered);
                files.putIfAbsent(path, rendered);
                if (previous != null) {
                    diagnostics.error("duplicate-class", SourceLocation.ofFile(file, ""), "class " + qualified
                            + " is generated from both " + previous.spec().getFileName() + " and " + file.getFileName()
                            + "; rename a workflowId or give one document its own package");
                }
            }
            if (!emitted.isEmpty()) {
                supportPackages.add(packageName);
            }
        }
        List<Diagnostic> kept = WarningSuppression.filter(diagnostics.all(), request.suppressedWarnings());
        List<Diagnostic> reported = request.warningsAsErrors()
                ? kept.stream().map(Diagnostic::asError).toList()
                : kept;
        if (reported.stream().anyMatch(Diagnostic::isError)) {
            return new GenerationResult(List.of(), List.of(), reported, filesRead);
        }
        // runtime=shared: the arazzo-runtime jar holds the support; inline: each package gets what it uses
        for (String packageName : request.runtime() == RuntimeMode.INLINE ? supportPackages : Set.<String>of()) {
            List<String> types = RuntimeSupport.typesFor(jsonPathPackages.contains(packageName),
                    saxonPackages.contains(packageName), messagePackages.contains(packageName));
            for (String type : types) {
                Path spec = files.values().stream().filter(r -> packageOf(r.qualifiedName()).equals(packageName))
                        .map(Rendered::spec).findFirst().orElseThrow();
                files.put(relativePath(packageName, type), new Rendered(spec, qualifiedName(packageName, type),
                        RuntimeSupport.source(type, packageName, WorkflowEmitter.GENERATOR)));
            }
        }
        SourceWriter writer = new SourceWriter(request.outputDirectory(),
                SourceWriter.owner(request.specs(), request.packageName(), request.packageBySpec()));
        // files an earlier run listed (it may have been killed half way) are stale unless written again
        Set<Path> stale = new LinkedHashSet<>(request.previousOutputs());
        stale.addAll(writer.manifest().files());
        writer.begin(files.keySet());
        List<GeneratedFile> generated = new ArrayList<>();
        Set<Path> current = new LinkedHashSet<>();
        files.forEach((path, rendered) -> {
            boolean changed = writer.write(path, rendered.source());
            Path target = writer.resolve(path);
            current.add(target);
            generated.add(new GeneratedFile(rendered.spec(), target, rendered.qualifiedName(), changed));
        });
        List<Path> deleted = writer.deleteStale(stale, current);
        writer.finish(current);
        return new GenerationResult(generated, deleted, reported, filesRead);
    }

    /**
     * The problems of a request itself, before any document is read: a document without a Java package
     * ({@code missing-package}), a package given for a document that is not one of the request's
     * ({@code unknown-package-spec}), a source mapping to a file that does not exist
     * ({@code missing-mapped-file}), a package that is no Java package name ({@code invalid-package}), a
     * suppressed warning that is not {@code code} or {@code code@file} ({@code invalid-suppression}).
     * {@link #generate} reports them too, and then reads nothing; a front end may call this first to word them
     * in its own terms.
     */
    public static List<Diagnostic> checkConfiguration(GenerationRequest request) {
        Diagnostics diagnostics = new Diagnostics();
        Set<Path> specs = new LinkedHashSet<>();
        // loops rather than lambdas: every build checks its configuration, also one with nothing to generate
        for (Path spec : request.specs()) {
            specs.add(spec.toAbsolutePath().normalize());
        }
        for (Map.Entry<Path, String> entry : request.packageBySpec().entrySet()) {
            Path spec = entry.getKey();
            if (!specs.contains(spec)) {
                diagnostics.error("unknown-package-spec", SourceLocation.ofFile(spec, ""), "a package ('"
                        + entry.getValue() + "') is given for " + spec
                        + ", which is not one of the documents generated from");
            }
        }
        for (Path spec : specs) {
            if (request.packageFor(spec).isBlank()) {
                diagnostics.error("missing-package", SourceLocation.ofFile(spec, ""), "no Java package for " + spec
                        + ": give the request a package name, or a package for this document");
            }
        }
        for (Map.Entry<String, Path> mapping : request.sourceMappings().entrySet()) {
            Path file = mapping.getValue();
            if (!java.nio.file.Files.isRegularFile(file)) {
                diagnostics.error("missing-mapped-file", SourceLocation.ofFile(file.toAbsolutePath().normalize(), ""),
                        "the source mapping for " + mapping.getKey() + " names " + file + ", which does not exist");
            }
        }
        Set<String> packages = new LinkedHashSet<>();
        for (Path spec : specs) {
            packages.add(request.packageFor(spec));
        }
        for (String packageName : packages) {
            if (!packageName.isBlank() && !javax.lang.model.SourceVersion.isName(packageName)) {
                Path spec = specs.stream().filter(s -> request.packageFor(s).equals(packageName)).findFirst()
                        .orElseThrow();
                diagnostics.error("invalid-package", SourceLocation.ofFile(spec, ""), "the Java package '" + packageName
                        + "' is not a package name (dot-separated Java identifiers, none a keyword); name another");
            }
        }
        for (String suppression : request.suppressedWarnings()) {
            Optional<String> problem = WarningSuppression.problem(suppression);
            if (problem.isPresent()) {
                diagnostics.error("invalid-suppression",
                        SourceLocation.ofFile(request.specs().get(0).toAbsolutePath().normalize(), ""), problem.get());
            }
        }
        return diagnostics.all();
    }

    private static List<JavaFile> generate(Path file, String packageName, GenerationRequest request,
            Function<SourceDocument, List<Diagnostic>> schemaCheck, DocumentLoader loader, Diagnostics diagnostics,
            Set<Path> filesRead, Set<String> jsonPathPackages, Set<String> saxonPackages, Set<String> messagePackages) {
        long errorsBefore = diagnostics.errorCount();
        Optional<SourceDocument> loaded = loader.load(file, SourceLocation.ofFile(file, ""), diagnostics);
        if (loaded.isEmpty()) {
            return List.of();
        }
        Root root = readRoot(loaded.get(), request, schemaCheck, file, loader, diagnostics);
        if (root.document().isEmpty()) {
            return List.of();
        }
        // the document, then every Arazzo document its sources name, each once: bound, then checked
        SourceBinder sourceBinder = new SourceBinder(loader, request.sourceMappings(), diagnostics,
                fileAccess(request, file));
        List<BoundDocument> documents = new ArrayList<>();
        Set<Path> seen = new LinkedHashSet<>();
        java.util.Deque<ArazzoDocument> pending = new java.util.ArrayDeque<>(List.of(root.document().get()));
        while (!pending.isEmpty()) {
            ArazzoDocument document = pending.poll();
            if (!seen.add(document.source().file())) {
                continue;
            }
            boolean isRoot = document == root.document().get();
            Diagnostics found = isRoot ? root.found() : new Diagnostics();
            if (isRoot ? root.sources() == null : UnbuiltFeatures.report(document, found)) {
                inDocumentOrder(found, document).forEach(diagnostics::add);
                continue;
            }
            BoundSources sources = isRoot ? root.sources() : sourceBinder.bind(document);
            filesRead.addAll(sources.filesRead());
            BoundDocument bound = Binder.bind(document, sources, found);
            WorkflowChecker.check(bound, found);
            MessageStepChecker.check(bound, found);
            inDocumentOrder(found, document).forEach(diagnostics::add);
            documents.add(bound);
            pending.addAll(sources.arazzo().values());
        }
        if (diagnostics.errorCount() > errorsBefore) {
            return List.of();
        }
        List<WorkflowModel> models = ModelBuilder.build(documents, packageName, diagnostics);
        if (diagnostics.errorCount() > errorsBefore) {
            return List.of();
        }
        RuntimeTypes runtime = request.runtime() == RuntimeMode.INLINE
                ? RuntimeTypes.inline(packageName)
                : RuntimeTypes.shared();
        List<JavaFile> files = new ArrayList<>();
        for (WorkflowModel model : models) {
            files.add(WorkflowEmitter.emit(model, model.spec().getFileName().toString(),
                    runtime, request.idempotencyTokens()));
            if (model.usesSaxon()) {
                saxonPackages.add(packageName);
            }
            if (model.usesJsonPath()) {
                jsonPathPackages.add(packageName);
            }
            if (dev.arazzo.codegen.model.MessageModels.usesMessages(model)) {
                messagePackages.add(packageName);
            }
        }
        return files;
    }

    /**
     * The document generated from, read, schema-checked, and (unless it uses a feature not built yet) its
     * sources read: what the loop over a document and its Arazzo sources did first, for it.
     *
     * @param document the document, unless the reader could not make one
     * @param found the diagnostics of {@link UnbuiltFeatures}, to which binding and checking the document add
     * @param sources its sources; null when it was not bound (no document, or a feature not built yet)
     */
    private record Root(Optional<ArazzoDocument> document, Diagnostics found,
            BoundSources sources) {
    }

    /**
     * Reads {@code source}, the document generated from, and its sources, while the Arazzo JSON Schema check
     * of it (which needs only the document's tree) runs on a second thread when the request is
     * {@linkplain GenerationRequest#concurrent() concurrent}. The outcome is the one of checking, then
     * reading, then reading the sources on one thread: the same diagnostics reported to {@code diagnostics}
     * in the same order (the check's and the reader's, then those of the sources), and a failure of the
     * check (which came first) is thrown rather than one of the reading; what was reported before a failure
     * of the reading is reported.
     */
    private static Root readRoot(SourceDocument source, GenerationRequest request,
            Function<SourceDocument, List<Diagnostic>> schemaCheck, Path file, DocumentLoader loader,
            Diagnostics diagnostics) {
        SideTask<List<Diagnostic>> check = SideTask.start(SCHEMA_CHECK_THREAD, () -> schemaCheck.apply(source),
                request.concurrent());
        SchemaChecker.Reading reading = null;
        Diagnostics found = new Diagnostics();
        Diagnostics ofSources = new Diagnostics();
        BoundSources sources = null;
        try {
            reading = SchemaChecker.reading(source);
            if (reading.document().isPresent() && !UnbuiltFeatures.report(reading.document().get(), found)) {
                sources = new SourceBinder(loader, request.sourceMappings(), ofSources, fileAccess(request, file))
                        .bind(reading.document().get());
            }
        } catch (RuntimeException | Error e) {
            List<Diagnostic> violations = check.join(); // throws what the check threw: it ran first
            if (reading != null) {
                reading.report(violations, diagnostics);
                ofSources.all().forEach(diagnostics::add);
            }
            throw e;
        }
        reading.report(check.join(), diagnostics);
        ofSources.all().forEach(diagnostics::add);
        return new Root(reading.document(), found, sources);
    }

    /**
     * What the sources of {@code spec} may read: the project directory, the folder of {@code spec}, the
     * request's allowed roots and the folders of the mapped files; without a project directory, any file
     * but those below the system folders ({@link FileAccess#anywhere()}).
     */
    static FileAccess fileAccess(GenerationRequest request, Path spec) {
        if (request.projectDirectory() == null) {
            return FileAccess.anywhere();
        }
        List<Path> roots = new ArrayList<>();
        roots.add(request.projectDirectory());
        roots.add(spec.getParent());
        roots.addAll(request.allowedRoots());
        request.sourceMappings().values().forEach(mapped -> roots.add(mapped.toAbsolutePath().normalize().getParent()));
        return new FileAccess(roots);
    }

    private record Rendered(Path spec, String qualifiedName, String source) {
    }

    /**
     * The bind and check diagnostics of one document, in the order of the nodes they are about (each
     * stage finds its own in document order; a problem at a node the document has no position for keeps
     * its place after the one before it).
     */
    private static List<Diagnostic> inDocumentOrder(Diagnostics found, ArazzoDocument document) {
        List<Diagnostic> all = found.all();
        boolean[] placed = new boolean[all.size()];
        List<Diagnostic> sorted = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Diagnostic diagnostic = all.get(i);
            placed[i] = diagnostic.location().line() > 0
                    && diagnostic.location().file().equals(document.source().file());
            if (placed[i]) {
                sorted.add(diagnostic);
            }
        }
        sorted.sort(java.util.Comparator.comparingInt((Diagnostic d) -> d.location().line())
                .thenComparingInt(d -> d.location().column()));
        java.util.Iterator<Diagnostic> next = sorted.iterator();
        List<Diagnostic> ordered = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            ordered.add(placed[i] ? next.next() : all.get(i));
        }
        return ordered;
    }

    private static String render(JavaFile file) {
        return file.toString().replace("\r\n", "\n");
    }

    private static String relativePath(String packageName, String simpleName) {
        return (packageName.isEmpty() ? "" : packageName.replace('.', '/') + "/") + simpleName + ".java";
    }

    private static String qualifiedName(String packageName, String simpleName) {
        return packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
    }

    private static String packageOf(String qualifiedName) {
        int dot = qualifiedName.lastIndexOf('.');
        return dot < 0 ? "" : qualifiedName.substring(0, dot);
    }

    private static String readVersion() {
        try (InputStream in = ArazzoCodegen.class.getResourceAsStream("/dev/arazzo/codegen/version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "development");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
