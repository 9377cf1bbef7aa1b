package dev.arazzo.codegen.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.arazzo.codegen.GenerationRequest;
import dev.arazzo.codegen.RuntimeMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FingerprintTest {

    @TempDir
    Path dir;

    private Path spec;
    private Path openApi;
    private Path refTarget;
    private Path mirror;

    @BeforeEach
    void writeInputs() throws IOException {
        spec = Files.writeString(dir.resolve("pets.arazzo.yaml"), "arazzo: 1.0.1\n");
        openApi = Files.writeString(dir.resolve("pets.openapi.yaml"), "openapi: 3.0.3\n");
        refTarget = Files.writeString(dir.resolve("schemas.yaml"), "Pet: {type: object}\n");
        mirror = Files.writeString(dir.resolve("mirror.yaml"), "openapi: 3.1.0\n");
    }

    private GenerationRequest.Builder request() {
        return GenerationRequest.builder()
                .spec(spec)
                .outputDirectory(dir.resolve("out"))
                .packageName("com.example.pets");
    }

    private Fingerprint fingerprint(GenerationRequest request) {
        return Fingerprint.of("1.0.0", request, List.of(openApi, refTarget));
    }

    @Test
    void sameInputsGiveTheSameFingerprint() {
        assertEquals(fingerprint(request().build()), fingerprint(request().build()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pets.arazzo.yaml", "pets.openapi.yaml", "schemas.yaml", "mirror.yaml"})
    void changingTheBytesOfAnyInputFileChangesTheFingerprint(String name) throws IOException {
        GenerationRequest request = request().sourceMapping("https://example.com/pets.yaml", mirror).build();
        Fingerprint before = fingerprint(request);

        Files.writeString(dir.resolve(name), "# edited\n", java.nio.file.StandardOpenOption.APPEND);

        assertNotEquals(before, fingerprint(request));
    }

    @Test
    void aFileThatDisappearsOrAppearsChangesTheFingerprint() throws IOException {
        Fingerprint present = fingerprint(request().build());
        Files.delete(refTarget);
        Fingerprint absent = fingerprint(request().build());
        Files.writeString(refTarget, "Pet: {type: object}\n");

        assertNotEquals(present, absent);
        assertEquals(present, fingerprint(request().build()));
    }

    static Stream<Arguments> configurationChanges() {
        return Stream.of(
                Arguments.of("packageName", (UnaryOperator<GenerationRequest.Builder>) b -> b.packageName("com.example.other")),
                Arguments.of("outputDirectory", (UnaryOperator<GenerationRequest.Builder>) b -> b.outputDirectory(Path.of("elsewhere"))),
                Arguments.of("warningsAsErrors", (UnaryOperator<GenerationRequest.Builder>) b -> b.warningsAsErrors(true)),
                Arguments.of("runtime", (UnaryOperator<GenerationRequest.Builder>) b -> b.runtime(RuntimeMode.INLINE)),
                Arguments.of("idempotencyTokens", (UnaryOperator<GenerationRequest.Builder>) b -> b.idempotencyTokens(false)),
                Arguments.of("projectDirectory", (UnaryOperator<GenerationRequest.Builder>) b -> b.projectDirectory(Path.of("project"))),
                Arguments.of("allowedRoot", (UnaryOperator<GenerationRequest.Builder>) b -> b.allowedRoot(Path.of("shared"))),
                Arguments.of("packageFor", (UnaryOperator<GenerationRequest.Builder>) b -> b.packageFor(Path.of("pets.arazzo.yaml"), "com.example.a")),
                Arguments.of("sourceMapping", (UnaryOperator<GenerationRequest.Builder>) b -> b.sourceMapping("https://example.com/x.yaml", Path.of("x.yaml"))),
                Arguments.of("another spec", (UnaryOperator<GenerationRequest.Builder>) b -> b.spec(Path.of("more.arazzo.yaml"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurationChanges")
    void changingTheConfigurationChangesTheFingerprint(String what, UnaryOperator<GenerationRequest.Builder> change) {
        assertNotEquals(fingerprint(request().build()), fingerprint(change.apply(request()).build()));
    }

    @Test
    void mappingTheSameUrlToAnotherFileChangesTheFingerprint() {
        GenerationRequest one = request().sourceMapping("https://example.com/pets.yaml", mirror).build();
        GenerationRequest other = request().sourceMapping("https://example.com/pets.yaml", openApi).build();

        assertNotEquals(fingerprint(one), fingerprint(other));
    }

    @Test
    void aNewGeneratorVersionChangesTheFingerprint() {
        GenerationRequest request = request().build();

        assertNotEquals(
                Fingerprint.of("1.0.0", request, List.of(openApi)), Fingerprint.of("1.0.1", request, List.of(openApi)));
    }

    @Test
    void previousOutputsAreBookkeepingNotConfiguration() {
        GenerationRequest withOutputs = request().previousOutputs(Set.of(dir.resolve("out/A.java"))).build();

        assertEquals(fingerprint(request().build()), fingerprint(withOutputs));
    }

    @Test
    void relativeAndAbsoluteSpellingsOfAPathAreTheSameConfiguration() {
        GenerationRequest relative = GenerationRequest.builder()
                .spec(spec).outputDirectory(Path.of("target/x/../out")).packageName("p").build();
        GenerationRequest absolute = GenerationRequest.builder()
                .spec(spec).outputDirectory(Path.of("target/out").toAbsolutePath()).packageName("p").build();

        assertEquals(fingerprint(relative), fingerprint(absolute));
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        GenerationRequest a = request().packageName("ab").packageFor(spec, "c").build();
        GenerationRequest b = request().packageName("a").packageFor(spec, "bc").build();

        assertNotEquals(fingerprint(a), fingerprint(b));
    }

    @Test
    void onlyASha256HexDigestIsAFingerprint() {
        assertThrows(IllegalArgumentException.class, () -> new Fingerprint("abc"));
        assertThrows(IllegalArgumentException.class, () -> new Fingerprint("z".repeat(64)));
    }
}
