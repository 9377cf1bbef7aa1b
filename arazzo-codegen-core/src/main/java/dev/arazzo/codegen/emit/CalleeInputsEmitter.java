package dev.arazzo.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.arazzo.codegen.model.WorkflowModel;
import dev.arazzo.codegen.model.WorkflowModel.ActionModel;
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
 * matched by name: workflows it depends on, and workflows that actions run.
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
        return callee.inputs().stream().anyMatch(input -> workflow.input(input.name())
                .filter(own -> sameShape(own.type(), input.type())).isPresent());
    }

    private MethodSpec method(CalleeModel callee) {
        ClassName inputs = StepEmitter.inputsOf(callee);
        ExpressionCompiler compiler = context.compiler(null);
        CodeBlock.Builder build = CodeBlock.builder().add("return $T.builder()", inputs);
        for (InputModel input : callee.inputs()) {
            workflow.input(input.name()).filter(own -> sameShape(own.type(), input.type()))
                    .ifPresent(own -> build.add("\n.$N($L)", input.javaName(), compiler.converted(
                            CodeBlock.of("inputs.$N()", own.javaName()), own.type(), input.type())));
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

    /**
     * Whether a value of type {@code a} can fill an input of type {@code b}: the same type, or records
     * and enums of the same name declared by two workflows (one component used by both), through JSON.
     */
    private static boolean sameShape(TypeName a, TypeName b) {
        if (a.equals(b)) {
            return true;
        }
        if (a instanceof ParameterizedTypeName x && b instanceof ParameterizedTypeName y) {
            if (!x.rawType().equals(y.rawType()) || x.typeArguments().size() != y.typeArguments().size()) {
                return false;
            }
            for (int i = 0; i < x.typeArguments().size(); i++) {
                if (!sameShape(x.typeArguments().get(i), y.typeArguments().get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a instanceof ClassName x && b instanceof ClassName y && x.enclosingClassName() != null
                && y.enclosingClassName() != null && x.simpleName().equals(y.simpleName())
                && x.packageName().equals(y.packageName());
    }
}
