package dev.arazzo.runtime;

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

    /**
     * The failure of step {@code stepId}.
     *
     * @param stepId the id of the step that failed
     * @param statusCode the HTTP status of its last response
     * @param failedCriterion the first success criterion that did not hold, or null when none did not
     * @param bodyExcerpt the start of the response body, or null or empty when there is none
     */
    public StepFailedException(String stepId, int statusCode, String failedCriterion, String bodyExcerpt) {
        super("step '" + stepId + "' failed with HTTP status " + statusCode
                + (failedCriterion == null ? "" : ": criterion '" + failedCriterion + "' does not hold")
                + (bodyExcerpt == null || bodyExcerpt.isEmpty() ? "" : "; response body: " + bodyExcerpt));
        this.stepId = stepId;
        this.statusCode = statusCode;
        this.failedCriterion = failedCriterion;
        this.bodyExcerpt = bodyExcerpt;
    }

    /**
     * The id of the step that failed.
     *
     * @return the step's id, as the workflow writes it
     */
    public String stepId() {
        return stepId;
    }

    /**
     * The HTTP status of the step's last response.
     *
     * @return the status code
     */
    public int statusCode() {
        return statusCode;
    }

    /**
     * The first success criterion that did not hold, as written in the workflow.
     *
     * @return the criterion's text, or null
     */
    public String failedCriterion() {
        return failedCriterion;
    }

    /**
     * The start of the response body (at most 512 characters).
     *
     * @return the excerpt, or null
     */
    public String bodyExcerpt() {
        return bodyExcerpt;
    }
}
