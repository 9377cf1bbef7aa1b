package dev.arazzo.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.arazzo.codegen.model.CalleeInputs;
import dev.arazzo.codegen.model.WorkflowModel;
import dev.arazzo.codegen.model.WorkflowModel.ActionModel;
import dev.arazzo.codegen.model.WorkflowModel.CallInput;
import dev.arazzo.codegen.model.WorkflowModel.CalleeModel;
import dev.arazzo.codegen.model.WorkflowModel.InputModel;
import dev.arazzo.codegen.model.WorkflowModel.StepModel;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javax.lang.model.element.Modifier;

/**
 * Emits the private helpers that build the inputs of a workflow this one runs with its own inputs
 * matched by name and type ({@link CalleeInputs}, the one rule): workflows it depends on, and workflows
 * that actions run. (A step that calls a workflow without parameters gets the same inputs from the model.)
 */
final class CalleeInputsEmitter {

    private final EmitContext context;
    private final WorkflowModel workflow;

    CalleeInputsEmitter(EmitContext context) {
        this.context = context;
        this.workflow = context.workflow();
    }

    List<MethodSpec> methods() {
        Set<String> used = new LinkedHashSet<>();
        workflow.dependencies().forEach(d -> used.add(d.callee().fieldName()));
        for (StepModel step : workflow.steps()) {
            for (ActionModel action : RunFlow.actions(step)) {
                if (action.workflow() != null) {
                    used.add(action.workflow().fieldName());
                }
            }
        }
        return workflow.callees().stream().filter(c -> used.contains(c.fieldName())).map(this::method).toList();
    }

    /**
     * A call of the helper that builds {@code callee}'s inputs: {@code shopInputs(inputs)}, or
     * {@code shopInputs()} when no input of this workflow fills one of the callee's.
     */
    static CodeBlock call(WorkflowModel workflow, CalleeModel callee, Supplier<CodeBlock> inputs) {
        return readsInputs(workflow, callee)
                ? CodeBlock.of("$N($L)", WorkflowNames.inputsMethod(callee), inputs.get())
                : CodeBlock.of("$N()", WorkflowNames.inputsMethod(callee));
    }

    private static boolean readsInputs(WorkflowModel workflow, CalleeModel callee) {
        return !CalleeInputs.byNameAndType(workflow.inputs(), callee).isEmpty();
    }

    private MethodSpec method(CalleeModel callee) {
        ClassName inputs = StepEmitter.inputsOf(callee);
        ExpressionCompiler compiler = context.compiler(null);
        CodeBlock.Builder build = CodeBlock.builder().add("return $T.builder()", inputs);
        for (CallInput input : CalleeInputs.byNameAndType(workflow.inputs(), callee)) {
            InputModel own = CalleeInputs.matching(workflow.inputs(), input.input()).orElseThrow();
            build.add("\n.$N($L)", input.input().javaName(), compiler.converted(
                    CodeBlock.of("inputs.$N()", own.javaName()), own.type(), input.input().type()));
        }
        MethodSpec.Builder method = MethodSpec.methodBuilder(WorkflowNames.inputsMethod(callee))
                .addJavadoc("The inputs of workflow {@code $L}:\nthis workflow's inputs of the same name and type.\n",
                        Javadocs.escape(callee.workflowId()))
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(inputs);
        if (readsInputs(workflow, callee)) {
            method.addParameter(context.names().inputs(), "inputs");
        }
        return method.addStatement(build.add("\n.build()").build()).build();
    }
}
