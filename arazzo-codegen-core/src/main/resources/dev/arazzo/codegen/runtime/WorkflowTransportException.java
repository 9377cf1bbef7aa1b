package dev.arazzo.codegen.runtime;

/**
 * A request could not be sent or its response not read (connection refused, timeout, interrupted).
 * When the thread was interrupted, its interrupt flag is set again before this is thrown.
 */
public final class WorkflowTransportException extends WorkflowException {

    private static final long serialVersionUID = 1L;

    private final String stepId;

    public WorkflowTransportException(String stepId, String message, Throwable cause) {
        super("step '" + stepId + "': " + message, cause);
        this.stepId = stepId;
    }

    /** The step whose request failed. */
    public String stepId() {
        return stepId;
    }
}
