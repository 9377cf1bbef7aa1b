package dev.arazzo.codegen.features;

import static dev.arazzo.codegen.testing.GeneratedCode.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arazzo.codegen.ArazzoCodegen;
import dev.arazzo.codegen.GenerationRequest;
import dev.arazzo.codegen.GenerationResult;
import dev.arazzo.codegen.diagnostic.Diagnostic;
import dev.arazzo.codegen.testing.GeneratedCode;
import dev.arazzo.codegen.testing.RecordingServer.Response;
import dev.arazzo.codegen.testing.Scenario;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Arazzo 1.1: the {@code parameters} of a success or failure action that goes to a workflow are that
 * workflow's inputs, evaluated in the step's context; they override the inputs passed by name.
 */
class ActionParametersTest extends ScenarioTest {

    private static final String DOCUMENT = """
            arazzo: 1.1.0
            info: {title: Actions, version: '1'}
            sourceDescriptions:
              - {name: things, url: things-openapi.yaml, type: openapi}
            workflows:
              - workflowId: inner
                inputs:
                  type: object
                  required: [id]
                  properties:
                    id: {type: string}
                    note: {type: string}
                    page: {type: integer}
                steps:
                  - stepId: fetch
                    operationId: getThing
                    parameters:
                      - {name: id, in: path, value: $inputs.id}
                      - {name: q, in: query, value: $inputs.note}
                      - {name: page, in: query, value: $inputs.page}
              - workflowId: outer
                inputs:
                  type: object
                  properties:
                    note: {type: string}
                    page: {type: integer}
                steps:
                  - stepId: first
                    operationId: getThing
                    parameters: [{name: id, in: path, value: t1}]
                    onSuccess:
                      - name: onward
                        type: goto
                        workflowId: inner
                        parameters:
                          - {name: id, value: {context: $response.body, selector: /id, type: jsonpointer}}
                    onFailure:
                      - name: recover
                        type: goto
                        workflowId: inner
                        criteria: [{condition: $statusCode == 404}]
                        parameters:
                          - {name: id, value: $response.body#/name}
                          - {name: note, value: from-action}
            """;

    private List<String> requests() {
        return scenario.server().requests().stream().map(r -> r.method() + " " + r.path()
                + (r.query() == null ? "" : "?" + r.query())).toList();
    }

    @Test
    void aFailureActionPassesItsParametersOverTheInputsByName() {
        GeneratedCode code = scenario.generate(DOCUMENT);
        scenario.server().on("GET", "/things/t1", Response.json(404, "{\"id\":\"x\",\"name\":\"t2\"}"));
        scenario.server().on("GET", "/things/t2", Response.json(200, "{\"id\":\"t2\"}"));

        call(scenario.client(code, "OuterWorkflow"), "run", Scenario.inputs(code, "OuterWorkflow",
                Map.of("note", "from-inputs", "page", 3)));

        assertEquals(List.of("GET /things/t1", "GET /things/t2?q=from-action&page=3"), requests());
    }

    @Test
    void aSuccessActionPassesASelectedValueAndTheRestByName() {
        GeneratedCode code = scenario.generate(DOCUMENT);
        scenario.server().on("GET", "/things/t1", Response.json(200, "{\"id\":\"t5\",\"name\":\"n\"}"));
        scenario.server().on("GET", "/things/t5", Response.json(200, "{\"id\":\"t5\"}"));

        call(scenario.client(code, "OuterWorkflow"), "run", Scenario.inputs(code, "OuterWorkflow",
                Map.of("note", "from-inputs", "page", 3)));

        assertEquals(List.of("GET /things/t1", "GET /things/t5?q=from-inputs&page=3"), requests());
    }

    @Test
    void anInOnAnActionParameterIsALocatedError() {
        Path spec = scenario.write("workflow.arazzo.yaml", DOCUMENT.replace("{name: id, value: {context", "{name: id, in: query, value: {context"));
        GenerationResult result = ArazzoCodegen.generate(GenerationRequest.builder().spec(spec)
                .outputDirectory(directory.resolve("generated")).packageName(GeneratedCode.PACKAGE).build());

        assertTrue(result.files().isEmpty());
        List<String> found = result.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::toString)
                .toList();
        assertEquals(List.of(spec + ":36:32: error: [invalid-field] parameter 'id' of an action is an input of the "
                + "workflow the action goes to; remove 'in: query'"), found);
    }

    @Test
    void anUnknownInputNameIsALocatedError() {
        Path spec = scenario.write("workflow.arazzo.yaml", DOCUMENT
                .replace("{name: note, value: from-action}", "{name: nots, value: from-action}"));
        GenerationResult result = ArazzoCodegen.generate(GenerationRequest.builder().spec(spec)
                .outputDirectory(directory.resolve("generated")).packageName(GeneratedCode.PACKAGE).build());

        assertTrue(result.files().isEmpty());
        List<String> found = result.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::toString)
                .toList();
        assertEquals(List.of(spec + ":44:17: error: [unknown-input] action 'recover' passes 'nots', which workflow "
                + "'inner' does not declare in its inputs; did you mean 'note'?"), found);
    }
}
