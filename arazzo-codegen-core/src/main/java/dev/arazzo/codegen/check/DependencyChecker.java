package dev.arazzo.codegen.check;

import dev.arazzo.codegen.bind.BoundDocument;
import dev.arazzo.codegen.bind.BoundDocument.BoundAction;
import dev.arazzo.codegen.bind.BoundDocument.BoundCriterion;
import dev.arazzo.codegen.bind.BoundDocument.BoundStep;
import dev.arazzo.codegen.bind.BoundDocument.BoundValue;
import dev.arazzo.codegen.bind.BoundDocument.BoundWorkflow;
import dev.arazzo.codegen.bind.StepDependencies;
import dev.arazzo.codegen.bind.StepDependencies.Target;
import dev.arazzo.codegen.bind.WorkflowTarget;
import dev.arazzo.codegen.diagnostic.Diagnostics;
import dev.arazzo.codegen.diagnostic.SourceLocation;
import dev.arazzo.codegen.expression.RuntimeExpression;
import dev.arazzo.codegen.expression.RuntimeExpressionParser.TemplatePart;
import dev.arazzo.codegen.load.ArazzoDocument;
import dev.arazzo.codegen.load.ArazzoDocument.Step;
import dev.arazzo.codegen.load.ArazzoDocument.Workflow;
import dev.arazzo.codegen.load.Suggestions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the Arazzo 1.1 step fields {@code timeout} and {@code dependsOn}.
 *
 * <ul>
 * <li>{@code invalid-field}: a timeout that is not a positive number of milliseconds.
 * <li>{@code unknown-step}, {@code unknown-workflow}, {@code unknown-source}: a dependsOn entry that names
 *     nothing.
 * <li>{@code dependency-cycle}: steps that depend on each other, through dependsOn entries and the
 *     outputs they read ({@code $steps.x.outputs}), so that no order runs each after what it needs.
 * <li>{@code dependency-order}: a step that depends on a step of its workflow that cannot have completed
 *     before it: the generated client runs steps in the order written (and by goto and retry), it does not
 *     reorder them.
 * <li>{@code dependency-not-run}: a step that depends on a step of another workflow that this workflow
 *     never runs (through its dependsOn, a step or an action), so that the dependency can never hold.
 * </ul>
 * The forward reference the specification asks tools to report (a step reading the outputs of a later
 * step) is {@link WorkflowChecker}'s {@code step-not-run}.
 */
public final class DependencyChecker {

    private final BoundDocument bound;
    private final ArazzoDocument document;
    private final Diagnostics diagnostics;

    private DependencyChecker(BoundDocument bound, Diagnostics diagnostics) {
        this.bound = bound;
        this.document = bound.document();
        this.diagnostics = diagnostics;
    }

    /** Checks the timeouts and step dependencies of every workflow of {@code bound}. */
    public static void check(BoundDocument bound, Diagnostics diagnostics) {
        DependencyChecker checker = new DependencyChecker(bound, diagnostics);
        bound.workflows().forEach(checker::check);
    }

    private void check(BoundWorkflow workflow) {
        for (BoundStep step : workflow.steps()) {
            timeout(step);
        }
        Map<String, List<Target>> explicit = new LinkedHashMap<>();
        for (BoundStep step : workflow.steps()) {
            List<Target> targets = new ArrayList<>();
            for (Target target : StepDependencies.of(bound, workflow.workflow(), step.step())) {
                if (resolved(workflow, step, target)) {
                    targets.add(target);
                }
            }
            explicit.put(step.stepId(), targets);
        }
        Map<String, Set<String>> needs = new LinkedHashMap<>();
        for (BoundStep step : workflow.steps()) {
            Set<String> edges = needs.computeIfAbsent(step.stepId(), k -> new LinkedHashSet<>());
            explicit.get(step.stepId()).stream().filter(Target::local).forEach(t -> edges.add(t.stepId()));
            edges.addAll(implicit(step));
            edges.remove(step.stepId());
        }
        StepGraph graph = new StepGraph(workflow.workflow());
        Set<WorkflowTarget> runs = runs(workflow);
        for (BoundStep step : workflow.steps()) {
            for (Target target : explicit.get(step.stepId())) {
                if (target.local()) {
                    local(workflow, step, target, needs, graph);
                } else if (runs.stream().noneMatch(w -> w.sameAs(target.workflow().document(),
                        target.workflow().workflow()))) {
                    diagnostics.error("dependency-not-run", at(target.pointer()), "step '" + step.stepId()
                            + "' depends on step '" + target.stepId() + "' of workflow '"
                            + target.workflow().workflow().workflowId() + "', which workflow '"
                            + workflow.workflowId() + "' never runs, so that step cannot have completed; run '"
                            + target.workflow().workflow().workflowId() + "' first (the workflow's dependsOn, or "
                            + "an earlier step that calls it)");
                }
            }
        }
    }

    private void timeout(BoundStep step) {
        Long timeout = step.step().timeout();
        if (timeout == null) {
            return;
        }
        if (timeout <= 0) {
            diagnostics.error("invalid-field", at(step.pointer() + "/timeout"), "timeout of step '" + step.stepId()
                    + "' is " + timeout + "; give a positive number of milliseconds");
        }
    }

    /** Reports an entry that names nothing; whether it names a step. */
    private boolean resolved(BoundWorkflow workflow, BoundStep step, Target target) {
        String who = "step '" + step.stepId() + "' depends on '" + target.reference() + "'";
        switch (target.problem()) {
            case NONE -> {
                return true;
            }
            case UNAVAILABLE_SOURCE -> {
                return false;
            }
            case UNKNOWN_SOURCE -> diagnostics.error("unknown-source", at(target.pointer()), who + ", but '"
                    + target.name() + "' is not an Arazzo source description of this document"
                    + Suggestions.didYouMean(target.name(), bound.sources().arazzo().keySet()));
            case UNKNOWN_WORKFLOW -> diagnostics.error("unknown-workflow", at(target.pointer()), who
                    + ", but there is no workflow '" + target.name() + "'");
            case UNKNOWN_STEP -> {
                Workflow owner = target.workflow().workflow();
                diagnostics.error("unknown-step", at(target.pointer()), who + ", but workflow '" + owner.workflowId()
                        + "' has no step '" + target.stepId() + "'" + Suggestions.didYouMean(target.stepId(),
                                owner.steps().stream().map(Step::stepId).toList()));
            }
            case INVALID -> diagnostics.error("invalid-expression", at(target.pointer()), who + "; write a stepId, "
                    + "$workflows.<workflowId>.steps.<stepId> or $sourceDescriptions.<name>.<workflowId>.steps.<stepId>");
        }
        return false;
    }

    private void local(BoundWorkflow workflow, BoundStep step, Target target, Map<String, Set<String>> needs,
            StepGraph graph) {
        if (target.stepId().equals(step.stepId())) {
            diagnostics.error("dependency-cycle", at(target.pointer()), "step '" + step.stepId()
                    + "' depends on itself; remove it from its own dependsOn");
            return;
        }
        List<String> cycle = path(needs, target.stepId(), step.stepId());
        if (cycle != null) {
            diagnostics.error("dependency-cycle", at(target.pointer()), "step '" + step.stepId() + "' depends on step '"
                    + target.stepId() + "', which needs step '" + step.stepId() + "' itself (" + step.stepId()
                    + " -> " + String.join(" -> ", cycle) + ", through dependsOn and the outputs read); no order "
                    + "runs each step after what it needs; remove one of these dependencies");
            return;
        }
        if (!graph.canRunBefore(target.stepId(), step.stepId())) {
            diagnostics.error("dependency-order", at(target.pointer()), "step '" + step.stepId() + "' depends on step '"
                    + target.stepId() + "', which cannot have completed before it: steps run in the order they are "
                    + "written (and by goto and retry), they are not reordered; move step '" + target.stepId()
                    + "' before step '" + step.stepId() + "' in workflow '" + workflow.workflowId() + "'");
        }
    }

    /** The steps from {@code from} to {@code to} along what each needs, or null when {@code to} is not reached. */
    private static List<String> path(Map<String, Set<String>> needs, String from, String to) {
        Map<String, String> cameFrom = new LinkedHashMap<>();
        Deque<String> pending = new ArrayDeque<>(List.of(from));
        Set<String> seen = new HashSet<>(List.of(from));
        while (!pending.isEmpty()) {
            String step = pending.poll();
            if (step.equals(to)) {
                List<String> path = new ArrayList<>();
                for (String at = to; at != null; at = cameFrom.get(at)) {
                    path.add(0, at);
                }
                return path;
            }
            for (String next : needs.getOrDefault(step, Set.of())) {
                if (seen.add(next)) {
                    cameFrom.put(next, step);
                    pending.add(next);
                }
            }
        }
        return null;
    }

    /** The workflows {@code workflow} runs: those it depends on, those its steps call, those actions go to. */
    private static Set<WorkflowTarget> runs(BoundWorkflow workflow) {
        Set<WorkflowTarget> runs = new LinkedHashSet<>();
        workflow.dependsOn().forEach(dependency -> runs.add(dependency.target()));
        List<BoundAction> actions = new ArrayList<>(workflow.successActions());
        actions.addAll(workflow.failureActions());
        for (BoundStep step : workflow.steps()) {
            runs.add(step.callee());
            actions.addAll(step.onSuccess());
            actions.addAll(step.onFailure());
        }
        actions.forEach(action -> runs.add(action.workflow()));
        runs.remove(null);
        return runs;
    }

    /** The steps whose outputs {@code step} reads ({@code $steps.x.outputs...}): its implicit dependencies. */
    private static Set<String> implicit(BoundStep step) {
        List<RuntimeExpression> read = new ArrayList<>();
        step.parameters().forEach(parameter -> values(parameter.value(), read));
        if (step.body() != null) {
            values(step.body().payload(), read);
            step.body().replacements().forEach(replacement -> values(replacement.value(), read));
        }
        step.successCriteria().forEach(criterion -> criterion(criterion, read));
        step.outputs().values().forEach(output -> read.add(output.expression()));
        Set<String> steps = new LinkedHashSet<>();
        for (RuntimeExpression expression : read) {
            if (expression.read() instanceof RuntimeExpression.StepOutput output) {
                steps.add(output.stepId());
            }
        }
        return steps;
    }

    private static void criterion(BoundCriterion criterion, List<RuntimeExpression> read) {
        if (criterion.context() != null) {
            read.add(criterion.context().expression());
        }
        if (criterion instanceof BoundDocument.SimpleCriterion simple && simple.condition() != null) {
            simple.condition().references().forEach(reference -> read.add(reference.expression()));
        }
    }

    private static void values(BoundValue value, List<RuntimeExpression> read) {
        if (value instanceof BoundDocument.ExpressionValue expression) {
            if (expression.expression() != null) {
                read.add(expression.expression().expression());
            }
        } else if (value instanceof BoundDocument.TemplateValue template) {
            for (TemplatePart part : template.parts()) {
                if (part instanceof TemplatePart.Embedded embedded) {
                    read.add(embedded.expression());
                }
            }
        } else if (value instanceof BoundDocument.ObjectValue object) {
            object.members().forEach(member -> values(member.value(), read));
        } else if (value instanceof BoundDocument.ArrayValue array) {
            array.elements().forEach(element -> values(element, read));
        }
    }

    private SourceLocation at(String pointer) {
        return document.locate(pointer);
    }
}
