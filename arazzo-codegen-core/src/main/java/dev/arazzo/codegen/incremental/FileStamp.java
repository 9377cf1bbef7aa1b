package dev.arazzo.codegen.incremental;

import java.util.Objects;

/**
 * What a build remembers of a file it read or wrote, so that the next build can tell it is unchanged
 * without reading it: its size, modification and status-change times, its identity on the file system,
 * and the SHA-256 of the bytes it had.
 *
 * <p>Taken before the file is read, never after: an edit between the two shows as other times at the next
 * build. {@link FileDigests} decides when the stamp alone may be trusted.
 *
 * @param size the size in bytes
 * @param modified the last-modified time, in nanoseconds since the epoch, as precise as the file system keeps it
 * @param changed the status-change time (POSIX {@code ctime}) in nanoseconds since the epoch, or {@code -1}
 *     where the platform does not report one; renaming a file over another, or setting its modified
 *     time back, changes it
 * @param key the file's identity on its file system (device and inode), or {@code -} where the platform has
 *     none; a file replaced by a rename (as editors save) has another
 * @param sha256 the SHA-256 (hex) of the file's bytes when the stamp was taken
 */
public record FileStamp(long size, long modified, long changed, String key, String sha256) {

    public FileStamp {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(sha256, "sha256");
        if (key.isEmpty() || key.indexOf(' ') >= 0 || key.indexOf('\t') >= 0 || key.indexOf('\n') >= 0
                || key.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("not a file key: '" + key + "'");
        }
        if (!Fingerprint.isSha256Hex(sha256)) {
            throw new IllegalArgumentException("not a SHA-256 hex digest: '" + sha256 + "'");
        }
    }

    /** Whether {@code attributes} are those this stamp was taken from (the digest aside). */
    boolean matches(FileDigests.Attributes attributes) {
        return size == attributes.size() && modified == attributes.modified() && changed == attributes.changed()
                && key.equals(attributes.key());
    }
}
