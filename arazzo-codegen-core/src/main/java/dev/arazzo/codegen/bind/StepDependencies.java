package dev.arazzo.codegen.bind;

import dev.arazzo.codegen.load.ArazzoDocument;
import dev.arazzo.codegen.load.ArazzoDocument.Step;
import dev.arazzo.codegen.load.ArazzoDocument.Workflow;
import java.util.ArrayList;
import java.util.List;

/**
 * The entries of a step's {@code dependsOn} (Arazzo 1.1), resolved: a step of the same workflow
 * ({@code stepId}), of another workflow of the document ({@code $workflows.<id>.steps.<stepId>}) or of a
 * workflow of an Arazzo source ({@code $sourceDescriptions.<name>.<id>.steps.<stepId>}). Resolution only:
 * whether the targets exist and can have completed is the check stage's ({@code DependencyChecker}).
 */
public final class StepDependencies {

    private StepDependencies() {
    }

    /** What went wrong resolving an entry, or {@code NONE}. */
    public enum Problem {
        NONE, UNKNOWN_SOURCE, UNAVAILABLE_SOURCE, UNKNOWN_WORKFLOW, UNKNOWN_STEP, INVALID
    }

    /**
     * One {@code dependsOn} entry of a step.
     *
     * @param reference the entry as written
     * @param pointer the JSON Pointer of the entry
     * @param workflow the workflow whose step it names, with its document; null when it does not resolve
     * @param stepId the step it names
     * @param local whether it names a step of the step's own workflow
     * @param problem why it does not resolve, or {@code NONE} ({@code UNAVAILABLE_SOURCE}: the source could not
     *     be read, which is reported at its url)
     * @param name the source description or workflow that did not resolve, for messages
     */
    public record Target(String reference, String pointer, WorkflowTarget workflow, String stepId, boolean local,
            Problem problem, String name) {

        public boolean resolved() {
            return problem == Problem.NONE;
        }
    }

    /** The entries of {@code step}'s dependsOn, in order; {@code workflow} is the workflow it belongs to. */
    public static List<Target> of(BoundDocument bound, Workflow workflow, Step step) {
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < step.dependsOn().size(); i++) {
            targets.add(resolve(bound, workflow, step.dependsOn().get(i), step.pointer() + "/dependsOn/" + i));
        }
        return targets;
    }

    private static Target resolve(BoundDocument bound, Workflow workflow, String reference, String pointer) {
        ArazzoDocument document = bound.document();
        if (!reference.startsWith("$")) {
            return step(new WorkflowTarget(document, workflow), reference, pointer, reference, true);
        }
        String[] parts = reference.split("\\.", -1);
        if (reference.startsWith("$workflows.") && parts.length == 4 && parts[2].equals("steps")) {
            Workflow named = document.workflow(parts[1]).orElse(null);
            if (named == null) {
                return new Target(reference, pointer, null, parts[3], false, Problem.UNKNOWN_WORKFLOW, parts[1]);
            }
            return step(new WorkflowTarget(document, named), reference, pointer, parts[3],
                    named.workflowId().equals(workflow.workflowId()));
        }
        if (reference.startsWith("$sourceDescriptions.") && parts.length == 5 && parts[3].equals("steps")) {
            ArazzoDocument source = bound.sources().arazzo().get(parts[1]);
            if (source == null) {
                Problem problem = bound.sources().unavailable().contains(parts[1])
                        ? Problem.UNAVAILABLE_SOURCE : Problem.UNKNOWN_SOURCE;
                return new Target(reference, pointer, null, parts[4], false, problem, parts[1]);
            }
            Workflow named = source.workflow(parts[2]).orElse(null);
            if (named == null) {
                return new Target(reference, pointer, null, parts[4], false, Problem.UNKNOWN_WORKFLOW, parts[2]);
            }
            return step(new WorkflowTarget(source, named), reference, pointer, parts[4], false);
        }
        return new Target(reference, pointer, null, null, false, Problem.INVALID, null);
    }

    private static Target step(WorkflowTarget owner, String reference, String pointer, String stepId, boolean local) {
        Problem problem = owner.workflow().step(stepId).isPresent() ? Problem.NONE : Problem.UNKNOWN_STEP;
        return new Target(reference, pointer, owner, stepId, local, problem, null);
    }
}
