package dev.arazzo.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import dev.arazzo.codegen.expression.RuntimeExpression;
import dev.arazzo.codegen.expression.RuntimeExpressionParser.TemplatePart;
import dev.arazzo.codegen.model.MessageModels.MessageCall;
import dev.arazzo.codegen.model.WorkflowModel;
import dev.arazzo.codegen.model.WorkflowModel.CriterionModel;
import dev.arazzo.codegen.model.WorkflowModel.DependencyModel;
import dev.arazzo.codegen.model.WorkflowModel.HttpCall;
import dev.arazzo.codegen.model.WorkflowModel.IdempotencyModel;
import dev.arazzo.codegen.model.WorkflowModel.OutputModel;
import dev.arazzo.codegen.model.WorkflowModel.StepModel;
import dev.arazzo.codegen.model.WorkflowModel.WorkflowCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/**
 * Emits the methods of each step: the public step method, and the private helpers that the step method
 * and the run loop share (send the request or run the called workflow; find the first failed success
 * criterion; read the outputs). Each helper takes only the values its body reads.
 */
final class StepEmitter {

    /** The name a helper's idempotency token parameter has. */
    static final String TOKEN = "idempotencyToken";

    /** A private helper of a step and the parameters it takes, to call it with. */
    record Helper(MethodSpec method) {

        /** A call; each argument is the variable named like the parameter, unless {@code argument} says otherwise. */
        CodeBlock call(Function<String, CodeBlock> argument) {
            List<CodeBlock> arguments = method.parameters().stream().map(p -> argument.apply(p.name())).toList();
            return CodeBlock.of("$N($L)", method.name(), CodeBlock.join(arguments, ",$W"));
        }

        CodeBlock call() {
            return call(name -> CodeBlock.of("$N", name));
        }

        /** Whether the helper takes a parameter of that name. */
        boolean takes(String name) {
            return method.parameters().stream().anyMatch(p -> p.name().equals(name));
        }
    }

    /**
     * The helpers of one step; {@code failure} is null when nothing can fail once the call returned (a
     * workflow call without success criteria), {@code result} when the step has no outputs.
     */
    record StepHelpers(Helper send, Helper failure, Helper result) {

        List<MethodSpec> methods() {
            List<MethodSpec> methods = new ArrayList<>(List.of(send.method()));
            if (failure != null) {
                methods.add(failure.method());
            }
            if (result != null) {
                methods.add(result.method());
            }
            return methods;
        }
    }

    private final EmitContext context;
    private final WorkflowModel workflow;
    private final WorkflowNames names;
    private final RuntimeTypes runtime;
    private final RequestEmitter requests;

    StepEmitter(EmitContext context) {
        this.context = context;
        this.workflow = context.workflow();
        this.names = context.names();
        this.runtime = context.runtime();
        this.requests = new RequestEmitter(context);
    }

    /** The helpers of {@code step}. */
    StepHelpers helpers(StepModel step) {
        Helper send = step.target() instanceof HttpCall http
                ? requests.send(step, http, parameters(step, false))
                : step.target() instanceof MessageCall message
                ? new MessageStepEmitter(context).send(step, message, parameters(step, false))
                : callMethod(step, step.workflowCall());
        Helper failure = (step.callsWorkflow() || isMessage(step)) && step.successCriteria().isEmpty() ? null
                : failureMethod(step);
        return new StepHelpers(send, failure, step.outputs().isEmpty() ? null : resultMethod(step));
    }

    /** The public method of {@code step}: it runs the step once and returns its result. */
    MethodSpec publicMethod(StepModel step, StepHelpers helpers) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(step.methodName())
                .addModifiers(Modifier.PUBLIC)
                .returns(step.resultType())
                .addParameters(parameters(step, false))
                .addJavadoc(publicJavadoc(step));
        method.addStatement("$T.requireNonNull(inputs, $S)", Objects.class, "inputs");
        for (String read : step.reads()) {
            if (!read.equals(step.stepId())) {
                StepModel earlier = workflow.step(read).orElseThrow();
                method.addStatement("$T.requireNonNull($N,$W$L)", Objects.class, names.variable(earlier),
                        Literals.string("step '" + step.stepId() + "' reads the result of step '" + read + "'"));
            }
        }
        List<DependencyModel> setHere = new ArrayList<>();
        for (String read : step.readsWorkflows()) {
            DependencyModel dependency = workflow.dependency(read).orElseThrow();
            if (dependency.setBy(step.stepId())) {
                setHere.add(dependency);
            }
            if (!dependency.setBy(step.stepId()) || readsBeforeCall(step, dependency)) {
                method.addStatement("$T.requireNonNull($N,$W$L)", Objects.class, names.variable(dependency),
                        Literals.string("step '" + step.stepId() + "' reads the outputs of workflow '" + read + "'"));
            }
        }
        CodeBlock token = CodeBlock.of("$T.randomUUID().toString()", UUID.class);
        CodeBlock send = helpers.send().call(name -> name.equals(TOKEN) ? token : CodeBlock.of("$N", name));
        if (helpers.failure() != null || helpers.result() != null && helpers.result().takes(sourceName(step))
                || !setHere.isEmpty() || isReceive(step)) {
            method.addStatement("$T $N = $L", source(step), sourceName(step), send);
        } else {
            method.addStatement(send); // a workflow called for its effect: nothing reads its outputs
        }
        for (DependencyModel dependency : setHere) {
            method.addStatement("$N = called", names.variable(dependency)); // after the call: this run's outputs
        }
        if (helpers.failure() != null || isReceive(step)) {
            method.addStatement("$T failure = $L", String.class, failureCheck(step, helpers));
            method.beginControlFlow("if (failure != null)");
            method.addStatement("throw $L", failure(step, runtime.stepFailedException()));
            method.endControlFlow();
        }
        method.addStatement("return $L", result(step, helpers));
        return method.build();
    }

    /** Whether the step sends or receives a message on an AsyncAPI channel. */
    static boolean isMessage(StepModel step) {
        return step.target() instanceof MessageCall;
    }

    /** Whether the step waits for a message: it fails when none matching came in time. */
    static boolean isReceive(StepModel step) {
        return step.target() instanceof MessageCall call && call.receive();
    }

    /**
     * Why the step failed, or null: its timeout (an HTTP exchange that did not complete, a receive that got no
     * message in time), then its first failed success criterion.
     */
    static CodeBlock failureCheck(StepModel step, StepHelpers helpers) {
        boolean timed = isReceive(step) || !isMessage(step) && step.timeoutMillis() != null;
        if (helpers.failure() == null) {
            return CodeBlock.of("exchange.timeoutFailure()");
        }
        return timed ? CodeBlock.of("exchange.timedOut() ? exchange.timeoutFailure() : $L", helpers.failure().call())
                : helpers.failure().call();
    }

    private CodeBlock publicJavadoc(StepModel step) {
        CodeBlock.Builder doc = CodeBlock.builder();
        if (step.description() != null) {
            doc.add("$L\n\n<p>", Javadocs.escape(step.description()));
        }
        if (step.target() instanceof HttpCall http) {
            doc.add("Step {@code $L}: {@code $L $L},\nchecked against its success criteria.\n",
                    Javadocs.escape(step.stepId()), http.method(), Javadocs.escape(http.path()));
        } else if (step.target() instanceof MessageCall call && call.receive()) {
            doc.add("Step {@code $L}: waits for a message on channel {@code $L}\nof {@code $L},"
                    + " checked against its success criteria.\nCalled on its own, outside {@link #run}, it listens"
                    + " only from now on.\n", Javadocs.escape(step.stepId()), Javadocs.escape(call.address()),
                    Javadocs.escape(call.source()));
        } else if (step.target() instanceof MessageCall call) {
            doc.add("Step {@code $L}: publishes a message on channel {@code $L}\nof {@code $L},"
                    + " checked against its success criteria.\n", Javadocs.escape(step.stepId()),
                    Javadocs.escape(call.address()), Javadocs.escape(call.source()));
        } else {
            doc.add("Step {@code $L}: runs workflow {@code $L},\nchecked against its success criteria.\n",
                    Javadocs.escape(step.stepId()), Javadocs.escape(step.workflowCall().callee().workflowId()));
        }
        if (isReceive(step)) {
            doc.add("\n<p>The step fails when no matching message arrives within $L.\n",
                    step.timeoutMillis() == null ? "the builder's defaultReceiveTimeout"
                            : step.timeoutMillis() + " ms");
        } else if (step.timeoutMillis() != null && step.callsWorkflow()) {
            doc.add("\n<p>The step fails when the called workflow has not completed within its timeout,\n$L ms:"
                    + " the called run is then aborted (no request of it starts after that).\n",
                    step.timeoutMillis());
        } else if (step.timeoutMillis() != null && !isMessage(step)) {
            doc.add("\n<p>The step fails when its exchange has not completed within its timeout,\n$L ms.\n",
                    step.timeoutMillis());
        }
        IdempotencyModel idempotency = context.idempotency(step);
        if (idempotency != null) {
            doc.add("\n<p>Each call sends a new idempotency token, a random UUID, as $L\n{@code $L}, "
                    + "so that a server that already carried out the request does not carry it\nout again; "
                    + "{@link #run} sends the same token on the step's retries. (Generated with the\n"
                    + "{@code idempotencyTokens} option on, the default.)\n",
                    idempotency.inBody() ? "request body member" : "header", Javadocs.escape(idempotency.name()));
        }
        doc.add("\n@param inputs the workflow's inputs\n");
        for (String read : step.reads()) {
            doc.add("@param $N $L\n", names.variable(workflow.step(read).orElseThrow()), read.equals(step.stepId())
                    ? "the result of this step's execution before, or null"
                    : "the result of step {@code " + Javadocs.escape(read) + "}");
        }
        for (String read : step.readsWorkflows()) {
            doc.add("@param $N the outputs of workflow {@code $L}\n",
                    names.variable(workflow.dependency(read).orElseThrow()), Javadocs.escape(read));
        }
        doc.add("@return the step's outputs\n");
        doc.add("@throws $T when the $L does not meet the success criteria\n", runtime.stepFailedException(),
                step.callsWorkflow() ? "called workflow's outcome" : isMessage(step) ? "message" : "response");
        if (step.callsWorkflow() && step.timeoutMillis() != null) {
            doc.add("@throws $T when the called workflow has not completed within $L ms\n",
                    runtime.stepTimeoutException(), step.timeoutMillis());
        }
        return doc.build();
    }

    /**
     * The values a step's methods may read, in order: (with {@code withSource}) the exchange or the
     * called workflow's outputs, the inputs, the results of the steps it reads, the outputs of the
     * workflows it reads.
     */
    List<ParameterSpec> parameters(StepModel step, boolean withSource) {
        List<ParameterSpec> parameters = new ArrayList<>();
        if (withSource) {
            parameters.add(ParameterSpec.builder(source(step), sourceName(step)).build());
        }
        parameters.add(ParameterSpec.builder(names.inputs(), "inputs").build());
        for (String read : step.reads()) {
            StepModel earlier = workflow.step(read).orElseThrow();
            parameters.add(ParameterSpec.builder(earlier.resultType(), names.variable(earlier)).build());
        }
        for (String read : step.readsWorkflows()) {
            DependencyModel dependency = workflow.dependency(read).orElseThrow();
            parameters.add(ParameterSpec.builder(outputsOf(dependency.callee()), names.variable(dependency)).build());
        }
        return parameters;
    }

    /** Those of {@code parameters} that the code {@code compiler} compiled reads. */
    static List<ParameterSpec> read(List<ParameterSpec> parameters, ExpressionCompiler compiler) {
        return parameters.stream().filter(p -> compiler.reads(p.name())).toList();
    }

    /**
     * Whether the inputs that workflow step {@code step} passes read the outputs of {@code dependency}
     * (they are evaluated before the call, so they read the outputs of an earlier run).
     */
    static boolean readsBeforeCall(StepModel step, DependencyModel dependency) {
        return step.callsWorkflow() && step.workflowCall().inputs().stream()
                .anyMatch(input -> readsWorkflow(input.value(), dependency));
    }

    private static boolean readsWorkflow(WorkflowModel.ValueModel value, DependencyModel dependency) {
        if (value instanceof WorkflowModel.ExpressionValue expression) {
            return reads(expression.expression(), dependency);
        }
        if (value instanceof WorkflowModel.TemplateValue template) {
            return template.parts().stream().anyMatch(part -> part instanceof TemplatePart.Embedded embedded
                    && reads(embedded.expression(), dependency));
        }
        if (value instanceof WorkflowModel.ObjectValue object) {
            return object.members().stream().anyMatch(member -> readsWorkflow(member.value(), dependency));
        }
        return value instanceof WorkflowModel.ArrayValue array
                && array.elements().stream().anyMatch(element -> readsWorkflow(element, dependency));
    }

    private static boolean reads(RuntimeExpression expression, DependencyModel dependency) {
        return expression.read() instanceof RuntimeExpression.WorkflowValue value && value.output()
                && (value.workflowId().equals(dependency.reference())
                        || value.workflowId().equals(dependency.callee().workflowId()));
    }

    static ClassName outputsOf(WorkflowModel.CalleeModel callee) {
        return callee.className().nestedClass("Outputs");
    }

    static ClassName inputsOf(WorkflowModel.CalleeModel callee) {
        return callee.className().nestedClass("Inputs");
    }

    /** The type of what a step's criteria and outputs read: the HTTP exchange, or the called workflow's outputs. */
    TypeName source(StepModel step) {
        return step.callsWorkflow() ? outputsOf(step.workflowCall().callee())
                : isMessage(step) ? runtime.messageExchange() : runtime.httpExchange();
    }

    static String sourceName(StepModel step) {
        return step.callsWorkflow() ? "called" : "exchange";
    }

    /** {@code new <type>(...)} for a step whose criteria failed (status 0: it called a workflow). */
    static CodeBlock failure(StepModel step, ClassName type) {
        if (isMessage(step)) {
            return CodeBlock.of("new $T($L, 0, failure,$Wexchange.bodyExcerpt())", type, Literals.string(step.stepId()));
        }
        return step.callsWorkflow()
                ? CodeBlock.of("new $T($L, 0, failure, $S)", type, Literals.string(step.stepId()), "")
                : CodeBlock.of("new $T($L, exchange.statusCode(),$Wfailure, exchange.bodyExcerpt())", type,
                        Literals.string(step.stepId()));
    }

    /** The step's result record, read by its result helper (or empty, when it has no outputs). */
    static CodeBlock result(StepModel step, StepHelpers helpers) {
        return helpers.result() == null ? CodeBlock.of("new $T()", step.resultType()) : helpers.result().call();
    }

    private Helper callMethod(StepModel step, WorkflowCall call) {
        ExpressionCompiler compiler = context.compiler(step);
        CodeBlock.Builder inputs = CodeBlock.builder().add("$T.builder()", inputsOf(call.callee()));
        for (WorkflowModel.CallInput input : call.inputs()) {
            inputs.add("\n.$N($L)", input.input().javaName(),
                    compiler.convertedValue(input.value(), input.input().type()));
        }
        inputs.add("\n.build()");
        CodeBlock body = step.timeoutMillis() == null
                ? CodeBlock.of("return $N.run($L)", call.callee().fieldName(), inputs.build())
                // the called run, its steps and the workflows they call, within the step's timeout
                : CodeBlock.of("return $T.within($L, $LL,$W() -> $N.run($>$>$L$<$<))", runtime.deadline(),
                        Literals.string(step.stepId()), step.timeoutMillis(), call.callee().fieldName(),
                        inputs.build());
        return new Helper(MethodSpec.methodBuilder(names.send(step))
                .addJavadoc("Runs workflow {@code $L} for step {@code $L}.\n",
                        Javadocs.escape(call.callee().workflowId()), Javadocs.escape(step.stepId()))
                .addModifiers(Modifier.PRIVATE)
                .returns(outputsOf(call.callee()))
                .addParameters(read(parameters(step, false), compiler))
                .addStatement(body)
                .build());
    }

    private Helper failureMethod(StepModel step) {
        ExpressionCompiler compiler = context.compiler(step);
        CodeBlock.Builder body = CodeBlock.builder();
        if (step.successCriteria().isEmpty()) {
            body.addStatement("return $L.statusCode() / 100 == 2 ? null : $S", compiler.read("exchange"),
                    "$statusCode is 2xx");
        } else {
            for (CriterionModel criterion : step.successCriteria()) {
                body.beginControlFlow("if ($L)", context.criteria().negated(compiler, criterion));
                body.addStatement("return $L", Literals.string(criterion.text()));
                body.endControlFlow();
            }
            body.addStatement("return null");
        }
        return new Helper(MethodSpec.methodBuilder(names.failure(step))
                .addJavadoc("The first success criterion of step {@code $L}\nthat $L does not meet, or null.\n",
                        Javadocs.escape(step.stepId()), step.callsWorkflow() ? "the called workflow"
                                : isMessage(step) ? "the message" : "the exchange")
                .addModifiers(Modifier.PRIVATE)
                .returns(String.class)
                .addParameters(read(parameters(step, true), compiler))
                .addCode(body.build())
                .build());
    }

    private Helper resultMethod(StepModel step) {
        ExpressionCompiler compiler = context.compiler(step);
        List<CodeBlock> components = new ArrayList<>();
        for (OutputModel output : step.outputs()) {
            components.add(compiler.converted(output.value(), output.type()));
        }
        CodeBlock.Builder checks = CodeBlock.builder();
        for (WorkflowModel.CheckedMember member : step.response().checks()) {
            // read through an output by a later expression: checked here, the step's output holds it tolerantly
            checks.addStatement(compiler.responseMember(member.pointer(), member.type()));
        }
        return new Helper(MethodSpec.methodBuilder(names.result(step))
                .addJavadoc("The outputs of step {@code $L}, read from $L.\n", Javadocs.escape(step.stepId()),
                        step.callsWorkflow() ? "the called workflow's outputs"
                                : isMessage(step) ? "its message" : "its exchange")
                .addJavadoc(checks.isEmpty() ? "" : "First reads, with their types, the response members that later "
                        + "expressions read\nthrough its outputs: one that does not match its schema fails the step.\n")
                .addModifiers(Modifier.PRIVATE)
                .returns(step.resultType())
                .addCode(checks.build())
                .addStatement("return new $T(\n$L)", step.resultType(), CodeBlock.join(components, ",\n"))
                .addParameters(read(parameters(step, true), compiler))
                .build());
    }
}
