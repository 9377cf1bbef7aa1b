package dev.arazzo.runtime;

/**
 * The base of every exception a generated workflow throws: one unchecked hierarchy for all generated
 * packages, with {@link StepFailedException} (a step's criteria did not hold) and
 * {@link WorkflowTransportException} (a request could not be sent or its response not read).
 */
public class WorkflowException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * A workflow failure described by {@code message}.
     *
     * @param message what went wrong, naming the step where there is one
     */
    public WorkflowException(String message) {
        super(message);
    }

    /**
     * A workflow failure described by {@code message}, caused by {@code cause}.
     *
     * @param message what went wrong, naming the step where there is one
     * @param cause the exception that made the workflow fail
     */
    public WorkflowException(String message, Throwable cause) {
        super(message, cause);
    }
}
