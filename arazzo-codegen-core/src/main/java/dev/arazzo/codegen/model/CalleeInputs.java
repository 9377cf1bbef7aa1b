package dev.arazzo.codegen.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.arazzo.codegen.expression.RuntimeExpression;
import dev.arazzo.codegen.model.WorkflowModel.CallInput;
import dev.arazzo.codegen.model.WorkflowModel.CalleeModel;
import dev.arazzo.codegen.model.WorkflowModel.ExpressionValue;
import dev.arazzo.codegen.model.WorkflowModel.InputModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one rule by which a workflow passes its own inputs to a workflow it runs without naming them: a
 * step that calls a workflow without {@code parameters}, a {@code goto} to a workflow, a {@code retry}
 * that runs a workflow first, and the workflows of {@code dependsOn}. Each input of the callee gets the
 * caller's input of the same name, when its type is assignable ({@link #assignable}); a required input
 * of the callee that gets none is an error where the call is written.
 */
public final class CalleeInputs {

    private CalleeInputs() {
    }

    /** The inputs {@code callee} gets from {@code caller}'s inputs, by name and type, as {@code $inputs.<name>}. */
    public static List<CallInput> byNameAndType(List<InputModel> caller, CalleeModel callee) {
        List<CallInput> passed = new ArrayList<>();
        for (InputModel input : callee.inputs()) {
            matching(caller, input).ifPresent(own -> passed.add(new CallInput(input, new ExpressionValue(
                    new RuntimeExpression.Input(own.name(), ""), "$inputs." + own.name()))));
        }
        return passed;
    }

    /** The required inputs of {@code callee} that no input of {@code caller} fills by name and type. */
    public static List<InputModel> unfilled(List<InputModel> caller, CalleeModel callee) {
        return callee.inputs().stream().filter(input -> input.required() && matching(caller, input).isEmpty()).toList();
    }

    /** The caller's input that fills {@code input}: the same name, an assignable type. */
    public static Optional<InputModel> matching(List<InputModel> caller, InputModel input) {
        return caller.stream().filter(own -> own.name().equals(input.name()) && assignable(own.type(), input.type()))
                .findFirst();
    }

    /**
     * Whether a value of type {@code a} can fill an input of type {@code b}: the same type, or records and
     * enums of the same name declared by two workflows (one component used by both), through JSON; lists
     * and maps of such types element by element.
     */
    public static boolean assignable(TypeName a, TypeName b) {
        if (a.equals(b)) {
            return true;
        }
        if (a instanceof ParameterizedTypeName x && b instanceof ParameterizedTypeName y) {
            if (!x.rawType().equals(y.rawType()) || x.typeArguments().size() != y.typeArguments().size()) {
                return false;
            }
            for (int i = 0; i < x.typeArguments().size(); i++) {
                if (!assignable(x.typeArguments().get(i), y.typeArguments().get(i))) {
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
