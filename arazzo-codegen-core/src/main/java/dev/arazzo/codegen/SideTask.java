package dev.arazzo.codegen;

import java.util.function.Supplier;

/**
 * Work that needs nothing of the caller's but its input, done on a thread of its own while the caller goes on
 * (the machine's second core does it), or, when not concurrent, at once on the caller's thread.
 * {@link #join} hands back its result, or throws what it threw, as the caller would have seen it.
 *
 * <p>The caller joins every task it starts, on every path (also when it fails itself), so no thread outlives the
 * generation; the thread is a daemon besides, so a JVM never waits for one. It gets the caller's context class
 * loader (the schema validator reads its meta-schemas through it) and a stack of {@link #STACK_BYTES}, larger
 * than a thread's default, so that a deep document recurses at least as deep as it would on the caller's thread.
 *
 * <p>The generation's own stages use it (the Arazzo JSON Schema check) and so does the incremental build (the
 * generator's identity, read while the generator runs).
 *
 * @param <T> what the work gives
 */
public final class SideTask<T> implements Runnable {

    /** The stack of the thread; only what is used of it is committed. */
    static final long STACK_BYTES = 16L << 20;

    private final Supplier<T> work;
    private Thread thread;
    private T result;
    private Throwable failure;

    private SideTask(Supplier<T> work) {
        this.work = work;
    }

    /**
     * Starts {@code work} on a daemon thread named {@code name} when {@code concurrent}; otherwise, or when the
     * system cannot start one more thread, does it now, on this thread, and throws what it throws.
     */
    public static <T> SideTask<T> start(String name, Supplier<T> work, boolean concurrent) {
        SideTask<T> task = new SideTask<>(work);
        if (concurrent) {
            Thread thread = new Thread(null, task, name, STACK_BYTES);
            thread.setDaemon(true);
            thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
            try {
                thread.start();
                task.thread = thread;
                return task;
            } catch (OutOfMemoryError e) {
                // "unable to create native thread" (a limit on processes or memory): the same work, on this thread
            }
        }
        task.run();
        task.rethrow();
        return task;
    }

    @Override
    public void run() {
        try {
            result = work.get();
        } catch (RuntimeException | Error e) {
            failure = e;
        }
    }

    /**
     * Waits until the work has ended and its thread with it; returns its result or throws what it threw. An
     * interrupt meanwhile does not cut the wait short (the work does not stop for one, and the thread must not
     * outlive the caller): it is kept, set again on this thread when the wait is over.
     */
    public T join() {
        await();
        rethrow();
        return result;
    }

    /** Waits, as {@link #join} does, until the work has ended and its thread with it; throws nothing. */
    public void await() {
        awaitThread(thread);
    }

    /**
     * Waits until {@code thread} has ended (nothing when it is null); an interrupt meanwhile does not cut the wait
     * short, it is set again on this thread when the wait is over.
     */
    public static void awaitThread(Thread thread) {
        if (thread == null) {
            return;
        }
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void rethrow() {
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }
}
