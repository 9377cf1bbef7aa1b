package dev.arazzo.cli;

import dev.arazzo.cli.ArazzoCli.UsageException;
import dev.arazzo.codegen.ArazzoCodegen;
import dev.arazzo.codegen.GenerationRequest;
import dev.arazzo.codegen.GenerationResult;
import dev.arazzo.codegen.GenerationResult.GeneratedFile;
import dev.arazzo.codegen.RuntimeMode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code arazzo generate}: the Java of the documents into {@code --out}, as the Maven plugin writes it (files
 * whose bytes are unchanged are not rewritten); the problems on standard error, one line per class written on
 * standard output. Nothing is written when any problem is an error.
 */
@Command(name = "generate", mixinStandardHelpOptions = true, versionProvider = ArazzoCli.Version.class,
        description = {"Generates one Java 17 class per workflow of the Arazzo documents into --out.",
            "Problems go to standard error with file:line:column; nothing is written when one is an error."},
        footer = {"", "Exit status: 0 generated, 1 errors (or warnings with --warnings-as-errors): nothing written,"
                + " 2 a command line that cannot be carried out."})
final class GenerateCommand implements Callable<Integer> {

    @ParentCommand
    private ArazzoCli parent;

    @Spec
    private CommandSpec spec;

    @Mixin
    private DocumentOptions documents;

    @Option(names = "--package", paramLabel = "PACKAGE", required = true,
            description = "The Java package of the generated classes.")
    private String packageName;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "The root of the generated source tree (the package's folders are made below it).")
    private Path output;

    @Option(names = "--runtime", paramLabel = "MODE", defaultValue = "shared",
            description = {"shared: the generated code calls the dev.arazzo:arazzo-runtime jar; inline: the"
                    + " runtime's sources are written into the package. Default: ${DEFAULT-VALUE}."})
    private String runtime;

    @Override
    public Integer call() {
        Path workingDirectory = parent.workingDirectory();
        RuntimeMode mode = RuntimeMode.fromConfigName(runtime).orElseThrow(() -> new UsageException(
                "--runtime is '" + runtime + "'; it is 'shared' (the arazzo-runtime jar) or 'inline' (its sources in"
                        + " the generated package)"));
        if (packageName.isBlank()) {
            throw new UsageException("--package is empty; give the Java package of the generated classes");
        }
        List<Path> specs = documents.documents(workingDirectory);
        GenerationRequest request = documents.request(workingDirectory, specs,
                workingDirectory.resolve(output).toAbsolutePath().normalize(), packageName.strip(), mode);
        GenerationResult result = ArazzoCodegen.generate(request);
        return report(workingDirectory, specs, result, request);
    }

    private int report(Path workingDirectory, List<Path> specs, GenerationResult result, GenerationRequest request) {
        Report report = new Report(workingDirectory, specs, result.diagnostics());
        PrintWriter err = spec.commandLine().getErr();
        report.lines().forEach(err::println);
        PrintWriter out = spec.commandLine().getOut();
        if (result.hasErrors()) {
            err.println(report.summary() + "; nothing was generated");
            err.flush();
            return ArazzoCli.PROBLEMS;
        }
        for (GeneratedFile file : result.files()) {
            out.println(file.qualifiedName() + ": " + report.display(file.path())
                    + (file.changed() ? "" : " (unchanged)"));
        }
        out.println(result.files().size() + " file" + (result.files().size() == 1 ? "" : "s") + " in "
                + report.display(request.outputDirectory()) + " (" + result.written().size() + " written)"
                + (result.diagnostics().isEmpty() ? "" : "; " + report.summary()));
        out.flush();
        err.flush();
        return ArazzoCli.OK;
    }
}
