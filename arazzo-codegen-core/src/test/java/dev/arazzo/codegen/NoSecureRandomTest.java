package dev.arazzo.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.NameAllocator;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No class of the generator calls {@code UUID.randomUUID()}, or JavaPoet's {@code NameAllocator.newName(String)},
 * which tags each name with one: the first seeds a {@code SecureRandom} (its security provider's classes and a
 * read of the system's entropy) in every cold generation, for name tags nothing looks up and temporary file names
 * that {@code CREATE_NEW} makes unique anyway. Names go through {@code JavaNames.newName}, temporary files are
 * named by {@code SourceWriter.temporaryTag}. The check reads each class file's constant pool for a method
 * reference to either; the test's own calls show that it can see them.
 */
class NoSecureRandomTest {

    /** Owner, name and descriptor of each method no generator class calls. */
    private static final List<List<String>> FORBIDDEN = List.of(
            List.of("com/palantir/javapoet/NameAllocator", "newName", "(Ljava/lang/String;)Ljava/lang/String;"),
            List.of("java/util/UUID", "randomUUID", "()Ljava/util/UUID;"));

    @Test
    void noGeneratorClassCallsARandomUuid() throws Exception {
        Path classes = Path.of(ArazzoCodegen.class.getProtectionDomain().getCodeSource().getLocation().toURI());

        assertTrue(Files.isRegularFile(classes.resolve("dev/arazzo/codegen/model/ModelBuilder.class")));
        assertEquals(List.of(), calling(classes));
    }

    @Test
    void theCheckSeesAClassThatDoes() throws Exception {
        Path tests = Path.of(NoSecureRandomTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());

        assertEquals("name", new NameAllocator().newName("name"));
        assertEquals(36, Uuid.next().length());
        assertTrue(calling(tests).contains(tests.resolve("dev/arazzo/codegen/NoSecureRandomTest.class")));
        assertTrue(calling(tests).contains(tests.resolve("dev/arazzo/codegen/NoSecureRandomTest$Uuid.class")));
    }

    /** A class whose one call is {@code UUID.randomUUID()}. */
    private static final class Uuid {
        static String next() {
            return java.util.UUID.randomUUID().toString();
        }
    }

    private static List<Path> calling(Path classes) throws IOException {
        List<Path> calling = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".class")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    if (refersTo(new DataInputStream(in))) {
                        calling.add(file);
                    }
                }
            }
        }
        return calling;
    }

    /** Whether the constant pool of the class file {@code in} holds a method reference to a forbidden method. */
    private static boolean refersTo(DataInputStream in) throws IOException {
        in.readInt(); // magic
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] first = new int[count];
        int[] second = new int[count];
        int[] tag = new int[count];
        for (int i = 1; i < count; i++) {
            tag[i] = in.readUnsignedByte();
            switch (tag[i]) {
                case 1 -> utf8[i] = in.readUTF();
                case 7, 8, 16, 19, 20 -> first[i] = in.readUnsignedShort();
                case 15 -> {
                    in.readUnsignedByte();
                    first[i] = in.readUnsignedShort();
                }
                case 3, 4, 9, 10, 11, 12, 17, 18 -> {
                    first[i] = in.readUnsignedShort();
                    second[i] = in.readUnsignedShort();
                }
                case 5, 6 -> {
                    in.readLong();
                    i++;
                }
                default -> throw new IOException("constant pool tag " + tag[i]);
            }
        }
        for (int i = 1; i < count; i++) {
            if (tag[i] == 10) {
                int nameAndType = second[i];
                List<String> method = List.of(utf8[first[first[i]]], utf8[first[nameAndType]],
                        utf8[second[nameAndType]]);
                if (FORBIDDEN.contains(method)) {
                    return true;
                }
            }
        }
        return false;
    }
}
