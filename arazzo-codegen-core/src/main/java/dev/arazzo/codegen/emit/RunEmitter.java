package dev.arazzo.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.arazzo.codegen.emit.StepEmitter.StepHelpers;
import dev.arazzo.codegen.expression.RuntimeExpression;
import dev.arazzo.codegen.model.WorkflowModel;
import dev.arazzo.codegen.model.WorkflowModel.ActionModel;
import dev.arazzo.codegen.model.WorkflowModel.ActionType;
import dev.arazzo.codegen.model.WorkflowModel.DependencyModel;
import dev.arazzo.codegen.model.WorkflowModel.OutputModel;
import dev.arazzo.codegen.model.WorkflowModel.StepDependencyModel;
import dev.arazzo.codegen.model.WorkflowModel.StepModel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import javax.lang.model.element.Modifier;

/**
 * Emits {@code run(Inputs)} and {@code execute(Inputs)}: the workflow's control flow as a loop over the
 * private {@code Step} enum, with each step's success and failure actions ({@code end}, {@code goto},
 * {@code retry}), the step budget, idempotency tokens kept across retries, and the outputs.
 */
final class RunEmitter {

    private final EmitContext context;
    private final WorkflowModel workflow;
    private final WorkflowNames names;
    private final RuntimeTypes runtime;
    private final Map<String, StepHelpers> helpers;
    private final RunFlow flow;
    private final ActionEmitter actions;
    private final Set<String> kept;

    RunEmitter(EmitContext context, Map<String, StepHelpers> helpers) {
        this.context = context;
        this.workflow = context.workflow();
        this.names = context.names();
        this.runtime = context.runtime();
        this.helpers = helpers;
        this.flow = new RunFlow(workflow);
        this.actions = new ActionEmitter(context);
        this.kept = keptResults();
    }

    MethodSpec run() {
        ClassName failed = names.failed();
        return MethodSpec.methodBuilder("run")
                .addModifiers(Modifier.PUBLIC)
                .returns(names.outputs())
                .addParameter(names.inputs(), "inputs")
                .addJavadoc("Runs the workflow: each step's request, its success criteria, and its success\n"
                        + "and failure actions ({@code end}, {@code goto}, {@code retry}).\n\n"
                        + "@param inputs the workflow's inputs\n"
                        + "@return the workflow's outputs; outputs of steps that did not run are null\n"
                        + "@throws $T when a step fails and no failure action handles it\n"
                        + "@throws $T when a request cannot be sent or its response not read\n"
                        + "@throws $T when the workflow runs more steps than the builder allows\n",
                        runtime.stepFailedException(), runtime.workflowTransportException(),
                        runtime.workflowException())
                .addStatement("$T result = execute(inputs)", names.result())
                .beginControlFlow("if (result instanceof $T completed)", names.completed())
                .addStatement("return completed.outputs()")
                .endControlFlow()
                .beginControlFlow("if (result instanceof $T ended)", names.ended())
                .addStatement("return ended.outputs()")
                .endControlFlow()
                .addStatement("$T failed = ($T) result", failed, failed)
                .addStatement("throw new $T(failed.stepId(), failed.statusCode(), failed.failedCriterion(),$W"
                        + "failed.bodyExcerpt())", runtime.stepFailedException())
                .build();
    }

    MethodSpec execute() {
        MethodSpec.Builder execute = MethodSpec.methodBuilder("execute")
                .addModifiers(Modifier.PUBLIC)
                .returns(names.result())
                .addParameter(names.inputs(), "inputs")
                .addJavadoc("Runs the workflow like {@link #run}, but returns a failed step as a\n"
                        + "{@link Failed} result instead of throwing.\n\n"
                        + "@param inputs the workflow's inputs\n"
                        + "@return how the run turned out\n"
                        + "@throws $T when a request cannot be sent or its response not read\n"
                        + "@throws $T when the workflow runs more steps than the builder allows\n",
                        runtime.workflowTransportException(), runtime.workflowException());
        execute.addStatement("$T.requireNonNull(inputs, $S)", Objects.class, "inputs");
        boolean opensRun = workflow.steps().stream().flatMap(step -> step.dependsOn().stream())
                .anyMatch(dependency -> !dependency.local());
        if (opensRun) {
            // the workflows this one runs record their steps' completion in the run, for its dependsOn
            execute.addStatement("$T runScope = $T.open()", runtime.completedSteps().nestedClass("Scope"),
                    runtime.completedSteps());
            execute.beginControlFlow("try");
        }
        CodeBlock subscribe = MessageStepEmitter.needed(workflow) ? new MessageStepEmitter(context).openRun() : null;
        if (subscribe != null) {
            // before the first step: a reply that comes before its receive step begins is kept for it
            execute.addStatement(subscribe);
            execute.beginControlFlow("try");
        }
        execute.addCode(dependencies());
        execute.addCode(declarations());
        execute.addCode(loop());
        execute.addCode(outputs());
        if (subscribe != null) {
            execute.nextControlFlow("finally");
            execute.addStatement("messages.close()");
            execute.endControlFlow();
        }
        if (opensRun) {
            execute.nextControlFlow("finally");
            execute.addStatement("runScope.close()");
            execute.endControlFlow();
        }
        return execute.build();
    }

    /** The workflows this one depends on run first (their failure is this run's); the others' outputs. */
    private CodeBlock dependencies() {
        CodeBlock.Builder code = CodeBlock.builder();
        for (DependencyModel dependency : workflow.dependencies()) {
            ClassName outputs = StepEmitter.outputsOf(dependency.callee());
            String variable = names.variable(dependency);
            if (dependency.stepId() != null) {
                code.addStatement("$T $N = null", outputs, variable);
                continue;
            }
            code.addStatement("$T $N", outputs, variable);
            code.beginControlFlow("try");
            code.addStatement("$N = $N.run($Z$L)", variable, dependency.callee().fieldName(),
                    CalleeInputsEmitter.call(workflow, dependency.callee(), () -> CodeBlock.of("inputs")));
            code.nextControlFlow("catch ($T e)", runtime.stepFailedException());
            code.addStatement("return new $T(e.stepId(), e.statusCode(), e.failedCriterion(), e.bodyExcerpt())",
                    names.failed());
            code.endControlFlow();
        }
        return code.build();
    }

    /** The loop's state: the results kept, retry counters, idempotency tokens, the step budget, the next step. */
    private CodeBlock declarations() {
        CodeBlock.Builder code = CodeBlock.builder();
        for (StepModel step : workflow.steps()) {
            if (kept.contains(step.stepId())) {
                code.addStatement("$T $N = null", step.resultType(), names.variable(step));
            }
        }
        for (StepModel step : workflow.steps()) {
            for (ActionModel action : RunFlow.actions(step)) {
                String counter = names.retries(step, action);
                if (action.type() == ActionType.RETRY && actions.declareCounter(counter)) {
                    code.addStatement("int $N = 0", counter);
                }
            }
        }
        for (StepModel step : workflow.steps()) {
            if (context.idempotency(step) != null) {
                code.addStatement("$T $N = null", String.class, names.token(step));
            }
        }
        code.addStatement("int executions = 0");
        if (actions.ends()) {
            code.addStatement("$T endedAt = null", String.class);
        }
        if (workflow.resumes()) {
            code.addStatement("$T resume = null", names.stepEnum());
        }
        if (workflow.steps().isEmpty()) {
            code.addStatement("$T next = null", names.stepEnum());
        } else {
            code.addStatement("$T next = $T.$N", names.stepEnum(), names.stepEnum(),
                    names.constant(workflow.steps().get(0)));
        }
        return code.build();
    }

    private CodeBlock loop() {
        CodeBlock.Builder code = CodeBlock.builder();
        code.beginControlFlow("while (next != null)");
        code.beginControlFlow("if (++executions > maxStepExecutions)");
        code.addStatement("throw new $T($L$W+ maxStepExecutions + $S)", runtime.workflowException(),
                Literals.string("workflow '" + workflow.workflowId() + "' ran more than "),
                " steps; is a goto looping?");
        code.endControlFlow();
        code.beginControlFlow("switch (next)");
        for (int i = 0; i < workflow.steps().size(); i++) {
            StepModel step = workflow.steps().get(i);
            StepModel following = i + 1 < workflow.steps().size() ? workflow.steps().get(i + 1) : null;
            code.beginControlFlow("case $N ->", names.constant(step));
            code.add(stepCase(step, following));
            code.endControlFlow();
        }
        code.endControlFlow();
        code.endControlFlow();
        return code.build();
    }

    /** One step of the loop: checks that what it reads is there, runs it, then takes its actions. */
    private CodeBlock stepCase(StepModel step, StepModel following) {
        CodeBlock.Builder code = CodeBlock.builder();
        code.add(guards(step));
        StepHelpers methods = helpers.get(step.stepId());
        if (step.callsWorkflow()) {
            boolean read = readsCalled(step, methods);
            if (read) {
                code.addStatement("$T called = null", StepEmitter.outputsOf(step.workflowCall().callee()));
            }
            code.addStatement("$T failure", String.class);
            code.beginControlFlow("try");
            code.addStatement(read ? CodeBlock.of("called = $L", methods.send().call()) : methods.send().call());
            for (DependencyModel dependency : workflow.dependencies()) {
                if (dependency.setBy(step.stepId())) {
                    // from here on $workflows.<id>.outputs are this run's, whatever its criteria say
                    code.addStatement("$N = called", names.variable(dependency));
                }
            }
            code.addStatement("failure = $L", methods.failure() == null ? "null" : methods.failure().call());
            if (step.timeoutMillis() != null) {
                // the called run was aborted at the step's timeout: the step fails as a timed-out exchange does
                code.nextControlFlow("catch ($T e)", runtime.stepTimeoutException());
                code.addStatement("failure = e.failedCriterion()");
            }
            code.nextControlFlow("catch ($T e)", runtime.workflowException());
            code.addStatement("failure = $L$W+ e.getMessage()",
                    Literals.string("workflow '" + step.workflowCall().callee().workflowId() + "' failed: "));
            code.endControlFlow();
        } else {
            String token = context.idempotency(step) == null ? null : names.token(step);
            if (token != null) {
                // one token per execution of the step, the same on its retries
                code.beginControlFlow("if ($N == null)", token);
                code.addStatement("$N = $T.randomUUID().toString()", token, UUID.class);
                code.endControlFlow();
            }
            CodeBlock send = methods.send().call(name ->
                    CodeBlock.of("$N", name.equals(StepEmitter.TOKEN) ? token : name));
            if (StepEmitter.isMessage(step) && methods.failure() == null && !StepEmitter.isReceive(step)) {
                // a send without success criteria is done once the transport took the message
                if (methods.result() != null && methods.result().takes("exchange")) {
                    code.addStatement("$T exchange = $L", runtime.messageExchange(), send);
                } else {
                    code.addStatement(send);
                }
                code.add(succeeded(step, following));
                return code.build();
            }
            code.addStatement("$T exchange = $L", StepEmitter.isMessage(step) ? runtime.messageExchange()
                    : runtime.httpExchange(), send);
            code.addStatement("$T failure = $L", String.class, StepEmitter.failureCheck(step, methods));
        }
        code.beginControlFlow("if (failure == null)");
        code.add(succeeded(step, following));
        code.nextControlFlow("else");
        code.add(actions.chain(step, step.onFailure(), CodeBlock.of("return $L;\n",
                StepEmitter.failure(step, names.failed())), true));
        code.endControlFlow();
        return code.build();
    }

    /** Whether anything reads the outputs of the workflow a step called: its criteria, its result, a step. */
    private boolean readsCalled(StepModel step, StepHelpers methods) {
        return methods.failure() != null && methods.failure().takes("called")
                || kept.contains(step.stepId()) && methods.result() != null && methods.result().takes("called")
                || workflow.dependencies().stream().anyMatch(d -> d.setBy(step.stepId()));
    }

    /**
     * The checks that the results a step reads were produced, where the step graph does not prove it; then
     * that the steps it depends on completed (else it fails without running).
     */
    private CodeBlock guards(StepModel step) {
        CodeBlock.Builder code = CodeBlock.builder();
        for (StepDependencyModel dependency : step.dependsOn()) {
            if (dependency.local() && flow.succeededBefore(dependency.stepId(), step)) {
                continue;
            }
            CodeBlock missing = dependency.local()
                    ? CodeBlock.of("$N == null", names.variable(workflow.step(dependency.stepId()).orElseThrow()))
                    : CodeBlock.of("!$T.contains($T.class, $L)", runtime.completedSteps(), dependency.workflow(),
                            Literals.string(dependency.stepId()));
            String which = dependency.local() ? "step '" + dependency.stepId() + "'"
                    : "step '" + dependency.stepId() + "' of workflow '" + dependency.workflowId() + "'";
            code.beginControlFlow("if ($L)", missing);
            code.addStatement("return new $T($L, 0,$W$L, $S)", names.failed(),
                    Literals.string(step.stepId()), Literals.string(
                    "dependsOn: " + which + " has not completed in this run"), "");
            code.endControlFlow();
        }
        for (String read : step.reads()) {
            // its own outputs of an earlier execution are null the first time
            if (!read.equals(step.stepId()) && !flow.succeededBefore(read, step)) {
                code.beginControlFlow("if ($N == null)", names.variable(workflow.step(read).orElseThrow()));
                code.addStatement("throw new $T($L)", runtime.workflowException(), Literals.string("step '"
                        + step.stepId() + "' reads the outputs of step '" + read + "', which has not run"));
                code.endControlFlow();
            }
        }
        for (String read : step.readsWorkflows()) {
            DependencyModel dependency = workflow.dependency(read).orElseThrow();
            if (dependency.stepId() != null && !calledBefore(dependency, step)) {
                code.beginControlFlow("if ($N == null)", names.variable(dependency));
                code.addStatement("throw new $T($L)", runtime.workflowException(), Literals.string("step '"
                        + step.stepId() + "' reads the outputs of workflow '" + read + "', which has not run"));
                code.endControlFlow();
            }
        }
        return code.build();
    }

    /** After a step met its criteria: keep what is read later, then its success actions, else the next step. */
    private CodeBlock succeeded(StepModel step, StepModel following) {
        CodeBlock.Builder code = CodeBlock.builder();
        if (kept.contains(step.stepId())) {
            code.addStatement("$N = $L", names.variable(step), StepEmitter.result(step, helpers.get(step.stepId())));
        }
        if (step.recorded()) {
            code.addStatement("$T.record($T.class, $L)", runtime.completedSteps(), workflow.className(),
                    Literals.string(step.stepId()));
        }
        if (context.idempotency(step) != null) {
            code.addStatement("$N = null", names.token(step));
        }
        CodeBlock next = following == null
                ? CodeBlock.of("null")
                : CodeBlock.of("$T.$N", names.stepEnum(), names.constant(following));
        CodeBlock proceed = workflow.resumes()
                ? CodeBlock.of("next = resume != null ? resume : $L;\nresume = null;\n", next)
                : CodeBlock.of("next = $L;\n", next);
        code.add(actions.chain(step, step.onSuccess(), proceed, false));
        return code.build();
    }

    private CodeBlock outputs() {
        CodeBlock.Builder code = CodeBlock.builder();
        List<CodeBlock> values = new ArrayList<>();
        for (OutputModel output : workflow.outputs()) {
            values.add(workflowOutput(output));
        }
        if (values.isEmpty()) {
            code.addStatement("$T outputs = new $T()", names.outputs(), names.outputs());
        } else {
            code.addStatement("$T outputs = new $T(\n$L)", names.outputs(), names.outputs(),
                    CodeBlock.join(values, ",\n"));
        }
        if (actions.ends()) {
            code.addStatement("return endedAt == null ? new $T(outputs) : new $T(endedAt, outputs)",
                    names.completed(), names.ended());
        } else {
            code.addStatement("return new $T(outputs)", names.completed());
        }
        return code.build();
    }

    /**
     * Whether the outputs of a workflow that only steps run are set when {@code step} reads them: a step
     * that calls it has succeeded before, or {@code step} calls it itself and reads it only after the call.
     */
    private boolean calledBefore(DependencyModel dependency, StepModel step) {
        if (dependency.setBy(step.stepId()) && !StepEmitter.readsBeforeCall(step, dependency)) {
            return true;
        }
        return dependency.callers().stream().anyMatch(caller -> flow.succeededBefore(caller, step));
    }

    private CodeBlock workflowOutput(OutputModel output) {
        ExpressionCompiler compiler = context.compiler(null);
        CodeBlock value = compiler.converted(output.value(), output.type());
        if (output.value().read() instanceof RuntimeExpression.WorkflowValue read) {
            DependencyModel dependency = workflow.dependency(read.workflowId()).orElseThrow();
            if (dependency.stepId() != null
                    && dependency.callers().stream().noneMatch(caller -> flow.succeededAtExit(caller))) {
                return CodeBlock.of("$N == null ? null : $L", names.variable(dependency), value);
            }
        }
        if (output.value().read() instanceof RuntimeExpression.StepOutput read && !flow.succeededAtExit(read.stepId())) {
            StepModel step = workflow.step(read.stepId()).orElseThrow();
            return CodeBlock.of("$N == null ? null : $L", names.variable(step), value);
        }
        return value;
    }

    /** The steps whose results {@code execute} keeps: those that other steps or the workflow's outputs read. */
    private Set<String> keptResults() {
        Set<String> kept = new LinkedHashSet<>();
        workflow.steps().forEach(step -> kept.addAll(step.reads()));
        for (StepModel step : workflow.steps()) {
            // a step that another depends on: its result, null until it completed, says whether it did
            step.dependsOn().stream().filter(d -> d.local() && !flow.succeededBefore(d.stepId(), step))
                    .forEach(d -> kept.add(d.stepId()));
        }
        for (OutputModel output : workflow.outputs()) {
            if (output.value().read() instanceof RuntimeExpression.StepOutput read) {
                kept.add(read.stepId());
            }
        }
        return kept;
    }
}
