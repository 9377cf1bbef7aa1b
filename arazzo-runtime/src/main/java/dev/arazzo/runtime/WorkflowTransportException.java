package dev.arazzo.runtime;

/**
 * A request could not be sent or its response not read (connection refused, timeout, interrupted).
 * When the thread was interrupted, its interrupt flag is set again before this is thrown.
 */
public final class WorkflowTransportException extends WorkflowException {

    private static final long serialVersionUID = 1L;

    private final String stepId;

    /**
     * A failed exchange of step {@code stepId}.
     *
     * @param stepId the step whose request failed
     * @param message what failed (the request's method and url, secrets masked, and why)
     * @param cause the I/O or interrupt exception
     */
    public WorkflowTransportException(String stepId, String message, Throwable cause) {
        super("step '" + stepId + "': " + message, cause);
        this.stepId = stepId;
    }

    /**
     * The step whose request failed.
     *
     * @return the step's id, as the workflow writes it
     */
    public String stepId() {
        return stepId;
    }
}
