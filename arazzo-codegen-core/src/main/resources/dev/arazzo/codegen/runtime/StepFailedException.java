package dev.arazzo.codegen.runtime;

/**
 * A step's response did not meet its success criteria and no failure action handled it.
 *
 * <p>The message names the step, the HTTP status, the first criterion that failed and a bounded
 * excerpt of the response body, decoded with the charset the response declares.
 */
public final class StepFailedException extends WorkflowException {

    private static final long serialVersionUID = 1L;

    private final String stepId;
    private final int statusCode;
    private final String failedCriterion;
    private final String bodyExcerpt;

    public StepFailedException(String stepId, int statusCode, String failedCriterion, String bodyExcerpt) {
        super("step '" + stepId + "' failed with HTTP status " + statusCode
                + (failedCriterion == null ? "" : ": criterion '" + failedCriterion + "' does not hold")
                + (bodyExcerpt == null || bodyExcerpt.isEmpty() ? "" : "; response body: " + bodyExcerpt));
        this.stepId = stepId;
        this.statusCode = statusCode;
        this.failedCriterion = failedCriterion;
        this.bodyExcerpt = bodyExcerpt;
    }

    /** The id of the step that failed. */
    public String stepId() {
        return stepId;
    }

    /** The HTTP status of the step's last response. */
    public int statusCode() {
        return statusCode;
    }

    /** The first success criterion that did not hold, as written in the workflow. */
    public String failedCriterion() {
        return failedCriterion;
    }

    /** The start of the response body (at most 512 characters). */
    public String bodyExcerpt() {
        return bodyExcerpt;
    }
}
