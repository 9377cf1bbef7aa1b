package dev.arazzo.runtime;

import java.time.Duration;

/**
 * Hears what generated workflows do, for metrics and tracing: every HTTP step as it starts and ends,
 * and every retry. Called on the thread that runs the workflow; keep it quick. Requests and responses
 * are not passed on: they may carry credentials.
 *
 * <pre>{@code
 * WorkflowListener timings = new WorkflowListener() {
 *     public void stepFinished(String workflowId, String stepId, int statusCode, Duration duration) {
 *         metrics.timer(workflowId + "." + stepId).record(duration);
 *     }
 * };
 * }</pre>
 */
public interface WorkflowListener {

    /**
     * Step {@code stepId} is about to send its request.
     *
     * @param workflowId the workflow that runs the step
     * @param stepId the step
     */
    default void stepStarted(String workflowId, String stepId) {
    }

    /**
     * Step {@code stepId} got a response with {@code statusCode}, {@code duration} after it started.
     *
     * @param workflowId the workflow that runs the step
     * @param stepId the step
     * @param statusCode the HTTP status of the response
     * @param duration the time from sending the request to reading the whole response
     */
    default void stepFinished(String workflowId, String stepId, int statusCode, Duration duration) {
    }

    /**
     * Step {@code stepId} is retried for the {@code attempt}th time, after waiting {@code delay}.
     *
     * @param workflowId the workflow that runs the step
     * @param stepId the step
     * @param attempt 1 for the first retry, 2 for the second, ...
     * @param delay how long the workflow waits before the retry
     */
    default void retrying(String workflowId, String stepId, int attempt, Duration delay) {
    }
}
