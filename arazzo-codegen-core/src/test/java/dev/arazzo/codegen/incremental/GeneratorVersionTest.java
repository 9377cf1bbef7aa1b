package dev.arazzo.codegen.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arazzo.codegen.ArazzoCodegen;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
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

    /** Writes a jar of {@code entries} (name to bytes), each entry stamped with {@code time}. */
    private Path jar(String name, Map<String, byte[]> entries, long time, int level) throws IOException {
        Path jar = dir.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            out.setLevel(level);
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                ZipEntry zipEntry = new ZipEntry(entry.getKey());
                zipEntry.setTime(time);
                out.putNextEntry(zipEntry);
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return jar;
    }

    private static Map<String, byte[]> classes(String emitter) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n".getBytes(StandardCharsets.UTF_8));
        entries.put("dev/arazzo/Emitter.class", emitter.getBytes(StandardCharsets.UTF_8));
        entries.put("dev/arazzo/Loader.class", "loader bytes".getBytes(StandardCharsets.UTF_8));
        return entries;
    }

    @Test
    void aJarRebuiltWithOneChangedClassIsANewGenerator() throws IOException {
        String before = GeneratorVersion.of("0.1.0-SNAPSHOT", jar("one.jar", classes("emit v1"), 1_000_000L, 9));

        String after = GeneratorVersion.of("0.1.0-SNAPSHOT", jar("two.jar", classes("emit v2"), 1_000_000L, 9));

        assertTrue(before.startsWith("0.1.0-SNAPSHOT+"), before);
        assertNotEquals(before, after);
    }

    @Test
    void anIdenticalRebuildAtAnotherTimeKeepsTheIdentity() throws IOException {
        // entry times, compression level and entry order are packing, not code: they do not count
        Map<String, byte[]> reordered = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(classes("emit v1").keySet());
        Collections.reverse(names);
        names.forEach(name -> reordered.put(name, classes("emit v1").get(name)));

        String first = GeneratorVersion.of("0.1.0-SNAPSHOT", jar("one.jar", classes("emit v1"), 1_000_000L, 9));
        String later = GeneratorVersion.of("0.1.0-SNAPSHOT", jar("two.jar", reordered, 1_700_000_000_000L, 1));

        assertEquals(first, later);
    }

    @Test
    void anAddedOrRenamedEntryIsANewGenerator() throws IOException {
        Map<String, byte[]> added = classes("emit v1");
        added.put("META-INF/services/dev.arazzo.Plugin", "x".getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> renamed = classes("emit v1");
        renamed.put("dev/arazzo/Reader.class", renamed.remove("dev/arazzo/Loader.class"));

        String base = GeneratorVersion.of("0.1.0-SNAPSHOT", jar("base.jar", classes("emit v1"), 0, 9));

        assertNotEquals(base, GeneratorVersion.of("0.1.0-SNAPSHOT", jar("added.jar", added, 0, 9)));
        assertNotEquals(base, GeneratorVersion.of("0.1.0-SNAPSHOT", jar("renamed.jar", renamed, 0, 9)));
    }

    @Test
    void aJarOf14000EntriesIsIdentifiedFromItsCentralDirectoryAlone() throws IOException {
        Path jar = dir.resolve("shaded.jar");
        List<String> names = new ArrayList<>();
        byte[] bytes = new byte[256];
        try (ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(jar)))) {
            for (int i = 0; i < 14_000; i++) {
                String name = "shaded/p" + (i % 50) + "/Class" + i + ".class";
                names.add(name);
                Arrays.fill(bytes, (byte) i);
                CRC32 crc = new CRC32();
                crc.update(bytes);
                ZipEntry entry = new ZipEntry(name);
                entry.setMethod(ZipEntry.STORED); // 3.5 MB of entry data, written fast
                entry.setSize(bytes.length);
                entry.setCrc(crc.getValue());
                entry.setTime(1_600_000_000_000L); // a DOS time: no extra field
                out.putNextEntry(entry);
                out.write(bytes);
                out.closeEntry();
            }
        }
        long length = Files.size(jar);
        CountingChannel channel = new CountingChannel(FileChannel.open(jar, StandardOpenOption.READ));

        String digest;
        try (channel) {
            digest = GeneratorVersion.jarDigest(channel);
        }

        long directory = names.stream().mapToLong(name -> 46 + name.length()).sum();
        assertTrue(length > 14_000 * 256, "jar of " + length + " bytes");
        // the end record, then the central directory: not one byte of entry data
        assertEquals(22 + directory, channel.read, channel.read + " bytes read of " + length);
        assertEquals(GeneratorVersion.zipFileDigest(jar), digest);
    }

    @Test
    void aJarBehindAPrefixAndWithACommentIsReadToo() throws IOException {
        Path plain = jar("plain.jar", classes("emit v1"), 0, 9);
        byte[] bytes = Files.readAllBytes(plain);
        Path commented = dir.resolve("commented.jar");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(commented))) {
            out.setComment("built by a test");
            for (Map.Entry<String, byte[]> entry : classes("emit v1").entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        Path script = dir.resolve("script.jar");
        Files.write(script, ("#!/bin/sh\nexec java -jar \"$0\"\n").getBytes(StandardCharsets.UTF_8));
        Files.write(script, bytes, StandardOpenOption.APPEND);

        String identity = GeneratorVersion.of("0.1.0-SNAPSHOT", plain);

        assertEquals(identity, GeneratorVersion.of("0.1.0-SNAPSHOT", commented));
        assertEquals(identity, GeneratorVersion.of("0.1.0-SNAPSHOT", script));
    }

    @Test
    void aFileThatIsNoJarLeavesTheVersionAlone() throws IOException {
        Path jar = Files.writeString(dir.resolve("broken.jar"), "not a zip at all");

        assertEquals("0.1.0-SNAPSHOT", GeneratorVersion.of("0.1.0-SNAPSHOT", jar));
    }

    /** Counts the bytes read through it. */
    private static final class CountingChannel implements SeekableByteChannel {
        private final SeekableByteChannel channel;
        long read;

        CountingChannel(SeekableByteChannel channel) {
            this.channel = channel;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            int n = channel.read(dst);
            read += Math.max(0, n);
            return n;
        }

        @Override
        public int write(ByteBuffer src) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long position() throws IOException {
            return channel.position();
        }

        @Override
        public SeekableByteChannel position(long newPosition) throws IOException {
            channel.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return channel.size();
        }

        @Override
        public SeekableByteChannel truncate(long size) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isOpen() {
            return channel.isOpen();
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    @Test
    void theCurrentGeneratorStartsWithItsVersion() {
        assertTrue(GeneratorVersion.current().startsWith(ArazzoCodegen.VERSION), GeneratorVersion.current());
    }
}
