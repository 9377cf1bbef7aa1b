package dev.arazzo.runtime;

import java.util.HashSet;
import java.util.Set;

/**
 * The steps of other workflows that completed successfully in the current run, for step-level
 * {@code dependsOn} entries that name a step of another workflow ({@code $workflows.<id>.steps.<stepId>}
 * or {@code $sourceDescriptions.<name>.<id>.steps.<stepId>}).
 *
 * <p>A run is what happens on one thread between the outermost {@link #open()} and the close of its
 * scope: a workflow whose steps depend on another workflow's steps opens one around its execution, the
 * workflows it runs (through its own {@code dependsOn}, a step or an action) record their steps in it,
 * and nested opens join the run already open. Outside a run nothing is recorded.
 */
public final class CompletedSteps {

    private static final ThreadLocal<CompletedSteps> CURRENT = new ThreadLocal<>();

    private final Set<String> completed = new HashSet<>();
    private int depth;

    private CompletedSteps() {
    }

    /** An open run; closing the outermost one forgets what it recorded. */
    public static final class Scope implements AutoCloseable {

        private final CompletedSteps run;
        private boolean closed;

        private Scope(CompletedSteps run) {
            this.run = run;
        }

        /** Leaves the run; the outermost scope ends it. Closing twice does nothing. */
        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (--run.depth == 0 && CURRENT.get() == run) {
                CURRENT.remove();
            }
        }
    }

    /**
     * Opens a run on this thread, or joins the one open.
     *
     * @return the scope to close when the workflow's execution ends
     */
    public static Scope open() {
        CompletedSteps run = CURRENT.get();
        if (run == null) {
            run = new CompletedSteps();
            CURRENT.set(run);
        }
        run.depth++;
        return new Scope(run);
    }

    /**
     * Records that step {@code stepId} of {@code workflow} completed successfully, when a run is open.
     *
     * @param workflow the generated class of the workflow
     * @param stepId the step
     */
    public static void record(Class<?> workflow, String stepId) {
        CompletedSteps run = CURRENT.get();
        if (run != null) {
            run.completed.add(key(workflow, stepId));
        }
    }

    /**
     * Whether step {@code stepId} of {@code workflow} completed successfully in the run open on this thread.
     *
     * @param workflow the generated class of the workflow
     * @param stepId the step
     * @return true when it did; false when it did not, or no run is open
     */
    public static boolean contains(Class<?> workflow, String stepId) {
        CompletedSteps run = CURRENT.get();
        return run != null && run.completed.contains(key(workflow, stepId));
    }

    private static String key(Class<?> workflow, String stepId) {
        return workflow.getName() + "#" + stepId;
    }
}
