package dev.arazzo.codegen.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arazzo.codegen.diagnostic.SourceLocation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An Arazzo document as read: the specification's objects as records, each with the JSON Pointer of
 * the node it was read from. Reusable Objects ({@code reference} + {@code value}) are already replaced
 * by what they reference.
 */
public record ArazzoDocument(
        SourceDocument source, String arazzo, String title, List<SourceDescription> sourceDescriptions,
        List<Workflow> workflows) {

    public ArazzoDocument {
        sourceDescriptions = List.copyOf(sourceDescriptions);
        workflows = List.copyOf(workflows);
    }

    public SourceLocation locate(String pointer) {
        return source.locate(pointer);
    }

    public Optional<Workflow> workflow(String workflowId) {
        return workflows.stream().filter(w -> w.workflowId().equals(workflowId)).findFirst();
    }

    public Optional<SourceDescription> sourceDescription(String name) {
        return sourceDescriptions.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** A Source Description Object: {@code type} is null when the document does not say. */
    public record SourceDescription(String name, String url, String type, String pointer) {
    }

    /** A Workflow Object. {@code inputs} is the JSON Schema of the inputs ({@code $ref}s into components followed). */
    public record Workflow(
            String workflowId, String summary, String description, JsonNode inputs, List<String> dependsOn,
            List<Step> steps, List<Action> successActions, List<Action> failureActions, Map<String, String> outputs,
            List<Parameter> parameters, String pointer) {

        public Workflow {
            dependsOn = List.copyOf(dependsOn);
            steps = List.copyOf(steps);
            successActions = List.copyOf(successActions);
            failureActions = List.copyOf(failureActions);
            outputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputs));
            parameters = List.copyOf(parameters);
        }

        public Optional<Step> step(String stepId) {
            return steps.stream().filter(s -> s.stepId().equals(stepId)).findFirst();
        }
    }

    /**
     * A Step Object: exactly one of {@code operationId}, {@code operationPath}, {@code workflowId} is set.
     * {@code timeout} is in milliseconds, null when the step has none; {@code dependsOn} as written.
     */
    public record Step(
            String stepId, String description, String operationId, String operationPath, String workflowId,
            List<Parameter> parameters, RequestBody requestBody, List<Criterion> successCriteria,
            List<Action> onSuccess, List<Action> onFailure, Map<String, String> outputs, String pointer,
            Long timeout, List<String> dependsOn) {

        /** A step without the Arazzo 1.1 fields {@code timeout} and {@code dependsOn}. */
        public Step(
                String stepId, String description, String operationId, String operationPath, String workflowId,
                List<Parameter> parameters, RequestBody requestBody, List<Criterion> successCriteria,
                List<Action> onSuccess, List<Action> onFailure, Map<String, String> outputs, String pointer) {
            this(stepId, description, operationId, operationPath, workflowId, parameters, requestBody, successCriteria,
                    onSuccess, onFailure, outputs, pointer, null, List.of());
        }

        public Step {
            dependsOn = List.copyOf(dependsOn);
            parameters = List.copyOf(parameters);
            successCriteria = List.copyOf(successCriteria);
            onSuccess = List.copyOf(onSuccess);
            onFailure = List.copyOf(onFailure);
            outputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputs));
        }
    }

    /** A Parameter Object; {@code in} is null when the document does not say. */
    public record Parameter(String name, String in, JsonNode value, String pointer) {
    }

    /** A Request Body Object. */
    public record RequestBody(String contentType, JsonNode payload, List<Replacement> replacements, String pointer) {
        public RequestBody {
            replacements = List.copyOf(replacements);
        }
    }

    /** A Payload Replacement Object. */
    public record Replacement(String target, JsonNode value, String pointer) {
    }

    /** A Criterion Object; {@code type} is "simple", "regex", "jsonpath" or "xpath". */
    public record Criterion(String context, String condition, String type, String version, String pointer) {
    }

    /** A Success Action Object or Failure Action Object. */
    public record Action(
            String name, String type, String workflowId, String stepId, BigDecimal retryAfter, Integer retryLimit,
            List<Criterion> criteria, String pointer) {

        public Action {
            criteria = List.copyOf(criteria);
        }
    }
}
