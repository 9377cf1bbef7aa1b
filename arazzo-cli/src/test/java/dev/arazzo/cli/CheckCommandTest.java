package dev.arazzo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arazzo.codegen.ArazzoCodegen;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code arazzo check}: every problem located, as text, JSON or SARIF; the exit status says whether any is an error. */
class CheckCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UNKNOWN_OPERATION = "src/main/arazzo/pets.arazzo.yaml:22:22: error: [unknown-operation]"
            + " step 'getPet' names operation 'fetchPet', which no source defines";

    @TempDir
    Path project;

    private Path arazzo;

    @BeforeEach
    void pets() throws IOException {
        Cli.petsProject(project);
        arazzo = project.resolve("src/main/arazzo/pets.arazzo.yaml");
    }

    @Test
    void aGoodDocumentPassesWithStatusZero() {
        Cli.Run run = Cli.run(project, "check", "src/main/arazzo/pets.arazzo.yaml");

        assertEquals(new Cli.Run(0, "0 errors, 0 warnings in 1 document\n", ""), run);
    }

    @Test
    void aBrokenDocumentFailsWithStatusOneAndTheLocatedError() throws IOException {
        breakOperation();

        Cli.Run run = Cli.run(project, "check", "src/main/arazzo/pets.arazzo.yaml");

        assertEquals(new Cli.Run(1, UNKNOWN_OPERATION + "\n1 error, 0 warnings in 1 document\n", ""), run);
    }

    @Test
    void aFolderIsSearchedForArazzoDocumentsByName() throws IOException {
        breakOperation();
        Files.writeString(project.resolve("src/main/arazzo/notes.yaml"), "not: an arazzo document\n");

        Cli.Run run = Cli.run(project, "check", "src");

        assertEquals(new Cli.Run(1, UNKNOWN_OPERATION + "\n1 error, 0 warnings in 1 document\n", ""), run);
    }

    @Test
    void checkWritesNothing() throws IOException {
        List<Path> before = files(project);

        assertEquals(0, Cli.run(project, "check", "src/main/arazzo/pets.arazzo.yaml").status());

        assertEquals(before, files(project));
    }

    @Test
    void warningsPassUnlessTheyAreErrorsAndCanBeSuppressed() throws IOException {
        addUnknownStepWarning();
        String warning = "src/main/arazzo/pets.arazzo.yaml:44:46: warning: [unknown-step] ";

        Cli.Run plain = Cli.run(project, "check", "src/main/arazzo/pets.arazzo.yaml");
        Cli.Run strict = Cli.run(project, "check", "src/main/arazzo/pets.arazzo.yaml", "--warnings-as-errors");
        Cli.Run suppressed = Cli.run(project, "check", "src/main/arazzo/pets.arazzo.yaml", "--warnings-as-errors",
                "--suppress-warning", "unknown-step@pets.arazzo.yaml");

        assertEquals(0, plain.status(), plain.toString());
        assertTrue(plain.out().startsWith(warning), plain.out());
        assertTrue(plain.out().endsWith("\n0 errors, 1 warning in 1 document\n"), plain.out());
        assertEquals(1, strict.status(), strict.toString());
        assertTrue(strict.out().startsWith(warning.replace("warning:", "error:")), strict.out());
        assertEquals(new Cli.Run(0, "0 errors, 0 warnings in 1 document\n", ""), suppressed);
    }

    @Test
    void jsonHasTheDocumentedShape() throws IOException {
        breakOperation();

        Cli.Run run = Cli.run(project, "check", "src/main/arazzo/pets.arazzo.yaml", "--format", "json");

        assertEquals(1, run.status());
        JsonNode report = JSON.readTree(run.out());
        assertEquals(List.of("tool", "version", "documents", "errors", "warnings", "diagnostics"), fieldNames(report));
        assertEquals("arazzo", report.get("tool").asText());
        assertEquals(ArazzoCodegen.VERSION, report.get("version").asText());
        assertEquals("[\"src/main/arazzo/pets.arazzo.yaml\"]", report.get("documents").toString());
        assertEquals(1, report.get("errors").asInt());
        assertEquals(0, report.get("warnings").asInt());
        assertEquals(JSON.readTree("""
                [{"severity": "error", "code": "unknown-operation", "file": "src/main/arazzo/pets.arazzo.yaml",
                  "line": 22, "column": 22, "pointer": "/workflows/0/steps/0/operationId",
                  "message": "step 'getPet' names operation 'fetchPet', which no source defines"}]
                """), report.get("diagnostics"));
    }

    @Test
    void sarifIsValidAndPointsAtTheLine() throws IOException {
        breakOperation();
        addUnknownStepWarning();

        Cli.Run run = Cli.run(project, "check", "src/main/arazzo/pets.arazzo.yaml", "--format", "sarif");

        assertEquals(1, run.status(), run.toString());
        JsonNode log = JSON.readTree(run.out());
        assertEquals(List.of(), Sarif.violations(log));
        assertEquals("2.1.0", log.get("version").asText());
        JsonNode sarifRun = log.get("runs").get(0);
        JsonNode driver = sarifRun.get("tool").get("driver");
        assertEquals("arazzo", driver.get("name").asText());
        assertEquals(ArazzoCodegen.VERSION, driver.get("version").asText());
        assertEquals(System.getProperty("arazzo.project.url"), driver.get("informationUri").asText());
        assertEquals("[\"unknown-operation\",\"unknown-step\"]",
                JSON.valueToTree(driver.get("rules").findValuesAsText("id")).toString());
        assertEquals(project.toUri().toString(),
                sarifRun.get("originalUriBaseIds").get("%SRCROOT%").get("uri").asText());

        JsonNode error = sarifRun.get("results").get(0);
        assertEquals("unknown-operation", error.get("ruleId").asText());
        assertEquals(0, error.get("ruleIndex").asInt());
        assertEquals("error", error.get("level").asText());
        assertEquals("step 'getPet' names operation 'fetchPet', which no source defines",
                error.get("message").get("text").asText());
        JsonNode physical = error.get("locations").get(0).get("physicalLocation");
        assertEquals(JSON.readTree("{\"uri\": \"src/main/arazzo/pets.arazzo.yaml\", \"uriBaseId\": \"%SRCROOT%\"}"),
                physical.get("artifactLocation"));
        assertEquals(JSON.readTree("{\"startLine\": 22, \"startColumn\": 22}"), physical.get("region"));

        JsonNode warning = sarifRun.get("results").get(1);
        assertEquals("unknown-step", warning.get("ruleId").asText());
        assertEquals(1, warning.get("ruleIndex").asInt());
        assertEquals("warning", warning.get("level").asText());
        assertEquals(44, warning.get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt());
    }

    @Test
    void theSchemaRefusesWhatSarifDoesNotAllow() throws IOException {
        breakOperation();
        JsonNode log = JSON.readTree(Cli.run(project, "check", "src/main/arazzo", "--format", "sarif").out());
        ((com.fasterxml.jackson.databind.node.ObjectNode) log.get("runs").get(0).get("results").get(0))
                .put("level", "fatal");

        assertFalse(Sarif.violations(log).isEmpty(), "the validator reads the schema's level enum");
    }

    @Test
    void aCleanSarifLogHasNoResultsAndIsValid() throws IOException {
        Cli.Run run = Cli.run(project, "check", "src/main/arazzo", "--format", "sarif");

        assertEquals(0, run.status(), run.toString());
        JsonNode log = JSON.readTree(run.out());
        assertEquals(List.of(), Sarif.violations(log));
        assertEquals(0, log.get("runs").get(0).get("results").size());
    }

    @Test
    void aFileOutsideTheWorkingDirectoryIsAnAbsoluteUri(@TempDir Path elsewhere) throws IOException {
        breakOperation();

        Cli.Run run = Cli.run(elsewhere, "check", arazzo.toString(), "--format", "sarif", "--project-dir",
                project.toString());

        JsonNode artifact = JSON.readTree(run.out()).get("runs").get(0).get("results").get(0).get("locations").get(0)
                .get("physicalLocation").get("artifactLocation");
        assertEquals(arazzo.toUri().toString(), artifact.get("uri").asText());
        assertFalse(artifact.has("uriBaseId"));
        assertEquals(List.of(), Sarif.violations(JSON.readTree(run.out())));
    }

    @Test
    void sourceMappingsReadALocalFileForAUrl() throws IOException {
        Cli.edit(arazzo, "url: ../openapi/pets.openapi.yaml", "url: https://pets.example.com/openapi.yaml");

        Cli.Run unmapped = Cli.run(project, "check", "src/main/arazzo/pets.arazzo.yaml");
        Cli.Run mapped = Cli.run(project, "check", "src/main/arazzo/pets.arazzo.yaml", "--source-mapping",
                "https://pets.example.com/openapi.yaml=src/main/openapi/pets.openapi.yaml");

        assertEquals(1, unmapped.status(), unmapped.toString());
        assertEquals(new Cli.Run(0, "0 errors, 0 warnings in 1 document\n", ""), mapped);
    }

    private void breakOperation() throws IOException {
        Cli.edit(arazzo, "operationId: getPet", "operationId: fetchPet");
    }

    /** A goto to a step the workflow does not have: a warning at line 44. */
    private void addUnknownStepWarning() throws IOException {
        Cli.edit(arazzo, """
                          - condition: $statusCode == 201
                """, """
                          - condition: $statusCode == 201
                        onSuccess:
                          - {name: next, type: goto, stepId: nowhere}
                """);
    }

    private static List<String> fieldNames(JsonNode node) {
        return node.properties().stream().map(java.util.Map.Entry::getKey).toList();
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.sorted().toList();
        }
    }
}
