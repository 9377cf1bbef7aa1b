package dev.arazzo.codegen.check;

import dev.arazzo.codegen.load.ArazzoDocument.Action;
import dev.arazzo.codegen.load.ArazzoDocument.Step;
import dev.arazzo.codegen.load.ArazzoDocument.Workflow;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which step can run after which: the next step in order, every goto target, and the steps a retry
 * runs first (a step reached again through a cycle can read its own earlier outputs). Answers "can step x have run before step s?" for {@code $steps.x} references.
 */
public final class StepGraph {

    private final Map<String, Set<String>> successors = new HashMap<>();

    public StepGraph(Workflow workflow) {
        List<Step> steps = workflow.steps();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            Set<String> next = successors.computeIfAbsent(step.stepId(), k -> new LinkedHashSet<>());
            if (i + 1 < steps.size()) {
                next.add(steps.get(i + 1).stepId());
            }
            for (List<Action> actions : List.of(step.onSuccess(), step.onFailure(), workflow.successActions(),
                    workflow.failureActions())) {
                for (Action action : actions) {
                    if (action.stepId() != null) {
                        next.add(action.stepId());
                    }
                }
            }
        }
    }

    /** Whether {@code earlier} can have completed before {@code later} starts. */
    public boolean canRunBefore(String earlier, String later) {
        Deque<String> pending = new ArrayDeque<>(successors.getOrDefault(earlier, Set.of()));
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            String step = pending.pop();
            if (step.equals(later)) {
                return true;
            }
            if (seen.add(step)) {
                pending.addAll(successors.getOrDefault(step, Set.of()));
            }
        }
        return false;
    }
}
