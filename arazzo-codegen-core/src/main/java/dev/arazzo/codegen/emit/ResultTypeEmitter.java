package dev.arazzo.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.arazzo.codegen.model.WorkflowModel;
import dev.arazzo.codegen.model.WorkflowModel.OutputModel;
import dev.arazzo.codegen.model.WorkflowModel.StepModel;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Emits what a run and its steps return: the {@code Outputs} record, the sealed {@code Result} of
 * {@code execute} with its three kinds, one result record per step, and the private {@code Step} enum
 * of the run loop.
 */
final class ResultTypeEmitter {

    private final WorkflowModel workflow;
    private final WorkflowNames names;

    ResultTypeEmitter(EmitContext context) {
        this.workflow = context.workflow();
        this.names = context.names();
    }

    TypeSpec outputs() {
        return record(names.outputs(), CodeBlock.of("The outputs of workflow {@code $L}.\n",
                Javadocs.escape(workflow.workflowId())), workflow.outputs());
    }

    TypeSpec stepResult(StepModel step) {
        return record(step.resultType(), CodeBlock.of("The outputs of step {@code $L}.\n",
                Javadocs.escape(step.stepId())), step.outputs());
    }

    private static TypeSpec record(ClassName name, CodeBlock summary, List<OutputModel> outputs) {
        MethodSpec.Builder components = MethodSpec.constructorBuilder();
        CodeBlock.Builder doc = CodeBlock.builder().add(summary);
        for (OutputModel output : outputs) {
            components.addParameter(output.type(), output.javaName());
            // the first by identity, not equals: no ObjectMethods bootstrap for OutputModel (see TypeEmitter)
            doc.add("$L@param $N {@code $L}\n", output == outputs.get(0) ? "\n" : "", output.javaName(),
                    Javadocs.escape(output.text()));
        }
        return TypeSpec.recordBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc(doc.build())
                .recordConstructor(components.build())
                .build();
    }

    /** The sealed {@code Result} of {@code execute} and its three kinds. */
    List<TypeSpec> results() {
        TypeSpec sealed = TypeSpec.interfaceBuilder(names.result())
                .addModifiers(Modifier.PUBLIC, Modifier.SEALED)
                .addPermittedSubclass(names.completed())
                .addPermittedSubclass(names.ended())
                .addPermittedSubclass(names.failed())
                .addJavadoc("How a run of the workflow turned out: {@link Completed}, {@link Ended} early by an "
                        + "{@code end}\naction, or {@link Failed} at a step that no failure action handled.\n")
                .build();
        TypeSpec completed = TypeSpec.recordBuilder(names.completed())
                .addModifiers(Modifier.PUBLIC)
                .addSuperinterface(names.result())
                .addJavadoc("The workflow ran to its end.\n\n@param outputs its outputs\n")
                .recordConstructor(MethodSpec.constructorBuilder().addParameter(names.outputs(), "outputs").build())
                .build();
        TypeSpec ended = TypeSpec.recordBuilder(names.ended())
                .addModifiers(Modifier.PUBLIC)
                .addSuperinterface(names.result())
                .addJavadoc("An {@code end} action ended the workflow early.\n\n"
                        + "@param stepId the step whose action ended it\n"
                        + "@param outputs its outputs; those of steps that did not run are null\n")
                .recordConstructor(MethodSpec.constructorBuilder()
                        .addParameter(String.class, "stepId").addParameter(names.outputs(), "outputs").build())
                .build();
        TypeSpec failed = TypeSpec.recordBuilder(names.failed())
                .addModifiers(Modifier.PUBLIC)
                .addSuperinterface(names.result())
                .addJavadoc("A step failed and no failure action handled it.\n\n"
                        + "@param stepId the step that failed (of a workflow this one depends on, when that failed)\n"
                        + "@param statusCode the HTTP status of its last response\n"
                        + "    (0 for a step that calls a workflow)\n"
                        + "@param failedCriterion the first success criterion that did not hold, as written\n"
                        + "@param bodyExcerpt the start of the response body, at most 512 characters\n")
                .recordConstructor(MethodSpec.constructorBuilder()
                        .addParameter(String.class, "stepId").addParameter(int.class, "statusCode")
                        .addParameter(String.class, "failedCriterion").addParameter(String.class, "bodyExcerpt")
                        .build())
                .build();
        return List.of(sealed, completed, ended, failed);
    }

    TypeSpec stepEnum() {
        TypeSpec.Builder type = TypeSpec.enumBuilder(names.stepEnum()).addModifiers(Modifier.PRIVATE)
                .addJavadoc("The steps, for the control flow of {@link #execute}.\n");
        for (StepModel step : workflow.steps()) {
            type.addEnumConstant(names.constant(step));
        }
        if (workflow.steps().isEmpty()) {
            type.addEnumConstant("NONE");
        }
        return type.build();
    }
}
