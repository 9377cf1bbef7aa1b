package dev.arazzo.codegen.emit;

import dev.arazzo.codegen.model.WorkflowModel;
import dev.arazzo.codegen.model.WorkflowModel.IdempotencyModel;
import dev.arazzo.codegen.model.WorkflowModel.StepModel;
import java.util.LinkedHashSet;

/**
 * What every emitter of one workflow class shares: the model, its names, the run-time types, and the
 * options of the generation.
 */
final class EmitContext {

    private final WorkflowModel workflow;
    private final String specName;
    private final WorkflowNames names;
    private final RuntimeTypes runtime;
    private final TypeEmitter types;
    private final CriteriaEmitter criteria;
    private final boolean idempotencyTokens;

    EmitContext(WorkflowModel workflow, String specName, RuntimeTypes runtime, boolean idempotencyTokens) {
        this.workflow = workflow;
        this.specName = specName;
        this.idempotencyTokens = idempotencyTokens;
        this.names = new WorkflowNames(workflow);
        this.runtime = runtime;
        this.types = new TypeEmitter(runtime);
        this.criteria = new CriteriaEmitter(this);
    }

    WorkflowModel workflow() {
        return workflow;
    }

    /** The file name of the document the workflow comes from. */
    String specName() {
        return specName;
    }

    WorkflowNames names() {
        return names;
    }

    RuntimeTypes runtime() {
        return runtime;
    }

    TypeEmitter types() {
        return types;
    }

    CriteriaEmitter criteria() {
        return criteria;
    }

    /** A compiler of the expressions inside the methods of {@code step} (null: outside any step). */
    ExpressionCompiler compiler(StepModel step) {
        return new ExpressionCompiler(this, step, new LinkedHashSet<>());
    }

    /** The idempotency token the generated code supplies for {@code step}, or null (none, or switched off). */
    IdempotencyModel idempotency(StepModel step) {
        return idempotencyTokens && step.target() instanceof WorkflowModel.HttpCall http ? http.idempotency() : null;
    }
}
