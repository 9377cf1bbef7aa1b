package dev.arazzo.codegen.emit;

import com.palantir.javapoet.CodeBlock;
import dev.arazzo.codegen.model.CalleeInputs;
import dev.arazzo.codegen.model.WorkflowModel;
import dev.arazzo.codegen.model.WorkflowModel.ActionModel;
import dev.arazzo.codegen.model.WorkflowModel.ActionType;
import dev.arazzo.codegen.model.WorkflowModel.CallInput;
import dev.arazzo.codegen.model.WorkflowModel.CalleeModel;
import dev.arazzo.codegen.model.WorkflowModel.CriterionModel;
import dev.arazzo.codegen.model.WorkflowModel.InputModel;
import dev.arazzo.codegen.model.WorkflowModel.StepModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Emits a step's success or failure actions inside the run loop: an if / else-if chain in which the
 * first action whose criteria hold is taken, else what happens without one (the next step, or the
 * failed result). Actions that would do just that are left out.
 */
final class ActionEmitter {

    /** One link of the chain: its condition (null: always, or none taken before) and what it does. */
    private record Link(CodeBlock condition, CodeBlock body) {
    }

    private final EmitContext context;
    private final WorkflowModel workflow;
    private final WorkflowNames names;
    private final Set<String> counters = new HashSet<>();

    ActionEmitter(EmitContext context) {
        this.context = context;
        this.workflow = context.workflow();
        this.names = context.names();
    }

    /** Whether some action ends the workflow (the run loop then tracks where). */
    boolean ends() {
        return workflow.steps().stream().flatMap(step -> RunFlow.actions(step).stream())
                .anyMatch(action -> action.type() == ActionType.END);
    }

    /** Whether the retry counter {@code counter} still needs declaring (true the first time only). */
    boolean declareCounter(String counter) {
        return counters.add(counter);
    }

    /**
     * The chain of {@code actions} of {@code step}; {@code otherwise} (statements) runs when none is
     * taken. {@code failing}: these are failure actions.
     */
    CodeBlock chain(StepModel step, List<ActionModel> actions, CodeBlock otherwise, boolean failing) {
        List<ActionModel> taken = new ArrayList<>();
        for (ActionModel action : actions) {
            taken.add(action);
            if (always(action)) {
                break; // an action without criteria always matches: the chain ends here
            }
        }
        List<CodeBlock> bodies = new ArrayList<>(taken.stream().map(a -> body(step, a, failing)).toList());
        if (taken.isEmpty() || !always(taken.get(taken.size() - 1))) {
            bodies.add(otherwise);
        }
        // an action that does what the chain does anyway (a goto to the next step) needs no branch
        while (bodies.size() > 1 && bodies.get(bodies.size() - 2).equals(bodies.get(bodies.size() - 1))) {
            bodies.remove(bodies.size() - 2);
            taken.remove(bodies.size() - 1);
        }
        ExpressionCompiler compiler = context.compiler(step);
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            links.add(new Link(i < taken.size() ? condition(compiler, step, taken.get(i)) : null, bodies.get(i)));
        }
        return render(links);
    }

    /** Whether an action is taken whatever happened: it has no criteria and is no retry (which counts). */
    private static boolean always(ActionModel action) {
        return action.criteria().isEmpty() && action.type() != ActionType.RETRY;
    }

    /** The criteria of an action, and a retry's limit, joined by {@code &&}; null for an action always taken. */
    private CodeBlock condition(ExpressionCompiler compiler, StepModel step, ActionModel action) {
        List<CodeBlock> conditions = new ArrayList<>();
        for (CriterionModel criterion : action.criteria()) {
            conditions.add(context.criteria().criterion(compiler, criterion));
        }
        if (action.type() == ActionType.RETRY) {
            conditions.add(CodeBlock.of("$N < $L", names.retries(step, action), action.retryLimit()));
        }
        return conditions.isEmpty() ? null : CodeBlock.join(conditions, "$W&& ");
    }

    private static CodeBlock render(List<Link> links) {
        CodeBlock.Builder code = CodeBlock.builder();
        if (links.size() == 1) {
            return links.get(0).body();
        }
        for (int i = 0; i < links.size(); i++) {
            Link link = links.get(i);
            if (i == 0) {
                code.beginControlFlow("if ($L)", link.condition());
            } else if (link.condition() != null) {
                code.nextControlFlow("else if ($L)", link.condition());
            } else {
                code.nextControlFlow("else");
            }
            code.add(link.body());
        }
        return code.endControlFlow().build();
    }

    private CodeBlock body(StepModel step, ActionModel action, boolean failing) {
        CodeBlock.Builder code = CodeBlock.builder();
        if (failing && action.type() != ActionType.RETRY && context.idempotency(step) != null) {
            code.addStatement("$N = null", names.token(step)); // leaving the step: its next execution is new
        }
        switch (action.type()) {
            case END -> code.addStatement("endedAt = $L", Literals.string(step.stepId())).addStatement("next = null");
            case GOTO -> code.add(goTo(step, action));
            case RETRY -> code.add(retry(step, action));
        }
        return code.build();
    }

    private CodeBlock goTo(StepModel step, ActionModel action) {
        if (action.workflow() != null) {
            return CodeBlock.builder().addStatement(runWorkflow(step, action)).addStatement("next = null").build();
        }
        return workflow.step(action.stepId())
                .map(target -> CodeBlock.builder().addStatement("next = $T.$N", names.stepEnum(),
                        names.constant(target)).build())
                .orElseGet(() -> missingStep(step, action));
    }

    private CodeBlock retry(StepModel step, ActionModel action) {
        String counter = names.retries(step, action);
        CodeBlock.Builder code = CodeBlock.builder()
                .addStatement("$N++", counter)
                .addStatement("transport.pauseBeforeRetry($L,$W$L, $L,$W$N)", Literals.string(step.stepId()),
                        step.target() instanceof WorkflowModel.HttpCall ? "exchange" : "null", action.retryAfterSeconds(), counter);
        if (action.workflow() != null) {
            code.addStatement(runWorkflow(step, action));
        }
        if (action.stepId() == null) {
            return code.addStatement("next = $T.$N", names.stepEnum(), names.constant(step)).build();
        }
        return workflow.step(action.stepId())
                .map(target -> code.addStatement("resume = $T.$N", names.stepEnum(), names.constant(step))
                        .addStatement("next = $T.$N", names.stepEnum(), names.constant(target)).build())
                .orElseGet(() -> code.add(missingStep(step, action)).build());
    }

    /**
     * {@code shop.run(shopInputs(inputs))}: a workflow an action runs, with this one's inputs by name; an
     * action with {@code parameters} (1.1) builds the inputs here, its own values over those by name.
     */
    private CodeBlock runWorkflow(StepModel step, ActionModel action) {
        CalleeModel callee = action.workflow();
        if (action.inputs().isEmpty()) {
            return CodeBlock.of("$N.run($L)", callee.fieldName(),
                    CalleeInputsEmitter.call(workflow, callee, () -> CodeBlock.of("inputs")));
        }
        ExpressionCompiler compiler = context.compiler(step);
        CodeBlock.Builder inputs = CodeBlock.builder().add("$T.builder()", StepEmitter.inputsOf(callee));
        for (InputModel input : callee.inputs()) {
            Optional<CallInput> passed = action.inputs().stream()
                    .filter(given -> given.input().name().equals(input.name())).findFirst();
            if (passed.isPresent()) {
                inputs.add("\n.$N($L)", input.javaName(), compiler.convertedValue(passed.get().value(), input.type()));
            } else {
                CalleeInputs.matching(workflow.inputs(), input).ifPresent(own -> inputs.add("\n.$N($L)",
                        input.javaName(), compiler.converted(CodeBlock.of("inputs.$N()", own.javaName()), own.type(),
                                input.type())));
            }
        }
        return CodeBlock.of("$N.run($L)", callee.fieldName(), inputs.add("\n.build()").build());
    }

    /** An action whose step does not exist (a warning at build time) fails the run when it is taken. */
    private CodeBlock missingStep(StepModel step, ActionModel action) {
        return CodeBlock.builder().addStatement("throw new $T($L)", context.runtime().workflowException(),
                Literals.string("action '" + action.name() + "' of step '" + step.stepId() + "' goes to step '"
                        + action.stepId() + "', which workflow '" + workflow.workflowId() + "' does not have"))
                .build();
    }
}
