package dev.arazzo.codegen.incremental;

import dev.arazzo.codegen.ArazzoCodegen;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Identifies the generator for {@link Fingerprint}s: a new generator must regenerate everything.
 *
 * <p>A release is identified by {@link ArazzoCodegen#VERSION}. A snapshot keeps its version while its
 * code changes, so for a snapshot its code is identified too:
 *
 * <ul>
 *   <li><b>A jar</b> (the plugin's, shaded or not) by its zip central directory alone, read from the end
 *       of the file: for every entry its name, compression method, uncompressed size and CRC-32, sorted by
 *       name. No entry's data is read, so a 22 MB jar of 14,000 entries costs one read of its directory
 *       (about 1 MB) rather than 22 MB of SHA-256. A rebuilt class has other bytes, hence another CRC-32
 *       (or size): a different identity. A CRC-32 is not a cryptographic digest, but nobody attacks a build
 *       with a colliding class; an accidental collision of a changed entry that also keeps its size is one
 *       in 2<sup>32</sup>. Entry times, the compressed size, the order of the entries, extra fields and
 *       comments do <em>not</em> count: an identical rebuild (same classes, packed at another time, maybe
 *       by another archiver) keeps its identity, so that rebuilding the generator without changing it does
 *       not regenerate every project.
 *   <li><b>A classes folder</b> (a reactor build, an IDE) by the names and bytes of its files. Sizes and
 *       modification times would not be as safe here: there is no earlier state to hold them against,
 *       so a class recompiled to the same size within the file system's time granularity (up to 2 s), or
 *       copied with its times kept, would go unnoticed. Generator development is the only place this runs,
 *       and a classes folder is small.
 * </ul>
 */
public final class GeneratorVersion {

    private static final int END_SIGNATURE = 0x06054b50;
    private static final int ENTRY_SIGNATURE = 0x02014b50;
    private static final int END_SIZE = 22;
    private static final int ENTRY_SIZE = 46;

    private GeneratorVersion() {
    }

    /** The identity of the generator on the class path, e.g. {@code 1.2.0} or {@code 0.1.0-SNAPSHOT+3fa2...}. */
    public static String current() {
        return of(ArazzoCodegen.VERSION, codeLocation());
    }

    /** {@code version}, plus for a snapshot a digest of {@code code} (a jar or a classes folder) when known. */
    static String of(String version, Path code) {
        if (!version.endsWith("-SNAPSHOT") || code == null) {
            return version;
        }
        try {
            return version.concat("+").concat(digest(code)); // no invokedynamic bootstrap on the no-op path
        } catch (IOException e) {
            // Without a digest a rebuilt snapshot looks unchanged; the version alone is still correct
            // for everything but generator development.
            return version;
        }
    }

    /** Where the generator's classes are: its jar or classes folder, or {@code null} when unknown. */
    static Path codeLocation() {
        CodeSource source = ArazzoCodegen.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String digest(Path code) throws IOException {
        if (Files.isDirectory(code)) {
            return folderDigest(code);
        }
        try (SeekableByteChannel channel = FileChannel.open(code, StandardOpenOption.READ)) {
            return jarDigest(channel);
        } catch (ZipException e) {
            // Zip64, a split archive or some other layout this reader leaves to the JDK: its entries
            // come from the same central directory, just through more machinery.
            return zipFileDigest(code);
        }
    }

    private static String folderDigest(Path code) throws IOException {
        MessageDigest digest = Fingerprint.sha256();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(code)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        byte[] buffer = new byte[8192];
        for (Path file : files) {
            digest.update(code.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
            try (InputStream in = Files.newInputStream(file)) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    digest.update(buffer, 0, n);
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 8);
    }

    /** The jar's identity from its central directory, read through {@code jar}; entry data is never read. */
    static String jarDigest(SeekableByteChannel jar) throws IOException {
        long length = jar.size();
        if (length < END_SIZE) {
            throw new ZipException("not a plain zip archive");
        }
        // The end record closes the file, unless an archive comment follows it: then search back for it.
        long tailStart = length - END_SIZE;
        ByteBuffer tail = readFully(jar, tailStart, END_SIZE);
        int end = 0;
        if (tail.getInt(0) != END_SIGNATURE || tail.getShort(20) != 0) {
            int tailLength = (int) Math.min(length, END_SIZE + 0xFFFF);
            tailStart = length - tailLength;
            tail = readFully(jar, tailStart, tailLength);
            end = -1;
            for (int at = tailLength - END_SIZE; at >= 0 && end < 0; at--) {
                if (tail.getInt(at) == END_SIGNATURE
                        && at + END_SIZE + Short.toUnsignedInt(tail.getShort(at + 20)) == tailLength) {
                    end = at;
                }
            }
            if (end < 0) {
                throw new ZipException("not a plain zip archive");
            }
        }
        int count = Short.toUnsignedInt(tail.getShort(end + 10));
        long directorySize = Integer.toUnsignedLong(tail.getInt(end + 12));
        long directoryStart = tailStart + end - directorySize; // also right behind a prefixed launcher script
        if (count == 0xFFFF || directorySize >= Integer.MAX_VALUE || directoryStart < 0
                || Short.toUnsignedInt(tail.getShort(end + 4)) != 0) {
            throw new ZipException("a Zip64 or split archive");
        }
        ByteBuffer directory = readFully(jar, directoryStart, (int) directorySize);
        // each entry as one ISO-8859-1 string (a char per byte), sorted without a comparator class
        List<String> entries = new ArrayList<>(count);
        int at = 0;
        for (int i = 0; i < count; i++) {
            if (at + ENTRY_SIZE > directory.limit() || directory.getInt(at) != ENTRY_SIGNATURE) {
                throw new ZipException("not a plain zip archive");
            }
            int nameLength = Short.toUnsignedInt(directory.getShort(at + 28));
            int next = at + ENTRY_SIZE + nameLength + Short.toUnsignedInt(directory.getShort(at + 30))
                    + Short.toUnsignedInt(directory.getShort(at + 32));
            if (next > directory.limit()) {
                throw new ZipException("not a plain zip archive");
            }
            // name, then method (2 bytes at 10), CRC-32 (4 at 16), uncompressed size (4 at 24)
            byte[] entry = new byte[nameLength + 11];
            directory.get(at + ENTRY_SIZE, entry, 0, nameLength);
            entry[nameLength] = 0; // no name holds a NUL: the name ends here
            directory.get(at + 10, entry, nameLength + 1, 2);
            directory.get(at + 16, entry, nameLength + 3, 4);
            directory.get(at + 24, entry, nameLength + 7, 4);
            entries.add(new String(entry, StandardCharsets.ISO_8859_1));
            at = next;
        }
        return entriesDigest(entries);
    }

    /** The same identity as {@link #jarDigest}, through {@link ZipFile}'s view of the central directory. */
    static String zipFileDigest(Path jar) throws IOException {
        List<String> entries = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements(); ) {
                ZipEntry entry = all.nextElement();
                byte[] name = entry.getName().getBytes(StandardCharsets.UTF_8);
                ByteBuffer bytes = ByteBuffer.allocate(name.length + 11).order(ByteOrder.LITTLE_ENDIAN);
                bytes.put(name).put((byte) 0).putShort((short) entry.getMethod()).putInt((int) entry.getCrc())
                        .putInt((int) entry.getSize());
                entries.add(new String(bytes.array(), StandardCharsets.ISO_8859_1));
            }
        }
        return entriesDigest(entries);
    }

    private static String entriesDigest(List<String> entries) {
        Collections.sort(entries);
        MessageDigest digest = Fingerprint.sha256();
        for (String entry : entries) {
            digest.update(entry.getBytes(StandardCharsets.ISO_8859_1));
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 8);
    }

    private static ByteBuffer readFully(SeekableByteChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        channel.position(position);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new ZipException("not a plain zip archive");
            }
        }
        return buffer.flip();
    }
}
