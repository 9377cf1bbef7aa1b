package dev.arazzo.cli;

import dev.arazzo.codegen.ArazzoCodegen;
import dev.arazzo.codegen.GenerationRequest;
import dev.arazzo.codegen.GenerationResult;
import dev.arazzo.codegen.RuntimeMode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code arazzo check}: every check {@code generate} makes (the whole pipeline, the Java included), writing
 * nothing; the problems as text, JSON or SARIF 2.1.0 on standard output.
 */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = ArazzoCli.Version.class,
        description = {"Checks Arazzo documents and the sources they name as 'generate' would, and writes nothing.",
            "Prints every problem with file:line:column."},
        footer = {"", "Exit status: 0 no errors, 1 errors (or warnings with --warnings-as-errors), 2 a command line"
                + " that cannot be carried out.",
            "", "Example (GitHub code scanning): arazzo check src/main/arazzo --format sarif > arazzo.sarif"})
final class CheckCommand implements Callable<Integer> {

    /** How the problems are printed. */
    enum Format { text, json, sarif }

    @ParentCommand
    private ArazzoCli parent;

    @Spec
    private CommandSpec spec;

    @Mixin
    private DocumentOptions documents;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (file:line:column: error: [code] message), json or sarif (SARIF 2.1.0). Default: ${DEFAULT-VALUE}.")
    private Format format;

    @Option(names = "--package", paramLabel = "PACKAGE", defaultValue = "arazzo.check",
            description = "The Java package the names are checked in. Default: ${DEFAULT-VALUE}.")
    private String packageName;

    @Override
    public Integer call() throws IOException {
        Path workingDirectory = parent.workingDirectory();
        List<Path> specs = documents.documents(workingDirectory);
        Path scratch = Files.createTempDirectory("arazzo-check");
        GenerationResult result;
        try {
            GenerationRequest request = documents.request(workingDirectory, specs, scratch, packageName.strip(),
                    RuntimeMode.SHARED);
            result = ArazzoCodegen.generate(request);
        } finally {
            delete(scratch);
        }
        Report report = new Report(workingDirectory, specs, result.diagnostics());
        PrintWriter out = spec.commandLine().getOut();
        out.print(switch (format) {
            case text -> report.text();
            case json -> report.json();
            case sarif -> report.sarif();
        });
        out.flush();
        return result.hasErrors() ? ArazzoCli.PROBLEMS : ArazzoCli.OK;
    }

    /** The scratch folder the check generated into, and everything in it. */
    private static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
