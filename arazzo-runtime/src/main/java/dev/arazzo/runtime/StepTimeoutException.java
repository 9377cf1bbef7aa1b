package dev.arazzo.runtime;

/**
 * A step that runs a workflow did not complete within its {@code timeout} (Arazzo 1.1): the called run was
 * aborted, and the step fails with status 0 and the failed criterion {@link #failedCriterion()}.
 */
public final class StepTimeoutException extends WorkflowException {

    private static final long serialVersionUID = 1L;

    private final String stepId;
    private final long timeoutMillis;

    /**
     * A step that timed out.
     *
     * @param stepId the step
     * @param timeoutMillis its timeout in milliseconds
     */
    public StepTimeoutException(String stepId, long timeoutMillis) {
        super("step '" + stepId + "' did not complete within its timeout of " + timeoutMillis + " ms");
        this.stepId = stepId;
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * The step that timed out.
     *
     * @return its stepId
     */
    public String stepId() {
        return stepId;
    }

    /**
     * The step's timeout.
     *
     * @return milliseconds
     */
    public long timeoutMillis() {
        return timeoutMillis;
    }

    /**
     * The failed criterion of the step, the same as an operation step's that timed out.
     *
     * @return {@code timeout: the step did not complete within N ms}
     */
    public String failedCriterion() {
        return "timeout: the step did not complete within " + timeoutMillis + " ms";
    }
}
