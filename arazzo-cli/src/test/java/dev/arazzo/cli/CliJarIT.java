package dev.arazzo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arazzo.codegen.ArazzoCodegen;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, run as a user runs it: {@code java -jar target/arazzo-cli-VERSION.jar ...} (the verify phase). */
class CliJarIT {

    private static final Path JAR = Path.of(System.getProperty("arazzo.cli.jar", "target/arazzo-cli.jar"));

    @TempDir
    Path project;

    record Process(int status, String out, String err) {
    }

    @Test
    void versionAndHelp() throws Exception {
        assertEquals(new Process(0, "arazzo " + ArazzoCodegen.VERSION + "\n", ""), java("--version"));
        Process help = java("check", "--help");
        assertEquals(0, help.status());
        assertTrue(help.out().startsWith("Usage: arazzo check "), help.out());
    }

    @Test
    void checkFailsABrokenDocumentWithSarifThatPointsAtTheLine() throws Exception {
        Cli.petsProject(project);
        Cli.edit(project.resolve("src/main/arazzo/pets.arazzo.yaml"), "operationId: getPet", "operationId: fetchPet");

        Process run = java("check", "src/main/arazzo", "--format", "sarif");

        assertEquals(1, run.status(), run.toString());
        assertEquals("", run.err(), "nothing but the report: no logging, no stack trace");
        JsonNode log = new ObjectMapper().readTree(run.out());
        assertEquals(List.of(), Sarif.violations(log));
        JsonNode physical = log.get("runs").get(0).get("results").get(0).get("locations").get(0).get("physicalLocation");
        assertEquals("src/main/arazzo/pets.arazzo.yaml", physical.get("artifactLocation").get("uri").asText());
        assertEquals(22, physical.get("region").get("startLine").asInt());
    }

    @Test
    void generateWritesTheWorkflowClass() throws Exception {
        Cli.petsProject(project);

        Process run = java("generate", "src/main/arazzo", "--package", "com.example.pets", "--out", "gen");

        assertEquals(0, run.status(), run.toString());
        assertEquals("", run.err());
        assertTrue(Files.isRegularFile(project.resolve("gen/com/example/pets/AdoptPetWorkflow.java")));
    }

    @Test
    void aUsageErrorIsStatusTwo() throws Exception {
        Process run = java("check", "--format", "xml", "x.arazzo.yaml");

        assertEquals(2, run.status(), run.toString());
        assertTrue(run.err().startsWith("Invalid value for option '--format'"), run.err());
    }

    private Process java(String... args) throws IOException, InterruptedException {
        assertTrue(Files.isRegularFile(JAR), "no " + JAR + ": run in the verify phase, after package");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(project, "out", ".txt");
        Path err = Files.createTempFile(project, "err", ".txt");
        java.lang.Process process = new ProcessBuilder(command).directory(project.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("java -jar " + String.join(" ", args) + " did not end in 120 s");
        }
        Process result = new Process(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return result;
    }
}
