package dev.arazzo.cli;

import dev.arazzo.cli.ArazzoCli.UsageException;
import dev.arazzo.codegen.ArazzoCodegen;
import dev.arazzo.codegen.GenerationRequest;
import dev.arazzo.codegen.RuntimeMode;
import dev.arazzo.codegen.SpecFinder;
import dev.arazzo.codegen.diagnostic.Diagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options of both commands that say which documents and how they are read: the same request as the
 * Maven plugin builds ({@link GenerationRequest}), with the working directory as the project directory.
 */
final class DocumentOptions {

    @Parameters(paramLabel = "SPEC", arity = "1..*",
            description = {"Arazzo documents, or folders searched for them (any depth) by name: *.arazzo.yaml,"
                    + " *-arazzo.yaml, arazzo.yaml (each also .yml and .json) and *-workflow.yaml."})
    List<Path> specs = new ArrayList<>();

    @Option(names = "--source-mapping", paramLabel = "URL=FILE",
            description = {"Read FILE wherever a document's sourceDescriptions name URL (written exactly as in the"
                    + " document); repeatable."})
    List<String> sourceMappings = new ArrayList<>();

    @Option(names = "--allowed-root", paramLabel = "DIR",
            description = {"A folder outside the project directory whose files source urls and $refs may name;"
                    + " repeatable."})
    List<Path> allowedRoots = new ArrayList<>();

    @Option(names = "--project-dir", paramLabel = "DIR",
            description = {"The folder the documents may read below (with the documents' own folders, the mapped"
                    + " files' and --allowed-root). Default: the working directory."})
    Path projectDirectory;

    @Option(names = "--warnings-as-errors", description = "Treat warnings as errors (exit status 1).")
    boolean warningsAsErrors;

    @Option(names = "--suppress-warning", paramLabel = "CODE[@FILE]",
            description = {"Leave out the warnings of this code (the word in brackets), only those located in FILE"
                    + " (a file name or the end of its path) with @FILE; repeatable."})
    List<String> suppressedWarnings = new ArrayList<>();

    /** The documents named, folders searched; each once, in the order given. */
    List<Path> documents(Path workingDirectory) {
        Set<Path> found = new LinkedHashSet<>();
        for (Path spec : specs) {
            Path path = workingDirectory.resolve(spec).toAbsolutePath().normalize();
            if (Files.isDirectory(path)) {
                List<Path> inFolder;
                try {
                    inFolder = new SpecFinder(SpecFinder.DEFAULT_INCLUDES, List.of()).find(path);
                } catch (IOException | UncheckedIOException e) {
                    throw new UsageException("cannot search " + spec + " for Arazzo documents: " + e.getMessage());
                }
                if (inFolder.isEmpty()) {
                    throw new UsageException("no Arazzo documents in " + spec + " (searched for "
                            + String.join(", ", SpecFinder.DEFAULT_INCLUDES) + "); name the documents instead");
                }
                inFolder.forEach(file -> found.add(file.toAbsolutePath().normalize()));
            } else if (Files.isRegularFile(path)) {
                found.add(path);
            } else {
                throw new UsageException("no such file or folder: " + spec);
            }
        }
        return List.copyOf(found);
    }

    /**
     * The request for {@code documents}: every problem of the command line itself (a mapping without
     * {@code =}, a mapped file that is not there, a malformed suppression) a {@link UsageException}.
     */
    GenerationRequest request(Path workingDirectory, List<Path> documents, Path output, String packageName,
            RuntimeMode runtime) {
        GenerationRequest.Builder request = GenerationRequest.builder()
                .specs(documents)
                .outputDirectory(output)
                .runtime(runtime)
                .packageName(packageName)
                .projectDirectory(projectDirectory == null ? workingDirectory : workingDirectory.resolve(projectDirectory))
                .warningsAsErrors(warningsAsErrors);
        for (String mapping : sourceMappings) {
            int equals = mapping.lastIndexOf('=');
            if (equals <= 0 || equals == mapping.length() - 1) {
                throw new UsageException("--source-mapping '" + mapping + "' is not URL=FILE");
            }
            request.sourceMapping(mapping.substring(0, equals).strip(),
                    workingDirectory.resolve(mapping.substring(equals + 1).strip()).toAbsolutePath().normalize());
        }
        allowedRoots.forEach(root -> request.allowedRoot(workingDirectory.resolve(root).toAbsolutePath().normalize()));
        suppressedWarnings.forEach(request::suppressWarning);
        GenerationRequest built = request.build();
        List<String> problems = new ArrayList<>();
        for (Diagnostic problem : ArazzoCodegen.checkConfiguration(built)) {
            if (problem.isError()) {
                problems.add(switch (problem.code()) {
                    case "missing-mapped-file" -> "--source-mapping: " + problem.message().replace("the source mapping for ",
                            "");
                    case "invalid-suppression" -> "--suppress-warning: " + problem.message();
                    default -> problem.message();
                });
            }
        }
        if (!problems.isEmpty()) {
            throw new UsageException(String.join("\narazzo: ", problems));
        }
        return built;
    }
}
