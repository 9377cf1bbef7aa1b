package dev.arazzo.maven;

import dev.arazzo.codegen.GenerationResult;
import dev.arazzo.codegen.GenerationResult.GeneratedFile;
import dev.arazzo.codegen.diagnostic.Diagnostic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The sentences the build log shows for a generation run; kept apart from the Mojo to be tested. */
final class GenerationReport {

    private final Path basedir;

    GenerationReport(Path basedir) {
        this.basedir = basedir.toAbsolutePath().normalize();
    }

    /** One line per spec, in the order given: {@code src/main/arazzo/pets.arazzo.yaml: 2 classes written, 1 unchanged}. */
    List<String> perSpec(List<Path> specs, GenerationResult result) {
        List<String> lines = new ArrayList<>();
        for (Path spec : specs) {
            Path normalized = spec.toAbsolutePath().normalize();
            List<GeneratedFile> files = result.files().stream()
                    .filter(file -> file.spec().toAbsolutePath().normalize().equals(normalized))
                    .toList();
            long written = files.stream().filter(GeneratedFile::changed).count();
            lines.add(display(spec) + ": " + classes(written) + " written, " + (files.size() - written) + " unchanged");
        }
        return lines;
    }

    /**
     * One line per workflow class the run produced, after its document's line:
     * {@code   com.example.pets.AdoptPetWorkflow: target/generated-sources/arazzo/com/example/pets/AdoptPetWorkflow.java}.
     */
    List<String> workflowClasses(GenerationResult result) {
        return result.workflowClasses().stream()
                .map(file -> "  " + file.qualifiedName() + ": " + display(file.path())).toList();
    }

    /**
     * Why a build without documents fails: what was scanned, with which patterns, and what to do about it.
     *
     * @param directory the folder searched
     * @param includes the include patterns
     * @param excludes the exclude patterns (may be empty)
     */
    String noDocuments(Path directory, List<String> includes, List<String> excludes) {
        return "No Arazzo documents found: searched " + display(directory)
                + (java.nio.file.Files.isDirectory(directory) ? "" : " (which does not exist)")
                + " for " + String.join(", ", includes)
                + (excludes.isEmpty() ? "" : " excluding " + String.join(", ", excludes))
                + "; list them in <specs>, point <specDirectory> at them, or set <failIfNoSpecs>false</failIfNoSpecs>";
    }

    /** The failure message: every error, one per line, after a count. */
    String failure(GenerationResult result) {
        List<Diagnostic> errors = result.diagnostics().stream().filter(Diagnostic::isError).toList();
        return (errors.size() == 1 ? "1 error" : errors.size() + " errors")
                + " in the Arazzo documents; nothing was generated:\n"
                + errors.stream().map(Diagnostic::toString).collect(Collectors.joining("\n"));
    }

    String deleted(List<Path> deleted) {
        return "Deleted " + (deleted.size() == 1 ? "1 stale file" : deleted.size() + " stale files") + ": "
                + deleted.stream().map(this::display).collect(Collectors.joining(", "));
    }

    String upToDate(int specs, int outputs) {
        return "Arazzo sources are up to date, nothing to generate (" + (specs == 1 ? "1 spec" : specs + " specs")
                + " unchanged, " + classes(outputs) + " kept)";
    }

    /** A path relative to the project when it is inside it, else absolute. */
    String display(Path path) {
        Path normalized = path.toAbsolutePath().normalize();
        return (normalized.startsWith(basedir) ? basedir.relativize(normalized) : normalized)
                .toString().replace('\\', '/');
    }

    private static String classes(long count) {
        return count == 1 ? "1 class" : count + " classes";
    }
}
