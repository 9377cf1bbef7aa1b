package dev.arazzo.codegen.incremental;

import dev.arazzo.codegen.ArazzoCodegen;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Identifies the generator for {@link Fingerprint}s: a new generator must regenerate everything.
 *
 * <p>A release is identified by {@link ArazzoCodegen#VERSION}. A snapshot keeps its version while its
 * code changes, so for a snapshot the bytes of the generator's own jar (or classes folder, in a
 * reactor build or an IDE) are digested too.
 */
public final class GeneratorVersion {

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
            return version + "+" + digest(code);
        } catch (IOException e) {
            // Without a digest a rebuilt snapshot looks unchanged; the version alone is still correct
            // for everything but generator development.
            return version;
        }
    }

    private static Path codeLocation() {
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
        MessageDigest digest = Fingerprint.sha256();
        List<Path> files;
        if (Files.isDirectory(code)) {
            try (Stream<Path> walk = Files.walk(code)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
        } else {
            files = List.of(code);
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
}
