package dev.arazzo.codegen.bind;

import dev.arazzo.codegen.load.ArazzoDocument;
import dev.arazzo.codegen.load.ArazzoDocument.Workflow;

/** A workflow that a step, a dependsOn entry or an action calls, with the document that defines it. */
public record WorkflowTarget(ArazzoDocument document, Workflow workflow) {

    /** Whether this is the same workflow as {@code other}: same document file, same id. */
    public boolean sameAs(ArazzoDocument otherDocument, Workflow otherWorkflow) {
        return document.source().file().equals(otherDocument.source().file())
                && workflow.workflowId().equals(otherWorkflow.workflowId());
    }
}
