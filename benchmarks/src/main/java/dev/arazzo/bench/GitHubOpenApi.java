package dev.arazzo.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.zip.GZIPInputStream;

/**
 * GitHub's REST API description, the large case of the benchmarks: {@value #FILE} of the npm package
 * {@code @octokit/openapi} {@value #VERSION} (13 MB, OpenAPI 3.0.3). Either a path the user gives
 * ({@code -Dbench.github.openapi=PATH}, taken as it is) or the pinned tarball, fetched once from the npm
 * registry into the cache directory, checked against the {@code dist.integrity} (SHA-512) the registry's
 * metadata of that version gives, and the file extracted from it.
 */
public record GitHubOpenApi(Path file, String source) {

    static final String VERSION = "23.0.2";
    static final String FILE = "package/generated/api.github.com.json";
    static final String TARBALL = "https://registry.npmjs.org/@octokit/openapi/-/openapi-" + VERSION + ".tgz";
    /** {@code dist.integrity} of https://registry.npmjs.org/@octokit%2fopenapi/23.0.2. */
    static final String INTEGRITY =
            "sha512-pV8M7L9GY23AybNvTmo2nyjmpmnt6+2sRE/tqr0ZLQcPS4lnw7u5eZGNmwRNkBC3D7gZXbFx5AHzLUVRBXGDhg==";

    /**
     * The file: {@code given} if not null or blank, else the tarball's, fetched into {@code cache} if it
     * is not there yet.
     *
     * @param given a path to {@code api.github.com.json}, or null
     * @param cache where the tarball and the extracted file are kept
     * @return the file and a sentence saying where it came from
     * @throws IOException if it cannot be fetched, does not match the pinned integrity, or lacks the file
     */
    public static GitHubOpenApi resolve(String given, Path cache) throws IOException, InterruptedException {
        if (given != null && !given.isBlank() && !given.startsWith("${")) {
            Path file = Path.of(given).toAbsolutePath().normalize();
            if (!Files.isRegularFile(file)) {
                throw new IOException("-Dbench.github.openapi=" + given + " is not a file");
            }
            return new GitHubOpenApi(file, "given with -Dbench.github.openapi: " + file + " (" + Files.size(file)
                    + " bytes, not checked)");
        }
        Files.createDirectories(cache);
        Path tarball = cache.resolve("openapi-" + VERSION + ".tgz");
        Path file = cache.resolve("api.github.com-" + VERSION + ".json");
        String how = "cached in " + tarball;
        if (!Files.exists(tarball) || !integrity(Files.readAllBytes(tarball)).equals(INTEGRITY)) {
            HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(Duration.ofSeconds(30)).build();
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(TARBALL))
                    .timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException("GET " + TARBALL + " answered " + response.statusCode()
                        + "; give the file with -Dbench.github.openapi=PATH");
            }
            String actual = integrity(response.body());
            if (!actual.equals(INTEGRITY)) {
                throw new IOException(TARBALL + " has integrity " + actual + ", not the pinned " + INTEGRITY);
            }
            Path partial = cache.resolve(tarball.getFileName() + ".part");
            Files.write(partial, response.body());
            Files.move(partial, tarball, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(file);
            how = "fetched from " + TARBALL;
        }
        if (!Files.exists(file)) {
            extract(tarball, FILE, file);
        }
        return new GitHubOpenApi(file, "npm @octokit/openapi " + VERSION + " " + FILE + ", " + how
                + ", integrity " + INTEGRITY.substring(0, 19) + "... verified (" + Files.size(file) + " bytes)");
    }

    /** The npm / Subresource Integrity form of the SHA-512 of {@code bytes}. */
    static String integrity(byte[] bytes) {
        try {
            return "sha512-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies entry {@code name} of the gzipped tar {@code tarball} to {@code target}. */
    static void extract(Path tarball, String name, Path target) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(tarball), 1 << 16)) {
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512) {
                String entry = text(header, 0, 100);
                if (entry.isEmpty()) {
                    break;
                }
                String prefix = text(header, 345, 155);
                if (!prefix.isEmpty()) {
                    entry = prefix + "/" + entry;
                }
                long size = Long.parseLong(text(header, 124, 12).trim(), 8);
                long padded = (size + 511) / 512 * 512;
                if (entry.equals(name)) {
                    ByteArrayOutputStream content = new ByteArrayOutputStream((int) size);
                    content.write(in.readNBytes((int) size));
                    Path partial = target.resolveSibling(target.getFileName() + ".part");
                    Files.write(partial, content.toByteArray());
                    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
                    return;
                }
                in.skipNBytes(padded);
            }
        }
        throw new IOException(tarball + " has no " + name);
    }

    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }
}
