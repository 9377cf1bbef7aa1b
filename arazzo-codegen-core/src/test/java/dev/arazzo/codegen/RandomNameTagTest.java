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
 * No class of the generator calls JavaPoet's {@code NameAllocator.newName(String)}: that form tags each name with
 * a {@code UUID.randomUUID()}, and the first one seeds a {@code SecureRandom} (its security provider's classes and
 * a read of the system's entropy) in every cold generation, for tags nothing looks up. Names go through
 * {@code JavaNames.newName}. The check reads each class file's constant pool for a method reference to that form;
 * the test's own call shows that it can see one.
 */
class RandomNameTagTest {

    private static final String OWNER = "com/palantir/javapoet/NameAllocator";
    private static final String DESCRIPTOR = "(Ljava/lang/String;)Ljava/lang/String;";

    @Test
    void noGeneratorClassCallsTheRandomlyTaggedNewName() throws Exception {
        Path classes = Path.of(ArazzoCodegen.class.getProtectionDomain().getCodeSource().getLocation().toURI());

        assertTrue(Files.isRegularFile(classes.resolve("dev/arazzo/codegen/model/ModelBuilder.class")));
        assertEquals(List.of(), calling(classes));
    }

    @Test
    void theCheckSeesAClassThatDoes() throws Exception {
        Path tests = Path.of(RandomNameTagTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());

        assertEquals("name", new NameAllocator().newName("name"));
        assertTrue(calling(tests).contains(tests.resolve("dev/arazzo/codegen/RandomNameTagTest.class")));
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

    /** Whether the constant pool of the class file {@code in} holds a method reference to the one-argument form. */
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
            if (tag[i] == 10 && OWNER.equals(utf8[first[first[i]]])) {
                int nameAndType = second[i];
                if ("newName".equals(utf8[first[nameAndType]]) && DESCRIPTOR.equals(utf8[second[nameAndType]])) {
                    return true;
                }
            }
        }
        return false;
    }
}
