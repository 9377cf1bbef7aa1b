package dev.arazzo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arazzo.codegen.ArazzoCodegen;
import dev.arazzo.codegen.GenerationRequest;
import dev.arazzo.codegen.RuntimeMode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code arazzo generate}: the same request, and so the same Java, as the plugin's; nothing written on an error. */
class GenerateCommandTest {

    @TempDir
    Path project;

    @BeforeEach
    void pets() throws IOException {
        Cli.petsProject(project);
    }

    @Test
    void writesOneClassPerWorkflowThatCompiles() throws IOException {
        Cli.Run run = Cli.run(project, "generate", "src/main/arazzo", "--package", "com.example.pets", "--out",
                "target/generated-sources/arazzo");

        assertEquals(new Cli.Run(0, "com.example.pets.AdoptPetWorkflow: "
                + "target/generated-sources/arazzo/com/example/pets/AdoptPetWorkflow.java\n"
                + "1 file in target/generated-sources/arazzo (1 written)\n", ""), run);
        Path workflow = project.resolve("target/generated-sources/arazzo/com/example/pets/AdoptPetWorkflow.java");
        assertTrue(Files.readString(workflow).contains("import dev.arazzo.runtime.Transport;"));
        assertEquals("", compile(javaFiles(project.resolve("target/generated-sources/arazzo"))));
    }

    @Test
    void theSecondRunRewritesNothing() {
        String[] args = {"generate", "src/main/arazzo/pets.arazzo.yaml", "--package", "com.example.pets", "--out", "out"};
        Cli.run(project, args);

        Cli.Run again = Cli.run(project, args);

        assertEquals(new Cli.Run(0, "com.example.pets.AdoptPetWorkflow: out/com/example/pets/AdoptPetWorkflow.java"
                + " (unchanged)\n1 file in out (0 written)\n", ""), again);
    }

    @Test
    void theJavaIsWhatTheCoreWritesForTheSameRequest(@TempDir Path direct) throws IOException {
        Cli.run(project, "generate", "src/main/arazzo", "--package", "com.example.pets", "--out", "out", "--runtime",
                "inline");
        ArazzoCodegen.generate(GenerationRequest.builder().spec(project.resolve("src/main/arazzo/pets.arazzo.yaml"))
                .outputDirectory(direct).packageName("com.example.pets").projectDirectory(project)
                .runtime(RuntimeMode.INLINE).build());

        List<Path> files = javaFiles(project.resolve("out"));
        assertEquals(javaFiles(direct).stream().map(f -> direct.relativize(f).toString()).toList(),
                files.stream().map(f -> project.resolve("out").relativize(f).toString()).toList());
        assertTrue(files.size() > 1, "inline: the runtime's sources too");
        for (Path file : files) {
            assertEquals(Files.readString(direct.resolve(project.resolve("out").relativize(file))), Files.readString(file));
        }
        assertEquals("", compile(files));
    }

    @Test
    void anErrorWritesNothingAndIsReportedOnStandardError() throws IOException {
        Cli.edit(project.resolve("src/main/arazzo/pets.arazzo.yaml"), "operationId: getPet", "operationId: fetchPet");

        Cli.Run run = Cli.run(project, "generate", "src/main/arazzo", "--package", "com.example.pets", "--out", "out");

        assertEquals(new Cli.Run(1, "", "src/main/arazzo/pets.arazzo.yaml:22:22: error: [unknown-operation] step"
                + " 'getPet' names operation 'fetchPet', which no source defines\n"
                + "1 error, 0 warnings in 1 document; nothing was generated\n"), run);
        assertTrue(Files.notExists(project.resolve("out")));
    }

    @Test
    void warningsAsErrorsWritesNothing() throws IOException {
        Cli.edit(project.resolve("src/main/arazzo/pets.arazzo.yaml"), """
                          - condition: $statusCode == 201
                """, """
                          - condition: $statusCode == 201
                        onSuccess:
                          - {name: next, type: goto, stepId: nowhere}
                """);

        Cli.Run warned = Cli.run(project, "generate", "src/main/arazzo", "--package", "p", "--out", "warned");
        Cli.Run strict = Cli.run(project, "generate", "src/main/arazzo", "--package", "p", "--out", "strict",
                "--warnings-as-errors");

        assertEquals(0, warned.status(), warned.toString());
        assertTrue(warned.err().startsWith("src/main/arazzo/pets.arazzo.yaml:44:46: warning: [unknown-step]"),
                warned.err());
        assertTrue(warned.out().endsWith("1 file in warned (1 written); 0 errors, 1 warning in 1 document\n"),
                warned.out());
        assertEquals(1, strict.status(), strict.toString());
        assertTrue(Files.notExists(project.resolve("strict")));
    }

    /** javac's messages for {@code files} against this test's class path (the arazzo-runtime jar, Jackson); "" when clean. */
    private String compile(List<Path> files) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path classes = Files.createDirectories(project.resolve("javac-classes"));
        List<String> args = new ArrayList<>(List.of("--release", "17", "-Xlint:all", "-Werror", "-proc:none",
                "-classpath", System.getProperty("java.class.path"), "-d", classes.toString()));
        files.forEach(file -> args.add(file.toString()));
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        int status = javac.run(null, messages, messages, args.toArray(String[]::new));
        String text = messages.toString(StandardCharsets.UTF_8);
        return status == 0 ? text : "status " + status + ": " + text;
    }

    private static List<Path> javaFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }
}
