package dev.arazzo.codegen.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arazzo.codegen.ArazzoCodegen;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorVersionTest {

    @TempDir
    Path dir;

    @Test
    void aReleaseIsIdentifiedByItsVersionAlone() throws IOException {
        Path jar = Files.writeString(dir.resolve("core.jar"), "bytes");

        assertEquals("1.2.0", GeneratorVersion.of("1.2.0", jar));
    }

    @Test
    void aRebuiltSnapshotIsANewGenerator() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes/dev/arazzo"));
        Files.writeString(classes.resolve("Emitter.class"), "one");
        String before = GeneratorVersion.of("0.1.0-SNAPSHOT", dir.resolve("classes"));

        Files.writeString(classes.resolve("Emitter.class"), "two");

        assertTrue(before.startsWith("0.1.0-SNAPSHOT+"), before);
        assertNotEquals(before, GeneratorVersion.of("0.1.0-SNAPSHOT", dir.resolve("classes")));
    }

    @Test
    void theCurrentGeneratorStartsWithItsVersion() {
        assertTrue(GeneratorVersion.current().startsWith(ArazzoCodegen.VERSION), GeneratorVersion.current());
    }
}
