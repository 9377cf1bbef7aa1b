package dev.arazzo.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arazzo.codegen.diagnostic.Diagnostic;
import dev.arazzo.codegen.load.SchemaChecker;
import dev.arazzo.codegen.load.SourceDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A document's JSON Schema check runs on a thread of its own while its sources are read
 * ({@link GenerationRequest#concurrent()}): the result is the one of generating on the calling thread alone, byte
 * for byte and diagnostic for diagnostic; a failure of the check is reported as one on the calling thread; and no
 * thread is left when {@link ArazzoCodegen#generate} returns.
 */
class ConcurrentGenerationTest {

    /** The sample project's seed workflow, whose relative source url names its OpenAPI beside it. */
    private static final Path SEED = Path.of("../sample-project/src/main/arazzo/workflows/"
            + "amazon-connect-start-chat-and-set-attributes-workflow.yml");

    @TempDir
    Path output;

    static Stream<Arguments> documents() throws IOException {
        List<Arguments> documents = new ArrayList<>(CorpusTest.documents()
                .map(corpus -> Arguments.of(corpus.get()[0], corpus.get()[1], corpus.get()[2], corpus.get()[3]))
                .toList());
        documents.add(Arguments.of("seed", SEED.getParent(), SEED.getFileName().toString(), null));
        return documents.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void concurrentAndOneThreadGenerateTheSame(String name, Path folder, String document, JsonNode urlMap)
            throws IOException {
        Generated concurrent = generate(folder, document, urlMap, true, output.resolve("concurrent"));
        Generated oneThread = generate(folder, document, urlMap, false, output.resolve("one-thread"));

        assertEquals(oneThread.diagnostics(), concurrent.diagnostics());
        assertEquals(oneThread.filesRead(), concurrent.filesRead());
        assertEquals(oneThread.files(), concurrent.files());
        assertNoCheckThread();
    }

    @Test
    void aDocumentWithSchemaReaderAndSourceProblemsReportsThemInTheSameOrder() throws IOException {
        Path spec = output.resolve("broken.arazzo.yaml");
        Files.writeString(spec, """
                arazzo: 1.0.1
                info:
                  title: Broken
                  version: 1.0.0
                  colour: blue
                sourceDescriptions:
                  - name: missing
                    url: ./missing.openapi.yaml
                    type: openapi
                  - name: missing
                    url: ./missing-too.openapi.yaml
                    type: openapi
                workflows:
                  - workflowId: w
                    steps:
                      - stepId: s
                        operationId: missing.get
                        successCriteria:
                          - condition: $statusCode == 200
                      - description: no id
                        operationId: missing.get
                """);
        Generated concurrent = generate(output, spec.getFileName().toString(), null, true, output.resolve("a"));
        Generated oneThread = generate(output, spec.getFileName().toString(), null, false, output.resolve("b"));

        List<String> codes = concurrent.diagnostics().stream().map(d -> d.substring(d.indexOf('['))).toList();
        assertTrue(codes.stream().anyMatch(d -> d.startsWith("[unknown-field]")), codes.toString());
        assertTrue(codes.stream().anyMatch(d -> d.startsWith("[missing-field]")), codes.toString());
        assertTrue(codes.stream().anyMatch(d -> d.startsWith("[source-not-found]")), codes.toString());
        assertTrue(codes.stream().anyMatch(d -> d.startsWith("[duplicate-source]")), codes.toString());
        assertEquals(oneThread.diagnostics(), concurrent.diagnostics());
        assertEquals(Map.of(), concurrent.files());
    }

    @Test
    void theCheckRunsOnItsOwnThreadWhenConcurrentAndOnTheCallersOtherwise() {
        List<String> threads = new CopyOnWriteArrayList<>();
        Function<SourceDocument, List<Diagnostic>> recording = source -> {
            threads.add(Thread.currentThread().getName());
            return SchemaChecker.violations(source);
        };

        GenerationResult concurrent = ArazzoCodegen.generate(seed(true, output.resolve("a")), recording);
        GenerationResult oneThread = ArazzoCodegen.generate(seed(false, output.resolve("b")), recording);

        assertEquals(List.of(ArazzoCodegen.SCHEMA_CHECK_THREAD, Thread.currentThread().getName()), threads);
        assertEquals(List.of(), concurrent.diagnostics());
        assertEquals(List.of(), oneThread.diagnostics());
        assertNoCheckThread();
    }

    @Test
    void theCheckIsBuiltOnADaemonThreadOfItsOwnWhileTheDocumentIsReadAndJoinedBeforeGenerateReturns() {
        java.util.concurrent.CountDownLatch checking = new java.util.concurrent.CountDownLatch(1);
        List<Object> prepared = new CopyOnWriteArrayList<>();
        Runnable prepare = () -> {
            prepared.add(Thread.currentThread().getName());
            prepared.add(Thread.currentThread().isDaemon());
            try {
                // still running when the document has been read and its check begun: the two overlap
                prepared.add(checking.await(30, java.util.concurrent.TimeUnit.SECONDS));
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            prepared.add("done");
        };
        Function<SourceDocument, List<Diagnostic>> check = source -> {
            checking.countDown();
            return SchemaChecker.violations(source);
        };

        GenerationResult result = ArazzoCodegen.generate(seed(true, output), check, prepare);

        assertEquals(List.of(ArazzoCodegen.SCHEMA_PREPARE_THREAD, true, true, "done"), prepared,
                "generate returned only after the building of the check had ended");
        assertEquals(List.of(), result.diagnostics());
        assertNoCheckThread();
    }

    @Test
    void theCheckIsNotBuiltAheadWhenNotConcurrentOrWhenTheFirstDocumentIsNoReadableFile() {
        List<String> prepared = new CopyOnWriteArrayList<>();
        Runnable prepare = () -> prepared.add(Thread.currentThread().getName());
        Path missing = output.resolve("missing.arazzo.yaml");
        GenerationRequest unreadable = GenerationRequest.builder().spec(missing).outputDirectory(output.resolve("m"))
                .packageName("com.example").build();

        GenerationResult oneThread = ArazzoCodegen.generate(seed(false, output.resolve("a")), SchemaChecker::violations,
                prepare);
        GenerationResult notRead = ArazzoCodegen.generate(unreadable, SchemaChecker::violations, prepare);

        assertEquals(List.of(), prepared, "nothing is built ahead on the caller's thread, nor for a missing file");
        assertEquals(List.of(), oneThread.diagnostics());
        assertEquals(ArazzoCodegen.generate(unreadable).diagnostics(), notRead.diagnostics());
        assertFalse(notRead.diagnostics().isEmpty());
        assertNoCheckThread();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"runtime exception", "error"})
    void aFailureToBuildTheCheckAheadChangesNothing(String kind) throws IOException {
        Runnable failing = () -> {
            if (kind.equals("error")) {
                throw new AssertionError("broken ahead");
            }
            throw new IllegalStateException("broken ahead");
        };

        GenerationResult built = ArazzoCodegen.generate(seed(true, output.resolve("a")), SchemaChecker::violations,
                failing);
        GenerationResult plain = ArazzoCodegen.generate(seed(false, output.resolve("b")));

        assertEquals(plain.diagnostics(), built.diagnostics());
        assertEquals(plain.files().size(), built.files().size());
        for (int i = 0; i < plain.files().size(); i++) {
            assertEquals(Files.readString(plain.files().get(i).path()), Files.readString(built.files().get(i).path()));
        }
        assertNoCheckThread();
    }

    @ParameterizedTest(name = "concurrent: {0}")
    @ValueSource(booleans = {true, false})
    void aFailingCheckIsAnInternalErrorOfItsDocumentAndTheNextDocumentIsGenerated(boolean concurrent)
            throws IOException {
        Path other = output.resolve("other/amazon-connect.arazzo.yaml");
        Files.createDirectories(other.getParent());
        Files.copy(SEED, other);
        Path openapi = SEED.resolveSibling("../openapi/amazon-connect-openapi.yml").normalize();
        GenerationRequest request = GenerationRequest.builder().spec(SEED).spec(other)
                .outputDirectory(output.resolve("out")).packageName("com.example.connect")
                .packageFor(other, "com.example.other")
                .sourceMapping("../openapi/amazon-connect-openapi.yml", openapi).concurrent(concurrent).build();
        Function<SourceDocument, List<Diagnostic>> failingOnTheSeed = source -> {
            if (source.file().equals(SEED.toAbsolutePath().normalize())) {
                throw new IllegalStateException("the check broke");
            }
            return SchemaChecker.violations(source);
        };

        GenerationResult result = ArazzoCodegen.generate(request, failingOnTheSeed);

        assertEquals(List.of(SEED.toAbsolutePath().normalize() + ":1:1: error: [internal-error] the generator failed on "
                + "this document (java.lang.IllegalStateException: the check broke); please report it with the "
                + "document"), result.diagnostics().stream().map(Diagnostic::toString).toList());
        assertEquals(List.of(), result.files(), "nothing is written when a document fails");
        assertTrue(result.filesRead().contains(other.toAbsolutePath().normalize()), "the next document was read");
        assertNoCheckThread();
    }

    @ParameterizedTest(name = "concurrent: {0}")
    @ValueSource(booleans = {true, false})
    void aStackOverflowInTheCheckIsAnInternalError(boolean concurrent) {
        Function<SourceDocument, List<Diagnostic>> overflowing = source -> {
            throw new StackOverflowError();
        };

        GenerationResult result = ArazzoCodegen.generate(seed(concurrent, output), overflowing);

        assertEquals(List.of("internal-error"), result.diagnostics().stream().map(Diagnostic::code).toList());
        assertTrue(result.diagnostics().get(0).message().contains("java.lang.StackOverflowError"));
        assertNoCheckThread();
    }

    @Test
    void aFailureOfTheCheckIsReportedRatherThanOneOfTheReadingAfterIt() throws IOException {
        Path spec = output.resolve("unreadable-source.arazzo.yaml");
        Files.writeString(spec, Files.readString(SEED));
        Function<SourceDocument, List<Diagnostic>> failing = source -> {
            throw new IllegalArgumentException("first");
        };
        GenerationRequest request = GenerationRequest.builder().spec(spec).outputDirectory(output.resolve("out"))
                .packageName("com.example").build();

        GenerationResult result = ArazzoCodegen.generate(request, failing);

        assertEquals(List.of("internal-error"), result.diagnostics().stream().map(Diagnostic::code).toList(),
                "the source's file-not-found came after the check, which failed");
        assertTrue(result.diagnostics().get(0).message().contains("IllegalArgumentException: first"));
    }

    @Test
    void aSideTaskGivesItsResultAndItsThreadHasEnded() {
        SideTask<String> task = SideTask.start("side-task-test", () -> Thread.currentThread().getName(), true);

        assertEquals("side-task-test", task.join());
        assertFalse(threadNames().contains("side-task-test"));
    }

    @Test
    void anOptionalSideTaskRunsOnItsThreadWhenWantedAndNotAtAllOtherwise() {
        List<String> ran = new CopyOnWriteArrayList<>();

        SideTask<String> wanted = SideTask.startOptional("side-task-test", () -> {
            ran.add(Thread.currentThread().getName());
            return "done";
        }, true);
        assertEquals("done", wanted.join());
        SideTask<String> unwanted = SideTask.startOptional("side-task-test", () -> {
            ran.add(Thread.currentThread().getName());
            return "done";
        }, false);
        assertEquals(null, unwanted.join());

        assertEquals(List.of("side-task-test"), ran);
        assertFalse(threadNames().contains("side-task-test"));
    }

    @Test
    void aSideTaskThreadIsADaemonWithTheCallersContextClassLoader() {
        ClassLoader context = new java.net.URLClassLoader(new java.net.URL[0]);
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(context);
        try {
            SideTask<List<Object>> task = SideTask.start("side-task-test",
                    () -> List.of(Thread.currentThread().isDaemon(), Thread.currentThread().getContextClassLoader()),
                    true);
            assertEquals(List.of(true, context), task.join());
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
    }

    @ParameterizedTest(name = "concurrent: {0}")
    @ValueSource(booleans = {true, false})
    void aSideTaskThrowsWhatItsWorkThrew(boolean concurrent) {
        IllegalStateException failure = new IllegalStateException("broken");
        AssertionError error = new AssertionError("an error");

        if (concurrent) {
            SideTask<Object> failing = SideTask.start("side-task-test", () -> {
                throw failure;
            }, true);
            SideTask<Object> erring = SideTask.start("side-task-test", () -> {
                throw error;
            }, true);
            assertSame(failure, assertThrows(IllegalStateException.class, failing::join));
            assertSame(error, assertThrows(AssertionError.class, erring::join));
        } else {
            assertSame(failure, assertThrows(IllegalStateException.class, () -> SideTask.start("side-task-test",
                    () -> {
                        throw failure;
                    }, false)), "without concurrency the work runs, and throws, at once");
        }
        assertFalse(threadNames().contains("side-task-test"));
    }

    @Test
    void anInterruptDoesNotCutTheWaitShortAndIsKept() {
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        SideTask<String> task = SideTask.start("side-task-test", () -> {
            started.countDown();
            long until = System.nanoTime() + 200_000_000L;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            return "done";
        }, true);
        try {
            started.await();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        Thread.currentThread().interrupt();
        try {
            assertEquals("done", task.join());
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is set again");
        } finally {
            Thread.interrupted();
        }
        assertFalse(threadNames().contains("side-task-test"));
    }

    @Test
    void aSideTaskRecursesAtLeastAsDeepAsTheCaller() {
        int onTheCaller = depth();
        int onTheSide = SideTask.start("side-task-test", ConcurrentGenerationTest::depth, true).join();

        assertTrue(onTheSide >= onTheCaller, onTheSide + " frames on the side task, " + onTheCaller + " here");
        assertNotEquals(0, onTheCaller);
    }

    /** How deep this thread recurses before its stack overflows. */
    private static int depth() {
        int[] deepest = {0};
        try {
            recurse(deepest, 0);
        } catch (StackOverflowError e) {
            return deepest[0];
        }
        throw new AssertionError("no overflow");
    }

    private static void recurse(int[] deepest, int depth) {
        deepest[0] = depth;
        recurse(deepest, depth + 1);
    }

    private GenerationRequest seed(boolean concurrent, Path out) {
        return GenerationRequest.builder().spec(SEED).outputDirectory(out).packageName("com.example.connect")
                .concurrent(concurrent).build();
    }

    /** What one generation gives: its diagnostics as text, the files it read, and every file it wrote. */
    private record Generated(List<String> diagnostics, Set<Path> filesRead, Map<Path, String> files) {
    }

    private static Generated generate(Path folder, String document, JsonNode urlMap, boolean concurrent, Path out)
            throws IOException {
        GenerationRequest.Builder request = GenerationRequest.builder().spec(folder.resolve(document))
                .outputDirectory(out).packageName("corpus.generated").projectDirectory(folder)
                .concurrent(concurrent);
        if (urlMap != null) {
            urlMap.properties().forEach(entry -> request.sourceMapping(entry.getKey(),
                    folder.resolve(entry.getValue().asText())));
        }
        GenerationResult result = ArazzoCodegen.generate(request.build());
        Map<Path, String> files = new LinkedHashMap<>();
        for (GenerationResult.GeneratedFile file : result.files()) {
            files.put(out.relativize(file.path()), Files.readString(file.path()));
        }
        return new Generated(result.diagnostics().stream().map(Diagnostic::toString).toList(),
                Set.copyOf(result.filesRead()), files);
    }

    private static void assertNoCheckThread() {
        assertFalse(threadNames().contains(ArazzoCodegen.SCHEMA_CHECK_THREAD), threadNames().toString());
        assertFalse(threadNames().contains(ArazzoCodegen.SCHEMA_PREPARE_THREAD), threadNames().toString());
    }

    private static Set<String> threadNames() {
        Set<String> names = new java.util.HashSet<>();
        Thread.getAllStackTraces().keySet().forEach(thread -> names.add(thread.getName()));
        return names;
    }
}
