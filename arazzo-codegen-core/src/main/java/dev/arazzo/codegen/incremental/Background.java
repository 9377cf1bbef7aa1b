package dev.arazzo.codegen.incremental;

import java.util.function.Supplier;

/**
 * Work of a generating build that only its state needs (the generator's identity), done on a daemon thread while
 * the generation goes on. The caller joins it on every path, so the thread never outlives the run; an interrupt
 * meanwhile does not cut the wait short and is set again on the caller's thread afterwards.
 *
 * @param <T> what the work gives
 */
final class Background<T> implements Runnable {

    private final Supplier<T> work;
    private Thread thread;
    private T result;
    private Throwable failure;

    private Background(Supplier<T> work) {
        this.work = work;
    }

    /** Starts {@code work} on a daemon thread named {@code name}; when no thread can be started, does it now. */
    static <T> Background<T> start(String name, Supplier<T> work) {
        Background<T> task = new Background<>(work);
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        try {
            thread.start();
            task.thread = thread;
        } catch (OutOfMemoryError e) {
            task.run(); // "unable to create native thread": the same work, on this thread
        }
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

    /** Waits for the work and its thread to end; throws nothing. */
    void await() {
        awaitThread(thread);
    }

    /** Waits for the work to end; its result, or what it threw, thrown as it was. */
    T join() {
        await();
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        return result;
    }

    /** Joins {@code thread} (nothing when null), keeping an interrupt for afterwards. */
    static void awaitThread(Thread thread) {
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
}
