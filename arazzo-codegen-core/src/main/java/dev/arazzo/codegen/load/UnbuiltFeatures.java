package dev.arazzo.codegen.load;

import dev.arazzo.codegen.diagnostic.Diagnostics;
import dev.arazzo.codegen.load.ArazzoDocument.Action;
import dev.arazzo.codegen.load.ArazzoDocument.Parameter;
import dev.arazzo.codegen.load.ArazzoDocument.Replacement;
import dev.arazzo.codegen.load.ArazzoDocument.SourceDescription;
import dev.arazzo.codegen.load.ArazzoDocument.Step;
import dev.arazzo.codegen.load.ArazzoDocument.Value;
import dev.arazzo.codegen.load.ArazzoDocument.Workflow;
import java.util.List;
import java.util.Map;

/**
 * The one place that knows which Arazzo 1.1 features the reader gives later stages but bind, check and
 * model do not build yet: each use is an {@code unsupported-feature} error at the field, so no 1.1 field
 * is silently ignored. A feature leaves this class when the stage that builds it lands (one block each).
 */
public final class UnbuiltFeatures {

    private final ArazzoDocument document;
    private final Diagnostics diagnostics;
    private boolean found;

    private UnbuiltFeatures(ArazzoDocument document, Diagnostics diagnostics) {
        this.document = document;
        this.diagnostics = diagnostics;
    }

    /** Reports every use in {@code document} of a feature not built yet; true when there was any. */
    public static boolean report(ArazzoDocument document, Diagnostics diagnostics) {
        UnbuiltFeatures features = new UnbuiltFeatures(document, diagnostics);
        features.document();
        return features.found;
    }

    private void document() {
        if (document.self() != null) {
            unsupported("/$self", "'$self' base URIs");
        }
        for (SourceDescription source : document.sourceDescriptions()) {
            if ("asyncapi".equals(source.type())) {
                unsupported(source.pointer() + "/type", "AsyncAPI source descriptions");
            }
        }
        for (Workflow workflow : document.workflows()) {
            workflow(workflow);
        }
    }

    private void workflow(Workflow workflow) {
        outputs(workflow.outputValues());
        parameters(workflow.parameters());
        actions(workflow.successActions());
        actions(workflow.failureActions());
        boolean workflowParameters = !workflow.parameters().isEmpty();
        for (Step step : workflow.steps()) {
            step(step);
            if (workflowParameters && step.workflowId() != null && document.isV11()) {
                unsupported(step.pointer() + "/workflowId", "workflow-level parameters passed on to a workflowId "
                        + "step (Arazzo 1.1)");
            }
        }
    }

    private void step(Step step) {
        if (step.channelPath() != null) {
            unsupported(step.pointer() + "/channelPath", "AsyncAPI channelPath steps");
        }
        if (step.action() != null) {
            unsupported(step.pointer() + "/action", "AsyncAPI send and receive steps");
        }
        if (step.correlationId() != null) {
            unsupported(step.pointer() + "/correlationId", "AsyncAPI correlationId");
        }

        if (step.timeout() != null) {
            unsupported(step.pointer() + "/timeout", "step timeouts");
        }

        if (!step.dependsOn().isEmpty()) {
            unsupported(step.pointer() + "/dependsOn", "step-level dependsOn");
        }

        outputs(step.outputValues());
        parameters(step.parameters());
        if (step.requestBody() != null) {
            step.requestBody().selectors().values().forEach(selector -> unsupported(selector.pointer(),
                    "Selector Objects in payloads"));
            for (Replacement replacement : step.requestBody().replacements()) {
                if (replacement.targetSelectorType() != null) {
                    unsupported(replacement.targetSelectorType().pointer(), "replacement targetSelectorType");
                }
                if (replacement.selector() != null) {
                    unsupported(replacement.selector().pointer(), "Selector Objects as replacement values");
                }
            }
        }
        actions(step.onSuccess());
        actions(step.onFailure());
    }

    private void outputs(Map<String, Value> outputs) {
        outputs.values().forEach(value -> {
            if (value instanceof Value.Selection selection) {
                unsupported(selection.pointer(), "Selector Objects as outputs");
            }
        });
    }

    private void parameters(List<Parameter> parameters) {
        for (Parameter parameter : parameters) {
            if (parameter.selector() != null) {
                unsupported(parameter.selector().pointer(), "Selector Objects as parameter values");
            }
            if ("querystring".equals(parameter.in())) {
                unsupported(parameter.pointer() + "/in", "'in: querystring' parameters");
            }
            if ("channel".equals(parameter.in())) {
                unsupported(parameter.pointer() + "/in", "'in: channel' parameters");
            }
        }
    }

    private void actions(List<Action> actions) {
        for (Action action : actions) {
            if (!action.parameters().isEmpty()) {
                unsupported(action.pointer() + "/parameters", "action parameters");
            }
        }
    }

    private void unsupported(String pointer, String what) {
        found = true;
        diagnostics.error("unsupported-feature", document.locate(pointer), what + " are not generated by this "
                + "version yet; remove them from the workflow or generate it by hand");
    }
}
