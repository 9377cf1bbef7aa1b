package dev.arazzo.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import dev.arazzo.codegen.emit.StepEmitter.Helper;
import dev.arazzo.codegen.model.MessageModels;
import dev.arazzo.codegen.model.MessageModels.MessageCall;
import dev.arazzo.codegen.model.MessageModels.NamedValue;
import dev.arazzo.codegen.model.WorkflowModel;
import dev.arazzo.codegen.model.WorkflowModel.BodyModel;
import dev.arazzo.codegen.model.WorkflowModel.StepModel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Emits what the AsyncAPI steps of a workflow need: the private method that publishes a send step's message
 * or waits for a receive step's, and the run's subscription to the channels of its receive steps (and of the
 * workflows it runs), opened before its first step.
 */
final class MessageStepEmitter {

    private final EmitContext context;
    private final ClassName messaging;

    MessageStepEmitter(EmitContext context) {
        this.context = context;
        this.messaging = context.runtime().messaging();
    }

    /** Whether the workflow class needs the message side: its steps, or a workflow it runs, use messages. */
    static boolean needed(WorkflowModel workflow) {
        return MessageModels.usesMessages(workflow);
    }

    /** The AsyncAPI sources of the workflow's own steps and the protocols their servers declare, each once. */
    static List<MessageCall> ownSources(WorkflowModel workflow) {
        List<MessageCall> sources = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (StepModel step : workflow.steps()) {
            if (step.target() instanceof MessageCall call && seen.add(call.source())) {
                sources.add(call);
            }
        }
        return sources;
    }

    /** {@code sendX(...)}: publishes the step's message, or waits for it, and returns the exchange. */
    Helper send(StepModel step, MessageCall call, List<ParameterSpec> parameters) {
        ExpressionCompiler compiler = context.compiler(step);
        CodeBlock stepId = Literals.string(step.stepId());
        CodeBlock address = address(compiler, step.stepId(), call.address(), call.channelParameters());
        CodeBlock body;
        String doc;
        if (call.receive()) {
            CodeBlock matches = call.correlation() == null ? CodeBlock.of("message -> true")
                    : CodeBlock.of("$T.correlation($L, $L, $L,$W$L)", messaging, stepId, call.correlation().inHeader(),
                            Literals.string(call.correlation().pointer()),
                            compiler.value(call.correlation().expected()));
            body = CodeBlock.of("return messaging.receive($L, $L,$W$L,$W$L,$W$L)", stepId,
                    Literals.string(call.source()), address, matches,
                    call.timeout() == null ? "null" : call.timeout() + "L");
            doc = "Waits for the message of step {@code $L}: the first on its channel since the run\n"
                    + "began that matches its correlation, up to its timeout.\n";
        } else {
            List<CodeBlock> headers = new ArrayList<>();
            for (NamedValue header : call.headers()) {
                headers.add(CodeBlock.of("$L, $L", Literals.string(header.name()), compiler.value(header.value())));
            }
            CodeBlock headerMap = CodeBlock.of("$T.headers($L)", messaging, CodeBlock.join(headers, ",$W"));
            body = CodeBlock.of("return messaging.send($L, $L,$W$L,$W$L,$W$L,$W$L)", stepId,
                    Literals.string(call.source()), address, headerMap, payload(compiler, call.payload()),
                    Literals.string(call.contentType()));
            doc = "Publishes the message of step {@code $L}.\n";
        }
        return new Helper(MethodSpec.methodBuilder(context.names().send(step))
                .addJavadoc(doc, Javadocs.escape(step.stepId()))
                .addModifiers(Modifier.PRIVATE)
                .returns(context.runtime().messageExchange())
                .addStatement(body)
                .addParameters(StepEmitter.read(parameters, compiler))
                .build());
    }

    /** The payload's bytes: text as it is, else JSON (replacements applied); none for a step without requestBody. */
    private CodeBlock payload(ExpressionCompiler compiler, BodyModel body) {
        if (body == null) {
            return CodeBlock.of("new byte[0]");
        }
        if (ExpressionCompiler.isText(body.payload()) && body.replacements().isEmpty()) {
            return CodeBlock.of("$T.text($L)", messaging, compiler.value(body.payload()));
        }
        ClassName values = context.runtime().values();
        CodeBlock payload = body.payload() instanceof WorkflowModel.ObjectValue
                || body.payload() instanceof WorkflowModel.ArrayValue
                ? compiler.value(body.payload())
                : CodeBlock.of("$T.json($L)", values, compiler.value(body.payload()));
        for (WorkflowModel.ReplacementModel replacement : body.replacements()) {
            payload = compiler.replacement(payload, replacement);
        }
        return CodeBlock.of("$T.json($L)", messaging, payload);
    }

    /** A channel's address: the literal, or {@code Messaging.address(...)} with its parameters' values. */
    private CodeBlock address(ExpressionCompiler compiler, String stepId, String address, List<NamedValue> values) {
        if (values.isEmpty()) {
            return Literals.string(address);
        }
        List<CodeBlock> arguments = new ArrayList<>(List.of(Literals.string(stepId), Literals.string(address)));
        for (NamedValue value : values) {
            arguments.add(CodeBlock.of("$L, $L", Literals.string(value.name()), compiler.value(value.value())));
        }
        return CodeBlock.of("$T.address($L)", messaging, CodeBlock.join(arguments, ",$W"));
    }

    /**
     * {@code Messaging.Run messages = messaging.open(List.of(...))}: the run's subscription, before its first
     * step; or nothing, when no receive step of the run waits on a channel.
     */
    CodeBlock openRun() {
        List<MessageModels.ListenedChannel> channels = MessageModels.listened(context.workflow(), false);
        if (channels.isEmpty()) {
            return null;
        }
        ExpressionCompiler compiler = context.compiler(null);
        List<CodeBlock> opened = new ArrayList<>();
        for (MessageModels.ListenedChannel channel : channels) {
            opened.add(CodeBlock.of("$T.channel($L, $L,$W$L)", messaging, Literals.string(channel.stepId()),
                    Literals.string(channel.source()),
                    address(compiler, channel.stepId(), channel.address(), channel.parameters())));
        }
        return CodeBlock.of("$T messages = messaging.open($T.of(\n$L))", context.runtime().messagingRun(),
                List.class, CodeBlock.join(opened, ",\n"));
    }

    /** {@code messaging.require(source, protocols...)} for each AsyncAPI source of the workflow's own steps. */
    CodeBlock requirements() {
        CodeBlock.Builder code = CodeBlock.builder();
        for (MessageCall call : ownSources(context.workflow())) {
            List<CodeBlock> arguments = new ArrayList<>(List.of(Literals.string(call.source())));
            call.protocols().forEach(protocol -> arguments.add(Literals.string(protocol)));
            code.addStatement("this.messaging.require($L)", CodeBlock.join(arguments, ", "));
        }
        return code.build();
    }
}
