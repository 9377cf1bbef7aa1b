package dev.arazzo.codegen;

import dev.arazzo.codegen.diagnostic.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What a generation run did.
 *
 * @param files every Java file this run produced, whether its bytes changed or not; empty when any
 *     diagnostic is an error
 * @param deleted files of an earlier run that this run no longer produces, now removed
 * @param diagnostics every problem found, errors and warnings, in document order
 * @param filesRead every document the run read (Arazzo documents, their sources, their {@code $ref}
 *     targets), absolute and normalized: what an incremental build must fingerprint
 */
public record GenerationResult(
        List<GeneratedFile> files, List<Path> deleted, List<Diagnostic> diagnostics, Set<Path> filesRead) {

    public GenerationResult {
        files = List.copyOf(files);
        deleted = List.copyOf(deleted);
        diagnostics = List.copyOf(diagnostics);
        filesRead = Set.copyOf(filesRead);
    }

    /** Whether any diagnostic is an error; then nothing was written. */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** The files whose bytes this run wrote (new or changed). */
    public List<GeneratedFile> written() {
        return files.stream().filter(GeneratedFile::changed).toList();
    }

    /**
     * The files of workflow classes (one per workflow, named after its {@code workflowId}), in order: every file
     * but the run-time support that {@code runtime=inline} writes into a package.
     */
    public List<GeneratedFile> workflowClasses() {
        Set<String> support = Set.copyOf(dev.arazzo.codegen.emit.RuntimeSupport.typesFor(true, true));
        return files.stream().filter(file -> !support.contains(
                file.qualifiedName().substring(file.qualifiedName().lastIndexOf('.') + 1))).toList();
    }

    /**
     * One Java source file produced by the run.
     *
     * @param spec the Arazzo document it was generated from
     * @param path the file, under the output directory
     * @param qualifiedName the fully qualified name of its top-level type
     * @param changed whether this run wrote its bytes (false: the file already held them)
     */
    public record GeneratedFile(Path spec, Path path, String qualifiedName, boolean changed) {
    }
}
