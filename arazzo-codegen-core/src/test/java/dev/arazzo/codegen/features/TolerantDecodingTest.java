package dev.arazzo.codegen.features;

import static dev.arazzo.codegen.testing.GeneratedCode.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.arazzo.codegen.testing.GeneratedCode;
import dev.arazzo.codegen.testing.RecordingServer.Response;
import dev.arazzo.codegen.testing.Scenario;
import dev.arazzo.runtime.WorkflowException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Typed decoding where something reads: a response member that deviates from its schema fails the step only
 * when an output or a later expression reads it, naming the step, the pointer, the type expected and what
 * came; the members of a typed record that nothing reads are read tolerantly (null when they deviate).
 */
class TolerantDecodingTest {

    private static final String OPENAPI = """
            openapi: 3.0.3
            info: {title: Pets, version: '1'}
            servers: [{url: 'https://pets.example.com'}]
            paths:
              /pet:
                get:
                  operationId: getPet
                  responses:
                    '200':
                      description: A pet.
                      content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}
              /visits:
                get:
                  operationId: getVisits
                  parameters:
                    - {name: ids, in: query, explode: false, schema: {type: array, items: {type: integer}}}
                  responses: {'200': {description: Visits.}}
            components:
              schemas:
                Pet:
                  type: object
                  properties:
                    id: {type: integer}
                    name: {type: string}
                    age: {type: integer}
                    ids: {type: array, items: {type: integer}}
                    owner: {$ref: '#/components/schemas/Owner'}
                Owner:
                  type: object
                  properties:
                    name: {type: string}
                    since: {type: string, format: date}
            """;

    private static final String ARAZZO = """
            arazzo: 1.0.1
            info: {title: Pets, version: '1'}
            sourceDescriptions:
              - {name: pets, url: pets-openapi.yaml, type: openapi}
            workflows:
              - workflowId: names
                steps:
                  - stepId: pet
                    operationId: getPet
                    outputs: {pet: $response.body}
                outputs:
                  name: $steps.pet.outputs.pet#/name
              - workflowId: ages
                steps:
                  - stepId: pet
                    operationId: getPet
                    outputs: {age: $response.body#/age, name: $response.body#/name}
                outputs:
                  age: $steps.pet.outputs.age
              - workflowId: owners
                steps:
                  - stepId: pet
                    operationId: getPet
                    outputs: {pet: $response.body}
                  - stepId: visits
                    operationId: getVisits
                    parameters:
                      - {name: ids, in: query, value: $steps.pet.outputs.pet#/ids}
                outputs:
                  since: $steps.pet.outputs.pet#/owner/since
            """;

    private static final String DEVIATING = """
            {"id": 7, "name": "Rex", "age": "old", "ids": [1, "two"],
             "owner": {"name": "Ann", "since": "yesterday"}}""";

    @TempDir
    static Path directory;

    private static Scenario scenario;
    private static GeneratedCode code;

    @BeforeAll
    static void generate() {
        scenario = Scenario.in(directory);
        scenario.write("pets-openapi.yaml", OPENAPI);
        code = scenario.generate(ARAZZO);
    }

    @AfterAll
    static void stop() {
        scenario.close();
    }

    @BeforeEach
    void visits() {
        scenario.server().clear();
        scenario.server().on("GET", "/visits", Response.json(200, "[]"));
    }

    private Object run(String workflow) {
        Object client = scenario.client(code, workflow);
        return call(client, "run", Scenario.inputs(code, workflow, Map.of()));
    }

    private WorkflowException fails(String workflow) {
        return assertInstanceOf(WorkflowException.class, assertThrows(RuntimeException.class, () -> run(workflow)));
    }

    @Test
    void membersThatDeviateButThatNothingReadsDoNotFailTheRun() {
        scenario.server().on("GET", "/pet", Response.json(200, DEVIATING));

        Object outputs = run("NamesWorkflow");

        assertEquals("Rex", call(outputs, "name"));
        Object pet = call(call(scenario.client(code, "NamesWorkflow"), "pet",
                Scenario.inputs(code, "NamesWorkflow", Map.of())), "pet");
        assertEquals(code.type("NamesWorkflow.Pet"), pet.getClass(), "the typed record stays");
        assertEquals(7, call(pet, "id"));
        assertEquals("Rex", call(pet, "name"));
        assertNull(call(pet, "age"), "not an integer, read by nothing: null");
        assertNull(call(pet, "ids"), "an element is not an integer: the list is null");
        assertEquals("Ann", call(call(pet, "owner"), "name"));
        assertNull(call(call(pet, "owner"), "since"));
    }

    @Test
    void aMemberAnOutputReadsFailsTheStepNamingThePointerTheTypeAndWhatCame() {
        scenario.server().on("GET", "/pet", Response.json(200, DEVIATING));

        assertEquals("step 'pet' reads $response.body#/age: expected a 32-bit integer (as the response schema says) "
                + "but found \"old\"", fails("AgesWorkflow").getMessage());

        scenario.server().on("GET", "/pet", Response.json(200, "{\"name\": \"Rex\", \"age\": 3, \"ids\": \"x\"}"));
        assertEquals(3, call(run("AgesWorkflow"), "age"), "the deviating ids are read by nothing");
    }

    @Test
    void membersThatLaterExpressionsReadThroughAnOutputAreCheckedAtTheStep() {
        scenario.server().on("GET", "/pet", Response.json(200, DEVIATING));
        assertEquals("step 'pet' reads $response.body#/ids/1: expected a 32-bit integer (as the response schema "
                + "says) but found \"two\"", fails("OwnersWorkflow").getMessage());
        assertEquals(1, scenario.server().requests().size(), "the step failed before the next was sent");

        scenario.server().on("GET", "/pet", Response.json(200, """
                {"ids": [1, 2], "owner": {"since": "yesterday"}}"""));
        assertEquals("step 'pet' reads $response.body#/owner/since: expected a date (as the response schema says) "
                + "but found \"yesterday\"", fails("OwnersWorkflow").getMessage());

        scenario.server().on("GET", "/pet", Response.json(200, """
                {"age": "old", "ids": [1, 2], "owner": {"name": 5, "since": "2020-01-31"}}"""));
        Object outputs = run("OwnersWorkflow");
        assertEquals(LocalDate.of(2020, 1, 31), call(outputs, "since"));
        assertEquals(List.of("ids=1,2"), scenario.server().requests().stream()
                .filter(r -> r.path().equals("/visits")).map(r -> r.query()).distinct().toList());
    }

    @Test
    void aBodyThatIsNotTheObjectTheOutputReadsFailsTheStep() {
        scenario.server().on("GET", "/pet", Response.json(200, "[1, 2]"));
        assertEquals("step 'pet' reads $response.body: expected an object (Pet) (as the response schema says) but "
                + "found [1,2]", fails("NamesWorkflow").getMessage());
    }
}
