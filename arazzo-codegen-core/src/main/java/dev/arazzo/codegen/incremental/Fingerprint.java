package dev.arazzo.codegen.incremental;

import dev.arazzo.codegen.GenerationRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A SHA-256 digest of everything that decides what a generation run writes: the generator's version,
 * the request's configuration and the bytes of every file the run reads.
 *
 * <pre>{@code
 * Fingerprint before = Fingerprint.of(GeneratorVersion.current(), request, previousState.filesRead());
 * boolean upToDate = before.equals(previousState.fingerprint());
 * }</pre>
 *
 * <p>The configuration is normalized first: paths are absolute, maps are sorted, and the request's
 * {@code previousOutputs} (bookkeeping, not configuration) are left out. Equal fingerprints mean the
 * generator would produce the same bytes again.
 *
 * @param value the digest as lower-case hex
 */
public record Fingerprint(String value) {

    private static final HexFormat HEX = HexFormat.of();

    public Fingerprint {
        Objects.requireNonNull(value, "value");
        if (!isSha256Hex(value)) {
            throw new IllegalArgumentException("not a SHA-256 hex digest: '" + value + "'");
        }
    }

    /**
     * Digests the generator version, the normalized configuration of {@code request} and the current
     * bytes of {@code files}, the request's specs and its source-mapping targets.
     *
     * <p>A file that does not exist or cannot be read contributes a marker instead of its bytes, so
     * that its appearance or disappearance changes the fingerprint.
     */
    public static Fingerprint of(String generatorVersion, GenerationRequest request, Collection<Path> files) {
        return of(generatorVersion, request, files, FileDigests.reading(FileDigests.DISK));
    }

    /** As {@link #of(String, GenerationRequest, Collection)}, with the files' digests from {@code digests}. */
    static Fingerprint of(String generatorVersion, GenerationRequest request, Collection<Path> files,
            FileDigests digests) {
        Objects.requireNonNull(generatorVersion, "generatorVersion");
        Objects.requireNonNull(request, "request");
        MessageDigest digest = sha256();
        field(digest, "generator", generatorVersion);
        for (Path spec : request.specs()) {
            field(digest, "spec", normalize(spec).toString());
        }
        field(digest, "outputDirectory", normalize(request.outputDirectory()).toString());
        field(digest, "packageName", request.packageName());
        Map<String, String> packages = new TreeMap<>();
        // loops rather than lambdas here and below: the up-to-date check loads as few classes as it can
        for (Map.Entry<Path, String> entry : request.packageBySpec().entrySet()) {
            packages.put(normalize(entry.getKey()).toString(), entry.getValue());
        }
        for (Map.Entry<String, String> entry : packages.entrySet()) {
            field(digest, "packageFor", entry.getKey());
            field(digest, "package", entry.getValue());
        }
        for (Map.Entry<String, Path> entry : new TreeMap<>(request.sourceMappings()).entrySet()) {
            field(digest, "sourceMapping", entry.getKey());
            field(digest, "localFile", normalize(entry.getValue()).toString());
        }
        field(digest, "warningsAsErrors", Boolean.toString(request.warningsAsErrors()));
        field(digest, "runtime", request.runtime().configName());
        if (!request.idempotencyTokens()) {
            field(digest, "idempotencyTokens", "false"); // only when off: the default keeps earlier fingerprints
        }
        if (request.projectDirectory() != null) {
            field(digest, "projectDirectory", request.projectDirectory().toString());
        }
        for (Path root : request.allowedRoots()) {
            field(digest, "allowedRoot", root.toString());
        }
        for (String suppressed : request.suppressedWarnings()) {
            field(digest, "suppressWarning", suppressed); // none: earlier fingerprints stay
        }

        for (String file : inputs(request, files)) {
            field(digest, "file", file);
            field(digest, "content", digests.digest(Path.of(file)));
        }
        return new Fingerprint(HEX.formatHex(digest.digest()));
    }

    /** The files whose bytes a fingerprint digests, absolute and normalized, in the order it digests them. */
    static TreeSet<String> inputs(GenerationRequest request, Collection<Path> files) {
        TreeSet<String> inputs = new TreeSet<>();
        for (Path file : files) {
            inputs.add(normalize(file).toString());
        }
        for (Path spec : request.specs()) {
            inputs.add(normalize(spec).toString());
        }
        for (Path file : request.sourceMappings().values()) {
            inputs.add(normalize(file).toString());
        }
        return inputs;
    }

    /** Whether {@code value} is 64 hex digits. */
    static boolean isSha256Hex(String value) {
        if (value.length() != 64) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.digit(value.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static Path normalize(Path path) {
        return path.toAbsolutePath().normalize();
    }

    /** Writes a length-prefixed field, so that no two different configurations feed the same bytes. */
    private static void field(MessageDigest digest, String name, String value) {
        for (String part : new String[] {name, value}) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            digest.update((byte) (bytes.length >>> 24));
            digest.update((byte) (bytes.length >>> 16));
            digest.update((byte) (bytes.length >>> 8));
            digest.update((byte) bytes.length);
            digest.update(bytes);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    /** Equal values; written out, so that the up-to-date check spins no {@code ObjectMethods} bootstrap. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Fingerprint fingerprint && value.equals(fingerprint.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
