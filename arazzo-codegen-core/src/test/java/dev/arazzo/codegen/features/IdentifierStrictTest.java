package dev.arazzo.codegen.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arazzo.codegen.ArazzoCodegen;
import dev.arazzo.codegen.GenerationRequest;
import dev.arazzo.codegen.diagnostic.Diagnostic;
import dev.arazzo.codegen.testing.GeneratedCode;
import dev.arazzo.codegen.testing.RecordingServer.Response;
import dev.arazzo.codegen.testing.Scenario;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The Arazzo 1.1 runtime expression grammar: step ids, workflow ids and source names are
 * {@code identifier-strict} where an expression or a dependsOn entry names them (an error), an id outside it
 * that nothing names is a warning, a 1.0 document is not held to it; {@code $sourceDescriptions.<name>.<id>}
 * names an operationId or workflowId before a field.
 */
class IdentifierStrictTest extends ScenarioTest {

    private List<String> diagnostics(String version, String steps) {
        Path spec = scenario.write("workflow.arazzo.yaml", "arazzo: " + version + "\n" + """
                info: {title: Identifiers, version: '1'}
                sourceDescriptions:
                  - {name: things, url: things-openapi.yaml, type: openapi}
                workflows:
                  - workflowId: other
                    steps:
                      - {stepId: s, operationId: getStatus}
                  - workflowId: main
                    dependsOn: [other]
                    steps:
                      - stepId: first
                        operationId: getStatus
                        outputs: {state: $response.body#/state}
                """ + steps);
        return ArazzoCodegen.generate(GenerationRequest.builder().spec(spec)
                        .outputDirectory(directory.resolve("generated")).packageName(GeneratedCode.PACKAGE).build())
                .diagnostics().stream().filter(d -> !d.code().equals("unused-output"))
                .map(Diagnostic::toString).map(d -> d.substring(d.indexOf(".yaml:") + 6)).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            step id read by an expression  | 1.1.0 | '      - {stepId: "no@1", operationId: getStatus, outputs: {state: $statusCode}}\n      - {stepId: two, operationId: getThing, parameters: [{name: id, in: path, value: "$steps.no@1.outputs.state"}]}' | 16:87: error: [identifier-strict] '$steps.no@1.outputs.state' names step 'no@1', but an Arazzo 1.1 runtime expression names steps, workflows and source descriptions with letters, digits, '_' and '-' only (identifier-strict); rename the step
            step id nothing names          | 1.1.0 | '      - {stepId: "no.1", operationId: getStatus}' | 15:18: warning: [identifier-strict] step id 'no.1' has characters outside letters, digits, '_' and '-' only (identifier-strict), so no Arazzo 1.1 runtime expression can name it ($steps.<stepId>, dependsOn); rename it
            step id in a 1.0 document      | 1.0.1 | '      - {stepId: "no.1", operationId: getStatus}' | none
            dependsOn naming a workflow    | 1.1.0 | '      - {stepId: two, operationId: getStatus, dependsOn: ["$workflows.ot her.steps.s"]}' | 15:59: error: [identifier-strict] '$workflows.ot her.steps.s' names workflow 'ot her', but an Arazzo 1.1 runtime expression names steps, workflows and source descriptions with letters, digits, '_' and '-' only (identifier-strict); rename the workflow
            workflow value naming a workflow | 1.1.0 | '      - {stepId: two, operationId: getThing, parameters: [{name: id, in: path, value: "$workflows.o+ther.outputs.x"}]}' | 15:87: error: [identifier-strict] '$workflows.o+ther.outputs.x' names workflow 'o+ther', but an Arazzo 1.1 runtime expression names steps, workflows and source descriptions with letters, digits, '_' and '-' only (identifier-strict); rename the workflow
            an operationId before a field  | 1.1.0 | '      - {stepId: two, operationId: getThing, parameters: [{name: id, in: path, value: "$sourceDescriptions.things.getThing"}]}' | 15:87: error: [invalid-expression] '$sourceDescriptions.things.getThing' names operation 'getThing' of source 'things' (Arazzo 1.1 resolves an operationId or workflowId before a field), which is no value; use it as a step's operationId or workflowId
            the url field of a source      | 1.1.0 | '      - {stepId: two, operationId: getThing, parameters: [{name: id, in: path, value: "$sourceDescriptions.things.url"}]}' | none
            """)
    void eachRuleOfTheGrammar(String rule, String version, String steps, String expected) {
        List<String> found = diagnostics(version, steps.replace("\\n", "\n") + "\n");

        List<String> relevant = found.stream().filter(d -> d.contains("[identifier-strict]")
                || d.contains("[invalid-expression]")).toList();
        assertEquals(expected.equals("none") ? List.of() : List.of(expected), relevant, found.toString());
    }

    @Test
    void aSourcesUrlIsStillReadAsItsField() throws Exception {
        GeneratedCode code = scenario.generate("""
                arazzo: 1.1.0
                info: {title: Identifiers, version: '1'}
                sourceDescriptions:
                  - {name: things, url: things-openapi.yaml, type: openapi}
                workflows:
                  - workflowId: main
                    steps:
                      - stepId: get-thing
                        operationId: getThing
                        parameters: [{name: q, in: query, value: $sourceDescriptions.things.url}, {name: id, in: path, value: a}]
                """);
        scenario.server().on("GET", "/things/a", Response.json(200, "{}"));

        GeneratedCode.call(scenario.client(code, "MainWorkflow"), "run", Scenario.inputs(code, "MainWorkflow", Map.of()));

        assertEquals("q=things-openapi.yaml", scenario.server().requests().get(0).query());
    }
}
