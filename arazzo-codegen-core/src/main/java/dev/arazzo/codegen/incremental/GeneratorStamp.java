package dev.arazzo.codegen.incremental;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The generator's identity as a state records it, with the stamp of the jar it was taken from, so that the
 * next check reuses the identity, and does not read the jar's zip directory again, while the stamp holds.
 *
 * <p>The same rule as a {@link FileStamp} of an input: the jar's size, modified and status-change times and
 * file key must all be those recorded, and the stamp must not be racy: the jar's modified time must be
 * clearly older (by the file system's granularity, see {@link FileDigests}) than the moment the stamp was
 * taken, which is the state file's modified time less {@code window}. A jar rebuilt within the tick of its
 * stamp could otherwise keep its stamp and pass for the generator that was identified.
 *
 * @param version the identity {@link GeneratorVersion} gave, e.g. {@code 0.1.0-SNAPSHOT+3fa2...}
 * @param jar the generator's jar, absolute and normalized
 * @param size the jar's size in bytes when the stamp was taken
 * @param modified its last-modified time, nanoseconds since the epoch
 * @param changed its status-change time, nanoseconds since the epoch, or {@code -1} where the platform has none
 * @param key its file key (device and inode), or {@code -}
 * @param window nanoseconds from taking the stamp (before the jar was read) to writing the state
 */
public record GeneratorStamp(String version, Path jar, long size, long modified, long changed, String key,
        long window) {

    public GeneratorStamp {
        Objects.requireNonNull(jar, "jar");
        jar = jar.toAbsolutePath().normalize();
        if (!isToken(version) || !isToken(key) || window < 0) {
            throw new IllegalArgumentException("not a generator stamp: '" + version + "' '" + key + "' " + window);
        }
    }

    /** Whether {@code attributes} are those this stamp was taken from. */
    boolean matches(FileDigests.Attributes attributes) {
        return size == attributes.size() && modified == attributes.modified() && changed == attributes.changed()
                && key.equals(attributes.key());
    }

    private static boolean isToken(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
