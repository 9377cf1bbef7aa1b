package dev.arazzo.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/** Runs the {@code arazzo} command in this JVM, as {@code main} would, in a project folder of the tests' own. */
final class Cli {

    /** What one run printed and returned. */
    record Run(int status, String out, String err) {
    }

    private Cli() {
    }

    static Run run(Path workingDirectory, String... args) {
        CommandLine commandLine = ArazzoCli.commandLine(workingDirectory);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int status = commandLine.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    /**
     * A project with the pets documents: {@code src/main/arazzo/pets.arazzo.yaml} and the OpenAPI document it
     * names, {@code src/main/openapi/pets.openapi.yaml}.
     */
    static Path petsProject(Path dir) throws IOException {
        copy("pets/arazzo/pets.arazzo.yaml", dir.resolve("src/main/arazzo/pets.arazzo.yaml"));
        copy("pets/openapi/pets.openapi.yaml", dir.resolve("src/main/openapi/pets.openapi.yaml"));
        return dir;
    }

    /** Replaces {@code from} by {@code to} in a file of the project, checking that it was there. */
    static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        if (!text.contains(from)) {
            throw new IllegalArgumentException(from + " is not in " + file);
        }
        Files.writeString(file, text.replace(from, to));
    }

    static void copy(String resource, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try (InputStream in = Cli.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            Files.copy(in, target);
        }
    }
}
