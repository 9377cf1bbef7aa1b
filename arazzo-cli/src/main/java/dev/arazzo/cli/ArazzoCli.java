package dev.arazzo.cli;

import dev.arazzo.codegen.ArazzoCodegen;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code arazzo} command: {@code arazzo generate} writes the Java of Arazzo documents, {@code arazzo check}
 * reports their problems (as text, JSON or SARIF 2.1.0) without writing anything.
 *
 * <pre>
 * java -jar arazzo-cli.jar check src/main/arazzo --format sarif &gt; arazzo.sarif
 * java -jar arazzo-cli.jar generate src/main/arazzo --package com.example.pets --out target/generated-sources/arazzo
 * </pre>
 *
 * <p>Exit status: {@value #OK} when no document has an error, {@value #PROBLEMS} when one has (or a warning
 * with {@code --warnings-as-errors}), {@value #USAGE} for a command line that cannot be carried out (an unknown
 * option, a missing file, a folder without Arazzo documents).
 */
@Command(name = "arazzo", mixinStandardHelpOptions = true, versionProvider = ArazzoCli.Version.class,
        description = "Checks Arazzo workflow documents and generates typed Java 17 clients from them.",
        subcommands = {GenerateCommand.class, CheckCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit status: 0 no errors, 1 errors in the documents (or warnings with --warnings-as-errors),"
                + " 2 a command line that cannot be carried out."})
public final class ArazzoCli implements Callable<Integer> {

    /** No document has an error. */
    public static final int OK = 0;
    /** A document has an error, or a warning with {@code --warnings-as-errors}; or the output could not be written. */
    public static final int PROBLEMS = 1;
    /** The command line cannot be carried out. */
    public static final int USAGE = 2;

    private final Path workingDirectory;

    @Spec
    private CommandSpec spec;

    /** A command whose relative paths are resolved against {@code workingDirectory}, and reported relative to it. */
    public ArazzoCli(Path workingDirectory) {
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    public static void main(String[] args) {
        System.exit(commandLine(Path.of("")).execute(args));
    }

    /** The command, ready to {@link CommandLine#execute execute}: failures print one line, never a stack trace. */
    public static CommandLine commandLine(Path workingDirectory) {
        CommandLine commandLine = new CommandLine(new ArazzoCli(workingDirectory));
        // picocli returns 2 (CommandLine.ExitCode.USAGE) for an option or argument it cannot parse
        commandLine.setExecutionExceptionHandler((exception, line, parsed) -> {
            if (exception instanceof UsageException usage) {
                line.getErr().println("arazzo: " + usage.getMessage());
                line.getErr().println("Run '" + line.getCommandSpec().qualifiedName() + " --help' for the options.");
                return USAGE;
            }
            line.getErr().println("arazzo: " + exception.getMessage());
            return PROBLEMS;
        });
        return commandLine;
    }

    Path workingDirectory() {
        return workingDirectory;
    }

    /** {@code arazzo} alone: the usage, and the status of a command line that says nothing to do. */
    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("arazzo: name a command: generate or check");
        spec.commandLine().usage(err);
        return USAGE;
    }

    /** The generator's version, for {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"arazzo " + ArazzoCodegen.VERSION};
        }
    }

    /** A command line that names something that is not there: reported as a usage error (status 2). */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
