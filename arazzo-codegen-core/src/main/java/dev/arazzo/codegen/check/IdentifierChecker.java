package dev.arazzo.codegen.check;

import dev.arazzo.codegen.bind.BoundDocument;
import dev.arazzo.codegen.bind.BoundDocument.BoundAction;
import dev.arazzo.codegen.bind.BoundDocument.BoundCriterion;
import dev.arazzo.codegen.bind.BoundDocument.BoundStep;
import dev.arazzo.codegen.bind.BoundDocument.BoundValue;
import dev.arazzo.codegen.bind.BoundDocument.BoundWorkflow;
import dev.arazzo.codegen.diagnostic.Diagnostics;
import dev.arazzo.codegen.expression.RuntimeExpression;
import dev.arazzo.codegen.expression.RuntimeExpressionParser.TemplatePart;
import dev.arazzo.codegen.load.ArazzoDocument;
import dev.arazzo.codegen.load.ArazzoDocument.Step;
import dev.arazzo.codegen.load.ArazzoDocument.Workflow;
import dev.arazzo.codegen.source.ApiSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Arazzo 1.1's runtime expression grammar for what an expression names: step ids, workflow ids and source
 * description names are {@code identifier-strict} (letters, digits, {@code _} and {@code -}). Where an
 * expression or a {@code dependsOn} entry of a 1.1 document names one outside it, that is an error: the
 * expression is not one the grammar has. A step or workflow id outside it that nothing names is a warning,
 * since the Step and Workflow Objects only recommend the pattern, but no 1.1 expression can name it. (Source
 * names are held to the pattern by the 1.1 schema already.) A 1.0 document is not held to it.
 *
 * <p>It also says how {@code $sourceDescriptions.<name>.<id>} resolves in 1.1: an operationId or workflowId
 * of that source first, then a field of the Source Description Object ({@link #namedOperation}).
 */
final class IdentifierChecker {

    private static final Pattern STRICT = Pattern.compile("[A-Za-z0-9_\\-]+");
    private static final String RULE = "letters, digits, '_' and '-' only (identifier-strict)";

    private final BoundDocument bound;
    private final ArazzoDocument document;
    private final Diagnostics diagnostics;
    private final Set<String> reported = new HashSet<>();

    private IdentifierChecker(BoundDocument bound, Diagnostics diagnostics) {
        this.bound = bound;
        this.document = bound.document();
        this.diagnostics = diagnostics;
    }

    static void check(BoundDocument bound, Diagnostics diagnostics) {
        if (bound.document().isV11()) {
            new IdentifierChecker(bound, diagnostics).check();
        }
    }

    /** Whether {@code id} is an Arazzo 1.1 {@code identifier-strict}. */
    static boolean strict(String id) {
        return STRICT.matcher(id).matches();
    }

    /**
     * What {@code $sourceDescriptions.<name>.<id>} names in a 1.1 document before a field: "operation 'x'"
     * or "workflow 'x'" of that source; null when the id is neither (then it is a field, such as url).
     */
    static String namedOperation(BoundDocument bound, RuntimeExpression.SourceDescriptionField field) {
        if (!bound.document().isV11()) {
            return null;
        }
        ApiSource api = bound.sources().apis().get(field.name());
        if (api != null && api.operations().stream().anyMatch(o -> field.field().equals(o.operationId()))) {
            return "operation '" + field.field() + "'";
        }
        ArazzoDocument arazzo = bound.sources().arazzo().get(field.name());
        if (arazzo != null && arazzo.workflows().stream().anyMatch(w -> w.workflowId().equals(field.field()))) {
            return "workflow '" + field.field() + "'";
        }
        return null;
    }

    private void check() {
        for (BoundWorkflow workflow : bound.workflows()) {
            for (BoundStep step : workflow.steps()) {
                step.parameters().forEach(parameter -> value(parameter.value()));
                if (step.body() != null) {
                    value(step.body().payload());
                    step.body().replacements().forEach(replacement -> value(replacement.value()));
                }
                step.successCriteria().forEach(this::criterion);
                step.onSuccess().forEach(this::action);
                step.onFailure().forEach(this::action);
                step.outputs().values().forEach(output -> expression(output.expression(), output.text(),
                        output.pointer()));
                List<String> dependsOn = step.step().dependsOn();
                for (int i = 0; i < dependsOn.size(); i++) {
                    dependency(dependsOn.get(i), step.step().pointer() + "/dependsOn/" + i);
                }
            }
            workflow.successActions().forEach(this::action);
            workflow.failureActions().forEach(this::action);
            workflow.outputs().values().forEach(output -> expression(output.expression(), output.text(),
                    output.pointer()));
        }
        for (Workflow workflow : document.workflows()) {
            definition("workflow id", workflow.workflowId(), workflow.pointer() + "/workflowId",
                    "$workflows.<workflowId>");
            for (Step step : workflow.steps()) {
                definition("step id", step.stepId(), step.pointer() + "/stepId", "$steps.<stepId>, dependsOn");
            }
        }
    }

    private void definition(String what, String id, String pointer, String forms) {
        if (id != null && !strict(id) && !reported.contains(id)) {
            diagnostics.warning("identifier-strict", document.locate(pointer), what + " '" + id + "' has characters "
                    + "outside " + RULE + ", so no Arazzo 1.1 runtime expression can name it (" + forms + "); "
                    + "rename it");
        }
    }

    private void action(BoundAction action) {
        action.criteria().forEach(this::criterion);
        action.parameters().forEach(parameter -> value(parameter.value()));
    }

    private void criterion(BoundCriterion criterion) {
        if (criterion.context() != null) {
            expression(criterion.context().expression(), criterion.context().text(), criterion.context().pointer());
        }
        if (criterion instanceof BoundDocument.SimpleCriterion simple && simple.condition() != null) {
            String pointer = simple.criterion().pointer() + "/condition";
            simple.condition().references().forEach(reference -> expression(reference.expression(),
                    reference.text(), pointer));
        }
    }

    private void value(BoundValue value) {
        if (value instanceof BoundDocument.ExpressionValue expression) {
            expression(expression.expression().expression(), expression.expression().text(), expression.pointer());
        } else if (value instanceof BoundDocument.TemplateValue template) {
            for (TemplatePart part : template.parts()) {
                if (part instanceof TemplatePart.Embedded embedded) {
                    expression(embedded.expression(), embedded.text(), template.pointer());
                }
            }
        } else if (value instanceof BoundDocument.ObjectValue object) {
            object.members().forEach(member -> value(member.value()));
        } else if (value instanceof BoundDocument.ArrayValue array) {
            array.elements().forEach(this::value);
        }
    }

    private void expression(RuntimeExpression expression, String text, String pointer) {
        RuntimeExpression read = expression.read();
        if (read instanceof RuntimeExpression.StepOutput output) {
            named("step", output.stepId(), text, pointer);
        } else if (read instanceof RuntimeExpression.WorkflowValue value
                && !value.workflowId().startsWith("$sourceDescriptions.")) {
            named("workflow", value.workflowId(), text, pointer);
        } else if (read instanceof RuntimeExpression.SourceDescriptionField field) {
            named("source description", field.name(), text, pointer);
        }
    }

    /** {@code $workflows.<w>.steps.<s>} and {@code $sourceDescriptions.<n>.<w>.steps.<s>}; a bare stepId is no expression. */
    private void dependency(String entry, String pointer) {
        List<String> parts = new ArrayList<>(List.of(entry.split("\\.", -1)));
        if (entry.startsWith("$workflows.") && parts.size() == 4 && parts.get(2).equals("steps")) {
            named("workflow", parts.get(1), entry, pointer);
            named("step", parts.get(3), entry, pointer);
        } else if (entry.startsWith("$sourceDescriptions.") && parts.size() == 5 && parts.get(3).equals("steps")) {
            named("source description", parts.get(1), entry, pointer);
            named("workflow", parts.get(2), entry, pointer);
            named("step", parts.get(4), entry, pointer);
        }
    }

    private void named(String what, String id, String text, String pointer) {
        if (strict(id)) {
            return;
        }
        reported.add(id);
        diagnostics.error("identifier-strict", document.locate(pointer), "'" + text + "' names " + what + " '" + id
                + "', but an Arazzo 1.1 runtime expression names steps, workflows and source descriptions with "
                + RULE + "; rename the " + what);
    }
}
