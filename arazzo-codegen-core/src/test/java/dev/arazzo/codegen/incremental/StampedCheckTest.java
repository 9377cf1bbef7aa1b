package dev.arazzo.codegen.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arazzo.codegen.GenerationRequest;
import dev.arazzo.codegen.GenerationResult;
import dev.arazzo.codegen.GenerationResult.GeneratedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The up-to-date check trusts the size and times it recorded, and reads a file only when they differ or are racy. */
class StampedCheckTest {

    private static final FileTime AN_HOUR_AGO = FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS));

    @TempDir
    Path dir;

    private Path spec;
    private Path openApi;
    private Path output;
    private Path stateFile;
    private int generated;
    private final List<Path> opened = new ArrayList<>();

    /** The disk, with every file the check opens counted. */
    private final FileDigests.FileAccess counting = new FileDigests.FileAccess() {
        @Override
        public FileDigests.Attributes stat(Path file) throws IOException {
            return FileDigests.DISK.stat(file);
        }

        @Override
        public InputStream open(Path file) throws IOException {
            opened.add(file);
            return FileDigests.DISK.open(file);
        }
    };

    @BeforeEach
    void writeInputs() throws IOException {
        spec = Files.writeString(dir.resolve("pets.arazzo.yaml"), "workflows: [adopt-pet]\n");
        openApi = Files.writeString(dir.resolve("pets.openapi.yaml"), "openapi: 3.0.3\n");
        output = dir.resolve("generated/com/example/AdoptPet.java");
        stateFile = dir.resolve("target/arazzo-state/default.state");
        // edited long before the build, as inputs are: their stamps are not racy
        Files.setLastModifiedTime(spec, AN_HOUR_AGO);
        Files.setLastModifiedTime(openApi, AN_HOUR_AGO);
    }

    /** Stands in for the core: one class holding the OpenAPI file's text; reads the spec and the OpenAPI file. */
    private GenerationResult generate(GenerationRequest request) {
        generated++;
        try {
            byte[] bytes = ("class AdoptPet {} // " + Files.readString(openApi)).getBytes();
            Files.createDirectories(output.getParent());
            Files.write(output, bytes);
            return new GenerationResult(List.of(new GeneratedFile(spec, output, "com.example.AdoptPet", true)),
                    List.of(), List.of(), Set.of(spec, openApi));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private IncrementalGeneration.Outcome run(FileDigests.FileAccess access) throws IOException {
        opened.clear();
        GenerationRequest request = GenerationRequest.builder()
                .spec(spec).outputDirectory(dir.resolve("generated")).packageName("com.example").build();
        return new IncrementalGeneration(stateFile, "1.0.0", this::generate, access).run(request);
    }

    /** Generates, then lets the check record stamps that are not racy (the output, too, written an hour ago). */
    private void generateAndSettle() throws IOException {
        assertInstanceOf(IncrementalGeneration.Generated.class, run(counting));
        Files.setLastModifiedTime(output, AN_HOUR_AGO);
        assertInstanceOf(IncrementalGeneration.UpToDate.class, run(counting));
        assertEquals(List.of(output), opened, "only the output's stamp changed, so only the output is read");
    }

    @Test
    void aNoOpReadsNoFileWhoseStampIsUnchanged() throws IOException {
        generateAndSettle();

        assertInstanceOf(IncrementalGeneration.UpToDate.class, run(counting));

        assertEquals(List.of(), opened);
        assertEquals(1, generated);
    }

    @Test
    void aNoOpRightAfterAGenerationWritesNoState() throws IOException {
        assertInstanceOf(IncrementalGeneration.Generated.class, run(counting));
        byte[] saved = Files.readAllBytes(stateFile);
        FileTime written = Files.getLastModifiedTime(stateFile);

        assertInstanceOf(IncrementalGeneration.UpToDate.class, run(counting));

        // the output just written is racy, so it is read, but nothing changed: nothing is written
        assertEquals(written, Files.getLastModifiedTime(stateFile));
        assertEquals(new String(saved), Files.readString(stateFile));
        assertEquals(1, generated);
    }

    @Test
    void aTouchedButUnchangedFileIsReadOnceAndDoesNotRegenerate() throws IOException {
        generateAndSettle();
        FileTime touched = FileTime.from(Instant.now().minus(10, ChronoUnit.MINUTES));
        Files.setLastModifiedTime(openApi, touched);

        assertInstanceOf(IncrementalGeneration.UpToDate.class, run(counting));
        assertEquals(List.of(openApi), opened);
        assertEquals(1, generated);
        FileStamp recorded = BuildState.read(stateFile).orElseThrow().stamps().get(openApi);
        assertEquals(touched.to(java.util.concurrent.TimeUnit.NANOSECONDS), recorded.modified());

        assertInstanceOf(IncrementalGeneration.UpToDate.class, run(counting));
        assertEquals(List.of(), opened, "the new stamp is trusted");
    }

    @Test
    void anEditIsCaught() throws IOException {
        generateAndSettle();
        Files.writeString(openApi, "openapi: 3.1.0\n");

        var outcome = assertInstanceOf(IncrementalGeneration.Generated.class, run(counting));

        assertEquals("inputs or configuration changed", outcome.reason());
        assertEquals(2, generated);
    }

    @Test
    void aFileReplacedByARenameWithItsSizeAndModifiedTimeIsRead() throws IOException {
        generateAndSettle();
        Path saved = Files.writeString(dir.resolve("pets.openapi.yaml.tmp"), "openapi: 3.1.0\n");
        Files.setLastModifiedTime(saved, AN_HOUR_AGO);
        Files.move(saved, openApi, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        assertInstanceOf(IncrementalGeneration.Generated.class, run(counting));
        assertEquals(2, generated);
    }

    @Test
    void aFileSetBackToItsRecordedModifiedTimeIsRead() throws IOException {
        generateAndSettle();
        Files.writeString(openApi, "openapi: 3.1.0\n");
        Files.setLastModifiedTime(openApi, AN_HOUR_AGO);

        assertInstanceOf(IncrementalGeneration.Generated.class, run(counting));
        assertEquals(2, generated);
    }

    @Test
    void anEditWithinTheClocksTickOfTheStampIsCaught() throws IOException {
        // A file system whose clock does not move between the state and the edit, and that reports no
        // status-change time or file key: the edit keeps the size and the modified time. Such a stamp
        // is racy (not older than the state file) and is never trusted.
        FileDigests.FileAccess frozen = new FileDigests.FileAccess() {
            @Override
            public FileDigests.Attributes stat(Path file) throws IOException {
                FileDigests.Attributes real = FileDigests.DISK.stat(file);
                return real == null ? null
                        : new FileDigests.Attributes(real.size(), 1_700_000_000_000_000_000L, -1, "-");
            }

            @Override
            public InputStream open(Path file) throws IOException {
                opened.add(file);
                return FileDigests.DISK.open(file);
            }
        };
        run(frozen);
        Files.writeString(openApi, "openapi: 3.1.0\n");

        var outcome = assertInstanceOf(IncrementalGeneration.Generated.class, run(frozen));

        assertEquals("inputs or configuration changed", outcome.reason());
        assertEquals(2, generated);
    }

    @Test
    void aStampInTheStateFilesFutureIsNotTrusted() throws IOException {
        // modified times from a clock ahead of the state file's, on a platform without ctime and file keys
        FileDigests.FileAccess access = withoutChangeTimesAndKeys(counting);
        FileTime future = FileTime.from(Instant.now().plus(1, ChronoUnit.HOURS));
        run(access);
        Files.setLastModifiedTime(openApi, future);
        Files.setLastModifiedTime(output, future);
        assertInstanceOf(IncrementalGeneration.UpToDate.class, run(access)); // records the future stamps
        Files.writeString(openApi, "openapi: 3.1.0\n");
        Files.setLastModifiedTime(openApi, future);

        assertInstanceOf(IncrementalGeneration.Generated.class, run(access));
        assertEquals(2, generated);
    }

    /** {@code access} without status-change times and file keys, as on a platform that reports neither. */
    private FileDigests.FileAccess withoutChangeTimesAndKeys(FileDigests.FileAccess access) {
        return new FileDigests.FileAccess() {
            @Override
            public FileDigests.Attributes stat(Path file) throws IOException {
                FileDigests.Attributes real = access.stat(file);
                return real == null ? null : new FileDigests.Attributes(real.size(), real.modified(), -1, "-");
            }

            @Override
            public InputStream open(Path file) throws IOException {
                return access.open(file);
            }
        };
    }

    @Test
    void aStateOfTheFirstFormatIsReadAndGetsStamps() throws IOException {
        generateAndSettle();
        List<String> lines = new ArrayList<>(Files.readAllLines(stateFile));
        lines.replaceAll(line -> line.equals("format=2") ? "format=1" : line);
        lines.removeIf(line -> line.startsWith("stamp=") || line.startsWith("stampWindow="));
        Files.write(stateFile, lines);
        assertEquals(Set.of(), BuildState.read(stateFile).orElseThrow().stamps().keySet());

        assertInstanceOf(IncrementalGeneration.UpToDate.class, run(counting));

        assertEquals(Set.of(spec, openApi, output), Set.copyOf(opened));
        assertEquals(1, generated);
        assertEquals(Set.of(spec, openApi, output), BuildState.read(stateFile).orElseThrow().stamps().keySet());
        assertTrue(Files.readString(stateFile).contains("\nformat=2\n"));
    }
}
