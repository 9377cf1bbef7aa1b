package dev.arazzo.runtime;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The deadline of a step that runs a workflow with a {@code timeout} (Arazzo 1.1), kept per thread for the
 * called run: while it is open, every HTTP exchange, every wait before a retry and every receive of the run
 * (the called workflow's steps and the workflows they call in turn) is bounded by the time left. A request
 * is not sent once the time is up, and an exchange, a wait or a receive still going when it elapses is
 * abandoned; the run is then aborted up to the step that set the deadline, which fails with a
 * {@link StepTimeoutException}. Nested deadlines take the earliest: a called workflow's own timed step
 * cannot extend its caller's time.
 *
 * <p>The called workflow runs on the caller's thread, so what a run keeps per thread ({@link CompletedSteps},
 * the message subscriptions) stays as it is.
 */
public final class Deadline {

    private static final ThreadLocal<Deadline> CURRENT = new ThreadLocal<>();

    /**
     * Whether any thread has opened a deadline: until one does, no request looks the thread-local up. A thread
     * sees its own write, and a thread that opened none has none to find, so a stale false is never wrong.
     */
    private static volatile boolean anyOpened;

    private final long at;

    private Deadline(long at) {
        this.at = at;
    }

    /**
     * Runs {@code body}, the call of a workflow by step {@code stepId}, within {@code timeoutMillis} (or the
     * earlier deadline already open on this thread).
     *
     * @param <T> what the body returns
     * @param stepId the step that runs the workflow
     * @param timeoutMillis the step's timeout, positive
     * @param body runs the called workflow
     * @return what {@code body} returned, when it completed in time
     * @throws StepTimeoutException when this step's time elapsed before the body completed
     * @throws IllegalArgumentException if {@code timeoutMillis} is not positive
     */
    public static <T> T within(String stepId, long timeoutMillis, Supplier<T> body) {
        Objects.requireNonNull(body, "body");
        if (timeoutMillis <= 0) {
            throw new IllegalArgumentException("timeout must be positive: " + timeoutMillis);
        }
        Deadline outer = CURRENT.get();
        long own = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        if (outer != null && outer.at - own <= 0) {
            return body.get(); // the caller's deadline comes first: it is the one that aborts
        }
        Deadline deadline = new Deadline(own);
        anyOpened = true;
        CURRENT.set(deadline);
        try {
            T result = body.get();
            if (deadline.left() == 0) {
                throw new StepTimeoutException(stepId, timeoutMillis); // completed, but not in time
            }
            return result;
        } catch (Expired expired) {
            if (expired.deadline == deadline) {
                throw new StepTimeoutException(stepId, timeoutMillis);
            }
            throw expired;
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** Nanoseconds left, zero when elapsed. */
    private long left() {
        return Math.max(0, at - System.nanoTime());
    }

    /**
     * The deadline open on this thread, for a caller that checks it more than once: one thread-local lookup.
     *
     * @return the deadline, or null when none is open
     */
    static Deadline current() {
        return anyOpened ? CURRENT.get() : null;
    }

    /**
     * Aborts the run when this deadline has elapsed, as {@link #check()} does for the one open on this thread.
     *
     * @throws Expired when it has
     */
    void checkNotElapsed() {
        if (left() == 0) {
            throw new Expired(this);
        }
    }

    /**
     * The time left of this deadline.
     *
     * @return zero when it has elapsed
     */
    Duration timeLeft() {
        return Duration.ofNanos(left());
    }

    /**
     * The time left of the deadline open on this thread.
     *
     * @return null when none is open; zero when it has elapsed
     */
    static Duration remaining() {
        Deadline deadline = current();
        return deadline == null ? null : deadline.timeLeft();
    }

    /**
     * Aborts the run when the deadline open on this thread has elapsed.
     *
     * @throws Expired when it has
     */
    static void check() {
        Deadline deadline = current();
        if (deadline != null) {
            deadline.checkNotElapsed();
        }
    }

    /**
     * What aborts the run: the deadline open on this thread elapsed.
     *
     * @return the exception to throw
     * @throws IllegalStateException when no deadline is open
     */
    static Expired expired() {
        Deadline deadline = CURRENT.get();
        if (deadline == null) {
            throw new IllegalStateException("no deadline is open");
        }
        return new Expired(deadline);
    }

    /**
     * Aborts a run whose deadline elapsed, up to the step that set it. Not a {@link WorkflowException}, so
     * that the steps in between (which catch those as a called workflow's failure) do not take failure
     * actions for it.
     */
    static final class Expired extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient Deadline deadline;

        Expired(Deadline deadline) {
            super("the step's timeout elapsed", null, false, false);
            this.deadline = deadline;
        }
    }
}
