package dev.arazzo.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The generator's classes are compiled with {@code -XDstringConcat=inline} (the module's pom says why): no class
 * names {@code StringConcatFactory}, so a cold generation links no concatenation site of ours. The tests' own
 * classes keep javac's default, which shows that the check can see such a reference.
 */
class StringConcatenationTest {

    private static final byte[] FACTORY = "java/lang/invoke/StringConcatFactory".getBytes(StandardCharsets.US_ASCII);

    @Test
    void noGeneratorClassLinksStringConcatFactory() throws Exception {
        Path classes = Path.of(ArazzoCodegen.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Path> linking = linking(classes);

        assertTrue(Files.isDirectory(classes.resolve("dev/arazzo/codegen/emit")), classes.toString());
        assertEquals(List.of(), linking);
    }

    @Test
    void theCheckSeesAClassThatDoes() throws Exception {
        Path tests = Path.of(StringConcatenationTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String concatenated = "seen " + tests.getFileName();

        assertTrue(concatenated.startsWith("seen "));
        assertTrue(linking(tests).contains(tests.resolve("dev/arazzo/codegen/StringConcatenationTest.class")));
    }

    private static List<Path> linking(Path classes) throws IOException {
        List<Path> linking = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".class")).toList()) {
                if (contains(Files.readAllBytes(file), FACTORY)) {
                    linking.add(file);
                }
            }
        }
        return linking;
    }

    private static boolean contains(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= bytes.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
