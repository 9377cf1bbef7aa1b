package dev.arazzo.codegen.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arazzo.codegen.GenerationRequest;
import dev.arazzo.codegen.GenerationResult;
import dev.arazzo.codegen.GenerationResult.GeneratedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator's identity is recorded with its jar's stamp, and a check reuses it, without reading the jar,
 * while that stamp holds and is not racy; any other stamp reads the jar again, and its identity decides.
 */
class GeneratorStampTest {

    private static final FileTime AN_HOUR_AGO = FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS));
    private static final FileTime TWO_HOURS_AGO = FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS));

    @TempDir
    Path dir;

    private Path spec;
    private Path output;
    private Path jar;
    private Path stateFile;
    private int generated;
    /** How often the jar was read for its identity. */
    private int identified;
    /** The identity the jar has now, as its zip directory would give it. */
    private String identity = "0.1.0-SNAPSHOT+aaaaaaaaaaaaaaaa";

    @BeforeEach
    void writeInputs() throws IOException {
        spec = Files.writeString(dir.resolve("pets.arazzo.yaml"), "workflows: [adopt-pet]\n");
        Files.setLastModifiedTime(spec, AN_HOUR_AGO);
        jar = Files.writeString(dir.resolve("arazzo-maven-plugin-0.1.0-SNAPSHOT.jar"),
                "a jar");
        Files.setLastModifiedTime(jar, AN_HOUR_AGO); // installed long before the build
        output = dir.resolve("generated/com/example/AdoptPet.java");
        stateFile = dir.resolve("target/arazzo-state/default.state");
    }

    private GenerationResult generate(GenerationRequest request) {
        generated++;
        try {
            Files.createDirectories(output.getParent());
            Files.writeString(output, "class AdoptPet {}");
            return new GenerationResult(List.of(new GeneratedFile(spec, output, "com.example.AdoptPet", true)),
                    List.of(), List.of(), Set.of(spec));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private IncrementalGeneration.Outcome run() throws IOException {
        GenerationRequest request = GenerationRequest.builder()
                .spec(spec).outputDirectory(dir.resolve("generated")).packageName("com.example").build();
        return new IncrementalGeneration(stateFile, null, this::generate, FileDigests.DISK, jar, () -> {
            identified++;
            return identity;
        }).run(request);
    }

    private GeneratorStamp recorded() throws IOException {
        return BuildState.read(stateFile).orElseThrow().generator();
    }

    @Test
    void aCheckReusesTheRecordedIdentityWithoutReadingTheJar() throws IOException {
        assertInstanceOf(IncrementalGeneration.Generated.class, run());
        assertEquals(1, identified);
        GeneratorStamp stamp = recorded();
        assertEquals(identity, stamp.version());
        assertEquals(jar, stamp.jar());
        assertEquals(Files.size(jar), stamp.size());
        assertEquals(AN_HOUR_AGO.to(java.util.concurrent.TimeUnit.NANOSECONDS), stamp.modified());

        assertInstanceOf(IncrementalGeneration.UpToDate.class, run());
        assertInstanceOf(IncrementalGeneration.UpToDate.class, run());

        assertEquals(1, identified, "the jar's stamp holds: its identity is not read again");
        assertEquals(1, generated);
    }

    @Test
    void aRebuiltJarIsReadAgainAndItsNewIdentityRegenerates() throws IOException {
        assertInstanceOf(IncrementalGeneration.Generated.class, run());
        Files.writeString(jar, "a jar, rebuilt");
        Files.setLastModifiedTime(jar, AN_HOUR_AGO); // even with the old time: another size and status-change time
        identity = "0.1.0-SNAPSHOT+bbbbbbbbbbbbbbbb";

        IncrementalGeneration.Generated again = assertInstanceOf(IncrementalGeneration.Generated.class, run());

        assertEquals("inputs or configuration changed", again.reason());
        assertEquals(2, identified);
        assertEquals(2, generated);
        assertEquals(identity, recorded().version());
    }

    @Test
    void aJarRebuiltToTheSameIdentityIsReadOnceAndItsStampRecorded() throws IOException {
        assertInstanceOf(IncrementalGeneration.Generated.class, run());
        Files.setLastModifiedTime(jar, TWO_HOURS_AGO); // the same classes packed again: another stamp

        assertInstanceOf(IncrementalGeneration.UpToDate.class, run());
        assertEquals(2, identified);
        assertEquals(TWO_HOURS_AGO.to(java.util.concurrent.TimeUnit.NANOSECONDS), recorded().modified());

        assertInstanceOf(IncrementalGeneration.UpToDate.class, run());
        assertEquals(2, identified, "the new stamp was recorded");
        assertEquals(1, generated);
    }

    @Test
    void aRacyJarStampIsNeverTrustedAndNotRecordedAgainByANoOp() throws IOException {
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now())); // installed right before the build
        assertInstanceOf(IncrementalGeneration.Generated.class, run());
        byte[] saved = Files.readAllBytes(stateFile);

        assertInstanceOf(IncrementalGeneration.UpToDate.class, run());
        assertInstanceOf(IncrementalGeneration.UpToDate.class, run());

        assertEquals(3, identified, "a jar written within the granularity of its stamp is read at every check");
        assertEquals(new String(saved), Files.readString(stateFile), "a build that changed nothing writes nothing");
        assertEquals(1, generated);
    }

    @Test
    void aRacyJarRebuiltWithinTheTickOfItsStampIsCaught() throws IOException {
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now()));
        assertInstanceOf(IncrementalGeneration.Generated.class, run());
        identity = "0.1.0-SNAPSHOT+cccccccccccccccc"; // same bytes on disk, but its stamp cannot tell

        assertInstanceOf(IncrementalGeneration.Generated.class, run());

        assertEquals(2, generated);
    }

    @Test
    void aGivenVersionRecordsNoGeneratorStamp() throws IOException {
        GenerationRequest request = GenerationRequest.builder()
                .spec(spec).outputDirectory(dir.resolve("generated")).packageName("com.example").build();
        assertInstanceOf(IncrementalGeneration.Generated.class,
                new IncrementalGeneration(stateFile, "1.0.0", this::generate).run(request));

        assertNull(recorded());
        assertTrue(Files.readString(stateFile).lines().noneMatch(line -> line.startsWith("generator=")));
    }
}
