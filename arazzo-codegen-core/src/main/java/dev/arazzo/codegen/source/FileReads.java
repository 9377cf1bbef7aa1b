package dev.arazzo.codegen.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Every input file the generator reads whole is read through {@link #readAllBytes}, so that a caller can be told
 * which files were read and with which bytes: the incremental build hashes, for its state, the very bytes the
 * generation read, on a thread of its own while the generation goes on, instead of reading every file again after
 * it. Without a {@link Listener} on the reading thread this is {@link Files#readAllBytes}.
 *
 * <p>The listener is per thread ({@link #listening}): a file read on another thread is not reported, so a listener
 * must treat a file it was not told of as unknown (the incremental build then hashes it from disk, as before).
 */
public final class FileReads {

    /** Told of each file read on the thread it listens on. */
    public interface Listener {

        /**
         * {@code file} (absolute and normalized) is about to be read; the consumer returned is handed the bytes
         * read, unless reading fails. The bytes are the reader's: they are not changed afterwards, and the listener
         * must not change them either.
         */
        Consumer<byte[]> reading(Path file);
    }

    private static final ThreadLocal<Listener> LISTENER = new ThreadLocal<>();

    private FileReads() {
    }

    /** Runs {@code work} with {@code listener} told of the files read on this thread meanwhile. */
    public static <T> T listening(Listener listener, Supplier<T> work) {
        Listener outer = LISTENER.get();
        LISTENER.set(listener);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                LISTENER.remove();
            } else {
                LISTENER.set(outer);
            }
        }
    }

    /** {@link Files#readAllBytes}, reporting the file and its bytes to this thread's listener, if any. */
    public static byte[] readAllBytes(Path file) throws IOException {
        Listener listener = LISTENER.get();
        if (listener == null) {
            return Files.readAllBytes(file);
        }
        Consumer<byte[]> read = listener.reading(file.toAbsolutePath().normalize());
        byte[] bytes = Files.readAllBytes(file);
        read.accept(bytes);
        return bytes;
    }
}
