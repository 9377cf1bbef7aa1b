package dev.arazzo.codegen.emit;

import dev.arazzo.codegen.model.WorkflowModel;
import dev.arazzo.codegen.model.WorkflowModel.ActionModel;
import dev.arazzo.codegen.model.WorkflowModel.ActionType;
import dev.arazzo.codegen.model.WorkflowModel.StepModel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The step graph of a workflow's run loop, as the generated {@code execute} walks it: which steps can
 * follow which, on success and on failure. It tells the emitters where a step's result is certainly
 * set, so that the generated code checks for null only where a null can occur.
 */
final class RunFlow {

    /** Where the run loop ends with outputs (the steps ran out, an {@code end} action, a workflow goto). */
    private static final int EXIT = -1;

    private final WorkflowModel workflow;

    RunFlow(WorkflowModel workflow) {
        this.workflow = workflow;
    }

    /** A step's success actions, then its failure actions. */
    static List<ActionModel> actions(StepModel step) {
        List<ActionModel> all = new ArrayList<>(step.onSuccess());
        all.addAll(step.onFailure());
        return all;
    }

    /** Whether step {@code read} has succeeded, and so set its result, whenever step {@code at} runs. */
    boolean succeededBefore(String read, StepModel at) {
        return !reachableWithout(read).contains(index(at.stepId()));
    }

    /** Whether step {@code read} has succeeded whenever the run completes or ends with outputs. */
    boolean succeededAtExit(String read) {
        return !reachableWithout(read).contains(EXIT);
    }

    /** The steps (and {@link #EXIT}) that the run can reach without step {@code stepId} succeeding. */
    private Set<Integer> reachableWithout(String stepId) {
        Set<Integer> reached = new HashSet<>();
        Deque<Integer> pending = new ArrayDeque<>();
        if (!workflow.steps().isEmpty()) {
            pending.add(0);
        }
        while (!pending.isEmpty()) {
            int step = pending.poll();
            if (!reached.add(step) || step == EXIT) {
                continue;
            }
            StepModel model = workflow.steps().get(step);
            if (!model.stepId().equals(stepId)) {
                pending.addAll(afterSuccess(step));
            }
            pending.addAll(afterFailure(step));
        }
        return reached;
    }

    /** What may run after step {@code index} succeeded: its success actions' targets, else the next step. */
    private List<Integer> afterSuccess(int index) {
        StepModel step = workflow.steps().get(index);
        List<Integer> next = new ArrayList<>();
        step.onSuccess().forEach(action -> next.addAll(targets(step, action)));
        next.add(index + 1 < workflow.steps().size() ? index + 1 : EXIT);
        if (workflow.resumes()) {
            // a retry that ran another step first resumes at the retried step after some later success
            for (int i = 0; i < workflow.steps().size(); i++) {
                StepModel retried = workflow.steps().get(i);
                if (actions(retried).stream().anyMatch(a -> a.type() == ActionType.RETRY && a.stepId() != null)) {
                    next.add(i);
                }
            }
        }
        return next;
    }

    /** What may run after step {@code index} failed: its failure actions' targets (else the run fails). */
    private List<Integer> afterFailure(int index) {
        StepModel step = workflow.steps().get(index);
        List<Integer> next = new ArrayList<>();
        step.onFailure().forEach(action -> next.addAll(targets(step, action)));
        return next;
    }

    private List<Integer> targets(StepModel step, ActionModel action) {
        return switch (action.type()) {
            case END -> List.of(EXIT);
            case GOTO -> action.workflow() != null ? List.of(EXIT) : stepIndex(action.stepId());
            case RETRY -> action.stepId() == null ? List.of(index(step.stepId())) : stepIndex(action.stepId());
        };
    }

    /** The step of that id, or nothing (a missing step: taking the action fails the run). */
    private List<Integer> stepIndex(String stepId) {
        int index = index(stepId);
        return index < 0 ? List.of() : List.of(index);
    }

    private int index(String stepId) {
        for (int i = 0; i < workflow.steps().size(); i++) {
            if (workflow.steps().get(i).stepId().equals(stepId)) {
                return i;
            }
        }
        return -2;
    }
}
