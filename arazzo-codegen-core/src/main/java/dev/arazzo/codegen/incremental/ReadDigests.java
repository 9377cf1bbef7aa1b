package dev.arazzo.codegen.incremental;

import dev.arazzo.codegen.SideTask;
import dev.arazzo.codegen.source.FileReads;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The SHA-256 of the files a generation reads, of the very bytes it read ({@link FileReads}), taken on a daemon
 * thread of its own while the generation goes on: the state written after a first generation needs them, and
 * reading and hashing every file again after the generation (13 MB for the GitHub case) was main-thread work.
 *
 * <p>Each file's stamp is taken on the reading thread just before it is read, as {@link FileDigests} takes it
 * before it reads: an edit after the stamp shows as another stamp at the next build (or within the stamp's tick as
 * a racy stamp, the window starting when this instance was made, before the generation). A file read twice with
 * different bytes, or whose stamp could not be taken, is {@link FileDigests#CHANGED_WHILE_READ}: its state
 * matches no content, and the next build generates again. A file the generation read without telling (on another
 * thread) is hashed from disk, as before.
 *
 * <p>{@link #finish} is called on every path: it ends the thread.
 */
final class ReadDigests implements FileReads.Listener, Runnable {

    private final FileDigests.FileAccess files;
    private final long started = System.nanoTime();
    private final ArrayDeque<Read> queue = new ArrayDeque<>();
    private final Map<Path, FileStamp> digests = new HashMap<>();
    private final Set<Path> unsettled = new HashSet<>();
    private Thread worker;
    private boolean finished;
    private Throwable failure;
    private long bytesHashed;

    ReadDigests(FileDigests.FileAccess files) {
        this.files = files;
    }

    /** One file read: its stamp taken before, and the bytes. */
    private record Read(Path file, FileDigests.Attributes before, byte[] bytes) {
    }

    /** Hands the bytes read to the hashing thread. */
    private final class Reported implements Consumer<byte[]> {
        private final Path file;
        private final FileDigests.Attributes before;

        Reported(Path file, FileDigests.Attributes before) {
            this.file = file;
            this.before = before;
        }

        @Override
        public void accept(byte[] bytes) {
            enqueue(new Read(file, before, bytes));
        }
    }

    @Override
    public Consumer<byte[]> reading(Path file) {
        FileDigests.Attributes before;
        try {
            before = files.stat(file);
        } catch (IOException e) {
            before = null;
        }
        return new Reported(file, before);
    }

    private synchronized void enqueue(Read read) {
        if (finished) {
            return; // read after the generation returned (cannot happen on the listening thread): hashed from disk
        }
        queue.add(read);
        if (worker == null) {
            Thread thread = new Thread(this, "arazzo-read-digests");
            thread.setDaemon(true);
            try {
                thread.start();
                worker = thread;
            } catch (OutOfMemoryError e) {
                drain(); // no thread to be had: hash here
            }
        } else {
            notifyAll();
        }
    }

    @Override
    public void run() {
        try {
            while (true) {
                Read read;
                synchronized (this) {
                    while (queue.isEmpty() && !finished) {
                        wait();
                    }
                    if (queue.isEmpty()) {
                        return;
                    }
                    read = queue.poll();
                }
                hash(read);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            synchronized (this) {
                failure = e;
            }
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                failure = e;
            }
        }
    }

    private synchronized void drain() {
        while (!queue.isEmpty()) {
            hash(queue.poll());
        }
    }

    private void hash(Read read) {
        MessageDigest digest = Fingerprint.sha256();
        digest.update(read.bytes());
        String hex = HexFormat.of().formatHex(digest.digest());
        synchronized (this) {
            bytesHashed += read.bytes().length;
            FileStamp earlier = digests.get(read.file());
            if (read.before() == null || earlier != null && !earlier.sha256().equals(hex)) {
                unsettled.add(read.file());
                return;
            }
            FileDigests.Attributes at = read.before();
            // a later read of the same bytes: its stamp, the more recent, is the one the next build will find
            digests.put(read.file(), new FileStamp(at.size(), at.modified(), at.changed(), at.key(), hex));
        }
    }

    /**
     * Waits for the files reported so far to be hashed and ends the thread; the digests of the files read, the
     * others from disk. Throws what the hashing threw.
     */
    FileDigests finish() {
        Thread thread;
        synchronized (this) {
            finished = true;
            thread = worker;
            notifyAll();
        }
        SideTask.awaitThread(thread);
        synchronized (this) {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            if (failure != null) {
                throw new IllegalStateException("hashing the files read was interrupted", failure);
            }
            for (Path file : unsettled) {
                digests.remove(file);
            }
            return FileDigests.knowing(digests, unsettled, started, files);
        }
    }

    /** The bytes hashed here, not read again from disk. */
    synchronized long bytesHashed() {
        return bytesHashed;
    }
}
