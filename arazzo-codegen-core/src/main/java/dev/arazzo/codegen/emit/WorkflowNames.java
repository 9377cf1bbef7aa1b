package dev.arazzo.codegen.emit;

import com.palantir.javapoet.ClassName;
import dev.arazzo.codegen.model.JavaNames;
import dev.arazzo.codegen.model.NameScope;
import dev.arazzo.codegen.model.WorkflowModel;
import dev.arazzo.codegen.model.WorkflowModel.ActionModel;
import dev.arazzo.codegen.model.WorkflowModel.ActionType;
import dev.arazzo.codegen.model.WorkflowModel.CalleeModel;
import dev.arazzo.codegen.model.WorkflowModel.DependencyModel;
import dev.arazzo.codegen.model.WorkflowModel.ServerModel;
import dev.arazzo.codegen.model.WorkflowModel.StepModel;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Every Java name in one workflow class that the emitters derive: helper methods, constants, local
 * variables. The names the model chose (step methods, fields, record components) are taken as they
 * are; each derived name is allocated in its {@link NameScope}, so a document cannot make two clash.
 */
final class WorkflowNames {

    private final ClassName className;
    private final NameScope methods = NameScope.of(NameScope.Kind.METHODS);
    private final NameScope constants = NameScope.of(NameScope.Kind.CONSTANTS);
    private final NameScope locals = NameScope.of(NameScope.Kind.LOCALS);
    private final Map<String, StepNames> steps = new HashMap<>();
    private final Map<String, String> dependencies = new HashMap<>();
    private final Map<String, String> servers = new HashMap<>();
    private final Map<String, String> patterns = new LinkedHashMap<>();

    /** The names of one step's helpers and of the variables that hold what it produced. */
    private record StepNames(String send, String failure, String result, String variable, String token,
            Map<String, String> retries, String constant) {
    }

    WorkflowNames(WorkflowModel workflow) {
        this.className = workflow.className();
        workflow.steps().forEach(step -> methods.take(step.methodName()));
        workflow.callees().forEach(callee -> methods.take(inputsMethod(callee)));
        for (DependencyModel dependency : workflow.dependencies()) {
            dependencies.put(dependency.reference(), locals.newName(dependency.outputsName()));
        }
        Map<String, String> variables = new HashMap<>();
        workflow.steps().forEach(step -> variables.put(step.stepId(), locals.newName(step.methodName())));
        Map<String, Map<String, String>> retries = new HashMap<>();
        for (StepModel step : workflow.steps()) {
            Map<String, String> counters = new LinkedHashMap<>();
            for (ActionModel action : RunFlow.actions(step)) {
                if (action.type() == ActionType.RETRY && !counters.containsKey(action.name())) {
                    counters.put(action.name(),
                            locals.newName(step.methodName() + JavaNames.pascal(action.name()) + "Retries"));
                }
            }
            retries.put(step.stepId(), counters);
        }
        Map<String, String> tokens = new HashMap<>();
        workflow.steps().stream().filter(step -> step.target() instanceof WorkflowModel.HttpCall http && http.idempotency() != null)
                .forEach(step -> tokens.put(step.stepId(), locals.newName(step.methodName() + "IdempotencyToken")));
        NameScope stepConstants = NameScope.of(NameScope.Kind.STEP_CONSTANTS);
        for (StepModel step : workflow.steps()) {
            String capitalized = Character.toUpperCase(step.methodName().charAt(0)) + step.methodName().substring(1);
            steps.put(step.stepId(), new StepNames(
                    methods.newName((step.callsWorkflow() ? "call" : "send") + capitalized),
                    methods.newName(step.methodName() + "Failure"), methods.newName(step.methodName() + "Result"),
                    variables.get(step.stepId()), tokens.get(step.stepId()), retries.get(step.stepId()),
                    stepConstants.newName(step.constantName())));
        }
        for (ServerModel server : workflow.servers()) {
            String field = server.fieldName();
            while (field.endsWith("_")) {
                field = field.substring(0, field.length() - 1);
            }
            field = field.endsWith("BaseUri") ? field.substring(0, field.length() - "BaseUri".length()) : field;
            servers.put(server.fieldName(), constants.newName(JavaNames.constant(field) + "_SERVER"));
        }
    }

    ClassName inputs() {
        return className.nestedClass("Inputs");
    }

    ClassName outputs() {
        return className.nestedClass("Outputs");
    }

    ClassName builder() {
        return className.nestedClass("Builder");
    }

    ClassName stepEnum() {
        return className.nestedClass("Step");
    }

    ClassName result() {
        return className.nestedClass("Result");
    }

    ClassName completed() {
        return className.nestedClass("Completed");
    }

    ClassName ended() {
        return className.nestedClass("Ended");
    }

    ClassName failed() {
        return className.nestedClass("Failed");
    }

    /** The constant of a step in the run loop's enum. */
    String constant(StepModel step) {
        return steps.get(step.stepId()).constant();
    }

    /** The method that sends a step's request, or runs the workflow it calls. */
    String send(StepModel step) {
        return steps.get(step.stepId()).send();
    }

    /** The method that names the first success criterion of a step that does not hold. */
    String failure(StepModel step) {
        return steps.get(step.stepId()).failure();
    }

    /** The method that reads a step's outputs into its result record. */
    String result(StepModel step) {
        return steps.get(step.stepId()).result();
    }

    /** The variable, and parameter, that holds a step's result record. */
    String variable(StepModel step) {
        return steps.get(step.stepId()).variable();
    }

    /** The variable, and parameter, that holds the outputs of a workflow whose values steps read. */
    String variable(DependencyModel dependency) {
        return dependencies.get(dependency.reference());
    }

    /** The variable of {@code execute} that holds a step's idempotency token, or null when it takes none. */
    String token(StepModel step) {
        return steps.get(step.stepId()).token();
    }

    /** The variable of {@code execute} that counts the retries of one retry action of a step. */
    String retries(StepModel step, ActionModel action) {
        return steps.get(step.stepId()).retries().get(action.name());
    }

    /** The method that builds a called workflow's inputs from this one's, matched by name. */
    static String inputsMethod(CalleeModel callee) {
        return callee.fieldName() + "Inputs";
    }

    /** The constant that holds a server url of the workflow's. */
    String server(ServerModel server) {
        return servers.get(server.fieldName());
    }

    /** The constant that holds a compiled regex of a step's criteria; one per pattern. */
    String pattern(StepModel step, String pattern) {
        return patterns.computeIfAbsent(pattern,
                p -> constants.newName(JavaNames.constant(step.stepId()) + "_PATTERN"));
    }

    /** Every regex constant allocated so far, by pattern, in order. */
    Map<String, String> patterns() {
        return patterns;
    }

    /** Every parameter and local variable name of the generated methods (lambdas must not shadow them). */
    Set<String> locals() {
        return locals.names();
    }
}
