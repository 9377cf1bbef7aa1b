package dev.arazzo.codegen.incremental;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The SHA-256 of files, taken from the {@link FileStamp}s of the last build where they still hold and
 * from the files' bytes otherwise: the up-to-date check of a build that changed nothing reads no file.
 *
 * <p>A recorded stamp is trusted, and the file not read, when the file's size, modified time, status-change
 * time and file key are all those recorded, and the stamp is not <em>racy</em>. Every difference sends the
 * file to its hash, which decides: a file touched but not changed is still unchanged (and its new stamp is
 * recorded). The pitfalls, and what is done about them:
 *
 * <ul>
 *   <li><b>Time granularity (racy stamps).</b> A file written again within the same tick of the file
 *       system's clock as the stamp was taken keeps its modified time. So, as git does with its index,
 *       a stamp whose modified time is not clearly older than the moment it was taken is never trusted:
 *       that moment is bounded by the state file's own modified time less the time the build took
 *       between taking its first stamp and writing the state (recorded in the state), and "clearly"
 *       means by the file system's granularity: 2 s (FAT) for a modified time on a whole second,
 *       100 ms otherwise (any file system that keeps sub-second times ticks at least that often).
 *       Such a file is hashed at every check until a state is written again; the outputs a run has
 *       just written are such files for the checks that follow it. There is no sound way around that
 *       which costs less: their digests are those of the bytes written, but a write by anyone else within
 *       the same tick after the stamp keeps the stamp, which is exactly the case the rule is for (an editor
 *       or a second build touching a generated class right after generation); waiting out the granularity
 *       before the state is written would cost every generating build up to 100 ms (2 s on FAT), and
 *       recording the stamps again after a check that hashed them would make a build that changed nothing
 *       write its state. Hashing them costs the SHA-256 of the generated classes (30 KB for the seed, 55 KB
 *       for the GitHub case), a few milliseconds next to the fingerprint's own SHA-256.
 *   <li><b>Clocks.</b> Stamps are compared for equality, never ordered against this machine's clock, so
 *       a clock set back or forward does not hide an edit; the racy bound compares two times of file
 *       systems, and a modified time in the state file's future counts as racy. What is not caught: an
 *       input on a file system whose clock is more than the bound behind the state file's, edited within
 *       one tick of its stamp, to the same size.
 *   <li><b>Files replaced by a rename</b> (an editor's atomic save, a {@code git checkout}): another file
 *       key and status-change time. A file's time set back to its old value ({@code touch -d}, an
 *       archive extracted with its times) changes its status-change time. Where the platform reports
 *       neither (Windows) the size and modified time remain.
 * </ul>
 *
 * <p>One instance per check; not thread-safe. Each file is digested once per instance: asked again, it gives the
 * first answer.
 */
final class FileDigests {

    /** How this class reaches the files, so that tests can count what it reads. */
    interface FileAccess {

        /** The file's attributes (following links), or {@code null} when it is not a regular file. */
        Attributes stat(Path file) throws IOException;

        InputStream open(Path file) throws IOException;
    }

    /** The attributes a {@link FileStamp} keeps. */
    record Attributes(long size, long modified, long changed, String key) {
    }

    /** The platform's file system. */
    static final FileAccess DISK = new FileAccess() {
        @Override
        public Attributes stat(Path file) throws IOException {
            if (file.getFileSystem().supportedFileAttributeViews().contains("unix")) {
                Map<String, Object> unix = Files.readAttributes(file, "unix:size,lastModifiedTime,ctime,dev,ino,"
                        + "isRegularFile");
                if (!Boolean.TRUE.equals(unix.get("isRegularFile"))) {
                    return null;
                }
                return new Attributes((Long) unix.get("size"), nanos((FileTime) unix.get("lastModifiedTime")),
                        nanos((FileTime) unix.get("ctime")),
                        // concat rather than +: no string-concatenation bootstrap for the up-to-date check
                        String.valueOf(unix.get("dev")).concat(":").concat(String.valueOf(unix.get("ino"))));
            }
            BasicFileAttributes basic = Files.readAttributes(file, BasicFileAttributes.class);
            if (!basic.isRegularFile()) {
                return null;
            }
            Object key = basic.fileKey();
            return new Attributes(basic.size(), nanos(basic.lastModifiedTime()), -1,
                    key == null ? "-" : key.toString().replaceAll("\\s", "_"));
        }

        @Override
        public InputStream open(Path file) throws IOException {
            return Files.newInputStream(file);
        }
    };

    private static final long WHOLE_SECOND_GRANULARITY = TimeUnit.SECONDS.toNanos(2);
    private static final long FINE_GRANULARITY = TimeUnit.MILLISECONDS.toNanos(100);

    /**
     * The digest of a file whose content during the generation is not known for sure (read twice with different
     * bytes, or its stamp could not be taken before it was read): no file's digest, so the next build generates.
     */
    static final String CHANGED_WHILE_READ = "changed-while-read";

    private final Map<Path, FileStamp> recorded;
    private final long racyFrom;
    private final FileAccess access;
    private final Map<Path, FileStamp> stamps = new TreeMap<>();
    /** What {@link #digest} said of each file: asked again (a check taken ahead), it reads nothing again. */
    private final Map<Path, String> digested = new HashMap<>();
    private final long started;
    /** Digests of the bytes a generation read, with the stamps taken before ({@link ReadDigests}). */
    private final Map<Path, FileStamp> known;
    private final Set<Path> unsettled;
    private long bytesHashed;
    private int filesHashed;
    private boolean restamped;

    /**
     * @param recorded the stamps of the last build
     * @param racyFrom a file system time (ns since the epoch): a recorded stamp whose modified time is later
     *     than this less the granularity is racy; {@link Long#MIN_VALUE} trusts no stamp
     * @param access how to reach the files
     */
    FileDigests(Map<Path, FileStamp> recorded, long racyFrom, FileAccess access) {
        this(recorded, racyFrom, access, Map.of(), Set.of(), System.nanoTime());
    }

    private FileDigests(Map<Path, FileStamp> recorded, long racyFrom, FileAccess access, Map<Path, FileStamp> known,
            Set<Path> unsettled, long started) {
        this.recorded = recorded;
        this.racyFrom = racyFrom;
        this.access = access;
        this.known = known;
        this.unsettled = unsettled;
        this.started = started;
    }

    /** Digests that read every file. */
    static FileDigests reading(FileAccess access) {
        return new FileDigests(Map.of(), Long.MIN_VALUE, access);
    }

    /**
     * Digests that give, for a file in {@code known}, the digest of the bytes a generation read and the stamp taken
     * before it read them, {@link #CHANGED_WHILE_READ} for one in {@code unsettled}, and read every other file; their
     * stamp window starts at {@code started} (a {@link System#nanoTime()} before the first of those stamps).
     */
    static FileDigests knowing(Map<Path, FileStamp> known, Set<Path> unsettled, long started, FileAccess access) {
        return new FileDigests(Map.of(), Long.MIN_VALUE, access, Map.copyOf(known), Set.copyOf(unsettled), started);
    }

    /**
     * The racy bound for the stamps of a state file: its modified time less the time its build took
     * between its first stamp and writing it.
     */
    static long racyFrom(FileAccess access, Path stateFile, long stampWindow) {
        try {
            Attributes state = access.stat(stateFile);
            return state == null ? Long.MIN_VALUE : state.modified() - Math.max(0, stampWindow);
        } catch (IOException e) {
            return Long.MIN_VALUE;
        }
    }

    /**
     * The hex SHA-256 of {@code file}'s bytes; {@code missing} when it is not a regular file and
     * {@code unreadable} when it cannot be read, so that its appearance or repair changes what depends on it.
     */
    String digest(Path file) {
        String digest = digested.get(file);
        if (digest == null) {
            digest = compute(file);
            digested.put(file, digest);
        }
        return digest;
    }

    /** {@link #digest}, the first time it is asked for {@code file}. */
    private String compute(Path file) {
        FileStamp read = known.get(file);
        if (read != null) {
            stamps.put(file, read);
            return read.sha256();
        }
        if (unsettled.contains(file)) {
            return CHANGED_WHILE_READ;
        }
        Attributes now;
        try {
            now = access.stat(file);
        } catch (IOException e) {
            now = null;
        }
        if (now == null) {
            return "missing";
        }
        FileStamp old = recorded.get(file);
        if (old != null && old.matches(now) && !racy(old.modified())) {
            stamps.put(file, old);
            return old.sha256();
        }
        MessageDigest digest = Fingerprint.sha256();
        byte[] buffer = new byte[8192];
        try (InputStream in = access.open(file)) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
                bytesHashed += n;
            }
        } catch (IOException e) {
            // The generator will report the file when it tries to read it; here it only has to differ.
            return "unreadable";
        }
        filesHashed++;
        restamped |= old == null || !old.matches(now);
        String hex = HexFormat.of().formatHex(digest.digest());
        stamps.put(file, new FileStamp(now.size(), now.modified(), now.changed(), now.key(), hex));
        return hex;
    }

    private boolean racy(long modified) {
        return racy(modified, racyFrom);
    }

    /**
     * Whether a stamp with this modified time, taken no earlier than {@code racyFrom} (see {@link #racyFrom}),
     * is racy: not clearly older than the moment it was taken.
     */
    static boolean racy(long modified, long racyFrom) {
        if (racyFrom == Long.MIN_VALUE) {
            return true;
        }
        long granularity = modified % TimeUnit.SECONDS.toNanos(1) == 0 ? WHOLE_SECOND_GRANULARITY : FINE_GRANULARITY;
        return modified >= racyFrom - granularity;
    }

    /** The stamps of the files digested so far, each taken before the file was read. */
    Map<Path, FileStamp> stamps() {
        return Collections.unmodifiableMap(stamps);
    }

    /** Whether any file was read (its stamp differed, was racy or was not recorded). */
    boolean hashedAny() {
        return filesHashed > 0;
    }

    /**
     * Whether a file read had another stamp than the recorded one (or none): then recording the new
     * stamps spares the next check the read. A racy stamp that still matches is not worth a new state:
     * a build that changed nothing writes nothing.
     */
    boolean restamped() {
        return restamped;
    }

    /** The bytes read and hashed so far. */
    long bytesHashed() {
        return bytesHashed;
    }

    /** The files read and hashed so far. */
    int filesHashed() {
        return filesHashed;
    }

    /** Nanoseconds since this instance was made: the stamp window of a state written now. */
    long elapsed() {
        return System.nanoTime() - started;
    }

    private static long nanos(FileTime time) {
        return time.to(TimeUnit.NANOSECONDS);
    }
}
