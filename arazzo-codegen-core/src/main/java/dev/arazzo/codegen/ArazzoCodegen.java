package dev.arazzo.codegen;

import com.palantir.javapoet.JavaFile;
import dev.arazzo.codegen.GenerationResult.GeneratedFile;
import dev.arazzo.codegen.check.CheckedDocument;
import dev.arazzo.codegen.check.SchemaChecker;
import dev.arazzo.codegen.check.WorkflowChecker;
import dev.arazzo.codegen.diagnostic.Diagnostic;
import dev.arazzo.codegen.diagnostic.Diagnostics;
import dev.arazzo.codegen.diagnostic.SourceLocation;
import dev.arazzo.codegen.emit.RuntimeSupport;
import dev.arazzo.codegen.emit.RuntimeTypes;
import dev.arazzo.codegen.emit.WorkflowEmitter;
import dev.arazzo.codegen.jsonpath.JsonPathCompiler;
import dev.arazzo.codegen.load.ArazzoDocument;
import dev.arazzo.codegen.load.DocumentLoader;
import dev.arazzo.codegen.model.ModelBuilder;
import dev.arazzo.codegen.model.WorkflowModel;
import dev.arazzo.codegen.resolve.SourceResolver;
import dev.arazzo.codegen.resolve.Sources;
import dev.arazzo.codegen.write.SourceWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The one entry point: turns Arazzo documents into Java sources.
 *
 * <pre>{@code
 * GenerationResult result = ArazzoCodegen.generate(request);
 * result.diagnostics().forEach(System.err::println);
 * }</pre>
 *
 * <p>The pipeline, per document: load (with source positions) -> resolve -> check -> model -> emit;
 * then, for all documents at once, write. Every problem becomes a diagnostic; when any is an error,
 * nothing is written or deleted.
 */
public final class ArazzoCodegen {

    /** The version of this generator, part of every incremental fingerprint. */
    public static final String VERSION = readVersion();

    private ArazzoCodegen() {
    }

    public static GenerationResult generate(GenerationRequest request) {
        Diagnostics diagnostics = new Diagnostics();
        DocumentLoader loader = new DocumentLoader();
        Set<Path> filesRead = new LinkedHashSet<>();
        Map<String, Rendered> files = new LinkedHashMap<>();
        Set<String> supportPackages = new LinkedHashSet<>();
        Set<String> jsonPathPackages = new LinkedHashSet<>();
        Set<String> saxonPackages = new LinkedHashSet<>();
        for (Path spec : request.specs()) {
            Path file = spec.toAbsolutePath().normalize();
            filesRead.add(file);
            String packageName = request.packageFor(file);
            long errorsBefore = diagnostics.errorCount();
            List<JavaFile> emitted;
            try {
                emitted = generate(file, packageName, request, loader, diagnostics, filesRead, jsonPathPackages,
                        saxonPackages);
            } catch (RuntimeException e) {
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
                Rendered previous = files.putIfAbsent(path, new Rendered(file, qualified, render(javaFile)));
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
        List<Diagnostic> reported = request.warningsAsErrors()
                ? diagnostics.all().stream().map(Diagnostic::asError).toList()
                : diagnostics.all();
        if (reported.stream().anyMatch(Diagnostic::isError)) {
            return new GenerationResult(List.of(), List.of(), reported, filesRead);
        }
        for (String packageName : supportPackages) {
            List<String> types = new ArrayList<>(RuntimeSupport.TYPES);
            if (saxonPackages.contains(packageName)) {
                types.add("XPathSupport");
            }
            for (String type : types) {
                Path spec = files.values().stream().filter(r -> packageOf(r.qualifiedName()).equals(packageName))
                        .map(Rendered::spec).findFirst().orElseThrow();
                files.put(relativePath(packageName, type), new Rendered(spec, qualifiedName(packageName, type),
                        RuntimeSupport.source(type, packageName, WorkflowEmitter.GENERATOR)));
            }
        }
        SourceWriter writer = new SourceWriter(request.outputDirectory());
        List<GeneratedFile> generated = new ArrayList<>();
        Set<Path> current = new LinkedHashSet<>();
        files.forEach((path, rendered) -> {
            boolean changed = writer.write(path, rendered.source());
            Path target = writer.resolve(path);
            current.add(target);
            generated.add(new GeneratedFile(rendered.spec(), target, rendered.qualifiedName(), changed));
        });
        List<Path> deleted = writer.deleteStale(request.previousOutputs(), current);
        return new GenerationResult(generated, deleted, reported, filesRead);
    }

    private static List<JavaFile> generate(Path file, String packageName, GenerationRequest request,
            DocumentLoader loader, Diagnostics diagnostics, Set<Path> filesRead, Set<String> jsonPathPackages,
            Set<String> saxonPackages) {
        long errorsBefore = diagnostics.errorCount();
        Optional<ArazzoDocument> root = loader.load(file, SourceLocation.ofFile(file, ""), diagnostics)
                .flatMap(source -> SchemaChecker.read(source, diagnostics));
        if (root.isEmpty()) {
            return List.of();
        }
        // the document, then every Arazzo document its sources name, each once
        SourceResolver resolver = new SourceResolver(loader, request.sourceMappings(), diagnostics);
        List<CheckedDocument> documents = new ArrayList<>();
        Set<Path> seen = new LinkedHashSet<>();
        java.util.Deque<ArazzoDocument> pending = new java.util.ArrayDeque<>(List.of(root.get()));
        while (!pending.isEmpty()) {
            ArazzoDocument document = pending.poll();
            if (!seen.add(document.source().file())) {
                continue;
            }
            Sources sources = resolver.resolve(document);
            filesRead.addAll(sources.filesRead());
            documents.add(WorkflowChecker.check(document, sources, diagnostics));
            pending.addAll(sources.arazzo().values());
        }
        if (diagnostics.errorCount() > errorsBefore) {
            return List.of();
        }
        List<WorkflowModel> models = ModelBuilder.build(documents, packageName, diagnostics);
        if (diagnostics.errorCount() > errorsBefore) {
            return List.of();
        }
        List<JavaFile> files = new ArrayList<>();
        for (WorkflowModel model : models) {
            files.add(WorkflowEmitter.emit(model, model.spec().getFileName().toString(),
                    RuntimeTypes.inline(packageName), request.idempotencyTokens()));
            if (model.usesSaxon()) {
                saxonPackages.add(packageName);
            }
            if (model.usesJsonPath() && jsonPathPackages.add(packageName)) {
                files.add(JavaFile.builder(packageName,
                                JsonPathCompiler.supportType(WorkflowEmitter.jsonPathSupport(packageName)))
                        .skipJavaLangImports(true).indent("    ").build());
            }
        }
        return files;
    }

    private record Rendered(Path spec, String qualifiedName, String source) {
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
