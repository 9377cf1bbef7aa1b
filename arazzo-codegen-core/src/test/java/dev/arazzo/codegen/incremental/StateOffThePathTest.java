package dev.arazzo.codegen.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arazzo.codegen.ArazzoCodegen;
import dev.arazzo.codegen.GenerationRequest;
import dev.arazzo.codegen.GenerationResult;
import dev.arazzo.codegen.GenerationResult.GeneratedFile;
import dev.arazzo.codegen.source.FileReads;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a generating build does only for its state, off the generation's path: without a state the generator's
 * identity is taken on a thread of its own while the generator runs, and the files the generation reads are hashed
 * on another, from the very bytes it read; both threads end with the run, also when it fails, and the state is the
 * one the build wrote before.
 */
class StateOffThePathTest {

    private static final FileTime AN_HOUR_AGO = FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS));
    private static final String IDENTITY = "0.1.0-SNAPSHOT+aaaaaaaaaaaaaaaa";

    @TempDir
    Path dir;

    private Path spec;
    private Path openApi;
    private Path output;
    private Path jar;
    private Path stateFile;
    private final CountingAccess access = new CountingAccess();

    /** The platform's files, counting what is opened to be hashed. */
    private static final class CountingAccess implements FileDigests.FileAccess {
        final Map<Path, Integer> opened = new HashMap<>();
        final CountDownLatch firstOpen = new CountDownLatch(1);

        @Override
        public FileDigests.Attributes stat(Path file) throws IOException {
            return FileDigests.DISK.stat(file);
        }

        @Override
        public synchronized InputStream open(Path file) throws IOException {
            opened.merge(file, 1, Integer::sum);
            firstOpen.countDown();
            return FileDigests.DISK.open(file);
        }
    }

    @BeforeEach
    void writeInputs() throws IOException {
        spec = Files.writeString(dir.resolve("pets.arazzo.yaml"), "workflows: [adopt-pet]\n");
        openApi = Files.writeString(dir.resolve("pets-openapi.yaml"), "openapi: 3.1.1\n");
        Files.setLastModifiedTime(spec, AN_HOUR_AGO);
        Files.setLastModifiedTime(openApi, AN_HOUR_AGO);
        jar = Files.writeString(dir.resolve("arazzo-maven-plugin-0.1.0-SNAPSHOT.jar"), "a jar");
        Files.setLastModifiedTime(jar, AN_HOUR_AGO);
        output = dir.resolve("generated/com/example/AdoptPet.java");
        stateFile = dir.resolve("target/arazzo-state/default.state");
    }

    private GenerationRequest request() {
        return GenerationRequest.builder()
                .spec(spec).outputDirectory(dir.resolve("generated")).packageName("com.example").build();
    }

    /** A generator that reads its inputs as the core does ({@link FileReads}), then runs {@code meanwhile}. */
    private Function<GenerationRequest, GenerationResult> generator(Runnable meanwhile) {
        return request -> {
            try {
                FileReads.readAllBytes(spec);
                FileReads.readAllBytes(openApi);
                meanwhile.run();
                Files.createDirectories(output.getParent());
                Files.writeString(output, "class AdoptPet {}");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new GenerationResult(List.of(new GeneratedFile(spec, output, "com.example.AdoptPet", true)),
                    List.of(), List.of(), Set.of(spec, openApi));
        };
    }

    private IncrementalGeneration generation(Function<GenerationRequest, GenerationResult> generator,
            java.util.function.Supplier<String> identity) {
        return new IncrementalGeneration(stateFile, null, generator, access, jar, identity);
    }

    private static Thread alive(String name) {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals(name)) {
                return thread;
            }
        }
        return null;
    }

    @Test
    void withoutAStateTheIdentityIsTakenWhileTheGeneratorRuns() throws Exception {
        CountDownLatch generating = new CountDownLatch(1);
        Thread[] identifiedOn = new Thread[1];
        boolean[] sawTheGenerator = new boolean[1];

        IncrementalGeneration.Outcome outcome = generation(generator(generating::countDown), () -> {
            identifiedOn[0] = Thread.currentThread();
            try {
                // taken before the generator ran, it would wait here the whole 10 s and see nothing
                sawTheGenerator[0] = generating.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return IDENTITY;
        }).run(request());

        assertInstanceOf(IncrementalGeneration.Generated.class, outcome);
        assertTrue(sawTheGenerator[0], "the identity was taken while the generator ran");
        assertNotEquals(Thread.currentThread(), identifiedOn[0]);
        assertFalse(identifiedOn[0].isAlive(), "the identity's thread ended with the run");
        BuildState state = BuildState.read(stateFile).orElseThrow();
        assertEquals(IDENTITY, state.generator().version());
        assertEquals(jar, state.generator().jar());
        assertEquals(AN_HOUR_AGO.to(TimeUnit.NANOSECONDS), state.generator().modified());
        // the state the build wrote before: the same fingerprint of the same identity and inputs
        assertEquals(Fingerprint.of(IDENTITY, request(), Set.of(spec, openApi)), state.fingerprint());
        assertInstanceOf(IncrementalGeneration.UpToDate.class, generation(generator(() -> { }), () -> {
            throw new AssertionError("the recorded identity holds");
        }).run(request()));
    }

    @Test
    void aJarWhoseStampChangedIsReadWhileTheInputsAreDigested() throws Exception {
        assertInstanceOf(IncrementalGeneration.Generated.class,
                generation(generator(() -> { }), () -> IDENTITY).run(request()));
        access.opened.clear();
        Files.writeString(jar, "a jar, rebuilt");
        Files.writeString(spec, "workflows: [adopt-pet, return-pet]\n"); // to be hashed by the check
        Thread[] identifiedOn = new Thread[1];
        boolean[] sawTheCheck = new boolean[1];

        IncrementalGeneration.Generated again = assertInstanceOf(IncrementalGeneration.Generated.class,
                generation(generator(() -> { }), () -> {
                    identifiedOn[0] = Thread.currentThread();
                    try {
                        // read before the check, it would wait here the whole 10 s and see nothing
                        sawTheCheck[0] = access.firstOpen.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return "0.1.0-SNAPSHOT+bbbbbbbbbbbbbbbb";
                }).run(request()));

        assertEquals("inputs or configuration changed", again.reason());
        assertTrue(sawTheCheck[0], "the jar was read while the check hashed the inputs");
        assertNotEquals(Thread.currentThread(), identifiedOn[0]);
        assertFalse(identifiedOn[0].isAlive());
        assertEquals(1, access.opened.get(spec), "hashed once by the check, its digest reused by the fingerprint");
        BuildState state = BuildState.read(stateFile).orElseThrow();
        assertEquals("0.1.0-SNAPSHOT+bbbbbbbbbbbbbbbb", state.generator().version());
        assertEquals(Files.size(jar), state.generator().size());
        assertEquals(Fingerprint.of("0.1.0-SNAPSHOT+bbbbbbbbbbbbbbbb", request(), Set.of(spec, openApi)),
                state.fingerprint());
    }

    @Test
    void aRequestThatIsNotConcurrentKeepsItAllOnTheCallingThread() throws IOException {
        Thread[] identifiedOn = new Thread[1];
        GenerationRequest request = GenerationRequest.builder().spec(spec).outputDirectory(dir.resolve("generated"))
                .packageName("com.example").concurrent(false).build();

        assertInstanceOf(IncrementalGeneration.Generated.class, generation(generator(() -> { }), () -> {
            identifiedOn[0] = Thread.currentThread();
            return IDENTITY;
        }).run(request));

        assertSame(Thread.currentThread(), identifiedOn[0]);
        assertEquals(1, access.opened.get(openApi), "read again from disk after the generation, as before");
        assertEquals(Fingerprint.of(IDENTITY, request, Set.of(spec, openApi)),
                BuildState.read(stateFile).orElseThrow().fingerprint());
    }

    @Test
    void aFailingIdentityFailsTheRunAndWritesNoState() {
        IllegalStateException failure = new IllegalStateException("cannot identify the generator");

        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> generation(generator(() -> { }), () -> {
                    throw failure;
                }).run(request()));

        assertSame(failure, thrown);
        assertFalse(Files.exists(stateFile));
        assertEquals(null, alive("arazzo-generator-identity"));
    }

    @Test
    void aFailingGeneratorStillEndsBothThreads() {
        CountDownLatch identifying = new CountDownLatch(1);
        RuntimeException failure = new RuntimeException("the generator broke");

        RuntimeException thrown = assertThrows(RuntimeException.class, () -> generation(generator(() -> {
            throw failure;
        }), () -> {
            identifying.countDown();
            return IDENTITY;
        }).run(request()));

        assertSame(failure, thrown);
        assertEquals(0, identifying.getCount());
        assertEquals(null, alive("arazzo-generator-identity"));
        assertEquals(null, alive("arazzo-read-digests"));
        assertFalse(Files.exists(stateFile));
    }

    @Test
    void theFilesReadAreHashedFromTheBytesReadNotReadAgain() throws IOException {
        IncrementalGeneration.Outcome outcome = generation(generator(() -> { }), () -> IDENTITY).run(request());

        assertInstanceOf(IncrementalGeneration.Generated.class, outcome);
        assertEquals(null, access.opened.get(spec), "the spec's bytes were hashed as the generator read them");
        assertEquals(null, access.opened.get(openApi));
        assertEquals(1, access.opened.get(output), "what was written is hashed from disk, as before");
        assertEquals(null, alive("arazzo-read-digests"));
        BuildState state = BuildState.read(stateFile).orElseThrow();
        assertEquals(Fingerprint.of(IDENTITY, request(), Set.of(spec, openApi)), state.fingerprint());
        assertEquals(FileDigests.reading(FileDigests.DISK).digest(openApi), state.stamps().get(openApi).sha256());
        assertEquals(Files.size(openApi), state.stamps().get(openApi).size());
        assertEquals(AN_HOUR_AGO.to(TimeUnit.NANOSECONDS), state.stamps().get(openApi).modified());

        assertInstanceOf(IncrementalGeneration.UpToDate.class,
                generation(generator(() -> { }), () -> IDENTITY).run(request()));
    }

    @Test
    void aFileEditedAfterTheGeneratorReadItIsRecordedAsRead() throws IOException {
        // edited after the read, to the same size and with its old modified time: hashed again from disk, the edit
        // would be recorded as the content generated from, and the next build would find nothing to do
        IncrementalGeneration.Outcome outcome = generation(generator(() -> {
            try {
                Files.writeString(openApi, "openapi: 3.0.4\n");
                Files.setLastModifiedTime(openApi, AN_HOUR_AGO);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }), () -> IDENTITY).run(request());
        assertInstanceOf(IncrementalGeneration.Generated.class, outcome);
        assertEquals(sha256("openapi: 3.1.1\n"), BuildState.read(stateFile).orElseThrow().stamps().get(openApi)
                .sha256());

        IncrementalGeneration.Generated again = assertInstanceOf(IncrementalGeneration.Generated.class,
                generation(generator(() -> { }), () -> IDENTITY).run(request()));
        assertEquals("inputs or configuration changed", again.reason());
    }

    @Test
    void aFileReadTwiceWithOtherBytesIsNotTrustedAtTheNextBuild() throws IOException {
        IncrementalGeneration.Outcome outcome = generation(generator(() -> {
            try {
                Files.writeString(openApi, "openapi: 3.0.4\n");
                FileReads.readAllBytes(openApi);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }), () -> IDENTITY).run(request());
        assertInstanceOf(IncrementalGeneration.Generated.class, outcome);
        BuildState state = BuildState.read(stateFile).orElseThrow();
        assertEquals(null, state.stamps().get(openApi), "no stamp to trust");

        assertInstanceOf(IncrementalGeneration.Generated.class,
                generation(generator(() -> { }), () -> IDENTITY).run(request()));
        assertInstanceOf(IncrementalGeneration.UpToDate.class,
                generation(generator(() -> { }), () -> IDENTITY).run(request()));
    }

    @Test
    void aFileTheGeneratorDidNotReportIsHashedFromDisk() throws IOException {
        Path other = Files.writeString(dir.resolve("shared.yaml"), "components: {}\n");
        IncrementalGeneration.Outcome outcome = generation(request -> {
            GenerationResult read = generator(() -> { }).apply(request);
            return new GenerationResult(read.files(), read.deleted(), read.diagnostics(),
                    Set.of(spec, openApi, other));
        }, () -> IDENTITY).run(request());

        assertInstanceOf(IncrementalGeneration.Generated.class, outcome);
        assertEquals(1, access.opened.get(other));
        assertEquals(Fingerprint.of(IDENTITY, request(), Set.of(spec, openApi, other)),
                BuildState.read(stateFile).orElseThrow().fingerprint());
    }

    @Test
    void aRealGenerationRecordsTheStateItDidBefore() throws IOException {
        try (InputStream in = StateOffThePathTest.class.getResourceAsStream("/fixtures/things-openapi.yaml")) {
            Files.write(dir.resolve("things-openapi.yaml"), in.readAllBytes());
        }
        Files.writeString(spec, """
                arazzo: 1.0.1
                info: {title: Things, version: '1'}
                sourceDescriptions:
                  - {name: things, url: things-openapi.yaml, type: openapi}
                workflows:
                  - workflowId: status
                    steps:
                      - {stepId: status, operationId: getStatus}
                """);
        IncrementalGeneration generation = new IncrementalGeneration(stateFile, null, ArazzoCodegen::generate,
                access, jar, () -> IDENTITY);

        IncrementalGeneration.Generated generated = assertInstanceOf(IncrementalGeneration.Generated.class,
                generation.run(request()));

        assertFalse(generated.result().hasErrors(), generated.result().diagnostics().toString());
        Set<Path> read = new LinkedHashSet<>(generated.result().filesRead());
        assertTrue(read.contains(dir.resolve("things-openapi.yaml")), read.toString());
        for (Path file : read) {
            assertEquals(null, access.opened.get(file), file + " was hashed from the bytes the core read");
        }
        BuildState state = BuildState.read(stateFile).orElseThrow();
        assertEquals(Fingerprint.of(IDENTITY, request(), read), state.fingerprint());
        for (Path file : read) {
            assertNotNull(state.stamps().get(file), file.toString());
            assertEquals(FileDigests.reading(FileDigests.DISK).digest(file), state.stamps().get(file).sha256());
        }
        assertInstanceOf(IncrementalGeneration.UpToDate.class, generation.run(request()));
    }

    private static String sha256(String text) {
        return java.util.HexFormat.of().formatHex(Fingerprint.sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
