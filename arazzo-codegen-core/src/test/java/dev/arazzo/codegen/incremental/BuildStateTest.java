package dev.arazzo.codegen.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class BuildStateTest {

    private static final Fingerprint FINGERPRINT = new Fingerprint("ab".repeat(32));

    @TempDir
    Path dir;

    private BuildState state() {
        Path out = dir.resolve("generated");
        return new BuildState(FINGERPRINT, out,
                Set.of(dir.resolve("pets.arazzo.yaml"), dir.resolve("pets.openapi.yaml")),
                Set.of(out.resolve("com/example/AdoptPetWorkflow.java"), out.resolve("com/example/ReturnPetWorkflow.java")));
    }

    @Test
    void whatIsWrittenIsReadBack() throws IOException {
        Path file = dir.resolve("state/default.state");

        state().write(file);

        assertEquals(Optional.of(state()), BuildState.read(file));
    }

    @Test
    void theGeneratorStampIsWrittenAndReadBack() throws IOException {
        Path file = dir.resolve("state/default.state");
        GeneratorStamp generator = new GeneratorStamp("0.1.0-SNAPSHOT+0123456789abcdef",
                dir.resolve("a repository/arazzo-maven-plugin-0.1.0-SNAPSHOT.jar"), 22_000_000, 1_700_000_000_123_456_789L,
                1_700_000_000_223_456_789L, "2049:1234", 650_000_000);
        BuildState state = state().withGenerator(generator);

        state.write(file);

        assertEquals(generator, BuildState.read(file).orElseThrow().generator());
        assertEquals(Optional.of(state), BuildState.read(file));
        assertTrue(Files.readString(file).contains("\ngenerator=650000000 22000000 1700000000123456789 "
                + "1700000000223456789 2049:1234 0.1.0-SNAPSHOT+0123456789abcdef " + generator.jar() + "\n"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"generator=1 2 3 4 5:6 0.1.0-SNAPSHOT relative.jar", "generator=1 2 3 4 5:6 /a.jar",
        "generator=x 2 3 4 5:6 0.1.0-SNAPSHOT /a.jar", "generator=-1 2 3 4 5:6 0.1.0-SNAPSHOT /a.jar"})
    void aBrokenGeneratorStampMakesTheStateUnreadable(String line) throws IOException {
        Path file = dir.resolve("default.state");
        state().write(file);
        Files.writeString(file, Files.readString(file).replace("\nend\n", "\n" + line + "\nend\n"));

        assertEquals(Optional.empty(), BuildState.read(file));
    }

    @Test
    void outputsAreStoredRelativeToTheOutputDirectory() throws IOException {
        Path file = dir.resolve("default.state");

        state().write(file);

        String text = Files.readString(file);
        assertTrue(text.contains("output=com/example/AdoptPetWorkflow.java\n"), text);
    }

    @Test
    void writingReplacesTheEarlierStateAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("default.state");
        state().write(file);
        BuildState next = new BuildState(new Fingerprint("cd".repeat(32)), dir.resolve("generated"), Set.of(), Set.of());

        next.write(file);

        assertEquals(Optional.of(next), BuildState.read(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.filter(Files::isRegularFile).toList());
        }
    }

    @Test
    void warningsAreKeptSoThatAnUpToDateBuildCanShowThemAgain() throws IOException {
        Path file = dir.resolve("default.state");
        BuildState state = new BuildState(FINGERPRINT, dir.resolve("generated"), Set.of(), Set.of(),
                List.of("a.yaml:3:5: warning: [unknown-output] x=y\nsecond line"));

        state.write(file);

        assertEquals(List.of("a.yaml:3:5: warning: [unknown-output] x=y second line"),
                BuildState.read(file).orElseThrow().warnings());
    }

    @Test
    void noStateFileMeansNoState() throws IOException {
        assertEquals(Optional.empty(), BuildState.read(dir.resolve("absent.state")));
    }

    static Stream<Arguments> corruptions() {
        return Stream.of(
                Arguments.of("empty", (UnaryOperator<String>) text -> ""),
                Arguments.of("truncated", (UnaryOperator<String>) text -> text.substring(0, text.length() / 2)),
                Arguments.of("no end marker", (UnaryOperator<String>) text -> text.replace("\nend\n", "\n")),
                Arguments.of("other format", (UnaryOperator<String>) text -> text.replaceAll("format=[0-9]+", "format=9")),
                Arguments.of("bad fingerprint", (UnaryOperator<String>) text -> text.replace("ab".repeat(32), "xyz")),
                Arguments.of("no fingerprint", (UnaryOperator<String>) text -> text.replaceAll("fingerprint=.*\n", "")),
                Arguments.of("unknown key", (UnaryOperator<String>) text -> text.replace("read=", "wrote=")),
                Arguments.of("line without key", (UnaryOperator<String>) text -> text.replace("read=", "read ")),
                Arguments.of("output escaping the folder", (UnaryOperator<String>) text ->
                        text.replace("output=com/example/AdoptPetWorkflow.java", "output=../../etc/passwd")),
                Arguments.of("absolute output", (UnaryOperator<String>) text ->
                        text.replace("output=com/example/AdoptPetWorkflow.java", "output=/etc/passwd")),
                Arguments.of("relative output directory", (UnaryOperator<String>) text ->
                        text.replaceAll("outputDirectory=.*\n", "outputDirectory=generated\n")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corruptions")
    void aCorruptStateFileIsTreatedAsNoState(String what, UnaryOperator<String> corrupt) throws IOException {
        Path file = dir.resolve("default.state");
        state().write(file);
        Files.writeString(file, corrupt.apply(Files.readString(file)));

        assertEquals(Optional.empty(), BuildState.read(file));
    }

    private BuildState stamped() {
        return state().withStamps(Map.of(
                dir.resolve("pets.openapi.yaml"), new FileStamp(15, 1_700_000_000_123_456_789L, 1_700_000_000_123_456_789L,
                        "64768:1234", "cd".repeat(32)),
                dir.resolve("with space/pets.arazzo.yaml"), new FileStamp(0, -5, -1, "-", "ef".repeat(32))),
                2_500_000_000L);
    }

    @Test
    void stampsAreWrittenAndReadBack() throws IOException {
        Path file = dir.resolve("default.state");

        stamped().write(file);

        assertEquals(Optional.of(stamped()), BuildState.read(file));
        assertTrue(Files.readString(file).contains("\nstampWindow=2500000000\n"), Files.readString(file));
    }

    static Stream<Arguments> stampCorruptions() {
        return Stream.of(
                Arguments.of("too few fields", (UnaryOperator<String>) text -> text.replace(" 64768:1234 ", " ")),
                Arguments.of("not a number", (UnaryOperator<String>) text -> text.replace(" 15 ", " fifteen ")),
                Arguments.of("bad digest", (UnaryOperator<String>) text -> text.replace("cd".repeat(32), "cd")),
                Arguments.of("relative path", (UnaryOperator<String>) text ->
                        text.replaceAll("(?m)^(stamp=.*?) /", "$1 ")),
                Arguments.of("negative window", (UnaryOperator<String>) text ->
                        text.replace("stampWindow=2500000000", "stampWindow=-1")),
                Arguments.of("no window", (UnaryOperator<String>) text ->
                        text.replace("stampWindow=2500000000\n", "")),
                Arguments.of("stamps in the first format", (UnaryOperator<String>) text ->
                        text.replace("format=2", "format=1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stampCorruptions")
    void aCorruptStampMeansNoState(String what, UnaryOperator<String> corrupt) throws IOException {
        Path file = dir.resolve("default.state");
        stamped().write(file);
        Files.writeString(file, corrupt.apply(Files.readString(file)));

        assertEquals(Optional.empty(), BuildState.read(file));
    }

    @Test
    void bytesThatAreNotUtf8AreTreatedAsNoState() throws IOException {
        Path file = dir.resolve("default.state");
        Files.write(file, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});

        assertEquals(Optional.empty(), BuildState.read(file));
    }

    @Test
    void anOutputOutsideTheOutputDirectoryIsRejected() {
        assertThrows(IllegalArgumentException.class, () ->
                new BuildState(FINGERPRINT, dir.resolve("generated"), Set.of(), Set.of(dir.resolve("Elsewhere.java"))));
    }

    @Test
    void missingOutputsAreThoseNoLongerOnDisk() throws IOException {
        BuildState state = state();
        Path adopt = dir.resolve("generated/com/example/AdoptPetWorkflow.java");
        Files.createDirectories(adopt.getParent());
        Files.writeString(adopt, "class AdoptPetWorkflow {}", StandardCharsets.UTF_8);

        assertEquals(List.of(dir.resolve("generated/com/example/ReturnPetWorkflow.java")), state.missingOutputs());
    }
}
