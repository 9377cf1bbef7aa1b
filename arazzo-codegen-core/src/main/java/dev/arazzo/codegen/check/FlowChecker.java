package dev.arazzo.codegen.check;

import dev.arazzo.codegen.diagnostic.Diagnostics;
import dev.arazzo.codegen.load.ArazzoDocument;
import dev.arazzo.codegen.bind.BoundDocument;
import dev.arazzo.codegen.bind.BoundDocument.ActionKind;
import dev.arazzo.codegen.bind.BoundDocument.BoundAction;
import dev.arazzo.codegen.bind.BoundDocument.BoundStep;
import dev.arazzo.codegen.bind.BoundDocument.BoundWorkflow;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Warns about control flow that cannot be what the author meant:
 * <ul>
 * <li>{@code unreachable-step}: no path from the first step reaches the step, through the next step in
 *     order, goto and retry {@code stepId}s. A step after one whose success always ends the workflow or
 *     goes elsewhere (an {@code end} or {@code goto} action without criteria) is reached only by a goto.
 * <li>{@code goto-cycle}: steps that, once entered, go round forever whenever they succeed, because no
 *     action on the way has criteria; only the step budget stops such a workflow.
 * </ul>
 *
 * <p>On success the first action whose criteria all hold wins (the step's own, then the workflow's that
 * the step does not override by name); when none holds, the next step runs. A failure never falls
 * through to the next step. Unknown targets are errors reported by {@link WorkflowChecker}; here they
 * are ignored.
 */
public final class FlowChecker {

    private final ArazzoDocument document;
    private final Diagnostics diagnostics;

    private FlowChecker(ArazzoDocument document, Diagnostics diagnostics) {
        this.document = document;
        this.diagnostics = diagnostics;
    }

    public static void check(BoundDocument bound, Diagnostics diagnostics) {
        FlowChecker checker = new FlowChecker(bound.document(), diagnostics);
        for (BoundWorkflow workflow : bound.workflows()) {
            checker.check(workflow);
        }
    }

    private void check(BoundWorkflow workflow) {
        List<BoundStep> steps = workflow.steps();
        if (steps.isEmpty()) {
            return;
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            index.putIfAbsent(steps.get(i).stepId(), i);
        }
        reportUnreachable(workflow, steps, index);
        reportCycles(workflow, steps, index);
    }

    private void reportUnreachable(BoundWorkflow workflow, List<BoundStep> steps, Map<String, Integer> index) {
        boolean[] reached = new boolean[steps.size()];
        Deque<Integer> pending = new ArrayDeque<>(List.of(0));
        while (!pending.isEmpty()) {
            int i = pending.pop();
            if (reached[i]) {
                continue;
            }
            reached[i] = true;
            BoundStep step = steps.get(i);
            if (i + 1 < steps.size() && leaving(successActions(workflow, step)) == null) {
                pending.push(i + 1);
            }
            for (List<BoundAction> actions : List.of(successActions(workflow, step), failureActions(workflow, step))) {
                for (BoundAction action : actions) {
                    ActionKind kind = action.kind();
                    if (kind == ActionKind.RETRY && action.stepId() == null && action.action().workflowId() == null) {
                        continue; // retries this step
                    }
                    if ((kind == ActionKind.GOTO || kind == ActionKind.RETRY) && action.stepId() != null
                            && index.containsKey(action.stepId())) {
                        pending.push(index.get(action.stepId()));
                    }
                }
            }
        }
        for (int i = 1; i < steps.size(); i++) {
            if (reached[i]) {
                continue;
            }
            BoundStep step = steps.get(i);
            BoundStep previous = steps.get(i - 1);
            BoundAction leaving = leaving(successActions(workflow, previous));
            String why;
            if (reached[i - 1] && leaving != null) {
                why = "step '" + previous.stepId() + "' before it always " + (leaving.kind() == ActionKind.END
                        ? "ends the workflow" : "goes to " + target(leaving)) + " when it succeeds (action '"
                        + leaving.name() + "' has no criteria) and no goto or retry names '" + step.stepId()
                        + "'; give action '" + leaving.name() + "' criteria, go to '" + step.stepId()
                        + "' from another step, or remove it";
            } else {
                why = "no step that can run goes to it; go to '" + step.stepId() + "' from a step that runs, or remove it";
            }
            diagnostics.warning("unreachable-step", document.locate(step.pointer() + "/stepId"), "step '"
                    + step.stepId() + "' can never run: " + why);
        }
    }

    /**
     * Every step has at most one forced successor: the step its success always leads to. A cycle of forced
     * successors that contains a goto is a loop no criteria can leave.
     */
    private void reportCycles(BoundWorkflow workflow, List<BoundStep> steps, Map<String, Integer> index) {
        int[] forced = new int[steps.size()];
        BoundAction[] via = new BoundAction[steps.size()];
        for (int i = 0; i < steps.size(); i++) {
            forced[i] = -1;
            List<BoundAction> actions = successActions(workflow, steps.get(i));
            if (actions.isEmpty()) {
                forced[i] = i + 1 < steps.size() ? i + 1 : -1;
                continue;
            }
            BoundAction first = actions.get(0);
            if (first.action().criteria().isEmpty() && first.kind() == ActionKind.GOTO
                    && first.action().workflowId() == null
                    && first.stepId() != null && index.containsKey(first.stepId())) {
                forced[i] = index.get(first.stepId());
                via[i] = first;
            }
        }
        Set<Integer> reported = new HashSet<>();
        for (int start = 0; start < steps.size(); start++) {
            List<Integer> path = new ArrayList<>();
            Set<Integer> onPath = new LinkedHashSet<>();
            int current = start;
            while (current >= 0 && onPath.add(current)) {
                path.add(current);
                current = forced[current];
            }
            if (current < 0) {
                continue;
            }
            List<Integer> cycle = path.subList(path.indexOf(current), path.size());
            int first = cycle.stream().min(Integer::compare).orElseThrow();
            if (!reported.add(first)) {
                continue;
            }
            int gotoAt = cycle.stream().filter(i -> via[i] != null).min(Integer::compare).orElse(-1);
            if (gotoAt < 0) {
                continue;
            }
            List<String> loop = new ArrayList<>();
            int at = first;
            do {
                loop.add("'" + steps.get(at).stepId() + "'");
                at = forced[at];
            } while (at != first);
            loop.add("'" + steps.get(first).stepId() + "'");
            BoundAction action = via[gotoAt];
            diagnostics.warning("goto-cycle", document.locate(action.action().pointer() + "/stepId"), "steps "
                    + String.join(" -> ", loop) + " go round forever while they succeed: no action on the way has "
                    + "criteria, so only the step budget stops the workflow; give action '" + action.name()
                    + "' criteria, or add an 'end' action with criteria before it");
        }
    }

    /** The first success action without criteria that leaves the sequence (end, or goto anywhere); null if none. */
    private static BoundAction leaving(List<BoundAction> actions) {
        for (BoundAction action : actions) {
            if (action.action().criteria().isEmpty()
                    && (action.kind() == ActionKind.END || action.kind() == ActionKind.GOTO)) {
                return action;
            }
        }
        return null;
    }

    private static String target(BoundAction action) {
        return action.stepId() != null ? "step '" + action.stepId() + "'"
                : "workflow '" + action.action().workflowId() + "'";
    }

    private static List<BoundAction> successActions(BoundWorkflow workflow, BoundStep step) {
        return merged(step.onSuccess(), workflow.successActions());
    }

    private static List<BoundAction> failureActions(BoundWorkflow workflow, BoundStep step) {
        return merged(step.onFailure(), workflow.failureActions());
    }

    /** The step's actions, then the workflow's that the step does not override by name. */
    private static List<BoundAction> merged(List<BoundAction> own, List<BoundAction> inherited) {
        List<BoundAction> merged = new ArrayList<>(own);
        Set<String> names = new HashSet<>();
        own.forEach(a -> names.add(a.name()));
        inherited.stream().filter(a -> !names.contains(a.name())).forEach(merged::add);
        return merged;
    }
}
