package dev.arazzo.codegen.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arazzo.codegen.ArazzoCodegen;
import dev.arazzo.codegen.GenerationRequest;
import dev.arazzo.codegen.GenerationResult;
import dev.arazzo.codegen.write.SourceWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build killed at any moment, then a build on any content of the specs, leaves exactly what a clean
 * build leaves: the kill is simulated by doing part of a build's work and then stopping.
 */
class KilledBuildTest {

    private static final String A = spec("alpha", "beta", "Alpha, first version");
    private static final String B = spec("alpha", "gamma", "Alpha, second version");

    @TempDir
    Path dir;

    private Path spec;
    private Path out;
    private Path stateFile;

    private static String spec(String first, String second, String summary) {
        return """
                arazzo: 1.0.1
                info: {title: Killed, version: '1'}
                sourceDescriptions:
                  - {name: things, url: things-openapi.yaml, type: openapi}
                workflows:
                  - workflowId: %s
                    summary: %s
                    steps:
                      - {stepId: status, operationId: getStatus}
                  - workflowId: %s
                    steps:
                      - {stepId: status, operationId: getStatus}
                """.formatted(first, summary, second);
    }

    @BeforeEach
    void writeInputs() throws IOException {
        try (InputStream in = KilledBuildTest.class.getResourceAsStream("/fixtures/things-openapi.yaml")) {
            Files.write(dir.resolve("things-openapi.yaml"), in.readAllBytes());
        }
        spec = dir.resolve("workflow.arazzo.yaml");
        out = dir.resolve("generated");
        stateFile = dir.resolve("target/arazzo-state/default.state");
    }

    private GenerationRequest request(Path output) {
        return GenerationRequest.builder().spec(spec).outputDirectory(output).packageName("com.example").build();
    }

    private IncrementalGeneration.Outcome build(String content) throws IOException {
        Files.writeString(spec, content);
        return new IncrementalGeneration(stateFile, "1.0.0", ArazzoCodegen::generate).run(request(out));
    }

    /** What a clean build of {@code content} writes: every file's path and bytes. */
    private Map<String, String> cleanBuild(String content) throws IOException {
        Files.writeString(spec, content);
        Path clean = dir.resolve("clean-" + content.hashCode());
        GenerationResult result = ArazzoCodegen.generate(request(clean));
        assertFalse(result.hasErrors(), result.diagnostics().toString());
        return tree(clean);
    }

    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Files.readString(file));
            }
        }
        return files;
    }

    @Test
    void aBuildKilledHalfWayThroughWritingThenARevertedSpecGivesWhatACleanBuildGives() throws IOException {
        Map<String, String> cleanA = cleanBuild(A);
        Map<String, String> cleanB = cleanBuild(B);
        build(A);
        // the build of B is killed after the manifest and half its files: the state still says A
        SourceWriter writer = new SourceWriter(out, SourceWriter.owner(List.of(spec), "com.example",
                Map.of()));
        List<String> javaFiles = cleanB.keySet().stream().filter(p -> p.endsWith(".java")).toList();
        writer.begin(javaFiles);
        for (String file : javaFiles.subList(0, javaFiles.size() / 2 + 1)) {
            writer.write(file, cleanB.get(file));
        }
        Path partial = out.resolve("com/example/.GammaWorkflow.java.0f0e-killed.arazzo-tmp");
        Files.writeString(partial, "final class Gam");

        IncrementalGeneration.Outcome next = build(A);

        var generated = assertInstanceOf(IncrementalGeneration.Generated.class, next);
        assertTrue(Set.of("an earlier build was interrupted", "generated files differ from what the last build wrote")
                .contains(generated.reason()), generated.reason());
        assertEquals(cleanA, tree(out));
        assertInstanceOf(IncrementalGeneration.UpToDate.class, build(A));
    }

    @Test
    void aBuildKilledAfterWritingButBeforeSavingItsStateGivesWhatACleanBuildGives() throws IOException {
        Map<String, String> cleanA = cleanBuild(A);
        build(A);
        Files.writeString(spec, B);
        assertFalse(ArazzoCodegen.generate(request(out)).hasErrors(), "every file of B written, the state not saved");

        IncrementalGeneration.Outcome next = build(A);

        assertInstanceOf(IncrementalGeneration.Generated.class, next);
        assertEquals(cleanA, tree(out));
        assertFalse(tree(out).containsKey("com/example/GammaWorkflow.java"));
    }

    @Test
    void anOutputEditedSinceTheLastBuildIsWrittenAgain() throws IOException {
        Map<String, String> cleanA = cleanBuild(A);
        build(A);
        Files.writeString(out.resolve("com/example/AlphaWorkflow.java"), "// half a file");

        var generated = assertInstanceOf(IncrementalGeneration.Generated.class, build(A));

        assertEquals("generated files differ from what the last build wrote", generated.reason());
        assertEquals(cleanA, tree(out));
    }

    @Test
    void aKilledStateWriteLeavesNoTemporaryFileAfterTheNextBuild() throws IOException {
        build(A);
        Path leftover = stateFile.resolveSibling(".default.state.0f0e-killed.arazzo-tmp");
        Files.writeString(leftover, "# arazzo-codegen incremental build state\nformat=1\nfingerp");
        Files.writeString(stateFile, "# arazzo-codegen incremental build state\nformat=1\nfingerp");

        build(A);

        assertFalse(Files.exists(leftover));
        assertTrue(BuildState.read(stateFile).isPresent());
        try (Stream<Path> walk = Files.walk(dir)) {
            assertEquals(List.of(), walk.filter(p -> p.toString().endsWith(".tmp") || p.toString().endsWith("-tmp"))
                    .toList());
        }
    }

    @Test
    void generatedSourcesAndTheStateFileHaveTheUmasksPermissions() throws IOException {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        build(A);
        Path reference = dir.resolve("reference");
        try (OutputStream created = Files.newOutputStream(reference, StandardOpenOption.CREATE_NEW)) {
            created.write(1);
        }
        Set<PosixFilePermission> usual = Files.getPosixFilePermissions(reference);
        assertTrue(usual.contains(PosixFilePermission.OWNER_READ));

        assertEquals(usual, Files.getPosixFilePermissions(out.resolve("com/example/AlphaWorkflow.java")));
        assertEquals(usual, Files.getPosixFilePermissions(stateFile));
    }

    @Test
    void removingTheLastSpecRemovesItsClassesAndTheState() throws IOException {
        build(A);
        assertTrue(Files.exists(out.resolve("com/example/AlphaWorkflow.java")));

        List<Path> removed = new IncrementalGeneration(stateFile, "1.0.0", ArazzoCodegen::generate).clean();

        assertEquals(2, removed.size(), removed.toString());
        assertEquals(Map.of(), tree(out));
        assertFalse(Files.exists(stateFile));
    }
}
