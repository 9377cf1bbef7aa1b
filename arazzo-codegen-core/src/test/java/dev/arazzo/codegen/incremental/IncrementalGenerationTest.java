package dev.arazzo.codegen.incremental;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arazzo.codegen.GenerationRequest;
import dev.arazzo.codegen.GenerationResult;
import dev.arazzo.codegen.GenerationResult.GeneratedFile;
import dev.arazzo.codegen.diagnostic.Diagnostic;
import dev.arazzo.codegen.diagnostic.SourceLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncrementalGenerationTest {

    @TempDir
    Path dir;

    private Path spec;
    private Path openApi;
    private Path out;
    private Path stateFile;
    private final List<GenerationRequest> calls = new ArrayList<>();

    @BeforeEach
    void writeInputs() throws IOException {
        spec = Files.writeString(dir.resolve("pets.arazzo.yaml"), "workflows: [adopt-pet]\n");
        openApi = Files.writeString(dir.resolve("pets.openapi.yaml"), "openapi: 3.0.3\n");
        out = dir.resolve("generated");
        stateFile = dir.resolve("target/arazzo-state/default.state");
    }

    /**
     * Stands in for the core: one class per entry of the spec's {@code workflows: [...]}, written only
     * when its bytes differ, stale previous outputs deleted; reads the spec and the OpenAPI file.
     */
    private GenerationResult generate(GenerationRequest request) {
        calls.add(request);
        try {
            String text = Files.readString(spec);
            if (text.contains("invalid")) {
                return new GenerationResult(List.of(), List.of(), List.of(Diagnostic.error("unknown-operation",
                        new SourceLocation(spec, 1, 1, "/"), "no such operation")), Set.of(spec, openApi));
            }
            String[] workflows = text.substring(text.indexOf('[') + 1, text.indexOf(']')).split(",\\s*");
            List<GeneratedFile> files = new ArrayList<>();
            for (String workflow : workflows) {
                Path file = request.outputDirectory().resolve("com/example/" + workflow + ".java");
                byte[] bytes = ("class " + workflow + " {} // " + Files.readString(openApi)).getBytes();
                boolean changed = !Files.exists(file) || !java.util.Arrays.equals(Files.readAllBytes(file), bytes);
                if (changed) {
                    Files.createDirectories(file.getParent());
                    Files.write(file, bytes);
                }
                files.add(new GeneratedFile(spec, file, "com.example." + workflow, changed));
            }
            List<Path> deleted = new ArrayList<>();
            for (Path previous : request.previousOutputs()) {
                if (files.stream().noneMatch(f -> f.path().equals(previous)) && Files.deleteIfExists(previous)) {
                    deleted.add(previous);
                }
            }
            return new GenerationResult(files, deleted, List.of(), Set.of(spec, openApi));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private GenerationRequest.Builder request() {
        return GenerationRequest.builder().spec(spec).outputDirectory(out).packageName("com.example");
    }

    private IncrementalGeneration generation(String version) {
        return new IncrementalGeneration(stateFile, version, this::generate);
    }

    private IncrementalGeneration.Outcome run() throws IOException {
        return generation("1.0.0").run(request().build());
    }

    @Test
    void theFirstRunGeneratesAndSavesTheState() throws IOException {
        var outcome = assertInstanceOf(IncrementalGeneration.Generated.class, run());

        assertEquals("no earlier build", outcome.reason());
        assertTrue(Files.isRegularFile(out.resolve("com/example/adopt-pet.java")));
        BuildState state = BuildState.read(stateFile).orElseThrow();
        assertEquals(Set.of(spec, openApi), state.filesRead());
        assertEquals(Set.of(out.resolve("com/example/adopt-pet.java")), state.outputs());
    }

    @Test
    void aSecondRunOnUnchangedInputsDoesNotCallTheGenerator() throws IOException {
        run();

        assertInstanceOf(IncrementalGeneration.UpToDate.class, run());
        assertEquals(1, calls.size());
    }

    @Test
    void editingAFileThatTheLastRunReadRegenerates() throws IOException {
        run();
        Files.writeString(openApi, "openapi: 3.1.0\n");

        var outcome = assertInstanceOf(IncrementalGeneration.Generated.class, run());

        assertEquals("inputs or configuration changed", outcome.reason());
        assertEquals(1, outcome.result().written().size());
        assertEquals(2, calls.size());
    }

    @Test
    void changedConfigurationRegenerates() throws IOException {
        run();

        var outcome = generation("1.0.0").run(request().warningsAsErrors(true).build());

        assertInstanceOf(IncrementalGeneration.Generated.class, outcome);
    }

    @Test
    void aNewGeneratorVersionRegenerates() throws IOException {
        generation("1.0.0").run(request().build());

        assertInstanceOf(IncrementalGeneration.Generated.class, generation("1.1.0").run(request().build()));
    }

    @Test
    void aDeletedOutputRegenerates() throws IOException {
        run();
        Files.delete(out.resolve("com/example/adopt-pet.java"));

        var outcome = assertInstanceOf(IncrementalGeneration.Generated.class, run());

        assertTrue(outcome.reason().contains("missing"), outcome.reason());
        assertTrue(Files.isRegularFile(out.resolve("com/example/adopt-pet.java")));
    }

    @Test
    void theGeneratorGetsThePreviousOutputsSoItCanDeleteStaleFiles() throws IOException {
        Files.writeString(spec, "workflows: [adopt-pet, return-pet]\n");
        run();
        Files.writeString(spec, "workflows: [adopt-pet]\n");

        var outcome = assertInstanceOf(IncrementalGeneration.Generated.class, run());

        assertEquals(Set.of(out.resolve("com/example/adopt-pet.java"), out.resolve("com/example/return-pet.java")),
                calls.get(1).previousOutputs());
        assertEquals(List.of(out.resolve("com/example/return-pet.java")), outcome.result().deleted());
        assertEquals(Set.of(out.resolve("com/example/adopt-pet.java")), BuildState.read(stateFile).orElseThrow().outputs());
    }

    @Test
    void aRunWithErrorsSavesNoState() throws IOException {
        Files.writeString(spec, "invalid\n");

        var outcome = assertInstanceOf(IncrementalGeneration.Generated.class, run());

        assertTrue(outcome.result().hasErrors());
        assertFalse(Files.exists(stateFile));
    }

    @Test
    void aRunWithErrorsKeepsTheStateOfTheLastSuccessfulRun() throws IOException {
        run();
        byte[] saved = Files.readAllBytes(stateFile);
        Files.writeString(spec, "invalid\n");

        run();

        assertArrayEquals(saved, Files.readAllBytes(stateFile));
        // Fixing the spec again brings back exactly the inputs of the saved state: nothing to do.
        Files.writeString(spec, "workflows: [adopt-pet]\n");
        assertInstanceOf(IncrementalGeneration.UpToDate.class, run());
    }

    @Test
    void aGeneratorFailureKeepsTheEarlierState() throws IOException {
        run();
        byte[] saved = Files.readAllBytes(stateFile);
        Files.writeString(openApi, "openapi: 3.1.0\n");
        Function<GenerationRequest, GenerationResult> broken = request -> {
            throw new IllegalStateException("bug");
        };

        assertThrows(IllegalStateException.class,
                () -> new IncrementalGeneration(stateFile, "1.0.0", broken).run(request().build()));
        assertArrayEquals(saved, Files.readAllBytes(stateFile));
    }

    @Test
    void aCorruptStateFileMeansAFullRegeneration() throws IOException {
        run();
        Files.writeString(stateFile, "garbage");

        var outcome = assertInstanceOf(IncrementalGeneration.Generated.class, run());

        assertEquals("the saved build state is unreadable", outcome.reason());
        assertEquals(Set.of(), calls.get(1).previousOutputs());
        assertTrue(BuildState.read(stateFile).isPresent());
    }

    @Test
    void previousOutputsInAnotherOutputDirectoryAreNeverHandedOver() throws IOException {
        run();
        Path elsewhere = dir.resolve("elsewhere");

        generation("1.0.0").run(request().outputDirectory(elsewhere).build());

        assertEquals(Set.of(), calls.get(1).previousOutputs());
        assertTrue(Files.isRegularFile(out.resolve("com/example/adopt-pet.java")));
    }

    @Test
    void aFileEditedWhileTheGeneratorRunsIsRegeneratedNextTime() throws IOException {
        run();
        Files.writeString(openApi, "openapi: 3.1.0\n");
        Function<GenerationRequest, GenerationResult> editedMeanwhile = request -> {
            GenerationResult result = generate(request);
            try {
                Files.writeString(openApi, "openapi: 3.1.1\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return result;
        };
        new IncrementalGeneration(stateFile, "1.0.0", editedMeanwhile).run(request().build());

        assertInstanceOf(IncrementalGeneration.Generated.class, run());
    }

    @Test
    void twoStateFilesDoNotInterfere() throws IOException {
        var first = new IncrementalGeneration(dir.resolve("target/arazzo-state/first.state"), "1.0.0", this::generate);
        var second = new IncrementalGeneration(dir.resolve("target/arazzo-state/second.state"), "1.0.0", this::generate);

        first.run(request().build());
        second.run(request().packageName("com.example.other").build());

        assertInstanceOf(IncrementalGeneration.UpToDate.class, first.run(request().build()));
        assertInstanceOf(IncrementalGeneration.UpToDate.class,
                second.run(request().packageName("com.example.other").build()));
    }

    @Test
    void theGeneratorIsGivenTheRequestsConfinementAsWellAsThePreviousOutputs() throws IOException {
        GenerationRequest request = request().projectDirectory(dir).allowedRoot(dir.resolve("shared")).build();

        generation("1.0.0").run(request);

        GenerationRequest given = calls.get(0);
        assertEquals(request.projectDirectory(), given.projectDirectory());
        assertEquals(request.allowedRoots(), given.allowedRoots());
        assertEquals(request.runtime(), given.runtime());
        assertEquals(request.idempotencyTokens(), given.idempotencyTokens());
    }
}
