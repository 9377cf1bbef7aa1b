package dev.arazzo.codegen.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arazzo.codegen.ArazzoCodegen;
import dev.arazzo.codegen.GenerationRequest;
import dev.arazzo.codegen.GenerationResult;
import dev.arazzo.codegen.diagnostic.Diagnostic;
import dev.arazzo.codegen.testing.GeneratedCode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No diagnostic suggests a fix that is itself rejected: for each diagnostic that says what to write, the
 * document with that fix applied no longer gets it, and gets no error at all.
 */
class SuggestedFixesTest extends ScenarioTest {

    private static final String HEADER = WorkflowSemanticsTest.HEADER;

    static Stream<Arguments> fixes() {
        return Stream.of(
                Arguments.of("an output given a number is a constant; the quoted form too", "invalid-field",
                        "  - workflowId: w\n    steps: [{stepId: s, operationId: getStatus}]\n"
                                + "    outputs: {guildCount: [2]}\n",
                        "must be a string",
                        "  - workflowId: w\n    steps: [{stepId: s, operationId: getStatus}]\n"
                                + "    outputs: {guildCount: '2'}\n"),
                Arguments.of("a non-string stepId: quote it", "invalid-field",
                        "  - workflowId: w\n    steps: [{stepId: 5, operationId: getStatus}]\n",
                        "quote it: '5'",
                        "  - workflowId: w\n    steps: [{stepId: '5', operationId: getStatus}]\n"),
                Arguments.of("dependsOn as one name: write it as a list", "invalid-field",
                        "  - workflowId: a\n    steps: [{stepId: s, operationId: getStatus}]\n"
                                + "  - workflowId: w\n    dependsOn: a\n    steps: [{stepId: s, operationId: getStatus}]\n",
                        "write it as a list",
                        "  - workflowId: a\n    steps: [{stepId: s, operationId: getStatus}]\n"
                                + "  - workflowId: w\n    dependsOn: [a]\n    steps: [{stepId: s, operationId: getStatus}]\n"),
                Arguments.of("an unknown field: name it x-", "unknown-field",
                        "  - workflowId: w\n    titel: t\n    steps: [{stepId: s, operationId: getStatus}]\n",
                        "name it 'x-titel'",
                        "  - workflowId: w\n    x-titel: t\n    steps: [{stepId: s, operationId: getStatus}]\n"),
                Arguments.of("a non-spec expression: write the spec form", "non-spec-expression",
                        "  - workflowId: w\n    steps:\n      - {stepId: s, operationId: getStatus,"
                                + " outputs: {state: $response.body.state}}\n",
                        "write '$response.body#/state'",
                        "  - workflowId: w\n    steps:\n      - {stepId: s, operationId: getStatus,"
                                + " outputs: {state: '$response.body#/state'}}\n"),
                Arguments.of("an operationId in source shorthand: write $sourceDescriptions", "unknown-operation",
                        "  - workflowId: w\n    steps: [{stepId: s, operationId: things.getStatus}]\n",
                        "write '$sourceDescriptions.things.getStatus'",
                        "  - workflowId: w\n    steps: [{stepId: s, operationId: $sourceDescriptions.things.getStatus}]\n"),
                Arguments.of("a misspelt operationId: did you mean", "unknown-operation",
                        "  - workflowId: w\n    steps: [{stepId: s, operationId: GetStatus}]\n",
                        "did you mean 'getStatus'?",
                        "  - workflowId: w\n    steps: [{stepId: s, operationId: getStatus}]\n"),
                Arguments.of("a parameter named in another case: write that name", "parameter-name-mismatch",
                        "  - workflowId: w\n    steps:\n      - stepId: s\n        operationId: getThing\n"
                                + "        parameters: [{name: ID, in: path, value: x}]\n",
                        "write that name",
                        "  - workflowId: w\n    steps:\n      - stepId: s\n        operationId: getThing\n"
                                + "        parameters: [{name: id, in: path, value: x}]\n"),
                Arguments.of("an empty condition: write one such as $statusCode == 200", "invalid-expression",
                        "  - workflowId: w\n    steps:\n      - {stepId: s, operationId: getStatus,"
                                + " successCriteria: [{condition: ''}]}\n",
                        "write one such as '$statusCode == 200'",
                        "  - workflowId: w\n    steps:\n      - {stepId: s, operationId: getStatus,"
                                + " successCriteria: [{condition: '$statusCode == 200'}]}\n"),
                Arguments.of("an integer compared with a quoted number: write it without quotes", "type-mismatch",
                        "  - workflowId: w\n    steps:\n      - {stepId: s, operationId: getStatus,"
                                + " successCriteria: [{condition: \"$response.body#/count == '5'\"}]}\n",
                        "write the literal without quotes: 5",
                        "  - workflowId: w\n    steps:\n      - {stepId: s, operationId: getStatus,"
                                + " successCriteria: [{condition: '$response.body#/count == 5'}]}\n"),
                Arguments.of("a string compared with a number: quote it", "type-mismatch",
                        "  - workflowId: w\n    steps:\n      - {stepId: s, operationId: getStatus,"
                                + " successCriteria: [{condition: '$response.body#/state == 5'}]}\n",
                        "quote the literal: '5'",
                        "  - workflowId: w\n    steps:\n      - {stepId: s, operationId: getStatus,"
                                + " successCriteria: [{condition: \"$response.body#/state == '5'\"}]}\n"),
                Arguments.of("a boolean compared with a quoted boolean: write it without quotes", "type-mismatch",
                        "  - workflowId: w\n    steps:\n      - {stepId: s, operationId: getStatus,"
                                + " successCriteria: [{condition: \"$response.body#/ready == 'true'\"}]}\n",
                        "write the literal without quotes: true",
                        "  - workflowId: w\n    steps:\n      - {stepId: s, operationId: getStatus,"
                                + " successCriteria: [{condition: '$response.body#/ready == true'}]}\n"),
                Arguments.of("a response read in a request: read it in the outputs", "response-not-available",
                        "  - workflowId: w\n    steps:\n      - stepId: s\n        operationId: getThing\n"
                                + "        parameters: [{name: id, in: path, value: $response.body#/id}]\n",
                        "read it in the step's outputs or criteria",
                        "  - workflowId: w\n    steps:\n      - stepId: s\n        operationId: getThing\n"
                                + "        parameters: [{name: id, in: path, value: x}]\n"
                                + "        outputs: {id: $response.body#/id}\n"),
                Arguments.of("$statusCode of a workflow step: test $outputs instead", "response-not-available",
                        "  - workflowId: a\n    steps: [{stepId: s, operationId: getStatus, outputs: {st: $statusCode}}]\n"
                                + "    outputs: {st: $steps.s.outputs.st}\n"
                                + "  - workflowId: w\n    steps:\n      - {stepId: c, workflowId: a,"
                                + " successCriteria: [{condition: $statusCode == 200}]}\n",
                        "test '$outputs.<name>' instead",
                        "  - workflowId: a\n    steps: [{stepId: s, operationId: getStatus, outputs: {st: $statusCode}}]\n"
                                + "    outputs: {st: $steps.s.outputs.st}\n"
                                + "  - workflowId: w\n    steps:\n      - {stepId: c, workflowId: a,"
                                + " successCriteria: [{condition: $outputs.st == 200}]}\n"),
                Arguments.of("a workflow read but not run: add it to dependsOn", "unknown-workflow",
                        "  - workflowId: a\n    steps: [{stepId: s, operationId: getStatus, outputs: {st: $statusCode}}]\n"
                                + "    outputs: {st: $steps.s.outputs.st}\n"
                                + "  - workflowId: w\n    steps: [{stepId: s, operationId: getStatus}]\n"
                                + "    outputs: {st: $workflows.a.outputs.st}\n",
                        "add it to dependsOn",
                        "  - workflowId: a\n    steps: [{stepId: s, operationId: getStatus, outputs: {st: $statusCode}}]\n"
                                + "    outputs: {st: $steps.s.outputs.st}\n"
                                + "  - workflowId: w\n    dependsOn: [a]\n    steps: [{stepId: s, operationId: getStatus}]\n"
                                + "    outputs: {st: $workflows.a.outputs.st}\n"),
                Arguments.of("a workflow read before its step: add it to dependsOn", "workflow-not-run",
                        "  - workflowId: a\n    steps: [{stepId: s, operationId: getStatus, outputs: {st: $statusCode}}]\n"
                                + "    outputs: {st: $steps.s.outputs.st}\n"
                                + "  - workflowId: w\n    steps:\n"
                                + "      - {stepId: s, operationId: getStatus, successCriteria: "
                                + "[{condition: $workflows.a.outputs.st == 200}]}\n"
                                + "      - {stepId: c, workflowId: a}\n",
                        "or add the workflow to dependsOn",
                        "  - workflowId: a\n    steps: [{stepId: s, operationId: getStatus, outputs: {st: $statusCode}}]\n"
                                + "    outputs: {st: $steps.s.outputs.st}\n"
                                + "  - workflowId: w\n    dependsOn: [a]\n    steps:\n"
                                + "      - {stepId: s, operationId: getStatus, successCriteria: "
                                + "[{condition: $workflows.a.outputs.st == 200}]}\n"
                                + "      - {stepId: c, workflowId: a}\n"),
                Arguments.of("a goto to the workflow it is in: go to its first step", "goto-own-workflow",
                        "  - workflowId: w\n    steps:\n      - stepId: s\n        operationId: getStatus\n"
                                + "        onFailure: [{name: again, type: goto, workflowId: w}]\n",
                        "go to its first step with 'stepId' instead",
                        "  - workflowId: w\n    steps:\n      - stepId: s\n        operationId: getStatus\n"
                                + "        onFailure: [{name: again, type: goto, stepId: s}]\n"));
    }

    private GenerationResult generate(String workflows) {
        return ArazzoCodegen.generate(GenerationRequest.builder()
                .spec(scenario.write("workflow.arazzo.yaml", HEADER + "workflows:\n" + workflows))
                .outputDirectory(directory.resolve("generated")).packageName(GeneratedCode.PACKAGE).build());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixes")
    void theSuggestedFixIsAccepted(String name, String code, String broken, String suggestion, String fixed) {
        List<Diagnostic> before = generate(broken).diagnostics().stream().filter(d -> d.code().equals(code)).toList();
        assertEquals(1, before.size(), () -> "expected one [" + code + "]: " + before);
        assertTrue(before.get(0).message().contains(suggestion), before.get(0)::toString);

        GenerationResult after = generate(fixed);

        assertEquals(List.of(), after.diagnostics().stream()
                .filter(d -> d.isError() || d.code().equals(code)).map(Object::toString).toList());
    }
}
